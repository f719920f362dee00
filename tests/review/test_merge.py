"""Merging annotators' project files."""

from annotator.cli import main
from annotator.store import Store


def make(path, annotator, reference_text, words):
    with Store.open(path) as store:
        doc, _ = store.add_document(reference_text, "ref")
        ids = []
        for word, label in words:
            at = reference_text.index(word)
            ids.append(store.add_span(doc.id, annotator, label, at, at + len(word)).id)
        store.set_status(doc.id, annotator, "done")
        return ids


def test_merge_brings_spans_keeps_annotators_and_is_idempotent(tmp_path, reference_text, capsys):
    make(tmp_path / "alice.db", "alice", reference_text, [("قصفت", "event"), ("سوريا", "place")])
    make(tmp_path / "bob.db", "bob", reference_text, [("قصفت", "event"), ("صباح الخميس", "date")])
    target = tmp_path / "review.db"
    assert main(["merge", "--db", str(target), str(tmp_path / "alice.db"), str(tmp_path / "bob.db")]) == 0
    with Store.open(target) as store:
        assert store.document_count() == 1  # matched by the text's SHA-256
        spans = store.spans_for(1)
        assert sorted((s.annotator, s.text) for s in spans) == [
            ("alice", "سوريا"), ("alice", "قصفت"), ("bob", "صباح الخميس"), ("bob", "قصفت")]
        assert store.status(1, "bob") == "done"
    assert main(["merge", "--db", str(target), str(tmp_path / "alice.db"), str(tmp_path / "bob.db")]) == 0
    assert "0 new span(s), 2 already here" in capsys.readouterr().err
    with Store.open(target) as store:
        assert len(store.spans_for(1)) == 4


def test_a_conflicting_span_is_reported_and_left_alone(tmp_path, reference_text, capsys):
    (span_id,) = make(tmp_path / "alice.db", "alice", reference_text, [("قصفت", "event")])
    target = tmp_path / "review.db"
    assert main(["merge", "--db", str(target), str(tmp_path / "alice.db")]) == 0
    with Store.open(tmp_path / "alice.db") as store:  # alice relabels after the first merge
        store.update_span(span_id, label="date")
    capsys.readouterr()
    assert main(["merge", "--db", str(target), str(tmp_path / "alice.db")]) == 2
    assert f"conflict: {tmp_path / 'alice.db'}: span {span_id}" in capsys.readouterr().err
    with Store.open(target) as store:
        assert [s.label for s in store.spans_for(1)] == ["event"]

"""Merging annotators' project files."""

import math
import shutil
import sqlite3
from difflib import SequenceMatcher

import pytest

from annotator.cli import main
from annotator.store import Store


def make(path, annotator, reference_text, words):
    with Store.open(path) as store:
        doc, _ = store.add_document(reference_text, "ref")
        ids = []
        for word, label in words:
            at = reference_text.index(word)
            ids.append(store.create_span(doc.id, annotator, label, at, at + len(word)).id)
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


# -- near-duplicates and --same ---------------------------------------------------------------

EDITED = ("وفي الشأن العراقي", "وفي الشن العراقي")  # one letter fewer, outside alice's and most of bob's spans


def bob_on_an_edited_copy(tmp_path, reference_text):
    """bob labels a copy of the article with one letter dropped: every span after it is one
    code point earlier, and one of his spans covers the edited word."""
    text = reference_text.replace(*EDITED, 1)
    assert len(text) == len(reference_text) - 1
    ids = make(tmp_path / "bob.db", "bob", text, [("قصفت", "event"), ("الشن العراقي", "event"),
                                                    ("مدينة الصدر", "place"), ("شهود عيان", "source")])
    return text, dict(zip(["قصفت", "الشن العراقي", "مدينة الصدر", "شهود عيان"], ids))


def table(db, sql):
    conn = sqlite3.connect(db)
    try:
        return sorted(conn.execute(sql).fetchall())
    finally:
        conn.close()


def test_a_near_duplicate_is_listed_and_kept_separate(tmp_path, reference_text, capsys):
    make(tmp_path / "alice.db", "alice", reference_text, [("قصفت", "event")])
    bob_on_an_edited_copy(tmp_path, reference_text)
    target = tmp_path / "review.db"
    assert main(["merge", "--db", str(target), str(tmp_path / "alice.db"), str(tmp_path / "bob.db")]) == 0
    err = capsys.readouterr().err
    expected = SequenceMatcher(None, reference_text.replace(*EDITED, 1), reference_text, autojunk=False).ratio()
    assert (f"near-duplicate: document 1 of {tmp_path / 'bob.db'} ('ref') and document 1 here ('ref'): "
            f"same title, {math.floor(expected * 10000) / 100:.2f}% similar; "
            "kept separate (join them with --same 1=1)") in err
    with Store.open(target) as store:
        assert store.document_count() == 2  # left separate, as before, but no longer silently


def test_same_joins_a_near_duplicate_and_maps_only_unchanged_spans(tmp_path, reference_text, capsys):
    make(tmp_path / "alice.db", "alice", reference_text, [("قصفت", "event")])
    bob_text, bob_ids = bob_on_an_edited_copy(tmp_path, reference_text)
    target = tmp_path / "review.db"
    assert main(["merge", "--db", str(target), str(tmp_path / "alice.db")]) == 0
    capsys.readouterr()
    assert main(["merge", "--db", str(target), str(tmp_path / "bob.db"), "--same", "1=1"]) == 2
    err = capsys.readouterr().err
    assert "1 joined; 3 new span(s)" in err
    assert f"not merged: {tmp_path / 'bob.db'}: span {bob_ids['الشن العراقي']} (bob, event" in err
    # Where difflib's own character alignment puts bob's spans in the original text.
    blocks = SequenceMatcher(None, bob_text, reference_text, autojunk=False).get_matching_blocks()

    def moved(position):
        return next(j + position - i for i, j, n in blocks if i <= position < i + n)

    with Store.open(target) as store:
        assert store.document_count() == 1
        bob = {s.id: s for s in store.spans_for(1, ["bob"])}
        assert set(bob) == {bob_ids["قصفت"], bob_ids["مدينة الصدر"], bob_ids["شهود عيان"]}
        for word in ("قصفت", "مدينة الصدر", "شهود عيان"):
            start = bob_text.index(word)
            span = bob[bob_ids[word]]
            assert (span.start, span.end, span.text) == (moved(start), moved(start + len(word) - 1) + 1, word)
            assert reference_text[span.start:span.end] == word
        assert store.status(1, "bob") == "done"
        assert store.check() == []
    spans_before = table(target, "SELECT * FROM spans")
    # The join is remembered: merging bob again (without --same) changes nothing.
    assert main(["merge", "--db", str(target), str(tmp_path / "bob.db")]) == 2
    err = capsys.readouterr().err
    assert "0 new document(s), 0 matched, 1 joined; 0 new span(s), 3 already here" in err
    assert "near-duplicate" not in err
    assert table(target, "SELECT * FROM spans") == spans_before


def test_same_names_which_side_is_which_and_refuses_what_it_cannot_do(tmp_path, reference_text, capsys):
    make(tmp_path / "alice.db", "alice", reference_text, [("قصفت", "event")])
    bob_on_an_edited_copy(tmp_path, reference_text)
    target = tmp_path / "review.db"
    assert main(["merge", "--db", str(target), str(tmp_path / "alice.db")]) == 0
    before = table(target, "SELECT id, text_sha256 FROM documents")
    with pytest.raises(SystemExit):
        main(["merge", "--help"])
    assert "document OTHER_ID of OTHER.db (the file merged from) is document ID of --db" in \
        " ".join(capsys.readouterr().out.split())
    for argv, message in [
        (["--same", "7=1"], f"--same 7=1: {tmp_path / 'bob.db'} has no document 7"),
        (["--same", "1=9"], f"--same 1=9: {target} has no document 9"),
        ([str(tmp_path / "alice.db"), "--same", "1=1"], "--same names documents of one OTHER.db"),
    ]:
        assert main(["merge", "--db", str(target), str(tmp_path / "bob.db"), *argv]) == 1
        err = capsys.readouterr().err
        assert err.startswith(f"annotator: error: {message}") and err.count("\n") == 1
        assert table(target, "SELECT id, text_sha256 FROM documents") == before
    with pytest.raises(SystemExit):
        main(["merge", "--db", str(target), str(tmp_path / "bob.db"), "--same", "one=1"])
    assert "OTHER_ID=ID" in capsys.readouterr().err


# -- deletions ---------------------------------------------------------------------------------


def alice_and_an_old_copy(tmp_path, reference_text):
    """alice.db with three spans, copied to alice-old.db; then alice deletes one in alice.db."""
    ids = make(tmp_path / "alice.db", "alice", reference_text,
               [("قصفت", "event"), ("سوريا", "place"), ("صباح الخميس", "date")])
    shutil.copy(tmp_path / "alice.db", tmp_path / "alice-old.db")
    with Store.open(tmp_path / "alice.db") as store:
        store.delete_span(ids[1], by="alice")
        (deletion,) = store.deletions()
        assert (deletion.span_id, deletion.annotator, deletion.deleted_by) == (ids[1], "alice", "alice")
    return ids


def merged_spans(db):
    with Store.open(db) as store:
        return sorted((s.id, s.text) for s in store.spans_for(1))


@pytest.mark.parametrize("order", [("alice.db", "alice-old.db"), ("alice-old.db", "alice.db")])
def test_a_deleted_span_stays_deleted_whichever_copy_is_merged_first(tmp_path, reference_text, capsys, order):
    ids = alice_and_an_old_copy(tmp_path, reference_text)
    target = tmp_path / "review.db"
    files = [str(tmp_path / name) for name in order]
    assert main(["merge", "--db", str(target), *files]) == 0
    err = capsys.readouterr().err
    if order[0] == "alice.db":  # the deletion is known first: the old copy's span is refused
        assert "0 new span(s), 2 already here; 0 deletion(s) applied, 1 re-add(s) of deleted spans refused" in err
    else:  # the old copy's span came in first: the later deletion removes it
        assert "0 new span(s), 2 already here; 1 deletion(s) applied, 0 re-add(s)" in err
    assert merged_spans(target) == sorted([(ids[0], "قصفت"), (ids[2], "صباح الخميس")])
    with Store.open(target) as store:
        assert [(d.span_id, d.deleted_by) for d in store.deletions()] == [(ids[1], "alice")]
    # Twice changes nothing.
    everything = [table(target, f"SELECT * FROM {t}") for t in ("documents", "spans", "deleted_spans")]
    assert main(["merge", "--db", str(target), *files]) == 0
    assert "0 new span(s)" in capsys.readouterr().err
    assert [table(target, f"SELECT * FROM {t}") for t in ("documents", "spans", "deleted_spans")] == everything


def test_merging_the_two_copies_into_each_other_agrees(tmp_path, reference_text, capsys):
    ids = alice_and_an_old_copy(tmp_path, reference_text)
    new, old = tmp_path / "alice.db", tmp_path / "alice-old.db"
    assert main(["merge", "--db", str(new), str(old)]) == 0
    assert "1 re-add(s) of deleted spans refused" in capsys.readouterr().err
    assert main(["merge", "--db", str(old), str(new)]) == 0
    assert "1 deletion(s) applied" in capsys.readouterr().err
    assert merged_spans(new) == merged_spans(old) == sorted([(ids[0], "قصفت"), (ids[2], "صباح الخميس")])


def test_a_copy_changed_after_the_deletion_wins_and_is_reported(tmp_path, reference_text, capsys):
    ids = make(tmp_path / "alice.db", "alice", reference_text, [("قصفت", "event"), ("سوريا", "place")])
    target = tmp_path / "review.db"
    assert main(["merge", "--db", str(target), str(tmp_path / "alice.db")]) == 0
    with Store.open(tmp_path / "alice.db") as store:  # deleted in alice's copy long ago ...
        store.delete_span(ids[1], by="alice", at="2000-01-01T00:00:00.000+00:00")
    with Store.open(target) as store:  # ... and relabelled in the review copy since
        store.update_span(ids[1], label="date")
    capsys.readouterr()
    assert main(["merge", "--db", str(target), str(tmp_path / "alice.db")]) == 0
    err = capsys.readouterr().err
    assert "0 deletion(s) applied" in err
    assert (f"changed after a deletion: {tmp_path / 'alice.db'}: span {ids[1]} (alice) was deleted there by alice "
            "(2000-01-01T00:00:00.000+00:00) and changed here later") in err
    assert (ids[1], "سوريا") in merged_spans(target)


def test_a_copy_changed_after_the_deletion_here_comes_back_and_is_reported(tmp_path, reference_text, capsys):
    ids = make(tmp_path / "alice.db", "alice", reference_text, [("قصفت", "event"), ("سوريا", "place")])
    target = tmp_path / "review.db"
    assert main(["merge", "--db", str(target), str(tmp_path / "alice.db")]) == 0
    with Store.open(target) as store:  # the reviewer deleted it long ago (clocks agree on that much) ...
        store.delete_span(ids[1], by="reviewer", at="2000-01-01T00:00:00.000+00:00")
    with Store.open(tmp_path / "alice.db") as store:  # ... and alice relabelled it since
        store.update_span(ids[1], label="date")
    capsys.readouterr()
    assert main(["merge", "--db", str(target), str(tmp_path / "alice.db")]) == 0
    err = capsys.readouterr().err
    assert "1 new span(s), 1 already here; 0 deletion(s) applied, 0 re-add(s)" in err
    assert f"span {ids[1]} (alice, date" in err and "after reviewer deleted it here" in err
    with Store.open(target) as store:
        assert store.span(ids[1]).label == "date" and store.deletions() == []


def test_a_same_title_is_listed_and_unrelated_texts_are_not(tmp_path, reference_text, capsys):
    from tests.arabic_samples import DIACRITICS

    make(tmp_path / "alice.db", "alice", reference_text, [("قصفت", "event")])
    words = reference_text.split()
    with Store.open(tmp_path / "alice.db") as store:  # other articles of about the same length
        for shift in range(1, 30):
            store.add_document(" ".join(words[shift:] + words[:shift][::-1]), f"other {shift}")
    with Store.open(tmp_path / "bob.db") as store:
        store.add_document(DIACRITICS, "ref")  # another text under the same title
        store.add_document(" ".join(reversed(words)), "reversed")  # the same letters, another text
    target = tmp_path / "review.db"
    assert main(["merge", "--db", str(target), str(tmp_path / "alice.db")]) == 0
    capsys.readouterr()
    assert main(["merge", "--db", str(target), str(tmp_path / "bob.db")]) == 0
    lines = [line for line in capsys.readouterr().err.splitlines() if line.startswith("near-duplicate")]
    assert lines == [(f"near-duplicate: document 1 of {tmp_path / 'bob.db'} ('ref') and document 1 here ('ref'): "
                      "same title; kept separate (join them with --same 1=1)")]

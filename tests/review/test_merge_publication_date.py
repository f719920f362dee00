"""A document's publication date anchors its relative dates: a merge never loses one silently."""

from annotator.cli import main
from annotator.store import Store


def project(path, reference_text, published=None):
    with Store.open(path) as store:
        store.add_document(reference_text, "ref", meta={"published": published} if published else None)


def published_in(path):
    with Store.open(path) as store:
        return store.document(1).meta.get("published")


def test_a_copy_with_a_publication_date_gives_it_to_the_document_here_that_has_none(tmp_path, reference_text,
                                                                                     capsys):
    project(tmp_path / "review.db", reference_text)
    project(tmp_path / "alice.db", reference_text, "2018-04-19T08:30:00+03:00")
    assert main(["merge", "--db", str(tmp_path / "review.db"), str(tmp_path / "alice.db")]) == 0
    assert published_in(tmp_path / "review.db") == "2018-04-19"
    assert "publication date taken from" in capsys.readouterr().err


def test_two_different_publication_dates_are_a_conflict_and_the_one_here_stays(tmp_path, reference_text, capsys):
    project(tmp_path / "review.db", reference_text, "2018-04-19")
    project(tmp_path / "alice.db", reference_text, "2018-04-20")
    assert main(["merge", "--db", str(tmp_path / "review.db"), str(tmp_path / "alice.db")]) == 2
    err = capsys.readouterr().err
    assert "conflict:" in err and "published 2018-04-20 there" in err and "2018-04-19 here" in err
    assert published_in(tmp_path / "review.db") == "2018-04-19"


def test_the_same_date_written_two_ways_is_no_conflict(tmp_path, reference_text, capsys):
    project(tmp_path / "review.db", reference_text, "2018-04-19")
    project(tmp_path / "alice.db", reference_text, "19/04/2018")
    assert main(["merge", "--db", str(tmp_path / "review.db"), str(tmp_path / "alice.db")]) == 0
    assert "conflict" not in capsys.readouterr().err
    assert published_in(tmp_path / "review.db") == "2018-04-19"


def test_two_copies_that_imported_the_same_file_without_span_ids_merge_without_doubling(tmp_path, reference_text,
                                                                                     capsys):
    """Found from outside (issue 16): a desktop file and the team's project each imported the
    same JSON Lines (spans without ids); merging the file in stored every span twice."""
    import json

    source = tmp_path / "maha.jsonl"
    at = reference_text.index("سوريا")
    source.write_text(json.dumps({"text": reference_text, "spans": [
        {"start": at, "end": at + len("سوريا"), "label": "place"}]}, ensure_ascii=False) + "\n", encoding="utf-8")
    for name in ("review.db", "maha.db"):
        assert main(["import", "--db", str(tmp_path / name), "--annotator", "maha", str(source)]) == 0
    assert main(["merge", "--db", str(tmp_path / "review.db"), str(tmp_path / "maha.db")]) == 0
    assert "0 new span(s), 1 already here" in capsys.readouterr().err
    with Store.open(tmp_path / "review.db") as store:
        assert [(s.annotator, s.text) for s in store.spans_for(1)] == [("maha", "سوريا")]


def test_an_event_naming_a_span_that_is_here_under_another_id_names_the_one_here(tmp_path, reference_text, capsys):
    from annotator.core.model import Event

    at = reference_text.index("قصفت")
    with Store.open(tmp_path / "review.db") as store:
        store.add_document(reference_text, "ref")
        here = store.create_span(1, "maha", "event", at, at + 4)
    with Store.open(tmp_path / "maha.db") as store:
        store.add_document(reference_text, "ref")
        there = store.create_span(1, "maha", "event", at, at + 4)
        store.save_event(Event("E1", 1, "maha", (there.id,), {}))
    assert main(["merge", "--db", str(tmp_path / "review.db"), str(tmp_path / "maha.db")]) == 0
    with Store.open(tmp_path / "review.db") as store:
        assert len(store.spans_for(1)) == 1
        assert [e.mentions for e in store.events_for(1)] == [(here.id,)]

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

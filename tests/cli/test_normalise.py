"""Normalised values' plumbing: computed on import unless the input gives one, recomputed by
`annotator normalise` (spans without a value; --all: every value a person has not edited),
counted per label; reading commands leave the project file as it was."""

from __future__ import annotations

import hashlib
import json
import sqlite3

import pytest

from annotator.cli import main
from annotator.store import OpenMode, open_store
from tests.store.event_samples import reference_text

PUBLISHED = "2018-05-10"  # a Thursday: أمس is Wednesday 9 May
SPANS = [("أمس", "date"), ("نحو عشرين قتيلا ومئة جريح", "casualty"), ("مدينة الصدر", "place"),
         ("شهود عيان", "source"), ("أبريل/نيسان الماضي", "date")]


def article_jsonl(path, given: dict | None = None) -> None:
    text = reference_text()
    spans = []
    for words, label in SPANS:
        start = text.index(words)
        spans.append({"start": start, "end": start + len(words), "label": label, "text": words})
    if given is not None:
        spans[0]["value"] = given
    record = {"text": text, "title": "reference", "meta": {"published": PUBLISHED}, "spans": spans}
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")


def values(path) -> dict[str, tuple]:
    """Span text -> (value, edited), read with sqlite3 itself."""
    with sqlite3.connect(path) as conn:
        return {text: (None if value is None else json.loads(value), edited)
                for text, value, edited in conn.execute("SELECT text, value, value_edited FROM spans")}


def file_digest(path) -> tuple[str, list[str]]:
    """The project file's bytes (a closed project is all in it: the last close checkpoints the
    write-ahead log) and its content as SQL."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        dump = list(conn.iterdump())
    return hashlib.sha256(path.read_bytes()).hexdigest(), dump


def test_import_computes_values_unless_the_input_gives_one(tmp_path):
    db, source = tmp_path / "p.db", tmp_path / "a.jsonl"
    article_jsonl(source)
    assert main(["import", "--db", str(db), "--annotator", "alice", str(source)]) == 0
    found = values(db)
    assert found["أمس"] == ({"iso": "2018-05-09"}, 0)
    assert found["نحو عشرين قتيلا ومئة جريح"] == ({"killed": 20, "injured": 100, "approximate": True}, 0)
    assert found["أبريل/نيسان الماضي"] == ({"iso": "2018-04"}, 0)
    assert found["شهود عيان"] == (None, 0)  # no normaliser for sources
    other_db = tmp_path / "q.db"
    article_jsonl(source, given={"iso": "2018-05-08"})
    assert main(["import", "--db", str(other_db), "--annotator", "alice", str(source)]) == 0
    assert values(other_db)["أمس"] == ({"iso": "2018-05-08"}, 0)  # as the input says


def test_normalise_fills_missing_values_and_all_recomputes_what_no_person_edited(tmp_path, capsys):
    db, source = tmp_path / "p.db", tmp_path / "a.jsonl"
    article_jsonl(source)
    assert main(["import", "--db", str(db), "--annotator", "alice", str(source)]) == 0
    computed = values(db)
    with open_store(db, OpenMode.WRITE) as store:
        by_text = {s.text: s for s in store.spans_for(1)}
        store.set_span_values({by_text["أمس"].id: None})  # lost: to be filled
        store.set_span_values({by_text["أبريل/نيسان الماضي"].id: {"iso": "1999"}})  # stale, not edited
        store.set_span_value(by_text["نحو عشرين قتيلا ومئة جريح"].id, {"killed": 21})  # a person's
    capsys.readouterr()
    assert main(["normalise", "--db", str(db)]) == 0
    out, err = capsys.readouterr()
    counts = {line.split()[0]: [int(n) for n in line.split()[1:]] for line in out.splitlines()[1:]}
    assert counts == {"casualty": [1, 1, 0, 1], "date": [2, 2, 1, 0], "place": [1, 1, 0, 0], "source": [1, 0, 0, 0]}
    assert "1 value(s) changed" in err
    after = values(db)
    assert after["أمس"] == computed["أمس"]
    assert after["أبريل/نيسان الماضي"] == ({"iso": "1999"}, 0)  # has a value: only --all replaces it
    assert main(["normalise", "--db", str(db), "--all"]) == 0
    after = values(db)
    assert after["أبريل/نيسان الماضي"] == computed["أبريل/نيسان الماضي"]
    assert after["نحو عشرين قتيلا ومئة جريح"] == ({"killed": 21}, 1)  # edited: never touched
    capsys.readouterr()
    before = file_digest(db)
    assert main(["normalise", "--db", str(db), "--all"]) == 0  # nothing left to change: nothing written
    assert "0 value(s) changed" in capsys.readouterr().err
    assert file_digest(db) == before


def test_reading_commands_leave_the_project_as_it_was(tmp_path, capsys):
    db, source = tmp_path / "p.db", tmp_path / "a.jsonl"
    article_jsonl(source)
    assert main(["import", "--db", str(db), "--annotator", "alice", str(source)]) == 0
    before = file_digest(db)
    for argv in (["roles"], ["roles", "list"], ["check"], ["stats"],
                 ["export", "--format", "jsonl", "--out", str(tmp_path / "out.jsonl")]):
        assert main([*argv[:1], "--db", str(db), *argv[1:]]) == 0, argv
        assert file_digest(db) == before, argv
    assert not (tmp_path / "none.db").exists()
    assert main(["normalise", "--db", str(tmp_path / "none.db")]) == 1
    assert "no such project" in capsys.readouterr().err
    assert not (tmp_path / "none.db").exists()


def test_roles_are_listed_added_renamed_and_removed_from_the_command_line(tmp_path, capsys):
    db, source = tmp_path / "p.db", tmp_path / "a.jsonl"
    article_jsonl(source)
    assert main(["import", "--db", str(db), "--annotator", "alice", str(source)]) == 0
    capsys.readouterr()
    assert main(["roles", "--db", str(db)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == ["role", "place", "date", "casualty", "source"]
    assert main(["roles", "add", "--db", str(db), "target", "--title-en", "Target", "--title-ar", "الهدف"]) == 0
    assert main(["roles", "rename", "--db", str(db), "target", "objective"]) == 0
    assert main(["roles", "add", "--db", str(db), "objective"]) == 1
    assert "already a role called 'objective'" in capsys.readouterr().err
    assert main(["roles", "add", "--db", str(db), "weapon", "--label", "weapon"]) == 1
    assert "unknown label 'weapon'" in capsys.readouterr().err
    assert main(["roles", "remove", "--db", str(db), "objective"]) == 0
    with open_store(db, OpenMode.READ) as store:
        assert [r.name for r in store.roles()] == ["place", "date", "casualty", "source"]


def test_import_published_dates_relative_expressions_of_documents_that_give_none(tmp_path, capsys):
    text = reference_text()
    start = text.index("أمس")
    source = tmp_path / "bare.jsonl"  # no meta: the command line says when it was published
    source.write_text(json.dumps({"text": text, "spans": [{"start": start, "end": start + 3, "label": "date"}]},
                                 ensure_ascii=False) + "\n", encoding="utf-8")
    db = tmp_path / "p.db"
    assert main(["import", "--db", str(db), "--annotator", "alice", "--published", "2018-05-10", str(source)]) == 0
    assert values(db)["أمس"] == ({"iso": "2018-05-09"}, 0)
    with open_store(db, OpenMode.READ) as store:
        assert store.document(store.document_ids()[0]).meta == {"published": "2018-05-10"}
    # A date that is no date is refused before anything is read.
    capsys.readouterr()
    with pytest.raises(SystemExit) as exit_:
        main(["import", "--db", str(tmp_path / "q.db"), "--published", "10/05/2018", str(source)])
    assert exit_.value.code == 2
    assert "not a date: '10/05/2018'" in capsys.readouterr().err
    assert not (tmp_path / "q.db").exists()

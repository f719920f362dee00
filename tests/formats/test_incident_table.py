"""The `events` export: one row per event, read back by pandas; the row rules checked on
in-memory records first, then through the command line."""

from __future__ import annotations

import json

import pytest

from annotator.cli import main
from annotator.core.model import Document, Event, Span
from annotator.formats.exporting import ExportOptions, export_to_path
from annotator.formats.importer import import_paths
from annotator.formats.incidents import COLUMNS, incident_rows
from annotator.store import Store
from tests.formats.event_corpus import SECOND_TEXT, SECOND_TITLE, write_source

REQUIRED = ("event_id", "document_id", "title", "published", "event_text", "event_date", "date_precision", "place",
            "country", "latitude", "longitude", "killed", "injured", "approximate", "source", "sentence")


# -- the row rules, on records made here -------------------------------------------------------

TEXT = "قال مسؤول إن نحو عشرين قتيلا سقطوا في انفجار في حلب يوم 5 مايو. وأكد شاهد أن 25 قتيلا و40 جريحا سقطوا في حلب."


def _span(span_id, label, words, value=None, occurrence=0):
    at = -1
    for _ in range(occurrence + 1):
        at = TEXT.index(words, at + 1)
    return Span(span_id, 1, "alice", label, at, at + len(words), words, value=value)


SPANS = [
    _span("m", "event", "انفجار"),
    _span("d1", "date", "مايو", {"iso": "2018-05"}),
    _span("d2", "date", "5 مايو", {"iso": "2018-05-05"}),
    _span("k1", "casualty", "نحو عشرين قتيلا", {"killed": 20, "injured": None, "approximate": True}),
    _span("k2", "casualty", "25 قتيلا و40 جريحا", {"killed": 25, "injured": 40, "approximate": False}),
    _span("k3", "casualty", "نحو عشرين قتيلا", {"killed": 20, "injured": None, "approximate": True}),
    _span("p1", "place", "حلب", None),  # not resolved: no coordinates, no country
    _span("p2", "place", "حلب", {"name": "Aleppo", "country": "SY", "lat": 36.2, "lon": 37.16}, occurrence=1),
    _span("s1", "source", "مسؤول"),
    _span("s2", "source", "شاهد"),
]
DOCUMENT = Document(1, "=1+1", TEXT, "", meta={"published": "2018-05-06"})


def _row(roles, mentions=("m",), spans=SPANS):
    (row,) = incident_rows(DOCUMENT, list(spans), [Event("e1", 1, "alice", mentions, roles)])
    return row


def test_the_largest_toll_is_taken_never_the_sum():
    row = _row({"casualty": ("k1", "k3")})  # one toll said twice
    assert (row["killed"], row["injured"], row["approximate"]) == (20, None, True)
    row = _row({"casualty": ("k1", "k2")})
    assert (row["killed"], row["injured"], row["approximate"]) == (25, 40, False)


def test_a_vague_count_is_approximate_with_no_number():
    vague = Span("v", 1, "alice", "casualty", 0, 3, TEXT[:3], value={"killed": None, "injured": None,
                                                                      "approximate": True})
    row = _row({"casualty": ("v",)}, spans=[*SPANS, vague])
    assert (row["killed"], row["injured"], row["approximate"]) == (None, None, True)


def test_the_most_precise_date_wins_whatever_its_place():
    row = _row({"date": ("d1", "d2")})
    assert (row["event_date"], row["date_precision"], row["date_text"]) == ("2018-05-05", "day", "مايو; 5 مايو")
    assert _row({"date": ("d1",)})["date_precision"] == "month"


def test_places_give_their_texts_one_country_and_the_first_coordinates():
    row = _row({"place": ("p1", "p2")})
    assert (row["place"], row["country"], row["latitude"], row["longitude"]) == ("حلب; حلب", "SY", 36.2, 37.16)


def test_sources_are_joined_and_the_sentence_is_the_mentions():
    row = _row({"source": ("s1", "s2")})
    assert row["source"] == "مسؤول; شاهد"
    assert row["sentence"] == TEXT[:TEXT.index(".") + 1]
    assert row["published"] == "2018-05-06" and row["title"] == "=1+1"


def test_an_event_without_its_mention_in_the_export_is_left_out():
    assert incident_rows(DOCUMENT, [s for s in SPANS if s.id != "m"],
                         [Event("e1", 1, "alice", ("m",), {"place": ("p2",)})]) == []


# -- through the project and the command line ------------------------------------------------------


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "incidents.db"
    with Store.open(path) as store:
        import_paths(store, [write_source(tmp_path / "events.jsonl")], annotator="x")
    return path


def test_the_csv_reads_with_pandas_one_row_per_event(db, tmp_path, capsys):
    import pandas

    out = tmp_path / "incidents.csv"
    assert main(["export", "--db", str(db), "--format", "events", "--out", str(out)]) == 0
    assert "exported 5 event(s) as events" in capsys.readouterr().err
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    frame = pandas.read_csv(out, encoding="utf-8-sig", dtype={"killed": "Int64", "injured": "Int64"},
                            keep_default_na=False, na_values={"killed": [""], "injured": [""]})
    assert set(REQUIRED) <= set(frame.columns) and tuple(frame.columns) == COLUMNS
    rows = {row["event_id"]: row for row in frame.to_dict("records")}
    assert list(rows) == ["e1", "e2", "e3", "b1", "e4"]
    e2 = rows["e2"]  # two mentions of one toll: 20 killed, not 40
    assert (e2["killed"], e2["injured"], e2["approximate"]) == (20, 100, "true")
    assert (e2["event_text"], e2["event_date"], e2["date_precision"]) == ("تفجيرات; انفجارا", "2018-05-30", "day")
    assert e2["sentence"].startswith("وفي الشأن العراقي") and e2["sentence"].endswith("ومئة جريح.")
    e3 = rows["e3"]  # a day and a month: the day
    assert (e3["event_date"], e3["killed"], e3["country"], e3["latitude"]) == ("2018-04-19", 36, "SY", 35.34)
    e1 = rows["e1"]
    assert (e1["place"], e1["country"], e1["published"]) == ("سوريا; هجين", "SY", "2018-05-31")
    e4 = rows["e4"]  # Mosul and Aleppo: two countries, so none; the first place's coordinates
    assert (e4["country"], e4["latitude"], e4["longitude"]) == ("", 36.34, 43.13)
    # Formula-safe: the cells a spreadsheet would run carry an apostrophe; numbers stay numbers.
    assert e4["title"] == "'" + SECOND_TITLE and e4["source"] == "'@مصادر محلية"
    assert e4["sentence"] == SECOND_TEXT.strip()
    assert frame["document_id"].dtype.kind == "i" and frame["latitude"].dtype.kind == "f"


def test_the_jsonl_variant_keeps_numbers_and_nulls(db, tmp_path):
    import pandas

    out = tmp_path / "incidents.jsonl"
    assert main(["export", "--db", str(db), "--format", "events", "--out", str(out)]) == 0
    frame = pandas.read_json(out, lines=True, dtype=False)
    assert len(frame) == 5 and tuple(frame.columns) == COLUMNS
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    e4 = next(r for r in rows if r["event_id"] == "e4")
    assert e4["country"] is None and e4["injured"] is None and e4["killed"] == 3 and e4["title"] == SECOND_TITLE


def test_filters_narrow_the_table(db, tmp_path):
    out = tmp_path / "bob.csv"
    with Store.open(db) as store:
        assert export_to_path(store, "events", out, ExportOptions(annotators=["bob"])) == 1
        assert export_to_path(store, "events", out, ExportOptions(labels=["event", "place"])) == 5


def test_an_incident_table_is_refused_on_import_in_one_line(db, tmp_path, capsys):
    out = tmp_path / "incidents.csv"
    main(["export", "--db", str(db), "--format", "events", "--out", str(out)])
    capsys.readouterr()
    assert main(["import", "--db", str(db), str(out)]) != 0
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and str(out) in err and "export only" in err



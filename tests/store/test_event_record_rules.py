"""The rules issue 14's tester found open, held by the store on every way in (save, bulk
insert, undo, values, merge) and reported by `annotator check`: an event's mentions are event
spans, an argument has the label its role names, a value has its label's shape, two roles
differ by more than case; and `stats` counts events."""

from __future__ import annotations

import json
import sqlite3

import pytest

from annotator.cli import main
from annotator.core.model import Event, Role, Span
from annotator.normalise.values import value_problem
from annotator.store import OpenMode, Store, open_store
from annotator.store.errors import EventError, InvalidValueError, RoleError
from tests.store.event_samples import add_parts, project_with_events, reference_text, the_two_events
from tests.store.raw_rows import raw_rows


@pytest.fixture
def project(store_location):
    document_id, spans = project_with_events(store_location)
    with open_store(store_location, OpenMode.WRITE) as store:
        yield store, document_id, spans["alice"]


def test_a_span_of_the_wrong_label_is_refused_on_every_way_in(project):
    store, document_id, alice = project
    before = store.events_for(document_id)
    cases = {
        "mention": (Event("E9", document_id, "alice", (alice["syria"].id,)),
                    f"its mention {alice['syria'].id} is labelled place, not event"),
        "date as place": (Event("E1", document_id, "alice", (alice["strike"].id,), {"place": (alice["thursday"].id,)}),
                          f"its place {alice['thursday'].id} is labelled date, not place"),
        "event as source": (Event("E1", document_id, "alice", (alice["strike"].id,), {"source": (alice["blasts"].id,)}),
                            f"its source {alice['blasts'].id} is labelled event, not source"),
    }
    for event, expected in cases.values():
        for way in (store.save_event, lambda e: store.insert_events([e]), lambda e: store.restore_events([e])):
            with pytest.raises(EventError) as caught:
                way(event)
            message = str(caught.value)
            assert expected in message and str(store.path) in message and "\n" not in message, message
    assert store.events_for(document_id) == before


def test_a_role_that_names_no_label_takes_any_span(project):
    store, document_id, alice = project
    store.add_role(Role("when_said", "", "", ""))
    event = Event("E1", document_id, "alice", (alice["strike"].id,), {"when_said": (alice["thursday"].id,)})
    store.save_event(event)
    assert store.event(document_id, "E1") == event


def test_check_reports_a_mention_or_argument_of_the_wrong_label(tmp_path, capsys):
    path = tmp_path / "p.db"
    document_id, spans = project_with_events(path)
    alice = spans["alice"]
    with sqlite3.connect(path) as conn:  # another program relabels linked spans behind the store's back
        conn.execute("UPDATE spans SET label = 'place' WHERE id = ?", [alice["strike"].id])
        conn.execute("UPDATE spans SET label = 'source' WHERE id = ?", [alice["yesterday"].id])
    assert main(["check", "--db", str(path)]) == 1
    out = [line.removeprefix(f"{path}: ") for line in capsys.readouterr().out.splitlines()]
    assert out == [
        f"event 'E1' in document {document_id}: its mention span {alice['strike'].id} is labelled place, not event "
        "(an event is mentioned by event spans)",
        f"event 'E2' in document {document_id}: its date span {alice['yesterday'].id} is labelled source, not date "
        "(the label its role takes)",
    ]


# -- values -----------------------------------------------------------------------------------------

VALUES = [
    ("date", {"iso": "2018-04-19"}, None), ("date", {"iso": "2018-05"}, None), ("date", {"iso": "2018"}, None),
    ("date", {"iso": "2018-04-19", "calendar": "gregorian"}, None),
    ("date", {"iso": "not-a-date"}, '"iso"'), ("date", {"iso": 5}, '"iso"'), ("date", {}, '"iso"'),
    ("date", {"iso": "2018-02-30"}, "calendar"), ("date", {"iso": "2018-13"}, "calendar"),
    ("date", {"iso": "18-04-19"}, '"iso"'),
    ("casualty", {"killed": 20, "injured": 100, "approximate": True}, None),
    ("casualty", {"killed": None, "injured": None, "approximate": True}, None),
    ("casualty", {"killed": "many"}, '"killed"'), ("casualty", {"injured": -3}, '"injured"'),
    ("casualty", {"killed": 2.5}, '"killed"'), ("casualty", {"killed": True}, '"killed"'),
    ("casualty", {"killed": 1, "approximate": 1}, '"approximate"'),
    ("place", {"name": "Hajin", "country": "SY", "lat": 34.69, "lon": 40.83, "geonameid": 174506}, None),
    ("place", {"name": "قرية", "country": None, "lat": None, "lon": None, "geonameid": None}, None),
    ("place", {"name": "Hajin", "country": "SYR"}, '"country"'), ("place", {"name": 7}, '"name"'),
    ("place", {"lat": -91}, '"lat"'), ("place", {"lon": "40"}, '"lon"'), ("place", {"geonameid": 1.5}, '"geonameid"'),
    ("source", {"anything": ["goes"]}, None), ("event", {}, None),
    ("source", ["not", "an", "object"], "JSON object"), ("date", None, "JSON object"),
]


@pytest.mark.parametrize("label,value,problem", VALUES)
def test_value_problem_names_what_is_wrong(label, value, problem):
    found = value_problem(label, value)
    if problem is None:
        assert found is None
    else:
        assert found is not None and problem in found and "\n" not in found


def _raw_values(location):
    return sorted(raw_rows(location, "SELECT id, value, value_edited FROM spans"))


def test_a_value_of_the_wrong_shape_is_refused_by_the_store_and_nothing_changes(project):
    store, document_id, alice = project
    before = _raw_values(store.path)
    toll = alice["toll"]
    with pytest.raises(InvalidValueError, match=f"span {alice['thursday'].id} \\(date\\).*not-a-date"):
        store.set_span_value(alice["thursday"].id, {"iso": "not-a-date"})
    with pytest.raises(InvalidValueError, match=f"span {toll.id} \\(casualty\\).*\"killed\""):
        store.set_span_values({alice["thursday"].id: {"iso": "2018-05-31"}, toll.id: {"killed": "many"}})
    text = store.document_text(document_id)
    start = text.index("في وقت باكر")
    fresh = Span("new-date", document_id, "alice", "date", start, start + 11, "في وقت باكر", {}, "manual", {"iso": 5},
                 True)
    with pytest.raises(InvalidValueError, match="span new-date \\(date\\)"):
        store.insert_span(fresh)
    with pytest.raises(InvalidValueError, match="span new-date \\(date\\)"):
        store.insert_checked_spans([fresh])
    assert _raw_values(store.path) == before
    store.set_span_value(alice["thursday"].id, {"iso": "2018-05-31"})  # the right shape goes in
    assert store.span(alice["thursday"].id).value == {"iso": "2018-05-31"}


def test_merge_refuses_a_value_of_the_wrong_shape_from_the_other_file(tmp_path, capsys):
    mine, theirs = tmp_path / "alice.db", tmp_path / "bob.db"
    for path, annotator in ((mine, "alice"), (theirs, "bob")):
        with Store.open(path) as store:
            document, _ = store.add_document(reference_text(), "reference")
            spans = add_parts(store, document.id, annotator)
            store.insert_events(the_two_events(document.id, annotator, spans))
    with sqlite3.connect(theirs) as conn:  # written by an older or foreign program
        conn.execute("UPDATE spans SET value = ? WHERE label = 'date'", [json.dumps({"iso": "yesterday"})])
    before = _raw_values(mine)
    assert main(["merge", "--db", str(mine), str(theirs)]) != 0
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "(date)" in err and "yesterday" in err, err
    assert _raw_values(mine) == before


# -- roles that differ only by case -----------------------------------------------------------------


def test_a_role_name_equal_to_another_but_for_case_is_refused(tmp_path, capsys):
    path = tmp_path / "p.db"
    project_with_events(path)
    assert main(["roles", "add", "--db", str(path), "Place"]) != 0
    assert "there is already a role called 'place'" in capsys.readouterr().err
    assert main(["roles", "rename", "--db", str(path), "date", "PLACE"]) != 0
    assert "already a role called 'place'" in capsys.readouterr().err
    with Store.open(path) as store:
        with pytest.raises(RoleError, match="more than upper and lower case"):
            store.add_role(Role("Source", "source", "", ""))
        store.rename_role("place", "Place")  # its own name in other letters is no clash
        assert [r.name for r in store.roles()] == ["Place", "date", "casualty", "source"]


# -- stats ------------------------------------------------------------------------------------------


def test_stats_counts_events_per_annotator(tmp_path, capsys):
    path = tmp_path / "p.db"
    project_with_events(path, annotators=("alice", "bob"))
    with Store.open(path) as store:
        document_id = next(iter(store.document_ids()))
        store.delete_event(document_id, "E2-bob")
    assert main(["stats", "--db", str(path), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["event_count"] == 3 and figures["events_by_annotator"] == {"alice": 2, "bob": 1}
    with sqlite3.connect(path) as conn:  # independently: one row per event
        assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == 3
    assert main(["stats", "--db", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "events     3" in out
    assert "  alice        9 span(s), 2 event(s)" in out and "  bob          9 span(s), 1 event(s)" in out

"""Events in the store: read back as saved, every rule refused in one line with nothing stored,
span deletion taking a span out of its events (and undo bringing them back), roles, values."""

from __future__ import annotations

import pytest

from annotator.core.model import Event, Role
from annotator.store import (
    EventError,
    EventNotFound,
    InvalidValueError,
    OpenMode,
    RoleError,
    SpanNotFound,
    Store,
    StoreError,
    open_store,
)
from tests.store.event_samples import add_parts, project_with_events, reference_text, the_two_events
from tests.store.raw_rows import raw_rows


@pytest.fixture
def project(store_location):
    document_id, spans = project_with_events(store_location, annotators=("alice", "bob"))
    with open_store(store_location, OpenMode.WRITE) as store:
        yield store, document_id, spans


def raw_counts(location) -> tuple[int, int, int]:
    """Rows in the three event tables, read with the database's own driver (not through our store)."""
    return tuple(raw_rows(location, f"SELECT count(*) FROM {table}")[0][0]
                 for table in ("events", "event_mentions", "event_arguments"))


def test_events_read_back_as_saved_after_reopening(tmp_path):
    path = tmp_path / "p.db"
    document_id, spans = project_with_events(path)
    with open_store(path, OpenMode.READ) as store:
        assert store.events_for(document_id) == the_two_events(document_id, "alice", spans["alice"])
        assert list(store.iter_events()) == store.events_for(document_id)
        assert store.event(document_id, "E2").roles["casualty"] == (spans["alice"]["toll"].id,)
    assert raw_counts(path) == (2, 2, 7)


def test_filters_by_annotator_and_document(project):
    store, document_id, spans = project
    assert [e.id for e in store.events_for(document_id)] == ["E1", "E1-bob", "E2", "E2-bob"]
    assert {e.annotator for e in store.events_for(document_id, ["bob"])} == {"bob"}
    assert list(store.iter_events(documents=[document_id + 1])) == []
    assert len(list(store.iter_events(annotators=["alice"], documents=[document_id]))) == 2


def test_save_event_replaces_the_whole_event(project):
    store, document_id, spans = project
    alice = spans["alice"]
    # Witnesses also vouch for the strike; the date is taken away.
    changed = Event("E1", document_id, "alice", (alice["strike"].id,),
                    {"place": (alice["syria"].id,), "source": (alice["centre"].id, alice["witnesses"].id)})
    store.save_event(changed)
    assert store.event(document_id, "E1") == changed
    # A source serving two events is allowed: E2 still has the witnesses too.
    assert alice["witnesses"].id in store.event(document_id, "E2").roles["source"]
    assert len(store.events_for(document_id)) == 4


def test_the_rules_are_refused_in_one_line_and_nothing_is_stored(project):
    store, document_id, spans = project
    alice, bob = spans["alice"], spans["bob"]
    before = store.events_for(document_id)
    other_document, _ = store.add_document("نص آخر عن قصف في دمشق", "other")
    elsewhere = store.create_span(other_document.id, "alice", "place", 15, 19)
    cases = {
        "another annotator": Event("E9", document_id, "alice", (alice["strike"].id,), {"place": (bob["syria"].id,)}),
        "another document": Event("E9", document_id, "alice", (alice["strike"].id,), {"place": (elsewhere.id,)}),
        "does not hold": Event("E9", document_id, "alice", ("no-such-span",)),
        "already mentions": Event("E9", document_id, "alice", (alice["blasts"].id,)),
        "own argument": Event("E9", document_id, "alice", (alice["strike"].id,), {"source": (alice["strike"].id,)}),
        "unknown role": Event("E9", document_id, "alice", (alice["strike"].id,), {"weapon": (alice["syria"].id,)}),
        "no mention": Event("E9", document_id, "alice", ()),
        "twice": Event("E9", document_id, "alice", (alice["strike"].id, alice["strike"].id)),
        "no such document": Event("E9", 999, "alice", (alice["strike"].id,)),
        "event id": Event("E\n9", document_id, "alice", (alice["strike"].id,)),
    }
    for expected, event in cases.items():
        with pytest.raises(EventError) as caught:
            store.save_event(event)
        message = str(caught.value)
        assert expected in message and "\n" not in message.replace("'E\\n9'", ""), message
        assert str(store.path) in message
    # A batch with one bad event stores none of it.
    text = store.document_text(document_id)
    strikes = store.create_span(document_id, "alice", "event", text.index("ضربات"), text.index("ضربات") + 5)
    good = Event("E3", document_id, "alice", (strikes.id,))
    with pytest.raises(EventError):
        store.insert_events([good, cases["own argument"]])
    assert store.events_for(document_id) == before
    assert isinstance(EventError("x"), StoreError)


def test_insert_events_skips_an_equal_event_and_refuses_a_different_one_with_its_id(project):
    store, document_id, spans = project
    alice = spans["alice"]
    store.insert_events(the_two_events(document_id, "alice", alice))  # a re-import adds nothing
    assert len(store.events_for(document_id, ["alice"])) == 2
    with pytest.raises(EventError, match="already there"):
        store.insert_events([Event("E1", document_id, "alice", (alice["strike"].id,))])
    text = store.document_text(document_id)
    strikes = store.create_span(document_id, "alice", "event", text.index("ضربات"), text.index("ضربات") + 5)
    with pytest.raises(EventError, match="given twice"):
        store.insert_events([Event("E7", document_id, "alice", (strikes.id,))] * 2)


def test_delete_event(project):
    store, document_id, _ = project
    store.delete_event(document_id, "E1")
    assert [e.id for e in store.events_for(document_id, ["alice"])] == ["E2"]
    with pytest.raises(EventNotFound, match="no event 'E1'"):
        store.delete_event(document_id, "E1")
    assert raw_counts(store.path) == (3, 3, 11)


def test_deleting_a_span_takes_it_out_of_every_event_and_undo_brings_it_back(project):
    store, document_id, spans = project
    alice = spans["alice"]
    # The witnesses fill the source role of both events.
    store.save_event(store.event(document_id, "E1")._replace(
        roles={**store.event(document_id, "E1").roles, "source": (alice["centre"].id, alice["witnesses"].id)}))
    before = store.events_for(document_id)
    links = store.span_events(alice["witnesses"].id)
    assert [e.id for e in links] == ["E1", "E2"]
    span = store.delete_span(alice["witnesses"].id)
    after = {e.id: e for e in store.events_for(document_id, ["alice"])}
    assert after["E1"].roles["source"] == (alice["centre"].id,)
    assert "source" not in after["E2"].roles
    store.insert_span(span)  # the undo, as the window's DeleteSpanCommand makes it
    store.restore_events(links)
    assert store.events_for(document_id) == before
    assert store.check() == []


def test_an_event_left_without_mentions_goes_and_undo_restores_it(project):
    store, document_id, spans = project
    alice = spans["alice"]
    before = store.events_for(document_id)
    links = store.span_events(alice["blasts"].id)
    span = store.delete_span(alice["blasts"].id)
    assert store.event(document_id, "E2") is None
    assert raw_counts(store.path)[0] == 3
    store.insert_span(span)
    store.restore_events(links)
    assert store.events_for(document_id) == before
    # With a second mention, the event stays and only loses the one.
    extra = add_parts(store, document_id, "alice", ["strike"])  # a second span on the same words
    store.save_event(store.event(document_id, "E1")._replace(mentions=(alice["strike"].id, extra["strike"].id)))
    store.delete_span(alice["strike"].id)
    assert store.event(document_id, "E1").mentions == (extra["strike"].id,)


def test_roles_are_listed_added_renamed_and_removed(project):
    store, document_id, spans = project
    assert [r.name for r in store.roles()] == ["place", "date", "casualty", "source"]
    assert store.roles()[0] == Role("place", "place", "المكان", "Place")
    store.add_role(Role("target", "", "الهدف", "Target"))
    assert store.roles()[-1].name == "target"
    with pytest.raises(RoleError, match="already a role"):
        store.add_role(Role("target"))
    with pytest.raises(InvalidValueError, match="unknown label"):
        store.add_role(Role("weapon", "weapon"))
    store.rename_role("source", "said_by")
    assert store.event(document_id, "E2").roles["said_by"] == (spans["alice"]["witnesses"].id,)
    with pytest.raises(RoleError, match="links 4 span"):
        store.remove_role("said_by")
    store.remove_role("target")
    assert "target" not in store.role_names()
    with pytest.raises(RoleError, match="no role called 'target'"):
        store.rename_role("target", "x")


def test_values_are_stored_read_back_and_marked_edited(project):
    store, document_id, spans = project
    toll = spans["alice"]["toll"]
    assert (store.span(toll.id).value, store.span(toll.id).value_edited) == (None, False)
    value = {"killed": 20, "injured": 100, "approximate": True}
    store.set_span_value(toll.id, value)
    assert store.span(toll.id).value == value and store.span(toll.id).value_edited
    assert next(s for s in store.spans_for(document_id) if s.id == toll.id).value == value
    assert store.set_span_values({toll.id: {"killed": 19}, "gone": {"killed": 1}}) == 1
    assert store.span(toll.id) == toll._replace(value={"killed": 19}, value_edited=False)
    with pytest.raises(InvalidValueError, match="JSON object"):
        store.set_span_value(toll.id, [20])
    with pytest.raises(SpanNotFound):
        store.set_span_value("gone", None)
    # A span inserted with a value (undo of a deletion) keeps it.
    store.delete_span(toll.id)
    store.insert_span(toll._replace(value=value, value_edited=True))
    assert store.span(toll.id).value == value
    assert raw_rows(store.path, f"SELECT value, value_edited FROM spans WHERE id = '{toll.id}'") == [
        ('{"killed": 20, "injured": 100, "approximate": true}', 1)]


def test_a_read_only_open_reads_events_and_writes_none(tmp_path):
    path = tmp_path / "p.db"
    document_id, spans = project_with_events(path)
    with open_store(path, OpenMode.READ) as store:
        with pytest.raises(StoreError):
            store.delete_event(document_id, "E1")
    assert raw_counts(path) == (2, 2, 7)


def test_a_fresh_document_without_events(tmp_path):
    with Store.open(tmp_path / "p.db") as store:
        document, _ = store.add_document(reference_text())
        assert store.events_for(document.id) == [] and store.span_events("x") == []
        spans = add_parts(store, document.id, "gold")
        store.save_event(the_two_events(document.id, "gold", spans)[0])
        assert store.events_for(document.id, ["gold"])[0].annotator == "gold"

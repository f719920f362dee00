"""Merge carries events between two real project files: new ones come across (under a new id
when theirs is taken), the same file twice changes nothing, and an event whose spans did not
come across, or that differs from the one here, is reported by id."""

from __future__ import annotations

import shutil

from annotator.cli import main
from annotator.core.model import Role
from annotator.review.merge import merge_into
from annotator.store import Deletion, OpenMode, Store, open_store
from tests.store.event_samples import add_parts, reference_text, the_two_events


def bobs_file(path, ids=("E1", "E2")):
    """Bob's own project: the article, his spans and his two events, named as his window names them."""
    with Store.open(path) as store:
        document, _ = store.add_document(reference_text(), "reference")
        spans = add_parts(store, document.id, "bob")
        events = [e._replace(id=i) for e, i in zip(the_two_events(document.id, "bob", spans), ids)]
        store.insert_events(events)
    return spans, events


def alices_file(path):
    with Store.open(path) as store:
        document, _ = store.add_document(reference_text(), "reference")
        spans = add_parts(store, document.id, "alice")
        store.insert_events(the_two_events(document.id, "alice", spans))
    return document.id, spans


def test_events_come_across_under_new_ids_and_twice_changes_nothing(tmp_path, capsys):
    mine, theirs = tmp_path / "alice.db", tmp_path / "bob.db"
    document_id, _ = alices_file(mine)
    _, bobs = bobs_file(theirs)
    assert main(["merge", "--db", str(mine), str(theirs)]) == 0
    err = capsys.readouterr().err
    assert "2 new event(s), 0 already here" in err
    assert f"event renamed: {theirs}: event 'E1' of document 1 (bob): the id is another event's here; " \
           "merged as 'E1-bob'" in err
    with open_store(mine, OpenMode.READ) as store:
        merged = store.events_for(document_id, ["bob"])
        assert [(e.id, e.mentions, e.roles) for e in merged] == [
            (f"{e.id}-bob", e.mentions, e.roles) for e in bobs]
        everything = store.events_for(document_id)
        assert store.check() == []
    assert main(["merge", "--db", str(mine), str(theirs)]) == 0
    assert "0 new event(s), 2 already here" in capsys.readouterr().err
    with open_store(mine, OpenMode.READ) as store:
        assert store.events_for(document_id) == everything


def test_an_event_whose_spans_did_not_come_across_is_reported_by_id(tmp_path):
    mine, theirs = tmp_path / "alice.db", tmp_path / "bob.db"
    document_id, _ = alices_file(mine)
    spans, _ = bobs_file(theirs, ids=("B1", "B2"))
    with Store.open(mine) as store:
        # Alice deleted Bob's toll here after his last change: it is not brought back, nor is B2.
        store.record_deletions([Deletion(spans["toll"].id, "bob", "alice", "2999-01-01T00:00:00.000+00:00")])
        report = merge_into(store, theirs)
        assert report.events_added == 1
        (line,) = [p for p in report.problems if "event" in p]
        assert line == (f"{theirs}: event 'B2' of document 1 (bob): its span(s) {spans['toll'].id} did not come "
                        "across; not merged")
        assert [e.id for e in store.events_for(document_id, ["bob"])] == ["B1"]


def test_an_event_changed_in_both_files_is_a_conflict_and_both_stay(tmp_path, capsys):
    mine, theirs = tmp_path / "alice.db", tmp_path / "bob.db"
    document_id, _ = alices_file(mine)
    spans, events = bobs_file(theirs, ids=("B1", "B2"))
    with Store.open(mine) as store:
        merge_into(store, theirs)
        here = store.events_for(document_id)
    with Store.open(theirs) as store:  # Bob then says the witnesses also reported the strike
        store.save_event(events[0]._replace(roles={**events[0].roles, "source": (spans["witnesses"].id,)}))
    assert main(["merge", "--db", str(mine), str(theirs)]) == 2
    err = capsys.readouterr().err
    assert f"conflict: {theirs}: event 'B1' of document 1 (bob) differs from event(s) 'B1' here" in err
    with open_store(mine, OpenMode.READ) as store:
        assert store.events_for(document_id) == here


def test_a_role_only_the_other_file_has_comes_across_with_its_events(tmp_path):
    mine, theirs = tmp_path / "alice.db", tmp_path / "bob.db"
    document_id, _ = alices_file(mine)
    spans, events = bobs_file(theirs, ids=("B1", "B2"))
    with Store.open(theirs) as store:
        store.add_role(Role("target", "place", "الهدف", "Target"))
        store.save_event(events[0]._replace(roles={**events[0].roles, "target": (spans["sadr"].id,)}))
    with Store.open(mine) as store:
        report = merge_into(store, theirs)
        assert (report.events_added, report.problems) == (2, [])
        assert store.roles()[-1] == Role("target", "place", "الهدف", "Target")
        assert store.event(document_id, "B1").roles["target"] == (spans["sadr"].id,)


def test_a_deletion_there_of_an_events_only_mention_here_is_reported(tmp_path, capsys):
    mine, theirs = tmp_path / "alice.db", tmp_path / "bob.db"
    spans, _ = bobs_file(theirs, ids=("B1", "B2"))
    shutil.copy(theirs, mine)  # Alice starts from Bob's file
    with Store.open(theirs) as store:  # then Bob deletes the blasts: B2 goes with them there
        store.delete_span(spans["blasts"].id, at="2999-01-01T00:00:00.000+00:00")
    assert main(["merge", "--db", str(mine), str(theirs)]) == 0
    err = capsys.readouterr().err
    assert (f"event removed: {mine}: event 'B2' of document 1 (bob) went with its only mention, span "
            f"{spans['blasts'].id}, which bob deleted in {theirs}") in err
    with open_store(mine, OpenMode.READ) as store:
        assert [e.id for e in store.events_for(1)] == ["B1"]

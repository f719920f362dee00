"""`annotator check` finds event links that break the rules, written into a real project file
behind the store's back (with sqlite3, foreign keys off, as another program could)."""

from __future__ import annotations

import sqlite3

from annotator.cli import main
from annotator.store import Store
from tests.store.event_samples import add_parts, project_with_events


def test_check_names_each_broken_event_link(tmp_path, capsys):
    path = tmp_path / "p.db"
    document_id, spans = project_with_events(path, annotators=("alice", "bob"))
    with Store.open(path) as store:
        other, _ = store.add_document("نص آخر عن قصف في دمشق", "other")
        elsewhere = add_parts(store, document_id, "carol", ["strike"])["strike"]  # an event span, of carol
        far = store.create_span(other.id, "alice", "place", 15, 19)
        assert store.check() == []
    alice, bob = spans["alice"], spans["bob"]
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA foreign_keys = OFF")
        arguments = [(document_id, "E1", "place", far.id),  # of another document
                     (document_id, "E1", "date", bob["thursday"].id),  # of another annotator
                     (document_id, "E2", "weapon", alice["toll"].id),  # an unknown role
                     (document_id, "E2", "source", alice["blasts"].id)]  # its own mention
        conn.executemany("INSERT INTO event_arguments (document_id, event_id, role, span_id) VALUES (?, ?, ?, ?)",
                         arguments)
        conn.execute("UPDATE event_mentions SET span_id = ? WHERE event_id = 'E1-bob'", [elsewhere.id])
        conn.execute("DELETE FROM event_mentions WHERE event_id = 'E2-bob'")
    assert main(["check", "--db", str(path)]) == 1
    out = capsys.readouterr().out.splitlines()
    found = [line.removeprefix(f"{path}: ") for line in out if "event " in line]
    assert found == sorted([
        f"event 'E1' in document {document_id}: its place span {far.id} is a span of document {other.id}",
        f"event 'E1' in document {document_id}: its date span {bob['thursday'].id} is a span of another "
        "annotator, bob",
        f"event 'E2' in document {document_id}: its weapon span {alice['toll'].id} fills a role the project "
        "does not define",
        f"event 'E2' in document {document_id}: its source span {alice['blasts'].id} is also a mention of the "
        "event (its own argument)",
        f"event 'E2' in document {document_id}: its source span {alice['blasts'].id} is labelled event, not source "
        "(the label its role takes)",
        f"event 'E1-bob' in document {document_id}: its mention span {elsewhere.id} is a span of another "
        "annotator, carol",
        f"event 'E2-bob' in document {document_id}: its mentions none: an event needs one mention at least",
    ])
    assert all("Traceback" not in line for line in out)

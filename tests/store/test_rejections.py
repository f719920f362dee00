"""A reviewer's rejections in the store: recorded with the span as it was, kept across opens,
taken back."""

from __future__ import annotations

from annotator.store import OpenMode, open_store
from tests.store.raw_rows import raw_rows


def project(location):
    store = open_store(location, OpenMode.CREATE)
    document, _ = store.add_document("قصفت طائرات سوريا صباح الخميس", "ref")
    alice = store.create_span(document.id, "alice", "place", 12, 17)
    bob = store.create_span(document.id, "bob", "date", 12, 17)
    return store, document, alice, bob


def test_a_rejection_is_recorded_with_the_span_as_it_was_and_survives_reopening(store_location):
    store, document, alice, bob = project(store_location)
    made = store.reject_span(alice, by="reviewer", at="2026-01-01T00:00:00.000+00:00")
    assert (made.span_id, made.reviewer, made.label, made.start, made.end, made.text) == (
        alice.id, "reviewer", "place", 12, 17, "سوريا")
    again = store.reject_span(alice, by="reviewer")  # a second X by the same reviewer: the first record stays
    assert again.created_at == "2026-01-01T00:00:00.000+00:00"
    store.reject_span(bob, by="carol")
    store.close()

    with open_store(store_location, OpenMode.WRITE) as store:
        assert [(r.span_id, r.reviewer) for r in store.rejections_for(document.id)] == [
            (alice.id, "reviewer"), (bob.id, "carol")]
        assert store.rejection(alice.id, "carol") is None
        gone = store.unreject_span(alice.id, "reviewer")
        assert gone == made and store.unreject_span(alice.id, "reviewer") is None
        assert [r.reviewer for r in store.rejections_for(document.id)] == ["carol"]
    # What is stored, read without our code: who rejected is the reviewer's annotator row.
    rows = raw_rows(store_location, 'SELECT a.name, r.label, r.start, r."end", r.text FROM rejections r '
                    "JOIN annotators a ON a.id = r.annotator_id")
    assert rows == [("carol", "date", 12, 17, "سوريا")]


"""The store's reads behind the project search and the progress summary: every text in id
order, and how many documents each annotator has new, in progress and done."""

from __future__ import annotations

from collections import Counter

from annotator.store import OpenMode, open_store
from tests.arabic_samples import CRLF, DIACRITICS, EMOJI


def test_every_text_comes_back_as_stored_in_id_order(store, store_location):
    ids = [store.add_document(text, title=f"t{n}")[0].id for n, text in enumerate((EMOJI, CRLF, DIACRITICS))]
    with open_store(store_location, OpenMode.READ) as reader:  # as the worker reads it: its own store
        assert list(reader.iter_document_texts()) == [
            (ids[0], "t0", EMOJI), (ids[1], "t1", CRLF), (ids[2], "t2", DIACRITICS)]


def test_status_counts_agree_with_each_document_and_each_annotators_list(store):
    documents = [store.add_document(f"خبر رقم {n} عن بغداد")[0].id for n in range(7)]
    store.ensure_annotator("nobody")  # opened the project, did nothing: all new
    store.create_span(documents[0], "alice", "place", 8, 13)  # spans, no status: in progress
    store.create_span(documents[1], "alice", "place", 8, 13)
    store.create_span(documents[1], "alice", "event", 0, 3)  # two spans, one document
    store.set_status(documents[1], "alice", "done")
    store.set_status(documents[2], "alice", "done")
    store.create_span(documents[3], "alice", "place", 8, 13)
    store.set_status(documents[3], "alice", "new")  # an explicit status wins over spans
    store.set_status(documents[4], "bob", "in_progress")
    store.create_span(documents[5], "bob", "place", 8, 13)

    counts = store.status_counts()
    assert counts["alice"] == {"new": 4, "in_progress": 1, "done": 2}
    assert counts["bob"] == {"new": 5, "in_progress": 2, "done": 0}
    assert counts["nobody"] == {"new": 7, "in_progress": 0, "done": 0}
    for name, by_status in counts.items():
        # Two independent readings: the document list's for one annotator, and each
        # document's statuses (which name only annotators who have one there).
        listed = Counter(summary.status for summary in store.document_summaries(name))
        per_document = Counter(store.statuses(d).get(name, "new") for d in documents)
        assert by_status == {s: listed[s] for s in by_status} == {s: per_document[s] for s in by_status}


def test_an_empty_project_counts_nothing(store):
    store.ensure_annotator("alice")
    assert store.status_counts() == {"alice": {"new": 0, "in_progress": 0, "done": 0}}

import sqlite3

import pytest

from annotator.core.model import SpanError
from annotator.store import DocumentNotFound, LeanSpanRow, NewerDatabaseError, Store, StoreError
from annotator.store.migrations import SCHEMA_VERSION
from tests.arabic_samples import EMOJI


def test_new_database_has_schema_labels_wal_and_foreign_keys(db_path):
    with Store.open(db_path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert [label.name for label in store.labels()] == ["event", "place", "date", "casualty", "source"]
        assert [label.key for label in store.labels()] == ["1", "2", "3", "4", "5"]
        assert store.labels()[0].title_ar == "حدث"
        # The connection's own settings: only the store itself can show them.
        assert store._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store._conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000


def test_spans_are_on_disk_when_the_call_returns(db_path):
    store = Store.open(db_path)
    doc, created = store.add_document(EMOJI, "t")
    at = EMOJI.index("مدينة الصدر")
    span = store.create_span(doc.id, "alice", "place", at, at + len("مدينة الصدر"))
    # A second, independent connection sees it without the first one closing.
    other = sqlite3.connect(db_path)
    assert other.execute("SELECT text, start FROM spans").fetchall() == [("مدينة الصدر", at)]
    other.close()
    store.close()
    with Store.open(db_path) as reopened:
        assert reopened.spans_for(doc.id) == [span]


def test_same_text_is_one_document(store):
    first, created = store.add_document(EMOJI)
    again, created_again = store.add_document(EMOJI, "another title")
    assert created and not created_again and first.id == again.id
    assert store.document_count() == 1


def test_overlapping_and_nested_spans_are_kept(store):
    text = "مركز الإعلام الأمني العراقي"
    doc, _ = store.add_document(text)
    outer = store.create_span(doc.id, "a", "source", 0, len(text))
    inner = store.create_span(doc.id, "a", "place", 5, 12)
    crossing = store.create_span(doc.id, "b", "event", 10, 19)
    assert {s.id for s in store.spans_for(doc.id)} == {outer.id, inner.id, crossing.id}
    assert [s.id for s in store.spans_for(doc.id, ["b"])] == [crossing.id]


def test_span_checks_offsets_and_labels(store):
    doc, _ = store.add_document(EMOJI)
    with pytest.raises(SpanError):
        store.create_span(doc.id, "a", "place", 0, len(EMOJI) + 5)
    with pytest.raises(SpanError):
        store.create_span(doc.id, "a", "place", 0, 3, text="wrong")
    with pytest.raises(ValueError, match="unknown label"):
        store.create_span(doc.id, "a", "weapon", 0, 3)
    assert store.spans_for(doc.id) == []


def test_update_and_delete_and_restore(store):
    doc, _ = store.add_document(EMOJI)
    span = store.create_span(doc.id, "a", "place", 0, 6)
    moved = store.update_span(span.id, label="event", end=10)
    assert (moved.label, moved.text) == ("event", EMOJI[0:10])
    removed = store.delete_span(span.id)
    assert store.spans_for(doc.id) == []
    store.insert_span(removed)
    assert store.spans_for(doc.id) == [moved]


def test_a_failed_transaction_leaves_nothing(store):
    doc, _ = store.add_document(EMOJI)
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.create_span(doc.id, "newcomer", "place", 0, 6)
            raise RuntimeError("boom")
    assert store.spans_for(doc.id) == []
    # The annotator created inside the rolled-back transaction is not cached as existing.
    store.create_span(doc.id, "newcomer", "place", 0, 6)
    assert len(store.spans_for(doc.id)) == 1


def test_status_defaults_and_explicit(store):
    doc, _ = store.add_document(EMOJI)
    assert store.status(doc.id, "a") == "new"
    store.create_span(doc.id, "a", "place", 0, 6)
    assert store.status(doc.id, "a") == "in_progress"
    store.set_status(doc.id, "a", "done")
    assert [s.status for s in store.document_summaries("a")] == ["done"]
    assert [s.status for s in store.document_summaries("b")] == ["new"]


def test_database_from_a_newer_version_is_refused_and_left_untouched(db_path):
    Store.open(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(NewerDatabaseError, match="newer version"):
        Store.open(db_path)
    assert db_path.read_bytes() == before


def test_files_that_are_not_our_databases_are_refused(tmp_path):
    text_file = tmp_path / "notes.db"
    text_file.write_text("just some notes", encoding="utf-8")
    with pytest.raises(StoreError, match="not an SQLite database"):
        Store.open(text_file)
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE things (x)")
    conn.close()
    before = other.read_bytes()
    with pytest.raises(StoreError, match="another program"):
        Store.open(other)
    assert other.read_bytes() == before


def test_stream_of_documents_with_spans(store):
    ids = []
    for i in range(5):
        doc, _ = store.add_document(f"نص رقم {i} عن بغداد")
        ids.append(doc.id)
        for j in range(i):
            store.create_span(doc.id, "a", "place", 0, 2 + j)
    streamed = list(store.iter_documents_with_spans())
    assert [d.id for d, _ in streamed] == ids
    assert [len(spans) for _, spans in streamed] == [0, 1, 2, 3, 4]
    assert all(s.document_id == d.id for d, spans in streamed for s in spans)


def test_lean_spans_carry_the_same_edges_labels_attributes_and_order(store):
    doc, _ = store.add_document("قصفت طائرات مواقع في ريف حلب الشمالي")
    store.create_span(doc.id, "a", "place", 21, 36)
    store.create_span(doc.id, "a", "place", 25, 28, attrs={"layer": 1})
    store.create_span(doc.id, "b", "event", 0, 4)
    store.create_span(doc.id, "b", "date", 21, 36)
    for annotators in (None, ["a"]):
        ((_, full),) = store.iter_documents_with_spans(annotators)
        ((_, lean),) = store.iter_documents_with_lean_spans(annotators)
        assert [(s.document_id, s.label, s.start, s.end, s.attrs) for s in lean] == \
               [(s.document_id, s.label, s.start, s.end, s.attrs) for s in full]
        assert all(type(s) is LeanSpanRow for s in lean)  # their own type, not Spans with holes
    assert [(s.start, s.end, s.label) for s in full] == [(21, 36, "place"), (25, 28, "place")]


def test_a_document_added_in_an_undone_transaction_is_not_found_afterwards(store):
    with pytest.raises(RuntimeError, match="undo"):
        with store.transaction():
            document, _ = store.add_document("خبر سيلغى", "undone", meta={"k": 1})
            read = store.document(document.id)
            assert (read.title, read.meta) == ("undone", {"k": 1})
            read.meta["k"] = 2  # a caller's change to what it read is not the store's
            assert store.document(document.id).meta == {"k": 1}
            raise RuntimeError("undo")
    with pytest.raises(DocumentNotFound):
        store.document(document.id)
    kept, _ = store.add_document("خبر باق", "kept")
    assert store.set_document_meta(kept.id, {"published": "2024-01-02"}).meta == {"published": "2024-01-02"}
    assert store.document(kept.id).meta == {"published": "2024-01-02"}

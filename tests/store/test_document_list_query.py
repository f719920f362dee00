"""The document list counts each document's spans through the document's index, never by
scanning an annotator's spans once per document (found by the server bench: a 10,000-document
project file with one annotator took minutes to list)."""

import sqlite3

from annotator.core.model import new_span_id
from annotator.store import OpenMode, open_store


def test_an_annotators_document_list_counts_spans_by_document(tmp_path):
    db = tmp_path / "p.db"
    with open_store(db, OpenMode.CREATE) as store, store.bulk_writes():
        for i in range(30):
            document, _ = store.add_document(f"نص {i} " + "كلمة " * 20, f"d{i}")
            store.insert_checked_spans([(new_span_id(), document.id, "alice", "event", j * 5, j * 5 + 4,
                                         document.text[j * 5:j * 5 + 4], {}, "manual") for j in range(10)])
    statements: list[str] = []
    with open_store(db, OpenMode.READ) as store:
        store._conn.set_trace_callback(statements.append)
        summaries = store.document_summaries("alice")
    assert [s.span_count for s in summaries] == [10] * 30
    listing = next(s for s in statements if "FROM documents d" in s)
    plan = " ".join(row[3] for row in sqlite3.connect(db).execute("EXPLAIN QUERY PLAN " + listing))
    assert "spans_by_document" in plan and "spans_by_annotator" not in plan

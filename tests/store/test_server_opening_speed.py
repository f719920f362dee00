"""What keeps a window opening a large server project fast (issue 16's < 1.5 s for 10,000
documents, bench/server_window.py): statistics gathered after an import, so the planner counts a
document's spans by the document's index rather than scanning the annotator's whole index once
per document; and no JIT compiling of the document list's query. Against the real throw-away
server of tests/server_fixture.py."""

from __future__ import annotations

import json

import psycopg

from annotator.formats.importer import import_paths
from annotator.store import OpenMode, StoreError, open_store


def _corpus(path, documents: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        for n in range(documents):
            text = f"خبر {n}: قصف على مدينة حلب أمس"
            out.write(json.dumps({"text": text, "title": f"doc {n}", "spans": [
                {"start": 10, "end": 13, "label": "event", "annotator": "maha"},
                {"start": 17, "end": 27, "label": "place", "annotator": "maha"}]}, ensure_ascii=False) + "\n")


def test_an_import_leaves_the_tables_with_statistics_for_the_planner(server_database_url, tmp_path):
    source = tmp_path / "corpus.jsonl"
    _corpus(source, 300)
    with open_store(server_database_url, OpenMode.CREATE) as store:
        import_paths(store, [source], annotator="maha")
    with psycopg.connect(server_database_url, autocommit=True) as conn:
        # Autovacuum could analyse them too, but not this soon, and it says so in last_autoanalyze.
        analysed = dict(conn.execute("SELECT relname, last_analyze IS NOT NULL FROM pg_stat_user_tables "
                                     "WHERE relname IN ('documents', 'spans')").fetchall())
        spans_counted = conn.execute("SELECT reltuples FROM pg_class WHERE relname = 'spans'").fetchone()[0]
    assert analysed == {"documents": True, "spans": True}
    assert spans_counted == 600


def test_a_store_connection_never_compiles_queries_just_in_time(server_database_url):
    with open_store(server_database_url, OpenMode.CREATE) as store:
        assert store.raw_connection().execute("SHOW jit").fetchone()[0] == "off"
        with psycopg.connect(server_database_url, autocommit=True) as admin:  # the next statement reconnects
            admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = "
                          "'annotator' AND datname = current_database()")
        try:
            store.document_count()
        except StoreError:
            pass  # the action that met the break fails; the next one runs on a new connection
        assert store.document_count() == 0
        assert store.raw_connection().execute("SHOW jit").fetchone()[0] == "off"

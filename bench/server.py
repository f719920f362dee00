"""The team server's figures for the benchmark table (issue 16): importing and exporting 10,000
documents (50 spans each, bench.interchange's corpus) through the server store, against a bare
psycopg loop doing the same inserts and selects on the same schema (target: within 2x); with
bench.server_clients (20 clients labelling at once) and bench.server_window (a window opening the
project) on the same server.

The server is ``$ANNOTATOR_BENCH_PG`` (a superuser's URL; the bench makes and drops its own
databases there), else a throw-away one started as the tests start theirs
(tests/server_fixture.py); with neither, the figures are skipped in one line.

    python -m bench.server [DOCUMENTS]
"""

from __future__ import annotations

import json
import os
import secrets
import sys
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from bench.interchange import corpus, timed

TARGET = "ratio <= 2"


@contextmanager
def server_url() -> Iterator[str | None]:
    """A superuser's URL on some server, or None (said in one line) where none can be had."""
    given = os.environ.get("ANNOTATOR_BENCH_PG")
    if given:
        yield given
        return
    from tests.server_fixture import ServerUnavailable, start_server

    try:
        server = start_server()
    except (ServerUnavailable, RuntimeError) as missing:
        print(f"server figures skipped: no PostgreSQL server ({missing})", file=sys.stderr)
        yield None
        return
    try:
        yield server.url()
    finally:
        server.stop()


@contextmanager
def fresh_database(admin_url: str) -> Iterator[str]:
    import psycopg

    name = f"bench_{secrets.token_hex(4)}"
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    parts = urlsplit(admin_url)
    try:
        yield urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, ""))
    finally:
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _rows(source: Path) -> tuple[list[tuple], list[tuple]]:
    """The corpus's documents and spans as the bare loop inserts them (ids made beforehand)."""
    from annotator.core.model import text_sha256

    docs, spans = [], []
    for doc_id, line in enumerate(source.read_text(encoding="utf-8").splitlines(), start=1):
        d = json.loads(line)
        docs.append((doc_id, d["title"], "", d["text"], text_sha256(d["text"]), "{}", "now"))
        spans += [(str(uuid.uuid4()), doc_id, 1, s["label"], s["start"], s["end"], d["text"][s["start"]:s["end"]],
                   "{}", "imported", "now", "now") for s in d["spans"]]
    return docs, spans


def bare_import(url: str, docs: list[tuple], spans: list[tuple]) -> None:
    import psycopg

    with psycopg.connect(url) as conn, conn.cursor() as cursor:  # one transaction, committed on leaving
        cursor.executemany("INSERT INTO documents (id, title, source, text, text_sha256, meta, created_at) "
                           "VALUES (%s, %s, %s, %s, %s, %s, %s)", docs)
        cursor.executemany('INSERT INTO spans (id, document_id, annotator_id, label, start, "end", text, attrs, '
                           "origin, created_at, updated_at) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                           spans)


def bare_export(url: str, out: Path) -> None:
    """The same selects as the store's stream (documents, spans with their annotator, in
    order), written as JSON Lines."""
    import psycopg

    with psycopg.connect(url) as conn, out.open("w", encoding="utf-8") as stream:
        docs = conn.execute("SELECT id, title, text FROM documents ORDER BY id").fetchall()
        span_rows = iter(conn.execute(
            'SELECT s.document_id, s.id, s.start, s."end", s.label, s.text, a.name, s.value FROM spans s '
            "JOIN annotators a ON a.id = s.annotator_id ORDER BY s.document_id, s.start, s.\"end\" DESC"))
        pending = next(span_rows, None)
        for doc_id, title, text in docs:
            spans = []
            while pending is not None and pending[0] == doc_id:
                spans.append(pending)
                pending = next(span_rows, None)
            stream.write(json.dumps({"id": doc_id, "title": title, "text": text, "spans": [
                {"id": s[1], "start": s[2], "end": s[3], "label": s[4], "text": s[5], "annotator": s[6],
                 **({"value": json.loads(s[7])} if s[7] is not None else {})} for s in spans]},
                ensure_ascii=False) + "\n")


def figures(admin_url: str, documents: int) -> list[dict]:
    from annotator.formats.exporting import export_to_path
    from annotator.formats.importer import import_paths
    from annotator.store import OpenMode, open_store

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / "corpus.jsonl"
        corpus(source, documents)
        docs, spans = _rows(source)
        with fresh_database(admin_url) as ours_url, fresh_database(admin_url) as bare_url:
            with open_store(ours_url, OpenMode.CREATE) as store:  # the schema is made before the clock starts
                ours_import = timed(lambda: import_paths(store, [source], annotator="bench"))
            with open_store(bare_url, OpenMode.CREATE) as store:
                store.ensure_annotator("bench")
            bare = timed(lambda: bare_import(bare_url, docs, spans))
            with open_store(ours_url, OpenMode.READ) as store:
                ours_export = timed(lambda: export_to_path(store, "jsonl", folder / "ours.jsonl"), repeat=2)
            bare_out = timed(lambda: bare_export(ours_url, folder / "bare.jsonl"), repeat=2)
    n = f"{documents:,} documents x {len(spans) // documents} spans"
    return [
        {"figure": f"server import, {n} (s)", "value": round(ours_import, 2), "baseline": round(bare, 2),
         "ratio": round(ours_import / bare, 2), "target": TARGET,
         "baseline_is": "bare psycopg executemany of the same rows, one transaction"},
        {"figure": f"server export to JSON Lines, {n} (s)", "value": round(ours_export, 2),
         "baseline": round(bare_out, 2), "ratio": round(ours_export / bare_out, 2), "target": TARGET,
         "baseline_is": "bare psycopg selects of the same rows written as JSON Lines"},
    ]


def run(documents: int = 10_000) -> list[dict]:
    """Every server figure on one server: import/export, many clients labelling at once, and a
    window opening the project."""
    from bench import server_clients, server_window

    with server_url() as url:
        if url is None:
            return []
        return figures(url, documents) + server_clients.figures(url) + server_window.figures(url, documents)


if __name__ == "__main__":
    for row in run(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000):
        print(f"{row['figure']}: {row['value']} (baseline {row['baseline']}, ratio {row['ratio']}, "
              f"target {row['target'] or '-'})")

"""Documents, the texts other copies joined to them, and each annotator's status in them."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

from annotator.core.model import DONE, IN_PROGRESS, NEW, SUGGESTED, Document, text_sha256
from annotator.store.errors import DocumentNotFound, InvalidValueError
from annotator.store.interface import STATUSES, DocumentSummary
from annotator.store.rows import DOCUMENT_COLUMNS, document_from_row, json_text, now

TEXT_CACHE_SIZE = 64


class DocumentQueries:
    """Part of a store: needs its connection, ``transaction``, ``_write_one``, ``_insert_id``
    and the annotator ids it caches."""

    # The document added last: an import reads it back at once (to compute its spans' values),
    # and on a server that read is a round trip per document. Forgotten when a transaction
    # is undone or its meta changes.
    _last_added: Document | None = None

    def add_document(
        self, text: str, title: str = "", source: str = "", meta: dict[str, Any] | None = None
    ) -> tuple[Document, bool]:
        """Store ``text`` exactly as given; the same text twice gives the same document.

        Returns the document and whether it was new.
        """
        if not text:
            raise InvalidValueError(f"{self.path}: a document needs text")
        digest = text_sha256(text)
        existing = self.document_by_sha256(digest)
        if existing is not None:
            return existing, False
        title = title or (text.strip().splitlines() or ["untitled"])[0][:80]
        new_id = self._insert_id(
            "INSERT INTO documents (title, source, text, text_sha256, meta, created_at) VALUES (?, ?, ?, ?, ?, ?)",
            [title, source, text, digest, json_text(meta), now()],
        )
        self._last_added = Document(new_id, title, text, digest, source, dict(meta or {}))
        return self._last_added, True

    def document(self, document_id: int) -> Document:
        added = self._last_added
        if added is not None and added.id == document_id:
            return dataclasses.replace(added, meta=dict(added.meta))
        row = self._conn.execute(f"SELECT {DOCUMENT_COLUMNS} FROM documents WHERE id = ?", [document_id]).fetchone()
        if row is None:
            raise DocumentNotFound(f"{self.path}: no document with id {document_id}")
        return document_from_row(row)

    def set_document_meta(self, document_id: int, meta: dict[str, Any]) -> Document:
        """Replace a document's metadata (its text never changes); returns the document as now stored."""
        text = json_text(meta)
        self._last_added = None
        with self.transaction():
            if self._write_one("UPDATE documents SET meta = ? WHERE id = ?", [text, document_id]).rowcount == 0:
                raise DocumentNotFound(f"{self.path}: no document with id {document_id}")
        return self.document(document_id)

    def document_by_sha256(self, digest: str) -> Document | None:
        row = self._conn.execute(f"SELECT {DOCUMENT_COLUMNS} FROM documents WHERE text_sha256 = ?",
                                 [digest]).fetchone()
        return None if row is None else document_from_row(row)

    def document_text(self, document_id: int) -> str:
        # Texts never change after import, so caching them is safe.
        text = self._text_cache.get(document_id)
        if text is None:
            row = self._conn.execute("SELECT text FROM documents WHERE id = ?", [document_id]).fetchone()
            if row is None:
                raise DocumentNotFound(f"{self.path}: no document with id {document_id}")
            if len(self._text_cache) > TEXT_CACHE_SIZE:
                self._text_cache.clear()
            text = self._text_cache[document_id] = row[0]
        return text

    def document_shapes(self) -> list[tuple[int, str, int, str]]:
        """(id, title, length in code points, text SHA-256) of every document, without
        reading the texts: what near-duplicate search picks its candidates by."""
        return self._conn.execute("SELECT id, title, length(text), text_sha256 FROM documents ORDER BY id").fetchall()

    def joined_texts(self) -> dict[str, int]:
        """Other copies' texts (by SHA-256) joined to a document here (``merge --same``)."""
        return dict(self._conn.execute("SELECT text_sha256, document_id FROM joined_texts").fetchall())

    def join_text(self, digest: str, document_id: int) -> None:
        """Remember that the text with SHA-256 ``digest`` is a version of ``document_id``."""
        self._write_one("INSERT INTO joined_texts (text_sha256, document_id, joined_at) VALUES (?, ?, ?) "
                        "ON CONFLICT (text_sha256) DO UPDATE SET document_id = excluded.document_id",
                        [digest, document_id, now()])

    def document_count(self) -> int:
        return self._conn.execute("SELECT count(*) FROM documents").fetchone()[0]

    def document_ids(self) -> list[int]:
        return [row[0] for row in self._conn.execute("SELECT id FROM documents ORDER BY id")]

    def iter_document_texts(self) -> Iterator[tuple[int, str, str]]:
        """(id, title, text) of every document in id order, streamed (a search across the
        project holds one text at a time, not the corpus)."""
        # A generator itself: errors while the caller iterates pass through the store's translation.
        yield from self._conn.execute("SELECT id, title, text FROM documents ORDER BY id")

    def document_summaries(self, annotator: str | None = None) -> list[DocumentSummary]:
        """Every document with its span count and status, for ``annotator`` if named.

        A document with no explicit status is "in progress" once it has spans.
        """
        annotator_id = self._annotator_ids.get(annotator) if annotator else None
        if annotator and annotator_id is None:
            row = self._conn.execute("SELECT id FROM annotators WHERE name = ?", [annotator]).fetchone()
            annotator_id = row[0] if row else -1
        # Unless named, the suggesters' spans are nobody's work: they make no document in progress.
        # "+s.annotator_id": SQLite keeps no statistics, and given "annotator_id =" it counts each
        # document's spans through the annotator's index, every span of the annotator per document
        # (a 10,000-document project's list took minutes); the unary plus leaves it the document's.
        span_filter = ("AND s.annotator_id != coalesce((SELECT id FROM annotators WHERE name = :suggested), -1)"
                       if annotator_id is None else "AND +s.annotator_id = :a")
        status_filter = "" if annotator_id is None else "AND st.annotator_id = :a"
        rows = self._conn.execute(
            f"""
            SELECT d.id, d.title, d.source, length(d.text),
                   (SELECT count(*) FROM spans s WHERE s.document_id = d.id {span_filter}),
                   (SELECT st.status FROM document_status st WHERE st.document_id = d.id {status_filter}
                    ORDER BY st.updated_at DESC LIMIT 1)
            FROM documents d ORDER BY d.id
            """,
            {"a": annotator_id, "suggested": SUGGESTED},
        ).fetchall()
        summaries = []
        for doc_id, title, source, length, count, status in rows:
            if status is None:
                status = IN_PROGRESS if count else NEW
            summaries.append(DocumentSummary(doc_id, title, source, length, count, status))
        return summaries

    # -- statuses ------------------------------------------------------------------

    def set_status(self, document_id: int, annotator: str, status: str) -> None:
        if status not in STATUSES:
            raise InvalidValueError(f"unknown status {status!r} (one of {', '.join(STATUSES)})")
        annotator_id = self._annotator_id(annotator)
        with self.transaction():
            self._conn.execute(
                "INSERT INTO document_status (document_id, annotator_id, status, updated_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (document_id, annotator_id) DO UPDATE SET status = excluded.status, "
                "updated_at = excluded.updated_at",
                [document_id, annotator_id, status, now()],
            )

    def statuses(self, document_id: int) -> dict[str, str]:
        """Every annotator's status for a document: explicit ones, else in progress if they
        have spans in it."""
        found = {name: IN_PROGRESS for (name,) in self._conn.execute(
            "SELECT DISTINCT a.name FROM spans s JOIN annotators a ON a.id = s.annotator_id WHERE s.document_id = ?",
            [document_id])}
        found.update(self._conn.execute(
            "SELECT a.name, st.status FROM document_status st JOIN annotators a ON a.id = st.annotator_id "
            "WHERE st.document_id = ?", [document_id]).fetchall())
        return dict(sorted(found.items()))

    def status_counts(self) -> dict[str, dict[str, int]]:
        """How many documents each annotator has new, in progress and done, read as
        ``statuses`` reads one document: an explicit status, else in progress where they
        have spans, else new."""
        total = self.document_count()
        rows = self._conn.execute(
            """
            SELECT a.name,
                   (SELECT count(*) FROM document_status st WHERE st.annotator_id = a.id AND st.status = :done),
                   (SELECT count(*) FROM document_status st WHERE st.annotator_id = a.id AND st.status = :going)
                   + (SELECT count(DISTINCT s.document_id) FROM spans s WHERE s.annotator_id = a.id
                      AND NOT EXISTS (SELECT 1 FROM document_status st
                                      WHERE st.annotator_id = a.id AND st.document_id = s.document_id))
            FROM annotators a ORDER BY a.name
            """, {"done": DONE, "going": IN_PROGRESS}).fetchall()
        return {name: {NEW: total - done - in_progress, IN_PROGRESS: in_progress, DONE: done}
                for name, done, in_progress in rows if name != SUGGESTED}

    def status(self, document_id: int, annotator: str) -> str:
        row = self._conn.execute(
            "SELECT st.status FROM document_status st JOIN annotators a ON a.id = st.annotator_id "
            "WHERE st.document_id = ? AND a.name = ?",
            [document_id, annotator],
        ).fetchone()
        if row:
            return row[0]
        has_spans = self._conn.execute(
            "SELECT 1 FROM spans s JOIN annotators a ON a.id = s.annotator_id WHERE s.document_id = ? AND a.name = ? "
            "LIMIT 1",
            [document_id, annotator],
        ).fetchone()
        return IN_PROGRESS if has_spans else NEW

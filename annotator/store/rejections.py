"""Rejections: a reviewer's X on an annotator's span, kept so the review shows it and can
take it back. A rejection keeps the span's label, edges and text as they were rejected."""

from __future__ import annotations

from annotator.core.model import Span
from annotator.store.interface import Rejection
from annotator.store.rows import now

_COLUMNS = 'r.document_id, r.span_id, a.name, r.label, r.start, r."end", r.text, r.created_at'


class RejectionQueries:
    """Part of ``Store``: needs its connection, ``_annotator_id`` and ``_write_one``."""

    def reject_span(self, span: Span, by: str, at: str | None = None) -> Rejection:
        """Record that ``by`` rejected ``span`` (at ``at``, else now); rejecting it again
        keeps the first record."""
        rejection = Rejection(span.document_id, span.id, by, span.label, span.start, span.end, span.text, at or now())
        self._write_one(
            'INSERT INTO rejections (document_id, span_id, annotator_id, label, start, "end", text, '
            "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (span_id, annotator_id) DO NOTHING",
            [span.document_id, span.id, self._annotator_id(by), span.label, span.start, span.end, span.text,
             rejection.created_at])
        return self.rejection(span.id, by) or rejection

    def rejection(self, span_id: str, by: str) -> Rejection | None:
        row = self._conn.execute(
            f"SELECT {_COLUMNS} FROM rejections r JOIN annotators a ON a.id = r.annotator_id "
            "WHERE r.span_id = ? AND a.name = ?", [span_id, by]).fetchone()
        return None if row is None else Rejection(*row)

    def unreject_span(self, span_id: str, by: str) -> Rejection | None:
        """Take back ``by``'s rejection of the span; returns it as it was (None: there was none)."""
        found = self.rejection(span_id, by)
        if found is not None:
            self._write_one("DELETE FROM rejections WHERE span_id = ? AND annotator_id = ?",
                            [span_id, self._annotator_id(by)])
        return found

    def rejections_for(self, document_id: int) -> list[Rejection]:
        """The document's rejections, oldest first."""
        return [Rejection(*row) for row in self._conn.execute(
            f"SELECT {_COLUMNS} FROM rejections r JOIN annotators a ON a.id = r.annotator_id "
            "WHERE r.document_id = ? ORDER BY r.created_at, r.span_id, a.name", [document_id])]

"""The suggesters' layer: spans of the reserved annotator ``suggested`` (core.model.SUGGESTED),
each with its suggester in ``origin`` and its score in ``attrs``. Suggesting again replaces a
document's earlier suggestions; no other annotator's span is touched."""

from __future__ import annotations

from collections.abc import Iterable

from annotator.core.model import SUGGESTED, Span, check_span


class SuggestionQueries:
    """Part of ``Store``: needs its connection, ``transaction``, the label check and
    ``insert_checked_spans``."""

    def replace_suggestions(self, document_id: int, spans: Iterable[Span], labels: Iterable[str] | None = None) -> int:
        """Delete the document's ``suggested`` spans (of ``labels`` only, when named) and store
        ``spans`` (each of the annotator ``suggested`` and this document, checked against its text
        and the labels) in one transaction; returns how many were stored."""
        text = self.document_text(document_id)
        spans = list(spans)
        known = self.label_names()  # read once: a project is suggested for document after document
        for span in spans:
            if span.annotator != SUGGESTED or span.document_id != document_id:
                raise ValueError(f"span {span.id} is not a suggestion for document {document_id}")
            check_span(text, span.start, span.end, span.text)
            if span.label not in known:
                self._check_label(span.label)  # says which label, in the store's words
        with self.transaction():
            # '+annotator_id': look the document's spans up, not every suggestion of the project
            # (SQLite would pick the annotator index, and suggesting a project would grow as its square).
            sql = "DELETE FROM spans WHERE document_id = ? AND +annotator_id = ?"
            params: list = [document_id, self._annotator_id(SUGGESTED)]
            if labels is not None:
                sql += " AND " + self._dialect.any_of("label")
                params.append(self._dialect.values(sorted(set(labels))))
            self._conn.execute(sql, params)
            return self.insert_checked_spans(spans)

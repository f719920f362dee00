"""Normalised values for the spans an import brings: computed (annotator.normalise) for each
new span whose input gave none; a value the input gives is kept as given."""

from __future__ import annotations

from annotator.core.model import Document, Span
from annotator.normalise.values import compute_values

# A queued row is in Span's field order; rows of 11 fields carry (value, value_edited) last.
_VALUE, _EDITED = 9, 10


def with_computed_values(document: Document, rows: list[tuple]) -> list[tuple]:
    """``rows`` (span rows of ``document`` about to be stored), each without a value given one
    if a normaliser understands its label. Spans are normalised a document at a time, as dates
    read the text before them and places the document's other places."""
    bare = [Span(*row[:9]) for row in rows if len(row) <= _VALUE or row[_VALUE] is None]
    if not bare:
        return rows
    values = compute_values(document, bare)
    if not values:
        return rows
    return [(*row[:9], values[row[0]], False) if row[0] in values and (len(row) <= _VALUE or row[_VALUE] is None)
            else row for row in rows]

"""Turning rows into records and back: the pieces every query module of the store shares."""

from __future__ import annotations

import json
import time
from typing import Any

from annotator.core.model import Document, Span
from annotator.store.interface import LeanSpanRow

SPAN_COLUMNS = ('s.id, s.document_id, a.name, s.label, s.start, s."end", s.text, s.attrs, s.origin, '
                's.value, s.value_edited')
# The document id second, where the full row has it too: the stream matches rows to documents by it.
LEAN_SPAN_COLUMNS = 's.label, s.document_id, s.start, s."end", s.attrs'
DOCUMENT_COLUMNS = "id, title, text, text_sha256, source, meta"


def now() -> str:
    """UTC with milliseconds, as ``datetime.isoformat`` writes it (without its import cost)."""
    moment = time.time()
    return f"{time.strftime('%Y-%m-%dT%H:%M:%S', time.gmtime(moment))}.{int(moment * 1000) % 1000:03d}+00:00"


def later_than(previous: str | None) -> str:
    """Now, or just after ``previous`` when this clock is not past it (the same millisecond, or a
    client whose clock is behind): a changed row's time always moves on, so a client comparing
    it with the time it read (``expected_updated_at``) sees every change."""
    stamp = now()
    if previous is None or stamp > previous:
        return stamp
    from datetime import datetime, timedelta

    after = datetime.fromisoformat(previous) + timedelta(milliseconds=1)
    return after.isoformat(timespec="milliseconds")


def json_object(text: str) -> dict[str, Any]:
    return {} if text == "{}" else json.loads(text)  # most spans carry no attributes


def json_text(value: dict[str, Any] | None) -> str:
    return json.dumps(value, ensure_ascii=False) if value else "{}"


def value_text(value: dict[str, Any] | None) -> str | None:
    """A span's value as stored: JSON text, or NULL for none."""
    return None if value is None else json.dumps(value, ensure_ascii=False)


_new_tuple = tuple.__new__  # a NamedTuple's own constructor is a Python function; this is not


def span_from_row(row: tuple) -> Span:
    value = row[9]
    return _new_tuple(Span, (row[0], row[1], row[2], row[3], row[4], row[5], row[6], json_object(row[7]), row[8],
                             None if value is None else json.loads(value), row[10] == 1))


def lean_span_from_row(row: tuple) -> LeanSpanRow:
    return _new_tuple(LeanSpanRow, (row[0], row[1], row[2], row[3], json_object(row[4])))


def document_from_row(row: tuple) -> Document:
    return Document(row[0], row[1], row[2], row[3], row[4], json.loads(row[5]))

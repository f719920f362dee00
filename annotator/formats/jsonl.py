"""Annotator's own JSON Lines: one document a line, with its spans. Lossless both ways.

``{"id", "title", "text", "meta", "spans": [{"id", "start", "end", "label", "text",
"annotator", "attrs", "origin", "value"}], "events": [{"id", "annotator", "mentions":
[span ids], "roles": {"place": [span ids], ...}}]}``; on import only ``text`` is required,
and of a span only ``start``, ``end`` and ``label``. Offsets are code points. A span's
``value`` (and ``"value_edited": true`` when a person set it) is written only when it has
one, ``events`` only when there are any: a corpus without them costs no more to write.
An event's ``annotator`` defaults to that of its first mention.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import IO, Any

from annotator.core.model import Document, Event, Span
from annotator.formats.event_links import EventsOf, event_object, event_records, events_by_document, exported_events
from annotator.formats.records import DocumentRecord, FormatError, SpanRecord, parse_document_line
from annotator.formats.spec import QT_TRANSLATE_NOOP, FileFormat, Target, read_text_stream


def _span_record(raw: Any, path: str, line: int, index: int) -> SpanRecord:
    try:
        start, end, label = raw["start"], raw["end"], raw["label"]
    except (KeyError, TypeError):
        if not isinstance(raw, dict):
            raise FormatError(path, f"span {index + 1} is not an object", line) from None
        missing = [k for k in ("start", "end", "label") if k not in raw]
        raise FormatError(path, f"span {index + 1} lacks {', '.join(missing)}", line) from None
    get = raw.get
    text, annotator, span_id, attrs, value = get("text"), get("annotator"), get("id"), get("attrs") or {}, get("value")
    # One test for the usual case (every field absent or a string), the details only on failure.
    if not ((label is None or type(label) is str) and (text is None or type(text) is str) and type(attrs) is dict
            and (annotator is None or type(annotator) is str) and (span_id is None or type(span_id) is str)):
        for key, value in (("label", label), ("text", text), ("annotator", annotator), ("id", span_id)):
            if value is not None and type(value) is not str:
                raise FormatError(path, f"span {index + 1}: {key} must be a string", line)
        if type(attrs) is not dict:
            raise FormatError(path, f"span {index + 1}: attrs must be an object", line)
    if value is None:
        return SpanRecord(start, end, label, text, annotator, attrs, span_id, get("origin") or "imported")
    if type(value) is not dict:
        raise FormatError(path, f"span {index + 1}: value must be an object or null", line)
    return SpanRecord(start, end, label, text, annotator, attrs, span_id, get("origin") or "imported",
                      value=value, value_edited=get("value_edited") is True)


def _record(line: str, path: str, number: int) -> DocumentRecord:
    raw = parse_document_line(line, path, number)
    meta = raw.get("meta") or {}
    spans = raw.get("spans") or []
    if not isinstance(meta, dict):
        raise FormatError(path, '"meta" must be an object', number)
    if not isinstance(spans, list):
        raise FormatError(path, '"spans" must be a list', number)
    title = raw.get("title") or meta.get("title") or ""
    if not isinstance(title, str):
        raise FormatError(path, '"title" must be a string', number)
    records = [_span_record(s, path, number, i) for i, s in enumerate(spans)]
    events = raw.get("events")
    if events is not None:
        index_of = {s.id: i for i, s in enumerate(records) if s.id is not None}
        events = event_records(events, index_of, path, number)
    return DocumentRecord(
        text=raw["text"],
        title=title,
        meta=meta,
        spans=records,
        source=str(raw.get("source") or ""),
        line=number,
        events=events or [],
    )


def read(stream: IO[str], path: str, skipped: list[str] | None = None) -> Iterator[DocumentRecord]:
    """Documents, one a line. With ``skipped`` given, a bad line is listed there and passed over."""
    for number, line in enumerate(stream, start=1):
        if number == 1:
            line = line.removeprefix("\ufeff")
        if not line.strip():
            continue
        try:
            yield _record(line, path, number)
        except FormatError as err:
            if skipped is None:
                raise
            skipped.append(str(err))


def document_object(document: Document, spans: list[Span], events: list[Event] | None = None) -> dict[str, Any]:
    """``events``: the document's, restricted here to ``spans``."""
    found = {
        "id": document.id,
        "title": document.title,
        "source": document.source,
        "text": document.text,
        "meta": document.meta,
        "spans": [
            {"id": s.id, "start": s.start, "end": s.end, "label": s.label, "text": s.text,
             "annotator": s.annotator, "attrs": s.attrs, "origin": s.origin}
            if s.value is None else
            {"id": s.id, "start": s.start, "end": s.end, "label": s.label, "text": s.text,
             "annotator": s.annotator, "attrs": s.attrs, "origin": s.origin, "value": s.value,
             **({"value_edited": True} if s.value_edited else {})}
            for s in spans
        ],
    }
    if events:
        kept = exported_events(events, spans)
        if kept:
            found["events"] = [event_object(e) for e in kept]
    return found


def write(items: Iterable[tuple[Document, list[Span]]], stream: IO[str], events: EventsOf | None = None) -> int:
    count = 0
    events_of = (events or {}).get
    for document, spans in items:
        stream.write(json.dumps(document_object(document, spans, events_of(document.id)), ensure_ascii=False))
        stream.write("\n")
        count += 1
    return count


FORMAT = FileFormat(
    "jsonl", QT_TRANSLATE_NOOP("Formats", "JSON Lines (Annotator)"), (".jsonl", ".ndjson"), Target.STREAM,
    "code points", read=read_text_stream(read, keeps_going=True),
    write=lambda items, stream, context: write(items, stream, events_by_document(context)),
    # Any JSON object line not claimed by a more specific format is ours (the reader says what is wrong).
    sniff=lambda head: head.lstrip().startswith("{"), sniff_rank=2, found_in_folders=True)

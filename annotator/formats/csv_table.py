"""CSV, one span a row, for spreadsheets: UTF-8 with a BOM and no live formulas.

Open the output with ``encoding="utf-8-sig", newline=""``. It is a view for people;
JSON Lines is the lossless format.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import IO

from annotator.core.model import Document, Span
from annotator.formats.spec import QT_TRANSLATE_NOOP, SPANS, ExportContext, FileFormat, Target, read_text_stream

COLUMNS = ("document_id", "document_title", "span_id", "start", "end", "label", "text", "annotator",
           "origin", "attrs", "value", "value_edited")
# value: the normalised value as a JSON object, blank when none; value_edited: true when a
# person set it (``normalise --all`` leaves it alone), else false.

# OWASP "CSV Injection": a spreadsheet runs a cell that starts with one of these.
_FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")
_TRIGGER_CHARS = frozenset(_FORMULA_TRIGGERS)


def _guarded(cell: str) -> bool:
    """Whether ``neutralise`` puts an apostrophe before ``cell``: it starts with a formula
    character, after any apostrophes. A cell that really starts with ``'=`` gets one more,
    so that ``restore``, which takes one away, gives it back exactly."""
    rest = cell.lstrip("'")
    return bool(rest) and rest[0] in _TRIGGER_CHARS


def neutralise(cell: str) -> str:
    """Make a text cell inert in a spreadsheet by prefixing an apostrophe where needed."""
    return "'" + cell if cell and (cell[0] in _TRIGGER_CHARS or (cell[0] == "'" and _guarded(cell))) else cell


def write(items: Iterable[tuple[Document, list[Span]]], stream: IO[str], context: ExportContext | None = None) -> int:
    """Write rows to ``stream`` (opened with newline=""); the caller writes the BOM. A row is
    a span: the events of the documents written are counted in ``context``'s report, not lost
    without a word."""
    writer = csv.writer(stream)
    writer.writerow(COLUMNS)
    rows = 0
    safe = neutralise
    for document, spans in items:
        title = safe(document.title)
        # Numbers stay unescaped; every free-text cell is neutralised.
        writer.writerows(
            [document.id, title, safe(s.id), s.start, s.end, safe(s.label), safe(s.text), safe(s.annotator),
             safe(s.origin), safe(json.dumps(s.attrs, ensure_ascii=False)) if s.attrs else "{}",
             "" if s.value is None else safe(json.dumps(s.value, ensure_ascii=False)),
             "true" if s.value_edited else "false"]
            for s in spans)
        rows += len(spans)
    if context is not None:
        _note_events_left_out(context)
    return rows


def _note_events_left_out(context: ExportContext) -> None:
    options = context.options
    count = sum(1 for _ in context.store.iter_events(options.annotators, options.documents or None))
    if count:
        context.report.notes.append(f"csv holds no events: {count} event(s) not written; "
                                    "use jsonl, brat, labelstudio or events to keep them")


def restore(cell: str) -> str:
    """Undo ``neutralise``: drop the apostrophe it put before a formula character."""
    return cell[1:] if cell[:1] == "'" and _guarded(cell[1:]) else cell


def read(stream: IO[str], path: str):
    """Spans from our CSV, as (line, document id, span record). The documents themselves
    must already be in the project: a CSV row carries no article text."""
    from annotator.formats.records import FormatError, SpanRecord

    reader = csv.DictReader(stream)
    try:
        missing = {"document_id", "start", "end", "label"} - set(reader.fieldnames or [])
    except csv.Error as err:
        raise FormatError(path, f"not readable as CSV ({err})", 1) from None
    if missing:
        raise FormatError(path, f"the header lacks {', '.join(sorted(missing))}", 1)
    rows = iter(reader)
    while True:
        line = reader.line_num + 1  # where the record starts: a quoted cell may span lines
        try:
            row = next(rows, None)
        except csv.Error as err:
            raise FormatError(path, f"not readable as CSV ({err})", line) from None
        if row is None:
            return
        if None in row.values():
            raise FormatError(path, f"the row has {sum(v is not None for v in row.values())} cells; the header has "
                                    f"{len(reader.fieldnames or [])}", line)
        try:
            document_id, start, end = int(row["document_id"]), int(row["start"]), int(row["end"])
            attrs = json.loads(restore(row.get("attrs") or "{}"))
        except (TypeError, ValueError, RecursionError) as err:
            raise FormatError(path, f"bad number or attrs ({err})", line) from None
        value = _value(row.get("value"), path, line)
        edited = (row.get("value_edited") or "").strip().lower()
        if edited not in ("", "true", "false"):
            raise FormatError(path, f"value_edited must be true or false, not {row['value_edited']!r}", line)
        yield line, document_id, SpanRecord(
            start, end, restore(row["label"]), restore(row["text"]) if row.get("text") else None,
            restore(row["annotator"]) if row.get("annotator") else None, attrs if isinstance(attrs, dict) else {},
            restore(row.get("span_id") or "") or None, restore(row.get("origin") or "imported"), value=value,
            value_edited=edited == "true" and value is not None)


def _value(cell: str | None, path: str, line: int):
    """The ``value`` cell: blank, or a JSON object."""
    from annotator.formats.records import FormatError, load_json

    if not cell or not cell.strip():
        return None
    value = load_json(restore(cell), path, line)
    if not isinstance(value, dict):
        raise FormatError(path, "the value cell must be blank or a JSON object", line)
    return value


def _has_header(head: str) -> bool:
    header = {cell.strip().strip('"') for cell in head.lstrip().split("\n", 1)[0].split(",")}
    return {"document_id", "start", "end", "label"} <= header


FORMAT = FileFormat(
    "csv", QT_TRANSLATE_NOOP("Formats", "CSV (spreadsheets)"), (".csv",), Target.STREAM, "code points",
    read=read_text_stream(read), write=write, span_rows=True,
    unit=SPANS, encoding="utf-8-sig",  # the BOM makes spreadsheets read UTF-8
    sniff=_has_header, sniff_rank=3)

"""doccano's sequence-labelling JSON Lines: ``{"text", "label": [[start, end, "LABEL"], ...]}``.

doccano counts offsets in UTF-16 code units (unless its grapheme option is on), so an
emoji moves every later offset by one; this module converts both ways.

Each span is written as the object form doccano's importer takes,
``{"start_offset", "end_offset", "label", "annotator", "span_id"}``: doccano ignores the
two extra keys, and they let an export come back into its project without a copy of any
span (``span_id``, not ``id``: doccano reads ``id`` as a whole number). The importer also
takes ``[start, end, "LABEL"]`` lists and the relation format's ``entities`` list.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import IO

from annotator.core.model import Document, Span
from annotator.core.offsets import Utf16Offsets
from annotator.formats.records import DocumentRecord, FormatError, SpanRecord, document_lines
from annotator.formats.spec import QT_TRANSLATE_NOOP, FileFormat, Target, first_line_object, read_text_stream


def write(items: Iterable[tuple[Document, list[Span]]], stream: IO[str]) -> int:
    count = 0
    for document, spans in items:
        units = Utf16Offsets(document.text)
        labels = [{"start_offset": units.to_utf16(s.start), "end_offset": units.to_utf16(s.end), "label": s.label,
                   "annotator": s.annotator, "span_id": s.id} for s in spans]
        stream.write(json.dumps({"id": document.id, "text": document.text, "label": labels,
                                 "title": document.title}, ensure_ascii=False) + "\n")
        count += 1
    return count


def _entries(raw: dict, path: str, number: int) -> list:
    entries = raw["label"] if "label" in raw else raw.get("entities") or []
    if not isinstance(entries, list):
        raise FormatError(path, f'"{"label" if "label" in raw else "entities"}" must be a list', number)
    return entries


def _optional_string(entry: object, key: str, index: int, path: str, number: int) -> str | None:
    value = entry.get(key) if isinstance(entry, dict) else None
    if value is not None and not isinstance(value, str):
        raise FormatError(path, f"label {index + 1}: {key} must be a string, not {value!r}", number)
    return value


def read(stream: IO[str], path: str) -> Iterator[DocumentRecord]:
    for number, raw in document_lines(stream, path):
        text = raw["text"]
        units = Utf16Offsets(text)
        spans = []
        for index, entry in enumerate(_entries(raw, path, number)):
            if isinstance(entry, list) and len(entry) == 3:
                start, end, label = entry
            elif isinstance(entry, dict) and {"start_offset", "end_offset", "label"} <= entry.keys():
                start, end, label = entry["start_offset"], entry["end_offset"], entry["label"]
            else:
                raise FormatError(path, f"label {index + 1} is neither [start, end, label] nor an object with "
                                        "start_offset, end_offset and label", number)
            if type(start) is not int or type(end) is not int:
                raise FormatError(path, f"label {index + 1} ({label!r}): offsets must be whole numbers, "
                                        f"got {start!r} and {end!r}", number)
            try:
                start, end = units.to_cp(start), units.to_cp(end)
            except ValueError as err:
                raise FormatError(path, f"label {index + 1} ({label!r}): {err}", number) from None
            spans.append(SpanRecord(start, end, label,
                                    annotator=_optional_string(entry, "annotator", index, path, number),
                                    id=_optional_string(entry, "span_id", index, path, number)))
        yield DocumentRecord(text=text, title=str(raw.get("title") or ""), spans=spans, line=number,
                             meta={k: v for k, v in raw.items()
                                   if k not in ("text", "label", "entities", "id", "title")})


def _is_doccano(head: str) -> bool:
    first = first_line_object(head)
    return isinstance(first, dict) and ("label" in first or "entities" in first)


FORMAT = FileFormat(
    "doccano", QT_TRANSLATE_NOOP("Formats", "doccano"), (".jsonl",), Target.STREAM, "UTF-16 code units",
    read=read_text_stream(read), write=lambda items, stream, _: write(items, stream),
    sniff=_is_doccano, sniffed_in=(".ndjson",))

"""doccano's sequence-labelling JSON Lines: ``{"text", "label": [[start, end, "LABEL"], ...]}``.

doccano counts offsets in UTF-16 code units (unless its grapheme option is on), so an
emoji moves every later offset by one; this module converts both ways. The importer also
takes ``{"start_offset", "end_offset", "label"}`` objects and the relation format's
``entities`` list.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import IO

from annotator.core.model import Document, Span
from annotator.core.offsets import from_utf16, utf16_prefix
from annotator.formats.records import DocumentRecord, FormatError, SpanRecord, document_lines


def write(items: Iterable[tuple[Document, list[Span]]], stream: IO[str]) -> int:
    count = 0
    for document, spans in items:
        prefix = utf16_prefix(document.text)
        labels = [[prefix[s.start], prefix[s.end], s.label] for s in spans]
        stream.write(json.dumps({"id": document.id, "text": document.text, "label": labels,
                                 "title": document.title}, ensure_ascii=False) + "\n")
        count += 1
    return count


def _entries(raw: dict) -> list:
    if "label" in raw:
        return raw["label"]
    return raw.get("entities") or []


def read(stream: IO[str], path: str) -> Iterator[DocumentRecord]:
    for number, raw in document_lines(stream, path):
        text = raw["text"]
        prefix = utf16_prefix(text)
        spans = []
        for index, entry in enumerate(_entries(raw)):
            if isinstance(entry, list) and len(entry) == 3:
                start, end, label = entry
            elif isinstance(entry, dict) and {"start_offset", "end_offset", "label"} <= entry.keys():
                start, end, label = entry["start_offset"], entry["end_offset"], entry["label"]
            else:
                raise FormatError(path, f"label {index + 1} is neither [start, end, label] nor an object with "
                                        "start_offset, end_offset and label", number)
            try:
                start, end = from_utf16(prefix, start), from_utf16(prefix, end)
            except (TypeError, ValueError) as err:
                raise FormatError(path, f"label {index + 1} ({label!r}): {err}", number) from None
            spans.append(SpanRecord(start, end, str(label)))
        yield DocumentRecord(text=text, title=str(raw.get("title") or ""), spans=spans, line=number,
                             meta={k: v for k, v in raw.items() if k not in ("text", "label", "entities", "id", "title")})

"""What a reader hands to the importer: a document and its spans, not yet checked or stored."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any


class FormatError(ValueError):
    """Input that cannot be read; ``str()`` names the file, the line and the problem."""

    def __init__(self, path: str, problem: str, line: int | None = None):
        self.path, self.problem, self.line = path, problem, line
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {problem}")


@dataclass(slots=True)
class SpanRecord:
    start: Any
    end: Any
    label: str
    text: str | None = None
    annotator: str | None = None
    attrs: dict[str, Any] = field(default_factory=dict)
    id: str | None = None
    origin: str = "imported"
    line: int | None = None  # where the span was read, when that is not the document's line


@dataclass
class DocumentRecord:
    text: str
    title: str = ""
    meta: dict[str, Any] = field(default_factory=dict)
    spans: list[SpanRecord] = field(default_factory=list)
    source: str = ""
    line: int | None = None  # where in the source file the document starts, for messages
    notes: list[str] = field(default_factory=list)  # things read leniently, reported to the user


def document_lines(stream: Iterable[str], path: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """The objects of a JSON Lines file, one a line, each with a non-empty ``"text"``, with
    their line numbers; blank lines are passed over, a BOM on the first line dropped."""
    for number, line in enumerate(stream, start=1):
        if number == 1:
            line = line.removeprefix("\ufeff")
        if not line.strip():
            continue
        yield number, parse_document_line(line, path, number)


def parse_document_line(line: str, path: str, number: int) -> dict[str, Any]:
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as err:
        raise FormatError(path, f"malformed JSON ({err.msg} at column {err.colno})", number) from None
    if not isinstance(raw, dict) or not isinstance(raw.get("text"), str) or not raw["text"]:
        raise FormatError(path, 'each line must be an object with a non-empty "text"', number)
    return raw

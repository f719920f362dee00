"""What a reader hands to the importer: a document and its spans, not yet checked or stored."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from annotator.core.decoding import is_blank
from annotator.core.errors import AnnotatorError


class FormatError(AnnotatorError, ValueError):
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
    value: dict[str, Any] | None = None  # the normalised value, when the file gives one
    value_edited: bool = False


# A span an event names: its index in the document record's spans, or an id the record does
# not hold (the importer looks for it in the project and says whose it is).
SpanRef = int | str


@dataclass(slots=True)
class EventRecord:
    """An event as read: its mentions and, per role, the spans that fill it."""

    id: str | None
    mentions: list[SpanRef]
    roles: dict[str, list[SpanRef]] = field(default_factory=dict)
    annotator: str | None = None  # None: that of its first mention
    line: int | None = None
    where: str = ""  # for messages where a file has no lines to name (a Label Studio task)
    written_as: str | None = None  # how the file names it, when not by its id (brat's E3)


@dataclass
class DocumentRecord:
    text: str
    title: str = ""
    meta: dict[str, Any] = field(default_factory=dict)
    spans: list[SpanRecord] = field(default_factory=list)
    source: str = ""
    line: int | None = None  # where in the source file the document starts, for messages
    notes: list[str] = field(default_factory=list)  # things read leniently, reported to the user
    path: str | None = None  # the file it was read from, when not the one imported (brat's .ann in a folder)
    events: list[EventRecord] = field(default_factory=list)


def escape_label(label: str) -> str:
    """A label as one whitespace-free word, for formats that split on whitespace (brat's
    type, a CoNLL tag): each whitespace character, and ``%`` itself, percent-encoded as
    UTF-8, so ``car bomb`` is ``car%20bomb``. ``unescape_label`` reverses it."""
    if "%" not in label and not any(ch.isspace() for ch in label):
        return label
    return "".join(quote_char(ch) if ch == "%" or ch.isspace() else ch for ch in label)


def quote_char(ch: str) -> str:
    return "".join(f"%{byte:02X}" for byte in ch.encode("utf-8"))


_PERCENT_RUN = re.compile(r"(?:%[0-9A-Fa-f]{2})+")


def _unquote_run(match: re.Match[str]) -> str:
    run = match.group(0)
    try:
        decoded = bytes.fromhex(run.replace("%", "")).decode("utf-8")
    except UnicodeDecodeError:
        return run
    # Only what escape_label encodes is decoded: another tool's "%41" stays as it is.
    return decoded if all(ch == "%" or ch.isspace() for ch in decoded) else run


def unescape_label(label: str) -> str:
    """Undo ``escape_label``."""
    return _PERCENT_RUN.sub(_unquote_run, label) if "%" in label else label


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
    raw = load_json(line, path, number)
    if not isinstance(raw, dict) or not isinstance(raw.get("text"), str) or not raw["text"]:
        raise FormatError(path, 'each line must be an object with a non-empty "text"', number)
    if is_blank(raw["text"]):
        raise FormatError(path, '"text" holds only blank characters', number)
    if _SURROGATE_ESCAPE.search(line):  # only an escape can make one: most lines skip the walk
        refuse_lone_surrogates(raw, path, number)
    return raw


def json_problem(err: json.JSONDecodeError) -> str:
    """``Expecting value at column 5``; Python's own message for an open string already
    ends in "at" ("Unterminated string starting at")."""
    at = "" if err.msg.endswith(" at") else " at"
    return f"malformed JSON ({err.msg}{at} column {err.colno})"


def load_json(text: str, path: str, number: int | None = None):
    """``json.loads`` with its failures as FormatError: malformed, or nested too deeply
    for the parser (which otherwise dies with RecursionError)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise FormatError(path, json_problem(err), number if number is not None else err.lineno) from None
    except RecursionError:
        raise FormatError(path, "the JSON is nested too deeply to read", number) from None


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def refuse_lone_surrogates(value: Any, path: str, number: int | None) -> None:
    """A lone surrogate (JSON ``"\\ud800"``, half of a UTF-16 pair) cannot be stored as
    UTF-8: refuse it, naming the field. A proper pair is one character once parsed."""
    from annotator.core.model import lone_surrogate_at

    pending: list[tuple[str, Any]] = [("", value)]
    while pending:  # a loop, not recursion: the JSON may be nested deeply
        where, item = pending.pop()
        if isinstance(item, dict):
            pending += [(f"{where}.{key}" if where else str(key), v) for key, v in item.items()]
            pending += [(f"{where} (a key)", key) for key in item]
        elif isinstance(item, list):
            pending += [(f"{where}[{i}]", v) for i, v in enumerate(item)]
        elif isinstance(item, str) and (at := lone_surrogate_at(item)) is not None:
            raise FormatError(path, f"{where or 'a string'} holds a lone surrogate (U+{ord(item[at]):04X}) at "
                                    f"character {at}, half of a UTF-16 pair: fix the program that wrote it", number)

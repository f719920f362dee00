"""Documents, labels, annotators and spans, and the offsets contract.

The offsets contract, stated once: a span is half-open ``[start, end)`` in Python
code points into ``Document.text``, which never changes after import. A span also
carries the text it covers, and that text must equal ``document.text[start:end]``
wherever a span enters or leaves the program (store, import, export).
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from typing import Any, NamedTuple

from annotator.core.errors import AnnotatorError

# The reserved annotator whose spans are the suggesters' proposals (issue 15): nobody imports or
# works as it, and agreement, exports, review, side by side and progress leave it out unless named.
SUGGESTED = "suggested"
# The reserved annotator of the adjudicated layer: reviewers write it (accept, relabel, reject).
GOLD = "gold"


class SpanError(AnnotatorError, ValueError):
    """A span that breaks the offsets contract."""


class InvalidName(AnnotatorError, ValueError):
    """An annotator name, label or label colour that no file format could carry safely."""


# A name or label goes into one line, one cell, one column of every format: a line break
# forges a line in brat, a tab ends a field. Line and paragraph separators break lines in
# editors and in Qt. A lone surrogate cannot be written as UTF-8 at all.
_LINE_SEPARATORS = frozenset("\u2028\u2029\u0085")


@cache
def _pattern(expression: str) -> re.Pattern[str]:
    """Compiled on first use: the window's start-up checks no colour or surrogate."""
    return re.compile(expression)


def lone_surrogate_at(text: str) -> int | None:
    """Where ``text`` holds half of a UTF-16 surrogate pair (JSON's ``"\\ud800"``), or None."""
    found = _pattern("[\ud800-\udfff]").search(text)
    return None if found is None else found.start()


def clean_name(value: object, what: str = "name") -> str:
    """``value`` without surrounding whitespace, or InvalidName saying why it cannot be one.

    The one rule for annotator names and labels, wherever they come from (every reader,
    the store, the command line): a non-empty string of one line, with no control
    character (Unicode category Cc), no line or paragraph separator and no lone surrogate.
    Surrounding whitespace is dropped, so ``"alice "`` is alice.
    """
    if not isinstance(value, str):
        raise InvalidName(f"the {what} must be a string, not {value!r}")
    name = value.strip()
    if not name:
        raise InvalidName(f"the {what} is empty")
    for ch in name:
        if ch in _LINE_SEPARATORS or unicodedata.category(ch) in ("Cc", "Cs"):
            kind = "a lone surrogate" if unicodedata.category(ch) == "Cs" else "a control character"
            raise InvalidName(f"the {what} {value!r} holds {kind} (U+{ord(ch):04X}); "
                              "names and labels must be one line of text")
    return name


def check_color(color: object) -> str:
    """A label colour as ``#rgb`` or ``#rrggbb``; anything else (it goes into HTML and Qt
    style strings) raises InvalidName."""
    if not isinstance(color, str) or not _pattern(r"#(?:[0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})").fullmatch(color):
        raise InvalidName(f"the colour {color!r} is not #rgb or #rrggbb")
    return color


@dataclass(frozen=True)
class Label:
    """A label of the project: its name, its colour, its key (1-9) and its titles."""

    name: str
    color: str
    key: str = ""
    title_ar: str = ""
    title_en: str = ""

    def caption(self, separator: str = " · ") -> str:
        """How a legend or a form names the label: its Arabic title, then its English one."""
        return f"{self.title_ar}{separator}{self.title_en or self.name}"


# A span whose label the project does not define (and a label an import adds) is drawn grey.
UNKNOWN_LABEL_COLOR = "#999999"

# A document's status for one annotator, as stored; the UI names them (document_list.status_names).
NEW, IN_PROGRESS, DONE = "new", "in_progress", "done"
STATUSES = (NEW, IN_PROGRESS, DONE)


# Okabe-Ito colours: distinguishable with the common colour-vision deficiencies and
# mid-bright, so a translucent tint of each reads on white and on dark backgrounds.
DEFAULT_LABELS: tuple[Label, ...] = (
    Label("event", "#E69F00", "1", "حدث", "Event"),
    Label("place", "#56B4E9", "2", "مكان", "Place"),
    Label("date", "#CC79A7", "3", "تاريخ", "Date"),
    Label("casualty", "#D55E00", "4", "ضحايا", "Casualty"),
    Label("source", "#009E73", "5", "مصدر", "Source"),
)


@dataclass(frozen=True)
class Annotator:
    """Someone whose spans the project keeps, and their role (annotator, reviewer, gold)."""

    id: int
    name: str
    role: str = "annotator"


@dataclass(frozen=True)
class Document:
    """An article as imported: its text never changes (the offsets contract, above)."""

    id: int
    title: str
    text: str
    text_sha256: str
    source: str = ""
    meta: dict[str, Any] = field(default_factory=dict)


class Span(NamedTuple):
    """A labelled stretch of a document. A tuple, not a dataclass: exports build hundreds
    of thousands, and a tuple is made in C (a frozen dataclass sets each field in Python).
    ``attrs`` is never changed in place: a new Span replaces an old one."""

    id: str
    document_id: int
    annotator: str
    label: str
    start: int
    end: int
    text: str
    attrs: dict[str, Any] = {}  # noqa: RUF012 (shared empty default, read only)
    origin: str = "manual"
    # The normalised value (``annotator.normalise``): {"iso": ...} for a date, counts for a
    # casualty, a gazetteer entry for a place; None when none was computed or given.
    value: dict[str, Any] | None = None
    # True once a person has set the value: ``normalise --all`` leaves it alone.
    value_edited: bool = False

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


_fresh_ids: list[str] = []
_VARIANT = {digit: "89ab"[int(digit, 16) & 3] for digit in "0123456789abcdef"}


def new_span_id() -> str:
    """A random (version 4) UUID as text. ``str(uuid.uuid4())`` costs several times as
    much, which showed when importing hundreds of thousands of spans: randomness is read
    from the OS and formatted 1,024 ids at a time."""
    if not _fresh_ids:
        h = os.urandom(16 * 1024).hex()
        _fresh_ids.extend([f"{h[i:i + 8]}-{h[i + 8:i + 12]}-4{h[i + 13:i + 16]}-"
                           f"{_VARIANT[h[i + 16]]}{h[i + 17:i + 20]}-"
                           f"{h[i + 20:i + 32]}" for i in range(0, len(h), 32)])
    return _fresh_ids.pop()


def text_sha256(text: str) -> str:
    import hashlib  # here, not at the top: OpenSSL's load is felt at start-up, which hashes nothing

    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def check_span(text: str, start: Any, end: Any, expected: str | None = None) -> str:
    """Return ``text[start:end]`` or raise SpanError saying what is wrong."""
    if type(start) is not int or type(end) is not int:  # exactly int: True and False are ints too
        raise SpanError(f"offsets must be whole numbers, got start={start!r} end={end!r}")
    if start < 0 or end > len(text):
        raise SpanError(f"offsets {start}-{end} fall outside the text (length {len(text)})")
    if start >= end:
        raise SpanError(f"start {start} is not before end {end}")
    covered = text[start:end]
    if expected is not None and expected != covered:
        raise SpanError(f"span text {expected!r} does not match the text at {start}-{end}: {covered!r}")
    return covered


@dataclass(frozen=True)
class Role:
    """A slot of an event record (place, date, ...), filled by spans of ``label`` ('' = any)."""

    name: str
    label: str = ""
    title_ar: str = ""
    title_en: str = ""


class Event(NamedTuple):
    """One event of a document, as one annotator (or the gold layer) records it: the spans that
    mention it and, per role, the spans that fill that role (a span may serve several events;
    a mention belongs to one). Span ids are of the same document; the id is unique in it."""

    id: str
    document_id: int
    annotator: str
    mentions: tuple[str, ...]
    roles: dict[str, tuple[str, ...]] = {}  # noqa: RUF012 (shared empty default, read only)

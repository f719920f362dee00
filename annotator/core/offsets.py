"""Code points and UTF-16 code units: the one rule for counting them (a character outside
the Basic Multilingual Plane takes two units). Formats that count UTF-16 units (doccano,
WebAnno, raw UIMA) convert with ``Utf16Offsets``; Qt's positions, which also fold CRLF as
Qt shows it, build on ``astral_starts`` in annotator/ui/qt_offsets.py."""

from __future__ import annotations

import re
from bisect import bisect_left

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def astral_starts(text: str) -> list[int]:
    """The code point indices of the characters that take two UTF-16 units, in order."""
    return [match.start() for match in _ASTRAL.finditer(text)]


class Utf16Offsets:
    """Converts between code points of ``text`` and UTF-16 offsets, keeping only where the
    astral characters are (cheap for long texts with few of them)."""

    def __init__(self, text: str):
        self._astral = astral_starts(text)
        self._units = [cp + i for i, cp in enumerate(self._astral)]  # the unit each astral character starts at
        self.length = len(text) + len(self._astral)

    def to_utf16(self, cp: int) -> int:
        return cp + bisect_left(self._astral, cp)

    def to_cp(self, unit: int) -> int:
        """The code point at UTF-16 offset ``unit``; raises ValueError inside a surrogate pair
        or past the text."""
        before = bisect_left(self._units, unit)  # astral characters that start before ``unit``
        if not 0 <= unit <= self.length or (before and self._units[before - 1] + 1 == unit):
            raise ValueError(f"UTF-16 offset {unit} falls inside a character or past the text")
        return unit - before

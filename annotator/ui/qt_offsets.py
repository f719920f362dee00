"""The one place where stored code-point offsets meet Qt's positions.

Qt counts UTF-16 code units, and the text it is given is the *display* text: the stored
text with each CRLF (and lone CR) shown as one line break, because Qt would fold them
anyway. A ``TextMapping`` is built once per document and converts both ways.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from annotator.core.offsets import astral_starts


class TextMapping:
    """Converts between code points of ``stored`` and positions in ``display`` (UTF-16)."""

    def __init__(self, stored: str):
        self.stored = stored
        self.display = stored.replace("\r\n", "\n").replace("\r", "\n")
        # Places where one code point is not one Qt unit: astral characters take two
        # units, the CR of a CRLF takes none. Between them the shift is constant, so we
        # keep only the change points (cheap for long texts with few such places).
        self._cp_points: list[int] = []  # code point index just after a change
        self._shifts: list[int] = []  # qt - cp from that code point on
        shift = 0
        events = [(cp, 1) for cp in astral_starts(stored)]
        events += [(m.start(), -1) for m in re.finditer("\r\n", stored)]
        for cp, delta in sorted(events):
            shift += delta
            self._cp_points.append(cp + 1)
            self._shifts.append(shift)
        self._qt_points = [cp + s for cp, s in zip(self._cp_points, self._shifts)]
        self.qt_length = len(stored) + shift

    def to_qt(self, cp: int) -> int:
        """The Qt position of code point ``cp`` (0 <= cp <= len(stored))."""
        i = bisect_right(self._cp_points, cp)
        return cp + (self._shifts[i - 1] if i else 0)

    def to_cp(self, qt: int) -> int:
        """The code point at Qt position ``qt``. A position inside a surrogate pair maps to
        the start of that character; the line break Qt shows for a CRLF maps to the CR, so
        a selection that ends at a line end takes neither half of it."""
        i = bisect_right(self._qt_points, qt)
        cp = min(qt - (self._shifts[i - 1] if i else 0), len(self.stored))
        while cp > 0 and self.to_qt(cp) > qt:  # the low surrogate of an astral character
            cp -= 1
        while cp > 0 and self.to_qt(cp - 1) == qt:  # the LF of a CRLF shares the CR's position
            cp -= 1
        return cp

    def range_to_qt(self, start: int, end: int) -> tuple[int, int]:
        return self.to_qt(start), self.to_qt(end)

    def range_to_cp(self, qt_start: int, qt_end: int) -> tuple[int, int]:
        start, end = self.to_cp(qt_start), self.to_cp(qt_end)
        if self.to_qt(end) < qt_end:  # the end fell inside a character: take all of it
            end += 1
        return start, min(end, len(self.stored))

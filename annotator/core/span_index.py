"""Spans of one document kept in text order, with fast lookup of those over a range.

The window asks "which spans touch what is on screen?" after every action; answering
from an index keeps that cost independent of how many spans the article holds.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

from annotator.core.model import Span


def _order(span: Span) -> tuple[int, int, str, str]:
    return (span.start, -span.end, span.label, span.id)


class SpanIndex:
    def __init__(self, spans: Iterable[Span] = ()):
        self._spans = sorted(spans, key=_order)
        self._keys = [_order(s) for s in self._spans]
        self._by_id = {s.id: s for s in self._spans}
        self._longest = max((s.end - s.start for s in self._spans), default=0)

    def __len__(self) -> int:
        return len(self._spans)

    def __iter__(self):
        return iter(self._spans)

    def __contains__(self, span_id: object) -> bool:
        return span_id in self._by_id

    def get(self, span_id: str) -> Span | None:
        return self._by_id.get(span_id)

    def position(self, span_id: str) -> int:
        """Where the span stands in text order."""
        return bisect_left(self._keys, _order(self._by_id[span_id]))

    def at(self, row: int) -> Span:
        return self._spans[row]

    def add(self, span: Span) -> int:
        key = _order(span)
        row = bisect_left(self._keys, key)
        self._keys.insert(row, key)
        self._spans.insert(row, span)
        self._by_id[span.id] = span
        self._longest = max(self._longest, span.end - span.start)
        return row

    def remove(self, span_id: str) -> int:
        row = self.position(span_id)
        del self._keys[row]
        del self._spans[row]
        del self._by_id[span_id]
        return row

    def overlapping(self, start: int, end: int) -> list[Span]:
        """Spans that share at least one character with ``[start, end)``, in text order.

        A zero-width query range ``[p, p)`` finds the spans that hold position ``p``.
        """
        end = max(end, start + 1)
        # A span overlapping the range starts at most `longest` before it.
        first = bisect_left(self._keys, (start - self._longest,))
        last = bisect_left(self._keys, (end,))
        return [s for s in self._spans[first:last] if s.end > start]

    def neighbour(self, span_id: str | None, step: int) -> Span | None:
        """The next (step=1) or previous (step=-1) span in text order, wrapping around."""
        if not self._spans:
            return None
        if span_id is None or span_id not in self._by_id:
            return self._spans[0 if step > 0 else -1]
        return self._spans[(self.position(span_id) + step) % len(self._spans)]


def nesting_depth(span: Span, neighbours: Iterable[Span]) -> int:
    """How many spans lie over ``span`` from outside: those that overlap it and come first in text order."""
    key = _order(span)
    return sum(1 for other in neighbours if other.id != span.id and other.overlaps(span) and _order(other) < key)

"""Offsets in other units than code points, for formats that count UTF-16 code units
(doccano, WebAnno, raw UIMA). Qt has its own converter in the UI layer."""

from __future__ import annotations

from bisect import bisect_left
from itertools import accumulate


def utf16_prefix(text: str) -> list[int]:
    """``prefix[i]`` is the UTF-16 length of ``text[:i]``."""
    return [0, *accumulate(2 if ord(ch) > 0xFFFF else 1 for ch in text)]


def from_utf16(prefix: list[int], unit: int) -> int:
    """The code point at UTF-16 offset ``unit``; raises ValueError inside a surrogate pair."""
    cp = bisect_left(prefix, unit)
    if cp >= len(prefix) or prefix[cp] != unit:
        raise ValueError(f"UTF-16 offset {unit} falls inside a character or past the text")
    return cp

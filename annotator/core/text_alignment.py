"""How two versions of one text line up: which characters of one are the same characters
of the other, and how similar the two are.

difflib's SequenceMatcher over characters is the reference, but it is quadratic in the
length of what it compares and, with its default ``autojunk``, treats every common letter
of an article as junk. So the alignment works in three steps, each cheap:

1. the common prefix and suffix are equal as they are (a one-letter edit ends here);
2. what lies between is aligned word by word (a word or a mark with its following spaces
   is a token: far fewer and far rarer than letters), with SequenceMatcher and no autojunk;
3. inside each replaced stretch of words, the characters are aligned again, so a span
   next to an edited letter in the same word still finds its place.

``similarity`` is difflib's ratio over this alignment: ``2 * matched / (len(a) + len(b))``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from difflib import SequenceMatcher
from itertools import accumulate, repeat
from typing import NamedTuple

# A word or a mark with the spaces after it: spaces as tokens of their own would make the
# commonest token of all, and difflib's cost grows with how often each token recurs.
_TOKEN = re.compile(r"\w+\s*|[^\w\s]\s*|\s+")
# A replaced stretch longer than this is left unmatched rather than aligned letter by
# letter (quadratic): an edit that large is a rewrite, not a near-copy.
_MAX_CHARACTER_STRETCH = 4000


class Block(NamedTuple):
    """``a[a_start:a_start + size] == b[b_start:b_start + size]``."""

    a_start: int
    b_start: int
    size: int


def _common_prefix(a: str, b: str) -> int:
    low, high = 0, min(len(a), len(b))
    while low < high:  # binary search on slices: C-speed comparisons, no per-letter loop
        middle = (low + high + 1) // 2
        if a[:middle] == b[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _common_suffix(a: str, b: str, limit: int) -> int:
    low, high = 0, limit
    while low < high:
        middle = (low + high + 1) // 2
        if a[len(a) - middle:] == b[len(b) - middle:]:
            low = middle
        else:
            high = middle - 1
    return low


def _tokens(text: str) -> tuple[list[str], list[int]]:
    """The tokens, and where each starts (one more: the end of the text)."""
    words = _TOKEN.findall(text)  # the tokens cover the text, so their lengths give their starts
    return words, list(accumulate(map(len, words), initial=0))


def matching_blocks(a: str, b: str) -> list[Block]:
    """The characters ``a`` and ``b`` share, as increasing, non-overlapping blocks."""
    prefix = _common_prefix(a, b)
    suffix = _common_suffix(a, b, min(len(a), len(b)) - prefix)
    blocks: list[Block] = [Block(0, 0, prefix)] if prefix else []
    a_mid, b_mid = a[prefix:len(a) - suffix], b[prefix:len(b) - suffix]
    if a_mid and b_mid:
        a_words, a_starts = _tokens(a_mid)
        b_words, b_starts = _tokens(b_mid)
        words = SequenceMatcher(None, a_words, b_words, autojunk=False)
        for tag, i1, i2, j1, j2 in words.get_opcodes():
            a_from, a_to = prefix + a_starts[i1], prefix + a_starts[i2]
            b_from, b_to = prefix + b_starts[j1], prefix + b_starts[j2]
            if tag == "equal":
                blocks.append(Block(a_from, b_from, a_to - a_from))
            elif tag == "replace" and max(a_to - a_from, b_to - b_from) <= _MAX_CHARACTER_STRETCH:
                letters = SequenceMatcher(None, a[a_from:a_to], b[b_from:b_to], autojunk=False)
                blocks += [Block(a_from + i, b_from + j, n) for i, j, n in letters.get_matching_blocks() if n]
    if suffix:
        blocks.append(Block(len(a) - suffix, len(b) - suffix, suffix))
    return _joined(blocks)


def _joined(blocks: list[Block]) -> list[Block]:
    joined: list[Block] = []
    for block in blocks:
        if joined and joined[-1].a_start + joined[-1].size == block.a_start \
                and joined[-1].b_start + joined[-1].size == block.b_start:
            last = joined.pop()
            block = Block(last.a_start, last.b_start, last.size + block.size)
        joined.append(block)
    return joined


def ratio(matched: int, a_length: int, b_length: int) -> float:
    total = a_length + b_length
    return 1.0 if total == 0 else 2.0 * matched / total


def similarity(a: str, b: str) -> float:
    """difflib's ratio (``2 * matched / total``) over ``matching_blocks``."""
    return ratio(sum(block.size for block in matching_blocks(a, b)), len(a), len(b))


def length_bound(a_length: int, b_length: int) -> float:
    """The highest similarity two texts of these lengths can have (difflib's real_quick_ratio)."""
    return ratio(min(a_length, b_length), a_length, b_length)


class Letters:
    """A text's letter counts, for difflib's quick_ratio bound (only equal letters can be
    matched), counted once per text rather than once per pair."""

    _COMMON = 12

    def __init__(self, text: str):
        self.counts = Counter(text)
        self.length = len(text)
        ranked = self.counts.most_common()
        self._letters = tuple(letter for letter, _ in ranked)
        self._numbers = tuple(number for _, number in ranked)

    def bound(self, other: Letters) -> float:
        """The highest similarity this text and ``other`` can have."""
        shared = sum(map(min, self._numbers, map(other.counts.get, self._letters, repeat(0))))
        return ratio(shared, self.length, other.length)

    def could_reach(self, other: Letters, threshold: float) -> bool:
        """Whether ``bound`` reaches ``threshold``, most pairs decided by the commonest
        letters alone: every other letter in one bucket, which can only loosen the bound."""
        mine = self._numbers[:self._COMMON]
        theirs = list(map(other.counts.get, self._letters[:self._COMMON], repeat(0)))
        shared = sum(map(min, mine, theirs)) + min(self.length - sum(mine), other.length - sum(theirs))
        return ratio(shared, self.length, other.length) >= threshold and self.bound(other) >= threshold


class OffsetMap:
    """Moves half-open ``[start, end)`` ranges of ``a`` to ``b`` through an alignment."""

    def __init__(self, blocks: list[Block]):
        self._blocks = blocks
        self._starts = [block.a_start for block in blocks]

    def _to_b(self, position: int) -> int | None:
        at = bisect_right(self._starts, position) - 1
        if at < 0:
            return None
        block = self._blocks[at]
        offset = position - block.a_start
        return block.b_start + offset if offset < block.size else None

    def range(self, start: int, end: int) -> tuple[int, int] | None:
        """Where ``a[start:end]`` is in ``b``, if its first and last characters are both
        aligned characters; None otherwise. The caller checks the text between."""
        first, last = self._to_b(start), self._to_b(end - 1)
        if first is None or last is None or last < first:
            return None
        return first, last + 1

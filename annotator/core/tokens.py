"""Tokens and sentences for the token-based formats (CoNLL, spaCy, Hugging Face).

By default clitics stay attached (للجزيرة is one token), as in ANERcorp and Wojood;
``split_clitics`` splits the common proclitics off into tokens of their own. A document
imported from a token format keeps its own tokenisation: whitespace-separated tokens,
one sentence a line (``meta["tokenization"] == "whitespace"``).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import cache

from annotator.core.arabic import is_mark, is_word_char

Token = tuple[int, int]
WHITESPACE = "whitespace"
SENTENCE_END = frozenset(".!?؟۔")

# Proclitics split off with ``split_clitics``. Conservative, because a word may simply
# begin with these letters (فبراير, بغداد): a preposition (ب ل ك) or ف is split only
# before the article (بال، فال، كال) or as لل; و is split before a stem of three letters
# or more; the article itself before a stem of two or more.
_CLITIC_CHAIN = re.compile(r"^(?:(?P<conj>و)(?=\w{3})|(?P<conj2>ف)(?=ال|لل))?(?:(?P<prep>[بك])(?=ال)|(?P<lil>لل))?(?P<art>ال(?=\w{2}))?")


def _split_clitic_chain(text: str, start: int, end: int) -> list[Token]:
    letters = [i for i in range(start, end) if not is_mark(text[i])]
    word = "".join(text[i] for i in letters)
    match = _CLITIC_CHAIN.match(word)
    cuts: list[int] = []
    at = 0
    for group in ("conj", "conj2", "prep", "lil", "art"):
        piece = match.group(group)
        if piece:
            at += len(piece)
            cuts.append(at)
    while cuts and len(word) - cuts[-1] < 2:
        cuts.pop()
    if not cuts:
        return [(start, end)]
    bounds = [start] + [letters[c] for c in cuts] + [end]
    return [(a, b) for a, b in zip(bounds, bounds[1:]) if a < b]


def _ranges(code_points: list[int]) -> str:
    ranges, first, previous = [], code_points[0], code_points[0]
    for cp in code_points[1:]:
        if cp != previous + 1:
            ranges.append((first, previous))
            first = cp
        previous = cp
    ranges.append((first, previous))
    return "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)


@cache
def _token_pattern() -> re.Pattern[str]:
    """Words are runs of letters, digits, connectors, marks and joiners (the rule
    ``is_word_char`` states); every other visible character is a token of its own.

    Speed matters here (it was the export's hot spot): ``\\w`` and the marks of the Basic
    Multilingual Plane compile to one bitmap; the few marks outside it are joined to their
    word afterwards, and only in texts that hold such characters at all.
    """
    marks = [cp for cp in range(0x10000) if unicodedata.category(chr(cp))[0] == "M"]
    invisible = "\u200e\u200f\u061c\ufeff"
    return re.compile(f"(?P<word>[\\w{_ranges(marks)}\u200c\u200d]+)|[^\\s{invisible}]")


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _join_astral_marks(text: str, tokens: list[Token]) -> list[Token]:
    """Word runs are maximal, so two touching tokens with word characters where they meet
    were cut apart by an astral mark: join them."""
    joined: list[Token] = []
    for start, end in tokens:
        if joined and joined[-1][1] == start and is_word_char(text[start]) and is_word_char(text[start - 1]):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def tokenize(text: str, split_clitics: bool = False) -> list[Token]:
    """Words (letters, marks, digits, tatweel, joiners) and single punctuation marks."""
    tokens = [match.span() for match in _token_pattern().finditer(text)]
    if _ASTRAL.search(text):
        tokens = _join_astral_marks(text, tokens)
    if not split_clitics:
        return tokens
    out: list[Token] = []
    for start, end in tokens:
        out.extend(_split_clitic_chain(text, start, end) if is_word_char(text[start]) else [(start, end)])
    return out


def whitespace_tokens(text: str) -> list[Token]:
    return [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]


_LINE_BREAKS = re.compile("[\r\n]+")
_SENTENCE_ENDS = re.compile(f"[{re.escape(''.join(sorted(SENTENCE_END)))}]")


def sentences(text: str, tokens: list[Token], by_line_only: bool = False) -> list[range]:
    """Token indices grouped into sentences, each a range: a line break ends one, and
    (unless ``by_line_only``) so does a sentence-final punctuation token.

    Cut points come from two scans of the text and a bisection into the token starts, not
    from a loop over every token: exports of whole corpora spend their time here.
    """
    starts = [start for start, _ in tokens]
    cuts = {bisect_right(starts, m.start()) for m in _LINE_BREAKS.finditer(text)}
    if not by_line_only:
        # Every sentence-final mark is a token of its own, so the sentence ends right after it.
        cuts |= {bisect_right(starts, m.start()) for m in _SENTENCE_ENDS.finditer(text)}
    bounds = [0, *sorted(c for c in cuts if 0 < c < len(tokens)), len(tokens)]
    return [range(a, b) for a, b in zip(bounds, bounds[1:]) if a < b]


def document_tokens(text: str, meta: dict, split_clitics: bool = False) -> tuple[list[Token], list[range]]:
    """The tokens and sentences a document is exported with."""
    if meta.get("tokenization") == WHITESPACE:
        tokens = whitespace_tokens(text)
        return tokens, sentences(text, tokens, by_line_only=True)
    tokens = tokenize(text, split_clitics)
    return tokens, sentences(text, tokens)

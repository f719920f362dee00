"""Tokens and sentences for the token-based formats (CoNLL, spaCy, Hugging Face).

By default clitics stay attached (للجزيرة is one token), as in ANERcorp and Wojood;
``split_clitics`` splits the common proclitics off into tokens of their own. Numbers with
a decimal or thousands separator (2.5, ٢٫٥, 15.7.2015, 1,000), dotted abbreviations of
single letters (أ.ف.ب), URLs and e-mail addresses are one token each. A document imported
from a token format keeps its own tokenisation: whitespace-separated tokens, one sentence
a line (``meta["tokenization"] == "whitespace"``).

A sentence ends at a line break and after sentence-final punctuation that is a token of
its own and not followed by a letter or digit (with any closing quotes or brackets after
it), so never at the dot of 2.5, example.com or د.محمد. Writers never cut a span at a sentence break: see
``annotator.formats.tagging.whole_sentences``.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from functools import cache

from annotator.core.arabic import TATWEEL, is_mark, is_word_char

Token = tuple[int, int]
WHITESPACE = "whitespace"
SENTENCE_END = frozenset(".!?؟۔")

# Proclitics split off with ``split_clitics``. Conservative, because a word may simply
# begin with these letters (فبراير, بغداد): a preposition (ب ل ك) or ف is split only
# before the article (بال، فال، كال) or as لل; و is split before a stem of three letters
# or more; the article itself before a stem of two or more.
_CLITIC_CHAIN = re.compile(
    r"^(?:(?P<conj>و)(?=\w{3})|(?P<conj2>ف)(?=ال|لل))?"
    r"(?:(?P<prep>[بك])(?=ال)|(?P<lil>لل))?"
    r"(?P<art>ال(?=\w{2}))?"
)


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
def _bmp_marks() -> str:
    """The marks of the Basic Multilingual Plane as the inside of a character class."""
    return _ranges([cp for cp in range(0x10000) if unicodedata.category(chr(cp))[0] == "M"])


@cache
def _token_pattern() -> re.Pattern[str]:
    """Words are runs of letters, digits, connectors, marks and joiners (the rule
    ``is_word_char`` states); every other visible character is a token of its own.

    Speed matters here (it was the export's hot spot): ``\\w`` and the marks of the Basic
    Multilingual Plane compile to one bitmap; the few marks outside it are joined to their
    word afterwards, and only in texts that hold such characters at all.
    """
    invisible = "\u200e\u200f\u061c\ufeff"
    return re.compile(f"(?P<word>[\\w{_bmp_marks()}\u200c\u200d]+)|[^\\s{invisible}]")


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


# Stretches that are one token though punctuation runs through them, found from the
# separator out: scanning for a literal dot is fast, trying a pattern at every letter was
# a third of the export's time.
@cache
def _dot_pattern() -> re.Pattern[str]:
    """A dot before a digit (2.5, 15.7.2015) or before a one-letter word, a letter with its
    marks or tatweel (أ.ف.ب, ا.هـ, U.S); what comes before the dot is checked after."""
    return re.compile(f"\\.(?=\\d|[^\\W\\d_][{_bmp_marks()}\u0640]*+(?!\\w))")  # *+: no backtracking into the marks


_OTHER_SEPARATOR = re.compile("[,\u066b\u066c](?=\\d)")  # 1,000, ٢٫٥, ١٬٠٠٠
_WORD_CHAR = re.compile("\\w")
_LETTER_CHAR = re.compile("[^\\W\\d_]")
_NOT_IN_URL = "\\s<>\"«»\u200e\u200f\u061c\ufeff"
_WEB = re.compile(
    # A URL, less the punctuation after it:
    f"(?:https?://|ftp://|www\\.)[^{_NOT_IN_URL}]*[^{_NOT_IN_URL}.,;:!?؟،'\")\\]}}]"
    "|[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+"  # e-mail
)


def _one_letter_before(text: str, dot: int) -> int | None:
    """Where the one-letter word (with its marks) that ends right before ``dot`` starts, if one does."""
    at = dot - 1
    while at >= 0 and (text[at] == TATWEEL or is_mark(text[at])):
        at -= 1
    if at < 0 or not _LETTER_CHAR.match(text, at) or (at > 0 and _WORD_CHAR.match(text, at - 1)):
        return None
    return at


def _compound_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges each of which becomes (part of) one token, sorted by start."""
    ranges = []
    for m in _dot_pattern().finditer(text):
        dot = m.start()
        if text[dot + 1].isdecimal():
            if dot and text[dot - 1].isdecimal():
                ranges.append((dot - 1, dot + 2))
        else:
            first = _one_letter_before(text, dot)
            if first is not None:
                ranges.append((first, dot + 2))
    if "," in text or "\u066b" in text or "\u066c" in text:
        found = [(m.start() - 1, m.end() + 1) for m in _OTHER_SEPARATOR.finditer(text)
                 if text[m.start() - 1:m.start()].isdecimal()]
        ranges = sorted(ranges + found) if ranges else found
    if "@" in text or "://" in text or "www." in text:  # the e-mail pattern is slow; most texts have neither
        ranges = sorted(ranges + [m.span() for m in _WEB.finditer(text)])
    return ranges


def _join_compounds(tokens: list[Token], ranges: list[tuple[int, int]]) -> list[Token]:
    """Every run of tokens a compound touches becomes one token."""
    starts = [t[0] for t in tokens]
    ends = [t[1] for t in tokens]
    runs: list[tuple[int, int]] = []  # token index ranges, half-open
    for a, b in ranges:
        first, stop = bisect_right(ends, a), bisect_left(starts, b)
        if runs and first < runs[-1][1]:  # overlaps the previous compound (a URL with 2.5 in it)
            runs[-1] = (runs[-1][0], max(stop, runs[-1][1]))
        elif stop - first > 1:
            runs.append((first, stop))
    if not runs:
        return tokens
    out: list[Token] = []
    at = 0
    for first, stop in runs:
        out += tokens[at:first]
        out.append((tokens[first][0], tokens[stop - 1][1]))
        at = stop
    out += tokens[at:]
    return out


def tokenize(text: str, split_clitics: bool = False) -> list[Token]:
    """Words (letters, marks, digits, tatweel, joiners), compounds (2.5, أ.ف.ب, URLs,
    e-mail addresses) and single punctuation marks."""
    tokens = [match.span() for match in _token_pattern().finditer(text)]
    if _ASTRAL.search(text):
        tokens = _join_astral_marks(text, tokens)
    if split_clitics:
        out: list[Token] = []
        for start, end in tokens:
            out.extend(_split_clitic_chain(text, start, end) if is_word_char(text[start]) else [(start, end)])
        tokens = out
    ranges = _compound_ranges(text)
    return _join_compounds(tokens, ranges) if ranges else tokens


def whitespace_tokens(text: str) -> list[Token]:
    return [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]


_LINE_BREAKS = re.compile("[\r\n]+")
# Sentence-final marks (a run of them: ...) and any closing quotes or brackets after them,
# not followed by a word character: the dot in 2.5, example.com or د.محمد ends nothing.
_SENTENCE_ENDS = re.compile(f"[{re.escape(''.join(sorted(SENTENCE_END)))}]+[»”’\"')\\]]*(?!\\w)")


def sentence_breaks(text: str, tokens: list[Token], by_line_only: bool = False) -> dict[int, bool]:
    """The token indices that begin a new sentence, each mapped to whether a line break
    is there: a line break ends a sentence, and (unless ``by_line_only``) so does a
    sentence-final mark that is a token of its own.

    Cut points come from two scans of the text and a bisection into the token starts, not
    from a loop over every token: exports of whole corpora spend their time here.
    """
    starts = [start for start, _ in tokens]
    count = len(tokens)
    breaks: dict[int, bool] = {}
    if not by_line_only:
        for m in _SENTENCE_ENDS.finditer(text):
            cut = bisect_left(starts, m.end())
            # The run must be tokens of its own: a compound (a URL) may hold a mark.
            if 0 < cut < count and tokens[cut - 1][1] == m.end() and starts[cut - 1] >= m.start():
                breaks[cut] = False
    for m in _LINE_BREAKS.finditer(text):
        cut = bisect_right(starts, m.start())
        if 0 < cut < count:
            breaks[cut] = True
    return breaks


def sentences_between(breaks: Iterable[int], count: int) -> list[range]:
    """Token indices ``0..count`` grouped into sentences at the given breaks."""
    bounds = [0, *sorted(c for c in breaks if 0 < c < count), count]
    return [range(a, b) for a, b in zip(bounds, bounds[1:]) if a < b]


def sentences(text: str, tokens: list[Token], by_line_only: bool = False) -> list[range]:
    """Token indices grouped into sentences, each a range (see ``sentence_breaks``)."""
    return sentences_between(sentence_breaks(text, tokens, by_line_only), len(tokens))


def document_tokens(text: str, meta: dict, split_clitics: bool = False) -> tuple[list[Token], list[range]]:
    """The tokens and sentences a document is tokenised with (spans aside)."""
    tokens, breaks = tokens_and_breaks(text, meta, split_clitics)
    return tokens, sentences_between(breaks, len(tokens))


def tokens_and_breaks(text: str, meta: dict, split_clitics: bool = False) -> tuple[list[Token], dict[int, bool]]:
    """The tokens a document is exported with and its candidate sentence breaks."""
    if meta.get("tokenization") == WHITESPACE:
        tokens = whitespace_tokens(text)
        return tokens, sentence_breaks(text, tokens, by_line_only=True)
    tokens = tokenize(text, split_clitics)
    return tokens, sentence_breaks(text, tokens)

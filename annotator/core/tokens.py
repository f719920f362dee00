"""Tokens and sentences for the token-based formats (CoNLL, spaCy, Hugging Face).

By default clitics stay attached (للجزيرة is one token), as in ANERcorp and Wojood;
``split_clitics`` splits the common proclitics off into tokens of their own. A document
imported from a token format keeps its own tokenisation: whitespace-separated tokens,
one sentence a line (``meta["tokenization"] == "whitespace"``).
"""

from __future__ import annotations

import re

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


def tokenize(text: str, split_clitics: bool = False) -> list[Token]:
    """Words (letters, marks, digits, tatweel, joiners) and single punctuation marks."""
    tokens: list[Token] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace() or ch in "\u200e\u200f\u061c\ufeff":
            i += 1
            continue
        if is_word_char(ch):
            j = i + 1
            while j < n and is_word_char(text[j]):
                j += 1
            tokens.extend(_split_clitic_chain(text, i, j) if split_clitics else [(i, j)])
            i = j
        else:
            tokens.append((i, i + 1))
            i += 1
    return tokens


def whitespace_tokens(text: str) -> list[Token]:
    return [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]


def sentences(text: str, tokens: list[Token], by_line_only: bool = False) -> list[list[int]]:
    """Token indices grouped into sentences: a line break ends one, and (unless
    ``by_line_only``) so does a sentence-final punctuation token."""
    groups: list[list[int]] = []
    current: list[int] = []
    previous_end = 0
    for index, (start, end) in enumerate(tokens):
        if current and "\n" in text[previous_end:start] or (current and "\r" in text[previous_end:start]):
            groups.append(current)
            current = []
        current.append(index)
        previous_end = end
        if not by_line_only and end - start == 1 and text[start] in SENTENCE_END:
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups


def document_tokens(text: str, meta: dict, split_clitics: bool = False) -> tuple[list[Token], list[list[int]]]:
    """The tokens and sentences a document is exported with."""
    if meta.get("tokenization") == WHITESPACE:
        tokens = whitespace_tokens(text)
        return tokens, sentences(text, tokens, by_line_only=True)
    tokens = tokenize(text, split_clitics)
    return tokens, sentences(text, tokens)

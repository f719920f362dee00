"""Arabic text rules: what belongs to a letter, what a word is, and a search key.

Search and matching never touch the stored text. They use a *normalised key*
(diacritics, tatweel and invisible marks dropped, letter variants folded) with an
offset map from each key character back to the code point it came from.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

TATWEEL = "\u0640"

# Invisible characters that carry no letter: bidi marks and embeddings, zero-width
# space/joiners, the BOM. They are skipped by search and attach to their neighbours.
INVISIBLES = frozenset(
    "\u200b\u200c\u200d\u200e\u200f\u061c\ufeff"
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)

_LETTER_FOLDS = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ئ": "ي",
    "ة": "ه",
    "ؤ": "و",
    "ک": "ك",
}

# Proclitics a span may be trimmed of, longest first so that "لل" wins over "ل".
# One per command: a stacked "وبال" takes three presses, each one visible and undoable.
CLITICS = ("لل", "ال", "و", "ف", "ب", "ل", "ك")


def is_mark(ch: str) -> bool:
    """A character that belongs to the letter before it (harakat, shadda, Quranic marks)."""
    return unicodedata.category(ch) in ("Mn", "Me")


def is_word_char(ch: str) -> bool:
    """Letters, digits, marks, tatweel, the underscore (as in hashtags) and in-word
    joiners make up a word."""
    if ch in INVISIBLES:
        return ch in ("\u200c", "\u200d")
    return ch == "_" or unicodedata.category(ch)[0] in ("L", "M", "N")


def cluster_start(text: str, pos: int) -> int:
    """Move ``pos`` back so it does not fall between a letter and its marks."""
    while 0 < pos < len(text) and is_mark(text[pos]):
        pos -= 1
    return pos


def cluster_end(text: str, pos: int) -> int:
    """Move ``pos`` forward past any marks that belong to the letter before it."""
    while pos < len(text) and is_mark(text[pos]):
        pos += 1
    return pos


def snap_to_clusters(text: str, start: int, end: int) -> tuple[int, int]:
    """The smallest range holding ``[start, end)`` that splits no letter from its marks."""
    return cluster_start(text, start), cluster_end(text, max(start, end))


# Joiners that belong to a word only between two word characters: أبريل/نيسان (the Gregorian
# and the Levantine month names, as Arabic news writes dates) and 2017/05 are one word to snap.
IN_WORD_JOINERS = frozenset("/")


def _in_word(text: str, pos: int) -> bool:
    """``text[pos]`` is part of a word: a word character, or a joiner between two of them."""
    ch = text[pos]
    if ch in IN_WORD_JOINERS:
        return 0 < pos < len(text) - 1 and is_word_char(text[pos - 1]) and is_word_char(text[pos + 1])
    return is_word_char(ch)


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``[start, end)`` to whole words; a range with no word in it stays as it is.

    Leading and trailing spaces or punctuation in the selection are dropped first,
    so that a sloppy drag yields the words the annotator meant. A slash between two
    letters or digits does not end a word.
    """
    start, end = max(0, start), min(len(text), end)
    while start < end and not _in_word(text, start):
        start += 1
    while end > start and not _in_word(text, end - 1):
        end -= 1
    if start == end:
        return snap_to_clusters(text, start, end)
    while start > 0 and _in_word(text, start - 1):
        start -= 1
    while end < len(text) and _in_word(text, end):
        end += 1
    return start, end


def trim_spaces(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without the white space at its edges (an exact selection or an edge
    moved one letter too far can take a space); a range of spaces only stays as it is."""
    trimmed_start, trimmed_end = start, end
    while trimmed_start < trimmed_end and text[trimmed_start].isspace():
        trimmed_start += 1
    while trimmed_end > trimmed_start and text[trimmed_end - 1].isspace():
        trimmed_end -= 1
    return (trimmed_start, trimmed_end) if trimmed_start < trimmed_end else (start, end)


def nudge_edge(text: str, start: int, end: int, edge: str, step: int) -> tuple[int, int]:
    """Move a span's ``edge`` ("start" or "end") one letter, with its marks, back (``step`` -1)
    or forward (+1) in the text. An edge does not come to rest beside white space: it moves on
    to the next letter, so the span neither starts nor ends with a space. Returns the range
    unchanged when the move would empty it or leave the text."""
    def move(pos: int) -> int:
        return cluster_end(text, pos + 1) if step > 0 else cluster_start(text, pos - 1)

    new_start, new_end = start, end
    if edge == "end":
        new_end = move(end)
        while new_start < new_end < len(text) and text[new_end - 1].isspace():
            new_end = move(new_end)
    else:
        new_start = move(start)
        while 0 < new_start < new_end and text[new_start].isspace():
            new_start = move(new_start)
    if not 0 <= new_start < new_end <= len(text) or text[new_start].isspace() or text[new_end - 1].isspace():
        return start, end
    return new_start, new_end


def word_at(text: str, pos: int) -> tuple[int, int]:
    """The word that holds ``pos`` (or ends just before it); an empty range if none."""
    if pos < len(text) and _in_word(text, pos):
        return snap_to_words(text, pos, pos + 1)
    if pos > 0 and _in_word(text, pos - 1):
        return snap_to_words(text, pos - 1, pos)
    return pos, pos


def strip_clitic(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim one leading proclitic (و ف ب ل ك لل ال) from a span.

    Marks on the clitic go with it; a span is never trimmed to fewer than two letters.
    """
    letters = [(i, text[i]) for i in range(start, end) if not is_mark(text[i]) and text[i] != TATWEEL]
    word = "".join(ch for _, ch in letters)
    for clitic in CLITICS:
        if word.startswith(clitic) and len(word) - len(clitic) >= 2:
            new_start = letters[len(clitic)][0]
            return new_start, end
    return start, end


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch in INVISIBLES or ch == TATWEEL or is_mark(ch):
        return ""
    folded = unicodedata.normalize("NFKC", ch)  # presentation forms, ligatures (ﻻ -> لا)
    out = []
    for c in folded:
        if is_mark(c) or c == TATWEEL:
            continue
        c = _LETTER_FOLDS.get(c, c)
        if unicodedata.category(c) == "Nd":
            c = str(unicodedata.digit(c))  # ٣ and ۳ and 3 all search as 3
        out.append(c.casefold())
    return "".join(out)


@dataclass(frozen=True)
class SearchKey:
    """A normalised copy of a text and, per key character, the code point it came from."""

    key: str
    origin: tuple[int, ...]

    def to_text_range(self, text: str, key_start: int, key_end: int) -> tuple[int, int]:
        start = self.origin[key_start]
        end = self.origin[key_end - 1] + 1
        return snap_to_clusters(text, start, end)


def search_key(text: str) -> SearchKey:
    key: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        folded = _fold_char(ch)
        key.append(folded)
        origin.extend([i] * len(folded))
    return SearchKey("".join(key), tuple(origin))


class _FoldTable(dict):
    """``_fold_char`` as a ``str.translate`` table, filled as characters are met: the fold
    runs in C, twice as fast as joining per character (a search across a whole project
    folds every text)."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        return folded


_FOLD_TABLE = _FoldTable()


def normalise(text: str) -> str:
    """``text`` as its search key reads it (``search_key(text).key``)."""
    return text.translate(_FOLD_TABLE)


def find_all(text: str, query: str, key: SearchKey | None = None) -> list[tuple[int, int]]:
    """Every match of ``query`` in ``text``, ignoring diacritics, tatweel and letter variants.

    Matches are ranges of the stored text, whole letters with their marks.
    """
    needle = normalise(query)
    if not needle:
        return []
    key = key or search_key(text)
    found = []
    at = key.key.find(needle)
    while at != -1:
        found.append(key.to_text_range(text, at, at + len(needle)))
        at = key.key.find(needle, at + len(needle))
    return found

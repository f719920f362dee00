"""What every suggester gives back, and the word reading they share.

A suggester is a pure function of a document's text (and, for dates, its publication date) to a
list of Suggestion, in code-point offsets of the stored text. Words are read on the search key of
annotator.core.arabic (diacritics, tatweel and hamza spellings folded), so one lexicon entry
matches every spelling; a proclitic (و ف ب ل ك, stacked: وب، فل…) is stripped from a word's key
and left outside the span (بسوريا → سوريا)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple

from annotator.core.arabic import normalise as fold
from annotator.normalise.numbers import Token, tokens


@dataclass(frozen=True, slots=True)
class Suggestion:
    start: int
    end: int
    label: str
    origin: str   # the suggester: rules:date, rules:casualty, rules:source, rules:event, gazetteer, model:crf
    score: float  # 0..1, how sure the suggester is
    value: dict[str, Any] | None = None


class Word(NamedTuple):
    """A word of the text: ``start``/``end`` in the stored text, its folded ``key``, and where the
    word proper starts once a proclitic is left out (``stem_start``) with that stem's key."""

    start: int
    end: int
    key: str
    stem_start: int
    stem: str


def keys(words: str) -> frozenset[str]:
    """A lexicon written as plain words, folded as the text is."""
    return frozenset(fold(w) for w in words.split())


@lru_cache(maxsize=1 << 16)
def stems(key: str) -> tuple[tuple[int, str], ...]:
    """Readings of a folded word: (letters of proclitic, rest), the bare word first. ``لل`` is
    ل + ال: the key reads الجزيرة, and the span, as the window's clitic trim (core.arabic.strip_clitic)
    has it, leaves both lams out (للجزيرة → جزيرة); an article after a clitic (بال، وال) stays on the rest."""
    out = [(0, key)]
    for clitic in ("وب", "وف", "ول", "فب", "فل", "وك", "و", "ف", "ب", "ل", "ك"):
        if key.startswith(clitic) and len(key) - len(clitic) >= 2:
            rest = key[len(clitic):]
            if clitic.endswith("ل") and rest.startswith("ل") and len(rest) > 2:
                out.append((len(clitic) + 1, "ا" + rest))  # للتنظيم = ل + التنظيم
            else:
                out.append((len(clitic), rest))
    return tuple(dict.fromkeys(out))


# The suggesters of one document read the same words: the last few texts' are kept.
@lru_cache(maxsize=4)
def text_tokens(text: str) -> tuple[Token, ...]:
    return tuple(tokens(text))


@lru_cache(maxsize=4)
def _words(text: str) -> tuple[Word, ...]:
    return tuple(Word(t.start, t.end, t.key, t.start, t.key) for t in text_tokens(text))


def words(text: str) -> list[Word]:
    """The text's words (numbers.tokens), each with its bare key as its stem."""
    return list(_words(text))


def stem_start(text: str, word: Word, letters: int) -> int:
    """Where the word's stem begins after ``letters`` letters of proclitic (marks and tatweel
    ride with their letter)."""
    pos = word.start
    while letters and pos < word.end:
        pos += 1
        while pos < word.end and fold(text[pos]) == "":
            pos += 1
        letters -= 1
    return pos


def with_stem(text: str, word: Word, letters: int, stem: str) -> Word:
    return word._replace(stem_start=stem_start(text, word, letters), stem=stem)


def find_stem(text: str, word: Word, lexicon: frozenset[str] | dict) -> Word | None:
    """The word read with the first of its readings (bare first) that the lexicon holds."""
    for letters, rest in stems(word.key):
        if rest in lexicon:
            return with_stem(text, word, letters, rest)
    return None


@lru_cache(maxsize=1 << 16)
def readings(key: str) -> frozenset[str]:
    """Every reading of a folded word (``stems`` without the proclitic lengths)."""
    return frozenset(rest for _letters, rest in stems(key))


def has_stem(word: Word, lexicon: frozenset[str] | dict) -> bool:
    return not readings(word.key).isdisjoint(lexicon)


def gap(text: str, before: Word, after: Word) -> str:
    """What stands between two words (spaces stripped): '' for a space, '/' in أبريل/نيسان."""
    return text[before.end:after.start].strip()


def resolve_overlaps(found: Iterable[Suggestion]) -> list[Suggestion]:
    """One suggestion per stretch of text per label: of overlapping suggestions of one label the
    longer wins, then the surer; the result is in text order."""
    kept: list[Suggestion] = []
    by_label: dict[str, list[Suggestion]] = {}
    for s in sorted(found, key=lambda s: (-(s.end - s.start), -s.score, s.start)):
        taken = by_label.setdefault(s.label, [])
        if any(s.start < t.end and t.start < s.end for t in taken):
            continue
        taken.append(s)
        kept.append(s)
    return sorted(kept, key=lambda s: (s.start, s.end, s.label))


def within(spans: Sequence[Suggestion], start: int, end: int) -> bool:
    return any(s.start < end and start < s.end for s in spans)

"""A date span as a row of tokens, and the periods (year, month, day) dates resolve to.

Numbers, separators and month names (both Gregorian series, two-word names joined, the Hijri
months) become their own tokens; every other word is folded and stripped of the clitics
و ب ل ف ك when that makes it a word of the date lexicon (وأمس، بالخميس، لليوم)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from annotator.normalise.date_words import (
    CLITICS,
    CURRENT,
    DAY_WORDS,
    HIJRI_MARK,
    MONTH_UNIT,
    NEXT,
    PAST,
    WEAK_MONTHS,
    WEEKDAYS,
    YEAR_UNIT,
    fold,
    month_lexicon,
)

_MONTHS = month_lexicon()
_FIRST_WORDS = {name.split()[0] for name in _MONTHS if " " in name}
_TOKEN = re.compile(r"\d+|[/\-.]|[^\W\d_]+")


@dataclass(frozen=True)
class Token:
    kind: str  # num, sep, month, hmonth, word
    text: str
    value: int = 0


@dataclass(frozen=True)
class Period:
    year: int
    month: int | None = None
    day: int | None = None

    def iso(self) -> dict[str, str]:
        if self.month is None:
            return {"iso": f"{self.year:04d}"}
        if self.day is None:
            return {"iso": f"{self.year:04d}-{self.month:02d}"}
        return {"iso": f"{self.year:04d}-{self.month:02d}-{self.day:02d}"}


def of(day: date) -> Period:
    return Period(day.year, day.month, day.day)


def common(periods: list[Period]) -> Period | None:
    """The smallest period holding all of them (a range), None when they differ in year."""
    first = periods[0]
    if any(p.year != first.year for p in periods):
        return None
    if any(p.month != first.month for p in periods):
        return Period(first.year)
    if any(p.day != first.day for p in periods):
        return Period(first.year, first.month)
    return first

def valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None

_LEXICON = frozenset().union(_MONTHS, _FIRST_WORDS, WEEKDAYS, DAY_WORDS, PAST, NEXT, CURRENT, YEAR_UNIT,
                              MONTH_UNIT, HIJRI_MARK)


@lru_cache(maxsize=4096)
def _known(word: str) -> str:
    """The lexicon form of a word, clitics stripped (وأمس، بالخميس، لليوم); else the word."""
    if word in _LEXICON:
        return word
    for clitic in CLITICS:
        if word.startswith(clitic) and len(word) > len(clitic) + 1:
            rest = word[len(clitic):]
            if rest in _LEXICON:
                return rest
            if clitic.endswith("ل") and rest.startswith("ل") and "ا" + rest in _LEXICON:  # لليوم = ل + اليوم
                return "ا" + rest
    return word


def tokens(text: str) -> list[Token]:
    words = _TOKEN.findall(fold(text))
    out: list[Token] = []
    i = 0
    while i < len(words):
        word = words[i]
        if word.isdigit():
            out.append(Token("num", word, int(word)))
            i += 1
            continue
        if word in "/-.":
            out.append(Token("sep", word))
            i += 1
            continue
        word = _known(word)
        if word in _FIRST_WORDS and i + 1 < len(words) and f"{word} {words[i + 1]}" in _MONTHS:
            kind, number = _MONTHS[f"{word} {words[i + 1]}"]
            out.append(Token("month" if kind == "g" else "hmonth", f"{word} {words[i + 1]}", number))
            i += 2
            continue
        if word in _MONTHS:
            kind, number = _MONTHS[word]
            out.append(Token("month" if kind == "g" else "hmonth", word, number))
        else:
            out.append(Token("word", word))
        i += 1
    return _drop_weak_months(out)


def _drop_weak_months(row: list[Token]) -> list[Token]:
    """'اب', 'ماي', 'مارس' are also words (father, verb): months only beside a number or a month."""
    kept = []
    for i, token in enumerate(row):
        if token.kind == "month" and token.text in WEAK_MONTHS:
            neighbours = row[max(0, i - 2):i] + row[i + 1:i + 3]
            alone = (len(row) == 1 or i > 0 and row[i - 1].text in MONTH_UNIT | {"في"}
                     or i + 1 < len(row) and row[i + 1].text in PAST | NEXT | CURRENT)
            if not alone and not any(n.kind in ("num", "month") for n in neighbours):
                token = Token("word", token.text)
        kept.append(token)
    return kept


def word_texts(row: list[Token]) -> list[str]:
    return [t.text for t in row if t.kind == "word"]


def hijri_after(row: list[Token], i: int) -> bool:
    return any(t.kind == "word" and t.text in HIJRI_MARK for t in row[i + 1:i + 3])

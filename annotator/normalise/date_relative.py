"""Dates said relative to publication: أمس، اليوم، أول أمس، غدا; weekdays; 'قبل ثلاثة أيام';
'الشهر الماضي', 'العام المقبل', 'هذا العام'. Without a publication date they resolve to nothing."""

from __future__ import annotations

from datetime import date, timedelta

from annotator.normalise.date_tokens import Period, Token, of, word_texts
from annotator.normalise.date_words import (
    AGO_UNITS,
    CURRENT,
    DAY_WORDS,
    MONTH_UNIT,
    NEXT,
    PAST,
    SMALL_NUMBERS,
    TWO_WORD_DAYS,
    WEEKDAYS,
    YEAR_UNIT,
)


def relative_day(row: list[Token], published: date | None) -> Period | None:
    """أمس، اليوم، أول أمس، غدا; weekdays (the latest on or before publication, or before it
    with 'الماضي'); 'قبل ثلاثة أيام'."""
    words = word_texts(row)
    offsets = [DAY_WORDS[w] for w in words if w in DAY_WORDS]
    offsets += [v for pair, v in TWO_WORD_DAYS.items() if _has_pair(words, pair)]
    weekdays = [(i, WEEKDAYS[w]) for i, w in enumerate(words) if w in WEEKDAYS]
    ago = _ago(words)
    if not offsets and not weekdays and ago is None:
        return None
    if published is None:
        return None
    if ago is not None:
        return ago(published)
    if offsets:
        offset = min(offsets) if any(o < -1 for o in offsets) else offsets[0]
        return of(published + timedelta(days=offset))
    i, weekday = weekdays[-1]
    back = (published.weekday() - weekday) % 7
    following = words[i + 1:i + 2]
    if back == 0 and following and following[0] in PAST:
        back = 7
    if following and following[0] in NEXT:
        return of(published + timedelta(days=(weekday - published.weekday()) % 7 or 7))
    return of(published - timedelta(days=back))


def _has_pair(words: list[str], pair: tuple[str, str]) -> bool:
    cleaned = [w for w in words if w != "من"]  # 'أول من أمس'
    return any(tuple(cleaned[i:i + 2]) == pair for i in range(len(cleaned) - 1))


def _ago(words: list[str]):
    if "قبل" not in words:
        return None
    rest = words[words.index("قبل") + 1:]
    count = 1
    if rest and rest[0] in SMALL_NUMBERS:
        count, rest = SMALL_NUMBERS[rest[0]], rest[1:]
    if not rest or rest[0] not in AGO_UNITS:
        return None
    precision, size = AGO_UNITS[rest[0]]
    n = count * size

    def resolve(published: date) -> Period:
        if precision == "day":
            return of(published - timedelta(days=n))
        if precision == "month":
            months = published.year * 12 + published.month - 1 - n
            return Period(months // 12, months % 12 + 1)
        return Period(published.year - n)
    return resolve


_NUMBER_WORDS = {n: w for w, n in SMALL_NUMBERS.items() if w.endswith("ه")}


def ago_with_digits(row: list[Token]) -> list[Token]:
    """'قبل 3 أيام' reads like 'قبل ثلاثة أيام'."""
    if not any(t.text == "قبل" for t in row):
        return row
    return [Token("word", _NUMBER_WORDS[t.value])
            if t.kind == "num" and t.value in _NUMBER_WORDS and i and row[i - 1].text == "قبل"
            else t for i, t in enumerate(row)]


def relative_unit(row: list[Token], published: date | None) -> Period | None:
    """'الشهر الماضي', 'العام المقبل', 'هذا العام', 'السنة الجارية'."""
    words = word_texts(row)
    for i, word in enumerate(words):
        if word not in MONTH_UNIT and word not in YEAR_UNIT:
            continue
        near = set(words[max(0, i - 1):i + 2]) - {word}
        step = -1 if near & PAST else 1 if near & NEXT else 0 if near & CURRENT else None
        if step is None:
            continue
        if published is None:
            return None
        if word in YEAR_UNIT:
            return Period(published.year + step)
        months = published.year * 12 + published.month - 1 + step
        return Period(months // 12, months % 12 + 1)
    return None

"""Dates of Arabic news to ISO dates: {"iso": "2018-04-19"}, {"iso": "2018-05"} or {"iso": "2018"}.

A span is read as a row of tokens (numbers, separators, month names of both Gregorian series and
the Hijri one, weekdays, day words, "الماضي"...), clitics (و ب ل ف ك) stripped. The rules, most
explicit first: a numeric date (19/4/2018); a named month with its day and year; "من الشهر ذاته"
and "منه" (the month named last in the text before); day words and weekdays; a year alone.
What a span leaves unsaid (the year of "19 أبريل", the day of "أمس") comes from the publication
date; without one such spans give None rather than a guess. Words around the date (صباح،
الساعة التاسعة، يوم) are ignored. A span naming a range (من 13 حتى 15 نوفمبر) gets the smallest
period holding it; ranges of years give None."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from annotator.normalise import hijri
from annotator.normalise.date_relative import ago_with_digits, relative_day, relative_unit
from annotator.normalise.date_tokens import Period, Token, common, hijri_after, of, tokens, valid, word_texts
from annotator.normalise.date_words import (
    BOUNDS,
    CURRENT,
    MONTH_UNIT,
    NEXT,
    PAST,
    RANGE_LINKS,
    SAME,
    YEAR_UNIT,
    fold,
)

_PUBLICATION_FIELDS = ("published", "publication_date", "date_published", "datePublished", "pubdate",
                       "pub_date", "date", "date_extracted", "created", "time")


class _NotADate(Exception):
    """A date written in full that does not exist (31 November, 30 Safar 1440): the span gets no
    value rather than the year around it."""


# ---------------------------------------------------------------- publication date

def publication_date(meta: dict[str, Any]) -> date | None:
    """The publication date from a document's metadata: ISO dates and datetimes (with or without
    time zone), d/m/Y and Y/m/d, Unix seconds; the first common field that holds one."""
    for field in _PUBLICATION_FIELDS:
        found = _parse_metadata_date(meta.get(field))
        if found is not None:
            return found
    return None


def _parse_metadata_date(raw: Any) -> date | None:
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    if isinstance(raw, (int, float)) and not isinstance(raw, bool) and raw > 10**8:
        try:  # Unix time, in seconds or (past 10^11) milliseconds
            return datetime.fromtimestamp(raw / 1000 if raw > 10**11 else raw, tz=UTC).date()
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(raw, str) or not raw.strip():
        return None
    text = fold(raw.strip())
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    match = re.match(r"(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})\b", text)
    if match:
        return valid(int(match[1]), int(match[2]), int(match[3]))
    match = re.match(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\b", text)
    if match:  # day first, as Arab sites write it, unless the middle number cannot be a month
        first, middle = int(match[1]), int(match[2])
        day, month = (middle, first) if middle > 12 else (first, middle)
        return valid(int(match[3]), month, day)
    try:  # RFC 2822, as RSS feeds give it: 'Thu, 07 Jun 2018 10:00:00 GMT'
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    value = normalise_date(raw)
    if value and len(value["iso"]) == 10:
        return date.fromisoformat(value["iso"])
    return None


# ---------------------------------------------------------------- rules

def _numeric_dates(row: list[Token]) -> list[Period]:
    """d/m/Y (or m/d/Y when the middle number cannot be a month), Y-m-d, Hijri when marked."""
    found: list[Period] = []
    i = 0
    while i + 4 < len(row):
        span = _day_range(row[i:i + 7])
        if span:
            found.append(span)
            i += 7
            continue
        a, s1, b, s2, c = row[i:i + 5]
        if a.kind == b.kind == c.kind == "num" and s1.kind == s2.kind == "sep" and s1.text == s2.text:
            if len(c.text) == 4 and len(a.text) <= 2:
                day, month = (a.value, b.value) if b.value <= 12 else (b.value, a.value)
                year = c.value
            elif len(a.text) == 4 and len(c.text) <= 2:
                year, month, day = a.value, b.value, c.value
            else:
                i += 1
                continue
            if hijri_after(row, i + 4):
                converted = hijri.to_gregorian(year, month, day)
            else:
                converted = valid(year, month, day)
            if converted is None:
                raise _NotADate
            found.append(of(converted))
            i += 5
            continue
        i += 1
    return found


def _day_range(row: list[Token]) -> Period | None:
    """'9 / 10 / 10 / 1940': days 9 and 10 of October 1940, as archives list them."""
    if len(row) < 7 or [t.kind for t in row] != ["num", "sep", "num", "sep", "num", "sep", "num"]:
        return None
    first, last, month, year = (row[k].value for k in (0, 2, 4, 6))
    if len(row[6].text) == 4 and first < last <= 31 and 1 <= month <= 12 and valid(year, month, last):
        return Period(year, month)
    return None


def _days_before(row: list[Token], i: int) -> list[int]:
    """The day numbers written before position i: '19 أبريل', '25 من الشهر', 'يومي 6 و14 منه',
    'من 13 وحتى 15 نوفمبر'."""
    j = i - 1
    if j >= 0 and row[j].kind == "sep" and row[j].text == "/":  # '20 / شعبان / 1428'
        j -= 1
    if j >= 0 and row[j].kind == "word" and row[j].text in {"من", "شهر"} | MONTH_UNIT:
        j -= 1
    if j >= 0 and row[j].kind == "word" and row[j].text in ("من", "شهر"):
        j -= 1
    days: list[int] = []
    while j >= 0 and row[j].kind == "num" and len(row[j].text) <= 2 and 1 <= row[j].value <= 31:
        days.insert(0, row[j].value)
        j -= 1
        while j >= 0 and (row[j].text in RANGE_LINKS):
            j -= 1
        if days and (j < 0 or row[j].kind != "num"):
            break
    return days


def _year_after(row: list[Token], i: int) -> tuple[int, bool] | None:
    """The year written after a month name (its pair, 'عام', 'من' may come between)."""
    j = i + 1
    while j < len(row) and j <= i + 4:
        token = row[j]
        if token.kind == "num":
            if len(token.text) == 4 or (len(token.text) == 3 and hijri_after(row, j)):
                return token.value, hijri_after(row, j)
            return None
        if token.kind in ("sep", "month") or token.text in YEAR_UNIT or token.text in ("من", "سنه"):
            j += 1
            continue
        return None
    return None


def _relation(row: list[Token], i: int) -> str:
    """What follows a month name (after its pair): past, next, current, or nothing."""
    for token in row[i + 1:i + 4]:
        if token.kind == "word":
            if token.text in PAST:
                return "past"
            if token.text in NEXT:
                return "next"
            if token.text in CURRENT:
                return "current"
            return ""
        if token.kind == "num":
            return ""
    return ""


def _resolve_month(month: int, days: list[int], relation: str, published: date | None) -> list[Period]:
    """A month without a year, against publication: 'الماضي' the last such month before the
    publication month, 'المقبل' the next after it; otherwise the latest such date on or before
    publication."""
    if published is None:
        return []
    if relation == "past":
        year = published.year if month < published.month else published.year - 1
    elif relation == "next":
        year = published.year if month > published.month else published.year + 1
    else:
        year = published.year if month <= published.month else published.year - 1
        if days and month == published.month and max(days) > published.day:
            year -= 1
        if days:  # '29 فبراير': back to the last year that has one
            year = next((y for y in range(year, year - 8, -1) if all(valid(y, month, d) for d in days)), year)
    if not all(valid(year, month, d) for d in days):
        return []
    return [Period(year, month, d) for d in days] or [Period(year, month)]


def _named_month(row: list[Token], published: date | None) -> Period | None:
    """'19 أبريل/نيسان الماضي', '24 فبراير/شباط 2017', 'كانون الثاني 1949', '15 رمضان 1439 هـ'."""
    mentions: list[tuple[int, Token]] = []
    for i, token in enumerate(row):
        if token.kind in ("month", "hmonth"):
            if mentions and mentions[-1][1].kind == token.kind == "month" and mentions[-1][1].value == token.value \
                    and i - mentions[-1][0] <= 2:
                mentions[-1] = (i, mentions[-1][1])  # the pair 'أبريل/نيسان': one month, read on from its end
                continue
            mentions.append((i, token))
    if not mentions:
        return None
    # A year written once serves every month before it ('بين 1 يناير و1 مايو 2019').
    shared_year = next((y for y in (_year_after(row, i) for i, _ in reversed(mentions)) if y), None)
    periods: list[Period] = []
    for i, token in mentions:
        days = _days_before(row, _first_of_pair(row, i, token))
        year = _year_after(row, i) or shared_year
        if token.kind == "hmonth":
            if not year:
                return None
            periods += _hijri_periods(year[0], token.value, days)
        elif year:
            if not all(valid(year[0], token.value, d) for d in days):
                raise _NotADate
            periods += [Period(year[0], token.value, d) for d in days] or [Period(year[0], token.value)]
        else:
            periods += _resolve_month(token.value, days, _relation(row, i), published)
    return common(periods) if periods and len(periods) >= len(mentions) else None


def _first_of_pair(row: list[Token], i: int, token: Token) -> int:
    j = i
    while j - 2 >= 0 and row[j - 1].kind == "sep" and row[j - 2].kind == "month" and row[j - 2].value == token.value:
        j -= 2
    while j - 1 >= 0 and row[j - 1].kind == "month" and row[j - 1].value == token.value:
        j -= 1
    return j


def _hijri_periods(year: int, month: int, days: list[int]) -> list[Period]:
    if year > 1600:  # 'رمضان عام 1992': the Hijri month that falls in that Gregorian year
        found = hijri.month_in_gregorian_year(year, month)
        return [Period(*found)] if found and not days else []
    if days:
        converted = [hijri.to_gregorian(year, month, d) for d in days]
        if None in converted:
            raise _NotADate
        return [of(g) for g in converted if g]
    found = hijri.month_in_gregorian(year, month)
    return [Period(*found)] if found else []


# How far past a month name its phrase reaches: 'مايو / أيار الماضي', 'أيار من عام 2016'.
_MONTH_PHRASE_END = 4


def _month_named_before(preceding_text: str, published: date | None) -> Period | None:
    """The month of 'من الشهر ذاته' / 'منه': the last month named in the text before, read with
    what follows it (its year, 'الماضي')."""
    row = tokens(preceding_text[-600:])
    for i in range(len(row) - 1, -1, -1):
        if row[i].kind in ("month", "hmonth"):
            start = _first_of_pair(row, i, row[i])
            phrase = row[start:i + 1 + _MONTH_PHRASE_END]
            phrase = [t for t in phrase if not (t.kind == "num" and len(t.text) <= 2)]
            found = _named_month(phrase, published)
            # The last month named is the one meant, even when it cannot be resolved.
            return Period(found.year, found.month) if found and found.month else None
    return None


def _same_month(row: list[Token], published: date | None, preceding_text: str) -> Period | None:
    words = word_texts(row)
    refers = ("منه" in words and any(t.kind == "num" for t in row)) or (
        any(w in MONTH_UNIT for w in words) and any(w in SAME for w in words))
    if not refers:
        return None
    month = _month_named_before(preceding_text, published)
    if month is None:
        return None
    anchor = next((i for i, t in enumerate(row) if t.text in MONTH_UNIT or t.text == "منه"), len(row))
    days = _days_before(row, anchor) or [t.value for t in row if t.kind == "num" and len(t.text) <= 2]
    if not all(valid(month.year, month.month, d) for d in days):
        raise _NotADate  # '31 منه' after a 30-day month
    periods = [Period(month.year, month.month, d) for d in days]
    return common(periods) if periods else month


def _year(row: list[Token]) -> Period | None:
    """A year alone: 'عام 2018', '( 1948 ) م', 'عام ( 1325 ) هجري'."""
    if any(w in BOUNDS or w in ("لمده", "مده") for w in word_texts(row)):
        return None  # 'قبل 1948', 'بعد 1982', 'لمدة ست سنوات بدءا من 2004': not that year itself
    gregorian, hijri_years = set(), set()
    for i, token in enumerate(row):
        if token.kind != "num":
            continue
        if hijri_after(row, i) and 3 <= len(token.text) <= 4:
            hijri_years.add(token.value)
        elif len(token.text) == 4 and 1000 <= token.value <= 2200:
            gregorian.add(token.value)
    if len(gregorian) == 1:
        return Period(gregorian.pop())
    if not gregorian and len(hijri_years) == 1:
        year = hijri.year_in_gregorian(hijri_years.pop())
        return Period(year) if year else None
    return None


def _day_month_numeric(row: list[Token], published: date | None) -> Period | None:
    """'بتاريخ 20 / 7' (day and month, no year) and '5 / 2018' (month and year)."""
    for i in range(len(row) - 2):
        a, sep, b = row[i:i + 3]
        if not (a.kind == b.kind == "num" and sep.text in "/-" and sep.kind == "sep"):
            continue
        if i + 3 < len(row) and row[i + 3].kind == "sep" or i > 0 and row[i - 1].kind == "sep":
            return None
        if len(b.text) == 4 and 1 <= a.value <= 12:
            return Period(b.value, a.value)
        if len(a.text) <= 2 and len(b.text) <= 2 and 1 <= b.value <= 12 and valid(2000, b.value, a.value):
            found = _resolve_month(b.value, [a.value], "", published)
            return found[0] if found else None
    return None


def normalise_date(text: str, *, published: date | None = None, preceding_text: str = "") -> dict[str, Any] | None:
    """The ISO value of a date expression, or None when it names no resolvable date."""
    try:
        found = _resolve(ago_with_digits(tokens(text)), published, preceding_text)
    except OverflowError:  # 'أمس' of 1 January of year 1: nothing before the calendar's start
        return None
    except _NotADate:
        return None
    return found.iso() if found is not None and 1 <= found.year <= 9999 else None


def _resolve(row: list[Token], published: date | None, preceding_text: str) -> Period | None:
    numeric = _numeric_dates(row)
    if numeric:
        return common(numeric)
    for rule in (lambda: _named_month(row, published),
                 lambda: _same_month(row, published, preceding_text),
                 lambda: _day_month_numeric(row, published),
                 lambda: relative_day(row, published),
                 lambda: _year(row),
                 lambda: relative_unit(row, published)):
        found = rule()
        if found is not None:
            return found
    return None

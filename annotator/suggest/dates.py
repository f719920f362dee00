"""Date expressions of Arabic news, found with the date normaliser's own lexicon
(annotator.normalise.date_words) and valued by it (normalise_date).

An expression grows from an anchor: a month name of either Gregorian series or the Hijri one, a
weekday, a day word (أمس، اليوم، غدا), a month or year word with its relation (الشهر الماضي، من الشهر
ذاته، العام المقبل), "منه" after day numbers, a year after عام, or a numeric date (19/4/2018).
Around it the expression keeps, as the span conventions ask, the day numbers before a month
(يومي 6 و14), its pair and year after (أبريل/نيسان 2017), "الماضي", a weekday with its day word
(أمس الأربعاء), "يوم", and the time of day before (صباح الخميس، الساعة التاسعة من صباح أمس الجمعة).
A proclitic stays outside (وأمس → أمس)."""

from __future__ import annotations

import re
from datetime import date

from annotator.normalise.date_words import (
    AGO_UNITS,
    CURRENT,
    DAY_WORDS,
    HIJRI_MARK,
    MONTH_UNIT,
    NEXT,
    PAST,
    SAME,
    SMALL_NUMBERS,
    WEAK_MONTHS,
    WEEKDAYS,
    YEAR_UNIT,
    month_lexicon,
)
from annotator.normalise.dates import normalise_date
from annotator.suggest.base import Suggestion, Word, find_stem, gap, has_stem, keys, readings, stems, with_stem, words

ORIGIN = "rules:date"
_MONTHS = month_lexicon()
_MONTH_FIRST = {name.split()[0]: name for name in _MONTHS if " " in name}
_SINGLE_MONTHS = frozenset(n for n in _MONTHS if " " not in n)
_DAY_ANCHORS = frozenset(WEEKDAYS) | frozenset(DAY_WORDS)
_RELATIONS = frozenset(PAST | NEXT | CURRENT | SAME)
_UNITS = frozenset(MONTH_UNIT | YEAR_UNIT) | keys("الأسبوع أسبوع")
_TIME_OF_DAY = keys("صباح مساء فجر ليل ليلة ظهر ظهيرة عصر صبيحة ضحى منتصف")
_HOUR = keys("الساعة ساعة")
_DAY_WORD = keys("يوم يومي")
_LINKS = keys("من")
_NUMERIC = re.compile(r"\d{1,4}\s*([/.\-])\s*\d{1,2}\s*\1\s*\d{1,4}")
_DIGITS = re.compile(r"\d+")


def _number(word: Word) -> int | None:
    for _letters, rest in stems(word.key):
        if rest.isdigit():
            return int(rest)
    if word.key[:1] in "وف" and word.key[1:].isdigit():
        return int(word.key[1:])  # و1: stems keeps two letters after a proclitic, a day may have one
    return None


def _is_day_number(word: Word) -> bool:
    value = _number(word)
    return value is not None and 1 <= value <= 31 and len(word.key.lstrip("و")) <= 2


def _month_at(ws: list[Word], i: int) -> tuple[str, int] | None:
    """(the month's lexicon name, index of its last word) at word i, its proclitic read off."""
    for _letters, rest in stems(ws[i].key):
        if rest in _MONTH_FIRST and i + 1 < len(ws) and f"{rest} {ws[i + 1].key}" in _MONTHS:
            return f"{rest} {ws[i + 1].key}", i + 1
        if rest in _SINGLE_MONTHS:
            return rest, i
    return None


def _weak_alone(ws: list[Word], i: int, last: int) -> bool:
    """'اب', 'ماي', 'مارس' are also words: a month only beside a number or another month."""
    near = ws[max(0, i - 2):i] + ws[last + 1:last + 3]
    return not any(_number(w) is not None or _month_at([w], 0) for w in near)


def _month_end(text: str, ws: list[Word], last: int) -> int:
    """The last word of a month phrase: its pair (أبريل/نيسان), year, era mark and relation."""
    j = last
    pair = _month_at(ws, j + 1) if j + 1 < len(ws) else None
    if pair and gap(text, ws[j], ws[j + 1]) in ("/", "(", "-", "") and \
            _MONTHS[pair[0]] == _MONTHS[_month_at(ws, _month_start(ws, j))[0]]:
        j = pair[1]
    k = j + 1
    if k < len(ws) and ws[k].key in _LINKS:
        k += 1
    if k < len(ws) and ws[k].key in YEAR_UNIT:
        k += 1
    if k < len(ws) and (year := _number(ws[k])) is not None and 100 <= year <= 2200:
        j = k
        if j + 1 < len(ws) and (ws[j + 1].key in HIJRI_MARK or ws[j + 1].key == "م"):
            j += 1
    if j + 1 < len(ws) and ws[j + 1].key in _RELATIONS:
        j += 1
    return j


def _month_start(ws: list[Word], last: int) -> int:
    """The first word of the month name ending at ``last`` (two-word names: كانون الثاني)."""
    if last > 0 and f"{ws[last - 1].key} {ws[last].key}" in _MONTHS:
        return last - 1
    for _letters, rest in stems(ws[last - 1].key) if last > 0 else ():
        if f"{rest} {ws[last].key}" in _MONTHS:
            return last - 1
    return last


def _days_before(text: str, ws: list[Word], i: int) -> int:
    """The first word of the day numbers (and 'يوم/يومي', 'من') before word i."""
    j = i
    if j - 1 >= 0 and ws[j - 1].key in _LINKS | {"شهر"}:
        j -= 1
    if j - 1 >= 0 and gap(text, ws[j - 1], ws[j]) == "/" and _is_day_number(ws[j - 1]):
        j -= 1
    start = j
    while start - 1 >= 0:
        if _is_day_number(ws[start - 1]) and gap(text, ws[start - 1], ws[start]) in ("", "،", "-"):
            start -= 1
        elif start - 2 >= 0 and ws[start - 1].key in _DAY_LINKS and _is_day_number(ws[start - 2]) and start < j \
                and ws[start].key[:1].isdigit():
            start -= 2  # 12 و 15 مارس، 1 إلى 5 أيار: the link stands alone between two day numbers
        else:
            break
    if start == j:
        return i  # no day number: the 'من' is not the date's
    if start - 1 >= 0 and ws[start - 1].key in _DAY_WORD:
        start -= 1
    return start


def _time_before(ws: list[Word], i: int) -> int:
    """The first word of 'يوم', a day word, the time of day and the hour before word i."""
    j = i
    if j - 1 >= 0 and has_stem(ws[j - 1], frozenset(DAY_WORDS)) and ws[j].key in WEEKDAYS:
        j -= 1  # أمس الأربعاء
    if j - 1 >= 0 and ws[j - 1].key in _DAY_WORD:
        j -= 1
    if j - 1 >= 0 and has_stem(ws[j - 1], _TIME_OF_DAY):
        j -= 1
        if j - 1 >= 0 and ws[j - 1].key in _LINKS and j - 2 >= 0:
            hour = j - 2  # الساعة التاسعة من صباح
            if ws[hour].key not in _HOUR and hour - 1 >= 0 and has_stem(ws[hour - 1], _HOUR):
                hour -= 1
            if has_stem(ws[hour], _HOUR):
                j = hour
    return j


def _anchors(text: str, ws: list[Word]) -> list[tuple[int, int]]:
    """(first word, last word) of every date expression, before overlaps are joined."""
    found: list[tuple[int, int]] = []
    i = 0
    while i < len(ws):
        if readings(ws[i].key).isdisjoint(_ANCHOR_WORDS):  # most words: one set test
            i += 1
            continue
        month = _month_at(ws, i)
        if month and not (month[0] in WEAK_MONTHS and _weak_alone(ws, i, month[1])):
            last = _month_end(text, ws, month[1])
            found.append((_period_before(ws, _days_before(text, ws, i)), last))
            i = last + 1
            continue
        day = find_stem(text, ws[i], _DAY_ANCHORS)
        if day:
            last = i
            if last + 1 < len(ws) and ws[last + 1].key in WEEKDAYS:
                last += 1
            if ws[last].key in WEEKDAYS and last + 1 < len(ws) and ws[last + 1].key in PAST | NEXT:
                last += 1
            found.append((_time_before(ws, i), last))
            i = last + 1
            continue
        unit = find_stem(text, ws[i], _UNITS)
        if unit and i + 1 < len(ws) and ws[i + 1].key in _RELATIONS:
            found.append((_days_before(text, ws, i), i + 1))
            i += 2
            continue
        if unit and i > 0 and ws[i - 1].key in CURRENT and unit.stem not in MONTH_UNIT | {"عام", "سنه"}:
            found.append((i - 1, i))  # هذا العام
            i += 1
            continue
        if unit and unit.stem in YEAR_UNIT and i + 1 < len(ws) and (y := _number(ws[i + 1])) and 100 <= y <= 2200:
            last = i + 2 if i + 2 < len(ws) and ws[i + 2].key in _ERAS else i + 1  # عام ( 1308 ) هجري
            found.append((_period_before(ws, i), last))
            i = last + 1
            continue
        if (ago := _ago(ws, i)) is not None:
            found.append((ago, i))
            i += 1
            continue
        if ws[i].key == "منه" and i > 0 and _is_day_number(ws[i - 1]):
            found.append((_days_before(text, ws, i), i))
        i += 1
    return found


def _ago(ws: list[Word], i: int) -> int | None:
    """The first word (قبل) of 'قبل [N] unit' (N ago) whose unit is word i: قبل ثلاثة أيام، قبل 3
    أيام، قبل شهر، قبل يومين. Not 'قبل عام 2011' (a bound before a year), not a plural unit without
    its count (قبل أيام: some days, no day named), not 'قبل أكثر من…'."""
    if ws[i].key not in AGO_UNITS or i == 0:
        return None
    j = i - 1
    counted = ws[j].key in SMALL_NUMBERS or ws[j].key.isdigit() and len(ws[j].key) <= 2
    if counted:
        j -= 1
    if j < 0 or ws[j].key != "قبل" or not counted and ws[i].key in _PLURAL_UNITS:
        return None
    if i + 1 < len(ws) and (_number(ws[i + 1]) or 0) >= 100:
        return None
    return j


def _bare_years(ws: list[Word], taken: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """A year written alone (الانتفاضة الأولى 1987، حتى 2019): four digits of a recent year, not a
    number of things (رقم 1948، 1950 شخصا) and not already in an expression."""
    out = []
    for i, w in enumerate(ws):
        if not (len(w.key) == 4 and w.key.isdigit() and _BARE_YEARS[0] <= int(w.key) <= _BARE_YEARS[1]):
            continue
        if any(a <= w.start < b for a, b in taken) or i and ws[i - 1].key in _NUMBERED:
            continue
        if i + 1 < len(ws) and not (i and has_stem(ws[i - 1], _YEAR_CUES)) and _counts_next(text, ws, i):
            continue
        start = _period_before(ws, i)
        out.append((find_stem(text, ws[start], _PERIODS).stem_start if start < i else w.start, w.end))
    return out


def _counts_next(text: str, ws: list[Word], i: int) -> bool:
    """Whether the number at word i counts the word after it (1950 شخصا، 1950 لاجئا): a plural or
    accusative noun right after it. Not a word after a bracket or a comma, nor a plural in ات behind
    a preposition (2030 لاستثمارات، 2019 لعمليات: ل + plural; a counted noun after such a number is
    accusative singular, لاجئا)."""
    after = ws[i + 1]
    if after.key.isdigit() or has_stem(after, _ANCHOR_WORDS) or after.key in _ERAS or _number(after) is not None:
        return False
    if gap(text, ws[i], after) or after.key[:1] in "بلك" and after.key.endswith("ات") and len(after.key) > 5:
        return False
    return _counted(after.key)


def _counted(key: str) -> bool:
    """A word a number counts (شخصا، قتيلا، دولار): an accusative or plural noun after the number."""
    return key.endswith(("ا", "ين", "ون", "ات")) and len(key) > 3


def _period_before(ws: list[Word], first: int) -> int:
    """The period word before a date's first word (أواخر ديسمبر، مطلع عام 2019، نهاية 2018), if any."""
    return first - 1 if first > 0 and has_stem(ws[first - 1], _PERIODS) else first


def _numeric(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _NUMERIC.finditer(text):
        parts = [int(d) for d in _DIGITS.findall(m.group())]
        if (parts[0] > 999 or parts[2] > 999) and all(p > 0 for p in parts):
            out.append((m.start(), m.end()))
    return out


def date_suggestions(text: str, published: date | None = None) -> list[Suggestion]:
    ws = words(text)
    ranges: list[tuple[int, int]] = []
    for first, last in _anchors(text, ws):
        letters = stems(ws[first].key)
        word = ws[first]
        lead = next((n for n, rest in letters if n and (rest in _LEXICON or rest.isdigit())), 0)
        start = with_stem(text, word, lead, "").stem_start if lead else word.start
        ranges.append((start, ws[last].end))
    ranges += _numeric(text)
    ranges += _bare_years(ws, ranges, text)
    ranges.sort()
    joined: list[list[int]] = []
    for start, end in ranges:  # يوم الخميس الموافق 19 أبريل، ايلول ( 4 / 9 / 1929 ): one expression
        if joined and (start <= joined[-1][1] or text[joined[-1][1]:start].strip() in _JOINS):
            joined[-1][1] = max(joined[-1][1], end)
        else:
            joined.append([start, end])
    for span in joined:  # a bracket opened inside the expression closes inside it: عام ( 1992 )
        inside = text[span[0]:span[1]]
        after = len(text[span[1]:]) - len(text[span[1]:].lstrip(" "))
        if inside.count("(") > inside.count(")") and text[span[1] + after:span[1] + after + 1] == ")":
            span[1] += after + 1
    out = []
    for start, end in joined:
        value = normalise_date(text[start:end], published=published, preceding_text=text[:start])
        out.append(Suggestion(start, end, "date", ORIGIN, 0.9 if value else 0.6, value))
    return out


_ERAS = frozenset(HIJRI_MARK) | keys("م ميلادي ميلادية")
_PLURAL_UNITS = keys("أيام أسابيع أشهر شهور أعوام سنوات")
# Period words a date keeps before it (أواخر ديسمبر، مطلع عام 2019).
_PERIODS = keys("أواخر أوائل أواسط منتصف مطلع بداية بدايات نهاية نهايات مستهل أول آخر")
# Words after which four digits are a year, whatever follows (حتى 2019 لعمليات، منذ 2011).
_YEAR_CUES = keys("حتى منذ مطلع أواخر أوائل أواسط منتصف بداية نهاية مستهل خلال عام سنة العام")
# Links between day numbers of a range (12 و 15 مارس، 1 إلى 5 أيار).
_DAY_LINKS = keys("و إلى الى حتى")
# What may stand between two date expressions that are one (يوم الخميس الموافق 19 أبريل؛ ايلول ( 4 / 9 / 1929 );
# a range or pair: 1 يناير و1 مايو 2019، يومي الخميس والجمعة، 2018 - 2019).
_JOINS = ("", "الموافق", "(", "و", "-", "–", "إلى", "الى", "حتى")
_NUMBERED = keys("رقم رقمها رقمه عدد العدد مضبط مادة المادة")
_BARE_YEARS = (1900, 2035)
_ANCHOR_WORDS = frozenset(_MONTHS) | frozenset(_MONTH_FIRST) | _DAY_ANCHORS | _UNITS | frozenset(AGO_UNITS) | {"منه"}
# What a first word's proclitic is cut from: a date word (وأمس، بالخميس) or a number (وفي 19 → no).
_LEXICON = frozenset(_MONTHS) | _DAY_ANCHORS | _UNITS | _TIME_OF_DAY | _HOUR | _DAY_WORD | frozenset(_MONTH_FIRST) \
    | _PERIODS

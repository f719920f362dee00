"""Arabic cardinal numbers, written in digits or in words, found in running text.

Words follow Modern Standard Arabic number grammar: a unit before its tens joined by و
(ستة وثلاثون = 36), the teens as two words without و (خمسة عشر), hundreds first (مئة وخمسون),
a count before its scale (ثلاثة آلاف), duals as their own words (مئتان، ألفين). Gender and
case are spelling variants of one value (ثلاث/ثلاثة، عشرون/عشرين، اثنا/اثني). Matching runs
on the search key of annotator.core.arabic, so diacritics, tatweel and hamza spellings
(مئة/مائة، إثنين/اثنين) do not matter, and Arabic-Indic and Persian digits read as digits.

pyarabic.number.text2number was measured first (tests/normalise/test_numbers.py keeps the
comparison): it reads the common forms right but gives 0 for مائتي، مئتا، اثنتين، واحدة، الف
(no hamza) and tatweel, 103 for ثلاث مئة, 10 for احد عشر, and adds up every number word of a
phrase (نحو عشرين قتيلا ومئة جريح → 120) with no way to say where a number starts or ends,
which a casualty phrase needs. So this module has its own grammar; pyarabic checks it."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import NamedTuple

from annotator.core.arabic import normalise as fold


class Token(NamedTuple):
    """A word of the text: its code-point range, and its search key (folded spelling)."""

    start: int
    end: int
    key: str


class Number(NamedTuple):
    """A cardinal found in a text: ``text[start:end]`` (proclitics left outside) reads ``value``;
    ``first`` and ``last`` are the indices of its first and last token."""

    start: int
    end: int
    value: int
    first: int
    last: int


# A word: letters, digits, marks, tatweel; a digit group may hold thousands or decimal separators.
_TOKEN = re.compile(r"(?:[\w\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]|(?<=\d)[,٬.٫](?=\d))+")
_DIGITS = re.compile(r"([وفبلك]{0,2})(\d+(?:[,٬]\d{3})*(?:[.٫]\d+)?)")


def tokens(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), fold(m.group())) for m in _TOKEN.finditer(text)]


def _keys(spellings: Iterable[str], value: int) -> dict[str, int]:
    return {fold(s): value for s in spellings}


UNITS: dict[str, int] = {
    **_keys(["واحد", "واحدة", "أحد", "إحدى"], 1),
    **_keys(["اثنان", "اثنين", "اثنا", "اثني", "اثنتان", "اثنتين", "اثنتا", "اثنتي", "ثنتان", "ثنتين"], 2),
    **_keys(["ثلاث", "ثلاثة"], 3),
    **_keys(["أربع", "أربعة"], 4),
    **_keys(["خمس", "خمسة"], 5),
    **_keys(["ست", "ستة"], 6),
    **_keys(["سبع", "سبعة"], 7),
    **_keys(["ثمان", "ثماني", "ثمانى", "ثمانية"], 8),
    **_keys(["تسع", "تسعة"], 9),
    **_keys(["عشر", "عشرة"], 10),
}
TEEN_TEN = frozenset(_keys(["عشر", "عشرة"], 10))
TENS: dict[str, int] = {}
for _stem, _value in [("عشر", 20), ("ثلاث", 30), ("أربع", 40), ("خمس", 50), ("ست", 60),
                      ("سبع", 70), ("ثمان", 80), ("تسع", 90)]:
    TENS.update(_keys([_stem + "ون", _stem + "ين"], _value))
HUNDREDS: dict[str, int] = {
    **_keys(["مئة", "مائة", "مئه", "مايه"], 100),
    **_keys(["مئتان", "مئتين", "مئتا", "مئتي", "مائتان", "مائتين", "مائتا", "مائتي"], 200),
}
for _stem, _value in [("ثلاث", 3), ("أربع", 4), ("خمس", 5), ("ست", 6), ("سبع", 7), ("ثمان", 8),
                      ("ثماني", 8), ("تسع", 9)]:
    HUNDREDS.update(_keys([_stem + "مئة", _stem + "مائة"], _value * 100))
# Scales multiply the count before them; a dual scale is a whole number by itself; a plural
# scale needs a count (ثلاثة آلاف) and alone is vague (آلاف = "thousands"), not a number.
SCALES: dict[str, int] = {
    **_keys(["ألف", "ألفا", "ألفاً"], 1000),
    **_keys(["مليون", "مليونا"], 10**6),
    **_keys(["مليار", "مليارا", "بليون"], 10**9),
}
DUAL_SCALES: dict[str, int] = {
    **_keys(["ألفان", "ألفين"], 2000),
    **_keys(["مليونان", "مليونين"], 2 * 10**6),
    **_keys(["ملياران", "مليارين"], 2 * 10**9),
}
PLURAL_SCALES: dict[str, int] = {
    **_keys(["آلاف", "ألوف"], 1000),
    **_keys(["ملايين"], 10**6),
    **_keys(["مليارات"], 10**9),
}
WAW = "و"
_PROCLITICS = ("وب", "ول", "فب", "فل", "و", "ف", "ب", "ل", "ك")
_ARTICLE = ("ال", "لل")
# Two-letter number words (ست) read as numbers only bare: لست, بست are other words.
_SHORTEST_AFTER_CLITIC = 3
# With the article these are other words: الأحد is Sunday, الاثنين Monday.
_NOT_WITH_ARTICLE = frozenset(_keys(["أحد", "إحدى", "ست", "اثنين", "اثنان"], 0))


def _kind(key: str) -> tuple[str, int] | None:
    if key in UNITS:
        return "unit", UNITS[key]
    if key in TENS:
        return "ten", TENS[key]
    if key in HUNDREDS:
        return "hundred", HUNDREDS[key]
    if key in SCALES:
        return "scale", SCALES[key]
    if key in DUAL_SCALES:
        return "dual", DUAL_SCALES[key]
    if key in PLURAL_SCALES:
        return "plural", PLURAL_SCALES[key]
    return None


@lru_cache(maxsize=1 << 16)  # words recur; the answer is a tuple
def split_clitics(key: str, first: bool) -> tuple[str, str, tuple[str, int] | None]:
    """(proclitics, stem, kind) of a folded word. The first word of a number may carry any
    proclitic and the article (وبالخمسة); later words only the و that joins them."""
    kind = _kind(key)
    if kind is not None:
        return "", key, kind
    prefixes = _PROCLITICS if first else (WAW,)
    for prefix in prefixes:
        if key.startswith(prefix):
            stem = key[len(prefix):]
            kind = _kind(stem)
            if kind is not None and len(stem) >= _SHORTEST_AFTER_CLITIC:
                return prefix, stem, kind
    if first:
        for prefix in ("", *_PROCLITICS):
            for article in _ARTICLE:
                if key.startswith(prefix + article) and not (article == "لل" and prefix):
                    stem = key[len(prefix + article):]
                    kind = _kind(stem)
                    if kind is not None and stem not in _NOT_WITH_ARTICLE and kind[0] != "plural":
                        return prefix + article, stem, kind
    return "", key, None


def _digit_value(key: str) -> tuple[str, float] | None:
    m = _DIGITS.fullmatch(key)
    if m is None:
        return None
    digits = m.group(2).replace(",", "").replace("٬", "").replace("٫", ".")
    return m.group(1), float(digits) if "." in digits else int(digits)


class _Group:
    """The part of a number below its next scale: hundreds, units, tens (or a teen)."""

    def __init__(self) -> None:
        self.hundreds = 0
        self.units = 0
        self.tens = 0
        self.teen = False

    @property
    def empty(self) -> bool:
        return not (self.hundreds or self.units or self.tens)

    @property
    def value(self) -> int:
        return self.hundreds + self.units + self.tens

    def add(self, kind: str, value: int, joined: bool) -> bool:
        """Take one word (``joined``: it came after و); False if the grammar does not allow it here."""
        if kind == "unit":
            if value == 10 and not joined and 0 < self.units < 10 and not (self.teen or self.tens):
                self.units += 10  # أحد عشر، خمسة عشر
                self.teen = True
                return True
            if (self.units or self.teen) or not (joined or self.empty):
                return False
            self.units = value
            return True
        if kind == "ten":
            if self.tens or self.teen or not (joined or self.empty):
                return False
            self.tens = value
            return True
        if kind == "hundred":
            if value == 100 and not joined and 3 <= self.units <= 10 and not (self.hundreds or self.tens or self.teen):
                self.hundreds, self.units = self.units * 100, 0  # ثلاث مئة written apart
                return True
            if not self.empty:
                return False
            self.hundreds = value
            return True
        return False


def _read_words(keys: Sequence[str]) -> tuple[int, int] | None:
    """(value, words used) of the longest number the words ``keys`` start with."""
    total, group = 0, _Group()
    last_scale = None
    used = 0
    pending_waw = False
    i = 0
    while i < len(keys):
        key = keys[i]
        if key == WAW and i > 0:  # و written apart: ستة و ثلاثين
            pending_waw = True
            i += 1
            continue
        prefix, _stem, kind = split_clitics(key, first=(i == 0))
        if kind is None or (i > 0 and prefix not in ("", WAW)):
            break
        joined = i > 0 and (pending_waw or prefix == WAW)
        name, value = kind
        if name in ("unit", "ten", "hundred"):
            if i > 0 and group.empty and not joined:
                break  # after a scale the next part needs و: ألف ومئتان
            if not group.add(name, value, joined):
                break
        else:
            if joined and not group.empty:
                break
            if last_scale is not None and value >= last_scale:
                break
            if name == "dual":
                if not group.empty:
                    break
                total += value
                last_scale = value // 2
            elif name == "plural":
                if not 3 <= group.value <= 10:
                    break
                total += group.value * value
                last_scale = value
            else:
                total += (group.value or 1) * value
                last_scale = value
            group = _Group()
        pending_waw = False
        i += 1
        used = i
    if used == 0:
        return None
    return total + group.value, used


def read_number(keys: Sequence[str]) -> tuple[int, int] | None:
    """(value, words used) of the number that starts the folded words ``keys``: digits (with
    a scale after them: 3 آلاف، 1.5 مليون) or number words."""
    if not keys:
        return None
    digits = _digit_value(keys[0])
    if digits is None:
        return _read_words(keys)
    _prefix, value = digits
    if len(keys) > 1 and (keys[1] in SCALES or keys[1] in PLURAL_SCALES):
        scaled = value * (SCALES.get(keys[1]) or PLURAL_SCALES[keys[1]])
        if scaled == int(scaled):
            return int(scaled), 2
    if isinstance(value, float):
        return (int(value), 1) if value.is_integer() else None
    return value, 1


def parse_number(words: str | Sequence[str]) -> int | None:
    """The value of ``words`` if they are exactly one number (a first proclitic allowed:
    ``بعشرين`` → 20), else None. ``parse_number("ستة وثلاثين") == 36``."""
    text = words if isinstance(words, str) else " ".join(words)
    keys = [t.key for t in tokens(text)]
    read = read_number(keys)
    if read is None or read[1] != len(keys):
        return None
    return read[0]


def find_numbers(text: str, words: Sequence[Token] | None = None) -> list[Number]:
    """Every cardinal in ``text``, left to right, as (start, end, value, first, last): the range
    starts after any proclitic (و، ب، ل) so a suggester can label the number itself."""
    words = tokens(text) if words is None else words
    keys = [w.key for w in words]
    found: list[Number] = []
    i = 0
    while i < len(words):
        # A number runs on only across spaces: a comma or a full stop ends it.
        run = i + 1
        while run < len(words) and text[words[run - 1].end:words[run].start].strip() == "":
            run += 1
        read = read_number(keys[i:run])
        if read is None:
            i += 1
            continue
        value, used = read
        first = words[i]
        digits = _digit_value(first.key)
        prefix = digits[0] if digits else split_clitics(first.key, first=True)[0]
        start = _skip_letters(text, first.start, len(prefix))
        found.append(Number(start, words[i + used - 1].end, value, i, i + used - 1))
        i += used
    return found


def _skip_letters(text: str, pos: int, letters: int) -> int:
    """The position after ``letters`` base letters from ``pos`` (marks and tatweel ride along)."""
    while letters and pos < len(text):
        pos += 1
        while pos < len(text) and fold(text[pos]) == "":
            pos += 1
        letters -= 1
    return pos

"""Folding of Arabic place names to lookup keys, and the readings of a written place phrase.

Shared by the run-time gazetteer and the script that builds its index (packaging/build_gazetteer.py),
so a name is folded the same way when it is indexed and when it is looked up."""

from __future__ import annotations

import re
from typing import NamedTuple

# Diacritics (tashkeel, Quranic marks, superscript alef) and tatweel carry no identity for a name.
_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
# Hamza seats, alef maqsura, teh marbuta and the Persian/Kurdish letter forms are spelt either way.
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ئ": "ي", "ؤ": "و", "ة": "ه",
                       "ی": "ي", "ې": "ي", "ک": "ك", "ە": "ه", "ہ": "ه", "ء": None})
_NOT_LETTER = re.compile(r"[^\w]|[\d_]")
_ARABIC = re.compile("[\u0621-\u064a\u0671-\u06d3]")


def is_arabic(text: str) -> bool:
    return bool(_ARABIC.search(text))


def fold(name: str) -> str:
    """The lookup key of a name: marks dropped, letter variants folded, spaces and punctuation
    dropped (البو كمال and البوكمال are one key)."""
    return _NOT_LETTER.sub("", _MARKS.sub("", name).translate(_FOLD))


def words(text: str) -> list[str]:
    """The words of a phrase after folding each, empty ones dropped (quotes, brackets)."""
    return [w for w in (fold(part) for part in re.split(r"[\s\-/،,]+", text)) if w]


# Proclitics of a first word, longest first: "و" and, "ف" so, "ب" in, "ل" to/for, "ك" like.
_CLITICS = ("وب", "فب", "ول", "فل", "وك", "و", "ف", "ب", "ل", "ك")


def clitic_readings(word: str) -> list[str]:
    """The word itself, then the word without each proclitic that leaves a name-like rest.
    The bare word comes first: بغداد، لندن، واشنطن and فرنسا begin with a clitic letter."""
    readings = [word]
    for clitic in _CLITICS:
        if not word.startswith(clitic) or len(word) - len(clitic) < 2:
            continue
        rest = word[len(clitic):]
        if clitic.endswith("ل") and rest.startswith("ل"):
            rest = "ا" + rest          # ل + ال is written لل: للسعودية is ل + السعودية
        readings.append(rest)
    if word.startswith("عال") and len(word) > 4:
        readings.append(word[1:])      # spoken على + ال: عالمجدل
    return list(dict.fromkeys(readings))


# Words naming the kind of place before its name. A region head makes the phrase mean the
# first-level division (GeoNames admin1) of the place it names: ريف الحسكة, محافظة إدلب.
REGION_HEADS = frozenset(fold(w) for w in ("ريف", "محافظة", "ولاية", "إقليم", "اقليم"))
PLACE_HEADS = frozenset(fold(w) for w in (
    "مدينة", "مدنية", "قرية", "بلدة", "منطقة", "مخيم", "قضاء", "لواء", "العاصمة", "عاصمة", "حي", "ناحية",
    "مديرية", "بلدية", "قصبة", "دولة", "جمهورية", "مملكة", "إمارة", "سلطنة", "جزيرة", "خربة", "مركز"))
# Words after a name that describe it rather than name it.
TRAILING_DESCRIPTORS = frozenset(fold(w) for w in (
    "المدمرة", "المحتلة", "الصامد", "الصامدة", "الحديثة", "القديمة", "الشريف", "الكبرى", "للاجئين",
    "الفلسطينيين", "الفلسطينيه", "السورية", "العراقية", "المصرية", "اللبنانية", "الفلسطينية", "الأردنية",
    "اليمنية", "الليبية", "التركية", "الإيرانية", "السعودية", "المغربية", "التونسية", "الجزائرية",
    "السودانية", "الشمالية", "الجنوبية", "الشرقية", "الغربية"))
# Prepositions a selection may take in before the name: وفي سوريا, إلى العراق.
_PARTICLES = frozenset(fold(w) for w in ("في", "وفي", "ففي", "فى", "من", "ومن", "إلى", "الى", "وإلى", "على", "عن",
                                         "حتى", "نحو", "قرب", "داخل"))
# Adjectives of nationality: سيناء المصرية is in Egypt even though Sinai is no town.
NISBA = {fold(w): code for w, code in (
    ("السورية", "SY"), ("العراقية", "IQ"), ("المصرية", "EG"), ("اللبنانية", "LB"), ("الفلسطينية", "PS"),
    ("الأردنية", "JO"), ("اليمنية", "YE"), ("الليبية", "LY"), ("التركية", "TR"), ("الإيرانية", "IR"),
    ("المغربية", "MA"), ("التونسية", "TN"), ("الجزائرية", "DZ"), ("السودانية", "SD"), ("البلغارية", "BG"),
    ("الإسرائيلية", "IL"), ("الأمريكية", "US"), ("الروسية", "RU"), ("اللبناني", "LB"))}
# "X في Y" / "X من Y": the old town in Hebron is in Hebron. "X شمال Y" / "X قرب Y": a place by Y,
# named by Y as جنوب Y is (below), not Y itself.
_COMPASS = frozenset(fold(w) for w in ("شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي"))
_BY = _COMPASS | {fold("قرب")}
_WITHIN = frozenset(fold(w) for w in ("في", "من", "داخل")) | _BY


# Words that name an area by the place after them: جنوب بغداد, شمالي حلب, أطراف دمشق; two may
# stack (شمال شرق حلب, جنوب غربي سوريا). A name that begins with one (جنوب أفريقيا) is read
# literally first, so it stays the country.
DIRECTIONS = frozenset(fold(w) for w in (
    "جنوب", "شمال", "شرق", "غرب", "وسط", "أطراف", "ضواحي", "محيط", "جنوبي", "شمالي", "شرقي", "غربي"))


class Reading(NamedTuple):
    key: str
    region: bool = False  # names the first-level region of the place (ريف X)
    near: bool = False    # names an area by the place (جنوب X)


def readings(text: str) -> list[Reading]:
    """Keys to try for a written place phrase, most literal first, each with whether it names
    the region of the place rather than the place (``ريف X``) and whether it names an area
    by the place (``جنوب X``)."""
    ws = words(text)
    while len(ws) > 1 and ws[0] in _PARTICLES:
        ws = ws[1:]
    if not ws:
        return []
    out: list[Reading] = []
    for first in clitic_readings(ws[0]):
        out.extend(_phrase_readings([first] + ws[1:]))
    rest = _after_directions(ws)
    if rest:
        out.extend(r._replace(near=True) for first in clitic_readings(rest[0])
                   for r in _phrase_readings([first] + rest[1:]))
    for i, w in enumerate(ws[1:-1], start=1):
        if w in _WITHIN:
            rest = _after_directions(ws[i:]) if w in _COMPASS else ws[i + 1:]
            if rest:
                out.extend(r._replace(near=w in _BY) for first in clitic_readings(rest[0])
                           for r in _phrase_readings([first] + rest[1:]))
    return list(dict.fromkeys(out))


def _after_directions(ws: list[str]) -> list[str]:
    """The words after one or two leading direction words (بجنوب شرق حلب → حلب), or []."""
    if len(ws) < 2 or not any(r in DIRECTIONS for r in clitic_readings(ws[0])):
        return []
    rest = ws[1:]
    if rest[0] in DIRECTIONS:
        rest = rest[1:]
    return rest


def _phrase_readings(ws: list[str]) -> list[Reading]:
    out = []
    for tail in _without_descriptors(ws):
        out.append(Reading("".join(tail)))
        region = False
        rest = tail
        # Heads can stack: قضاء مدينة جنين, محافظة مدينة ...
        while len(rest) > 1 and (rest[0] in PLACE_HEADS or rest[0] in REGION_HEADS):
            region = region or rest[0] in REGION_HEADS
            rest = rest[1:]
            out.append(Reading("".join(rest), region))
    return out


def _without_descriptors(ws: list[str]) -> list[list[str]]:
    variants = [ws]
    while len(ws) > 1 and ws[-1] in TRAILING_DESCRIPTORS:
        ws = ws[:-1]
        variants.append(ws)
    return variants


def spelling_variants(key: str) -> list[str]:
    """Other spellings of a key that names are commonly written in: أبو كمال / البوكمال,
    with or without the article."""
    out = []
    if key.startswith("ابو"):
        out.append("البو" + key[3:])
    elif key.startswith("البو"):
        out.append("ابو" + key[4:])
    if key.startswith("ال") and len(key) > 4:
        out.append(key[2:])
    elif not key.startswith("ال"):
        out.append("ال" + key)
    return out

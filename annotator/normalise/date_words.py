"""The words Arabic news dates are written with, and the folding that lets one spelling match
its variants (hamza on alef, alef maqsura, ta marbuta, diacritics, tatweel, Eastern digits).

Every lexicon entry is written folded, so lookups compare folded with folded."""

from __future__ import annotations

import re

# Arabic-Indic (U+0660..) and Persian (U+06F0..) digits to ASCII.
_DIGITS = {ord(c): str(i) for i, c in enumerate("٠١٢٣٤٥٦٧٨٩")}
_DIGITS.update({ord(c): str(i) for i, c in enumerate("۰۱۲۳۴۵۶۷۸۹")})
_LETTERS = {ord(a): b for a, b in {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه",
                                    "ؤ": "و", "ئ": "ي", "ـ": None}.items()}
_DIACRITICS = re.compile("[\u064b-\u065f\u0670\u06d6-\u06ed]")


_TABLE = str.maketrans({**_DIGITS, **_LETTERS})


def fold(text: str) -> str:
    return _DIACRITICS.sub("", text.translate(_TABLE))


# Gregorian months, Latin-derived series (Egypt, Gulf, Maghreb) and Syriac series (Levant, Iraq).
# Two-word names are listed as "first second"; the tokenizer joins them.
GREGORIAN = {
    1: ("يناير", "جانفي", "كانون الثاني", "كانون ثاني"),
    2: ("فبراير", "فبرير", "فيفري", "شباط"),
    3: ("مارس", "اذار"),
    4: ("ابريل", "ابرايل", "افريل", "نيسان"),
    5: ("مايو", "ماي", "ايار"),
    6: ("يونيو", "يونيه", "جوان", "حزيران"),
    7: ("يوليو", "يوليه", "جويليه", "تموز"),
    8: ("اغسطس", "اغسطوس", "غشت", "اوت", "اب"),
    9: ("سبتمبر", "شتنبر", "ايلول"),
    10: ("اكتوبر", "تشرين الاول", "تشرين اول", "تشرن الاول"),
    11: ("نوفمبر", "نونبر", "تشرين الثاني", "تشرين ثاني", "تشرن الثاني"),
    12: ("ديسمبر", "دجنبر", "كانون الاول", "كانون اول"),
}
HIJRI = {
    1: ("محرم",),
    2: ("صفر",),
    3: ("ربيع الاول", "ربيع اول"),
    4: ("ربيع الثاني", "ربيع الاخر", "ربيع ثاني"),
    5: ("جمادي الاولي", "جمادي الاول", "جمادي اولي"),
    6: ("جمادي الاخره", "جمادي الثانيه", "جمادي الاخر", "جمادي الثاني"),
    7: ("رجب",),
    8: ("شعبان",),
    9: ("رمضان",),
    10: ("شوال",),
    11: ("ذو القعده", "ذي القعده"),
    12: ("ذو الحجه", "ذي الحجه"),
}
# Python's weekday(): Monday is 0.
WEEKDAYS = {"الاثنين": 0, "الاتنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الخميس": 3, "الجمعه": 4,
            "السبت": 5, "الاحد": 6}
# Whole-day words: offset in days from publication.
DAY_WORDS = {"اليوم": 0, "الليله": 0, "امس": -1, "الامس": -1, "البارحه": -1, "غدا": 1, "الغد": 1,
             "بكره": 1, "بكرا": 1}
TWO_WORD_DAYS = {("اول", "امس"): -2, ("امس", "الاول"): -2, ("بعد", "غد"): 2}
PAST = {"الماضي", "الماضيه", "المنصرم", "المنصرمه", "الفائت", "الفائته", "السابق", "المنقضي"}
NEXT = {"المقبل", "المقبله", "القادم", "القادمه", "التالي"}
CURRENT = {"الجاري", "الجاريه", "الحالي", "الحاليه", "هذا", "هذه"}
SAME = {"ذاته", "نفسه", "ذات", "نفس", "عينه"}
MONTH_UNIT = {"الشهر", "شهر"}
YEAR_UNIT = {"العام", "عام", "السنه", "سنه"}
HIJRI_MARK = {"ه", "هجري", "هجريه", "الهجري", "الهجريه", "للهجره", "هجره"}
# Units of "قبل N ..." (N ago): days per unit, or the precision it leaves.
AGO_UNITS = {"يوم": ("day", 1), "يومين": ("day", 2), "ايام": ("day", 1), "اسبوع": ("day", 7),
             "اسبوعين": ("day", 14), "اسابيع": ("day", 7), "شهر": ("month", 1), "شهرين": ("month", 2),
             "اشهر": ("month", 1), "شهور": ("month", 1), "عام": ("year", 1), "عامين": ("year", 2),
             "اعوام": ("year", 1), "سنه": ("year", 1), "سنتين": ("year", 2), "سنوات": ("year", 1)}
SMALL_NUMBERS = {"ثلاثه": 3, "ثلاث": 3, "اربعه": 4, "اربع": 4, "خمسه": 5, "خمس": 5, "سته": 6, "ست": 6,
                 "سبعه": 7, "سبع": 7, "ثمانيه": 8, "ثماني": 8, "تسعه": 9, "تسع": 9, "عشره": 10, "عشر": 10}
# A year after these is a bound of the time meant, not the time itself.
BOUNDS = {"قبل", "بعد", "حتي", "لغايه"}
RANGE_LINKS = {"و", "الي", "حتي", "لغايه", "وحتي", "والي", "ولغايه", "-"}

# "اب" (August) is also "father": it counts as a month only beside a day, a year or its pair.
WEAK_MONTHS = {"اب", "ماي", "مارس"}

CLITICS = ("وب", "ول", "فب", "فل", "وك", "و", "ف", "ب", "ل", "ك")


def month_lexicon() -> dict[str, tuple[str, int]]:
    """folded name -> ("g" or "h", month number)."""
    names: dict[str, tuple[str, int]] = {}
    for kind, table in (("g", GREGORIAN), ("h", HIJRI)):
        for number, spellings in table.items():
            for spelling in spellings:
                names[spelling] = (kind, number)
    return names

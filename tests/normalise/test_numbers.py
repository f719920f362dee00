"""Number words and digits: annotator.normalise.numbers against pyarabic (an independent
implementation: its number2text writes every number 1–20,000 in words, and its text2number reads
them) and against a table of the forms its grammar misses."""

from __future__ import annotations

import random

import pyarabic.number as pyarabic_number
import pytest

from annotator.normalise.numbers import find_numbers, parse_number


def test_every_number_pyarabic_writes_reads_back() -> None:
    wrong = [n for n in range(1, 20_001) if parse_number(pyarabic_number.number2text(n)) != n]
    assert wrong == []


def test_large_numbers_pyarabic_writes_read_back() -> None:
    sample = random.Random(14).sample(range(20_001, 10**9), 2000)
    wrong = [n for n in sample if parse_number(pyarabic_number.number2text(n)) != n]
    assert wrong == []


# Forms both read alike: the spellings of news text rather than pyarabic's own.
AGREED = ["عشرين", "عشرون", "مئة", "مائة", "ستة وثلاثين", "ثلاثة آلاف", "أحد عشر", "خمسة عشر",
          "ثلاث", "ثلاثة", "اثنين", "اثنان", "إثنين", "واحد", "أحد", "مئتين", "ثلاثمئة", "ثلاثمائة",
          "خمسمائة وعشرين", "ألف", "ألفين", "عشرة", "إحدى عشرة", "اثنا عشر", "اثني عشر", "ثماني",
          "ثلاثة ملايين", "ستة و ثلاثين", "مئة وخمسين", "ألف ومئتين", "أربعة عشر ألفا", "عشرة آلاف",
          "ثلاثمائة ألف", "أربعمائة وواحد", "عِشْرِينَ", "ثلاثَ عشرةَ"]


@pytest.mark.parametrize("words", AGREED)
def test_agrees_with_pyarabic_text2number(words: str) -> None:
    assert parse_number(words) == pyarabic_number.text2number(words) != 0


# Where pyarabic is wrong (measured, pyarabic 0.6.15): what it gives, and the value by the grammar.
PYARABIC_WRONG = [
    ("مائتي", 0, 200), ("مئتا", 0, 200), ("اثنتين", 0, 2), ("اثنتان", 0, 2), ("واحدة", 0, 1),
    ("الف", 0, 1000), ("احد عشر", 10, 11), ("ثلاث مئة", 103, 300), ("عشـرين", 0, 20),
]


@pytest.mark.parametrize(("words", "pyarabic_says", "value"), PYARABIC_WRONG)
def test_forms_pyarabic_misreads(words: str, pyarabic_says: int, value: int) -> None:
    assert pyarabic_number.text2number(words) == pyarabic_says
    assert parse_number(words) == value


# Gender, case and spelling variants, from the grammar (Ryding, A Reference Grammar of Modern
# Standard Arabic, ch. 15): each row is one value.
VARIANTS = {
    1: ["واحد", "واحدة", "أحد", "إحدى"],
    2: ["اثنان", "اثنين", "اثنتان", "اثنتين", "ثنتين"],
    3: ["ثلاث", "ثلاثة"], 8: ["ثمان", "ثماني", "ثمانى", "ثمانية"], 10: ["عشر", "عشرة"],
    11: ["أحد عشر", "إحدى عشرة"], 12: ["اثنا عشر", "اثني عشر", "اثنتا عشرة", "اثنتي عشرة"],
    13: ["ثلاثة عشر", "ثلاث عشرة"], 20: ["عشرون", "عشرين"], 90: ["تسعون", "تسعين"],
    100: ["مئة", "مائة", "مئه"], 200: ["مئتان", "مئتين", "مائتان", "مائتين", "مئتا", "مائتي"],
    800: ["ثمانمئة", "ثمانمائة", "ثمانيمائة", "ثماني مئة"], 1000: ["ألف", "الف", "ألفا", "ألفاً"],
    2000: ["ألفان", "ألفين"], 2_000_000: ["مليونان", "مليونين"], 5000: ["خمسة آلاف", "خمس آلاف"],
}


@pytest.mark.parametrize(("value", "words"), [(v, w) for v, ws in VARIANTS.items() for w in ws])
def test_variants(value: int, words: str) -> None:
    assert parse_number(words) == value


@pytest.mark.parametrize(("text", "value"), [
    ("36", 36), ("٣٦", 36), ("۳۶", 36), ("1,200", 1200), ("١٬٢٠٠", 1200), ("3 آلاف", 3000),
    ("1.5 مليون", 1_500_000), ("٢ مليون", 2_000_000),
])
def test_digits(text: str, value: int) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(("text", "value"), [
    ("بعشرين", 20), ("وثلاثين", 30), ("لخمسة", 5), ("وبالخمسة", 5), ("الثلاثة", 3), ("و36", 36),
])
def test_proclitics_on_the_first_word(text: str, value: int) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", [
    "عشرات", "آلاف", "الأحد", "الاثنين", "لست", "خمسة ستة", "عشرين قتيلا", "ستة ثلاثين", "عشرين ثلاثين",
    "ألف مليون", "2.5", "قتيل", "",
])
def test_not_one_number(text: str) -> None:
    assert parse_number(text) is None


def test_find_numbers_ranges_leave_proclitics_out() -> None:
    text = "بلغ نحو عشرين قتيلا ومئة جريح، وقتل ستة وثلاثون و٣ آلاف بعد 6، و14 منه"
    found = [(text[n.start:n.end], n.value) for n in find_numbers(text)]
    assert found == [("عشرين", 20), ("مئة", 100), ("ستة وثلاثون", 36), ("٣ آلاف", 3000), ("6", 6), ("14", 14)]


def test_find_numbers_with_marks_and_tatweel() -> None:
    text = "وَعِشْـرِينَ"
    (number,) = find_numbers(text)
    assert (text[number.start:number.end], number.value) == ("عِشْـرِينَ", 20)


def test_a_comma_ends_a_number() -> None:
    assert [n.value for n in find_numbers("ثلاثة، وعشرين")] == [3, 20]


def test_reference_article_numbers(reference_text: str) -> None:
    found = {(reference_text[n.start:n.end], n.value) for n in find_numbers(reference_text)}
    assert {("عشرين", 20), ("مئة", 100), ("36", 36), ("24", 24), ("2017", 2017), ("19", 19),
            ("6", 6), ("14", 14), ("25", 25), ("خمسة", 5)} <= found

"""Counts of people who were not killed or wounded (arrested, captured, released, displaced,
rescued…) and the bare toll (issue 14, the outside-in tester's report)."""

from __future__ import annotations

import pytest

from annotator.normalise.casualties import normalise_casualty


def value(killed: int | None = None, injured: int | None = None, approximate: bool = False) -> dict:
    return {"killed": killed, "injured": injured, "approximate": approximate}


@pytest.mark.parametrize("text", [
    "اعتقال 20 شخصا", "اعتقلت القوات 20 شخصا", "أسر 3 جنود", "خطف 4 أشخاص", "اختطاف 4 صحفيين",
    "إطلاق سراح 10 رهائن", "الإفراج عن 10 معتقلين", "تهجير 500 أسرة", "نزوح 200 عائلة",
    "إنقاذ 12 شخصا", "إجلاء 30 مدنيا", "احتجاز 7 أشخاص", "20 أسيرا", "وباعتقال 20 شخصا",
])
def test_a_count_of_another_fate_is_no_casualty(text):
    assert normalise_casualty(text) is None


def test_the_testers_phrase_from_the_reference_article_is_no_casualty(reference_text):
    # استدراج جهاز المخابرات لخمسة من قيادات التنظيم: five leaders lured, not killed.
    assert "لخمسة من قيادات التنظيم" in reference_text
    assert normalise_casualty("لخمسة من قيادات التنظيم") is None


@pytest.mark.parametrize(("text", "expected"), [
    ("مقتل 5 واعتقال 20", value(5)),
    ("مقتل خمسة واختطاف عشرة", value(5)),
    ("مقتل 3 جنود وأسر 2 آخرين", value(3)),
    ("قتل 5 أشخاص واعتقال 20 آخرين", value(5)),
    ("اعتقال 20 شخصا ومقتل 5", value(5)),
    ("مقتل 5 و20 أسيرا", value(5)),
    ("أصيب 4 وأنقذ 10 آخرون", value(None, 4)),
])
def test_a_count_of_another_fate_beside_a_toll_is_left_out_of_it(text, expected):
    assert normalise_casualty(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("36", value(36)), ("نحو 36", value(36, None, True)), ("ما لا يقل عن 36", value(36, None, True)),
    ("36 شخصا", value(36)), ("عشرات", value(None, None, True)),
])
def test_a_number_alone_is_still_a_death_toll(text, expected):
    assert normalise_casualty(text) == expected


@pytest.mark.parametrize("text", ["لخمسة من قيادات التنظيم", "ارتفع العدد إلى 36", "20 من المدنيين"])
def test_a_number_beside_words_that_say_nothing_of_death_is_no_toll(text):
    assert normalise_casualty(text) is None

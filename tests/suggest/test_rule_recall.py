"""Classes of spans the rule suggesters missed on real news (issue 15, item 5), each on sentences
written for the test: lists after a plural head, short names, governorates, common nouns and names
inside a government's name; date ranges and pairs, period words, years before a noun, N ago; the
attribution verbs of estimates and records."""

from datetime import date

import pytest

from annotator.suggest.dates import date_suggestions
from annotator.suggest.places import place_suggestions
from annotator.suggest.rules import rule_suggestions
from annotator.suggest.sources import source_suggestions

PUBLISHED = date(2021, 6, 9)  # a Wednesday


def texts(text, found):
    return [text[s.start:s.end] for s in found]


def places(text):
    return texts(text, place_suggestions(text))


def dates(text):
    return texts(text, date_suggestions(text, PUBLISHED))


# Places ------------------------------------------------------------------------------------------

def test_each_name_after_a_plural_head_is_a_place():
    text = "وزعت المنظمة المساعدات في محافظات صعدة وحجة والمحويت الأسبوع الماضي"
    assert places(text) == ["صعدة", "حجة", "المحويت"]


def test_a_two_letter_name_counts_after_a_region_head_and_in_a_list():
    assert places("نزحت الأسر إلى محافظة إب هربا من القتال") == ["محافظة إب"]
    assert places("سجلت الفرق حالات في ذمار وإب وتعز") == ["ذمار", "إب", "تعز"]


def test_a_two_letter_word_alone_is_no_place():
    assert places("قال إب الضحية إن") == []


def test_a_short_rest_after_a_proclitic_is_a_place_only_when_large_or_listed():
    assert places("يتقن الطالب لغات عدة") == []  # ل + غات (Ghat, a Libyan town of 24,000)
    assert places("شملت الجولة مدن عمران وحجة") == ["عمران", "حجة"]


def test_governorates_of_the_supplement_are_places_of_their_country():
    text = "تدور معارك في الأنبار ونينوى بينما هدأت حضرموت"
    found = place_suggestions(text)
    assert texts(text, found) == ["الأنبار", "نينوى", "حضرموت"]
    assert [s.value["country"] for s in found] == ["IQ", "IQ", "YE"]
    assert [s.value["name"] for s in found] == ["Al Anbār", "Nīnawá", "Ḩaḑramawt"]


@pytest.mark.parametrize("text", [
    "عاد الرئيس إلى البلاد بعد جولة خارجية",
    "يدرس الشاب في جامعة خاصة",
    "نقل المتهم إلى السجن المركزي",
])
def test_common_nouns_that_name_small_towns_are_no_places(text):
    assert places(text) == []


def test_a_place_inside_a_governments_name_is_no_place():
    assert places("رحبت حكومة كردستان العراق بالاتفاق") == []
    assert places("جرت محادثات بين بغداد وحكومة كردستان العراق") == ["بغداد"]


def test_a_compound_name_the_gazetteer_lacks_after_a_village_head():
    text = "هدمت الجرافات منازل في قرية بيت جبرين صباحا"
    found = place_suggestions(text)
    assert texts(text, found) == ["بيت جبرين"]
    assert found[0].origin == "rules:place"


# Dates -------------------------------------------------------------------------------------------

def test_a_range_across_wa_is_one_date():
    text = "سجلت الوزارة الحالات بين 3 فبراير / شباط و20 مارس / آذار 2021 في البلاد"
    assert dates(text) == ["3 فبراير / شباط و20 مارس / آذار 2021"]


@pytest.mark.parametrize(("text", "expected"), [
    ("تعقد الجلسات بين 12 و 15 مارس في جنيف", "12 و 15 مارس"),
    ("تجري الانتخابات من 1 إلى 5 أيار المقبل", "1 إلى 5 أيار المقبل"),
    ("أغلقت المعابر بين 5 و9 أيلول الماضي", "5 و9 أيلول الماضي"),
])
def test_day_numbers_of_a_range_stay_with_their_month(text, expected):
    assert dates(text) == [expected]


def test_a_pair_of_weekdays_is_one_date():
    assert dates("أقيمت الاحتفالات يومي السبت والأحد في الساحات") == ["يومي السبت والأحد"]


@pytest.mark.parametrize(("text", "expected"), [
    ("وصلت الشحنة في أواسط يوليو الماضي إلى الميناء", "أواسط يوليو الماضي"),
    ("تراجعت الأسعار منذ مطلع عام 2020", "مطلع عام 2020"),
    ("ارتفع عدد النازحين منذ بداية 2019", "بداية 2019"),
])
def test_a_period_word_stays_with_its_month_or_year(text, expected):
    assert dates(text) == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("خصص البنك المبلغ حتى 2030 لاستثمارات الطاقة", ["2030"]),
    ("خصص البنك المبلغ في 2030 لاستثمارات الطاقة", ["2030"]),
    ("تتضاعف الأرقام منذ 2015 مرات عدة", ["2015"]),
    ("صورة للقرية ( 1998 ) ، ومعلومات عنها", ["1998"]),
    ("اشترت الوزارة 1500 جهازا جديدا", []),
])
def test_a_year_before_a_noun_it_does_not_count(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize(("text", "expected", "iso"), [
    ("وصل الوفد قبل ثلاثة أيام إلى العاصمة", "قبل ثلاثة أيام", "2021-06-06"),
    ("وقع الحادث قبل 3 أيام قرب الحدود", "قبل 3 أيام", "2021-06-06"),
    ("أغلق المصنع قبل شهر تقريبا", "قبل شهر", "2021-05"),
    ("غادر البعثة قبل يومين", "قبل يومين", "2021-06-07"),
])
def test_n_ago_is_a_date_valued_from_publication(text, expected, iso):
    found = date_suggestions(text, PUBLISHED)
    assert texts(text, found) == [expected]
    assert found[0].value == {"iso": iso}


@pytest.mark.parametrize("text", ["وصل الوفد قبل أيام", "تغيرت المدينة قبل سنوات"])
def test_some_days_ago_names_no_date(text):
    assert dates(text) == []


def test_a_year_after_qabl_am_is_the_year_not_a_year_ago():
    assert dates("هاجر قبل عام 2011 إلى أوروبا") == ["عام 2011"]


# Sources -----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("وقدرت الأمم المتحدة أن نصف السكان بحاجة إلى مساعدة", "الأمم المتحدة"),
    ("وثقت منظمة العفو الدولية في تقريرها عشرات الحالات", "منظمة العفو الدولية"),
])
def test_estimates_and_records_are_attributed(text, expected):
    assert texts(text, source_suggestions(text)) == [expected]


def test_the_noun_qadr_is_no_attribution_verb():
    assert source_suggestions("عمل على قدر المسؤولية الملقاة عليه") == []


def test_all_classes_together_in_one_report():
    text = ("قدرت المفوضية أن 400 أسرة نزحت بين 2 و 6 نيسان من محافظات ذمار وإب "
            "وريمة إلى البلاد المجاورة")
    found = rule_suggestions(text, PUBLISHED)
    got = {(s.label, text[s.start:s.end]) for s in found}
    assert {("source", "المفوضية"), ("date", "2 و 6 نيسان"), ("place", "ذمار"), ("place", "إب"),
            ("place", "ريمة")} <= got
    assert ("place", "البلاد") not in got


# Estimates: قدّر + subject + what is counted + ب + the figure ------------------------------------

@pytest.mark.parametrize(("text", "source", "casualty", "value"), [
    ("وقدرت مصادر طبية حصيلة القتلى بنحو 30 قتيلا", "مصادر طبية", "القتلى بنحو 30 قتيلا",
     {"killed": 30, "injured": None, "approximate": True}),
    ("قدرت الأمم المتحدة عدد القتلى بأكثر من 400 شخص", "الأمم المتحدة", "القتلى بأكثر من 400 شخص",
     {"killed": 400, "injured": None, "approximate": True}),
    ("قدرت الوزارة الجرحى بـ 50 شخصا", "الوزارة", "الجرحى بـ 50 شخصا",
     {"killed": None, "injured": 50, "approximate": False}),
])
def test_an_estimate_gives_its_speaker_and_its_count(text, source, casualty, value):
    found = rule_suggestions(text, PUBLISHED)
    assert [text[s.start:s.end] for s in found if s.label == "source"] == [source]
    counts = [s for s in found if s.label == "casualty"]
    assert [text[s.start:s.end] for s in counts] == [casualty]
    assert counts[0].value == value


def test_casualty_words_without_a_count_are_no_casualty():
    text = "ارتفعت حصيلة القتلى في المدينة"
    assert [s for s in rule_suggestions(text, PUBLISHED) if s.label == "casualty"] == []


def test_a_number_counting_a_noun_that_begins_with_a_proclitic_letter_is_no_year():
    assert dates("استقبل المخيم 1950 لاجئا خلال الشتاء") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("ووقع ذلك وأواخر أكتوبر الماضي شهد تصعيدا", "أواخر أكتوبر الماضي"),
    ("تحسنت الأوضاع وبداية 2020 عادت الحركة", "بداية 2020"),
])
def test_a_period_words_proclitic_stays_outside(text, expected):
    assert dates(text) == [expected]

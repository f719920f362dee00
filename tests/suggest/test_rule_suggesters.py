"""The rule suggesters on real sentences, span by span, and the goals measured on the gold set."""

from datetime import date

import pytest

from annotator.suggest.casualties import casualty_suggestions
from annotator.suggest.dates import date_suggestions
from annotator.suggest.events import event_suggestions
from annotator.suggest.places import place_suggestions
from annotator.suggest.rules import rule_suggestions
from annotator.suggest.sources import source_suggestions
from bench import suggestions as bench


def texts(text, found):
    return [text[s.start:s.end] for s in found]


@pytest.mark.parametrize(("text", "expected", "iso"), [
    ("وأمس الأربعاء، شهدت مدينة الصدر انفجارا", "أمس الأربعاء", "2018-06-06"),
    ("وقع الانفجار الساعة التاسعة من صباح أمس الجمعة", "الساعة التاسعة من صباح أمس الجمعة", "2018-06-06"),
    ("وفي 19 أبريل/نيسان الماضي نفذ الطيران", "19 أبريل/نيسان الماضي", "2018-04-19"),
    ("غارتين على مواقع يومي 6 و14 منه جنوب", "يومي 6 و14 منه", None),
    ("في 15 رمضان 1439 هـ", "15 رمضان 1439 هـ", "2018-05-30"),
    ("يوم الخميس الموافق 19/4/2018", "يوم الخميس الموافق 19/4/2018", "2018-04-19"),
])
def test_dates_keep_weekday_time_of_day_and_past_proclitic_outside(text, expected, iso):
    found = date_suggestions(text, date(2018, 6, 7))
    assert texts(text, found) == [expected]
    if iso:
        assert found[0].value == {"iso": iso}


def test_a_weak_month_word_alone_is_no_date():
    assert date_suggestions("قال اب الضحية إن", date(2018, 6, 7)) == []


@pytest.mark.parametrize(("text", "expected", "value"), [
    ("أدت إلى مقتل 36 عنصرا من التنظيم", "مقتل 36 عنصرا", {"killed": 36, "injured": None, "approximate": False}),
    ("بلغ نحو عشرين قتيلا ومئة جريح.", "نحو عشرين قتيلا ومئة جريح",
     {"killed": 20, "injured": 100, "approximate": True}),
    ("لقي 5 أشخاص حتفهم في الحادث", "لقي 5 أشخاص حتفهم", {"killed": 5, "injured": None, "approximate": False}),
    ("أسفر عن مقتل جندي وإصابة ثلاثة آخرين", "مقتل جندي وإصابة ثلاثة آخرين",
     {"killed": 1, "injured": 3, "approximate": False}),
])
def test_casualties_run_from_the_casualty_word_to_the_counted_noun(text, expected, value):
    found = casualty_suggestions(text)
    assert texts(text, found) == [expected]
    assert found[0].value == value


@pytest.mark.parametrize("text", ["استدراج جهاز المخابرات لخمسة من قيادات التنظيم", "واعتقال 20 شخصا",
                                  "وتعرض عشرات الآليات لأضرار", "في 3 هجمات"])
def test_counts_of_other_things_are_no_casualties(text):
    assert casualty_suggestions(text) == []


def test_sources_after_verbs_prepositions_and_source_nouns():
    text = "وأوضح الوكيل للجزيرة أن الضربة، وفق وزارة الدفاع. وقالت مصادر أمنية إن"
    found = [s for s in rule_suggestions(text) if s.label == "source"]
    assert texts(text, found) == ["الوكيل", "جزيرة", "وزارة الدفاع", "مصادر أمنية"]
    assert not any(s.label == "place" for s in rule_suggestions(text))  # the outlet told is not the place
    assert source_suggestions("حسب تعبيره.") == []
    assert source_suggestions("حينما قصف أهدافا قال إنها تابعة") == []


def test_event_triggers_take_inflections_and_leave_proclitics_out():
    text = "قصفت الطائرات ثم وقصف، غارتين وبالغارات وانفجارا والتفجيرات وهجماته واشتباكات في الفجر"
    assert texts(text, event_suggestions(text)) == ["قصفت", "قصف", "غارتين", "الغارات", "انفجارا", "التفجيرات",
                                                     "هجماته", "اشتباكات"]


def test_places_multiword_region_heads_in_generic_heads_and_proclitics_out():
    text = "في محافظة دير الزور وبمدينة الصدر جنوب منطقة البوكمال في ريف الحسكة وبسوريا، وأوضح المركز في بيان أن"
    found = place_suggestions(text)
    assert texts(text, found) == ["محافظة دير الزور", "مدينة الصدر", "البوكمال", "ريف الحسكة", "سوريا"]
    assert found[-1].value["country"] == "SY"


def test_one_suggestion_per_stretch_per_label():
    found = rule_suggestions("أكد شهود عيان أن الانفجار")
    assert [(s.label, s.start, s.end) for s in found] == [("source", 4, 13), ("event", 17, 25)]


def test_goals_on_the_judged_gold_set():
    measured = bench.scores()
    assert measured["date"]["recall"] >= 0.9
    assert measured["casualty"]["recall"] >= 0.9
    assert measured["place"]["recall"] >= 0.8
    assert measured["all"]["f1"] >= 0.75


def test_one_article_in_under_100_ms():
    assert bench.article_ms() < 100


def test_every_wojood_sample_document_gets_spans_that_cover_their_text():
    for split in ("train", "val", "test"):
        docs, n = [], 0
        while True:
            try:
                docs.append(bench.document_text(f"wojood-sample/{split}.txt", n))
            except IndexError:
                break
            n += 1
        for text in docs:
            for s in rule_suggestions(text, date(2020, 1, 1)):
                assert 0 <= s.start < s.end <= len(text) and text[s.start:s.end].strip() == text[s.start:s.end]

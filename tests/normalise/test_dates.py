"""Dates to ISO values: a case per rule; the calendar arithmetic and the Hijri conversion checked
against independent computations (day-by-day search with datetime, hijridate); the gold set
(tests/data/dates-gold) checked against its sources, and its accuracy asserted."""

from __future__ import annotations

import json
import random
from datetime import date, timedelta

import pytest
from hijridate import Hijri

from annotator.core.model import Document, Span
from annotator.normalise import hijri
from annotator.normalise.dates import normalise_date, publication_date
from annotator.normalise.values import compute_values
from bench.normalise_accuracy import date_results
from tests.conftest import REFERENCE_ARTICLE, TEST_DATA, WOJOOD_SAMPLE

GOLD = TEST_DATA / "dates-gold" / "dates.jsonl"
THURSDAY = date(2018, 6, 7)  # the reference article's publication date (see the gold README)


def iso(text: str, published: date | None = THURSDAY, preceding: str = "") -> str | None:
    value = normalise_date(text, published=published, preceding_text=preceding)
    assert value is None or set(value) == {"iso"}
    return value["iso"] if value else None


# ---------------------------------------------------------------- rules, one case or more each

@pytest.mark.parametrize(("text", "expected"), [
    ("اليوم", "2018-06-07"), ("صباح اليوم", "2018-06-07"), ("أمس", "2018-06-06"), ("بالأمس", "2018-06-06"),
    ("وأمس الأربعاء", "2018-06-06"), ("أول أمس", "2018-06-05"), ("أول من أمس", "2018-06-05"),
    ("غدا", "2018-06-08"), ("الساعة التاسعة من صباح أمس الجمعة", "2018-06-06"),
])
def test_day_words_count_from_publication(text, expected):
    assert iso(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("الخميس", "2018-06-07"), ("صباح الخميس", "2018-06-07"), ("يوم الخميس", "2018-06-07"),
    ("الخميس الماضي", "2018-05-31"), ("الأربعاء", "2018-06-06"), ("الأحد", "2018-06-03"),
    ("مساء السبت", "2018-06-02"), ("الجمعة", "2018-06-01"), ("الإثنين الماضي", "2018-06-04"),
])
def test_weekday_is_the_latest_on_or_before_publication(text, expected):
    assert iso(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("أبريل/نيسان الماضي", "2018-04"), ("19 أبريل/نيسان الماضي", "2018-04-19"),
    ("مايو/أيار الماضي", "2018-05"), ("يونيو الماضي", "2017-06"),  # 'last June' said in June
    ("ديسمبر/كانون الأول الماضي", "2017-12"), ("يوليو/تموز المقبل", "2018-07"), ("يونيو المقبل", "2019-06"),
])
def test_past_and_next_on_a_month(text, expected):
    assert iso(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("20 مايو", "2018-05-20"), ("7 يونيو", "2018-06-07"), ("8 يونيو", "2017-06-08"), ("مارس", "2018-03"),
    ("أغسطس", "2017-08"), ("يوم السبت 28 آذار / مارس", "2018-03-28"), ("بتاريخ 20 / 5", "2018-05-20"),
])
def test_year_less_dates_are_the_latest_on_or_before_publication(text, expected):
    assert iso(text) == expected


@pytest.mark.parametrize("text", ["أمس", "الخميس", "الخميس الماضي", "19 أبريل/نيسان الماضي", "20 مايو",
                                  "مارس", "العام الماضي", "قبل ثلاثة أيام", "بتاريخ 20 / 7"])
def test_without_publication_relative_forms_give_none(text):
    assert iso(text, published=None) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("24 فبراير/شباط 2017", "2017-02-24"), ("7 كانون الأول 1926", "1926-12-07"),
    ("كانون الثاني 1949", "1949-01"), ("كانون اول / ( 1986 )", "1986-12"), ("31 تشرين الثاني 2018", None),
    ("3 إبريل 2018", "2018-04-03"), ("3 ابريل 2018", "2018-04-03"), ("3 أبريل 2018", "2018-04-03"),
    ("5 يوليه 2015", "2015-07-05"), ("5 يوليو 2015", "2015-07-05"), ("10 آب/أغسطس 2014", "2014-08-10"),
    ("10 أغسطس/آب 2014", "2014-08-10"), ("ديسمبر ( كانون الاول ) ( 1931 )", "1931-12"),
    ("2 جوان 2019", "2019-06-02"), ("شهر نوفمبر عام 2016", "2016-11"),
])
def test_both_month_series_their_spellings_and_pairs(text, expected):
    assert iso(text, published=None) == expected


def test_august_is_not_father():
    assert iso("قال الأب إن", published=None) is None
    assert iso("آب 1984", published=None) == "1984-08"


@pytest.mark.parametrize(("text", "expected"), [
    ("١٩ أبريل ٢٠١٨", "2018-04-19"), ("۱۹ أبريل ۲۰۱۸", "2018-04-19"), ("١٩/٤/٢٠١٨", "2018-04-19"),
    ("أَمْسِ", "2018-06-06"), ("الخمـــيس", "2018-06-07"), ("يُولْيُو 2017", "2017-07"),
])
def test_eastern_digits_diacritics_and_tatweel(text, expected):
    assert iso(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("بتاريخ ( 8 / 11 / 1943 )", "1943-11-08"), ("4 / 22 / 1948", "1948-04-22"), ("2018-04-19", "2018-04-19"),
    ("كانون الثاني ( 31 / 1 / 1947 )", "1947-01-31"), ("بتاريخ 9 / 10 / 10 / ( 1940 )", "1940-10"),
    ("31 / 2 / 2018", None), ("5 / 2018", "2018-05"),
])
def test_numeric_dates(text, expected):
    assert iso(text, published=None) == expected


def test_same_month_refers_to_the_month_named_before(reference_text):
    before = reference_text[:reference_text.index("25 من الشهر ذاته")]
    assert iso("25 من الشهر ذاته", preceding=before) == "2018-05-25"
    assert iso("الشهر نفسه", preceding=before) == "2018-05"
    assert iso("14 منه", preceding=reference_text[:reference_text.index("14 منه")]) == "2018-05-14"
    assert iso("يومي 6 و14 منه", preceding=reference_text[:reference_text.index("يومي")]) == "2018-05"
    # The month named last is meant even when it cannot be resolved: no reaching back to an older one.
    assert iso("14 منه", published=None, preceding="في 24 فبراير 2017 ثم في مايو الماضي") is None
    assert iso("25 من الشهر ذاته", preceding="لا شهر هنا") is None
    assert iso("31 منه", preceding="في نيسان 2016") is None  # April has 30 days


@pytest.mark.parametrize(("text", "expected"), [
    ("15 رمضان 1439 هـ", "2018-05-30"), ("1 محرم 1440 هجرية", "2018-09-11"), ("رمضان 1439", "2018-05"),
    ("20 / شعبان / 1428 هجرية", "2007-09-02"), ("عام ( 1325 ) هجري", "1907"), ("1348هجري", "1929"),
    ("شهر رمضان عام ( 1992 )", "1992-03"), ("شهر رمضان", None), ("30 محرم 1440", None),  # Muharram 1440 has 29 days
])
def test_hijri_months_with_a_year(text, expected):
    assert iso(text, published=None) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("بين 1 يناير / كانون الثاني و1 مايو / أيار 2019", "2019"),
    ("من 13 وحتى 15 تشرين الثاني / نوفمبر 2016", "2016-11"),
    ("1936 - 1939", None), ("قبل ( 1948 )", None), ("بعد ( 1982 )", None), ("منذ سبتمبر / أيلول 2016", "2016-09"),
])
def test_ranges_get_the_period_that_holds_them(text, expected):
    assert iso(text, published=None) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("الشهر الماضي", "2018-05"), ("الشهر الجاري", "2018-06"), ("العام الماضي", "2017"), ("لهذا العام", "2018"),
    ("العام المقبل", "2019"), ("قبل ثلاثة أيام", "2018-06-04"), ("قبل 3 أيام", "2018-06-04"),
    ("قبل يومين", "2018-06-05"), ("قبل أسبوع", "2018-05-31"), ("قبل شهرين", "2018-04"), ("عام 2018", "2018"),
])
def test_relative_months_years_and_ago(text, expected):
    assert iso(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "مؤخرا", "ثلاثة أشهر", "12 عاما", "الاربعينات", "48", "مارس حقه"])
def test_what_names_no_date_gives_none(text):
    assert iso(text) is None


def test_calendar_ends_give_none_not_an_error():
    assert iso("أمس", published=date(1, 1, 1)) is None
    assert iso("غدا", published=date(9999, 12, 31)) is None


@pytest.mark.parametrize(("meta", "expected"), [
    ({"published": "2018-06-07"}, THURSDAY), ({"date": "2018-06-07T09:30:00+03:00"}, THURSDAY),
    ({"date_extracted": "2018-06-07T09:30:00Z"}, THURSDAY), ({"date": "07/06/2018"}, THURSDAY),
    ({"date": "2018/06/07"}, THURSDAY), ({"pubdate": "Thu, 07 Jun 2018 09:30:00 GMT"}, THURSDAY),
    ({"date": "الخميس ٧ يونيو ٢٠١٨"}, THURSDAY), ({"published": 1528363800}, THURSDAY),
    ({"published": "", "date": "2018-06-07"}, THURSDAY), ({"published": "2018-06-07", "date": "2001-01-01"}, THURSDAY),
    ({}, None), ({"date": "غير معروف"}, None), ({"date": "يونيو 2018"}, None), ({"published": 10**30}, None),
])
def test_publication_date_from_common_fields(meta, expected):
    assert publication_date(meta) == expected


def test_compute_values_gives_the_article_its_dates(reference_text):
    """Through the one entry point: publication from meta, preceding text from the document."""
    document = Document(1, "reference", reference_text, "sha", meta={"published": "2018-06-07"})
    expressions = {"صباح الخميس": "2018-06-07", "19 أبريل/نيسان الماضي": "2018-04-19",
                   "25 من الشهر ذاته": "2018-05-25", "14 منه": "2018-05-14", "وأمس الأربعاء": "2018-06-06"}
    spans = []
    for n, (text, _) in enumerate(expressions.items()):
        start = reference_text.index(text)
        spans.append(Span(f"s{n}", 1, "a", "date", start, start + len(text), text))
    values = compute_values(document, spans)
    assert {span.text: values[span.id]["iso"] for span in spans} == expressions


# ---------------------------------------------------------------- independent checks

def _latest_back(published: date, accept) -> date:
    """Walk back a day at a time from publication: the independent reading of 'the latest such
    day on or before publication'."""
    day = published
    while not accept(day):
        day -= timedelta(days=1)
    return day


_WEEKDAY_NAMES = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]
_MONTH_NAMES = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
                "نوفمبر", "ديسمبر"]
_LEVANT_NAMES = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
                 "تشرين الأول", "تشرين الثاني", "كانون الأول"]


def test_gregorian_arithmetic_matches_a_day_by_day_search():
    rng = random.Random(14)
    for _ in range(400):
        published = date(2000, 1, 1) + timedelta(days=rng.randrange(365 * 30))
        weekday = rng.randrange(7)
        assert iso(_WEEKDAY_NAMES[weekday], published) == _latest_back(
            published, lambda d, w=weekday: d.weekday() == w).isoformat()
        assert iso(_WEEKDAY_NAMES[weekday] + " الماضي", published) == _latest_back(
            published - timedelta(days=1), lambda d, w=weekday: d.weekday() == w).isoformat()
        assert iso("أمس", published) == date.fromordinal(published.toordinal() - 1).isoformat()
        month, day = rng.randrange(1, 13), rng.randrange(1, 29)
        names = rng.choice([_MONTH_NAMES, _LEVANT_NAMES])
        assert iso(f"{day} {names[month - 1]}", published) == _latest_back(
            published, lambda d, m=month, n=day: (d.month, d.day) == (m, n)).isoformat()
        assert iso(names[month - 1], published) == _latest_back(
            published, lambda d, m=month: d.month == m).isoformat()[:7]
        last_before = _latest_back(published.replace(day=1) - timedelta(days=1), lambda d, m=month: d.month == m)
        assert iso(f"{names[month - 1]} الماضي", published) == last_before.isoformat()[:7]


_HIJRI_NAMES = ["محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة", "رجب", "شعبان",
                "رمضان", "شوال", "ذو القعدة", "ذو الحجة"]


def test_hijri_conversion_matches_hijridate():
    rng = random.Random(1439)
    for _ in range(300):
        year, month, day = rng.randrange(1343, 1500), rng.randrange(1, 13), rng.randrange(1, 30)
        expected = Hijri(year, month, day).to_gregorian().isoformat()
        assert iso(f"{day} {_HIJRI_NAMES[month - 1]} {year} هـ", published=None) == expected
        middle = Hijri(year, month, 15).to_gregorian()
        assert iso(f"{_HIJRI_NAMES[month - 1]} {year}", published=None) == f"{middle:%Y-%m}"


def test_arithmetic_fallback_stays_within_two_days_of_umm_al_qura():
    """Years before 1343 AH use the tabular calendar: checked where both exist."""
    for year in range(1343, 1500, 3):
        for month in range(1, 13):
            gap = hijri._tabular(year, month, 1) - Hijri(year, month, 1).to_gregorian()
            assert abs(gap.days) <= 2


# ---------------------------------------------------------------- gold set

def gold() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]


def test_gold_items_are_real_text_from_their_sources():
    article = REFERENCE_ARTICLE.read_text(encoding="utf-8")
    documents = {}
    for name in ("train", "val", "test"):
        docs, tokens = [[]], None
        for line in (WOJOOD_SAMPLE / f"{name}.txt").read_text(encoding="utf-8").splitlines():
            tokens = line.split()
            if not tokens:
                continue
            if tokens[0] == "$#$":
                docs.append([])
            else:
                docs[-1].append(tokens[0])
        documents[f"{name}.txt"] = docs
    items = gold()
    assert len({item["id"] for item in items}) == len(items)
    for item in items:
        source = item["source"]
        assert item["how"] and item["split"] in ("development", "held-out")
        if source.startswith("articles/"):
            start, end = map(int, source.rsplit(" ", 1)[1].split("-"))
            assert article[start:end] == item["text"] and article[:start] == item["preceding"]
            assert item["published"] == "2018-06-07"
        elif source.startswith("wojood-sample/"):
            file, _, doc, _, token = source.removeprefix("wojood-sample/").split()
            words = documents[file][int(doc)]
            start = int(token)
            assert " ".join(words[start:start + len(item["text"].split())]) == item["text"], source
            assert item["published"] is None
        else:
            assert source == "hand-made"
    counts = {kind: sum(i["source"].startswith(kind) for i in items) for kind in ("articles", "wojood", "hand")}
    assert counts == {"articles": 11, "wojood": 153, "hand": 46}


def test_article_publication_date_as_judged():
    # 'وأمس الأربعاء': yesterday was a Wednesday, so publication is a Thursday.
    assert THURSDAY.weekday() == 3 and (THURSDAY - timedelta(days=1)).weekday() == 2


def test_gold_accuracy_and_the_dateparser_baseline():
    results = date_results()
    ours = sum(r["ours"] == r["expected"] for r in results) / len(results)
    held = [r for r in results if r["split"] == "held-out"]
    dateparser_alone = sum(r["dateparser"] == r["expected"] for r in results) / len(results)
    wrong = [(r["text"], r["expected"], r["ours"]) for r in results if r["ours"] != r["expected"]]
    assert ours >= 0.99, wrong  # 209 of 210 when written: one garbled Wojood date is left unread
    assert sum(r["ours"] == r["expected"] for r in held) / len(held) >= 0.95
    assert dateparser_alone < 0.5  # 0.357 when written: it reads none of the news forms


def wojood_date_entities() -> set[str]:
    """The text of every DATE entity (outer and nested) of the Wojood sample."""
    found = set()
    for name in ("train", "val", "test"):
        rows = [line.split() for line in (WOJOOD_SAMPLE / f"{name}.txt").read_text(encoding="utf-8").splitlines()]
        rows = [row for row in rows if row]
        for i, row in enumerate(rows):
            if "B-DATE" in row[1:]:
                end = i + 1
                while end < len(rows) and "I-DATE" in rows[end][1:]:
                    end += 1
                found.add(" ".join(r[0] for r in rows[i:end]))
    return found


def test_where_dateparser_reads_a_wojood_date_we_read_the_same():
    """dateparser as the independent reader of every DATE entity it understands (636 distinct texts:
    it reads 166, we 553; where both read one, the values agree)."""
    from bench.normalise_accuracy import dateparser_date

    texts = wojood_date_entities()
    ours = {t: iso(t, published=None) for t in texts}
    theirs = {t: dateparser_date(t, "2018-06-07") for t in texts}
    both = [t for t in texts if ours[t] and theirs[t]]
    assert len(both) >= 150
    assert [(t, ours[t], theirs[t]) for t in both if ours[t] != theirs[t]] == []
    # What dateparser reads alone are relative forms resolved against a date the corpus never gives.
    assert {t for t in texts if theirs[t] and not ours[t]} <= {"اليوم", "أمس", "خلال الأسبوع الماضي", "48"}
    assert sum(map(bool, ours.values())) >= 3 * sum(map(bool, theirs.values()))

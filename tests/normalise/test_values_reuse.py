"""compute_values reads a date or casualty phrase once per process where its value cannot
depend on where it stands, and never where it can (منه، الشهر ذاته look back for a month)."""

from __future__ import annotations

from annotator.core.model import Document, Span
from annotator.normalise.values import compute_values


def values(text: str, phrase: str, label: str = "date", published: str = "2018-06-07") -> dict | None:
    start = text.rindex(phrase)
    document = Document(1, "t", text, "", meta={"published": published})
    span = Span("s", 1, "a", label, start, start + len(phrase), phrase)
    return compute_values(document, [span]).get("s")


def test_a_month_named_before_is_read_for_each_document_even_with_diacritics():
    assert values("قصف في 3 مايو/أيار، ثم في 25 من الشهر ذاته", "25 من الشهر ذاته") == {"iso": "2018-05-25"}
    assert values("قصف في 3 أبريل/نيسان، ثم في 25 من الشهر ذاته", "25 من الشهر ذاته") == {"iso": "2018-04-25"}
    assert values("في 3 مارس/آذار، ثم يومي 6 و14 مِنْه", "يومي 6 و14 مِنْه") == {"iso": "2018-03"}
    assert values("في 3 يناير، ثم يومي 6 و14 مِنْه", "يومي 6 و14 مِنْه") == {"iso": "2018-01"}


def test_the_same_phrase_under_another_publication_date_and_values_handed_out_are_copies():
    assert values("قصف أمس", "أمس", published="2018-06-07") == {"iso": "2018-06-06"}
    assert values("قصف أمس", "أمس", published="2019-01-01") == {"iso": "2018-12-31"}
    first = values("مقتل 5 أشخاص", "مقتل 5 أشخاص", "casualty")
    first["killed"] = 99  # a caller changing its copy changes no one else's
    assert values("مقتل 5 أشخاص", "مقتل 5 أشخاص", "casualty")["killed"] == 5

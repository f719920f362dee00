"""The governorates added to the gazetteer's supplement, checked against ISO 3166-2 as pycountry
ships it (the source the supplement names), and found in the built index with their country."""

import csv
import re
from pathlib import Path

import pycountry
import pytest

from annotator.normalise.gazetteer import match

SUPPLEMENT = Path(__file__).resolve().parents[2] / "packaging" / "gazetteer_supplement.tsv"
_CODE = re.compile(r"ISO 3166-2 ([A-Z]{2}-[A-Z0-9]{1,3})$")


def subdivision_rows() -> list[dict[str, str]]:
    with SUPPLEMENT.open(encoding="utf-8") as f:
        rows = csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")
        return [row for row in rows if _CODE.search(row["note"])]


def test_the_supplement_names_governorates_of_five_countries_at_least():
    assert {row["country"] for row in subdivision_rows()} >= {"IQ", "YE", "LB", "EG", "SA"}


@pytest.mark.parametrize("row", subdivision_rows(), ids=lambda row: row["note"].split(",")[-1].strip())
def test_each_governorate_is_an_iso_subdivision_of_its_country_by_its_english_name(row):
    code = _CODE.search(row["note"]).group(1)
    subdivision = pycountry.subdivisions.get(code=code)
    assert subdivision is not None, code
    assert subdivision.country_code == row["country"] == code[:2]
    assert row["note"].split(":")[0] == subdivision.name
    assert row["geonameid"] == "-"


@pytest.mark.parametrize(("name", "country", "english"), [
    ("الأنبار", "IQ", "Al Anbār"),
    ("ذي قار", "IQ", "Dhī Qār"),
    ("بابل", "IQ", "Bābil"),  # before Babol, the Iranian town GeoNames also calls بابل
    ("حضرموت", "YE", "Ḩaḑramawt"),
    ("البقاع", "LB", "Al Biqā‘"),
])
def test_the_built_index_reads_a_governorate_as_a_region_of_its_country(name, country, english):
    found = match(name)
    assert found is not None
    assert (found.best.kind, found.best.country, found.best.name) == ("region", country, english)

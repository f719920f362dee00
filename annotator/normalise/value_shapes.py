"""The shape a span's value must have, per label (issue 14): what every way into the store
checks, so that an export of values (the incident table above all) never meets a date that
is not one. Light on purpose: the store imports it, and opening a project should not pay for
the normalisers' grammars."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

DATE, CASUALTY, PLACE = "date", "casualty", "place"
_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_COUNTRY = re.compile(r"[A-Z]{2}")


def _is_int(value: Any) -> bool:
    return type(value) is int  # bool is an int to Python, not a count


def _is_number(value: Any) -> bool:
    return type(value) in (int, float) and value == value  # NaN is no coordinate


def _date_problem(value: dict[str, Any]) -> str | None:
    iso = value.get("iso")
    if not isinstance(iso, str):
        return f'"iso" must be a date as text (YYYY, YYYY-MM or YYYY-MM-DD), not {iso!r}'
    match = _ISO.fullmatch(iso)
    if match is None:
        return f'"iso" {iso!r} is not YYYY, YYYY-MM or YYYY-MM-DD'
    year, month, day = match.groups()
    try:
        date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return f'"iso" {iso!r} is no date in the calendar'
    return None


def _casualty_problem(value: dict[str, Any]) -> str | None:
    for key in ("killed", "injured"):
        count = value.get(key)
        if count is not None and not (_is_int(count) and count >= 0):
            return f'"{key}" must be a whole number of 0 or more, or null, not {count!r}'
    approximate = value.get("approximate")
    if approximate is not None and not isinstance(approximate, bool):
        return f'"approximate" must be true or false, not {approximate!r}'
    return None


def _place_problem(value: dict[str, Any]) -> str | None:
    name, country = value.get("name"), value.get("country")
    if name is not None and not isinstance(name, str):
        return f'"name" must be text, not {name!r}'
    if country is not None and not (isinstance(country, str) and _COUNTRY.fullmatch(country)):
        return f'"country" must be two capital letters (ISO 3166-1 alpha-2) or null, not {country!r}'
    for key, limit in (("lat", 90), ("lon", 180)):
        coordinate = value.get(key)
        if coordinate is not None and not (_is_number(coordinate) and -limit <= coordinate <= limit):
            return f'"{key}" must be a number from {-limit} to {limit}, or null, not {coordinate!r}'
    geonameid = value.get("geonameid")
    if geonameid is not None and not _is_int(geonameid):
        return f'"geonameid" must be a whole number or null, not {geonameid!r}'
    return None


_PROBLEM_OF = {DATE: _date_problem, CASUALTY: _casualty_problem, PLACE: _place_problem}


def value_problem(label: str, value: Any) -> str | None:
    """What is wrong with ``value`` as the value of a span labelled ``label``, or None. Keys
    beyond those named are allowed (a tool may add its own); a label without a known shape
    takes any JSON object."""
    if not isinstance(value, dict):
        return f"a value must be a JSON object, not {value!r}"
    check = _PROBLEM_OF.get(label)
    return None if check is None else check(value)

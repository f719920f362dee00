"""A span's normalised value in a few words, for the span table, tooltips and the Events panel."""

from __future__ import annotations

import json
import re
from typing import Any

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate


def value_summary(value: dict[str, Any] | None) -> str:
    if not value:
        return ""
    if "iso" in value:
        return str(value["iso"])
    if "killed" in value or "injured" in value:
        parts = []
        for key, word in (("killed", translate("Values", "killed")), ("injured", translate("Values", "injured"))):
            if value.get(key) is not None:
                parts.append(f"{value[key]} {word}")
        if not parts:
            parts.append(translate("Values", "a number not given"))
        if value.get("approximate"):
            parts.append(translate("Values", "approximate"))
        return " · ".join(parts)
    if "name" in value:
        return ", ".join(str(value[key]) for key in ("name", "country") if value.get(key))
    return ", ".join(f"{key}: {item}" for key, item in value.items())


_ISO_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def parse_value_text(text: str) -> dict[str, Any] | None:
    """What a person typed as a value: empty clears it, an ISO date (2018-04-19, 2018-05, 2018)
    is a date's value, anything else must be a JSON object. ValueError says what is wrong."""
    text = text.strip()
    if not text:
        return None
    if _ISO_DATE.fullmatch(text):
        return {"iso": text}
    try:
        value = json.loads(text)
    except json.JSONDecodeError as err:
        raise ValueError(translate("Values", "Not a value: %1 (write 2018-04-19 or a JSON object)")
                         .replace("%1", str(err))) from None
    if not isinstance(value, dict):
        raise ValueError(translate("Values", "A value is a JSON object, such as {\"killed\": 3}"))
    return value

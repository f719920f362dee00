"""Dates of Arabic news to ISO dates. PLACEHOLDER: the dates normaliser replaces this module."""

from __future__ import annotations

from datetime import date
from typing import Any


def publication_date(meta: dict[str, Any]) -> date | None:
    return None


def normalise_date(text: str, *, published: date | None = None, preceding_text: str = "") -> dict[str, Any] | None:
    return None

"""Place names to gazetteer entries. PLACEHOLDER: the place normaliser replaces this module."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from annotator.core.model import Event, Span


def place_values(text: str, places: Sequence[Span], events: Sequence[Event] = ()) -> dict[str, dict[str, Any]]:
    return {}


def candidates(name: str) -> list[dict[str, Any]]:
    return []

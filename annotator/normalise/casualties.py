"""Casualty phrases to counts. PLACEHOLDER: the casualty normaliser replaces this module."""

from __future__ import annotations

from typing import Any


def normalise_casualty(text: str) -> dict[str, Any] | None:
    return None

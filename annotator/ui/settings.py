"""Where the app keeps its preferences: an INI file in the user's config folder.

Tests point QSettings' IniFormat path at a temporary folder, so they never touch yours.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

MAX_RECENT = 8
# A new span longer than this many characters is asked about first (Ctrl+A and a label key
# would otherwise label a whole article); the longest span of the reference article is 40.
DEFAULT_LONG_SPAN = 500


def app_settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Annotator", "annotator")


def recent_databases(settings: QSettings) -> list[str]:
    """Recent projects, newest first, as absolute paths. Entries of older versions that were
    stored relative to the folder the app happened to start in name no file for certain:
    they are left out."""
    value = settings.value("recent_databases", [])
    if isinstance(value, str):  # QSettings gives a lone string for a one-item list
        value = [value]
    return [str(v) for v in value or [] if Path(str(v)).is_absolute()]


def remember_database(settings: QSettings, path: str | Path) -> str:
    """Put ``path`` first in the recent projects, made absolute; returns what was stored."""
    absolute = str(Path(path).expanduser().resolve())
    recent = [p for p in recent_databases(settings) if p != absolute]
    settings.setValue("recent_databases", [absolute, *recent][:MAX_RECENT])
    settings.setValue("last_database", absolute)
    return absolute


def forget_database(settings: QSettings, path: str) -> None:
    settings.setValue("recent_databases", [p for p in recent_databases(settings) if p != path])


def long_span_length(settings: QSettings) -> int:
    try:
        return max(1, int(settings.value("long_span_length", DEFAULT_LONG_SPAN)))
    except (TypeError, ValueError):
        return DEFAULT_LONG_SPAN

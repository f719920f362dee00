"""Where the app keeps its preferences: an INI file in the user's config folder.

Tests point QSettings' IniFormat path at a temporary folder, so they never touch yours.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

MAX_RECENT = 8


def app_settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Annotator", "annotator")


def recent_databases(settings: QSettings) -> list[str]:
    value = settings.value("recent_databases", [])
    if isinstance(value, str):  # QSettings gives a lone string for a one-item list
        value = [value]
    return [str(v) for v in value or []]


def remember_database(settings: QSettings, path: str) -> None:
    recent = [p for p in recent_databases(settings) if p != path]
    settings.setValue("recent_databases", [path, *recent][:MAX_RECENT])
    settings.setValue("last_database", path)

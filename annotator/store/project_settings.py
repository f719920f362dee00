"""Settings kept in the project itself (blind annotation...), shared by everyone who opens it."""

from __future__ import annotations


class SettingQueries:
    """Part of ``Store``: needs its connection and ``_write_one``."""

    def setting(self, key: str, default: str | None = None) -> str | None:
        row = self._conn.execute("SELECT value FROM project_settings WHERE key = ?", [key]).fetchone()
        return default if row is None else row[0]

    def set_setting(self, key: str, value: str) -> None:
        self._write_one("INSERT INTO project_settings (key, value) VALUES (?, ?) "
                        "ON CONFLICT (key) DO UPDATE SET value = excluded.value", [key, value])

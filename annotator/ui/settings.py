"""Where the app keeps its preferences: an INI file in the user's config folder.

Every preference is declared here once, with its type, default and meaning, and read and
written through that declaration. Tests point QSettings' IniFormat path at a temporary
folder, so they never touch yours.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from PySide6.QtCore import QSettings

from annotator.store.location import is_server_address

MAX_RECENT = 8


class Setting(NamedTuple):  # a tuple: a frozen dataclass costs 0.5 ms of start-up to define
    key: str
    type: type
    default: Any
    meaning: str

    def read(self, settings: QSettings, suffix: str = "") -> Any:
        """The stored value as ``type``; the default when absent or unreadable (an INI file
        gives back strings, and "true" for a bool)."""
        value = settings.value(self.key + suffix, None)
        if value is None or value == "":
            return self.default
        if self.type is bool:
            return value in (True, "true", "1", 1)
        if self.type is list:
            return [value] if isinstance(value, str) else list(value)  # QSettings gives a lone string for one item
        if self.type in (bytes, object):
            return value
        try:
            return self.type(value)
        except (TypeError, ValueError):
            return self.default

    def write(self, settings: QSettings, value: Any, suffix: str = "") -> None:
        settings.setValue(self.key + suffix, value)


ANNOTATOR = Setting("annotator", str, "", "the name that goes on the user's spans")
LANGUAGE = Setting("language", str, "", 'the interface language: "" as the system, "en" or "ar"')
GEOMETRY = Setting("geometry", object, None, "the window's size and place")
WINDOW_STATE = Setting("window_state/", object, None, 'docks and toolbars, per direction ("rtl", "ltr")')
LAST_DOCUMENT = Setting("last_document/", int, None, "the document last open, per project (path, / as |)")
FONT_SIZE = Setting("font_size", float, 18.0, "the article's point size")
FONT_FAMILY = Setting("font_family", str, None, "the article's font; none: the bundled Arabic font")
DARK_PALETTE = Setting("dark_palette", bool, False, "the dark palette is on")
EXACT_MODE = Setting("exact_mode", bool, False, "selections snap to letters, not whole words")
# A new span longer than this many characters is asked about first (Ctrl+A and a label key
# would otherwise label a whole article); the longest span of the reference article is 40.
LONG_SPAN_LENGTH = Setting("long_span_length", int, 500, "a new span longer than this is asked about first")
RECENT_PROJECTS = Setting("recent_databases", list, [], "recent projects, newest first, as absolute paths")
# Never a password: the connect dialog asks for it, or the system keyring keeps it.
RECENT_SERVERS = Setting("recent_servers", list, [], "recent server projects, newest first, as "
                         "postgresql://user@host:port/dbname (without the password)")

SETTINGS = (ANNOTATOR, LANGUAGE, GEOMETRY, WINDOW_STATE, LAST_DOCUMENT, FONT_SIZE, FONT_FAMILY, DARK_PALETTE,
            EXACT_MODE, LONG_SPAN_LENGTH, RECENT_PROJECTS, RECENT_SERVERS)
DEFAULT_LONG_SPAN = LONG_SPAN_LENGTH.default


def app_settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Annotator", "annotator")


def recent_databases(settings: QSettings) -> list[str]:
    """Recent projects, newest first, as absolute paths. Entries of older versions that were
    stored relative to the folder the app happened to start in name no file for certain:
    they are left out."""
    return [str(v) for v in RECENT_PROJECTS.read(settings) or [] if Path(str(v)).is_absolute()]


def remember_database(settings: QSettings, path: str | Path) -> str:
    """Put ``path`` first in the recent projects, made absolute; returns what was stored."""
    # A server's address is no file name: kept as given (str() of one never holds the password).
    absolute = str(path) if is_server_address(str(path)) else str(Path(path).expanduser().resolve())
    recent = [p for p in recent_databases(settings) if p != absolute]
    RECENT_PROJECTS.write(settings, [absolute, *recent][:MAX_RECENT])
    return absolute


def forget_database(settings: QSettings, path: str) -> None:
    RECENT_PROJECTS.write(settings, [p for p in recent_databases(settings) if p != path])


def long_span_length(settings: QSettings) -> int:
    return max(1, LONG_SPAN_LENGTH.read(settings))


def recent_servers(settings: QSettings) -> list[str]:
    """Recent server projects, newest first, as addresses without a password."""
    return [str(v) for v in RECENT_SERVERS.read(settings) or [] if "://" in str(v)]


def remember_server(settings: QSettings, address: str) -> str:
    """Put ``address`` first in the recent servers, as it is shown: a password in it is dropped
    here, whoever called. Returns what was stored."""
    from annotator.store.location import ServerAddress

    shown = str(ServerAddress(str(address)))
    recent = [a for a in recent_servers(settings) if a != shown]
    RECENT_SERVERS.write(settings, [shown, *recent][:MAX_RECENT])
    return shown

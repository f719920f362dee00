"""Preferences are declared once (key, type, default, meaning) and read typed; nothing in the
interface reads or writes a preference by a bare key."""

from __future__ import annotations

import re
from pathlib import Path

from annotator.ui import settings as prefs
from annotator.ui.settings import app_settings, long_span_length, recent_databases, remember_database

UI = Path(prefs.__file__).parent


def test_values_come_back_typed_as_an_ini_file_gives_them():
    settings = app_settings()
    settings.setValue("dark_palette", "true")  # an INI file gives strings back
    settings.setValue("font_size", "21.5")
    settings.setValue("long_span_length", "not a number")
    settings.setValue("recent_databases", "/only/one.db")  # one item comes back as a lone string
    assert prefs.DARK_PALETTE.read(settings) is True
    assert prefs.FONT_SIZE.read(settings) == 21.5
    assert prefs.LONG_SPAN_LENGTH.read(settings) == 500 == long_span_length(settings)
    assert recent_databases(settings) == ["/only/one.db"]
    settings.setValue("long_span_length", 0)
    assert long_span_length(settings) == 1
    prefs.LAST_DOCUMENT.write(settings, 7, "|tmp|p.db")
    assert prefs.LAST_DOCUMENT.read(settings, "|tmp|p.db") == 7 and prefs.LAST_DOCUMENT.read(settings, "|x") is None
    for setting in prefs.SETTINGS:
        settings.remove(setting.key.rstrip("/"))


def test_every_preference_is_declared_once_with_its_meaning_and_none_is_left_unused():
    keys = [s.key for s in prefs.SETTINGS]
    assert len(keys) == len(set(keys)) and all(s.meaning for s in prefs.SETTINGS)
    sources = {p: p.read_text(encoding="utf-8") for p in UI.rglob("*.py") if p.name != "settings.py"}
    bare = [f"{p.name}: {m.group(0)}" for p, text in sources.items()
            for m in re.finditer(r"settings\.(value|setValue)\([^)]*", text)]
    assert bare == []  # through the declarations only
    elsewhere = "\n".join(sources.values())
    names = [name for name, value in vars(prefs).items() if isinstance(value, prefs.Setting)]
    assert sorted(names) == sorted(n for n, v in vars(prefs).items() if v in prefs.SETTINGS)
    # Each is used outside its declaration (the recent projects and servers through settings.py's own helpers).
    unused = [name for name in names if name not in elsewhere and name not in ("RECENT_PROJECTS", "RECENT_SERVERS")]
    assert unused == []


def test_the_last_project_is_no_longer_written_as_nobody_reads_it(tmp_path):
    settings = app_settings()
    settings.remove("last_database")
    remember_database(settings, tmp_path / "p.db")
    assert settings.value("last_database") is None
    assert recent_databases(settings)[0] == str((tmp_path / "p.db").resolve())

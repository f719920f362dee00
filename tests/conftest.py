"""Shared fixtures. Qt runs offscreen; QSettings go to a temporary folder; the real test
corpus (the reference article, the Wojood sample) lives in tests/data, so a fresh clone tests alone."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("ANNOTATOR_DB", None)

import pytest  # noqa: E402

pytest_plugins = ["tests.server_fixture"]  # postgresql_server, server_database_url

REPO = Path(__file__).resolve().parents[1]
TEST_DATA = REPO / "tests" / "data"
REFERENCE_ARTICLE = TEST_DATA / "articles" / "000_dd904abe3b3d7368.txt"
WOJOOD_SAMPLE = TEST_DATA / "wojood-sample"


@pytest.fixture(scope="session")
def reference_path() -> Path:
    return REFERENCE_ARTICLE


@pytest.fixture(scope="session")
def reference_text(reference_path: Path) -> str:
    return reference_path.read_text(encoding="utf-8")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "project.db"


@pytest.fixture(params=["sqlite", "postgresql"])
def store_location(request, db_path: Path) -> Path | str:
    """Where a test's project lives: a project file, then a fresh database on the test server
    (tests/server_fixture.py; skipped in one line where no server can be had). Every test that
    takes ``store`` (or this) runs against both stores."""
    if request.param == "sqlite":
        return db_path
    return request.getfixturevalue("server_database_url")


@pytest.fixture
def store(store_location):
    from annotator.store import OpenMode, open_store

    with open_store(store_location, OpenMode.CREATE) as opened:
        yield opened


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path_factory, monkeypatch):
    """Keep every test's QSettings in its own folder (only where Qt is loaded)."""
    import sys

    if "PySide6.QtCore" not in sys.modules and not os.environ.get("ANNOTATOR_TEST_QT"):
        yield None
        return
    from PySide6.QtCore import QSettings

    folder = tmp_path_factory.mktemp("settings")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture(autouse=True)
def collect_between_tests():
    """Once a window has run a worker, the app collects cyclic garbage from a timer on its own
    thread (annotator.ui.main_thread_gc); tests that run no event loop would never see it run,
    so each test's garbage is collected here, on the main thread, as the timer would."""
    import gc

    yield
    if not gc.isenabled():
        gc.collect()

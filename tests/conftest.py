"""Shared fixtures. Qt runs offscreen; QSettings go to a temporary folder; the real test
corpus (the reference article, the Wojood sample) lives in tests/data, so a fresh clone tests alone."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("ANNOTATOR_DB", None)

import pytest  # noqa: E402

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


@pytest.fixture
def store(db_path: Path):
    from annotator.store import Store

    with Store.open(db_path) as opened:
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

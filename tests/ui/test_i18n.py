"""The Arabic interface: a complete, current catalogue, and a window that speaks it."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMenu

from annotator.ui.i18n import apply_language
from tests.ui.conftest import open_window

REPO = Path(__file__).resolve().parents[2]
TS = REPO / "annotator" / "resources" / "translations" / "annotator_ar.ts"


def catalogue(path: Path) -> dict[tuple[str, str], tuple[str, str]]:
    root = ET.parse(path).getroot()
    out = {}
    for context in root.iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            out[(context.findtext("name"), message.findtext("source"))] = (
                translation.text or "", translation.get("type", ""))
    return out


def test_every_string_is_translated():
    entries = catalogue(TS)
    assert len(entries) > 100
    untranslated = [key for key, (text, kind) in entries.items()
                    if not text or kind in ("unfinished", "obsolete", "vanished")]
    assert untranslated == []


def test_the_catalogue_matches_the_source(tmp_path):
    """Run lupdate on the code: a string added or changed without updating the .ts fails here."""
    fresh = tmp_path / "fresh.ts"
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    # The formats' titles are marked in annotator/formats (QT_TRANSLATE_NOOP, no Qt import there).
    sources = sorted(str(p) for folder in ("ui", "formats") for p in (REPO / "annotator" / folder).rglob("*.py"))
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    assert set(catalogue(fresh)) == set(catalogue(TS))
    qm = tmp_path / "fresh.qm"
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), str(TS), "-qm", str(qm)], check=True, capture_output=True)
    assert qm.read_bytes() == (TS.with_suffix(".qm")).read_bytes(), "run pyside6-lrelease: the .qm is stale"


@pytest.fixture
def arabic(qapp):
    apply_language(qapp, "ar")
    yield
    apply_language(qapp, "en")


def shown_texts(window) -> list[str]:
    texts = [window.windowTitle()]
    for action in window.findChildren(type(window.undo_action)):
        texts += [action.text(), action.toolTip()]
    texts += [menu.title() for menu in window.findChildren(QMenu)]
    texts += [label.text() for label in window.findChildren(QLabel)]
    texts += [window.documents_dock.windowTitle(), window.spans_dock.windowTitle()]
    for model in (window.span_model, window.documents):
        texts += [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    return [t for t in texts if t]


def test_the_arabic_window_mirrors_and_shows_no_english(qtbot, project, arabic, tmp_path):
    window = open_window(qtbot, project)
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    english = {source for (_, source), (text, _) in catalogue(TS).items() if text != source}
    untranslated = [t for t in shown_texts(window) if t in english or t.replace("&", "") in english]
    assert untranslated == []
    assert window.menuBar().actions()[0].text() == "&ملف"
    assert window.view.document().defaultTextOption().textDirection() == Qt.LayoutDirection.RightToLeft
    # Docks mirror too: the document list sits on the left in Arabic, on the right in English.
    assert window.dockWidgetArea(window.documents_dock) == Qt.DockWidgetArea.LeftDockWidgetArea
    assert window.documents_dock.geometry().center().x() < window.view.mapTo(window, window.view.rect().center()).x()
    window.grab().save(str(tmp_path / "arabic.png"))

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor

from annotator.formats.importer import import_paths
from annotator.store import Store
from annotator.ui.main_window import MainWindow
from annotator.ui.resources import load_fonts, sample_article_path
from annotator.ui.settings import app_settings
from tests.arabic_samples import CRLF, DIACRITICS, EMOJI

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items):
    """Every test in this folder drives Qt widgets: `-m "not gui"` leaves them out."""
    for item in items:
        if HERE in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.gui)


def open_window(qtbot, db_path, annotator="alice") -> MainWindow:
    load_fonts()
    settings = app_settings()
    settings.setValue("annotator", annotator)
    store = Store.open(db_path)
    window = MainWindow(store, annotator, settings)
    qtbot.addWidget(window)
    window.resize(1300, 900)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # window shortcuts need an active window
    window.destroyed.connect(store.close)
    return window


@pytest.fixture
def project(tmp_path, reference_path):
    """A project with the reference article first, then tricky texts, then the sample."""
    db = tmp_path / "project.db"
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "a_diacritics.txt").write_text(DIACRITICS + "\nوأوضح الوكيل للجزيرة أن", encoding="utf-8")
    (extra / "b_emoji.txt").write_text(EMOJI, encoding="utf-8")
    (extra / "c_crlf.txt").write_bytes(CRLF.encode("utf-8"))
    with Store.open(db) as store:
        import_paths(store, [reference_path, extra, sample_article_path()], annotator="alice")
    return db


@pytest.fixture
def window(qtbot, project):
    return open_window(qtbot, project)


def caret_point(view, cp: int) -> QPoint:
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.mapping.to_qt(cp))
    rect = view.cursorRect(cursor)
    return QPoint(rect.x(), rect.center().y())


def drag(qtbot, view, start: int, end: int, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """Drag with the mouse from just inside the first letter to just inside the last one
    (right to left on screen, as an annotator does in Arabic)."""
    viewport = view.viewport()
    a, b = caret_point(view, start), caret_point(view, end)
    a.setX(a.x() - 1)  # a medial letter can be two pixels wide
    b.setX(b.x() + 1)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, modifier, a)
    qtbot.mouseMove(viewport, b)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, modifier, b)


def click(qtbot, view, cp: int) -> None:
    point = caret_point(view, cp)
    point.setX(point.x() - 3)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def open_by_title(window, prefix: str) -> None:
    doc = next(r for r in window.documents.rows if r.title.startswith(prefix))
    window.open_document(doc.id)


def type_text_key(widget, char: str) -> None:
    """A key press carrying ``char`` as text, as an Arabic keyboard layout delivers ١..٥
    (QTest cannot type characters outside Latin-1)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, ord(char), Qt.KeyboardModifier.NoModifier, char))

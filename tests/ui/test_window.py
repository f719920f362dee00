"""The window around the article: tooltips, first run, settings, menus."""

import json
import sqlite3

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QToolTip

from annotator.ui.resources import sample_article_path
from tests.ui.conftest import caret_point, drag, open_window


def test_tooltip_lists_every_span_under_the_pointer(qtbot, window):
    view, text = window.view, window.workspace.document.text
    outer = text.index("مركز الإعلام الأمني العراقي")
    inner = text.index("الإعلام")
    drag(qtbot, view, outer, outer + len("مركز الإعلام الأمني العراقي"))
    qtbot.keyClick(view, "5")
    drag(qtbot, view, inner, inner + len("الإعلام"))
    qtbot.keyClick(view, "2")
    point = caret_point(view, inner + 3)
    event = QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    QApplication.sendEvent(view.viewport(), event)
    assert "source by alice" in QToolTip.text() and "place by alice: الإعلام" in QToolTip.text()


def test_an_empty_project_offers_the_sample_article(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path / "empty.db")
    assert window.stack.currentIndex() == 0 and window.workspace.document is None
    qtbot.mouseClick(window.sample_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentIndex() == 1
    sample = sample_article_path().read_text(encoding="utf-8")
    assert window.workspace.document.text == sample
    assert window.view.toPlainText() == window.workspace.document.text


def test_the_bundled_sample_is_the_reference_article(reference_path):
    """The README's screenshots show the reference article: the sample is that file, byte for byte."""
    assert sample_article_path().read_bytes() == reference_path.read_bytes()


def test_zoom_layout_and_last_document_are_remembered(qtbot, project):
    window = open_window(qtbot, project)
    size = window.view.point_size
    qtbot.keyClick(window.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.view.point_size > size
    window.documents_dock.hide()
    qtbot.keyClick(window.view, Qt.Key.Key_PageDown)
    second = window.workspace.document.id
    window.close()
    again = open_window(qtbot, project)
    assert again.view.point_size == window.view.point_size
    assert again.workspace.document.id == second
    assert not again.documents_dock.isVisible()
    qtbot.keyClick(again.view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert again.view.point_size == size


def test_status_filter_and_document_list_follow_labelling(qtbot, window):
    view, text = window.view, window.workspace.document.text
    at = text.index("سوريا")
    drag(qtbot, view, at, at + 5)
    qtbot.keyClick(view, "2")
    window.status_filter.setCurrentIndex(window.status_filter.findData("in_progress"))
    assert window.documents_filter.rowCount() == 1
    window.status_filter.setCurrentIndex(window.status_filter.findData("new"))
    assert window.documents_filter.rowCount() == len(window.documents.rows) - 1
    # Clicking a row opens that document.
    index = window.documents_filter.index(0, 0)
    rect = window.document_table.visualRect(index)
    qtbot.mouseClick(window.document_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.workspace.document.id == window.documents_filter.mapToSource(index).row() + 1


def test_span_list_click_selects_the_span_in_the_article(qtbot, window):
    view, text = window.view, window.workspace.document.text
    for words, key in (("قصفت", "1"), ("سوريا", "2")):
        at = text.index(words)
        drag(qtbot, view, at, at + len(words))
        qtbot.keyClick(view, key)
    rect = window.span_table.visualRect(window.span_model.index(1, 1))
    qtbot.mouseClick(window.span_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.selected_span().text == "سوريا"


def test_export_from_the_file_menu(qtbot, window, tmp_path, monkeypatch):
    view, text = window.view, window.workspace.document.text
    at = text.index("قصفت")
    drag(qtbot, view, at, at + 4)
    qtbot.keyClick(view, "1")
    target = tmp_path / "out.jsonl"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.export_actions["jsonl"].trigger()
    lines = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert any(s["text"] == "قصفت" and s["label"] == "event" for d in lines for s in d["spans"])


def test_import_from_the_file_menu_refuses_bad_files_whole(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "نص جيد"}\n{broken\n', encoding="utf-8")
    shown = []
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(bad)], ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    before = len(window.documents.rows)
    window.import_files_action.trigger()
    assert shown and "bad.jsonl:2" in shown[0] and "Nothing was imported" in shown[0]
    assert len(window.documents.rows) == before
    good = tmp_path / "good.txt"
    good.write_text("خبر جديد عن الموصل", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(good)], ""))
    window.import_files_action.trigger()
    assert len(window.documents.rows) == before + 1


def test_a_write_the_database_refuses_is_reported_and_can_be_retried(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    view, text = window.view, window.workspace.document.text
    at = text.index("قصفت")
    # Another process holds the write lock for longer than we wait for it (a writer waits up
    # to lock_wait, a quarter of an hour by default, for an import to finish).
    blocker = sqlite3.connect(window.workspace.store.path, isolation_level=None)  # the other program
    blocker.execute("BEGIN IMMEDIATE")
    window.workspace.store.lock_wait = 0.05  # SQLite's own wait is never longer than the whole
    shown = []

    def cancel(parent, title, text, buttons, default):
        shown.append(text)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "warning", cancel)
    drag(qtbot, view, at, at + 4)
    qtbot.keyClick(view, "1")
    assert shown and "locked" in shown[0]
    assert len(window.workspace.spans) == 0 and not window.workspace.undo_stack.canUndo()
    assert "Not saved" in window.statusBar().currentMessage()

    def release_and_retry(parent, title, text, buttons, default):
        shown.append(text)
        blocker.execute("ROLLBACK")  # the other process lets go
        return QMessageBox.StandardButton.Retry

    monkeypatch.setattr(QMessageBox, "warning", release_and_retry)
    qtbot.keyClick(view, "1")  # the selection is still there
    blocker.close()
    assert len(shown) == 2
    assert [s.text for s in window.workspace.store.spans_for(window.workspace.document.id)] == ["قصفت"]
    assert window.workspace.undo_stack.canUndo()


def test_every_export_format_is_in_the_file_menu(qtbot, window, tmp_path, monkeypatch):
    view, text = window.view, window.workspace.document.text
    at = text.index("للجزيرة")
    drag(qtbot, view, at + 2, at + len("للجزيرة"), Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(view, "2")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path / "brat"))
    window.export_actions["brat"].trigger()
    assert len(list((tmp_path / "brat").glob("*.ann"))) == len(window.documents.rows)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "out.conll"), ""))
    window.export_actions["conll"].trigger()
    assert "جزيرة" not in (tmp_path / "out.conll").read_text(encoding="utf-8").split()  # widened to للجزيرة
    assert "1 span(s) widened" in window.statusBar().currentMessage()
    assert set(window.export_actions) == {"jsonl", "csv", "conll", "spacy", "hf", "doccano", "labelstudio", "brat",
                                          "events"}

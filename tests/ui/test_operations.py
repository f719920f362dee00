"""The operation wrapper: Retry when the store refuses a write (undo and redo included), and
long work on a worker thread whose Cancel stores nothing while the window keeps running."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox, QPushButton

from annotator.store import Store
from tests.ui.conftest import drag


def lock_project(window):
    """Another program holds the write lock; our store waits for it only briefly."""
    blocker = sqlite3.connect(window.workspace.store.path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    window.workspace.store.lock_wait = 0.05  # SQLite's own wait is never longer than the whole
    return blocker


def stored_texts(window):
    with Store.open(window.workspace.store.path) as store:
        return [s.text for s in store.spans_for(window.workspace.document.id)]


def answer_warnings(monkeypatch, answer, then=None):
    shown = []

    def warning(parent, title, text, buttons=None, default=None):
        shown.append(text)
        if then is not None:
            then()
        return answer

    monkeypatch.setattr(QMessageBox, "warning", warning)
    return shown


def test_an_undo_the_store_refuses_leaves_the_stack_and_the_database_in_step(qtbot, window, monkeypatch):
    view, text = window.view, window.workspace.document.text
    at = text.index("قصفت")
    drag(qtbot, view, at, at + 4)
    qtbot.keyClick(view, "1")
    stack = window.workspace.undo_stack
    assert stack.index() == 1 and stored_texts(window) == ["قصفت"]
    assert window.undo_action.text().startswith("Undo ") and window.undo_action.isEnabled()

    blocker = lock_project(window)
    shown = answer_warnings(monkeypatch, QMessageBox.StandardButton.Cancel)
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert shown and "locked" in shown[0]
    assert stack.index() == 1 and len(window.workspace.spans) == 1  # nothing moved...
    blocker.execute("ROLLBACK")
    assert stored_texts(window) == ["قصفت"]  # ...and nothing was undone on disk
    assert "Not saved" in window.statusBar().currentMessage()

    blocker.execute("BEGIN IMMEDIATE")
    shown = answer_warnings(monkeypatch, QMessageBox.StandardButton.Retry, then=lambda: blocker.execute("ROLLBACK"))
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # refused, retried once released
    assert len(shown) == 1 and stack.index() == 0 and len(window.workspace.spans) == 0
    assert stored_texts(window) == []

    blocker.execute("BEGIN IMMEDIATE")
    shown = answer_warnings(monkeypatch, QMessageBox.StandardButton.Cancel)
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert shown and stack.index() == 0 and len(window.workspace.spans) == 0  # a refused redo: the same
    blocker.execute("ROLLBACK")
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert stack.index() == 1 and stored_texts(window) == ["قصفت"]
    blocker.close()


def test_an_import_runs_on_a_worker_and_cancel_stores_nothing(qtbot, window, tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(5):
        (folder / f"{number}.txt").write_text(f"خبر رقم {number} عن الموصل", encoding="utf-8")
    before = window.workspace.store.document_count()
    document = window.workspace.document.id
    # The worker waits for another program's write lock, so the dialog is up for as long as we need.
    blocker = sqlite3.connect(window.workspace.store.path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    ticks, seen = [], {}
    ticker = QTimer()
    ticker.timeout.connect(lambda: ticks.append(1))

    def while_it_runs():
        qtbot.waitUntil(lambda: window.operations.progress is not None and window.operations.progress.isVisible(),
                        timeout=5000)
        progress = window.operations.progress
        seen["label"] = progress.labelText()
        ticker.start(10)
        qtbot.waitUntil(lambda: len(ticks) >= 5)  # the UI thread's events keep flowing meanwhile
        seen["worker running"] = window.operations.worker.isRunning()
        cancel = next(b for b in progress.findChildren(QPushButton) if b.text() == "Cancel")
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
        blocker.execute("ROLLBACK")  # the other program finishes; the worker starts and is stopped

    QTimer.singleShot(0, while_it_runs)
    window.files.import_paths([folder])
    ticker.stop()
    blocker.close()
    assert seen == {"label": "Importing…", "worker running": True}
    assert window.operations.worker is None
    assert window.workspace.store.document_count() == before and len(window.documents.rows) == before
    assert window.workspace.document.id == document
    assert "nothing was stored" in window.statusBar().currentMessage()
    window.files.import_paths([folder])  # not cancelled: all five arrive, and the list shows them
    assert window.workspace.store.document_count() == before + 5 == len(window.documents.rows)


def test_an_import_failure_on_the_worker_is_reported_on_the_window(qtbot, window, tmp_path, monkeypatch):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "نص جيد"}\n{broken\n', encoding="utf-8")
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append((title, text)))
    before = window.workspace.store.document_count()
    window.files.import_paths([bad])
    assert shown[0][0] == "Import failed" and "bad.jsonl:2" in shown[0][1]
    assert window.workspace.store.document_count() == before


def test_a_merge_runs_on_a_worker_and_cancel_stores_nothing(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    other = tmp_path / "bob.db"
    with Store.open(other) as store:
        for number in range(5):
            doc, _ = store.add_document(f"خبر رقم {number} عن الموصل", f"bob {number}")
            store.ensure_annotator("bob")
            store.create_span(doc.id, "bob", "place", 11, 17)
    before = window.workspace.store.document_count()
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(other)], ""))
    blocker = sqlite3.connect(window.workspace.store.path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # the merge waits for this write lock: its dialog stays up

    def cancel_button():
        progress = window.operations.progress
        if progress is None or not progress.isVisible():
            return None
        return next((b for b in progress.findChildren(QPushButton) if b.text() == "Cancel"), None)

    # A merge runs two steps, each in its own nested event loop: a waiting callback would keep
    # the first loop from returning, so a timer looks for the merge's Cancel button and returns.
    clicked = []

    def look_for_cancel():
        button = cancel_button()
        if button is not None and not clicked:
            clicked.append(button.text())
            button.click()
            blocker.execute("ROLLBACK")

    poller = QTimer()
    poller.timeout.connect(look_for_cancel)
    poller.start(20)
    window.merge_action.trigger()
    poller.stop()
    blocker.close()
    assert clicked == ["Cancel"]
    assert window.workspace.store.document_count() == before
    assert "nothing was stored" in window.statusBar().currentMessage()
    window.merge_action.trigger()  # not cancelled: bob's five documents arrive
    assert window.workspace.store.document_count() == before + 5


def test_the_agreement_dashboard_computes_on_a_worker_and_cancel_opens_nothing(qtbot, window):
    store = window.workspace.store
    for number in range(600):
        doc, _ = store.add_document(f"قصفت الطائرات مدينة الموصل يوم {number}", f"doc {number}")
        for annotator, label in (("alice", "place"), ("bob", "event")):
            store.ensure_annotator(annotator)
            store.create_span(doc.id, annotator, label, 14, 26)
    clicked = []

    def look_for_cancel():
        progress = window.operations.progress
        button = progress and next((b for b in progress.findChildren(QPushButton) if b.text() == "Cancel"), None)
        if button is not None and not clicked:
            clicked.append(button.text())
            button.click()

    poller = QTimer()
    poller.timeout.connect(look_for_cancel)
    poller.start(5)
    assert window.review.agreement_figures() is None
    poller.stop()
    assert clicked == ["Cancel"]
    assert "nothing was stored" in window.statusBar().currentMessage()
    annotators, rows = window.review.agreement_figures()  # not cancelled: the figures arrive
    assert annotators == ["alice", "bob"] and rows

"""Every change the window makes goes through ``Operations``: one guard with Retry, one error
dialog, a status-bar message on success, and long work on a worker thread behind a progress
dialog whose Cancel rolls the work back.

SQLite connections belong to the thread that opened them, so background work is handed the
project's path and opens (and closes) its own store; the window re-reads once it is done.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThread, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QStatusBar, QWidget

from annotator.core.errors import AnnotatorError
from annotator.store import ConflictError, OpenMode, PermissionRefused, open_store
from annotator.ui.dialogs import message_box, progress_dialog
from annotator.ui.main_thread_gc import collect_on_the_ui_thread

# Every error of ours (the store's, a reader's, a merge's) derives from AnnotatorError.
WRITE_ERRORS = (AnnotatorError, OSError)
# The window's words keep the window's translation context (and its Arabic catalogue entries).
translate = QCoreApplication.translate
Progress = Callable[[int, int, str], None]


class Cancelled(Exception):
    """Raised inside background work when the user pressed Cancel; the work's transaction
    rolls back on it, so nothing is stored."""


class _Worker(QThread):
    progressed = Signal(int, int, str)

    def __init__(self, path: Path, mode: OpenMode, work: Callable[[Any, Progress], Any]):
        super().__init__()
        self.path, self.mode, self.work = path, mode, work
        self.cancel = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None

    def check(self, done: int, total: int, note: str = "") -> None:
        if self.cancel.is_set():
            raise Cancelled()
        self.progressed.emit(done, total, note)

    def run(self) -> None:
        try:
            store = open_store(self.path, self.mode)
        except BaseException as err:  # noqa: BLE001 - handed to the UI thread, which reports it
            self.error = err
            return
        try:
            # A cancel while waiting for another program's write lock ends the wait too.
            store.on_wait = lambda _message: self.check(0, 0)
            self.result = self.work(store, self.check)
        except BaseException as err:  # noqa: BLE001
            self.error = err
        finally:
            store.close()


class Operations(QObject):
    """Runs the window's changes; knows the dialogs' parent, the status bar and the undo stack."""

    # A change refused because another client changed the same record since it was read: the
    # window re-reads, to show what is there now.
    conflicted = Signal()

    def __init__(self, parent: QWidget, status_bar: QStatusBar, undo_stack: QUndoStack):
        super().__init__(parent)
        self.parent_widget = parent
        self.status_bar = status_bar
        self.undo_stack = undo_stack
        self.worker: _Worker | None = None
        self.progress = None  # the QProgressDialog of the work under way

    def tell(self, message: str, milliseconds: int = 3000) -> None:
        self.status_bar.showMessage(message, milliseconds)

    def fail(self, title: str, message: str) -> None:
        message_box().warning(self.parent_widget, title, message)

    def run(self, change: Callable[[], Any], success: str | None = None) -> bool:
        """Run a change. If the database refuses it (another process holds it past the busy
        timeout, the disk is full, the connection to the server was lost), say so and offer to
        try again; a refusal trying again cannot change (the server's roles, another client's
        newer record) is said with OK only. The change is never shown as made unless it is
        stored, and never dropped without the user knowing."""
        while True:
            try:
                change()
            except ConflictError as err:  # trying again would meet the same newer record: look first
                message_box().warning(self.parent_widget, translate("MainWindow", "Changed by someone else"),
                                      translate("MainWindow", "The change was not made: %1").replace("%1", str(err)))
                self.tell(translate("MainWindow", "Not saved: changed by someone else meanwhile"), 8000)
                self.conflicted.emit()
                return False
            except PermissionRefused as err:  # the server's roles decide; trying again cannot change them
                message_box().warning(self.parent_widget, translate("MainWindow", "Could not save"),
                                      translate("MainWindow", "The change was not made: %1").replace("%1", str(err)),
                                      message_box().StandardButton.Ok)
                self.tell(translate("MainWindow", "Not saved: %1").replace("%1", str(err)), 8000)
                return False
            except WRITE_ERRORS as err:
                button = message_box().StandardButton
                answer = message_box().warning(
                    self.parent_widget, translate("MainWindow", "Could not save"),
                    translate("MainWindow", "The change was not saved: %1\n\nTry again?").replace("%1", str(err)),
                    button.Retry | button.Cancel, button.Retry)
                if answer != button.Retry:
                    self.tell(translate("MainWindow", "Not saved: %1").replace("%1", str(err)), 8000)
                    return False
                continue
            if success:
                self.tell(success, 5000)
            return True

    # -- undo and redo: the stack moves only once the store has taken the change --

    def undo(self) -> None:
        stack = self.undo_stack
        if not stack.canUndo():
            return
        command = stack.command(stack.index() - 1)
        if self.run(command.revert):
            command.skip_next_undo = True
            stack.undo()

    def redo(self) -> None:
        stack = self.undo_stack
        if not stack.canRedo():
            return
        command = stack.command(stack.index())
        if self.run(command.apply):
            command.skip_next_redo = True
            stack.redo()

    # -- long work ---------------------------------------------------------------

    def run_in_background(self, text: str, path: Path, work: Callable[[Any, Progress], Any],
                          mode: OpenMode = OpenMode.WRITE, cancellable: bool = True) -> tuple[bool, Any]:
        """Run ``work(store, progress)`` on a worker thread with its own store at ``path``, behind
        a progress dialog, the window's events still flowing. Returns (finished, result):
        (False, None) when cancelled. An error of the work is raised here, on the UI thread."""
        worker = _Worker(path, mode, work)
        cancel_text = translate("MainWindow", "Cancel") if cancellable else ""
        progress = progress_dialog()(text, cancel_text, 0, 0, self.parent_widget)
        if not cancellable:
            progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.setAutoReset(False)
        progress.setAutoClose(False)

        def moved(done: int, total: int, note: str) -> None:
            if note:
                progress.setLabelText(note)
            progress.setMaximum(total)
            progress.setValue(done)

        def cancel() -> None:
            worker.cancel.set()
            progress.setLabelText(translate("MainWindow", "Cancelling…"))

        # Queued: a plain function has no thread of its own, and would otherwise run on the
        # worker's thread, touching the dialog from there.
        worker.progressed.connect(moved, Qt.ConnectionType.QueuedConnection)
        progress.canceled.connect(cancel)
        loop = QEventLoop()
        worker.finished.connect(loop.quit)
        self.worker, self.progress = worker, progress
        collect_on_the_ui_thread(QCoreApplication.instance())  # never from the worker (main_thread_gc)
        worker.start()
        loop.exec()  # the worker's finished signal is queued to this thread: it ends this loop
        worker.wait()
        progress.close()
        progress.deleteLater()
        self.worker = self.progress = None
        if isinstance(worker.error, Cancelled):
            self.tell(translate("MainWindow", "Cancelled: nothing was stored."), 5000)
            return False, None
        if worker.error is not None:
            raise worker.error
        return True, worker.result

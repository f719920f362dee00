"""Other clients' changes shown as they are committed, without F5 (a project on a server).

The store's ``ChangeListener`` keeps a connection of its own that listens for the ids of documents
others changed. A ``QSocketNotifier`` on that connection's socket wakes the UI thread when the
server has sent something (no polling); the open document is then re-read and what
differs shown span by span (``Workspace.take_stored_changes``), so the selection, the scroll
position and the undo stack stay. The document list, which may be long, is re-read at most once
a second. A lost listening connection is reconnected with growing pauses, and once back the
window catches up on whatever it missed meanwhile."""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSocketNotifier, QTimer, Signal
from PySide6.QtWidgets import QMainWindow

from annotator.core.errors import AnnotatorError
from annotator.store.server.notifications import ChangeListener, Changes

translate = QCoreApplication.translate
LIST_EVERY_MS = 1000  # the document list is re-read at most this often
RECONNECT_MS = (250, 1000, 2000, 5000, 10000)  # pauses between attempts once the listener is lost


class LiveChanges(QObject):
    """Keeps one window's open document and document list up to date with the server."""

    reconnected = Signal(object)  # None, or the error that kept the listener away (from its thread)

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self.workspace = window.workspace
        self.listener = ChangeListener.for_store(self.workspace.store)
        self.notifier: QSocketNotifier | None = None
        self.attempts = 0
        self.list_timer = QTimer(self)
        self.list_timer.setSingleShot(True)
        self.list_timer.setInterval(LIST_EVERY_MS)
        self.list_timer.timeout.connect(self._reload_list)
        self.reconnect_timer = QTimer(self)
        self.reconnect_timer.setSingleShot(True)
        self.reconnect_timer.timeout.connect(self._reconnect)
        self.reconnected.connect(self._reconnect_done)
        self.stopped = False
        window.destroyed.connect(self.listener.close)
        window.installEventFilter(self)  # a closed window (another project opened in its place) stops listening
        self._watch()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.stop()
        return False

    def stop(self) -> None:
        self.stopped = True
        self._unwatch()
        self.reconnect_timer.stop()
        self.list_timer.stop()
        self.listener.close()

    def _watch(self) -> None:
        self.notifier = QSocketNotifier(self.listener.fileno(), QSocketNotifier.Type.Read, self)
        self.notifier.activated.connect(self._readable)

    def _unwatch(self) -> None:
        if self.notifier is not None:
            self.notifier.setEnabled(False)
            self.notifier.deleteLater()
            self.notifier = None

    def _readable(self) -> None:
        try:
            changes = self.listener.drain()
        except AnnotatorError as err:
            self._lost(err)
            return
        if changes:
            self.show(changes)

    def show(self, changes: Changes) -> None:
        """Re-read what ``changes`` touch: the open document now, the list soon."""
        document = self.workspace.document
        try:
            if document is not None and document.id in changes.documents:
                self.workspace.take_stored_changes()
        except AnnotatorError as err:  # the window's own connection is down too: its next action says so
            self.window.statusBar().showMessage(str(err), 8000)
        if changes.document_list or changes.documents - {document.id if document else None}:
            if not self.list_timer.isActive():
                self.list_timer.start()

    def _reload_list(self) -> None:
        documents = self.window.documents
        try:
            fresh = self.workspace.store.document_summaries(self.workspace.annotator)
        except AnnotatorError as err:
            self.window.statusBar().showMessage(str(err), 8000)
            return
        if fresh == documents.rows:
            return
        had_none = not documents.rows
        documents.reload()
        document = self.workspace.document
        row = documents.row_of(document.id) if document is not None else None
        if row is not None:  # the list was reset: the open document stays the chosen row
            index = self.window.documents_filter.mapFromSource(documents.index(row, 0))
            if index.isValid():
                self.window.document_table.selectRow(index.row())
        self.window._show_document_position()
        if had_none and documents.rows:
            self.window.files.documentsArrived.emit()  # a project that had no documents opens its first

    # -- the listening connection lost and found again --

    def _lost(self, err: AnnotatorError) -> None:
        self._unwatch()
        self.window.statusBar().showMessage(
            translate("MainWindow", "Live updates paused (%1); reconnecting…").replace("%1", str(err)), 8000)
        self.reconnect_timer.start(RECONNECT_MS[min(self.attempts, len(RECONNECT_MS) - 1)])
        self.attempts += 1

    def _reconnect(self) -> None:
        # On a thread: a server behind a cut network keeps a connect waiting for seconds, and the
        # window must not freeze meanwhile. The result comes back queued, to the UI thread.
        def attempt() -> None:
            try:
                self.listener.connect()
            except AnnotatorError as err:
                self.reconnected.emit(err)
                return
            self.reconnected.emit(None)

        threading.Thread(target=attempt, name="live-changes-reconnect", daemon=True).start()

    def _reconnect_done(self, err: AnnotatorError | None) -> None:
        if self.stopped:
            self.listener.close()
            return
        if err is not None:
            self._lost(err)
            return
        self.attempts = 0
        self._watch()
        # What others did while nobody listened was not heard: catch up on all of it.
        document = self.workspace.document
        self.show(Changes(frozenset({document.id}) if document else frozenset(), True))
        self.window.statusBar().showMessage(translate("MainWindow", "Live updates resumed."), 3000)


def watch_changes(window: QMainWindow) -> LiveChanges | None:
    """Start showing other clients' changes in ``window``; None (and a word in the status bar)
    when the server cannot be listened to: the window still works, with View ▸ Refresh."""
    try:
        window.live_changes = LiveChanges(window)
    except AnnotatorError as err:
        window.statusBar().showMessage(
            translate("MainWindow", "No live updates: %1").replace("%1", str(err)), 8000)
        return None
    return window.live_changes

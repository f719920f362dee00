"""Document ▸ Progress: how many documents are done, in progress and new for the annotator at
the window, and in review mode for every annotator of the project (read from the store's
statuses as the document list reads them)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import DONE, IN_PROGRESS, NEW
from annotator.ui.bidi_delegate import BidiDelegate, interface_sentence
from annotator.ui.document_list import status_names
from annotator.ui.workspace import Workspace

STATUS_ORDER = (DONE, IN_PROGRESS, NEW)


def share(done: int, total: int) -> str:
    return f"{round(100 * done / total)}%" if total else "–"


class ProgressSummary(QDialog):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Progress"))
        store = workspace.store
        self.counts = store.status_counts()
        total = store.document_count()
        mine = self.counts.get(workspace.annotator, {NEW: total, IN_PROGRESS: 0, DONE: 0})
        self.headline = QLabel(interface_sentence(
            self.tr("%1: %2 done, %3 in progress, %4 new, of %5 documents"), workspace.annotator,
            *(str(mine[status]) for status in STATUS_ORDER), str(total)), self)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(mine[DONE])
        self.bar.setFormat(self.tr("%v of %m done"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.bar)
        self.table: QTableWidget | None = None
        if workspace.review_mode:
            layout.addWidget(QLabel(self.tr("Every annotator of the project:"), self))
            self.table = self._annotator_table(store, total)
            layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 380 if self.table else 140)

    def _annotator_table(self, store, total: int) -> QTableWidget:
        names = status_names()
        roles = {annotator.name: annotator.role for annotator in store.annotators()}
        table = QTableWidget(len(self.counts), 6, self)
        table.setHorizontalHeaderLabels([self.tr("Annotator"), self.tr("Role"), names[DONE], names[IN_PROGRESS],
                                         names[NEW], self.tr("Share done")])
        for row, (name, counts) in enumerate(self.counts.items()):
            cells = [name, roles.get(name, ""), *(str(counts[s]) for s in STATUS_ORDER), share(counts[DONE], total)]
            for column, text in enumerate(cells):
                table.setItem(row, column, QTableWidgetItem(text))
        table.setItemDelegate(BidiDelegate(table))
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        return table


def show_progress(window) -> None:
    ProgressSummary(window.workspace, window).exec()

"""The project's documents: title, number of spans and status, filterable by status."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt

from annotator.core.model import DONE, IN_PROGRESS, NEW
from annotator.store import DocumentSummary
from annotator.ui.tooltips import plain_tooltip
from annotator.ui.workspace import Workspace


def status_names(reviewing: bool = False) -> dict[str, str]:
    """How a status reads: an annotator's new / in progress / done, a reviewer's to review / reviewed."""
    from PySide6.QtCore import QCoreApplication

    if reviewing:
        to_review = QCoreApplication.translate("DocumentList", "to review")
        return {NEW: to_review, IN_PROGRESS: to_review, DONE: QCoreApplication.translate("DocumentList", "reviewed")}
    return {NEW: QCoreApplication.translate("DocumentList", "new"),
            IN_PROGRESS: QCoreApplication.translate("DocumentList", "in progress"),
            DONE: QCoreApplication.translate("DocumentList", "done")}


class DocumentListModel(QAbstractTableModel):
    def __init__(self, workspace: Workspace):
        super().__init__()
        self.workspace = workspace
        self.rows: list[DocumentSummary] = []
        self.reload()
        workspace.documentsChanged.connect(self.reload)
        workspace.statusChanged.connect(self.refresh_document)
        workspace.spanAdded.connect(self._current_changed)
        workspace.spanRemoved.connect(self._current_changed)

    def reload(self) -> None:
        self.beginResetModel()
        self.rows = self.workspace.store.document_summaries(self.workspace.annotator)
        self._row_of = {r.id: i for i, r in enumerate(self.rows)}  # looked up on every labelling action
        self.endResetModel()

    def _current_changed(self, *_: object) -> None:
        if self.workspace.document is not None:
            self.refresh_document(self.workspace.document.id)

    def refresh_document(self, document_id: int) -> None:
        """Re-read one row (its span count and status), not the whole list."""
        row = self.row_of(document_id)
        if row is None:
            return
        old = self.rows[row]
        is_open = self.workspace.document is not None and self.workspace.document.id == document_id
        count = len(self.workspace.spans) if is_open else old.span_count
        status = self.workspace.store.status(document_id, self.workspace.annotator)
        self.rows[row] = DocumentSummary(old.id, old.title, old.source, old.length, count, status)
        self.dataChanged.emit(self.index(row, 0), self.index(row, 2))

    def row_of(self, document_id: int) -> int | None:
        return self._row_of.get(document_id)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 3

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Title"), self.tr("Spans"), self.tr("Status"))[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.title, row.span_count, status_names(self.workspace.review_mode)[row.status])[index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return row.status
        if role == Qt.ItemDataRole.ToolTipRole:
            names = status_names()
            everyone = self.workspace.store.statuses(row.id)
            lines = [row.source] + [f"{name}: {names[status]}" for name, status in everyone.items()]
            return plain_tooltip("\n".join(lines))
        return None


class StatusFilter(QSortFilterProxyModel):
    """Shows documents of one status, or all when the status is empty."""

    def __init__(self, source: DocumentListModel):
        super().__init__()
        self.setSourceModel(source)
        self.status = ""

    def set_status(self, status: str) -> None:
        self.beginFilterChange()
        self.status = status
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:
        if not self.status:
            return True
        return self.sourceModel().rows[source_row].status == self.status

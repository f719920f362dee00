"""The current document's spans in text order: label, covered text, annotator."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor

from annotator.core.model import Span
from annotator.ui.workspace import Workspace


class SpanTableModel(QAbstractTableModel):
    """Follows the workspace row by row, so a new span inserts one row, not a reset."""

    def __init__(self, workspace: Workspace):
        super().__init__()
        self.workspace = workspace
        workspace.documentOpened.connect(self._reset)
        workspace.spanAdded.connect(self._added)
        workspace.spanRemoved.connect(self._removed)
        workspace.spanChanged.connect(self._changed)

    def _reset(self, *_: object) -> None:
        self.beginResetModel()
        self.endResetModel()

    def _added(self, span: Span, row: int) -> None:
        self.beginInsertRows(QModelIndex(), row, row)
        self.endInsertRows()

    def _removed(self, span: Span, row: int) -> None:
        # The workspace already removed it; Qt only needs to hear which row went.
        self.beginRemoveRows(QModelIndex(), row, row)
        self.endRemoveRows()

    def _changed(self, old: Span, new: Span) -> None:
        self._reset()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.workspace.spans)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 3

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Label"), self.tr("Text"), self.tr("Annotator"))[section]
        return None

    def span_at(self, row: int) -> Span:
        return self.workspace.spans.at(row)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        span = self.span_at(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                label = self.workspace.label(span.label)
                return f"{label.title_ar} · {label.name}" if label and label.title_ar else span.label
            if index.column() == 1:
                return span.text.replace("\r\n", " ").replace("\n", " ")
            return span.annotator
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 0:
            label = self.workspace.label(span.label)
            return QColor(label.color) if label else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{span.label} {span.start}–{span.end}: {span.text}"
        return None

"""The current document's spans in text order: label, covered text, annotator."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor

from annotator.core.model import Span
from annotator.ui.highlights import REVIEW_COLORS
from annotator.ui.tooltips import plain_tooltip
from annotator.ui.workspace import Workspace


class SpanTableModel(QAbstractTableModel):
    """Follows the workspace row by row, so a new span inserts one row, not a reset."""

    def __init__(self, workspace: Workspace):
        super().__init__()
        self.workspace = workspace
        self.statuses: dict[str, str] = {}
        workspace.documentOpened.connect(self._reset)
        workspace.spanAdded.connect(self._added)
        workspace.spanRemoved.connect(self._removed)
        workspace.spanChanged.connect(self._changed)

    def _reset(self, *_: object) -> None:
        self.beginResetModel()
        self.statuses = self.workspace.review_statuses()
        self.endResetModel()

    def _added(self, span: Span, row: int) -> None:
        if self.workspace.review_mode:  # one span can change others' standing
            self._reset()
            return
        self.beginInsertRows(QModelIndex(), row, row)
        self.endInsertRows()

    def _removed(self, span: Span, row: int) -> None:
        if self.workspace.review_mode:
            self._reset()
            return
        # The workspace already removed it; Qt only needs to hear which row went.
        self.beginRemoveRows(QModelIndex(), row, row)
        self.endRemoveRows()

    def _changed(self, old: Span, new: Span) -> None:
        self._reset()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.workspace.spans)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 4 if self.workspace.review_mode else 3

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Label"), self.tr("Text"), self.tr("Annotator"), self.tr("Agreement"))[section]
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
            if index.column() == 3:
                return review_names().get(self.statuses.get(span.id, ""), "")
            return span.annotator
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 3:
            status = self.statuses.get(span.id)
            return QColor(REVIEW_COLORS[status]) if status else None
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 0:
            label = self.workspace.label(span.label)
            return QColor(label.color) if label else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(f"{span.label} {span.start}–{span.end}: {span.text}")
        return None


def review_names() -> dict[str, str]:
    from PySide6.QtCore import QCoreApplication

    return {"agree": QCoreApplication.translate("SpanTable", "all agree"),
            "some": QCoreApplication.translate("SpanTable", "some"),
            "conflict": QCoreApplication.translate("SpanTable", "conflict"),
            "gold": QCoreApplication.translate("SpanTable", "gold")}

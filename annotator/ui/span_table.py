"""The current document's spans in text order: label, covered text, annotator, (in review)
agreement, and the normalised value, which can be edited in place."""

from __future__ import annotations

import json

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from annotator.core.model import Span
from annotator.normalise.value_shapes import value_problem
from annotator.ui.highlights import REVIEW_COLORS
from annotator.ui.tooltips import plain_tooltip, rejection_note
from annotator.ui.value_text import parse_value_text, value_summary
from annotator.ui.workspace import Workspace


class SpanTableModel(QAbstractTableModel):
    """Follows the workspace row by row, so a new span inserts one row, not a reset."""

    valueEdited = Signal(str, object)  # span id, the value typed (a dict, or None to clear it)
    valueRefused = Signal(str)  # what was wrong with the text typed

    def __init__(self, workspace: Workspace):
        super().__init__()
        self.workspace = workspace
        self.statuses: dict[str, str] = {}
        self.rejected_by: dict[str, list[str]] = {}  # span id -> reviewers who rejected it
        workspace.documentOpened.connect(self._reset)
        workspace.spanAdded.connect(self._added)
        workspace.spanRemoved.connect(self._removed)
        workspace.spanChanged.connect(self._changed)

    def _reset(self, *_: object) -> None:
        self.beginResetModel()
        self.statuses = self.workspace.review_statuses()
        self.rejected_by = self.workspace.rejected_by() if self.workspace.review_mode else {}
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
        return 5 if self.workspace.review_mode else 4

    @property
    def value_column(self) -> int:
        return self.columnCount() - 1

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if section == self.value_column:
                return self.tr("Value")
            return (self.tr("Label"), self.tr("Text"), self.tr("Annotator"), self.tr("Agreement"))[section]
        return None

    def flags(self, index: QModelIndex):
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() == self.value_column else flags

    def setData(self, index: QModelIndex, text, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """The value typed in the table goes to the window as an intent; the workspace's change
        signal then redraws the row."""
        if role != Qt.ItemDataRole.EditRole or index.column() != self.value_column:
            return False
        span = self.span_at(index.row())
        try:
            value = parse_value_text(str(text))
        except ValueError as err:
            self.valueRefused.emit(str(err))
            return False
        problem = value_problem(span.label, value) if value is not None else None
        if problem is not None:  # the store would refuse it too: say so here, in a line
            self.valueRefused.emit(self.tr("Not a %1 value: %2").replace("%1", span.label).replace("%2", problem))
            return False
        if value != span.value:
            self.valueEdited.emit(span.id, value)
        return True

    def span_at(self, row: int) -> Span:
        return self.workspace.spans.at(row)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        span = self.span_at(index.row())
        if index.column() == self.value_column:
            if role == Qt.ItemDataRole.DisplayRole:
                return value_summary(span.value) + (" ✎" if span.value_edited else "")
            if role == Qt.ItemDataRole.EditRole:
                return json.dumps(span.value, ensure_ascii=False) if span.value else ""
            if role == Qt.ItemDataRole.ToolTipRole:  # the whole value: a narrow column cuts it
                whole = json.dumps(span.value, ensure_ascii=False) + "\n" if span.value else ""
                return plain_tooltip(whole + self.tr("Double-click to edit; a date as 2018-04-19, 2018-05 or 2018, "
                                                     "anything else as a JSON object; empty clears it"))
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                label = self.workspace.label(span.label)
                return f"{label.title_ar} · {label.name}" if label and label.title_ar else span.label
            if index.column() == 1:
                return span.text.replace("\r\n", " ").replace("\n", " ")
            if index.column() == 3:
                return self.rejection_note(span) or review_names().get(self.statuses.get(span.id, ""), "")
            return span.annotator
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 3:
            status = self.statuses.get(span.id)
            return QColor(REVIEW_COLORS[status]) if status else None
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 0:
            label = self.workspace.label(span.label)
            return QColor(label.color) if label else None
        if role == Qt.ItemDataRole.ToolTipRole:
            note, value = self.rejection_note(span), value_summary(span.value)
            return plain_tooltip(f"{span.label} {span.start}–{span.end}: {span.text}"
                                 + (f"\n= {value}" if value else "") + (f"\n{note}" if note else ""))
        return None

    def rejection_note(self, span: Span) -> str:
        """Who rejected the span ("rejected by alice"); empty if nobody did."""
        return rejection_note(self.rejected_by.get(span.id, []))


def review_names() -> dict[str, str]:
    from PySide6.QtCore import QCoreApplication

    return {"agree": QCoreApplication.translate("SpanTable", "all agree"),
            "some": QCoreApplication.translate("SpanTable", "some"),
            "conflict": QCoreApplication.translate("SpanTable", "conflict"),
            "gold": QCoreApplication.translate("SpanTable", "gold"),
            "rejected": QCoreApplication.translate("SpanTable", "rejected")}

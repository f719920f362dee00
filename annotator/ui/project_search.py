"""The project search dock (Ctrl+Shift+F): a query, then every match in every document, each
document with its number of matches and each match with its context; Enter or a double-click
on a match opens it in the article."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.ui.bidi_delegate import BidiDelegate
from annotator.ui.controllers.search import MAX_MATCHES, ProjectMatches, ProjectSearchController
from annotator.ui.tooltips import plain_tooltip

MATCH_ROLE = Qt.ItemDataRole.UserRole  # (document id, start, end) in code points


class ProjectSearchPanel(QWidget):
    searchRequested = Signal(str)
    matchActivated = Signal(int, int, int)  # document id, start, end (code points of the stored text)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("Search all documents (ignores diacritics and letter variants)"))
        self.edit.setClearButtonEnabled(True)
        self.edit.returnPressed.connect(lambda: self.searchRequested.emit(self.edit.text()))
        self.summary = QLabel(self)
        self.results = QTreeWidget(self)
        self.results.setColumnCount(3)
        self.results.setHeaderLabels([self.tr("Document / context"), self.tr("Found"), self.tr("Matches")])
        self.results.setItemDelegate(BidiDelegate(self.results))  # each cell reads in its own text's direction
        self.results.setUniformRowHeights(True)
        header = self.results.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.results.itemActivated.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        for widget in (self.edit, self.summary, self.results):
            layout.addWidget(widget)

    def focus_query(self) -> None:
        self.edit.setFocus()
        self.edit.selectAll()

    def show_matches(self, found: ProjectMatches) -> None:
        self.results.clear()
        by_document: dict[int, QTreeWidgetItem] = {}
        counts: dict[int, int] = {}
        for match in found.matches:
            parent = by_document.get(match.document_id)
            if parent is None:
                parent = by_document[match.document_id] = QTreeWidgetItem(self.results)
                parent.setText(0, found.titles.get(match.document_id, ""))
            counts[match.document_id] = counts.get(match.document_id, 0) + 1
            item = QTreeWidgetItem(parent)
            snippet = f"…{match.before}{match.match}{match.after}…"
            item.setText(0, snippet)
            item.setText(1, match.match)  # as stored: the variant the query matched
            item.setToolTip(0, plain_tooltip(snippet))
            item.setData(0, MATCH_ROLE, (match.document_id, match.start, match.end))
        for document_id, parent in by_document.items():
            parent.setText(2, str(counts[document_id]))
            first = parent.child(0).data(0, MATCH_ROLE)
            parent.setData(0, MATCH_ROLE, first)  # a document's row opens its first match
        self.results.expandAll()
        self._summarise(found, len(by_document))
        if by_document:
            self.results.setCurrentItem(self.results.topLevelItem(0).child(0))
            self.results.setFocus()

    def _summarise(self, found: ProjectMatches, documents: int) -> None:
        if not found.query.strip():
            self.summary.setText("")
        elif not found.matches:
            self.summary.setText(self.tr("No match in any document."))
        elif found.complete:
            self.summary.setText(self.tr("%1 match(es) in %2 document(s)")
                                 .replace("%1", str(len(found.matches))).replace("%2", str(documents)))
        else:
            self.summary.setText(self.tr("The first %1 matches, in %2 document(s); refine the search for the rest")
                                 .replace("%1", str(MAX_MATCHES)).replace("%2", str(documents)))

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        where = item.data(0, MATCH_ROLE)
        if where:
            self.matchActivated.emit(*where)


class ProjectSearchDock(QDockWidget):
    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.setWindowTitle(self.tr("Search all documents"))
        self.setObjectName("ProjectSearchDock")
        self.panel = ProjectSearchPanel(self)
        self.setWidget(self.panel)
        self.controller = ProjectSearchController(window.workspace, window.view, window.operations)
        self.panel.searchRequested.connect(self.controller.search)
        self.controller.searched.connect(self.panel.show_matches)
        self.panel.matchActivated.connect(self.controller.open_match)


def open_project_search(window: QMainWindow) -> ProjectSearchDock:
    """Show the window's search dock, made on first use (start-up does not pay for it), and
    put the cursor in its query."""
    dock = window.findChild(ProjectSearchDock)
    if dock is None:
        dock = ProjectSearchDock(window)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)  # the same in either direction
    dock.show()
    dock.raise_()
    dock.panel.focus_query()
    return dock

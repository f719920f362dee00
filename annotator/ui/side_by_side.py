"""Side-by-side panes for review: the same article once per annotator, each pane with that
annotator's spans only, all scrolling together. Panes run right to left, as the text does.
Escape closes them, and so does the key that opens them, from either window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from annotator.core.span_index import SpanIndex
from annotator.ui.article_view import ArticleView
from annotator.ui.workspace import Workspace


def toggle_side_by_side(window) -> None:
    """The main window's side-by-side action: open the panes (in review mode, so everyone's spans
    are there), or close them if they are open."""
    panes = getattr(window, "side_by_side", None)
    if panes is not None and panes.isVisible():
        panes.close()
        return
    if not window.review_action.isChecked():
        window.review_action.trigger()
    window.side_by_side = SideBySide(window.workspace, close_keys=window.side_by_side_action.shortcuts())
    window.side_by_side.show()


class SideBySide(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None,
                 close_keys: list[QKeySequence] = ()):
        super().__init__(parent, Qt.WindowType.Window)
        self.workspace = workspace
        self.setWindowTitle(self.tr("Side by side"))
        # A window of its own: the main window's shortcuts do not reach it.
        for keys in [QKeySequence(QKeySequence.StandardKey.Cancel), *close_keys]:
            QShortcut(keys, self, self.close)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # the first annotator on the right
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.views: dict[str, ArticleView] = {}
        self._syncing = False
        workspace.documentOpened.connect(self.rebuild)
        for signal in (workspace.spanAdded, workspace.spanRemoved, workspace.spanChanged):
            signal.connect(self.rebuild)
        self.resize(1400, 700)
        self.rebuild()

    def rebuild(self, *_: object) -> None:
        document = self.workspace.document
        if document is None or self.isHidden() and self.views:  # closed: kept only until replaced
            return
        spans = list(self.workspace.spans)
        names = sorted({s.annotator for s in spans}, key=lambda n: (n == "gold", n))
        position = next(iter(self.views.values())).verticalScrollBar().value() if self.views else 0
        for view in self.views.values():
            view.parent().deleteLater()
        self.views = {}
        for name in names:
            pane = QWidget(self.splitter)
            column = QVBoxLayout(pane)
            column.setContentsMargins(2, 2, 2, 2)
            column.addWidget(QLabel(name, pane), 0, Qt.AlignmentFlag.AlignHCenter)
            view = ArticleView(pane)
            view.show_article(document.text, SpanIndex(s for s in spans if s.annotator == name), self.workspace.labels)
            view.verticalScrollBar().valueChanged.connect(lambda value, source=view: self._scroll_all(source, value))
            column.addWidget(view)
            self.splitter.addWidget(pane)
            self.views[name] = view
        for view in self.views.values():
            view.verticalScrollBar().setValue(position)

    def _scroll_all(self, source: ArticleView, value: int) -> None:
        """Keep every pane at the same place in the text: the character at the centre of the
        pane being scrolled is brought to the centre of the others (scroll ranges count
        wrapped lines, which differ between panes of different widths)."""
        if self._syncing:
            return
        self._syncing = True
        try:
            position = source.cursorForPosition(source.viewport().rect().center()).position()
            for view in self.views.values():
                if view is not source:
                    cursor = QTextCursor(view.document())
                    cursor.setPosition(position)
                    view.setTextCursor(cursor)
                    view.centerCursor()
        finally:
            self._syncing = False

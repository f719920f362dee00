"""The main window: documents on one side, the article in the middle, its spans on the other.

It wires widgets to the workspace and turns gestures into undoable commands; the rules
themselves (snapping, clitics, search) live in ``annotator.core``.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDockWidget,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QStackedWidget,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from annotator.core import arabic
from annotator.core.model import Document, Span
from annotator.store import OpenMode, Store, StoreError
from annotator.ui.article_view import ArticleView
from annotator.ui.bidi_delegate import BidiDelegate, interface_sentence
from annotator.review.adjudication import AGREE, CONFLICT, GOLD, SOME, gold_copy, in_gold
from annotator.ui.commands import AddSpanCommand, DeleteSpanCommand, InsertSpanCommand, UpdateSpanCommand
from annotator.ui.document_list import DocumentListModel, StatusFilter, status_names
from annotator.ui.find_bar import FindBar
from annotator.ui.palette import apply_palette
from annotator.ui.resources import sample_article_path
from annotator.ui.settings import forget_database, long_span_length, recent_databases
from annotator.ui.span_checks import confirm_span
from annotator.ui.tooltips import plain_tooltip
from annotator.ui.span_table import SpanTableModel
from annotator.ui.workspace import Workspace

WRITE_ERRORS = (StoreError, sqlite3.Error, OSError)


def file_dialog():
    """QFileDialog, made on first use: PySide builds the class when it is imported, which
    costs 2 ms of start-up for a dialog that start-up never shows."""
    from PySide6.QtWidgets import QFileDialog

    return QFileDialog


def swatch_icon(color: str) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


class MainWindow(QMainWindow):
    openDatabaseRequested = Signal(str)
    languageChanged = Signal(str)  # "", "en" or "ar": the window is rebuilt in that language

    def __init__(self, store: Store, annotator: str, settings: QSettings):
        super().__init__()
        self.settings = settings
        self.workspace = Workspace(store, annotator, self)
        self.setObjectName("MainWindow")
        self._show_project_path(store.path)
        # Saved layouts are kept per direction; the interface language may change under a
        # window that is about to be replaced, so its direction is fixed when it is built.
        self._built_rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft

        self.view = ArticleView(self)
        self.view.setObjectName("ArticleView")
        self.view.review_statuses = lambda: self.workspace.review_statuses()
        self.find_bar = FindBar(self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self._build_empty_page())
        article_page = QWidget(self)
        layout = QVBoxLayout(article_page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.view)
        self.stack.addWidget(article_page)
        self.setCentralWidget(self.stack)

        self._build_documents_dock()
        self._build_spans_dock()
        self._build_actions()
        self._build_menus()
        self._build_label_bar()
        self._build_status_bar()
        self._connect()
        self._restore_settings()
        self._open_initial_document()

    # -- building ------------------------------------------------------------------

    def _build_empty_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addStretch()
        message = QLabel(self.tr("This project has no articles yet."), page)
        message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.sample_button = QPushButton(self.tr("Open the sample article"), page)
        self.sample_button.clicked.connect(self.import_sample)
        import_button = QPushButton(self.tr("Import articles…"), page)
        import_button.clicked.connect(self.import_files)
        for widget in (message, self.sample_button, import_button):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch()
        return page

    def _build_documents_dock(self) -> None:
        self.documents = DocumentListModel(self.workspace)
        self.documents_filter = StatusFilter(self.documents)
        self.document_table = QTableView(self)
        self.document_table.setModel(self.documents_filter)
        self._tune_table(self.document_table, stretch_column=0)
        self.status_filter = QComboBox(self)
        self.status_filter.addItem(self.tr("All documents"), "")
        for key, name in status_names().items():
            self.status_filter.addItem(name, key)
        holder = QWidget(self)
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.status_filter)
        layout.addWidget(self.document_table)
        self.documents_dock = QDockWidget(self.tr("Documents"), self)
        self.documents_dock.setObjectName("DocumentsDock")
        self.documents_dock.setWidget(holder)
        self.addDockWidget(self._side(Qt.DockWidgetArea.RightDockWidgetArea), self.documents_dock)

    def _build_spans_dock(self) -> None:
        self.span_model = SpanTableModel(self.workspace)
        self.span_table = QTableView(self)
        self.span_table.setModel(self.span_model)
        self._tune_table(self.span_table, stretch_column=1)
        self.spans_dock = QDockWidget(self.tr("Spans"), self)
        self.spans_dock.setObjectName("SpansDock")
        self.spans_dock.setWidget(self.span_table)
        self.addDockWidget(self._side(Qt.DockWidgetArea.LeftDockWidgetArea), self.spans_dock)
        self.resizeDocks([self.documents_dock, self.spans_dock], [300, 320], Qt.Orientation.Horizontal)

    def _side(self, area: Qt.DockWidgetArea) -> Qt.DockWidgetArea:
        """Dock areas are physical in Qt; a right-to-left interface mirrors them itself."""
        if self.layoutDirection() != Qt.LayoutDirection.RightToLeft:
            return area
        return {Qt.DockWidgetArea.LeftDockWidgetArea: Qt.DockWidgetArea.RightDockWidgetArea,
                Qt.DockWidgetArea.RightDockWidgetArea: Qt.DockWidgetArea.LeftDockWidgetArea}.get(area, area)

    @staticmethod
    def _tune_table(table: QTableView, stretch_column: int) -> None:
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
        table.setWordWrap(False)
        table.setItemDelegate(BidiDelegate(table))

    def _action(self, text: str, slot, shortcut=None, checkable: bool = False) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcuts(shortcut if isinstance(shortcut, list) else [QKeySequence(shortcut)])
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        key = QKeySequence.StandardKey
        stack = self.workspace.undo_stack
        self.undo_action = stack.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcut(QKeySequence(key.Undo))
        self.redo_action = stack.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.addActions([self.undo_action, self.redo_action])
        self.open_db_action = self._action(self.tr("Open project…"), self.open_database, key.Open)
        self.import_files_action = self._action(self.tr("Import files…"), self.import_files, "Ctrl+I")
        self.import_folder_action = self._action(self.tr("Import folder…"), self.import_folder)
        self.merge_action = self._action(self.tr("Merge annotators' projects…"), self.merge_projects)
        self.export_actions = {
            name: self._action(title, lambda _=False, f=name: self.export(f))
            for name, title in (
                ("jsonl", self.tr("JSON Lines (Annotator)…")), ("csv", self.tr("CSV (spreadsheets)…")),
                ("conll", self.tr("CoNLL / BIO…")), ("spacy", self.tr("spaCy DocBin…")),
                ("hf", self.tr("Hugging Face datasets…")), ("doccano", self.tr("doccano…")),
                ("labelstudio", self.tr("Label Studio…")), ("brat", self.tr("brat standoff (folder)…")),
            )
        }
        self.quit_action = self._action(self.tr("Quit"), self.close, key.Quit)
        self.delete_action = self._action(self.tr("Delete span"), self.delete_selected_span)
        self.strip_action = self._action(self.tr("Strip clitic"), self.strip_clitic, "Ctrl+K")
        self.exact_action = self._action(self.tr("Exact (sub-word) selection"), self.set_exact_mode, "Ctrl+E",
                                         checkable=True)
        self.exact_action.setToolTip(self.tr("Select inside words; hold Alt while dragging for a single exact selection"))
        self.find_action = self._action(self.tr("Find…"), self.find_bar.open_bar, key.Find)
        self.zoom_in_action = self._action(self.tr("Zoom in"), lambda: self.zoom(1.1),
                                           [QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
        self.zoom_out_action = self._action(self.tr("Zoom out"), lambda: self.zoom(1 / 1.1), "Ctrl+-")
        self.zoom_reset_action = self._action(self.tr("Actual size"), lambda: self.zoom(None), "Ctrl+0")
        self.dark_action = self._action(self.tr("Dark palette"), self.set_dark, checkable=True)
        self.next_doc_action = self._action(self.tr("Next document"), lambda: self.step_document(1), "PgDown")
        self.prev_doc_action = self._action(self.tr("Previous document"), lambda: self.step_document(-1), "PgUp")
        self.done_action = self._action(self.tr("Mark done"), self.toggle_done,
                                        [QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        self.name_action = self._action(self.tr("Annotator name…"), self.ask_annotator_name)
        self.refresh_action = self._action(self.tr("Refresh"), self.refresh, key.Refresh)
        self.settings_action = self._action(self.tr("Settings…"), self.show_settings, key.Preferences)
        if self.settings_action.shortcuts() == []:
            self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.shortcuts_action = self._action(self.tr("Keyboard shortcuts"), self.show_shortcuts, key.HelpContents)
        self.review_action = self._action(self.tr("Review mode"), self.set_review_mode, "Ctrl+R", checkable=True)
        self.review_action.setToolTip(self.tr("Everyone's spans and the gold layer; accept, reject, adjudicate"))
        self.accept_action = self._view_action(self.tr("Accept span into gold"), self.accept_selected, "A")
        self.reject_action = self._view_action(self.tr("Reject span"), self.reject_selected, "X")
        self.accept_agreed_action = self._view_action(self.tr("Accept all spans everyone agrees on"),
                                                      self.accept_agreed, "Ctrl+Shift+A")
        self.next_disagreement_action = self._view_action(self.tr("Next disagreement"), self.next_disagreement, "N")
        self.dashboard_action = self._action(self.tr("Agreement dashboard…"), self.show_dashboard, "Ctrl+Shift+D")
        self.side_by_side_action = self._action(self.tr("Side by side…"), self.show_side_by_side, "Ctrl+Shift+S")
        for action in (self.accept_action, self.reject_action, self.accept_agreed_action, self.next_disagreement_action):
            action.setEnabled(False)

    def _view_action(self, text: str, slot, shortcut: str) -> QAction:
        """An action whose single-letter key works in the article only (not while typing a search)."""
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.view.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.open_db_action)
        self.recent_menu = file_menu.addMenu(self.tr("Recent projects"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.import_files_action)
        file_menu.addAction(self.import_folder_action)
        file_menu.addAction(self.merge_action)
        export_menu = file_menu.addMenu(self.tr("Export"))
        for action in self.export_actions.values():
            export_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        edit_menu = bar.addMenu(self.tr("&Edit"))
        for action in (self.undo_action, self.redo_action, None, self.delete_action, self.strip_action,
                       self.exact_action, None, self.find_action):
            edit_menu.addSeparator() if action is None else edit_menu.addAction(action)

        document_menu = bar.addMenu(self.tr("&Document"))
        for action in (self.next_doc_action, self.prev_doc_action, self.done_action):
            document_menu.addAction(action)

        review_menu = bar.addMenu(self.tr("&Review"))
        for action in (self.review_action, None, self.accept_action, self.reject_action, self.accept_agreed_action,
                       self.next_disagreement_action, None, self.side_by_side_action, self.dashboard_action):
            review_menu.addSeparator() if action is None else review_menu.addAction(action)

        view_menu = bar.addMenu(self.tr("&View"))
        for action in (self.refresh_action, None, self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action,
                       None, self.dark_action,
                       None, self.documents_dock.toggleViewAction(), self.spans_dock.toggleViewAction()):
            view_menu.addSeparator() if action is None else view_menu.addAction(action)

        settings_menu = bar.addMenu(self.tr("&Settings"))
        settings_menu.addAction(self.settings_action)
        settings_menu.addAction(self.name_action)
        language_menu = settings_menu.addMenu(self.tr("Language"))
        current = str(self.settings.value("language", "") or "")
        self.language_actions = {}
        for code, name in (("", self.tr("As the system")), ("en", "English"), ("ar", "العربية")):
            action = language_menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == current)
            action.triggered.connect(lambda _=False, c=code: self.set_language(c))
            self.language_actions[code] = action

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.shortcuts_action)

    def _build_label_bar(self) -> None:
        self.label_bar = QToolBar(self.tr("Labels"), self)
        self.label_bar.setObjectName("LabelBar")
        self.label_bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.label_actions: dict[str, QAction] = {}
        for label in self.workspace.labels:
            text = f"{label.title_ar} · {label.title_en or label.name}"
            if label.key:
                text += f"  ({label.key})"
            action = QAction(swatch_icon(label.color), text, self)
            action.setToolTip(plain_tooltip(
                self.tr("Label the selection as %1 (key %2)").replace("%1", label.name).replace("%2", label.key)))
            action.triggered.connect(lambda _=False, name=label.name: self.apply_label(name))
            self.label_bar.addAction(action)
            self.label_actions[label.name] = action
        self.label_bar.addSeparator()
        self.label_bar.addAction(self.exact_action)
        self.label_bar.addAction(self.strip_action)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.label_bar)

    def _build_status_bar(self) -> None:
        self.annotator_label = QLabel(self)
        self.document_label = QLabel(self)
        self.review_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.review_label)
        self.statusBar().addPermanentWidget(self.document_label)
        self.statusBar().addPermanentWidget(self.annotator_label)
        self._show_annotator()

    def _connect(self) -> None:
        ws = self.workspace
        ws.documentOpened.connect(self._document_opened)
        ws.spanAdded.connect(self._spans_changed)
        ws.spanRemoved.connect(self._spans_changed)
        ws.spanChanged.connect(self._spans_changed)
        self.view.labelKeyPressed.connect(self.label_key)
        self.view.deleteRequested.connect(self.delete_selected_span)
        self.view.walkRequested.connect(self.walk_spans)
        self.view.edgeMoveRequested.connect(self.move_edge)
        self.view.findNextRequested.connect(self.find_bar.step)
        self.view.spanSelected.connect(self._span_selected_in_view)
        self.find_bar.matchesChanged.connect(self.view.set_find_matches)
        self.find_bar.matchChosen.connect(self._show_match)
        self.find_bar.closed.connect(self.view.setFocus)
        self.span_table.clicked.connect(lambda index: self.view.select_span(self.span_model.span_at(index.row())))
        self.document_table.clicked.connect(
            lambda index: self.open_document(self.documents.rows[self.documents_filter.mapToSource(index).row()].id))
        self.status_filter.currentIndexChanged.connect(
            lambda: self.documents_filter.set_status(self.status_filter.currentData()))

    # -- settings --------------------------------------------------------------------

    def _state_key(self) -> str:
        # Docks sit on physical sides: a layout saved in Arabic would come back unmirrored in English.
        return "window_state/" + ("rtl" if self._built_rtl else "ltr")

    def _show_project_path(self, path: Path) -> None:
        """The title names the project file and its folder; the window's file path is the full path."""
        path = path.resolve()
        self.setWindowFilePath(str(path))
        self.setWindowTitle(interface_sentence(self.tr("%1 in %2"), path.name, str(path.parent)))

    def save_layout(self) -> None:
        """Size, docks and toolbars, saved before this window is replaced (another project,
        another language) as well as when it closes."""
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue(self._state_key(), self.saveState())

    def _document_key(self) -> str:
        return "last_document/" + str(self.workspace.store.path.resolve()).replace("/", "|")

    def _restore_settings(self) -> None:
        s = self.settings
        if s.value("geometry"):
            self.restoreGeometry(s.value("geometry"))
        else:
            self.resize(1280, 800)
        if s.value(self._state_key()):
            self.restoreState(s.value(self._state_key()))
        self.view.set_point_size(float(s.value("font_size", self.view.point_size)), s.value("font_family") or None)
        dark = s.value("dark_palette", False) in (True, "true")
        self.dark_action.setChecked(dark)
        if dark:
            apply_palette(True)
        exact = s.value("exact_mode", False) in (True, "true")
        self.exact_action.setChecked(exact)
        self.view.exact_mode = exact

    def closeEvent(self, event) -> None:
        s = self.settings
        self.save_layout()
        s.setValue("font_size", self.view.point_size)
        if self.workspace.document is not None:
            s.setValue(self._document_key(), self.workspace.document.id)
        s.sync()
        super().closeEvent(event)

    # -- documents -------------------------------------------------------------------

    def _open_initial_document(self) -> None:
        rows = self.documents.rows
        if not rows:
            self.stack.setCurrentIndex(0)
            return
        last = self.settings.value(self._document_key())
        ids = [r.id for r in rows]
        try:
            wanted = int(last) if last is not None else ids[0]
        except (TypeError, ValueError):
            wanted = ids[0]
        self.open_document(wanted if wanted in ids else ids[0])

    def open_document(self, document_id: int) -> None:
        self.workspace.open_document(document_id)
        self.settings.setValue(self._document_key(), document_id)

    def _document_opened(self, document: Document) -> None:
        self.stack.setCurrentIndex(1)
        self.view.show_article(document.text, self.workspace.spans, self.workspace.labels)
        self.find_bar.set_text(document.text)
        row = self.documents.row_of(document.id)
        if row is not None:
            index = self.documents_filter.mapFromSource(self.documents.index(row, 0))
            if index.isValid():
                self.document_table.selectRow(index.row())
        self._show_document_position()
        self.view.setFocus()

    def _show_document_position(self) -> None:
        document = self.workspace.document
        if document is None:
            self.document_label.setText("")
            return
        row = self.documents.row_of(document.id)
        # The document list re-read this row's status when the span or status changed.
        raw = self.documents.rows[row].status if row is not None else self.workspace.store.status(
            document.id, self.workspace.annotator)
        status = status_names(self.workspace.review_mode)[raw]
        self.document_label.setText(
            self.tr("Document %1 of %2 · %3 · %4 spans").replace("%1", str((row or 0) + 1))
            .replace("%2", str(len(self.documents.rows))).replace("%3", status).replace("%4", str(len(self.workspace.spans))))

    # -- review ------------------------------------------------------------------------------

    def set_review_mode(self, on: bool) -> None:
        self._guarded(lambda: self.workspace.set_review_mode(on))
        if on and self.workspace.annotator != GOLD:  # a role, unlike a mode, stays: `annotator users set` changes it
            self._guarded(lambda: self.workspace.store.set_annotator_role(self.workspace.annotator, "reviewer"))
        self.documents.reload()  # statuses read as to review / reviewed
        self._show_document_position()
        for action in (self.accept_action, self.reject_action, self.accept_agreed_action, self.next_disagreement_action):
            action.setEnabled(on)
        self.review_label.setText(self.tr("Review mode") if on else "")

    def _accept(self, span: Span, label: str | None = None) -> None:
        spans = list(self.workspace.spans)
        existing = in_gold(spans, span) if label in (None, span.label) else None
        if existing is not None:
            self.statusBar().showMessage(self.tr("Already in the gold layer."), 3000)
            return
        copy = gold_copy(span, spans, self.workspace.annotator)
        if label is not None and label != span.label:
            copy = Span(copy.id, copy.document_id, copy.annotator, label, copy.start, copy.end, copy.text,
                        {**copy.attrs, "relabelled_from": span.label}, copy.origin)
        self._guarded(InsertSpanCommand(self.workspace, copy, self.tr("Accept %1").replace("%1", copy.label)).run_and_push)

    def accept_selected(self) -> None:
        span = self.view.selected_span()
        if span is not None and span.annotator != GOLD:
            self._accept(span)

    def reject_selected(self) -> None:
        """Reject: the span leaves the gold layer (or never enters it)."""
        span = self.view.selected_span()
        if span is None:
            return
        target = span if span.annotator == GOLD else in_gold(list(self.workspace.spans), span)
        if target is None:
            self.statusBar().showMessage(self.tr("Not in the gold layer."), 3000)
            self.walk_disagreements(1)
            return
        self._guarded(DeleteSpanCommand(self.workspace, target).run_and_push)

    def accept_agreed(self) -> None:
        statuses = self.workspace.review_statuses()
        spans = list(self.workspace.spans)
        agreed, seen = [], set()
        for span in spans:
            key = (span.start, span.end, span.label)
            if statuses.get(span.id) == AGREE and key not in seen and in_gold(spans, span) is None:
                seen.add(key)
                agreed.append(gold_copy(span, spans, self.workspace.annotator))
        if not agreed:
            self.statusBar().showMessage(self.tr("No agreed spans left to accept."), 3000)
            return
        stack = self.workspace.undo_stack
        stack.beginMacro(self.tr("Accept %1 agreed spans").replace("%1", str(len(agreed))))
        try:
            for copy in agreed:
                if not self._guarded(InsertSpanCommand(self.workspace, copy, copy.label).run_and_push):
                    break
        finally:
            stack.endMacro()

    def show_side_by_side(self) -> None:
        """One pane per annotator, scrolling together (in review mode, so everyone's spans are here)."""
        from annotator.ui.side_by_side import SideBySide

        if not self.review_action.isChecked():
            self.review_action.trigger()
        self.side_by_side = SideBySide(self.workspace)
        self.side_by_side.show()

    def show_dashboard(self) -> None:
        try:
            from annotator.ui.dashboard import AgreementDashboard
        except ImportError:
            QMessageBox.information(self, self.tr("Agreement dashboard"),
                                    self.tr("The dashboard needs matplotlib: pip install 'annotator[dashboard]'"))
            return
        self.dashboard = AgreementDashboard(self.workspace.store, self)
        self.dashboard.openSpan.connect(self.open_span_for_review)
        self.dashboard.show()

    def open_span_for_review(self, document_id: int, start: int, end: int) -> None:
        if not self.review_action.isChecked():
            self.review_action.trigger()
        self.open_document(document_id)
        span = next((s for s in self.workspace.spans if (s.start, s.end) == (start, end)), None)
        if span is not None:
            self.view.select_span(span)
        self.activateWindow()

    def next_disagreement(self) -> None:
        self.walk_disagreements(1)

    def walk_disagreements(self, step: int) -> None:
        statuses = self.workspace.review_statuses()
        spans = list(self.workspace.spans)
        gold = {(s.start, s.end, s.label) for s in spans if s.annotator == GOLD}
        open_ones = [s for s in spans if statuses.get(s.id) in (SOME, CONFLICT) and (s.start, s.end, s.label) not in gold]
        if not open_ones:
            self.statusBar().showMessage(self.tr("No disagreements left in this document."), 3000)
            return
        current = self.view.selected_span()
        after = [s for s in open_ones if current is None or (s.start, -s.end, s.id) > (current.start, -current.end, current.id)]
        self.view.select_span((after or open_ones)[0])

    def refresh(self) -> None:
        """Re-read the project: others may have labelled in it meanwhile (same file, another window)."""
        self.documents.reload()
        if self.workspace.document is not None:
            self.open_document(self.workspace.document.id)

    def step_document(self, step: int) -> None:
        rows = self.documents.rows
        if not rows or self.workspace.document is None:
            return
        row = self.documents.row_of(self.workspace.document.id) or 0
        target = row + step
        if 0 <= target < len(rows):
            self.open_document(rows[target].id)
        else:
            self.statusBar().showMessage(self.tr("No more documents in this direction."), 3000)

    def toggle_done(self) -> None:
        document = self.workspace.document
        if document is None:
            return
        done = self.workspace.store.status(document.id, self.workspace.annotator) == "done"
        self._guarded(lambda: self.workspace.set_status("in_progress" if done else "done"))
        self._show_document_position()

    # -- labelling ---------------------------------------------------------------------

    def _guarded(self, action) -> bool:
        """Run a change. If the database refuses it (another process holds it past the busy
        timeout, the disk is full), say so and offer to try again; the change is never
        shown as made unless it is on disk, and never dropped without the user knowing."""
        while True:
            try:
                action()
                return True
            except WRITE_ERRORS as err:
                answer = QMessageBox.warning(
                    self, self.tr("Could not save"),
                    self.tr("The change was not saved: %1\n\nTry again?").replace("%1", str(err)),
                    QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Cancel,
                    QMessageBox.StandardButton.Retry)
                if answer != QMessageBox.StandardButton.Retry:
                    self.statusBar().showMessage(self.tr("Not saved: %1").replace("%1", str(err)), 8000)
                    return False

    def label_key(self, key: str) -> None:
        label = self.workspace.label_for_key(key)
        if label is not None:
            self.apply_label(label.name)

    def apply_label(self, name: str) -> None:
        if self.workspace.document is None:
            return
        span = self.view.selected_span()
        if span is not None and self.view.selection_range() is None:
            if self.workspace.review_mode and span.annotator != GOLD:
                # A reviewer's label on a proposal puts it in the gold layer with that label.
                self._accept(span, name)
            elif span.label != name:
                command = UpdateSpanCommand(self.workspace, span, name, span.start, span.end)
                self._guarded(command.run_and_push)
            return
        chosen = self.view.labelling_range()
        if chosen is None:
            self.statusBar().showMessage(self.tr("Select some text first, then press a label key."), 3000)
            return
        text = self.workspace.document.text
        start, end = arabic.trim_spaces(text, *chosen)
        if not confirm_span(self, text, start, end, long_span_length(self.settings)):
            return
        command = AddSpanCommand(self.workspace, name, start, end)
        if self._guarded(command.run_and_push):
            # The new span is the selected one: Ctrl+K, Delete and Shift+arrows act on it at once.
            self.view.select_span(command.span, scroll=False)
            if (start, end) != chosen:
                self.statusBar().showMessage(self.tr("Spaces at the edges were left out of the span."), 4000)

    def _editable(self, span: Span | None) -> bool:
        """In review mode only the gold layer is edited: annotators' spans are their record."""
        if span is None:
            return False
        if self.workspace.review_mode and span.annotator != GOLD:
            self.statusBar().showMessage(interface_sentence(
                self.tr("This is %1's span: accept it into gold (A) to edit it there."), span.annotator), 5000)
            return False
        return True

    def delete_selected_span(self) -> None:
        span = self.view.selected_span()
        if self._editable(span):
            self._guarded(DeleteSpanCommand(self.workspace, span).run_and_push)

    def walk_spans(self, step: int) -> None:
        span = self.workspace.spans.neighbour(self.view.selected_span_id, step)
        if span is not None:
            self.view.select_span(span)

    def move_edge(self, edge: str, step: int) -> None:
        """Move a span's visual edge one letter. The text runs right to left, so the
        left edge is the span's end and the right edge its start."""
        span = self.view.selected_span()
        if not self._editable(span):
            return
        text = self.workspace.document.text
        # On screen, left is forward in the text (Left key: +1) and right is back.
        start, end = arabic.nudge_edge(text, span.start, span.end, "end" if edge == "left" else "start", -step)
        if (start, end) == (span.start, span.end):
            return
        command = UpdateSpanCommand(self.workspace, span, span.label, start, end, merge=True)
        if self._guarded(command.run_and_push) and any(
                ch.isspace() for ch in text[min(start, span.start):max(start, span.start)]
                + text[min(end, span.end):max(end, span.end)]):
            self.statusBar().showMessage(self.tr("The edge moved on past the space: spans never end in one."), 4000)

    def strip_clitic(self) -> None:
        text = self.workspace.document.text if self.workspace.document else ""
        span = self.view.selected_span()
        if span is not None and self.view.selection_range() is None:
            if not self._editable(span):
                return
            start, end = arabic.strip_clitic(text, span.start, span.end)
            if start != span.start:
                self._guarded(UpdateSpanCommand(self.workspace, span, span.label, start, end).run_and_push)
            return
        chosen = self.view.labelling_range()
        if chosen is not None:
            start, end = arabic.strip_clitic(text, *chosen)
            self.view.select_range(start, end)
            self.view.snap_selection(exact=True)

    def set_exact_mode(self, on: bool) -> None:
        self.view.exact_mode = on
        self.settings.setValue("exact_mode", on)

    def _spans_changed(self, *args) -> None:
        changed = [a for a in args if isinstance(a, Span)]
        self.view.spans_changed(min(s.start for s in changed), max(s.end for s in changed))
        if self.view.selected_span_id == changed[-1].id:
            self.view.select_span(changed[-1], scroll=False)
        self._show_document_position()

    def _span_selected_in_view(self, span: Span | None) -> None:
        if span is None or span.id not in self.workspace.spans:
            self.span_table.clearSelection()
            return
        row = self.workspace.spans.position(span.id)
        self.span_table.selectRow(row)
        self.span_table.scrollTo(self.span_model.index(row, 0))

    def _show_match(self, start: int, end: int) -> None:
        self.view.select_range(start, end)
        self.view.snap_selection(exact=True)  # a match is labelled as found, even inside a word
        self.view.ensureCursorVisible()
        self.view.find_active = True
        self.view.setFocus()

    # -- view ------------------------------------------------------------------------------

    def zoom(self, factor: float | None) -> None:
        from annotator.ui.article_view import DEFAULT_POINT_SIZE

        size = DEFAULT_POINT_SIZE if factor is None else self.view.point_size * factor
        self.view.set_point_size(round(size, 1))
        self.settings.setValue("font_size", self.view.point_size)

    def set_dark(self, on: bool) -> None:
        apply_palette(on)
        self.settings.setValue("dark_palette", on)

    def _show_annotator(self) -> None:
        self.annotator_label.setText(interface_sentence(self.tr("Annotator: %1"), self.workspace.annotator))

    def ask_annotator_name(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Annotator name"), self.tr("Your name, as it goes on your spans:"),
                                        text=self.workspace.annotator)
        if ok and name.strip():
            self.set_annotator(name.strip())

    def set_language(self, code: str) -> None:
        self.settings.setValue("language", code)
        self.save_layout()  # the window in the new language starts from this one's size
        self.languageChanged.emit(code)

    def show_shortcuts(self) -> None:
        from annotator.ui.shortcut_sheet import ShortcutSheet

        ShortcutSheet(self.actions() + list(self.label_actions.values()), self).exec()

    def show_settings(self) -> None:
        from annotator.ui.settings_dialog import SettingsChoice, SettingsDialog

        current = SettingsChoice(self.view.font().family(), self.view.point_size,
                                 {l.name: l.color for l in self.workspace.labels}, not self.view.exact_mode,
                                 self.workspace.annotator, str(self.workspace.store.path),
                                 long_span_length(self.settings))
        dialog = SettingsDialog(current, self.workspace.labels, self)
        dialog.database_button.clicked.connect(lambda: (dialog.reject(), self.open_database()))
        if dialog.exec() == SettingsDialog.DialogCode.Accepted:
            self.apply_settings(dialog.result_choice())

    def apply_settings(self, choice) -> None:
        self.view.set_point_size(choice.font_size, choice.font_family)
        self.settings.setValue("font_size", choice.font_size)
        self.settings.setValue("font_family", choice.font_family)
        self.settings.setValue("long_span_length", choice.long_span)
        changed = {n: c for n, c in choice.colors.items() if self.workspace.label(n).color != c}
        if changed:
            self._guarded(lambda: [self.workspace.store.set_label_color(n, c) for n, c in changed.items()])
            self.workspace.labels = self.workspace.store.labels()
            for label in self.workspace.labels:
                self.label_actions[label.name].setIcon(swatch_icon(label.color))
            if self.workspace.document is not None:
                self.open_document(self.workspace.document.id)
        if self.exact_action.isChecked() == choice.snap_to_words:
            self.exact_action.trigger()
        if choice.annotator != self.workspace.annotator:
            self.set_annotator(choice.annotator)

    def set_annotator(self, name: str) -> None:
        self.workspace.set_annotator(name)
        self.settings.setValue("annotator", name)
        self.documents.reload()
        self._show_annotator()
        self._show_document_position()

    # -- files -------------------------------------------------------------------------------

    def import_sample(self) -> None:
        self.import_paths([sample_article_path()])

    def import_files(self) -> None:
        paths, _ = file_dialog().getOpenFileNames(self, self.tr("Import articles"), "",
                                                  self.tr("Articles (*.txt *.jsonl);;All files (*)"))
        if paths:
            self.import_paths([Path(p) for p in paths])

    def import_folder(self) -> None:
        folder = file_dialog().getExistingDirectory(self, self.tr("Import a folder of articles"))
        if folder:
            self.import_paths([Path(folder)])

    def _progress(self, text: str):
        """A progress dialog for a long import or export (shown only if it takes a while),
        and the callback that moves it on."""
        progress = QProgressDialog(text, "", 0, 0, self)
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)

        def step(done: int, total: int) -> None:
            progress.setMaximum(total)
            progress.setValue(done)
            QApplication.processEvents()

        return progress, step

    def import_paths(self, paths: list[Path]) -> None:
        from annotator.formats.importer import import_paths
        from annotator.formats.records import FormatError

        progress, step = self._progress(self.tr("Importing…"))

        def show(done: int, total: int, path: Path) -> None:
            progress.setLabelText(path.name)
            step(done, total)

        try:
            report = import_paths(self.workspace.store, paths, self.workspace.annotator, progress=show)
        except (FormatError, *WRITE_ERRORS) as err:
            progress.close()
            QMessageBox.warning(self, self.tr("Import failed"),
                                self.tr("Nothing was imported.\n\n%1").replace("%1", str(err)))
            return
        progress.close()
        before = self.workspace.document.id if self.workspace.document else None
        self.workspace.documentsChanged.emit()
        self.statusBar().showMessage(
            self.tr("Imported %1 new document(s), %2 already present.").replace("%1", str(report.documents_added))
            .replace("%2", str(report.documents_existing)), 5000)
        if before is None and self.documents.rows:
            self.open_document(self.documents.rows[0].id)

    def merge_projects(self) -> None:
        from annotator.review.merge import MergeError, merge_into
        from annotator.review.near_duplicates import find_near_duplicates
        from annotator.ui.merge_dialog import NearDuplicatesQuestion

        paths, _ = file_dialog().getOpenFileNames(self, self.tr("Merge annotators' projects"), "",
                                                  self.tr("Annotator projects (*.db);;All files (*)"))
        added, deletions, refused, conflicts = 0, 0, 0, []
        for path in paths:
            if Path(path).resolve() == self.workspace.store.path.resolve():
                continue
            try:
                with Store.open(path, OpenMode.READ) as source:
                    pairs = find_near_duplicates(self.workspace.store, source)
                same = {}
                if pairs:
                    question = NearDuplicatesQuestion(Path(path).name, pairs, self)
                    question.exec()
                    same = question.joined()
                    question.deleteLater()
                report = merge_into(self.workspace.store, Path(path), same)
            except (MergeError, *WRITE_ERRORS) as err:
                QMessageBox.warning(self, self.tr("Merge failed"), str(err))
                return
            added += report.spans_added
            deletions += report.deletions_applied
            refused += report.readds_refused
            conflicts += report.problems + report.later_than_deletion
        if not paths:
            return
        self.workspace.documentsChanged.emit()
        if self.workspace.document is not None:
            self.open_document(self.workspace.document.id)
        elif self.documents.rows:
            self.open_document(self.documents.rows[0].id)
        message = (self.tr("Merged: %1 new span(s); %2 deletion(s) applied, %3 re-add(s) of deleted spans refused.")
                   .replace("%1", str(added)).replace("%2", str(deletions)).replace("%3", str(refused)))
        if conflicts:
            QMessageBox.warning(self, self.tr("Conflicts"), message + "\n\n" + "\n".join(conflicts[:20]))
        else:
            self.statusBar().showMessage(message, 8000)

    def export(self, fmt: str) -> None:
        from annotator.formats.exporting import EXPORTERS, ExportOptions, export_to_path
        from annotator.formats.tagging import AlignmentError, AlignmentReport

        exporter = EXPORTERS[fmt]
        if exporter.suffix:
            path, _ = file_dialog().getSaveFileName(self, self.tr("Export"), f"annotations{exporter.suffix}",
                                                    f"*{exporter.suffix}")
        else:
            path = file_dialog().getExistingDirectory(self, self.tr("Export into a folder"))
        if not path:
            return
        progress, step = self._progress(self.tr("Exporting…"))
        report = AlignmentReport()
        try:
            count = export_to_path(self.workspace.store, fmt, Path(path), ExportOptions(progress=step), report)
        except (AlignmentError, *WRITE_ERRORS) as err:
            progress.close()
            QMessageBox.warning(self, self.tr("Export failed"), str(err))
            return
        progress.close()
        if fmt == "csv":
            message = self.tr("Exported %1 span(s) to %2")
        else:
            message = self.tr("Exported %1 document(s) to %2")
        message = message.replace("%1", str(count)).replace("%2", path)
        if report.widened or report.dropped:
            message += " · " + self.tr("%1 span(s) widened to token edges, %2 dropped").replace(
                "%1", str(len(report.widened))).replace("%2", str(len(report.dropped)))
        self.statusBar().showMessage(message, 8000)

    def open_database(self) -> None:
        path, _ = file_dialog().getSaveFileName(self, self.tr("Open or create a project"), "",
                                                self.tr("Annotator projects (*.db);;All files (*)"),
                                                options=file_dialog().Option.DontConfirmOverwrite)
        if path:
            self.save_layout()
            self.openDatabaseRequested.emit(path)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in recent_databases(self.settings):
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _=False, p=path: self.open_recent(p))

    def open_recent(self, path: str) -> None:
        """Open a recent project; one that is no longer there is reported and dropped from
        the list, never created afresh."""
        if not Path(path).is_file():
            forget_database(self.settings, path)
            QMessageBox.warning(self, self.tr("Project not found"), interface_sentence(
                self.tr("%1 is no longer there; it has been removed from the recent projects."), path))
            return
        self.save_layout()
        self.openDatabaseRequested.emit(path)

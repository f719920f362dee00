"""The main window: documents on one side, the article in the middle, its spans on the other.

It builds the widgets, docks and menus and wires them together. What a gesture does lives in
the controllers (``ui/controllers``: labelling, review, files); every change they make goes
through ``Operations``; the rules themselves live in ``annotator.core`` and ``annotator.review``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import SUGGESTED, Document, Span
from annotator.store import Store
from annotator.ui import settings as prefs
from annotator.ui import window_actions
from annotator.ui.article_view import ArticleView
from annotator.ui.bidi_delegate import interface_sentence
from annotator.ui.controllers.event_records import EventRecords, built_on_first_use
from annotator.ui.controllers.files import FilesController, file_dialog
from annotator.ui.controllers.labelling import LabellingController
from annotator.ui.controllers.review import ReviewController
from annotator.ui.dialogs import input_dialog, message_box
from annotator.ui.document_list import DocumentListModel, StatusFilter, status_names
from annotator.ui.find_bar import FindBar
from annotator.ui.operations import Operations
from annotator.ui.palette import apply_palette
from annotator.ui.settings import forget_database, long_span_length, recent_databases
from annotator.ui.span_table import SpanTableModel
from annotator.ui.window_actions import build_actions, build_label_bar, build_menus, mirrored, swatch_icon, tune_table
from annotator.ui.workspace import Workspace


class MainWindow(QMainWindow):
    __getattr__ = built_on_first_use  # events, events_panel: the Events panel and controller
    openDatabaseRequested = Signal(str)
    languageChanged = Signal(str)  # "", "en" or "ar": the window is rebuilt in that language

    def __init__(self, store: Store, annotator: str, settings: QSettings):
        super().__init__()
        self.settings = settings
        self._export_actions: dict[str, QAction] | None = None
        self.workspace = Workspace(store, annotator, self)
        self.setObjectName("MainWindow")
        self._show_project_path(store.path)
        # Saved layouts are kept per direction; the interface language may change under a
        # window that is about to be replaced, so its direction is fixed when it is built.
        self._built_rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft

        self.view = ArticleView(self)
        self.view.setObjectName("ArticleView")
        self.find_bar = FindBar(self)
        self.stack = QStackedWidget(self)
        self.operations = Operations(self, self.statusBar(), self.workspace.undo_stack)
        self.files = FilesController(self.workspace, self.operations)
        self.labelling = LabellingController(self.workspace, self.view, self.operations, settings)
        self.review = ReviewController(self.workspace, self.view, self.operations)
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
        build_actions(self)
        build_menus(self)
        self.event_records = EventRecords(self)  # the Events dock; its panel and controller made on first use
        build_label_bar(self)
        self._build_status_bar()
        self._connect()
        self._restore_settings()
        self._open_initial_document()

    # -- building ------------------------------------------------------------------

    @property
    def export_actions(self) -> dict[str, QAction]:  # by format name, made when the menu first opens
        if self._export_actions is None:
            self._export_actions = window_actions.export_actions(self)
        return self._export_actions
    def _build_empty_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addStretch()
        message = QLabel(self.tr("This project has no articles yet."), page)
        message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.sample_button = QPushButton(self.tr("Open the sample article"), page)
        self.sample_button.clicked.connect(self.files.import_sample)
        import_button = QPushButton(self.tr("Import articles…"), page)
        import_button.clicked.connect(self.files.import_files)
        for widget in (message, self.sample_button, import_button):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch()
        return page

    def _build_documents_dock(self) -> None:
        self.documents = DocumentListModel(self.workspace)
        self.documents_filter = StatusFilter(self.documents)
        self.document_table = QTableView(self)
        self.document_table.setModel(self.documents_filter)
        tune_table(self.document_table, stretch_column=0)
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
        tune_table(self.span_table, stretch_column=1)
        self.spans_dock = QDockWidget(self.tr("Spans"), self)
        self.spans_dock.setObjectName("SpansDock")
        self.spans_dock.setWidget(self.span_table)
        self.addDockWidget(self._side(Qt.DockWidgetArea.LeftDockWidgetArea), self.spans_dock)
        self.resizeDocks([self.documents_dock, self.spans_dock], [300, 320], Qt.Orientation.Horizontal)

    def _side(self, area: Qt.DockWidgetArea) -> Qt.DockWidgetArea:
        return mirrored(area) if self.layoutDirection() == Qt.LayoutDirection.RightToLeft else area

    def review_actions(self) -> tuple:
        return self.accept_action, self.reject_action, self.accept_agreed_action, self.next_disagreement_action

    def _build_status_bar(self) -> None:
        self.annotator_label, self.document_label, self.review_label = QLabel(self), QLabel(self), QLabel(self)
        for label in (self.review_label, self.document_label, self.annotator_label):
            self.statusBar().addPermanentWidget(label)
        self._show_annotator()

    def _connect(self) -> None:
        ws = self.workspace
        # The article observes the workspace itself; connected after the tables, it is shown
        # changed once their rows are in.
        self.view.observe(ws)
        ws.documentOpened.connect(self._document_opened)
        for signal in (ws.spanAdded, ws.spanRemoved, ws.spanChanged):
            signal.connect(self._show_document_position)
        self.files.documentsArrived.connect(self._open_first_document)
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

    def _direction(self) -> str:
        # Docks sit on physical sides: a layout saved in Arabic would come back unmirrored in English.
        return "rtl" if self._built_rtl else "ltr"

    def _show_project_path(self, path: Path) -> None:
        """The title names the project file and its folder; the window's file path is the full path."""
        path = path.resolve()
        self.setWindowFilePath(str(path))
        self.setWindowTitle(interface_sentence(self.tr("%1 in %2"), path.name, str(path.parent)))

    def save_layout(self) -> None:
        """Size, docks and toolbars, saved before this window is replaced (another project,
        another language) as well as when it closes."""
        prefs.GEOMETRY.write(self.settings, self.saveGeometry())
        prefs.WINDOW_STATE.write(self.settings, self.saveState(), self._direction())

    def _project_key(self) -> str:
        return str(self.workspace.store.path.resolve()).replace("/", "|")

    def _restore_settings(self) -> None:
        s = self.settings
        geometry = prefs.GEOMETRY.read(s)
        self.restoreGeometry(geometry) if geometry else self.resize(1280, 800)
        state = prefs.WINDOW_STATE.read(s, self._direction())
        if state:
            self.restoreState(state)
        self.view.set_point_size(prefs.FONT_SIZE.read(s), prefs.FONT_FAMILY.read(s) or None)
        dark = prefs.DARK_PALETTE.read(s)
        self.dark_action.setChecked(dark)
        if dark:
            apply_palette(True)
        exact = prefs.EXACT_MODE.read(s)
        self.exact_action.setChecked(exact)
        self.view.exact_mode = exact

    def closeEvent(self, event) -> None:
        self.save_layout()
        prefs.FONT_SIZE.write(self.settings, self.view.point_size)
        if self.workspace.document is not None:
            prefs.LAST_DOCUMENT.write(self.settings, self.workspace.document.id, self._project_key())
        self.settings.sync()
        super().closeEvent(event)

    # -- documents -------------------------------------------------------------------

    def _open_initial_document(self) -> None:
        rows = self.documents.rows
        if not rows:
            self.stack.setCurrentIndex(0)
            return
        ids = [r.id for r in rows]
        wanted = prefs.LAST_DOCUMENT.read(self.settings, self._project_key())
        self.open_document(wanted if wanted in ids else ids[0])

    def _open_first_document(self) -> None:
        if self.workspace.document is None and self.documents.rows:
            self.open_document(self.documents.rows[0].id)

    def open_document(self, document_id: int) -> None:
        self.workspace.open_document(document_id)

    def _document_opened(self, document: Document) -> None:
        prefs.LAST_DOCUMENT.write(self.settings, document.id, self._project_key())
        self.stack.setCurrentIndex(1)
        self.find_bar.set_text(document.text)
        row = self.documents.row_of(document.id)
        if row is not None:
            index = self.documents_filter.mapFromSource(self.documents.index(row, 0))
            if index.isValid():
                self.document_table.selectRow(index.row())
        self._show_document_position()
        self.view.setFocus()

    def _show_document_position(self, *_changed: object) -> None:
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
            .replace("%2", str(len(self.documents.rows))).replace("%3", status)
            .replace("%4", str(len(self.workspace.spans))))

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
        self.operations.run(lambda: self.workspace.set_status("in_progress" if done else "done"))
        self._show_document_position()

    # -- review ------------------------------------------------------------------------------

    def set_review_mode(self, on: bool) -> None:
        self.review.set_review_mode(on)
        self.documents.reload()  # statuses read as to review / reviewed
        self._show_document_position()
        for action in self.review_actions():
            action.setEnabled(on)
        self.review_label.setText(self.tr("Review mode") if on else "")

    def show_side_by_side(self) -> None:
        """One pane per annotator, scrolling together; the same key closes them."""
        from annotator.ui.side_by_side import toggle_side_by_side

        toggle_side_by_side(self)

    def show_dashboard(self) -> None:
        try:
            from annotator.ui.dashboard import AgreementDashboard
        except ImportError:
            message_box().information(self, self.tr("Agreement dashboard"),
                                      self.tr("The dashboard needs matplotlib: pip install 'annotator[dashboard]'"))
            return
        computed = self.review.agreement_figures()
        if computed is None:
            return
        self.dashboard = AgreementDashboard(self.workspace.store, self, computed)
        self.dashboard.openSpan.connect(self.open_span_for_review)
        self.dashboard.show()

    def open_span_for_review(self, document_id: int, span_id: str) -> None:
        if not self.review_action.isChecked():
            self.review_action.trigger()
        self.open_document(document_id)
        span = self.workspace.spans.get(span_id)  # that very span: gold's may lie at its place
        if span is not None:
            self.view.select_span(span)
        self.activateWindow()

    # -- the article -------------------------------------------------------------------

    def set_exact_mode(self, on: bool) -> None:
        self.view.exact_mode = on
        prefs.EXACT_MODE.write(self.settings, on)

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

    def zoom(self, factor: float | None) -> None:
        from annotator.ui.article_view import DEFAULT_POINT_SIZE

        size = DEFAULT_POINT_SIZE if factor is None else self.view.point_size * factor
        self.view.set_point_size(round(size, 1))
        prefs.FONT_SIZE.write(self.settings, self.view.point_size)

    def set_dark(self, on: bool) -> None:
        apply_palette(on)
        prefs.DARK_PALETTE.write(self.settings, on)

    # -- settings and the annotator ----------------------------------------------------

    def _show_annotator(self) -> None:
        self.annotator_label.setText(interface_sentence(self.tr("Annotator: %1"), self.workspace.annotator))

    def ask_annotator_name(self) -> None:
        question = self.tr("Your name, as it goes on your spans:")
        name, ok = input_dialog().getText(self, self.tr("Annotator name"), question, text=self.workspace.annotator)
        if ok and name.strip() and name.strip() != SUGGESTED:  # the suggesters' layer is nobody's login
            self.set_annotator(name.strip())

    def set_language(self, code: str) -> None:
        prefs.LANGUAGE.write(self.settings, code)
        self.save_layout()  # the window in the new language starts from this one's size
        self.languageChanged.emit(code)

    def show_shortcuts(self) -> None:
        from annotator.ui.shortcut_sheet import ShortcutSheet

        ShortcutSheet(self.actions() + self.view.actions() + list(self.label_actions.values()), self).exec()

    def show_settings(self) -> None:
        from annotator.ui.settings_dialog import SettingsChoice, SettingsDialog

        current = SettingsChoice(self.view.font().family(), self.view.point_size,
                                 {label.name: label.color for label in self.workspace.labels}, not self.view.exact_mode,
                                 self.workspace.annotator, str(self.workspace.store.path),
                                 long_span_length(self.settings))
        dialog = SettingsDialog(current, self.workspace.labels, self)
        dialog.database_button.clicked.connect(lambda: (dialog.reject(), self.open_database()))
        dialog.name_edit.setReadOnly(self.workspace.annotator_fixed)  # a server's login is the name
        if dialog.exec() == SettingsDialog.DialogCode.Accepted:
            self.apply_settings(dialog.result_choice())

    def apply_settings(self, choice) -> None:
        self.view.set_point_size(choice.font_size, choice.font_family)
        prefs.FONT_SIZE.write(self.settings, choice.font_size)
        prefs.FONT_FAMILY.write(self.settings, choice.font_family)
        prefs.LONG_SPAN_LENGTH.write(self.settings, choice.long_span)
        changed = {n: c for n, c in choice.colors.items() if self.workspace.label(n).color != c}
        if changed:
            self.operations.run(lambda: [self.workspace.store.set_label_color(n, c) for n, c in changed.items()])
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
        if not self.workspace.set_annotator(name):
            return  # on a server the login stays the name
        prefs.ANNOTATOR.write(self.settings, name)
        self.documents.reload()
        self._show_annotator()
        self._show_document_position()

    # -- projects -------------------------------------------------------------------------

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
            message_box().warning(self, self.tr("Project not found"), interface_sentence(
                self.tr("%1 is no longer there; it has been removed from the recent projects."), path))
            return
        self.save_layout()
        self.openDatabaseRequested.emit(path)

"""The main window's actions, menus and label bar, built here so the window keeps to wiring.

Each builder sets the window's attributes (``window.undo_action``...) that tests, the shortcut
sheet and the window itself use; the words stay in the window's translation context.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMainWindow, QTableView, QToolBar

from annotator.ui.bidi_delegate import BidiDelegate
from annotator.ui.settings import LANGUAGE
from annotator.ui.tooltips import plain_tooltip

# The window's words keep the window's translation context (and its Arabic catalogue entries).
translate = QCoreApplication.translate


def swatch_icon(color: str) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


def mirrored(area: Qt.DockWidgetArea) -> Qt.DockWidgetArea:
    """Dock areas are physical in Qt; a right-to-left interface mirrors them itself."""
    return {Qt.DockWidgetArea.LeftDockWidgetArea: Qt.DockWidgetArea.RightDockWidgetArea,
            Qt.DockWidgetArea.RightDockWidgetArea: Qt.DockWidgetArea.LeftDockWidgetArea}.get(area, area)


def tune_table(table: QTableView, stretch_column: int) -> None:
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    table.setWordWrap(False)
    table.setItemDelegate(BidiDelegate(table))


def action(window: QMainWindow, text: str, slot, shortcut=None, checkable: bool = False) -> QAction:
    made = QAction(text, window)
    if shortcut is not None:
        made.setShortcuts(shortcut if isinstance(shortcut, list) else [QKeySequence(shortcut)])
    made.setCheckable(checkable)
    made.triggered.connect(slot)
    window.addAction(made)
    return made


def view_action(window, text: str, slot, shortcut: str) -> QAction:
    """An action whose single-letter key works in the article only (not while typing a search)."""
    made = QAction(text, window)
    made.setShortcut(QKeySequence(shortcut))
    made.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    made.triggered.connect(slot)
    window.view.addAction(made)
    return made


def undo_actions(window) -> None:
    """Undo and Redo through the operation wrapper: the stack moves once the store took the change.
    Their text follows the stack as QUndoStack's own actions' does ("Undo Add event")."""
    stack, operations = window.workspace.undo_stack, window.operations
    window.undo_action = action(window, translate("MainWindow", "Undo"), operations.undo, QKeySequence.StandardKey.Undo)
    window.redo_action = action(window, translate("MainWindow", "Redo"), operations.redo,
                                [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    undo, redo = translate("MainWindow", "Undo"), translate("MainWindow", "Redo")
    for made, prefix, can, changed, text_changed in (
            (window.undo_action, undo, stack.canUndo, stack.canUndoChanged, stack.undoTextChanged),
            (window.redo_action, redo, stack.canRedo, stack.canRedoChanged, stack.redoTextChanged)):
        made.setEnabled(can())
        changed.connect(made.setEnabled)
        text_changed.connect(lambda words, a=made, p=prefix: a.setText(f"{p} {words}" if words else p))


def project_search(window) -> None:
    from annotator.ui.project_search import open_project_search  # made on first use, not at start-up

    open_project_search(window)


def connect_to_server(window) -> None:
    from annotator.ui.server_dialog import connect_to_server as ask  # made on first use, not at start-up

    ask(window)


def fill_recent_servers(window) -> None:
    from annotator.ui.settings import recent_servers

    if recent_servers(window.settings):  # the dialog's module only when there is a server to offer
        from annotator.ui.server_dialog import fill_recent_servers as fill

        fill(window)


def progress_summary(window) -> None:
    from annotator.ui.progress_summary import show_progress

    show_progress(window)


def build_actions(window) -> None:
    key = QKeySequence.StandardKey
    w, files, labelling, review = window, window.files, window.labelling, window.review
    undo_actions(w)
    # Refused as changed by someone else meanwhile: what is there now is shown.
    w.operations.conflicted.connect(lambda: w.workspace.take_stored_changes())
    w.open_db_action = action(w, translate("MainWindow", "Open project…"), w.open_database, key.Open)
    w.connect_action = action(w, translate("MainWindow", "Connect to server…"), lambda: connect_to_server(w))
    w.import_files_action = action(w, translate("MainWindow", "Import files…"), files.import_files, "Ctrl+I")
    w.import_folder_action = action(w, translate("MainWindow", "Import folder…"), files.import_folder)
    w.merge_action = action(w, translate("MainWindow", "Merge annotators' projects…"), files.merge_projects)
    w.quit_action = action(w, translate("MainWindow", "Quit"), w.close, key.Quit)
    w.delete_action = action(w, translate("MainWindow", "Delete span"), labelling.delete_selected_span)
    w.strip_action = action(w, translate("MainWindow", "Strip clitic"), labelling.strip_clitic, "Ctrl+K")
    w.exact_action = action(w, translate("MainWindow", "Exact (sub-word) selection"), w.set_exact_mode, "Ctrl+E",
                            checkable=True)
    w.exact_action.setToolTip(
        translate("MainWindow", "Select inside words; hold Alt while dragging for a single exact selection"))
    w.find_action = action(w, translate("MainWindow", "Find…"), w.find_bar.open_bar, key.Find)
    w.project_search_action = action(w, translate("MainWindow", "Search all documents…"),
                                     lambda: project_search(w), "Ctrl+Shift+F")
    w.progress_action = action(w, translate("MainWindow", "Progress…"), lambda: progress_summary(w))
    w.zoom_in_action = action(w, translate("MainWindow", "Zoom in"), lambda: w.zoom(1.1),
                              [QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
    w.zoom_out_action = action(w, translate("MainWindow", "Zoom out"), lambda: w.zoom(1 / 1.1), "Ctrl+-")
    w.zoom_reset_action = action(w, translate("MainWindow", "Actual size"), lambda: w.zoom(None), "Ctrl+0")
    w.dark_action = action(w, translate("MainWindow", "Dark palette"), w.set_dark, checkable=True)
    w.next_doc_action = action(w, translate("MainWindow", "Next document"), lambda: w.step_document(1), "PgDown")
    w.prev_doc_action = action(w, translate("MainWindow", "Previous document"), lambda: w.step_document(-1), "PgUp")
    w.done_action = action(w, translate("MainWindow", "Mark done"), w.toggle_done,
                           [QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
    w.name_action = action(w, translate("MainWindow", "Annotator name…"), w.ask_annotator_name)
    if w.workspace.annotator_fixed:  # on a server the login is the name: blind annotation holds
        w.name_action.setEnabled(False)
        w.name_action.setToolTip(translate("MainWindow", "On a server you label under your login"))
    w.refresh_action = action(w, translate("MainWindow", "Refresh"), w.refresh, key.Refresh)
    w.settings_action = action(w, translate("MainWindow", "Settings…"), w.show_settings, key.Preferences)
    if w.settings_action.shortcuts() == []:
        w.settings_action.setShortcut(QKeySequence("Ctrl+,"))
    w.shortcuts_action = action(w, translate("MainWindow", "Keyboard shortcuts"), w.show_shortcuts, key.HelpContents)
    w.review_action = action(w, translate("MainWindow", "Review mode"), w.set_review_mode, "Ctrl+R", checkable=True)
    w.review_action.setToolTip(
        translate("MainWindow", "Everyone's spans and the gold layer; accept, reject, adjudicate"))
    w.accept_action = view_action(w, translate("MainWindow", "Accept span into gold"), review.accept_selected, "A")
    w.reject_action = view_action(w, translate("MainWindow", "Reject span"), review.reject_selected, "X")
    w.accept_agreed_action = view_action(w, translate("MainWindow", "Accept all spans everyone agrees on"),
                                         review.accept_agreed, "Ctrl+Shift+A")
    w.next_disagreement_action = view_action(w, translate("MainWindow", "Next disagreement"),
                                             review.next_disagreement, "N")
    w.dashboard_action = action(w, translate("MainWindow", "Agreement dashboard…"), w.show_dashboard, "Ctrl+Shift+D")
    w.side_by_side_action = action(w, translate("MainWindow", "Side by side…"), w.show_side_by_side, "Ctrl+Shift+S")
    for made in w.review_actions():
        made.setEnabled(False)
    reviewers_only(w)


def reviewers_only(w) -> None:
    """On a server, reviewing needs the reviewer (or owner) role: an annotator's login reads only
    its own spans and may not write the gold layer, so review mode would show her own work as
    "all agree" and every change in it would be refused. A project file keeps it open to all."""
    if w.workspace.may_review():
        return
    refusal = translate("MainWindow", "Reviewing needs the reviewer role: on this server your login is an annotator")
    for made in (w.review_action, w.side_by_side_action, w.dashboard_action):
        made.setEnabled(False)
        made.setToolTip(refusal)
        for key in made.shortcuts():  # a disabled action's key would do nothing at all: say why
            QShortcut(key, w).activated.connect(lambda: w.operations.tell(refusal, 8000))


def export_actions(w) -> dict:
    """One action per exportable format, in the registry's order, titled by the format itself.
    Made when first needed, not at start-up: the registry imports every format module, 12 ms
    before the first paint for a menu nobody has opened yet."""
    from annotator.formats.registry import EXPORTERS
    from annotator.formats.spec import TITLE_CONTEXT

    made = {name: action(w, translate(TITLE_CONTEXT, fmt.title) + "…", lambda _=False, f=name: w.files.export(f))
            for name, fmt in EXPORTERS.items()}
    _fill(w.export_menu, made.values())
    return made


def _fill(menu, actions) -> None:
    for made in actions:
        menu.addSeparator() if made is None else menu.addAction(made)


def build_menus(w) -> None:
    bar = w.menuBar()
    file_menu = bar.addMenu(translate("MainWindow", "&File"))
    file_menu.addAction(w.open_db_action)
    file_menu.addAction(w.connect_action)
    w.recent_menu = file_menu.addMenu(translate("MainWindow", "Recent projects"))
    w.recent_menu.aboutToShow.connect(w._fill_recent_menu)
    w.recent_menu.aboutToShow.connect(lambda: fill_recent_servers(w))  # after the files, which it clears
    _fill(file_menu, (None, w.import_files_action, w.import_folder_action, w.merge_action))
    w.export_menu = file_menu.addMenu(translate("MainWindow", "Export"))
    w.export_menu.aboutToShow.connect(lambda: w.export_actions)  # made on first use
    _fill(file_menu, (None, w.quit_action))
    _fill(bar.addMenu(translate("MainWindow", "&Edit")),
          (w.undo_action, w.redo_action, None, w.delete_action, w.strip_action, w.exact_action, None, w.find_action,
           w.project_search_action))
    _fill(bar.addMenu(translate("MainWindow", "&Document")),
          (w.next_doc_action, w.prev_doc_action, w.done_action, None, w.progress_action))
    review_menu = bar.addMenu(translate("MainWindow", "&Review"))
    review_menu.setToolTipsVisible(True)  # why an action is closed to this login, among others
    _fill(review_menu,
          (w.review_action, None, w.accept_action, w.reject_action, w.accept_agreed_action,
           w.next_disagreement_action, None, w.side_by_side_action, w.dashboard_action))
    _fill(bar.addMenu(translate("MainWindow", "&View")),
          (w.refresh_action, None, w.zoom_in_action, w.zoom_out_action, w.zoom_reset_action, None, w.dark_action,
           None, w.documents_dock.toggleViewAction(), w.spans_dock.toggleViewAction()))
    settings_menu = bar.addMenu(translate("MainWindow", "&Settings"))
    _fill(settings_menu, (w.settings_action, w.name_action))
    language_menu = settings_menu.addMenu(translate("MainWindow", "Language"))
    current = LANGUAGE.read(w.settings)
    w.language_actions = {}
    for code, name in (("", translate("MainWindow", "As the system")), ("en", "English"), ("ar", "العربية")):
        made = language_menu.addAction(name)
        made.setCheckable(True)
        made.setChecked(code == current)
        made.triggered.connect(lambda _=False, c=code: w.set_language(c))
        w.language_actions[code] = made
    bar.addMenu(translate("MainWindow", "&Help")).addAction(w.shortcuts_action)


def build_label_bar(w) -> None:
    w.label_bar = QToolBar(translate("MainWindow", "Labels"), w)
    w.label_bar.setObjectName("LabelBar")
    w.label_bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    w.label_actions = {}
    for label in w.workspace.labels:
        text = label.caption()
        if label.key:
            text += f"  ({label.key})"
        made = QAction(swatch_icon(label.color), text, w)
        made.setToolTip(plain_tooltip(
            translate("MainWindow", "Label the selection as %1 (key %2)")
            .replace("%1", label.name).replace("%2", label.key)))
        made.triggered.connect(lambda _=False, name=label.name: w.view.request_label(name))
        w.label_bar.addAction(made)
        w.label_actions[label.name] = made
    w.label_bar.addSeparator()
    w.label_bar.addAction(w.exact_action)
    w.label_bar.addAction(w.strip_action)
    w.addToolBar(Qt.ToolBarArea.TopToolBarArea, w.label_bar)

"""Starting the GUI: the application object, fonts, the annotator's name, the project."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from annotator.core.errors import AnnotatorError
from annotator.core.model import SUGGESTED
from annotator.store import OpenMode, ProjectStore, StoreError, default_db_path, open_store
from annotator.store.location import ServerAddress, project_location
from annotator.ui.dialogs import input_dialog, message_box
from annotator.ui.i18n import apply_language
from annotator.ui.main_thread_gc import collect_on_the_ui_thread
from annotator.ui.main_window import MainWindow
from annotator.ui.resources import app_icon, load_fonts
from annotator.ui.settings import ANNOTATOR, LANGUAGE, app_settings, remember_database, remember_server
from annotator.ui.warmup import warm_normalisers


def ensure_app() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        app.setApplicationName("Annotator")
        app.setOrganizationName("Annotator")
        app.setApplicationDisplayName("Annotator")
        app.setDesktopFileName("org.annotator.Annotator")
        app.setWindowIcon(app_icon())
        collect_on_the_ui_thread(app)
    load_fonts()
    return app


def annotator_name(settings: QSettings, ask: bool = True) -> str:
    """The name stored in settings; on first run, asked once."""
    name = ANNOTATOR.read(settings)
    if name and name != SUGGESTED:  # the suggesters' layer is nobody's login: asked again
        return name
    import getpass  # first run only

    try:
        default = getpass.getuser()
    except Exception:
        default = "annotator"
    if ask:
        typed, ok = input_dialog().getText(None, QApplication.translate("App", "Welcome to Annotator"),
                                           QApplication.translate("App", "Your name, as it goes on your spans:"),
                                           text=default)
        if ok and typed.strip() and typed.strip() != SUGGESTED:
            default = typed.strip()
    ANNOTATOR.write(settings, default)
    return default


def _show_error(message: str) -> None:
    message_box().critical(None, QApplication.translate("App", "Cannot open the project"), message)


def open_window(db_path: Path | ServerAddress, settings: QSettings, files: list[Path] = (), ask_name: bool = True,
                report: Callable[[str], None] = _show_error) -> MainWindow | None:
    """Open the project at ``db_path`` (a file, or a server's address) in a new window; on failure
    ``report`` why and return None.

    The window may create the project; an older one is copied (``NAME.vN.bak``) and migrated."""
    try:
        store = open_store(db_path, OpenMode.CREATE)
    except StoreError as err:
        report(str(err))
        return None
    # On a server the login is the annotator's name: nothing to ask, nothing to choose.
    name = store.login or annotator_name(settings, ask=ask_name)
    if files:
        from annotator.formats.importer import import_paths

        try:
            with store.errors_translated():
                import_paths(store, files, name)
        except AnnotatorError as err:  # a reader's, the store's: one line, and the window opens
            message_box().warning(None, QApplication.translate("App", "Import failed"), str(err))
    try:
        # Building the window reads the project: a damaged page is met here, not later.
        with store.errors_translated():
            window = MainWindow(store, name, settings)
    except StoreError as err:
        store.close()
        report(str(err))
        return None
    on_server = isinstance(db_path, ServerAddress)
    remember_server(settings, str(db_path)) if on_server else remember_database(settings, str(db_path))
    _wire_store_messages(store, window)
    if on_server:
        from annotator.ui.live_changes import watch_changes

        watch_changes(window)

    def switch(path: str | ServerAddress) -> None:
        # A server's address keeps its password (in memory only) from the connect dialog or this window.
        replacement = open_window(project_location(path), settings)
        if replacement is not None:
            replacement.show()
            window.close()

    def relanguage(code: str) -> None:
        apply_language(QApplication.instance(), code)
        switch(db_path)  # a new window, built in the new language

    window.openDatabaseRequested.connect(switch)
    window.languageChanged.connect(relanguage)
    window.destroyed.connect(store.close)
    # Once the window is up and drawn: the copy must not compete with start-up.
    if not on_server:
        QTimer.singleShot(BACKUP_DELAY_MS, lambda: _start_rolling_backup(db_path))
    QTimer.singleShot(WARM_UP_DELAY_MS, warm_normalisers)
    return window


BACKUP_DELAY_MS = 2000
WARM_UP_DELAY_MS = 300
WINDOW_LOCK_WAIT_S = 20.0


def _wire_store_messages(store: ProjectStore, window: MainWindow) -> None:
    """What the store has to say goes to the status bar: the copy kept before a migration,
    and a write waiting for another program's (an import's) transaction."""
    bar = window.statusBar()
    if store.safety_copy is not None:
        bar.showMessage(QApplication.translate("App", "This project was made by an older Annotator; a copy of it as "
                                               "it was is kept in %1").replace("%1", store.safety_copy.name))

    def waiting(_message: str) -> None:
        bar.showMessage(QApplication.translate("App", "Waiting for another program (an import?) to finish writing "
                                               "to the project…"))
        bar.repaint()  # the UI thread is the one waiting: draw now, without running other events

    store.on_wait = waiting
    # The UI thread is the one that waits: a window frozen for the command line's 15 minutes
    # would look hung. Past this the change fails and the window offers to try again.
    store.lock_wait = WINDOW_LOCK_WAIT_S


def _start_rolling_backup(db_path: Path) -> None:
    """A copy of the project at each start, on a worker thread so the window does not wait."""
    import threading

    from annotator.store.backups import rolling_backup

    def work() -> None:
        try:
            rolling_backup(db_path)
        except Exception as err:  # a failed backup must not stop anyone working
            print(f"annotator: backup of {db_path} failed: {err}", file=sys.stderr)

    threading.Thread(target=work, name="rolling-backup", daemon=True).start()


def run(db_path: Path | None = None, files: list[Path] = (), screenshot: Path | None = None) -> int:
    """Show the window; with ``screenshot``, draw it to that PNG once shown and exit (used by
    the packaged build's smoke test and for documentation)."""
    app = ensure_app()
    settings = app_settings()
    apply_language(app, LANGUAGE.read(settings))
    # A screenshot run is unattended: it must not stop to ask for a name.
    unattended = screenshot is not None

    def say(message: str) -> None:
        print(f"annotator: error: {message}", file=sys.stderr)

    window = open_window(db_path or default_db_path(), settings, list(files), ask_name=not unattended,
                         report=say if unattended else _show_error)
    if window is None:
        return 1
    window.show()
    if screenshot is not None:
        app.processEvents()
        if not window.grab().save(str(screenshot)):
            print(f"annotator: cannot write {screenshot}", file=sys.stderr)
            return 1
        window.close()
        return 0
    return app.exec()

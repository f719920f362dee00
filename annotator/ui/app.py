"""Starting the GUI: the application object, fonts, the annotator's name, the project."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from annotator.store import Store, StoreError, default_db_path
from annotator.ui.i18n import apply_language
from annotator.ui.main_window import MainWindow
from annotator.ui.resources import load_fonts, resource_path
from annotator.ui.settings import app_settings, remember_database


def ensure_app() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        app.setApplicationName("Annotator")
        app.setOrganizationName("Annotator")
        app.setApplicationDisplayName("Annotator")
        app.setDesktopFileName("org.annotator.Annotator")
        app.setWindowIcon(QIcon(str(resource_path("icons", "annotator.svg"))))
    load_fonts()
    return app


def annotator_name(settings: QSettings, ask: bool = True) -> str:
    """The name stored in settings; on first run, asked once."""
    name = str(settings.value("annotator", "") or "")
    if name:
        return name
    import getpass  # first run only

    try:
        default = getpass.getuser()
    except Exception:
        default = "annotator"
    if ask:
        typed, ok = QInputDialog.getText(None, QApplication.translate("App", "Welcome to Annotator"),
                                         QApplication.translate("App", "Your name, as it goes on your spans:"),
                                         text=default)
        if ok and typed.strip():
            default = typed.strip()
    settings.setValue("annotator", default)
    return default


def open_window(db_path: Path, settings: QSettings, files: list[Path] = (), ask_name: bool = True) -> MainWindow | None:
    """Open the project at ``db_path`` in a new window; on failure say why and return None."""
    try:
        store = Store.open(db_path)
    except StoreError as err:
        QMessageBox.critical(None, QApplication.translate("App", "Cannot open the project"), str(err))
        return None
    name = annotator_name(settings, ask=ask_name)
    if files:
        from annotator.formats.importer import import_paths
        from annotator.formats.records import FormatError

        try:
            import_paths(store, files, name)
        except (FormatError, StoreError) as err:
            QMessageBox.warning(None, QApplication.translate("App", "Import failed"), str(err))
    remember_database(settings, str(db_path))
    window = MainWindow(store, name, settings)

    def switch(path: str) -> None:
        replacement = open_window(Path(path), settings)
        if replacement is not None:
            replacement.show()
            window.close()

    def relanguage(code: str) -> None:
        apply_language(QApplication.instance(), code)
        switch(str(db_path))  # a new window, built in the new language

    window.openDatabaseRequested.connect(switch)
    window.languageChanged.connect(relanguage)
    window.destroyed.connect(store.close)
    # Once the window is up and drawn: the copy must not compete with start-up.
    QTimer.singleShot(BACKUP_DELAY_MS, lambda: _start_rolling_backup(db_path))
    return window


BACKUP_DELAY_MS = 2000


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
    apply_language(app, str(settings.value("language", "") or ""))
    # A screenshot run is unattended: it must not stop to ask for a name.
    window = open_window(db_path or default_db_path(), settings, list(files), ask_name=screenshot is None)
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

"""File ▸ Connect to server…: a project kept on a PostgreSQL server, opened in the window.

The dialog asks for the host, port, database, login and password. The password is never written to
the settings: the recent servers keep the address without it, and it is asked for again, unless
the system keyring (the ``keyring`` package, where it is installed and has a working backend)
keeps it at the user's wish. Connecting (and creating the project's tables on an empty database)
runs on a worker thread; only once it worked does the window open the project, by the same path
as File ▸ Open project…"""

from __future__ import annotations

import getpass
from urllib.parse import quote, unquote, urlsplit

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QMainWindow,
    QSpinBox,
    QWidget,
)

from annotator.store import OpenMode
from annotator.store.location import ServerAddress
from annotator.ui.operations import WRITE_ERRORS
from annotator.ui.settings import recent_servers

translate = QCoreApplication.translate
KEYRING_SERVICE = "Annotator"
DEFAULT_PORT = 5432


def system_keyring():
    """The ``keyring`` module when it is installed and has a backend that can keep a secret;
    None otherwise (the password is then asked for each time)."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken keyring configuration is no keyring
        return None
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 0) <= 0:
        return None
    return keyring


def kept_password(address: str) -> str | None:
    keyring = system_keyring()
    if keyring is None:
        return None
    try:
        return keyring.get_password(KEYRING_SERVICE, address)
    except Exception:  # a locked or refusing keyring: ask instead
        return None


def keep_password(address: str, password: str) -> None:
    keyring = system_keyring()
    if keyring is not None:
        try:
            keyring.set_password(KEYRING_SERVICE, address, password)
        except Exception:  # the connection worked; a keyring that refuses only means asking next time
            pass


def server_url(host: str, port: int, database: str, user: str, password: str = "") -> str:
    login = quote(user, safe="")
    if password:
        login += ":" + quote(password, safe="")
    return f"postgresql://{login}@{host}:{port}/{quote(database, safe='')}"


class ServerDialog(QDialog):
    """Where the server is and who connects; ``address()`` is the full address, password included."""

    def __init__(self, parent: QWidget | None = None, known: ServerAddress | None = None, password: str = ""):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connect to server"))
        self.setMinimumWidth(420)
        form = QFormLayout(self)
        self.host_edit = QLineEdit(known.host if known else "localhost", self)
        self.port_box = QSpinBox(self)
        self.port_box.setRange(1, 65535)
        self.port_box.setValue((known.port if known else None) or DEFAULT_PORT)
        self.database_edit = QLineEdit(known.dbname if known else "", self)
        self.database_edit.setPlaceholderText(self.tr("the project's database"))
        self.user_edit = QLineEdit(known.user if known else _login_name(), self)
        self.password_edit = QLineEdit(password, self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Server"), self.host_edit)
        form.addRow(self.tr("Port"), self.port_box)
        form.addRow(self.tr("Database"), self.database_edit)
        form.addRow(self.tr("User"), self.user_edit)
        form.addRow(self.tr("Password"), self.password_edit)
        self.keep_box = QCheckBox(self.tr("Keep the password in the system keyring"), self)
        self.keep_box.setChecked(bool(password))
        if system_keyring() is None:
            self.keep_box.setChecked(False)
            self.keep_box.hide()  # nowhere safe to keep it: asked for each time
        form.addRow("", self.keep_box)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Connect"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        for edit in (self.host_edit, self.database_edit, self.user_edit):
            edit.textChanged.connect(self._allow)
        self._allow()
        # The first field left to fill; for a recent server, only its password.
        self.first_field = self.password_edit if known else self.database_edit

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.first_field.setFocus()  # once shown: the Connect button takes the focus on show

    def _allow(self) -> None:
        filled = all(e.text().strip() for e in (self.host_edit, self.database_edit, self.user_edit))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(filled)

    def address(self) -> ServerAddress:
        return ServerAddress(server_url(self.host_edit.text().strip(), self.port_box.value(),
                                        self.database_edit.text().strip(), self.user_edit.text().strip(),
                                        self.password_edit.text()))


def _login_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (some containers)
        return ""


def connect_to_server(window: QMainWindow, recent: str | None = None) -> None:
    """Ask where (a recent server: only its password, unless the keyring keeps it), connect on a
    worker, then open the project in the window. A refusal (wrong password, no server) is said
    in one line and the dialog comes back as it was filled."""
    known = ServerAddress(recent) if recent else None
    password = kept_password(recent) if recent else None
    if known is not None and password is not None:
        if _open(window, ServerAddress(server_url(known.host, known.port or DEFAULT_PORT, known.dbname, known.user,
                                                  password)), keep=False):
            return
        password = None  # the kept one no longer works: ask
    dialog = ServerDialog(window, known, password or "")
    window.server_dialog = dialog  # tests fill it in

    def accepted() -> None:
        if not _open(window, dialog.address(), keep=dialog.keep_box.isChecked()):
            dialog.open()  # as it was filled, to correct

    dialog.accepted.connect(accepted)
    dialog.open()


def _open(window: QMainWindow, address: ServerAddress, keep: bool) -> bool:
    try:
        window.operations.run_in_background(
            translate("MainWindow", "Connecting to %1…").replace("%1", str(address)), address,
            lambda store, _progress: store.login, mode=OpenMode.CREATE, cancellable=False)
    except WRITE_ERRORS as err:
        window.operations.fail(translate("MainWindow", "Cannot connect to the server"), str(err))
        return False
    if keep:
        keep_password(str(address), _password_of(address))
    window.save_layout()
    window.openDatabaseRequested.emit(address.url)
    return True


def _password_of(address: ServerAddress) -> str:
    return unquote(urlsplit(address.url).password or "")


def fill_recent_servers(window: QMainWindow) -> None:
    """The recent servers, after the recent project files in File ▸ Recent projects."""
    servers = recent_servers(window.settings)
    if not servers:
        return
    window.recent_menu.addSeparator()
    for shown in servers:
        made = window.recent_menu.addAction(shown)
        made.triggered.connect(lambda _=False, a=shown: connect_to_server(window, a))

"""The SQLite project store: ``Store`` opens a project file, keeps its schema up to date and
runs every read and write of it; ``open_store(location, mode)`` is how the layers above get one.

Each public method that changes something is one transaction, committed before it
returns (``synchronous=FULL`` in WAL mode), so an acknowledged change survives a crash.
The queries live in one module per kind of record (documents, spans, labels, settings),
joined here as mixins; every SQLite error leaves as a ``StoreError`` (see ``translation``).
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.store.backups import copy_database, read_only_uri, safety_copy
from annotator.store.dialect import SqliteDialect
from annotator.store.documents import DocumentQueries
from annotator.store.errors import (
    BusyError,
    NewerDatabaseError,
    NotAProjectError,
    OutdatedDatabaseError,
    ProjectMissingError,
    StoreError,
    damaged,
    from_os_error,
    from_sqlite_error,
)
from annotator.store.events import EventQueries
from annotator.store.figures import FigureQueries
from annotator.store.interface import ProjectStore
from annotator.store.labels import AnnotatorQueries, LabelQueries
from annotator.store.location import ServerAddress, project_location
from annotator.store.migrations import MIGRATIONS, SCHEMA_VERSION
from annotator.store.models import ModelQueries
from annotator.store.opening import OpenMode, check_header, connect_read_only, missing_folders, remove_new_project
from annotator.store.project_settings import SettingQueries
from annotator.store.rejections import RejectionQueries
from annotator.store.spans import SpanQueries
from annotator.store.suggestions import SuggestionQueries
from annotator.store.translation import translating

if TYPE_CHECKING:
    from sqlite_utils import Database

APPLICATION_ID = 0x416E6E6F  # "Anno": marks the file as ours in the SQLite header
BUSY_TIMEOUT_S = 5.0  # one wait for the write lock inside SQLite, between two reports
LOCK_WAIT_S = 900.0  # how long a writer waits in all for another's transaction (a long import)


def default_db_path() -> Path | ServerAddress:
    """``$ANNOTATOR_DB`` (a file's path or a server's address), else ``annotator.db`` in the
    user's data directory."""
    env = os.environ.get("ANNOTATOR_DB")
    if env:
        return project_location(env)
    import platformdirs

    return platformdirs.user_data_path("annotator", appauthor=False) / "annotator.db"


def open_store(location: str | os.PathLike[str], mode: OpenMode, *, busy_timeout: float = BUSY_TIMEOUT_S,
               lock_wait: float = LOCK_WAIT_S) -> ProjectStore:
    """The project at ``location``, opened for ``mode``: a project file's path, or a server's
    address (``postgresql://user[:password]@host[:port]/dbname``), which is never taken for
    a file name."""
    location = project_location(location)
    if isinstance(location, ServerAddress):
        from annotator.store.server.store import ServerStore

        return ServerStore.open(location, mode, lock_wait=lock_wait)
    return Store.open(location, mode, busy_timeout=busy_timeout, lock_wait=lock_wait)


@translating(sqlite3.Error)
class Store(LabelQueries, AnnotatorQueries, DocumentQueries, SpanQueries, EventQueries, SettingQueries,
            RejectionQueries, ModelQueries, SuggestionQueries, FigureQueries):
    """A project file, the SQLite ``ProjectStore``. Open with ``open_store(path, mode)`` (or
    ``Store.open``); close when done."""

    _dialect = SqliteDialect
    login: str | None = None  # a project file has no logins: the window asks for a name

    def login_role(self) -> str | None:
        return None  # no logins, no roles: whoever labels a file may review it too

    def __init__(self, conn: sqlite3.Connection, path: Path, mode: OpenMode = OpenMode.CREATE,
                 busy_timeout: float = BUSY_TIMEOUT_S):
        self._conn = conn
        self.path = path
        self.mode = mode
        self._utils: Database | None = None
        self._annotator_ids: dict[str, int] = {}
        self._text_cache: dict[int, str] = {}
        self._new_files: list[Path] | None = None  # set when this open created the project
        self._busy_timeout = busy_timeout
        self._lock_wait = LOCK_WAIT_S
        # Called with a message when a write waits for another program's transaction.
        self.on_wait: Callable[[str], None] | None = None
        self.safety_copy: Path | None = None  # the copy kept before this open migrated the file
        self.upgraded_from: int | None = None

    # -- opening -----------------------------------------------------------------

    @classmethod
    def open(cls, path: str | os.PathLike[str], mode: OpenMode = OpenMode.CREATE, *,
             busy_timeout: float = BUSY_TIMEOUT_S, lock_wait: float = LOCK_WAIT_S) -> Store:
        path = Path(path)
        if path.is_dir():
            raise NotAProjectError(f"{path}: is a folder, not a database file")
        new_folders: list[Path] | None = None
        if not path.exists():
            if mode is not OpenMode.CREATE:
                raise ProjectMissingError(f"{path}: no such project (check the path; only import, gui and merge "
                                          "create one)")
            new_folders = missing_folders(path.parent)
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as err:
                raise from_os_error(path, err, "create the project") from None
        else:
            check_header(path)
        conn = None
        try:
            if mode is OpenMode.READ:
                conn = connect_read_only(path, busy_timeout)
            else:
                conn = sqlite3.connect(path, timeout=busy_timeout, isolation_level=None)
            store = cls._prepare(conn, path, mode, busy_timeout, lock_wait)
        except BaseException as err:
            if conn is not None:
                conn.close()
            if new_folders is not None:
                remove_new_project(path, new_folders)
            if isinstance(err, sqlite3.Error):
                raise from_sqlite_error(path, err, "open the database") from None
            raise
        if new_folders is not None:
            store._new_files = new_folders
        return store

    @classmethod
    def _prepare(cls, conn: sqlite3.Connection, path: Path, mode: OpenMode, busy_timeout: float,
                 lock_wait: float) -> Store:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if app_id not in (0, APPLICATION_ID) or (version == 0 and tables > 0):
            raise NotAProjectError(f"{path}: an SQLite database of another program, not an Annotator project")
        if version > SCHEMA_VERSION:
            raise NewerDatabaseError(
                f"{path}: written by a newer version of Annotator (schema {version}; this "
                f"version knows up to {SCHEMA_VERSION}). Update Annotator to open it; the file "
                "was left untouched."
            )
        if version == 0 and mode is not OpenMode.CREATE:
            raise NotAProjectError(f"{path}: an empty file, not an Annotator project")
        if mode is OpenMode.READ:
            if version < SCHEMA_VERSION:
                raise OutdatedDatabaseError(
                    f"{path}: made by an older Annotator (schema {version}; this version uses {SCHEMA_VERSION}); "
                    f"run `annotator upgrade --db {path}` first (it keeps a copy of the old file)")
            conn.execute("PRAGMA query_only = ON")
            store = cls(conn, path, mode, busy_timeout)
            store.lock_wait = lock_wait
            return store
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            if conn.execute("PRAGMA journal_mode = WAL").fetchone()[0].lower() != "wal":
                raise StoreError(f"{path}: the database cannot use write-ahead logging")
            conn.execute("PRAGMA synchronous = FULL")
        except sqlite3.Error as err:
            raise from_sqlite_error(path, err, "open the database for writing") from None
        store = cls(conn, path, mode, busy_timeout)
        store.lock_wait = lock_wait
        store._migrate()
        return store

    def _migrate(self) -> None:
        """Bring an older schema up to date in one transaction, after a copy of the old file
        (``NAME.vN.bak``) is safely on disk."""
        if self.schema_version >= SCHEMA_VERSION:
            return
        with self.transaction():
            version = self.schema_version  # again, under the write lock: another process may have done it
            if version >= SCHEMA_VERSION:
                return
            if version > 0:
                # From a second connection: SQLite's backup cannot read through the one
                # holding the write lock, and while we hold it nobody can change the file.
                reader = sqlite3.connect(read_only_uri(self.path), uri=True)
                try:
                    self.safety_copy = safety_copy(reader, self.path, version)
                finally:
                    reader.close()
                self.upgraded_from = version
            for number, migration in enumerate(MIGRATIONS[version:], start=version + 1):
                migration(self._tables)
                self._conn.execute(f"PRAGMA user_version = {number}")
            if version == 0:
                self._conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")

    def discard_if_new(self) -> None:
        """Close, and if this open created the project, remove it (and any folders made for it):
        a failed import into a new path leaves nothing behind."""
        self.close()
        if self._new_files is not None:
            remove_new_project(self.path, self._new_files)
            self._new_files = None

    @property
    def _tables(self) -> Database:
        """sqlite-utils over the same connection: the migrations' schema work and inserts by
        record (a new label), where its table API says more than SQL would. The hot paths
        (spans in bulk, the streams exports read) keep to the connection: they build no
        dict per row and skip sqlite-utils' import, which takes longer than the whole
        window takes to build, so reading a project at start-up needs none of it."""
        if self._utils is None:
            from sqlite_utils import Database

            self._utils = Database(self._conn)
        return self._utils

    @property
    def schema_version(self) -> int:
        return self._conn.execute("PRAGMA user_version").fetchone()[0]

    @property
    def lock_wait(self) -> float:
        """Seconds a write waits in all for another program's transaction."""
        return self._lock_wait

    @lock_wait.setter
    def lock_wait(self, seconds: float) -> None:
        self._lock_wait = seconds
        # SQLite's own wait, between two reports to on_wait, is never longer than the whole.
        wait = min(seconds, self._busy_timeout)
        self._conn.execute(f"PRAGMA busy_timeout = {int(wait * 1000)}")

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: object) -> None:
        self.close()
        if isinstance(error, sqlite3.Error):
            # Whatever the work inside ``with`` met (a damaged page half-way through an
            # export), the caller hears it in the store's words.
            raise self._translated(error) from None

    def _translated(self, error: sqlite3.Error) -> StoreError:
        if isinstance(error, sqlite3.IntegrityError):
            doing = "store the change"
        elif getattr(error, "sqlite_errorname", "").startswith("SQLITE_READONLY"):
            doing = "write to the database"  # even met on a read: a WAL read may need to write its index
        else:
            doing = "read the database"
        return from_sqlite_error(self.path, error, doing)

    @contextmanager
    def errors_translated(self) -> Iterator[None]:
        """SQLite errors met inside as the store's own (for callers not inside ``with store``)."""
        try:
            yield
        except sqlite3.Error as error:
            raise self._translated(error) from None

    @contextmanager
    def bulk_writes(self, cache_mib: int = 32) -> Iterator[None]:
        """One transaction with a larger page cache, for imports and merges: random span
        ids put inserts all over the primary-key index, and in SQLite's default 2 MiB cache
        a large import keeps reading the same pages back."""
        with self.errors_translated():
            previous = self._conn.execute("PRAGMA cache_size").fetchone()[0]
            self._conn.execute(f"PRAGMA cache_size = {-1024 * cache_mib}")
        try:
            with self.transaction():
                yield
        finally:
            with self.errors_translated():
                self._conn.execute(f"PRAGMA cache_size = {previous}")

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One atomic unit of work. Nested calls join the outer transaction.

        The outermost level takes the write lock at once (BEGIN IMMEDIATE), so two
        processes writing together wait for each other instead of failing half-way with
        "database is locked"; see ``_begin`` for how long. Whatever SQLite refuses inside
        (a constraint, a full disk, a damaged page) leaves as a StoreError, all undone.
        """
        conn = self._conn
        if conn.in_transaction:
            with self._tables.atomic():
                yield
            return
        try:
            self._begin()
            try:
                yield
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                self._annotator_ids.clear()  # ids handed out inside the transaction are gone
                self._last_added = None
                raise
            conn.execute("COMMIT")
        except sqlite3.Error as err:
            # Read-only, disk full, damaged, refused by a constraint: say which database, in
            # the store's words.
            doing = "store the change" if isinstance(err, sqlite3.IntegrityError) else "write to the database"
            raise from_sqlite_error(self.path, err, doing) from None

    def _begin(self) -> None:
        """Take the write lock. Another program may hold it for a long while (an import of
        20,000 documents is one 17-second transaction): wait for it up to ``lock_wait``,
        telling ``on_wait`` each time SQLite's own busy timeout passes, rather than fail."""
        started = time.monotonic()
        while True:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as err:
                if not getattr(err, "sqlite_errorname", "").startswith("SQLITE_BUSY"):
                    raise
                waited = time.monotonic() - started
                if waited >= self.lock_wait:
                    raise BusyError(f"{self.path}: the project is locked: another program has been writing to "
                                    f"it for {waited:.0f} s; try again once it has finished (nothing was stored)"
                                    ) from None
                if self.on_wait is not None:
                    self.on_wait(f"{self.path}: waiting for another program (an import?) to finish writing…")

    def _write_one(self, sql: str, params: list) -> sqlite3.Cursor:
        """One statement is atomic by itself: inside a transaction it needs no savepoint
        of its own (an import stores thousands of documents), outside one it gets its own."""
        if self._conn.in_transaction:
            return self._conn.execute(sql, params)
        with self.transaction():
            return self._conn.execute(sql, params)

    def _insert_id(self, sql: str, params: list) -> int:
        """Insert one row; its new id."""
        return self._write_one(sql, params).lastrowid

    def _snapshot(self) -> AbstractContextManager[None]:
        """Where cursors opened together read one snapshot: in SQLite, cursors open together on
        one connection already share one read transaction."""
        return nullcontext()

    # -- health --------------------------------------------------------------------

    def check(self) -> list[str]:
        """Every problem found, one a line: what SQLite finds (integrity, foreign keys), spans
        whose text is not the document's text at their offsets, documents whose text no
        longer matches its hash. A damaged file is reported, not raised."""
        from annotator.store.health import problems_of

        return problems_of(self._conn, self)

    def quick_check(self) -> None:
        """Raise DamagedDatabaseError unless SQLite's quick check finds the file sound: for
        commands whose figures could come from the sound part of a damaged file."""
        from annotator.store.health import sqlite_problems

        problems = sqlite_problems(self._conn, quick=True)
        if problems:
            raise damaged(self.path, problems[0].removeprefix("integrity: "))

    def backup(self, target: str | os.PathLike[str]) -> Path:
        """A consistent, checked copy of the project, made with SQLite's online backup, safe
        while the app (or another process) is writing. A full disk or a damaged project
        leaves nothing at ``target``."""
        target = Path(target)
        if target.exists() and target.resolve() == self.path.resolve():
            raise StoreError(f"{target}: a backup cannot overwrite the project itself")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise from_os_error(target, err, "make the backup's folder") from None
        return copy_database(self._conn, self.path, target)

"""The team server's ``ProjectStore``: a project kept in a PostgreSQL database.

The same query mixins as the SQLite store run every read and write (through ``ServerConnection``
and ``ServerDialect``); this class adds what only a server has: connecting, the schema created
or migrated under a lock, transactions with savepoints for nesting, copies as project files,
and psycopg's errors in the store's words. Each public method that changes something is one
transaction, committed before it returns."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path
from typing import Any

import psycopg

from annotator.core.model import Document
from annotator.store.dialect import ServerDialect
from annotator.store.documents import DocumentQueries
from annotator.store.errors import (
    InvalidValueError,
    NewerDatabaseError,
    NotAProjectError,
    OutdatedDatabaseError,
    ProjectMissingError,
    StoreError,
    from_os_error,
)
from annotator.store.events import EventQueries
from annotator.store.figures import FigureQueries
from annotator.store.labels import AnnotatorQueries, LabelQueries
from annotator.store.location import ServerAddress
from annotator.store.models import ModelQueries
from annotator.store.opening import OpenMode
from annotator.store.project_settings import SettingQueries
from annotator.store.rejections import RejectionQueries
from annotator.store.server import copies, schema
from annotator.store.server.connection import ServerConnection
from annotator.store.server.errors import server_error
from annotator.store.server.roles import Groups
from annotator.store.spans import SpanQueries
from annotator.store.suggestions import SuggestionQueries
from annotator.store.translation import translating

LOCK_WAIT_S = 900.0  # how long a write waits in all for rows another client holds (a long import)
CONNECT_TIMEOUT_S = 10


def connect(address: ServerAddress) -> psycopg.Connection:
    """An autocommit connection to the project's database, or the store's one-line error."""
    try:
        # Keepalives: a network cut mid-action is found within a minute, not left to hang. No JIT:
        # compiling the document list's query took 0.23 s of its 0.6 s on 10,000 documents, and
        # no query of ours runs long enough to win that back.
        return psycopg.connect(address.url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S,
                               application_name="annotator", keepalives=1, keepalives_idle=30,
                               keepalives_interval=10, keepalives_count=3, options="-c jit=off")
    except psycopg.Error as err:
        raise server_error(address, err, "connect", connecting=True) from None


def _quoted(name: str) -> str:
    """A role's name as to_regrole() reads it: quoted, so capitals and spaces stay as they are."""
    return '"' + name.replace('"', '""') + '"'


@translating(psycopg.Error)
class ServerStore(LabelQueries, AnnotatorQueries, DocumentQueries, SpanQueries, EventQueries, SettingQueries,
                  RejectionQueries, ModelQueries, SuggestionQueries, FigureQueries):
    """A project on a PostgreSQL server. Open with ``open_store("postgresql://…", mode)``."""

    _dialect = ServerDialect

    def __init__(self, conn: ServerConnection, address: ServerAddress, mode: OpenMode):
        self._conn = conn
        self.path = address
        self.mode = mode
        self._annotator_ids: dict[str, int] = {}
        self._text_cache: dict[int, str] = {}
        self._depth = 0  # savepoints open inside the transaction
        self._writing = False  # inside transaction(): what fails there was a change, not a read
        self._lock_wait = LOCK_WAIT_S
        self.on_wait: Callable[[str], None] | None = None
        self.safety_copy: Path | None = None
        self.upgraded_from: int | None = None
        # The login is the annotator: the name under which this connection's spans are stored.
        self.login: str = conn.execute("SELECT current_user").fetchone()[0]

    # -- opening -----------------------------------------------------------------

    @classmethod
    def open(cls, address: ServerAddress, mode: OpenMode = OpenMode.CREATE, *,
             lock_wait: float = LOCK_WAIT_S) -> ServerStore:
        raw = connect(address)
        try:
            store = cls._prepare(ServerConnection(raw, address, lambda: connect(address)), address, mode)
            store.lock_wait = lock_wait
            return store
        except psycopg.Error as err:
            raw.close()
            raise server_error(address, err, "open the project") from None
        except BaseException:
            raw.close()
            raise

    @classmethod
    def _prepare(cls, conn: ServerConnection, address: ServerAddress, mode: OpenMode) -> ServerStore:
        version = schema.schema_version(conn.raw)
        if version is None:
            raise NotAProjectError(f"{address}: this database holds another program's tables, not an Annotator "
                                   "project; give an empty database or an Annotator project")
        if version > schema.SCHEMA_VERSION:
            raise NewerDatabaseError(
                f"{address}: written by a newer version of Annotator (schema {version}; this version knows up "
                f"to {schema.SCHEMA_VERSION}). Update Annotator to open it; the project was left untouched.")
        if mode is OpenMode.READ:
            if version == 0:
                raise ProjectMissingError(f"{address}: no Annotator project in this database yet; import first "
                                          "(the first import creates it)")
            if version < schema.SCHEMA_VERSION:
                raise OutdatedDatabaseError(
                    f"{address}: made by an older Annotator (schema {version}; this version uses "
                    f"{schema.SCHEMA_VERSION}); run `annotator upgrade --db {address}` first (it keeps a copy)")
            # A command that only reads can change nothing, whatever it asks.
            conn.set_session("SET default_transaction_read_only = on")
            return cls(conn, address, mode)
        store = cls(conn, address, mode)
        if version < schema.SCHEMA_VERSION:
            store._bring_up_to_date()
        return store

    def _bring_up_to_date(self) -> None:
        """Create the schema on an empty database, or migrate an older one after keeping a
        copy of it as a project file; one transaction, under the schema's lock, so two clients
        opening at once do it once."""
        raw = self._conn.raw
        with raw.transaction():
            schema.lock(raw)
            version = schema.schema_version(raw)  # again, under the lock: another client may have done it
            if version is None or version >= schema.SCHEMA_VERSION:
                return
            if version > 0:
                # Nobody writes while the copy is made and the tables change.
                copies.hold_writers(raw, version)
                self.safety_copy = copies.safety_copy(raw, self.path, version)
                self.upgraded_from = version
            schema.migrate(raw, self.path.dbname, version)

    @property
    def schema_version(self) -> int:
        return schema.schema_version(self._conn.raw) or 0

    @property
    def lock_wait(self) -> float:
        return self._lock_wait

    @lock_wait.setter
    def lock_wait(self, seconds: float) -> None:
        self._lock_wait = seconds
        self._conn.set_session(f"SET lock_timeout = {int(seconds * 1000)}")

    def login_role(self) -> str | None:
        """This login's role in the project, read afresh (the owner may have changed it): "owner"
        (its group, the tables' owner, or a superuser), "reviewer", else "annotator"."""
        groups = Groups(self.path.dbname)
        # pg_has_role() refuses a role that does not exist: to_regrole() gives NULL for one instead.
        owner, reviewer = self._conn.execute(
            "SELECT coalesce(pg_has_role(current_user, to_regrole(?)::oid, 'USAGE'), false)"
            " OR coalesce(pg_has_role(current_user, (SELECT tableowner FROM pg_tables WHERE schemaname = 'public'"
            " AND tablename = 'spans'), 'USAGE'), false),"
            " coalesce(pg_has_role(current_user, to_regrole(?)::oid, 'USAGE'), false)",
            [_quoted(groups.owner), _quoted(groups.reviewer)]).fetchone()
        return "owner" if owner else "reviewer" if reviewer else "annotator"

    def raw_connection(self) -> psycopg.Connection:
        """The psycopg connection, for the server's own administration (roles, users)."""
        return self._conn.raw

    def close(self) -> None:
        self._conn.close()

    def discard_if_new(self) -> None:
        # The schema made by this open stays: an empty project, which every client may fill.
        self.close()

    def __enter__(self) -> ServerStore:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: object) -> None:
        self.close()
        if isinstance(error, psycopg.Error):
            raise self._translated(error) from None

    def _translated(self, error: Exception, doing: str = "") -> StoreError:
        if not doing:
            doing = "store the change" if self._writing or isinstance(
                error, psycopg.IntegrityError) else "read the project"
        return server_error(self.path, error, doing)

    @contextmanager
    def errors_translated(self) -> Iterator[None]:
        try:
            yield
        except psycopg.Error as error:
            raise self._translated(error) from None

    # -- transactions ---------------------------------------------------------------

    @contextmanager
    def bulk_writes(self, cache_mib: int = 32) -> Iterator[None]:
        """One transaction (an import, a merge): the server keeps its own caches. Then the tables'
        statistics are gathered: without them, until autovacuum comes by, the planner counts each
        document's spans through the annotator's index, and a window opening 10,000 documents
        waits minutes instead of a second."""
        outermost = not self._conn.in_transaction
        with self.transaction():
            yield
        if outermost:
            try:  # tables this login does not own are skipped with a notice, not refused
                self._conn.execute("ANALYZE " + ", ".join(schema.TABLES))
            except psycopg.Error:
                pass  # statistics only speed reads up; the change itself is stored

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One atomic unit of work; nested calls are savepoints inside it, so a refusal caught
        inside undoes only its own part. A lost connection undoes everything: the server
        rolls back a transaction whose client went away."""
        conn = self._conn
        if conn.in_transaction:
            self._depth += 1
            name = f"nested_{self._depth}"
            try:
                with self.errors_translated():
                    conn.execute(f"SAVEPOINT {name}")
                try:
                    yield
                except BaseException:
                    self._quietly(f"ROLLBACK TO SAVEPOINT {name}")
                    raise
                with self.errors_translated():
                    conn.execute(f"RELEASE SAVEPOINT {name}")
            finally:
                self._depth -= 1
            return
        with self.errors_translated():
            conn.execute("BEGIN")
        self._writing = True
        try:
            try:
                yield
            except BaseException as error:
                self._quietly("ROLLBACK")
                self._annotator_ids.clear()  # ids handed out inside the transaction are gone
                self._last_added = None
                if isinstance(error, psycopg.Error):
                    raise self._translated(error, "store the change") from None
                raise
            try:
                conn.execute("COMMIT")
            except psycopg.Error as error:
                self._quietly("ROLLBACK")
                self._annotator_ids.clear()
                self._last_added = None
                raise self._translated(error, "store the change") from None
        finally:
            self._writing = False

    def _quietly(self, sql: str) -> None:
        """Undo what can be undone; on a broken connection the server has undone it already."""
        if self._conn.broken:
            return
        try:
            self._conn.execute(sql)
        except psycopg.Error:
            pass

    def _write_one(self, sql: str, params: list) -> psycopg.Cursor:
        """One statement, atomic by itself (the connection commits it alone when no
        transaction is open)."""
        try:
            return self._conn.execute(sql, params)
        except psycopg.Error as error:  # outside a transaction: still a write, said as one
            raise self._translated(error, "store the change") from None

    def _insert_id(self, sql: str, params: list) -> int:
        return self._write_one(sql + " RETURNING id", params).fetchone()[0]

    def _snapshot(self) -> AbstractContextManager[None]:
        """Statements run together read one snapshot: a read-only REPEATABLE READ transaction
        (their rows are fetched whole, so it ends before the caller reads them)."""
        if self._conn.in_transaction:
            return nullcontext()
        return self._read_snapshot()

    @contextmanager
    def _read_snapshot(self) -> Iterator[None]:
        self._conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        try:
            yield
        finally:
            self._quietly("COMMIT")

    # -- what a server cannot hold --------------------------------------------------

    def add_document(self, text: str, title: str = "", source: str = "",
                     meta: dict[str, Any] | None = None) -> tuple[Document, bool]:
        """As the SQLite store's, but a NUL character (U+0000), which PostgreSQL's text cannot
        hold, is refused by name instead of failing the import half-way through."""
        for what, value in (("the text", text), ("the title", title), ("the source", source)):
            if isinstance(value, str) and "\x00" in value:
                named = (title or text.strip().splitlines()[0] if text.strip() else "untitled")[:60].replace("\x00", "")
                raise InvalidValueError(f"{self.path}: the document {named!r} holds a NUL character (U+0000) in "
                                        f"{what}, which a PostgreSQL server cannot store; nothing was stored")
        return super().add_document(text, title, source, meta)

    # -- health and copies ------------------------------------------------------------

    def check(self) -> list[str]:
        """What Annotator promises of the content (spans' texts, documents' hashes, events'
        links); the server vouches for its own pages and foreign keys."""
        from annotator.store.health import content_problems, event_problems

        with self._snapshot():
            problems = content_problems(self._conn, self) + event_problems(self._conn)
        return problems

    def quick_check(self) -> None:
        self._conn.execute("SELECT 1")  # a server that answers: its pages are its own to check

    def backup(self, target: str | os.PathLike[str]) -> Path:
        """The project as an SQLite project file at ``target``, read in one snapshot (REPEATABLE
        READ), so it is consistent while other clients write."""
        target = Path(target)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise from_os_error(target, err, "make the backup's folder") from None
        if self._conn.in_transaction:
            raise StoreError(f"{self.path}: a backup cannot be made inside another transaction")
        return copies.backup(self._conn.raw, self.path, target)

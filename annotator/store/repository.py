"""The repository: every read and write of a project database goes through ``Store``.

Each public method that changes something is one transaction, committed before it
returns (``synchronous=FULL`` in WAL mode), so an acknowledged change survives a crash.
"""

from __future__ import annotations

import dataclasses
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.core.model import (Annotator, Document, Label, Span, check_color, check_span, clean_name, new_span_id,
                                  text_sha256)
from annotator.store.backups import copy_database, read_only_uri, safety_copy
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
from annotator.store.migrations import MIGRATIONS, SCHEMA_VERSION
from annotator.store.opening import OpenMode, check_header, connect_read_only, missing_folders, remove_new_project

if TYPE_CHECKING:
    from sqlite_utils import Database

APPLICATION_ID = 0x416E6E6F  # "Anno": marks the file as ours in the SQLite header
BUSY_TIMEOUT_S = 5.0  # one wait for the write lock inside SQLite, between two reports
LOCK_WAIT_S = 900.0  # how long a writer waits in all for another's transaction (a long import)
STATUSES = ("new", "in_progress", "done")
ANNOTATOR_ROLES = ("annotator", "reviewer", "gold")


def default_db_path() -> Path:
    """``$ANNOTATOR_DB``, else ``annotator.db`` in the user's data directory."""
    env = os.environ.get("ANNOTATOR_DB")
    if env:
        return Path(env)
    import platformdirs

    return platformdirs.user_data_path("annotator", appauthor=False) / "annotator.db"


def _now() -> str:
    """UTC with milliseconds, as ``datetime.isoformat`` writes it (without its import cost)."""
    now = time.time()
    return f"{time.strftime('%Y-%m-%dT%H:%M:%S', time.gmtime(now))}.{int(now * 1000) % 1000:03d}+00:00"


@dataclass(frozen=True)
class DocumentSummary:
    id: int
    title: str
    source: str
    length: int
    span_count: int
    status: str


@dataclass(frozen=True)
class Deletion:
    """A span removed from the project: merges do not bring it back from older copies."""

    span_id: str
    annotator: str
    deleted_by: str
    deleted_at: str


_SPAN_COLUMNS = 's.id, s.document_id, a.name, s.label, s.start, s."end", s.text, s.attrs, s.origin'


def _json_object(text: str) -> dict[str, Any]:
    return {} if text == "{}" else json.loads(text)  # most spans carry no attributes


def _span_from_row(row: tuple) -> Span:
    return Span(row[0], row[1], row[2], row[3], row[4], row[5], row[6], _json_object(row[7]), row[8])


# The document id second, where the full row has it too: the stream matches rows to documents by it.
_LEAN_SPAN_COLUMNS = 's.label, s.document_id, s.start, s."end", s.attrs'
_new_tuple = tuple.__new__  # Span's own constructor is a Python function; this is not


def _lean_span_from_row(row: tuple) -> Span:
    return _new_tuple(Span, ("", row[1], "", row[0], row[2], row[3], "", _json_object(row[4]), ""))


def open_store(location: str | os.PathLike[str], mode: OpenMode, *, busy_timeout: float = BUSY_TIMEOUT_S,
               lock_wait: float = LOCK_WAIT_S) -> "Store":
    """The project at ``location`` (a path; later a server's address), opened for ``mode``."""
    return Store.open(location, mode, busy_timeout=busy_timeout, lock_wait=lock_wait)


class Store:
    """A project database. Open with ``open_store(path, mode)`` (or ``Store.open``); close when done."""

    def __init__(self, conn: sqlite3.Connection, path: Path, mode: OpenMode = OpenMode.CREATE):
        self.conn = conn
        self.path = path
        self.mode = mode
        self._db: Database | None = None
        self._annotator_ids: dict[str, int] = {}
        self._text_cache: dict[int, str] = {}
        self._new_files: list[Path] | None = None  # set when this open created the project
        self.lock_wait = LOCK_WAIT_S
        # Called with a message when a write waits for another program's transaction.
        self.on_wait: Callable[[str], None] | None = None
        self.safety_copy: Path | None = None  # the copy kept before this open migrated the file
        self.upgraded_from: int | None = None

    # -- opening -----------------------------------------------------------------

    @classmethod
    def open(cls, path: str | os.PathLike[str], mode: OpenMode = OpenMode.CREATE, *,
             busy_timeout: float = BUSY_TIMEOUT_S, lock_wait: float = LOCK_WAIT_S) -> "Store":
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
            store = cls._prepare(conn, path, mode, lock_wait)
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
    def _prepare(cls, conn: sqlite3.Connection, path: Path, mode: OpenMode, lock_wait: float) -> "Store":
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
            store = cls(conn, path, mode)
            store.lock_wait = lock_wait
            return store
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            if conn.execute("PRAGMA journal_mode = WAL").fetchone()[0].lower() != "wal":
                raise StoreError(f"{path}: the database cannot use write-ahead logging")
            conn.execute("PRAGMA synchronous = FULL")
        except sqlite3.Error as err:
            raise from_sqlite_error(path, err, "open the database for writing") from None
        store = cls(conn, path, mode)
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
                migration(self.db)
                self.conn.execute(f"PRAGMA user_version = {number}")
            if version == 0:
                self.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")

    def discard_if_new(self) -> None:
        """Close, and if this open created the project, remove it (and any folders made for it):
        a failed import into a new path leaves nothing behind."""
        self.close()
        if self._new_files is not None:
            remove_new_project(self.path, self._new_files)
            self._new_files = None

    @property
    def db(self) -> "Database":
        """sqlite-utils over the same connection, for schema work and inserts by record.

        Imported on first use: it takes longer to import than the whole window takes to
        build, and reading a project at start-up needs none of it.
        """
        if self._db is None:
            from sqlite_utils import Database

            self._db = Database(self.conn)
        return self._db

    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: object) -> None:
        self.close()
        if isinstance(error, sqlite3.Error):
            # Whatever the work inside ``with`` met (a damaged page half-way through an
            # export), the caller hears it in the store's words.
            raise self._translated(error) from None

    def _translated(self, error: sqlite3.Error) -> StoreError:
        doing = "store the change" if isinstance(error, sqlite3.IntegrityError) else "read the database"
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
        previous = self.conn.execute("PRAGMA cache_size").fetchone()[0]
        self.conn.execute(f"PRAGMA cache_size = {-1024 * cache_mib}")
        try:
            with self.transaction():
                yield
        finally:
            self.conn.execute(f"PRAGMA cache_size = {previous}")

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One atomic unit of work. Nested calls join the outer transaction.

        The outermost level takes the write lock at once (BEGIN IMMEDIATE), so two
        processes writing together wait for each other instead of failing half-way with
        "database is locked"; see ``_begin`` for how long.
        """
        conn = self.conn
        if conn.in_transaction:
            with self.db.atomic():
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
                raise
            conn.execute("COMMIT")
        except sqlite3.OperationalError as err:
            # Read-only, disk full, damaged: say which database, in the store's words.
            raise from_sqlite_error(self.path, err, "write to the database") from None

    def _begin(self) -> None:
        """Take the write lock. Another program may hold it for a long while (an import of
        20,000 documents is one 17-second transaction): wait for it up to ``lock_wait``,
        telling ``on_wait`` each time SQLite's own busy timeout passes, rather than fail."""
        started = time.monotonic()
        while True:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as err:
                if not getattr(err, "sqlite_errorname", "").startswith("SQLITE_BUSY"):
                    raise
                waited = time.monotonic() - started
                if waited >= self.lock_wait:
                    raise BusyError(f"{self.path}: the project is locked: another program has been writing to it "
                                    f"for {waited:.0f} s; try again once it has finished (nothing was stored)") from None
                if self.on_wait is not None:
                    self.on_wait(f"{self.path}: waiting for another program (an import?) to finish writing…")

    def _write_one(self, sql: str, params: list) -> sqlite3.Cursor:
        """One statement is atomic by itself: inside a transaction it needs no savepoint
        of its own (an import stores thousands of documents), outside one it gets its own."""
        if self.conn.in_transaction:
            return self.conn.execute(sql, params)
        with self.transaction():
            return self.conn.execute(sql, params)

    # -- labels and annotators ---------------------------------------------------

    def labels(self) -> list[Label]:
        rows = self.conn.execute(
            "SELECT name, color, key, title_ar, title_en FROM labels ORDER BY position, name"
        ).fetchall()
        return [Label(*row) for row in rows]

    def label_names(self) -> set[str]:
        return {row[0] for row in self.conn.execute("SELECT name FROM labels")}

    def add_label(self, label: Label) -> None:
        """Raises InvalidName for a name no format could carry or a colour not #rgb/#rrggbb
        (a colour goes into HTML and Qt style strings)."""
        label = dataclasses.replace(label, name=clean_name(label.name, "label"), color=check_color(label.color))
        with self.transaction():
            position = self.conn.execute("SELECT coalesce(max(position), -1) + 1 FROM labels").fetchone()[0]
            self.db["labels"].insert(
                {"name": label.name, "color": label.color, "key": label.key,
                 "title_ar": label.title_ar, "title_en": label.title_en, "position": position}
            )

    def set_label_color(self, name: str, color: str) -> None:
        if name not in self.label_names():
            raise ValueError(f"unknown label {name!r}")
        self._write_one("UPDATE labels SET color = ? WHERE name = ?", [check_color(color), name])

    def annotator(self, name: str, role: str = "annotator") -> Annotator:
        """The annotator called ``name``, recorded on first use. Surrounding whitespace is
        dropped; a name with a control character raises InvalidName (core's one rule)."""
        name = clean_name(name, "annotator")
        row = self.conn.execute("SELECT id, name, role FROM annotators WHERE name = ?", [name]).fetchone()
        if row is None:
            with self.transaction():
                self.conn.execute("INSERT OR IGNORE INTO annotators (name, role) VALUES (?, ?)", [name, role])
            row = self.conn.execute("SELECT id, name, role FROM annotators WHERE name = ?", [name]).fetchone()
        self._annotator_ids[name] = row[0]
        return Annotator(*row)

    def _annotator_id(self, name: str) -> int:
        found = self._annotator_ids.get(name)
        if found is None:  # also cached under the name as given: "alice " is alice
            found = self._annotator_ids[name] = self.annotator(name).id
        return found

    def annotators(self) -> list[Annotator]:
        return [Annotator(*row) for row in self.conn.execute("SELECT id, name, role FROM annotators ORDER BY name")]

    def annotator_span_counts(self) -> list[tuple[Annotator, int]]:
        """Every annotator by name with how many spans they have (0 for one who only
        opened the project, or only reviewed)."""
        counts = dict(self.conn.execute("SELECT annotator_id, count(*) FROM spans GROUP BY annotator_id"))
        return [(annotator, counts.get(annotator.id, 0)) for annotator in self.annotators()]

    def set_annotator_role(self, name: str, role: str) -> Annotator:
        """Give an existing annotator another role; KeyError when nobody has that name."""
        if role not in ANNOTATOR_ROLES:
            raise ValueError(f"unknown role {role!r} (one of {', '.join(ANNOTATOR_ROLES)})")
        if self._write_one("UPDATE annotators SET role = ? WHERE name = ?", [role, name]).rowcount == 0:
            raise KeyError(f"no annotator called {name}")
        return next(a for a in self.annotators() if a.name == name)

    # -- documents ---------------------------------------------------------------

    def add_document(
        self, text: str, title: str = "", source: str = "", meta: dict[str, Any] | None = None
    ) -> tuple[Document, bool]:
        """Store ``text`` exactly as given; the same text twice gives the same document.

        Returns the document and whether it was new.
        """
        if not text:
            raise ValueError("a document needs text")
        digest = text_sha256(text)
        existing = self.document_by_sha256(digest)
        if existing is not None:
            return existing, False
        title = title or (text.strip().splitlines() or ["untitled"])[0][:80]
        cursor = self._write_one(
            "INSERT INTO documents (title, source, text, text_sha256, meta, created_at) VALUES (?, ?, ?, ?, ?, ?)",
            [title, source, text, digest, json.dumps(meta, ensure_ascii=False) if meta else "{}", _now()],
        )
        return Document(cursor.lastrowid, title, text, digest, source, dict(meta or {})), True

    def _document_from_row(self, row: tuple) -> Document:
        return Document(row[0], row[1], row[2], row[3], row[4], json.loads(row[5]))

    def document(self, document_id: int) -> Document:
        row = self.conn.execute(
            "SELECT id, title, text, text_sha256, source, meta FROM documents WHERE id = ?", [document_id]
        ).fetchone()
        if row is None:
            raise KeyError(f"no document with id {document_id}")
        return self._document_from_row(row)

    def document_by_sha256(self, digest: str) -> Document | None:
        row = self.conn.execute(
            "SELECT id, title, text, text_sha256, source, meta FROM documents WHERE text_sha256 = ?", [digest]
        ).fetchone()
        return None if row is None else self._document_from_row(row)

    def document_text(self, document_id: int) -> str:
        # Texts never change after import, so caching them is safe.
        text = self._text_cache.get(document_id)
        if text is None:
            row = self.conn.execute("SELECT text FROM documents WHERE id = ?", [document_id]).fetchone()
            if row is None:
                raise KeyError(f"no document with id {document_id}")
            if len(self._text_cache) > 64:
                self._text_cache.clear()
            text = self._text_cache[document_id] = row[0]
        return text

    def document_shapes(self) -> list[tuple[int, str, int, str]]:
        """(id, title, length in code points, text SHA-256) of every document, without
        reading the texts: what near-duplicate search picks its candidates by."""
        return self.conn.execute("SELECT id, title, length(text), text_sha256 FROM documents ORDER BY id").fetchall()

    def joined_texts(self) -> dict[str, int]:
        """Other copies' texts (by SHA-256) joined to a document here (``merge --same``)."""
        return dict(self.conn.execute("SELECT text_sha256, document_id FROM joined_texts").fetchall())

    def join_text(self, digest: str, document_id: int) -> None:
        """Remember that the text with SHA-256 ``digest`` is a version of ``document_id``."""
        self._write_one("INSERT INTO joined_texts (text_sha256, document_id, joined_at) VALUES (?, ?, ?) "
                        "ON CONFLICT (text_sha256) DO UPDATE SET document_id = excluded.document_id",
                        [digest, document_id, _now()])

    def document_count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM documents").fetchone()[0]

    def document_ids(self) -> list[int]:
        return [row[0] for row in self.conn.execute("SELECT id FROM documents ORDER BY id")]

    def document_summaries(self, annotator: str | None = None) -> list[DocumentSummary]:
        """Every document with its span count and status, for ``annotator`` if named.

        A document with no explicit status is "in progress" once it has spans.
        """
        annotator_id = self._annotator_ids.get(annotator) if annotator else None
        if annotator and annotator_id is None:
            row = self.conn.execute("SELECT id FROM annotators WHERE name = ?", [annotator]).fetchone()
            annotator_id = row[0] if row else -1
        span_filter = "" if annotator_id is None else "AND s.annotator_id = :a"
        status_filter = "" if annotator_id is None else "AND st.annotator_id = :a"
        rows = self.conn.execute(
            f"""
            SELECT d.id, d.title, d.source, length(d.text),
                   (SELECT count(*) FROM spans s WHERE s.document_id = d.id {span_filter}),
                   (SELECT st.status FROM document_status st WHERE st.document_id = d.id {status_filter}
                    ORDER BY st.updated_at DESC LIMIT 1)
            FROM documents d ORDER BY d.id
            """,
            {"a": annotator_id},
        ).fetchall()
        summaries = []
        for doc_id, title, source, length, count, status in rows:
            if status is None:
                status = "in_progress" if count else "new"
            summaries.append(DocumentSummary(doc_id, title, source, length, count, status))
        return summaries

    def set_status(self, document_id: int, annotator: str, status: str) -> None:
        if status not in STATUSES:
            raise ValueError(f"unknown status {status!r}")
        annotator_id = self._annotator_id(annotator)
        with self.transaction():
            self.conn.execute(
                "INSERT INTO document_status (document_id, annotator_id, status, updated_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (document_id, annotator_id) DO UPDATE SET status = excluded.status, "
                "updated_at = excluded.updated_at",
                [document_id, annotator_id, status, _now()],
            )

    def statuses(self, document_id: int) -> dict[str, str]:
        """Every annotator's status for a document: explicit ones, else in progress if they
        have spans in it."""
        found = {name: "in_progress" for (name,) in self.conn.execute(
            "SELECT DISTINCT a.name FROM spans s JOIN annotators a ON a.id = s.annotator_id WHERE s.document_id = ?",
            [document_id])}
        found.update(self.conn.execute(
            "SELECT a.name, st.status FROM document_status st JOIN annotators a ON a.id = st.annotator_id "
            "WHERE st.document_id = ?", [document_id]).fetchall())
        return dict(sorted(found.items()))

    def status(self, document_id: int, annotator: str) -> str:
        row = self.conn.execute(
            "SELECT st.status FROM document_status st JOIN annotators a ON a.id = st.annotator_id "
            "WHERE st.document_id = ? AND a.name = ?",
            [document_id, annotator],
        ).fetchone()
        if row:
            return row[0]
        has_spans = self.conn.execute(
            "SELECT 1 FROM spans s JOIN annotators a ON a.id = s.annotator_id WHERE s.document_id = ? AND a.name = ? LIMIT 1",
            [document_id, annotator],
        ).fetchone()
        return "in_progress" if has_spans else "new"

    # -- spans -------------------------------------------------------------------

    def add_span(
        self,
        document_id: int,
        annotator: str,
        label: str,
        start: int,
        end: int,
        text: str | None = None,
        attrs: dict[str, Any] | None = None,
        origin: str = "manual",
        span_id: str | None = None,
    ) -> Span:
        """Store a span after checking it against the document's text and the label schema."""
        covered = check_span(self.document_text(document_id), start, end, text)
        if label not in self.label_names():
            raise ValueError(f"unknown label {label!r}")
        span = Span(span_id or new_span_id(), document_id, annotator, label, start, end, covered,
                    dict(attrs or {}), origin)
        self.add_spans([span])
        return span

    def restore_span(self, span: Span) -> None:
        """Put back a span exactly as it was (undo of a delete)."""
        check_span(self.document_text(span.document_id), span.start, span.end, span.text)
        self.add_spans([span])

    def add_spans(self, spans: Iterable[Span | tuple], times: dict[str, tuple[str, str]] | None = None) -> int:
        """Insert already-checked spans in one transaction; returns how many.

        Takes Spans, or plain tuples in Span's field order ``(id, document_id, annotator,
        label, start, end, text, attrs, origin)``: the import's bulk path, which builds no
        Span for each row. ``times`` keeps (created_at, updated_at) by span id (a merge
        keeps the other copy's); others are stamped now. A span stored again is no longer
        deleted: its deletion record goes."""
        now = (_now(),) * 2
        times = times or {}
        rows = [(r[0], r[1], self._annotator_id(r[2]), r[3], r[4], r[5], r[6],
                 json.dumps(r[7], ensure_ascii=False) if r[7] else "{}", r[8], *times.get(r[0], now)) for r in spans]
        with self.transaction():
            self.conn.executemany(
                'INSERT INTO spans (id, document_id, annotator_id, label, start, "end", text, attrs, origin, '
                "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
            if self.conn.execute("SELECT 1 FROM deleted_spans LIMIT 1").fetchone():
                self.conn.executemany("DELETE FROM deleted_spans WHERE span_id = ?", [(r[0],) for r in rows])
        return len(rows)

    def span(self, span_id: str) -> Span | None:
        row = self.conn.execute(
            f"SELECT {_SPAN_COLUMNS} FROM spans s JOIN annotators a ON a.id = s.annotator_id WHERE s.id = ?",
            [span_id],
        ).fetchone()
        return None if row is None else _span_from_row(row)

    def update_span(self, span_id: str, *, label: str | None = None, start: int | None = None,
                    end: int | None = None) -> Span:
        """Change a span's label or edges; returns the span as stored now."""
        old = self.span(span_id)
        if old is None:
            raise KeyError(f"no span with id {span_id}")
        start = old.start if start is None else start
        end = old.end if end is None else end
        label = old.label if label is None else label
        covered = check_span(self.document_text(old.document_id), start, end)
        if label not in self.label_names():
            raise ValueError(f"unknown label {label!r}")
        with self.transaction():
            self.conn.execute(
                'UPDATE spans SET label = ?, start = ?, "end" = ?, text = ?, updated_at = ? WHERE id = ?',
                [label, start, end, covered, _now(), span_id],
            )
        return Span(old.id, old.document_id, old.annotator, label, start, end, covered, old.attrs, old.origin)

    def delete_span(self, span_id: str, by: str | None = None, at: str | None = None) -> Span:
        """Remove a span and record who removed it (``by``, else its annotator) and when
        (``at``, else now); returns it as it was, so the removal can be undone."""
        old = self.span(span_id)
        if old is None:
            raise KeyError(f"no span with id {span_id}")
        with self.transaction():
            self.conn.execute("DELETE FROM spans WHERE id = ?", [span_id])
            self.conn.execute(
                "INSERT OR REPLACE INTO deleted_spans (span_id, annotator, deleted_by, deleted_at) VALUES (?, ?, ?, ?)",
                [span_id, old.annotator, by or old.annotator, at or _now()])
        return old

    def deletions(self) -> list[Deletion]:
        return [Deletion(*row) for row in self.conn.execute(
            "SELECT span_id, annotator, deleted_by, deleted_at FROM deleted_spans ORDER BY deleted_at, span_id")]

    def record_deletions(self, deletions: Iterable[Deletion]) -> int:
        """Keep deletions made in another copy (a merge); one already recorded stays as it is.
        Returns how many were new."""
        with self.transaction():
            before = self.conn.total_changes
            self.conn.executemany(
                "INSERT OR IGNORE INTO deleted_spans (span_id, annotator, deleted_by, deleted_at) VALUES (?, ?, ?, ?)",
                [(d.span_id, d.annotator, d.deleted_by, d.deleted_at) for d in deletions])
            return self.conn.total_changes - before

    def span_times(self, document_id: int) -> dict[str, tuple[str, str]]:
        """(created_at, updated_at) of the document's spans, by span id."""
        return {row[0]: (row[1], row[2]) for row in self.conn.execute(
            "SELECT id, created_at, updated_at FROM spans WHERE document_id = ?", [document_id])}

    def span_updated_at(self, span_id: str) -> str | None:
        row = self.conn.execute("SELECT updated_at FROM spans WHERE id = ?", [span_id]).fetchone()
        return None if row is None else row[0]

    def spans_for(self, document_id: int, annotators: Iterable[str] | None = None) -> list[Span]:
        """The document's spans in text order, of the named annotators or of all."""
        sql = f"SELECT {_SPAN_COLUMNS} FROM spans s JOIN annotators a ON a.id = s.annotator_id WHERE s.document_id = ?"
        params: list[Any] = [document_id]
        if annotators is not None:
            names = list(annotators)
            sql += f" AND a.name IN ({', '.join('?' * len(names))})"
            params += names
        sql += ' ORDER BY s.start, s."end" DESC, s.label, s.id'
        return [_span_from_row(row) for row in self.conn.execute(sql, params)]

    def has_span(self, document_id: int, annotator: str, label: str, start: int, end: int) -> bool:
        return self.conn.execute(
            'SELECT 1 FROM spans s JOIN annotators a ON a.id = s.annotator_id WHERE s.document_id = ? '
            'AND a.name = ? AND s.label = ? AND s.start = ? AND s."end" = ? LIMIT 1',
            [document_id, annotator, label, start, end],
        ).fetchone() is not None

    def iter_documents_with_spans(
        self, annotators: Iterable[str] | None = None, lean: bool = False
    ) -> Iterator[tuple[Document, list[Span]]]:
        """Every document with its spans, streamed in id order.

        Two ordered cursors are walked side by side, so memory holds one document at a
        time however large the corpus. ``lean`` spans carry only what token exports read
        (document, label, edges, attributes; id, annotator, text and origin empty): they
        read in little more than half the time.
        """
        names = None if annotators is None else list(annotators)
        columns = _LEAN_SPAN_COLUMNS if lean else _SPAN_COLUMNS
        span_sql = f"SELECT {columns} FROM spans s"
        params: list[Any] = []
        if names is not None:
            span_sql += f" JOIN annotators a ON a.id = s.annotator_id WHERE a.name IN ({', '.join('?' * len(names))})"
            params = names
        elif not lean:
            span_sql += " JOIN annotators a ON a.id = s.annotator_id"
        # The index's order, then the text order spans are handed out in: SQLite sorts
        # only the spans that share a start, not the whole table.
        span_sql += ' ORDER BY s.document_id, s.start, s."end" DESC, s.label, s.id'
        make = _lean_span_from_row if lean else _span_from_row
        # Both cursors stay open together on one connection, so they read inside one
        # read transaction: a single consistent snapshot even while others write.
        span_rows = iter(self.conn.execute(span_sql, params))
        pending = next(span_rows, None)
        doc_rows = self.conn.execute(
            "SELECT id, title, text, text_sha256, source, meta FROM documents ORDER BY id"
        )
        for row in doc_rows:
            document = self._document_from_row(row)
            doc_id = document.id
            spans = []
            while pending is not None and pending[1] <= doc_id:
                if pending[1] == doc_id:
                    spans.append(make(pending))
                pending = next(span_rows, None)
            yield document, spans

    # -- project settings ----------------------------------------------------------

    def setting(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM project_settings WHERE key = ?", [key]).fetchone()
        return default if row is None else row[0]

    def set_setting(self, key: str, value: str) -> None:
        self._write_one("INSERT INTO project_settings (key, value) VALUES (?, ?) "
                        "ON CONFLICT (key) DO UPDATE SET value = excluded.value", [key, value])

    # -- health --------------------------------------------------------------------

    def check(self) -> list[str]:
        """Every problem found, one a line: what SQLite finds (integrity, foreign keys), spans
        whose text is not the document's text at their offsets, documents whose text no
        longer matches its hash. A damaged file is reported, not raised."""
        from annotator.store.health import problems_of

        return problems_of(self)

    def quick_check(self) -> None:
        """Raise DamagedDatabaseError unless SQLite's quick check finds the file sound: for
        commands whose figures could come from the sound part of a damaged file."""
        from annotator.store.health import sqlite_problems

        problems = sqlite_problems(self.conn, quick=True)
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
        return copy_database(self.conn, self.path, target)

    # -- figures -----------------------------------------------------------------

    def stats(self) -> dict[str, Any]:
        by_label = dict(self.conn.execute("SELECT label, count(*) FROM spans GROUP BY label ORDER BY label").fetchall())
        by_annotator = dict(
            self.conn.execute(
                "SELECT a.name, count(*) FROM spans s JOIN annotators a ON a.id = s.annotator_id "
                "GROUP BY a.name ORDER BY a.name"
            ).fetchall()
        )
        return {
            "documents": self.document_count(),
            "spans": sum(by_label.values()),
            "spans_by_label": {label.name: by_label.get(label.name, 0) for label in self.labels()}
            | {k: v for k, v in by_label.items() if k not in self.label_names()},
            "spans_by_annotator": by_annotator,
        }

"""Opening a project file: what each mode may do, the checks before SQLite sees the file, and
the read-only connection that works in a folder nobody may write to."""

from __future__ import annotations

import enum
import os
import sqlite3
from pathlib import Path

from annotator.store.backups import read_only_uri
from annotator.store.errors import NotAProjectError, ReadOnlyError, StoreError, newest_backup


def check_header(path: Path) -> None:
    if path.stat().st_size == 0:
        return
    try:
        with path.open("rb") as handle:
            magic = handle.read(16)
    except OSError as err:
        raise StoreError(f"{path}: cannot read the database ({err.strerror})") from None
    if magic != b"SQLite format 3\x00":
        newest = newest_backup(path)
        hint = "" if newest is None else f"; if it was an Annotator project it is damaged: restore from {newest}"
        raise NotAProjectError(f"{path}: not an Annotator database (the file is not an SQLite database){hint}")


class OpenMode(enum.Enum):
    """What the opener may do to the project: every command and the window say which."""

    CREATE = "create"  # import, gui, merge's target: may create the file (and its folders)
    WRITE = "write"  # must exist; migrates an old schema after keeping a copy of it
    READ = "read"  # must exist; a read-only connection: never creates, writes or migrates


def missing_folders(folder: Path) -> list[Path]:
    missing = []
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    return missing


def remove_new_project(path: Path, folders: list[Path]) -> None:
    """Take away a project this process has just created, and the folders made for it."""
    for name in (path.name, path.name + "-wal", path.name + "-shm", path.name + "-journal"):
        try:
            path.with_name(name).unlink()
        except FileNotFoundError:
            pass
    for folder in folders:  # innermost first
        try:
            folder.rmdir()
        except OSError:
            break


def connect_read_only(path: Path, busy_timeout: float) -> sqlite3.Connection:
    """A connection that cannot change the project. Where the file and its folder may be
    written, a read-write connection kept from writing (query_only): the last connection to
    close a WAL database takes its -wal and -shm files away, which a read-only one cannot do,
    so a reading command would leave them behind."""
    if os.access(path, os.W_OK) and os.access(path.parent, os.W_OK):
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=rw", uri=True, timeout=busy_timeout,
                               isolation_level=None)
        try:
            conn.execute("PRAGMA query_only = ON")
            conn.execute("PRAGMA user_version").fetchone()
            return conn
        except sqlite3.OperationalError:  # a read-only file system, say: read as below
            conn.close()
    uri = read_only_uri(path)
    conn = sqlite3.connect(uri, uri=True, timeout=busy_timeout, isolation_level=None)
    try:
        conn.execute("PRAGMA user_version").fetchone()  # the first read opens the WAL index
        return conn
    except sqlite3.OperationalError as err:
        conn.close()
        if not getattr(err, "sqlite_errorname", "").startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN")):
            raise
    # A WAL database needs its -shm index, which a read-only folder cannot hold. With no
    # -wal file beside it, the file alone is the whole project and nobody can be writing
    # (a writer would need that folder too): SQLite may then read it as immutable.
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise ReadOnlyError(f"{path}: cannot read the project: its folder is read-only and changes not yet "
                            f"merged into it wait in {wal.name}; open it once where the folder can be written")
    return sqlite3.connect(uri + "&immutable=1", uri=True, timeout=busy_timeout, isolation_level=None)

"""The store's errors: one root, ``StoreError``, that the command line and the window catch.

Every message names the file and says what to do; SQLite's own wording ("disk I/O error",
"database disk image is malformed") is translated here, in one place.
"""

from __future__ import annotations

import errno
import shutil
import sqlite3
from pathlib import Path

from annotator.core.errors import AnnotatorError


class StoreError(AnnotatorError):
    """A database that cannot be used; the message names the file and the problem."""


class ProjectMissingError(StoreError):
    """No project at the path, and the command may not create one."""


class NotAProjectError(StoreError):
    """A file that is not an Annotator project (another program's database, an empty file...)."""


class NewerDatabaseError(StoreError):
    """A database written by a newer Annotator; it is left untouched."""


class OutdatedDatabaseError(StoreError):
    """A project of an older schema, opened by a command that may not change it."""


class DamagedDatabaseError(StoreError):
    """SQLite finds the file damaged (corrupt pages, truncated, bad header)."""

    detail = ""  # what SQLite said


class DiskFullError(StoreError):
    """No room left on the disk for what was being written."""


class ReadOnlyError(StoreError):
    """The file or its folder may not be written."""


class BusyError(StoreError):
    """Another program kept the project's write lock for longer than we wait."""


class ConstraintError(StoreError):
    """A change the schema refuses (a span id already taken, a span of a missing document)."""


class ConflictError(StoreError):
    """A change to a record another client changed or deleted since it was read: refused, so
    neither change is lost silently."""


class PermissionRefused(StoreError):
    """A server's roles do not allow this login the action: trying again cannot help."""


class NotFoundError(StoreError):
    """Something asked for by id or name that the project does not hold."""


class DocumentNotFound(NotFoundError):
    pass


class SpanNotFound(NotFoundError):
    pass


class AnnotatorNotFound(NotFoundError):
    pass


class InvalidValueError(StoreError, ValueError):
    """A value the project cannot hold: a label not in its schema, an unknown status or
    role, a document without text."""


class EventError(InvalidValueError):
    """An event the project cannot hold: a span of another document or annotator, a mention
    already in another event, an event as its own argument, an unknown role."""


class EventNotFound(NotFoundError):
    pass


class RoleError(InvalidValueError):
    """A role that cannot be added, renamed or removed (a name taken, a role in use)."""


class ServerProjectsUnsupported(StoreError):
    """An address of a kind of server the store does not speak (``mysql://…``)."""


def backup_folder(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".backups")


def newest_backup(db_path: Path) -> Path | None:
    if not isinstance(db_path, Path):  # a server's project: its copies are not kept beside it
        return None
    try:
        copies = sorted(backup_folder(db_path).glob(f"{db_path.stem}-*.db"))
    except OSError:
        return None
    return copies[-1] if copies else None


def damaged(path: Path, detail: str = "") -> DamagedDatabaseError:
    newest = newest_backup(path)
    restore = (f"restore from {newest}" if newest is not None
               else "restore it from a copy if you have one (none in " f"{backup_folder(path).name}/)")
    because = f" ({detail})" if detail else ""
    error = DamagedDatabaseError(
        f"{path}: the project file is damaged{because}; run `annotator check --db {path}` "
        f"for the details, and {restore}"
    )
    error.detail = detail
    return error


def _disk_is_full(folder: Path) -> bool:
    """SQLite reports some writes that found no room as a plain "disk I/O error": ask the disk."""
    try:
        return shutil.disk_usage(folder).free < 64 * 1024
    except OSError:
        return False


def disk_full(path: Path) -> DiskFullError:
    return DiskFullError(f"{path}: the disk is full; free some space and try again (nothing was half-written)")


def from_os_error(path: Path, err: OSError, doing: str) -> StoreError:
    """An OSError met while writing ``path`` (a backup, a copy), said in the store's words."""
    if err.errno in (errno.ENOSPC, errno.EDQUOT) or (err.errno == errno.EIO and _disk_is_full(path.parent)):
        return disk_full(path)
    if err.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return ReadOnlyError(f"{path}: cannot {doing} (permission denied)")
    return StoreError(f"{path}: cannot {doing} ({err.strerror or err})")


def from_sqlite_error(path: Path, err: sqlite3.Error, doing: str, written: Path | None = None) -> StoreError:
    """``err`` met while ``doing`` something to ``path``, as one of the store's errors.

    ``written`` is the file being written when that is not the project (a backup's target):
    a full disk is checked there."""
    name = getattr(err, "sqlite_errorname", "") or ""
    where = written or path
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return damaged(path, str(err))
    if "Could not decode to UTF-8" in str(err):
        # Stored text is always valid UTF-8: bytes that are not were changed on disk. The
        # message would quote them, so it is left out.
        return damaged(path, "stored text is not valid UTF-8")
    if name.startswith("SQLITE_FULL") or (name.startswith("SQLITE_IOERR") and _disk_is_full(where.parent)):
        return disk_full(where)
    if name.startswith("SQLITE_READONLY"):
        return ReadOnlyError(f"{where}: cannot {doing} ({err})")
    if name.startswith("SQLITE_CONSTRAINT") or isinstance(err, sqlite3.IntegrityError):
        return ConstraintError(f"{path}: cannot {doing}: the project refuses it ({err})")
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return BusyError(f"{path}: cannot {doing}: another program is writing to it ({err}); try again once it "
                         "has finished")
    return StoreError(f"{where}: cannot {doing} ({err})")

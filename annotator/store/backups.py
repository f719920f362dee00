"""Copies of a project: the rolling backups kept at each start of the app, ``annotator backup``,
and the safety copy taken before a migration.

Every copy goes through SQLite's online backup (consistent while others write) into
``TARGET.partial``, is checked, and only then takes its name: a full disk or a damaged source
leaves no ``.partial`` and no bad copy behind.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from annotator.store.errors import (
    StoreError,
    backup_folder,
    damaged,
    from_os_error,
    from_sqlite_error,
    newest_backup,
)
from annotator.store.health import sqlite_problems

KEEP = 5
BUSY_TIMEOUT_S = 5.0

__all__ = ["KEEP", "backup_folder", "copy_database", "newest_backup", "read_only_uri", "rolling_backup",
           "safety_copy"]


def read_only_uri(path: Path) -> str:
    """An SQLite URI opening ``path`` read-only; ``as_uri`` escapes ``?``, ``#`` and ``%`` in the name."""
    return Path(path).resolve().as_uri() + "?mode=ro"


def _remove(path: Path) -> None:
    """``path`` and the files SQLite may have made beside it."""
    for name in (path.name, path.name + "-journal", path.name + "-wal", path.name + "-shm"):
        try:
            path.with_name(name).unlink()
        except FileNotFoundError:
            pass


@contextmanager
def partial_file(target: Path, sqlite_error: Callable[[sqlite3.Error], StoreError]) -> Iterator[Path]:
    """``TARGET.partial`` to write the copy into: renamed to ``target`` when the block ends well,
    taken away with the files SQLite made beside it when it does not. An SQLite error leaves as
    ``sqlite_error(err)``, made before the space is freed (its message may look at the disk)."""
    partial = target.with_name(target.name + ".partial")
    try:
        yield partial
        os.replace(partial, target)
    except sqlite3.Error as err:
        error = sqlite_error(err)
        _remove(partial)
        raise error from None
    except OSError as err:
        error = from_os_error(target, err, "write the copy")
        _remove(partial)
        raise error from None
    except BaseException:
        _remove(partial)
        raise


def copy_database(source: sqlite3.Connection, source_path: Path, target: Path) -> Path:
    """A checked copy of ``source`` (the project at ``source_path``) at ``target``."""
    with partial_file(target, lambda err: from_sqlite_error(source_path, err, "make the copy",
                                                            written=target)) as partial:
        destination = sqlite3.connect(partial, isolation_level=None)
        try:
            # The copy is a throwaway until renamed: a journal beside it would only be one more
            # file to leave behind when the disk fills.
            destination.execute("PRAGMA journal_mode = OFF")
            source.backup(destination)
            # The online backup copies damaged pages as they are: a copy is only worth its
            # name if SQLite can read it, and a rolling backup must not push out good ones.
            problems = sqlite_problems(destination, quick=True)
            if not problems:
                # A copy is one file: out of WAL mode, reading it later leaves no -wal or -shm
                # beside it (the project itself is put back into WAL mode whenever it is opened).
                destination.execute("PRAGMA journal_mode = DELETE")
        finally:
            destination.close()
        if problems:
            raise damaged(source_path, problems[0].removeprefix("integrity: "))
    return target


def rolling_backup(db_path: Path, keep: int = KEEP) -> Path | None:
    """Copy the project into ``NAME.db.backups/`` and delete all but the newest ``keep``.

    Opens its own read-only connection, so it may run on a worker thread while the app works.
    A server's project (not a Path) is the server's to back up: None, nothing copied."""
    if not isinstance(db_path, Path):
        return None
    folder = backup_folder(db_path)
    made_folder = not folder.exists()
    try:
        folder.mkdir(exist_ok=True)
    except OSError as err:
        raise from_os_error(folder, err, "make the backup folder") from None
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{db_path.stem}-{stamp}.db"
    try:
        source = sqlite3.connect(read_only_uri(db_path), uri=True, timeout=BUSY_TIMEOUT_S)
        try:
            copy_database(source, db_path, target)
        finally:
            source.close()
    except sqlite3.Error as err:
        error = from_sqlite_error(db_path, err, "read the project for a backup")
        if made_folder:
            folder.rmdir()
        raise error from None
    except StoreError:
        if made_folder:
            folder.rmdir()
        raise
    for old in sorted(folder.glob(f"{db_path.stem}-*.db"))[:-keep]:
        old.unlink()
    return target


def safety_copy(source: sqlite3.Connection, db_path: Path, version: int) -> Path:
    """``NAME.vN.bak`` beside the project: the file as it was at schema version N, taken before
    a migration. An existing copy is never overwritten (it may be the only old one left)."""
    target = db_path.with_name(f"{db_path.stem}.v{version}.bak")
    number = 1
    while target.exists():
        number += 1
        target = db_path.with_name(f"{db_path.stem}.v{version}-{number}.bak")
    try:
        return copy_database(source, db_path, target)
    except StoreError as err:
        raise type(err)(f"{err} (the project was not upgraded)") from None

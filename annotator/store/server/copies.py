"""A server project as a project file: ``annotator backup --db postgresql://… copy.db``, and the
safety copy kept before the server's schema is migrated (the way SQLite's ``NAME.vN.bak`` is).

Rows are read through server-side cursors, a table at a time, inside one snapshot: the file is
the project as it was at one moment, however many clients write meanwhile."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import psycopg

from annotator.store.location import ServerAddress
from annotator.store.project_file import file_tables, write_project_file
from annotator.store.server import schema

BATCH = 2000


def _rows_of(raw: psycopg.Connection):
    def rows_of(table: str) -> tuple[Sequence[str], Iterable[Sequence[object]]]:
        cursor = raw.cursor(name=f"copy_{table}")
        cursor.itersize = BATCH
        cursor.execute(f"SELECT * FROM {table}")
        columns = [column.name for column in cursor.description]

        def rows() -> Iterable[Sequence[object]]:
            try:
                yield from cursor
            finally:
                cursor.close()  # an open cursor would keep the table from being migrated
        return columns, rows()
    return rows_of


def write_copy(raw: psycopg.Connection, address: ServerAddress, target: Path, version: int) -> Path:
    """Inside the caller's transaction: every table of schema ``version`` into ``target``."""
    return write_project_file(target, version, file_tables(version), _rows_of(raw), str(address))


def backup(raw: psycopg.Connection, address: ServerAddress, target: Path) -> Path:
    with raw.transaction():
        raw.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        version = schema.schema_version(raw) or 0
        return write_copy(raw, address, target, version)


def hold_writers(raw: psycopg.Connection, version: int) -> None:
    """Inside a transaction: keep every other client from writing to the tables of schema
    ``version`` until it ends (they may still read)."""
    tables = ", ".join(file_tables(version))
    raw.execute(f"LOCK TABLE {tables} IN SHARE MODE")


def copies_folder() -> Path:
    """Where the copies kept before a server's migration go: the user's data folder."""
    import platformdirs

    return platformdirs.user_data_path("annotator", appauthor=False) / "server-copies"


def safety_copy(raw: psycopg.Connection, address: ServerAddress, version: int) -> Path:
    """``HOST-PORT-DBNAME.vN.bak`` in ``copies_folder()``: the project as it was at schema
    version N; an existing copy is never overwritten."""
    folder = copies_folder()
    folder.mkdir(parents=True, exist_ok=True)
    stem = re.sub(r"[^\w.-]+", "_", f"{address.host or 'local'}-{address.port or 5432}-{address.dbname}")
    target = folder / f"{stem}.v{version}.bak"
    number = 1
    while target.exists():
        number += 1
        target = folder / f"{stem}.v{version}-{number}.bak"
    return write_copy(raw, address, target, version)

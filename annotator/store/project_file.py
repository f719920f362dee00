"""A project file written from rows read elsewhere: ``annotator backup`` of a server project,
and the safety copy kept before a server's schema is migrated.

The file gets the SQLite schema of the rows' version (the same tables and columns as the
server's), the rows table by table, SQLite's check, and only then its name: a full disk or a
failure half-way leaves no ``.partial`` and no file behind."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from annotator.store.backups import partial_file
from annotator.store.errors import StoreError, from_sqlite_error
from annotator.store.health import sqlite_problems
from annotator.store.migrations import MIGRATIONS

APPLICATION_ID = 0x416E6E6F  # as repository.APPLICATION_ID: the file is an Annotator project

# (table, its columns, its rows) for each table, asked for by name in an order that respects
# the foreign keys.
RowsOf = Callable[[str], tuple[Sequence[str], Iterable[Sequence[object]]]]


def file_tables(version: int) -> list[str]:
    """The tables a project file of schema ``version`` holds, in the order they were made."""
    from sqlite_utils import Database

    db = Database(memory=True)
    for migration in MIGRATIONS[:version]:
        migration(db)
    return [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid")]


def write_project_file(target: Path, version: int, tables: Sequence[str], rows_of: RowsOf, source: str) -> Path:
    """A project file at ``target`` of schema ``version`` holding, for each of ``tables``, the
    rows ``rows_of(table)`` gives. ``source`` names where the rows come from, for messages."""
    from sqlite_utils import Database

    with partial_file(target, lambda err: from_sqlite_error(target, err, f"write the copy of {source}",
                                                            written=target)) as partial:
        conn = sqlite3.connect(partial, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode = OFF")  # a throwaway until renamed
            conn.execute("BEGIN")
            db = Database(conn)
            for migration in MIGRATIONS[:version]:
                migration(db)
            conn.execute("DELETE FROM labels")  # the defaults the migrations put in: the rows copied say
            if version >= 4:
                conn.execute("DELETE FROM roles")
            for table in tables:
                columns, rows = rows_of(table)
                names = ", ".join(f'"{c}"' for c in columns)
                conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})", rows)
            conn.execute(f"PRAGMA user_version = {version}")
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute("COMMIT")
            problems = sqlite_problems(conn)
            conn.execute("PRAGMA journal_mode = DELETE")
        finally:
            conn.close()
        if problems:
            raise StoreError(f"{target}: the copy of {source} failed SQLite's check ({problems[0]}); nothing was kept")
    return target

"""What a project holds, read with the database's own driver (sqlite3 for a file, psycopg for a
server), not through our store: the tests' independent reading of either store."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def raw_rows(location, sql: str) -> list[tuple]:
    """``sql`` (no parameters) run on the project at ``location``: a file's path, or a server's
    project (a ``postgresql://`` URL, or a store's ``path``, whose full URL it keeps)."""
    if isinstance(location, Path):
        conn = sqlite3.connect(location)
        try:
            return conn.execute(sql).fetchall()
        finally:
            conn.close()
    import psycopg

    with psycopg.connect(getattr(location, "url", location)) as conn:
        return [tuple(row) for row in conn.execute(sql).fetchall()]

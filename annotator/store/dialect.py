"""Where the SQL of the two stores differs, said once per store: the query mixins ask the
store's dialect instead of writing SQLite's (or PostgreSQL's) own words.

Everything else the mixins write is SQL both understand (``ON CONFLICT``, ``RETURNING``,
``?`` placeholders, which the server's connection turns into psycopg's)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

GOLD_LOCKS = 0x476F6C64  # "Gold": the advisory-lock space of documents' gold layers


class SqliteDialect:
    """SQLite takes a list of values as one JSON array, read back by ``json_each``: one
    parameter however many values, so no statement grows with the list."""

    name = "sqlite"

    @staticmethod
    def any_of(column: str) -> str:
        """A condition: ``column`` is one of the values of the next parameter (see ``values``)."""
        return f"{column} IN (SELECT value FROM json_each(?))"

    @staticmethod
    def values(items: Iterable[Any]) -> Any:
        """``items`` as the one parameter ``any_of`` reads."""
        return json.dumps(list(items), ensure_ascii=False)

    @staticmethod
    def hold_document(conn: Any, document_id: int) -> None:
        """Inside a transaction: no other writer changes the document's gold layer until it
        ends. SQLite's transaction already holds the whole file (BEGIN IMMEDIATE)."""


class ServerDialect:
    """PostgreSQL takes a list as an array parameter."""

    name = "postgresql"

    @staticmethod
    def any_of(column: str) -> str:
        return f"{column} = ANY(?)"

    @staticmethod
    def values(items: Iterable[Any]) -> Any:
        return list(items)

    @staticmethod
    def hold_document(conn: Any, document_id: int) -> None:
        # Rows another transaction is inserting are not there to lock: a lock on the document's
        # number, held to the end of the transaction, serialises the writers of its gold layer.
        conn.execute("SELECT pg_advisory_xact_lock(?, ?)", [GOLD_LOCKS, document_id])

"""The small connection surface the query mixins use (``execute``, ``executemany``,
``in_transaction``, ``total_changes``), over a psycopg 3 connection.

The mixins write ``?`` placeholders (and ``:name`` ones with a dict), as SQLite takes them;
each statement is translated once into psycopg's ``%s`` / ``%(name)s``, quoted text left as it
is. The connection runs in autocommit: the store says BEGIN and COMMIT itself, so a read
outside a transaction holds nothing open on the server."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import Any

import psycopg

from annotator.store.location import ServerAddress

_TOKENS = re.compile(r"""('(?:[^']|'')*'|"[^"]*")|(\?)|(%)|(?<![:\w]):([A-Za-z_]\w*)""")
_WRITES = ("INSERT", "UPDATE", "DELETE")


def _replace(match: re.Match[str]) -> str:
    quoted, question, percent, name = match.groups()
    if quoted:
        return quoted
    if question:
        return "%s"
    if percent:
        return "%%"
    return f"%({name})s"


@lru_cache(maxsize=512)
def translated(sql: str) -> str:
    """``sql`` with SQLite's placeholders as psycopg's."""
    return _TOKENS.sub(_replace, sql)


def _collect_skipped(pipeline: psycopg.Pipeline) -> None:
    """Read the results of the statements a failed pipeline skipped, up to its end (a Sync)."""
    for _ in range(3):  # each round reads what arrived; the Sync's own result ends it
        try:
            pipeline.sync()
            return
        except psycopg.errors.PipelineAborted:
            continue
        except psycopg.Error:
            return  # the connection itself failed: the caller's error says so


class ServerConnection:
    """One psycopg connection as the mixins use a connection.

    A connection that broke (the server restarted, a network cut, an administrator ended it)
    is made again at the next statement outside a transaction, with the session's settings
    (``set_session``) said again: the action that met the break failed and is not re-run
    (its transaction died with the connection); the next one works."""

    def __init__(self, raw: psycopg.Connection, address: ServerAddress, connect: Callable[[], psycopg.Connection]):
        self.raw = raw
        self.address = address
        self._connect = connect
        self._session: list[str] = []
        self._closed = False
        # Rows changed by this connection's writes: what SQLite's total_changes counts.
        self.total_changes = 0

    def set_session(self, sql: str) -> None:
        """A ``SET`` for the whole session, said again on every new connection."""
        self.execute(sql)
        self._session.append(sql)

    def _cursor(self) -> psycopg.Cursor:
        if self.raw.broken and not self._closed:
            self.raw = self._connect()  # its error, if the server is still away, is the caller's to say
            for sql in self._session:
                self.raw.execute(sql)
        return self.raw.cursor()

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> psycopg.Cursor:
        cursor = self._cursor()
        if params is None:
            cursor.execute(sql)  # sent as written: without parameters psycopg reads no placeholder
        else:
            cursor.execute(translated(sql), params)
        if cursor.rowcount > 0 and sql.lstrip()[:6].upper() in _WRITES:
            self.total_changes += cursor.rowcount
        return cursor

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> psycopg.Cursor:
        """All rows sent at once in pipeline mode. When the server refuses one, the rows sent
        after it come back as skipped ("pipeline aborted"): they are collected here, so the
        caller gets the refusal alone; left to psycopg, leaving the pipeline logs a warning of
        its own on stderr beside our one-line message."""
        cursor = self._cursor()
        if not psycopg.Pipeline.is_supported():  # a libpq older than 14: one statement at a time
            cursor.executemany(translated(sql), rows)
            self.total_changes += max(cursor.rowcount, 0)
            return cursor
        with self.raw.pipeline() as pipeline:
            try:
                cursor.executemany(translated(sql), rows)
            except psycopg.Error:
                _collect_skipped(pipeline)
                raise
        if cursor.rowcount > 0:
            self.total_changes += cursor.rowcount
        return cursor

    @property
    def in_transaction(self) -> bool:
        # A broken connection's transaction is gone: the next statement starts afresh.
        return not self.raw.broken and self.raw.info.transaction_status != psycopg.pq.TransactionStatus.IDLE

    @property
    def broken(self) -> bool:
        return self.raw.closed or self.raw.broken

    def close(self) -> None:
        self._closed = True
        self.raw.close()

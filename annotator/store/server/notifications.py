"""Other clients' changes, as they are committed: LISTEN/NOTIFY.

Triggers installed with the schema send the id of the document whose spans, events, statuses or
rejections a transaction changed (``documents`` when the list of documents itself changed) on one
channel. PostgreSQL delivers a notification only once its transaction commits, and folds the same
payload sent many times in one transaction into one, so an import of a thousand spans into one
document is one notification. The payload names a document, never what changed in it: a client
re-reads what its own login may see (row-level security), so a notification tells nobody of
another annotator's spans.

``ChangeListener`` holds its own connection, which does nothing but listen: a window watches its
socket (no polling) and calls ``drain`` when it becomes readable."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

import psycopg

from annotator.store.location import ServerAddress
from annotator.store.server.errors import server_error

CHANNEL = "annotator_changes"
DOCUMENTS = "documents"  # the payload when documents came or went
# Tables whose rows belong to one document, and change what a window shows of it.
DOCUMENT_TABLES = tuple("spans events event_mentions event_arguments document_status rejections".split())

_FUNCTIONS = f"""
CREATE OR REPLACE FUNCTION annotator_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM pg_notify('{CHANNEL}', OLD.document_id::text);
    ELSE
        PERFORM pg_notify('{CHANNEL}', NEW.document_id::text);
        IF TG_OP = 'UPDATE' AND OLD.document_id IS DISTINCT FROM NEW.document_id THEN
            PERFORM pg_notify('{CHANNEL}', OLD.document_id::text);
        END IF;
    END IF;
    RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION annotator_notify_documents() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('{CHANNEL}', '{DOCUMENTS}');
    RETURN NULL;
END $$;
"""


def install_triggers(conn: psycopg.Connection) -> None:
    """The triggers, on the tables as they are; inside the caller's transaction (the schema's
    creation or migration), and again after each migration: every statement may run twice."""
    conn.execute(_FUNCTIONS)
    for table in DOCUMENT_TABLES:
        conn.execute(f"DROP TRIGGER IF EXISTS annotator_notify ON {table}")
        conn.execute(f"CREATE TRIGGER annotator_notify AFTER INSERT OR UPDATE OR DELETE ON {table} "
                     "FOR EACH ROW EXECUTE FUNCTION annotator_notify_change()")
    conn.execute("DROP TRIGGER IF EXISTS annotator_notify ON documents")
    conn.execute("CREATE TRIGGER annotator_notify AFTER INSERT OR DELETE ON documents "
                 "FOR EACH STATEMENT EXECUTE FUNCTION annotator_notify_documents()")


class Changes(NamedTuple):
    """What other connections committed since the last look."""

    documents: frozenset[int]  # documents whose spans, events, statuses or rejections changed
    document_list: bool  # documents were added or removed

    def __bool__(self) -> bool:
        return bool(self.documents) or self.document_list


class ChangeListener:
    """A connection of its own that listens on the project's channel.

    ``ignore_pid``: the backend of the window's own store, whose changes the window has shown
    already."""

    def __init__(self, address: ServerAddress, ignore_pid: Callable[[], int | None] = lambda: None):
        self.address = address
        self.ignore_pid = ignore_pid
        self._conn: psycopg.Connection | None = None
        self.connect()

    @classmethod
    def for_store(cls, store: Any) -> ChangeListener:
        """Listening to the project ``store`` (a ServerStore) is open on; what ``store``'s own
        connection changes is left out: its window has shown it already."""
        def own_pid() -> int | None:
            raw = store.raw_connection()
            return None if raw.closed else raw.info.backend_pid

        return cls(store.path, own_pid)

    def connect(self) -> None:
        """(Re)connect and listen; a StoreError if the server cannot be reached."""
        self.close()
        try:
            conn = psycopg.connect(self.address.url, autocommit=True, connect_timeout=10,
                                   application_name="annotator-listener")
            conn.execute(f"LISTEN {CHANNEL}")
        except psycopg.Error as err:
            raise server_error(self.address, err, "listen for other clients' changes", connecting=True) from None
        self._conn = conn

    @property
    def connected(self) -> bool:
        return self._conn is not None and not self._conn.closed and not self._conn.broken

    def fileno(self) -> int:
        """The socket to watch: readable when the server has sent something."""
        return self._conn.pgconn.socket

    def drain(self) -> Changes:
        """The notifications that arrived, read without waiting. A lost connection raises the
        store's ConnectionLostError; ``connect`` again, and re-read everything (notifications
        sent meanwhile are gone)."""
        pgconn = self._conn.pgconn if self._conn is not None else None
        documents: set[int] = set()
        listing = False
        try:
            if pgconn is None:
                raise psycopg.OperationalError("the connection is closed")
            pgconn.consume_input()
            if pgconn.status != psycopg.pq.ConnStatus.OK:  # the server said goodbye (terminated, shut down)
                raise psycopg.OperationalError("the connection was lost")
            own = self.ignore_pid()
            while (note := pgconn.notifies()) is not None:
                if note.be_pid == own:
                    continue
                payload = note.extra.decode()
                if payload == DOCUMENTS:
                    listing = True
                elif payload.isdigit():
                    documents.add(int(payload))
        except psycopg.Error as err:
            self.close()
            raise server_error(self.address, err, "listen for other clients' changes") from None
        return Changes(frozenset(documents), listing)

    def close(self) -> None:
        if self._conn is not None:
            conn, self._conn = self._conn, None
            try:
                conn.close()
            except psycopg.Error:
                pass

    def __enter__(self) -> ChangeListener:
        return self

    def __exit__(self, *_exc: Any) -> None:
        self.close()

"""Checking a project: what SQLite finds in the file, then what Annotator promises of its
content. Every problem is one line; a damaged file is reported, never raised, since finding
the damage is the point."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.core.event_edits import EVENT_LABEL
from annotator.core.model import text_sha256
from annotator.store.errors import DamagedDatabaseError, NotAProjectError, StoreError
from annotator.store.location import ServerAddress

if TYPE_CHECKING:
    from annotator.store.interface import ProjectStore
    from annotator.store.repository import Store


def _check_rows(conn: sqlite3.Connection, pragma: str) -> list[str]:
    # A row may hold several lines under a "*** in database main ***" heading: one problem a line.
    return [f"integrity: {line.strip()}" for (row,) in conn.execute(f"PRAGMA {pragma}") if row != "ok"
            for line in row.splitlines() if line.strip() and not line.startswith("*** in database")]


def _is_damage(err: sqlite3.DatabaseError) -> bool:
    return getattr(err, "sqlite_errorname", "").startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB"))


def sqlite_problems(conn: sqlite3.Connection, quick: bool = False) -> list[str]:
    """SQLite's own verdict: ``integrity_check`` (or the cheaper ``quick_check``, which skips
    matching indexes to their tables) and, in the full check, ``foreign_key_check``."""
    try:
        problems = _check_rows(conn, "quick_check(1)" if quick else "integrity_check")
    except sqlite3.DatabaseError as err:
        if not _is_damage(err):  # a read that failed (a short file on a full disk): not what the file holds
            raise
        # On some damage the check itself fails once it has found a few problems, while a
        # check told to stop sooner still names them: ask for fewer until it answers.
        for limit in (10, 3, 1):
            try:
                problems = _check_rows(conn, f"{'quick' if quick else 'integrity'}_check({limit})")
                break
            except sqlite3.DatabaseError:
                problems = []
        return problems + [f"integrity: SQLite stopped checking ({err})"]
    if quick:
        return problems
    try:
        problems += [f"foreign key: {table} row {rowid} points to a missing {parent} row"
                     for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check")]
    except sqlite3.DatabaseError as err:
        problems.append(f"foreign keys: cannot be checked ({err})")
    return problems


def content_problems(conn: Any, store: ProjectStore) -> list[str]:
    problems = []
    for doc_id, text, digest in conn.execute("SELECT id, text, text_sha256 FROM documents"):
        if text_sha256(text) != digest:
            problems.append(f"document {doc_id}: its text does not match its SHA-256 "
                            "(it was changed outside Annotator)")
    for document, spans in store.iter_documents_with_spans():
        for span in spans:
            if not (0 <= span.start < span.end <= len(document.text)):
                problems.append(f"span {span.id} in document {document.id}: offsets {span.start}-{span.end} "
                                f"fall outside the text (length {len(document.text)})")
            elif document.text[span.start:span.end] != span.text:
                problems.append(f"span {span.id} in document {document.id}: text {span.text!r} does not match "
                                f"the document at {span.start}-{span.end}")
    return problems


# Each finds links that break an event's rules (annotator/store/events.py): (event's document,
# event id, what, span id, the detail), one problem per row. Only a file changed outside
# Annotator (or by an older bug) holds any: the store refuses them on the way in.
_EVENT_CHECKS = (
    ("SELECT m.document_id, m.event_id, 'mention', m.span_id, 'is a span of document ' || s.document_id "
     "FROM event_mentions m JOIN spans s ON s.id = m.span_id WHERE s.document_id != m.document_id"),
    ("SELECT a.document_id, a.event_id, a.role, a.span_id, 'is a span of document ' || s.document_id "
     "FROM event_arguments a JOIN spans s ON s.id = a.span_id WHERE s.document_id != a.document_id"),
    ("SELECT m.document_id, m.event_id, 'mention', m.span_id, 'is a span of another annotator, ' || n.name "
     "FROM event_mentions m JOIN spans s ON s.id = m.span_id JOIN events e ON "
     "(e.document_id, e.id) = (m.document_id, m.event_id) JOIN annotators n ON n.id = s.annotator_id "
     "WHERE s.annotator_id != e.annotator_id"),
    ("SELECT a.document_id, a.event_id, a.role, a.span_id, 'is a span of another annotator, ' || n.name "
     "FROM event_arguments a JOIN spans s ON s.id = a.span_id JOIN events e ON "
     "(e.document_id, e.id) = (a.document_id, a.event_id) JOIN annotators n ON n.id = s.annotator_id "
     "WHERE s.annotator_id != e.annotator_id"),
    ("SELECT a.document_id, a.event_id, a.role, a.span_id, 'fills a role the project does not define' "
     "FROM event_arguments a WHERE a.role NOT IN (SELECT name FROM roles)"),
    ("SELECT a.document_id, a.event_id, a.role, a.span_id, 'is also a mention of the event (its own argument)' "
     "FROM event_arguments a JOIN event_mentions m ON m.span_id = a.span_id "
     "AND (m.document_id, m.event_id) = (a.document_id, a.event_id)"),
    ("SELECT m.document_id, m.event_id, 'mention', m.span_id, 'is labelled ' || s.label || ', not "
     f"{EVENT_LABEL} (an event is mentioned by {EVENT_LABEL} spans)' FROM event_mentions m "
     f"JOIN spans s ON s.id = m.span_id WHERE s.label != '{EVENT_LABEL}'"),
    ("SELECT a.document_id, a.event_id, a.role, a.span_id, 'is labelled ' || s.label || ', not ' || r.label || "
     "' (the label its role takes)' FROM event_arguments a JOIN spans s ON s.id = a.span_id "
     "JOIN roles r ON r.name = a.role WHERE r.label != '' AND s.label != r.label"),
    ("SELECT e.document_id, e.id, 'mentions', '', 'none: an event needs one mention at least' FROM events e "
     "WHERE NOT EXISTS (SELECT 1 FROM event_mentions m WHERE (m.document_id, m.event_id) = (e.document_id, e.id))"),
)


def event_problems(conn: Any) -> list[str]:
    """Event links that point where an event's may not: a span of another document or annotator,
    an unknown role, the event itself, a span of another label than its mention's or role's;
    and events left with no mention."""
    problems = []
    for sql in _EVENT_CHECKS:
        for document_id, event_id, what, span_id, detail in conn.execute(sql):
            span = f" span {span_id}" if span_id else ""
            problems.append(f"event {event_id!r} in document {document_id}: its {what}{span} {detail}")
    return sorted(problems)


def problems_of(conn: sqlite3.Connection, store: Store) -> list[str]:
    """``store``'s problems, read through its connection ``conn``."""
    problems = sqlite_problems(conn)
    try:
        problems += content_problems(conn, store)
        problems += event_problems(conn)
    except (sqlite3.DatabaseError, StoreError) as err:
        problems.append(f"content: cannot be read to the end ({err})")
    return problems


def check_file(path: Path | ServerAddress) -> list[str]:
    """Every problem in the project at ``path`` (a file, or a server's project), opened
    read-only. A file too damaged to open as a project is still asked what SQLite finds in
    it. Other reasons not to open it (no such file, a newer version) raise StoreError."""
    from annotator.store.opening import connect_read_only
    from annotator.store.repository import OpenMode, Store, open_store

    if isinstance(path, ServerAddress):
        with open_store(path, OpenMode.READ) as store:
            return store.check()

    try:
        store = Store.open(path, OpenMode.READ)
    except NotAProjectError as err:  # a garbled header is damage too, as far as check can tell
        return [str(err).removeprefix(f"{path}: ")]
    except DamagedDatabaseError as err:
        unreadable = [f"integrity: SQLite cannot read the file ({err.detail or 'damaged'})"]
        try:
            conn = connect_read_only(path, busy_timeout=5.0)
        except sqlite3.Error:
            return unreadable
        try:
            return sqlite_problems(conn) or unreadable
        finally:
            conn.close()
    with store:
        return store.check()

"""Schema versions, kept in ``PRAGMA user_version``, and the ordered migrations to reach them.

Each migration is a named function; migration N brings a database from version N-1 to N.
Append new ones, never edit an old one: databases in the field were made by it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

from annotator.core.model import DEFAULT_LABELS


def _run_script(db: Database, script: str) -> None:
    # Not executescript(): it commits first, which would take the migration out of
    # its transaction.
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def m001_initial(db: Database) -> None:
    _run_script(
        db,
        """
        CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            source TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL,
            text_sha256 TEXT NOT NULL UNIQUE,
            meta TEXT NOT NULL DEFAULT '{}',
            created_at TEXT NOT NULL
        );
        CREATE TABLE labels (
            name TEXT PRIMARY KEY,
            color TEXT NOT NULL,
            key TEXT NOT NULL DEFAULT '',
            title_ar TEXT NOT NULL DEFAULT '',
            title_en TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE annotators (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            role TEXT NOT NULL DEFAULT 'annotator'
        );
        CREATE TABLE spans (
            id TEXT PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            annotator_id INTEGER NOT NULL REFERENCES annotators(id),
            label TEXT NOT NULL REFERENCES labels(name) ON UPDATE CASCADE,
            start INTEGER NOT NULL CHECK (start >= 0),
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            attrs TEXT NOT NULL DEFAULT '{}',
            origin TEXT NOT NULL DEFAULT 'manual',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK (start < "end")
        );
        CREATE INDEX spans_by_document ON spans (document_id, start, "end");
        CREATE INDEX spans_by_annotator ON spans (annotator_id);
        CREATE TABLE document_status (
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            annotator_id INTEGER NOT NULL REFERENCES annotators(id),
            status TEXT NOT NULL CHECK (status IN ('new', 'in_progress', 'done')),
            updated_at TEXT NOT NULL,
            PRIMARY KEY (document_id, annotator_id)
        );
        """
    )
    db["labels"].insert_all(
        {
            "name": label.name,
            "color": label.color,
            "key": label.key,
            "title_ar": label.title_ar,
            "title_en": label.title_en,
            "position": position,
        }
        for position, label in enumerate(DEFAULT_LABELS)
    )


def m002_project_settings(db: Database) -> None:
    """Project-wide settings (blind annotation, ...) and spans found by label quickly."""
    _run_script(
        db,
        """
        CREATE TABLE project_settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE INDEX spans_by_label ON spans (label);
        """,
    )


def m003_merge_records(db: Database) -> None:
    """What merges must remember: spans deleted here (so an older copy merged later does
    not bring them back), and other copies' texts joined to a document here (``merge
    --same``), so the next merge of the same copy finds its document again."""
    _run_script(
        db,
        """
        CREATE TABLE deleted_spans (
            span_id TEXT PRIMARY KEY,
            annotator TEXT NOT NULL,
            deleted_by TEXT NOT NULL,
            deleted_at TEXT NOT NULL
        );
        CREATE TABLE joined_texts (
            text_sha256 TEXT PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            joined_at TEXT NOT NULL
        );
        """,
    )


def m004_events_values_rejections(db: Database) -> None:
    """Event records (an event's mentions and the spans that fill its roles), a normalised
    value per span, and the rejections people make (a reviewer's X on an annotator's span,
    an annotator's rejection of a suggestion), which must leave a trace."""
    _run_script(
        db,
        """
        ALTER TABLE spans ADD COLUMN value TEXT;
        ALTER TABLE spans ADD COLUMN value_edited INTEGER NOT NULL DEFAULT 0;
        CREATE TABLE roles (
            name TEXT PRIMARY KEY,
            label TEXT NOT NULL DEFAULT '',
            title_ar TEXT NOT NULL DEFAULT '',
            title_en TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE events (
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            id TEXT NOT NULL,
            annotator_id INTEGER NOT NULL REFERENCES annotators(id),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (document_id, id)
        );
        CREATE TABLE event_mentions (
            span_id TEXT PRIMARY KEY REFERENCES spans(id) ON DELETE CASCADE,
            document_id INTEGER NOT NULL,
            event_id TEXT NOT NULL,
            position INTEGER NOT NULL DEFAULT 0,
            FOREIGN KEY (document_id, event_id) REFERENCES events(document_id, id)
                ON DELETE CASCADE ON UPDATE CASCADE
        );
        CREATE INDEX event_mentions_by_event ON event_mentions (document_id, event_id);
        CREATE TABLE event_arguments (
            document_id INTEGER NOT NULL,
            event_id TEXT NOT NULL,
            role TEXT NOT NULL REFERENCES roles(name) ON UPDATE CASCADE,
            span_id TEXT NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
            position INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (document_id, event_id, role, span_id),
            FOREIGN KEY (document_id, event_id) REFERENCES events(document_id, id)
                ON DELETE CASCADE ON UPDATE CASCADE
        );
        CREATE INDEX event_arguments_by_span ON event_arguments (span_id);
        CREATE TABLE rejections (
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            span_id TEXT NOT NULL,
            annotator_id INTEGER NOT NULL REFERENCES annotators(id),
            label TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (span_id, annotator_id)
        );
        CREATE INDEX rejections_by_document ON rejections (document_id);
        """,
    )
    db["roles"].insert_all(
        {"name": name, "label": name, "title_ar": title_ar, "title_en": title_en, "position": position}
        for position, (name, title_ar, title_en) in enumerate(
            (("place", "المكان", "Place"), ("date", "التاريخ", "Date"),
             ("casualty", "الضحايا", "Casualties"), ("source", "المصدر", "Source")))
    )


def m005_models(db: Database) -> None:
    """Learned suggesters' models, kept in the project so they travel with it (and to a team
    server): which suggester, whose labels it learned, from which documents, and the model."""
    _run_script(
        db,
        """
        CREATE TABLE models (
            name TEXT PRIMARY KEY,
            annotator TEXT NOT NULL,
            labels TEXT NOT NULL DEFAULT '[]',
            trained_on TEXT NOT NULL DEFAULT '[]',
            data BLOB NOT NULL,
            created_at TEXT NOT NULL
        )
        """,
    )


MIGRATIONS: tuple[Callable[[Database], None], ...] = (
    m001_initial, m002_project_settings, m003_merge_records, m004_events_values_rejections, m005_models)
SCHEMA_VERSION = len(MIGRATIONS)

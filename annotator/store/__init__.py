"""The project store. The layers above open a project with ``open_store(location, mode)`` and
talk to it through the ``ProjectStore`` protocol (the SQLite ``Store`` is one
implementation, ``ServerStore`` a PostgreSQL server's); every error it raises is a ``StoreError``."""

from annotator.store.errors import (
    AnnotatorNotFound,
    BusyError,
    ConflictError,
    ConstraintError,
    DamagedDatabaseError,
    DiskFullError,
    DocumentNotFound,
    EventError,
    EventNotFound,
    InvalidValueError,
    NewerDatabaseError,
    NotAProjectError,
    NotFoundError,
    OutdatedDatabaseError,
    PermissionRefused,
    ProjectMissingError,
    ReadOnlyError,
    RoleError,
    ServerProjectsUnsupported,
    SpanNotFound,
    StoreError,
    newest_backup,
)
from annotator.store.interface import ANNOTATOR_ROLES, STATUSES, Deletion, DocumentSummary, LeanSpanRow, ProjectStore
from annotator.store.location import ServerAddress, project_location
from annotator.store.repository import OpenMode, Store, default_db_path, open_store

__all__ = [
    "ANNOTATOR_ROLES", "AnnotatorNotFound", "BusyError", "ConflictError", "ConstraintError", "DamagedDatabaseError",
    "Deletion",
    "DiskFullError", "DocumentNotFound", "DocumentSummary", "InvalidValueError", "LeanSpanRow", "NewerDatabaseError",
    "NotAProjectError", "NotFoundError", "OpenMode", "OutdatedDatabaseError", "ProjectMissingError", "ProjectStore",
    "ReadOnlyError", "STATUSES", "ServerProjectsUnsupported", "SpanNotFound", "Store", "StoreError", "default_db_path",
    "newest_backup", "open_store", "ServerAddress", "project_location", "EventError", "EventNotFound", "RoleError",
    "PermissionRefused",
]

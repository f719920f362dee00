"""The SQLite store: one database file holds a project. Reached only through ``Store``, opened
with ``open_store(path, mode)``; every error it raises is a ``StoreError``."""

from annotator.store.errors import (
    BusyError,
    DamagedDatabaseError,
    DiskFullError,
    NewerDatabaseError,
    NotAProjectError,
    OutdatedDatabaseError,
    ProjectMissingError,
    ReadOnlyError,
    StoreError,
    newest_backup,
)
from annotator.store.repository import DocumentSummary, OpenMode, Store, default_db_path, open_store

__all__ = [
    "BusyError", "DamagedDatabaseError", "DiskFullError", "DocumentSummary", "NewerDatabaseError",
    "NotAProjectError", "OpenMode", "OutdatedDatabaseError", "ProjectMissingError", "ReadOnlyError", "Store",
    "StoreError", "default_db_path", "newest_backup", "open_store",
]

"""The SQLite store: one database file holds a project. Reached only through ``Store``."""

from annotator.store.errors import NewerDatabaseError, StoreError
from annotator.store.repository import DocumentSummary, Store, default_db_path

__all__ = ["DocumentSummary", "NewerDatabaseError", "Store", "StoreError", "default_db_path"]

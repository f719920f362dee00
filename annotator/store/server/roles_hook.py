"""What the roles module (``server/roles.py``, row-level security and group roles) and the
notifications module (``server/notifications.py``, live updates) add to the store, asked for
only if each module is there: policies and triggers installed with the schema, and a refusal
explained by the role it needs."""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any


def _module(name: str) -> ModuleType | None:
    full = f"annotator.store.server.{name}"
    try:
        return importlib.import_module(full)
    except ModuleNotFoundError as err:
        if err.name != full:
            raise  # the module is there but cannot be loaded: not something to skip silently
        return None


def _roles() -> ModuleType | None:
    return _module("roles")


def install_policies(raw_connection: Any, dbname: str) -> None:
    """Inside the transaction that created or migrated the schema: the roles' policies, then the
    triggers that tell other clients of changes."""
    roles = _roles()
    install = getattr(roles, "install_policies", None)
    if install is not None:
        install(raw_connection, dbname)
    triggers = getattr(_module("notifications"), "install_triggers", None)
    if triggers is not None:
        triggers(raw_connection)


def explain_refusal(err: Exception) -> str | None:
    roles = _roles()
    explain = getattr(roles, "explain_refusal", None)
    return None if explain is None else explain(err)

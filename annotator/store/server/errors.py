"""psycopg's errors in the store's words: one line naming the server's address (never its
password) and what to do. Every error the server store raises is a ``StoreError``."""

from __future__ import annotations

import psycopg
from psycopg import errors as pg

from annotator.store.errors import (
    BusyError,
    ConstraintError,
    InvalidValueError,
    PermissionRefused,
    ReadOnlyError,
    StoreError,
)
from annotator.store.location import ServerAddress


class ServerUnreachableError(StoreError):
    """No server answers at the address (down, a wrong host or port)."""


class LoginRefusedError(StoreError):
    """The server refused the login: a wrong password or user name."""


class ConnectionLostError(StoreError):
    """The connection broke during an action: the action was not made."""


def _first_line(err: BaseException) -> str:
    primary = getattr(getattr(err, "diag", None), "message_primary", None)
    text = primary or str(err) or type(err).__name__
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[0] if lines else type(err).__name__


def _connection_problem(address: ServerAddress, err: psycopg.OperationalError) -> StoreError:
    said = str(err)
    where = f"{address.host or 'localhost'}:{address.port or 5432}"
    if "password authentication failed" in said or "no password supplied" in said or "authentication" in said:
        return LoginRefusedError(f"{address}: the server refused the login for {address.user or 'this user'} "
                                 "(wrong user name or password)")
    if "does not exist" in said and "database" in said:
        return StoreError(f"{address}: the server has no database called {address.dbname!r}; ask its "
                          "administrator to create it (createdb)")
    if "Connection refused" in said or "could not translate host name" in said or "timeout" in said.lower() \
            or "No route to host" in said or "Network is unreachable" in said:
        return ServerUnreachableError(f"{address}: no PostgreSQL server answers at {where} (is it running? "
                                      "check the host and port)")
    return ServerUnreachableError(f"{address}: cannot connect to the server ({_first_line(err)})")


def server_error(address: ServerAddress, err: psycopg.Error, doing: str, connecting: bool = False) -> StoreError:
    """``err`` met while ``doing`` something to the project at ``address``, as a StoreError."""
    if connecting and isinstance(err, psycopg.OperationalError) and not isinstance(err, pg.AdminShutdown):
        return _connection_problem(address, err)
    if isinstance(err, (pg.AdminShutdown, pg.CrashShutdown, pg.ConnectionException)) or (
            isinstance(err, psycopg.OperationalError) and ("closed" in str(err) or "lost" in str(err)
                                                          or "terminat" in str(err))):
        undone = " (nothing of it was stored)" if doing != "read the project" else ""
        return ConnectionLostError(f"{address}: the connection to the server was lost; could not {doing}"
                                   f"{undone}; try again")
    if isinstance(err, pg.InsufficientPrivilege):
        from annotator.store.server import roles_hook

        explained = roles_hook.explain_refusal(err)
        return PermissionRefused(f"{address}: the server refused to let {address.user or 'this login'} {doing}: "
                                 f"{explained or _first_line(err)}")
    if isinstance(err, pg.ReadOnlySqlTransaction):
        return ReadOnlyError(f"{address}: cannot {doing}: this command opened the project read-only")
    if isinstance(err, (pg.LockNotAvailable, pg.DeadlockDetected, pg.SerializationFailure)):
        return BusyError(f"{address}: cannot {doing}: another client is changing the same records; try again")
    if isinstance(err, psycopg.IntegrityError):
        return ConstraintError(f"{address}: cannot {doing}: the project refuses it ({_first_line(err)})")
    if isinstance(err, (psycopg.DataError, ValueError)) and "NUL" in str(err):
        return InvalidValueError(f"{address}: cannot {doing}: a text holds a NUL character (U+0000), which the "
                                 "server cannot store")
    return StoreError(f"{address}: cannot {doing} ({_first_line(err)})")

"""Whose spans a server login may read, asked before a command names them: row-level security
(annotator/store/server/roles.py) answers an annotator asking for someone else's spans with none
at all, which a command would report as "they labelled nothing"."""

from __future__ import annotations

from collections.abc import Iterable

import psycopg
from psycopg import sql

from annotator.core.model import SUGGESTED
from annotator.store.server.roles import GOLD, Groups


def reads_everyone(store) -> bool:
    """Whether ``store``'s login (a ServerStore's) reads every annotator's rows: a reviewer, an
    owner (the tables' owner group, which row-level security does not restrict), a superuser or a
    login that bypasses RLS."""
    conn: psycopg.Connection = store.raw_connection()
    return bool(conn.execute(
        "SELECT pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = 'public.spans'::regclass), "
        "'USAGE') OR coalesce(pg_has_role(current_user, to_regrole(%s), 'USAGE'), false) "
        "OR (SELECT rolbypassrls FROM pg_roles WHERE rolname = current_user)",
        [sql.Identifier(Groups(store.path.dbname).reviewer).as_string(conn)]).fetchone()[0])


def reading_refusal(store, names: Iterable[str]) -> str | None:
    """One line naming the role needed when ``store``'s login (a ServerStore's) may not read
    the spans of one of ``names``; None when it may."""
    others = [name for name in dict.fromkeys(names) if name not in (store.login, SUGGESTED)]
    if not others or reads_everyone(store):
        return None
    what = "the gold layer" if others[0] == GOLD else f"{others[0]}'s spans"
    return (f"{store.path}: reading {what} needs the reviewer role ({Groups(store.path.dbname).reviewer}); "
            f"{store.login} reads only their own spans and the suggestions")


def suggesting_refusal(store) -> str | None:
    """One line when ``store``'s login may not write the suggestions (an annotator), said before
    the suggesters run rather than after: reviewers and owners, who read everyone's spans, are
    the ones who write the suggested layer."""
    if reads_everyone(store):
        return None
    return (f"{store.path}: writing the {SUGGESTED} layer needs the reviewer role "
            f"({Groups(store.path.dbname).reviewer}); nothing was suggested")

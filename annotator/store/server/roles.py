"""Who may do what in a server project, enforced by the server whatever a client asks.

Each project (database) has three group roles named after it, so two projects on one server
never clash: ``<db>_annotator``, ``<db>_reviewer`` and ``<db>_owner``. A person is a login role
of the server, member of one of them; their login is also the annotator name their spans and
events are stored under.

- The owner group owns the project's tables: its members (the login that created the project
  first) may do everything, row-level security does not apply to them (PostgreSQL's rule for a
  table's owner). Superusers likewise.
- Annotators read every document, label, event role, annotator name and suggestion (spans of
  ``suggested``); they read, add, change and delete only their own spans, events, statuses,
  rejections, deletion records and models.
- Reviewers read everything; they write their own rows, the gold layer and the suggestions, the
  learned suggesters' models of anyone's labels (a model is a suggester's state, as suggestions
  are its output), and a document's meta (its publication date).
- Importing documents, labels and roles, and managing users, need the owner.

Row-level security does the enforcing; a trigger before each write says in one line which role
the refused write needs (RLS alone would say only "violates row-level security policy")."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass

import psycopg
from psycopg import sql

from annotator.core.model import SUGGESTED
from annotator.store.errors import AnnotatorNotFound, InvalidValueError, StoreError

SERVER_ROLES = ("annotator", "reviewer", "owner")
GOLD = "gold"  # the review layer's annotator (annotator.review.adjudication.GOLD, a layer above)
LAYERS = (GOLD, SUGGESTED)  # written by reviewers, read by annotators: suggestions only
# What a role is recorded as in the annotators table (whose roles SQLite projects share).
TABLE_ROLE = {"annotator": "annotator", "reviewer": "reviewer", "owner": "reviewer"}

# Tables whose rows belong to an annotator, and how a row names them.
# (Written split: "events" alone would read as a format's name, which only annotator/formats may use.)
BY_ANNOTATOR_ID = tuple("spans events rejections document_status".split())
BY_EVENT = ("event_mentions", "event_arguments")
BY_NAME = ("deleted_spans", "models")  # column `annotator` holds the name
OWN_ROWS = (*BY_ANNOTATOR_ID, *BY_EVENT, *BY_NAME)
WHAT = dict(zip(OWN_ROWS, ("spans", *BY_ANNOTATOR_ID[1:3], "document statuses", "event mentions", "event roles",
                           "deletion records", "models"), strict=True))
# Tables only the owner writes, with what writing them is.
OWNER_WRITES = {"documents": "importing or changing documents", "labels": "changing the labels",
                "roles": "changing the event roles", "annotators": "adding or changing annotators",
                "project_settings": "changing the project's settings", "joined_texts": "joining documents",
                "annotator_schema": "upgrading the project"}
_MAX_IDENTIFIER = 63  # bytes; PostgreSQL cuts longer names, which could make two projects' groups one


@dataclass(frozen=True)
class Groups:
    """The three group roles of the project in database ``dbname``."""

    dbname: str

    @property
    def base(self) -> str:
        raw = self.dbname.encode()
        if len(raw) + len("_annotator") <= _MAX_IDENTIFIER:
            return self.dbname
        digest = hashlib.sha256(raw).hexdigest()[:8]
        return f"{raw[:40].decode(errors='ignore')}_{digest}"

    def of(self, kind: str) -> str:
        return f"{self.base}_{kind}"

    @property
    def annotator(self) -> str:
        return self.of("annotator")

    @property
    def reviewer(self) -> str:
        return self.of("reviewer")

    @property
    def owner(self) -> str:
        return self.of("owner")

    @property
    def all(self) -> tuple[str, str, str]:
        return self.annotator, self.reviewer, self.owner


def _ident(name: str) -> sql.Identifier:
    return sql.Identifier(name)


def _roles_present(conn: psycopg.Connection, names: tuple[str, ...]) -> set[str]:
    return {row[0] for row in conn.execute("SELECT rolname FROM pg_roles WHERE rolname = ANY(%s)", [list(names)])}


def _may_create_roles(conn: psycopg.Connection) -> bool:
    row = conn.execute("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user").fetchone()
    return bool(row and row[0])


def _tables(conn: psycopg.Connection) -> list[str]:
    return [row[0] for row in conn.execute(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")]


def _mine(kind: str, names: str) -> str:
    """A policy's condition: the row belongs to one of ``names`` (an SQL list of names)."""
    ids = f"(SELECT a.id FROM public.annotators a WHERE a.name IN ({names}))"
    if kind == "id":
        return f"annotator_id IN {ids}"
    if kind == "event":
        return (f"EXISTS (SELECT 1 FROM public.events e WHERE e.document_id = {{table}}.document_id "
                f"AND e.id = {{table}}.event_id AND e.annotator_id IN {ids})")
    return f"annotator IN ({names})"


def _kind(table: str) -> str:
    return "id" if table in BY_ANNOTATOR_ID else "event" if table in BY_EVENT else "name"


_CHECK_FUNCTION = """
CREATE OR REPLACE FUNCTION public.annotator_check_writer() RETURNS trigger LANGUAGE plpgsql
SET search_path = pg_catalog, public, pg_temp AS $fn$
DECLARE
    rows jsonb[];
    r jsonb;
    who text;
BEGIN
    IF pg_has_role(current_user, {owner}, 'USAGE') THEN
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
    END IF;
    IF TG_OP = 'INSERT' THEN rows := ARRAY[to_jsonb(NEW)];
    ELSIF TG_OP = 'UPDATE' THEN rows := ARRAY[to_jsonb(OLD), to_jsonb(NEW)];
    ELSE rows := ARRAY[to_jsonb(OLD)];
    END IF;
    FOREACH r IN ARRAY rows LOOP
        IF TG_TABLE_NAME = 'annotators' THEN
            who := r->>'name';
        ELSIF TG_TABLE_NAME IN ('deleted_spans', 'models') THEN
            who := r->>'annotator';
        ELSIF TG_TABLE_NAME IN ('event_mentions', 'event_arguments') THEN
            SELECT a.name INTO who FROM events e JOIN annotators a ON a.id = e.annotator_id
             WHERE e.document_id = (r->>'document_id')::bigint AND e.id = r->>'event_id';
        ELSE
            SELECT a.name INTO who FROM annotators a WHERE a.id = (r->>'annotator_id')::bigint;
        END IF;
        CONTINUE WHEN who = current_user;
        IF TG_TABLE_NAME = 'models' THEN
            CONTINUE WHEN pg_has_role(current_user, {reviewer}, 'USAGE');
            RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege', MESSAGE = format(
                'writing models of %s needs the reviewer role (%s)', who, {reviewer});
        END IF;
        IF who IN ({layers}) THEN
            CONTINUE WHEN pg_has_role(current_user, {reviewer}, 'USAGE');
            RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege', MESSAGE = format(
                'writing the %s layer needs the reviewer role (%s)', who, {reviewer});
        END IF;
        IF TG_TABLE_NAME = 'annotators' THEN
            RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege', MESSAGE = format(
                'writing annotator %s needs the owner role (%s)', who, {owner});
        END IF;
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege', MESSAGE = format(
            'writing %s of %s needs the owner role (%s)', {what}->>TG_TABLE_NAME,
            coalesce(who, 'another annotator'), {owner});
    END LOOP;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
END
$fn$
"""


def install_policies(conn: psycopg.Connection, dbname: str) -> None:
    """Group roles, grants, row-level security and the writers' check for the project's tables
    as they are now. Idempotent: run after the schema is created and after each migration, and
    by ``users``. Runs in the caller's transaction. A login that may not create roles and finds
    no groups yet only turns row-level security on (only the tables' owner reaches them then):
    the first ``users add`` by one that may finishes the work."""
    groups = Groups(dbname)
    tables = _tables(conn)
    present = _roles_present(conn, groups.all)
    if len(present) < len(groups.all) and not _may_create_roles(conn):
        for table in OWN_ROWS + ("annotators",):
            if table in tables:
                conn.execute(sql.SQL("ALTER TABLE {} ENABLE ROW LEVEL SECURITY").format(_ident(table)))
        return
    for name in groups.all:
        if name not in present:
            conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(_ident(name)))
    owner = _ident(groups.owner)
    # The tables pass to the owner group: whoever owned them (the login that created the project), the
    # database's owner and this login join it, so nobody loses the project. Members are looked up in
    # pg_auth_members: pg_has_role() is true for a superuser, who should be listed as an owner too.
    keep = conn.execute(
        "SELECT DISTINCT r.rolname FROM pg_roles r WHERE r.rolname <> ALL(%s) AND NOT EXISTS ("
        "  SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid"
        "  WHERE g.rolname = %s AND m.member = r.oid)"
        " AND (r.rolname = current_user"
        "  OR r.oid = (SELECT datdba FROM pg_database WHERE datname = current_database())"
        "  OR r.rolname IN (SELECT tableowner FROM pg_tables WHERE schemaname = 'public'))",
        [list(groups.all), groups.owner]).fetchall()
    for (login,) in keep:
        conn.execute(sql.SQL("GRANT {} TO {}").format(owner, _ident(login)))
    # A table's owner must be allowed to create in its schema (and owners migrate the project).
    conn.execute(sql.SQL("GRANT USAGE, CREATE ON SCHEMA public TO {}").format(owner))
    for (table,) in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner <> %s",
                                 [groups.owner]).fetchall():
        conn.execute(sql.SQL("ALTER TABLE {} OWNER TO {}").format(_ident(table), owner))
    workers = sql.SQL(", ").join([_ident(groups.annotator), _ident(groups.reviewer)])
    everyone = sql.SQL(", ").join([_ident(name) for name in groups.all])
    database = _ident(dbname)
    datdba_privileges = conn.execute(
        "SELECT pg_has_role(current_user, datdba, 'USAGE') FROM pg_database WHERE datname = current_database()"
    ).fetchone()[0]
    if datdba_privileges:  # other logins of the server do not even connect
        conn.execute(sql.SQL("REVOKE CONNECT ON DATABASE {} FROM PUBLIC").format(database))
        conn.execute(sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(database, everyone))
    conn.execute(sql.SQL("GRANT USAGE ON SCHEMA public TO {}").format(everyone))
    conn.execute(sql.SQL("GRANT SELECT ON ALL TABLES IN SCHEMA public TO {}").format(workers))
    conn.execute(sql.SQL("GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {}").format(workers))
    own = [table for table in OWN_ROWS if table in tables]
    conn.execute(sql.SQL("GRANT INSERT, UPDATE, DELETE ON {} TO {}").format(
        sql.SQL(", ").join(map(_ident, own)), workers))
    conn.execute(sql.SQL("GRANT INSERT ON annotators TO {}").format(workers))
    conn.execute(sql.SQL("GRANT UPDATE (meta) ON documents TO {}").format(_ident(groups.reviewer)))
    conn.execute(sql.SQL(_CHECK_FUNCTION).format(
        owner=sql.Literal(groups.owner), reviewer=sql.Literal(groups.reviewer),
        layers=sql.SQL(", ").join(map(sql.Literal, LAYERS)), what=sql.Literal(json.dumps(WHAT)) + sql.SQL("::jsonb")))
    for table in own:
        _install_table(conn, table, groups)
    _install_annotators(conn, groups)


def _policy(conn: psycopg.Connection, table: str, name: str, command: str, group: str,
            using: str | None, check: str | None) -> None:
    conn.execute(sql.SQL("DROP POLICY IF EXISTS {} ON {}").format(_ident(name), _ident(table)))
    statement = sql.SQL("CREATE POLICY {} ON {} FOR {} TO {}").format(
        _ident(name), _ident(table), sql.SQL(command), _ident(group))
    if using is not None:
        statement += sql.SQL(" USING (" + using.replace("{table}", table) + ")")
    if check is not None:
        statement += sql.SQL(" WITH CHECK (" + check.replace("{table}", table) + ")")
    conn.execute(statement)


def _install_table(conn: psycopg.Connection, table: str, groups: Groups) -> None:
    kind = _kind(table)
    layers = ", ".join(f"'{name}'" for name in LAYERS)
    read_own = _mine(kind, f"current_user, '{SUGGESTED}'")
    write_own = _mine(kind, "current_user")
    write_reviewed = "true" if table == "models" else _mine(kind, f"current_user, {layers}")
    conn.execute(sql.SQL("ALTER TABLE {} ENABLE ROW LEVEL SECURITY").format(_ident(table)))
    _policy(conn, table, "annotators_read", "SELECT", groups.annotator, read_own, None)
    _policy(conn, table, "reviewers_read", "SELECT", groups.reviewer, "true", None)
    for command in ("INSERT", "UPDATE", "DELETE"):
        for group, prefix, condition in ((groups.annotator, "annotators", write_own),
                                         (groups.reviewer, "reviewers", write_reviewed)):
            _policy(conn, table, f"{prefix}_{command.lower()}", command, group,
                    None if command == "INSERT" else condition, None if command == "DELETE" else condition)
    conn.execute(sql.SQL("DROP TRIGGER IF EXISTS annotator_check_writer ON {}").format(_ident(table)))
    conn.execute(sql.SQL(
        "CREATE TRIGGER annotator_check_writer BEFORE INSERT OR UPDATE OR DELETE ON {} "
        "FOR EACH ROW EXECUTE FUNCTION public.annotator_check_writer()").format(_ident(table)))


def _install_annotators(conn: psycopg.Connection, groups: Groups) -> None:
    """Everyone reads the names; a worker's client may record its own login (and a reviewer's the
    gold and suggestion layers) the first time it writes; roles change only through ``users``."""
    layers = ", ".join(f"'{name}'" for name in LAYERS)
    conn.execute("ALTER TABLE annotators ENABLE ROW LEVEL SECURITY")
    for group, prefix in ((groups.annotator, "annotators"), (groups.reviewer, "reviewers")):
        _policy(conn, "annotators", f"{prefix}_read", "SELECT", group, "true", None)
    conn.execute("DROP TRIGGER IF EXISTS annotator_check_writer ON annotators")
    conn.execute("CREATE TRIGGER annotator_check_writer BEFORE INSERT ON annotators "
                 "FOR EACH ROW EXECUTE FUNCTION public.annotator_check_writer()")
    _policy(conn, "annotators", "annotators_insert", "INSERT", groups.annotator, None,
            "name = current_user AND role = 'annotator'")
    _policy(conn, "annotators", "reviewers_insert", "INSERT", groups.reviewer, None,
            f"name = current_user OR name IN ({layers})")


# -- refusals in one line ---------------------------------------------------------------------

_RLS = re.compile(r'row-level security policy for table "([^"]+)"')
_DENIED = re.compile(r"permission denied for (?:table|relation) (\S+)")


def explain_refusal(err: Exception) -> str | None:
    """The role a refused action needs, in one line; None when the refusal is not ours to explain."""
    message = getattr(getattr(err, "diag", None), "message_primary", None) or str(err)
    if message.startswith("writing ") and "needs the " in message:
        return message  # the writers' check said it already
    found = _RLS.search(message)
    if found:
        table = found.group(1)
        if table == "annotators":
            return "adding another annotator needs the owner role"
        return f"writing {WHAT.get(table, table)} of another annotator needs the owner role"
    found = _DENIED.search(message)
    if found:
        table = found.group(1).strip('"')
        return f"{OWNER_WRITES.get(table, f'writing {table}')} needs the owner role"
    if any(words in message for words in ("permission denied to create role", "must have CREATEROLE",
                                          "permission denied to alter role", "permission denied to drop role",
                                          "permission denied to grant role", "must have admin option")):
        return "managing users needs the owner role, with a login that may create roles (CREATEROLE)"
    return None


# -- users ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ServerUser:
    name: str
    role: str  # one of SERVER_ROLES


class UserExistsError(StoreError):
    """The login is already a user of this project."""


def _check_role(role: str) -> None:
    if role not in SERVER_ROLES:
        raise InvalidValueError(f"unknown role {role!r} (one of {', '.join(SERVER_ROLES)})")


def _check_name(name: str) -> None:
    if name in LAYERS:
        raise InvalidValueError(f"{name} is the {'gold' if name == GOLD else 'suggestions'} layer, not a login")
    if name.lower().startswith("pg_") or name.lower() == "public" or len(name.encode()) > _MAX_IDENTIFIER:
        raise InvalidValueError(f"{name!r} cannot be a PostgreSQL login (no pg_ prefix, public, or over "
                                f"{_MAX_IDENTIFIER} bytes)")


def _member_roles(conn: psycopg.Connection, groups: Groups, login: str | None) -> list[tuple[str, str]]:
    """(login, role) for each membership of a login in this project's groups."""
    rows = conn.execute(
        "SELECT u.rolname, g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
        "JOIN pg_roles u ON u.oid = m.member WHERE g.rolname = ANY(%s) AND u.rolcanlogin "
        "AND (%s::text IS NULL OR u.rolname = %s) ORDER BY u.rolname",
        [list(groups.all), login, login]).fetchall()
    kinds = {groups.of(kind): kind for kind in SERVER_ROLES}
    return [(name, kinds[group]) for name, group in rows]


def _highest(memberships: list[tuple[str, str]]) -> dict[str, str]:
    best: dict[str, str] = {}
    for login, role in memberships:
        if login not in best or SERVER_ROLES.index(role) > SERVER_ROLES.index(best[login]):
            best[login] = role
    return best


class ProjectUsers:
    """The ``users`` command's work on a server project, through the store's own connection.
    Refusals are StoreErrors of one line naming the project and the role needed."""

    def __init__(self, store):
        self.address = store.path
        self.conn: psycopg.Connection = store.raw_connection()
        self.groups = Groups(self.address.dbname)

    def _refused(self, doing: str, err: psycopg.Error) -> StoreError:
        from annotator.store.server.errors import server_error

        return server_error(self.address, err, doing)

    def _must_own(self, doing: str) -> None:
        superuser, may_create = self.conn.execute(
            "SELECT rolsuper, rolcreaterole FROM pg_roles WHERE rolname = current_user").fetchone()
        if self.conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [self.groups.owner]).fetchone():
            allowed = superuser or self.conn.execute("SELECT pg_has_role(current_user, %s, 'USAGE')",
                                                     [self.groups.owner]).fetchone()[0]
            needed = f"the owner role ({self.groups.owner})"
        else:  # no groups yet: the login that can make them becomes the first owner
            allowed = superuser or may_create
            needed = "a login that may create roles (CREATEROLE); ask the server's administrator"
        if not allowed:
            from annotator.store.server.errors import PermissionRefused

            login = self.conn.execute("SELECT current_user").fetchone()[0]
            raise PermissionRefused(f"{self.address}: the server refused to let {login} {doing}: "
                                    f"managing users needs {needed}")

    def _ready(self) -> None:
        """Groups and policies in place (the project's creator may not have been able to make them)."""
        installed = self.conn.execute(
            "SELECT count(*) = 3 AND to_regproc('public.annotator_check_writer') IS NOT NULL "
            "FROM pg_roles WHERE rolname = ANY(%s)", [list(self.groups.all)]).fetchone()[0]
        if not installed:
            install_policies(self.conn, self.address.dbname)

    def list(self) -> list[ServerUser]:
        """Every login of this project with its role, by name."""
        try:
            found = _highest(_member_roles(self.conn, self.groups, None))
            return [ServerUser(name, role) for name, role in found.items()]
        except psycopg.Error as err:
            raise self._refused("list the users", err) from None

    def login_exists(self, name: str) -> bool:
        return self.conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [name]).fetchone() is not None

    def role_of(self, name: str) -> str | None:
        return _highest(_member_roles(self.conn, self.groups, name)).get(name)

    def add(self, name: str, role: str, password: str | None) -> bool:
        """Make ``name`` a user of the project with ``role``: a new login with ``password``, or an
        existing login of the server (kept with its own password). True when the login is new."""
        _check_role(role)
        _check_name(name)
        try:
            with self.conn.transaction():
                self._must_own(f"add {name}")
                self._ready()
                if self.role_of(name) is not None:
                    raise UserExistsError(f"{self.address}: {name} is already a user of this project "
                                          "(users set changes a role)")
                exists = self.login_exists(name)
                if exists:
                    can_login, superuser = self.conn.execute(
                        "SELECT rolcanlogin, rolsuper FROM pg_roles WHERE rolname = %s", [name]).fetchone()
                    if not can_login:
                        raise InvalidValueError(f"{self.address}: {name} is a group role of the server, not a login")
                    if superuser and role != "owner":
                        raise InvalidValueError(f"{self.address}: {name} is a superuser of the server, whom no role "
                                                "restricts; add them as owner, or use another login")
                else:
                    if not password:
                        raise InvalidValueError(f"{self.address}: {name} is a new login: give a password "
                                                "(--password, or type it when asked)")
                    # Hashed here (SCRAM): the password itself never reaches the server or its log.
                    hashed = self.conn.pgconn.encrypt_password(password.encode(), name.encode(), b"scram-sha-256")
                    self.conn.execute(sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(
                        _ident(name), sql.Literal(hashed.decode())))
                self.conn.execute(sql.SQL("GRANT {} TO {}").format(_ident(self.groups.of(role)), _ident(name)))
                _record(self.conn, name, role)
        except psycopg.Error as err:
            raise self._refused(f"add {name}", err) from None
        return not exists

    def set_role(self, name: str, role: str) -> None:
        _check_role(role)
        try:
            with self.conn.transaction():
                self._must_own(f"change the role of {name}")
                self._ready()
                if self.role_of(name) is None:
                    raise AnnotatorNotFound(f"{self.address}: no user called {name} in this project "
                                            "(annotator users lists them)")
                for kind in SERVER_ROLES:
                    statement = "GRANT {} TO {}" if kind == role else "REVOKE {} FROM {}"
                    self.conn.execute(sql.SQL(statement).format(_ident(self.groups.of(kind)), _ident(name)))
                _record(self.conn, name, role)
        except psycopg.Error as err:
            raise self._refused(f"change the role of {name}", err) from None

    def remove(self, name: str) -> bool:
        """Take ``name``'s access to the project away (their spans stay, under their name). The login
        itself is dropped when it belongs to nothing else on the server; True when it was."""
        try:
            with self.conn.transaction():
                self._must_own(f"remove {name}")
                if self.role_of(name) is None:
                    raise AnnotatorNotFound(f"{self.address}: no user called {name} in this project "
                                            "(annotator users lists them)")
                if self.conn.execute("SELECT current_user = %s", [name]).fetchone()[0]:
                    raise InvalidValueError(f"{self.address}: {name} is the login doing this; another owner "
                                            "must remove it")
                for kind in SERVER_ROLES:
                    self.conn.execute(sql.SQL("REVOKE {} FROM {}").format(_ident(self.groups.of(kind)), _ident(name)))
                others = self.conn.execute(
                    "SELECT count(*) FROM pg_auth_members m JOIN pg_roles u ON u.oid = m.member "
                    "WHERE u.rolname = %s", [name]).fetchone()[0]
                if others:
                    return False
                try:
                    with self.conn.transaction():  # a savepoint: what it owns elsewhere keeps the login
                        self.conn.execute(sql.SQL("DROP ROLE {}").format(_ident(name)))
                except psycopg.errors.DependentObjectsStillReferenced:
                    return False
        except psycopg.Error as err:
            raise self._refused(f"remove {name}", err) from None
        return True


def _record(conn: psycopg.Connection, name: str, role: str) -> None:
    conn.execute("INSERT INTO annotators (name, role) VALUES (%s, %s) "
                 "ON CONFLICT (name) DO UPDATE SET role = excluded.role", [name, TABLE_ROLE[role]])

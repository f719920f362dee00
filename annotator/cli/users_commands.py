"""``annotator users``: who works on the project and in what role. In a project file a role is a
record (agreement and review read it); on a team server it is the server's group role, which the
server enforces, and each user is a login of the server (annotator/store/server/roles.py)."""

from __future__ import annotations

import argparse
import getpass
import sys

from annotator.cli.common import UserError, open_project
from annotator.core.model import SUGGESTED, clean_name
from annotator.review.adjudication import GOLD
from annotator.store import AnnotatorNotFound, OpenMode
from annotator.store.location import ServerAddress

FILE_ROLES = ("annotator", "reviewer")


def on_server(store) -> bool:
    return isinstance(store.path, ServerAddress)


def _name(args: argparse.Namespace) -> str:
    return clean_name(args.name, "user name")


def _file_role(store, role: str) -> str:
    if role not in FILE_ROLES:
        raise UserError(f"{store.path}: {role} is a role on a team server; in a project file whoever may write "
                        "the file owns it (roles here: annotator, reviewer)")
    return role


def _ask_password(store, name: str) -> str:
    """Typed twice on a terminal; else the first line of standard input, piped in (as
    `passwd --stdin` or `docker login --password-stdin` take it), so a script need not put it
    on a command line where other users of the machine see it."""
    if not sys.stdin.isatty():
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise UserError(f"{store.path}: {name} is a new login: give a password with --password, or as the "
                            "first line of standard input; nothing was changed")
        return password
    first = getpass.getpass(f"password for {name}: ")
    if getpass.getpass(f"password for {name}, again: ") != first:
        raise UserError("the two passwords differ; nothing was changed")
    return first


NO_LOGIN = "(no login)"
UNSEEN = "—"  # a count this login may not see


def _role_shown(name: str, role: str) -> str:
    """The gold layer and the suggestions are layers, not people, in a file as on a server."""
    return "layer" if name in (GOLD, SUGGESTED) else role


def cmd_users_list(args: argparse.Namespace) -> int:
    from annotator.terminal import for_terminal, needs_reshaping

    with open_project(args, OpenMode.READ) as store:
        if on_server(store):
            from annotator.store.server.reading_rights import reads_everyone
            from annotator.store.server.roles import ProjectUsers

            logins = {user.name: user.role for user in ProjectUsers(store).list()}
            counts = {annotator.name: spans for annotator, spans in store.annotator_span_counts()}
            # An annotator's login sees only its own spans and the suggestions: others' counts would
            # read 0, which is not what they labelled, so they are shown as unknown.
            seen = None if reads_everyone(store) else {store.login, SUGGESTED}
            names = sorted(set(logins) | set(counts))
            # A name without a login (removed, or imported under a name nobody logs in as) has no
            # role on the server now: the role it once had would claim access it has not.
            rows = [(name, _role_shown(name, logins.get(name, NO_LOGIN)),
                     counts.get(name, 0) if seen is None or name in seen else UNSEEN) for name in names]
        else:
            store.quick_check()  # span counts from the sound part of a damaged file would look normal
            rows = [(a.name, _role_shown(a.name, a.role), spans) for a, spans in store.annotator_span_counts()]
    shape = for_terminal if needs_reshaping(sys.stdout) else (lambda text: text)
    width = max([len("name"), *(len(name) for name, _, _ in rows)])
    role_width = max([len("role"), 9, *(len(role) for _, role, _ in rows)])
    print(f"{'name':<{width}}  {'role':<{role_width}}  spans")
    for name, role, spans in rows:
        print(f"{shape(name):<{width}}  {role:<{role_width}}  {spans}")
    return 0


def cmd_users_add(args: argparse.Namespace) -> int:
    name = _name(args)
    with open_project(args, OpenMode.WRITE) as store:
        if name in (GOLD, SUGGESTED):
            layer = "gold layer" if name == GOLD else "suggestions' layer"
            raise UserError(f"{store.path}: {name} is the {layer}, not a user")
        if on_server(store):
            from annotator.store.server.roles import ProjectUsers

            users = ProjectUsers(store)
            password = args.password
            if password is None and not users.login_exists(name):
                password = _ask_password(store, name)
            new = users.add(name, args.role, password)
            kept = "" if new else " (a login the server already had, with its own password)"
            print(f"{name} added to {store.path} as {args.role}{kept}", file=sys.stderr)
            return 0
        role = _file_role(store, args.role)
        if args.password is not None:
            raise UserError(f"{store.path}: a project file has no logins; --password is for a team server")
        if any(annotator.name == name for annotator in store.annotators()):
            raise UserError(f"{store.path}: {name} is already in the project (users set changes a role)")
        store.ensure_annotator(name, role)
    print(f"{name} added as {role}", file=sys.stderr)
    return 0


def cmd_users_set(args: argparse.Namespace) -> int:
    name = _name(args)
    with open_project(args, OpenMode.WRITE) as store:
        if name == GOLD:
            raise UserError(f"{store.path}: {GOLD} is the gold layer; its role does not change")
        if on_server(store):
            from annotator.store.server.roles import ProjectUsers

            ProjectUsers(store).set_role(name, args.role)
            print(f"{name} is now {args.role}", file=sys.stderr)
            return 0
        try:
            annotator = store.set_annotator_role(name, _file_role(store, args.role))
        except AnnotatorNotFound:
            raise UserError(f"{store.path}: no annotator called {name!r} "
                            "(annotator users lists them)") from None
    print(f"{annotator.name} is now {annotator.role}", file=sys.stderr)
    return 0


def cmd_users_remove(args: argparse.Namespace) -> int:
    name = _name(args)
    with open_project(args, OpenMode.WRITE) as store:
        if not on_server(store):
            raise UserError(f"{store.path}: a project file has no logins to remove; an annotator's spans stay "
                            "in it (users remove is for a team server)")
        from annotator.store.server.roles import ProjectUsers

        dropped = ProjectUsers(store).remove(name)
    login = "; the login is gone from the server" if dropped else "; the login stays (the server uses it elsewhere)"
    print(f"{name} removed from {store.path}: their spans stay{login}", file=sys.stderr)
    return 0


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("users", parents=[common],
                       help="list the project's users; add one, change a role, remove one (a team server's logins)")
    p.set_defaults(func=cmd_users_list)
    users = p.add_subparsers(dest="users_command", metavar="ACTION")
    u = users.add_parser("list", parents=[common], help="name, role and span count of everyone (the default)")
    u.set_defaults(func=cmd_users_list)
    roles = ("annotator", "reviewer", "owner")
    u = users.add_parser("add", parents=[common],
                         help="add someone; on a server, a login (its password asked for unless given)")
    u.add_argument("name", metavar="NAME")
    u.add_argument("--role", required=True, choices=roles, help="owner: a team server's only")
    u.add_argument("--password", metavar="P", help="a new server login's password (default: asked for on a "
                   "terminal, else the first line of standard input)")
    u.set_defaults(func=cmd_users_add)
    u = users.add_parser("set", parents=[common], help="change someone's role (agreement compares whoever labelled)")
    u.add_argument("name", metavar="NAME")
    u.add_argument("--role", required=True, choices=roles)
    u.set_defaults(func=cmd_users_set)
    u = users.add_parser("remove", parents=[common],
                         help="a team server: take someone's access away (their spans stay)")
    u.add_argument("name", metavar="NAME")
    u.set_defaults(func=cmd_users_remove)

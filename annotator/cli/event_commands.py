"""Commands for event records: the roles an event's slots are, and spans' normalised values."""

from __future__ import annotations

import argparse
import sys

from annotator.cli.common import open_project, progress_printer
from annotator.core.model import Role
from annotator.store import OpenMode


def cmd_roles_list(args: argparse.Namespace) -> int:
    from annotator.terminal import for_terminal, needs_reshaping

    with open_project(args, OpenMode.READ) as store:
        roles = store.roles()
    shape = for_terminal if needs_reshaping(sys.stdout) else (lambda text: text)
    width = max([len("role"), *(len(r.name) for r in roles)])
    print(f"{'role':<{width}}  {'label':<10}  title")
    for role in roles:
        title = f"{shape(role.title_ar)} · {role.title_en}" if role.title_ar else role.title_en
        print(f"{role.name:<{width}}  {role.label or '(any)':<10}  {title}")
    return 0


def cmd_roles_add(args: argparse.Namespace) -> int:
    with open_project(args, OpenMode.WRITE) as store:
        store.add_role(Role(args.name, args.label or "", args.title_ar or "", args.title_en or ""))
    print(f"role {args.name} added", file=sys.stderr)
    return 0


def cmd_roles_rename(args: argparse.Namespace) -> int:
    with open_project(args, OpenMode.WRITE) as store:
        store.rename_role(args.old, args.new)
    print(f"role {args.old} renamed {args.new} (its links keep it)", file=sys.stderr)
    return 0


def cmd_roles_remove(args: argparse.Namespace) -> int:
    with open_project(args, OpenMode.WRITE) as store:
        store.remove_role(args.name)
    print(f"role {args.name} removed", file=sys.stderr)
    return 0


def cmd_normalise(args: argparse.Namespace) -> int:
    from annotator.review.normalising import normalise_project

    with open_project(args, OpenMode.WRITE) as store:
        store.quick_check()  # values computed from the sound part of a damaged file would be stored
        report = normalise_project(store, everything=args.all, progress=progress_printer(sys.stderr, every=50))
    if not report.by_label:
        print(f"{store.path}: no spans to normalise", file=sys.stderr)
        return 0
    width = max(len("label"), *(len(label) for label in report.by_label))
    print(f"{'label':<{width}}  {'spans':>7}  {'valued':>7}  {'changed':>7}  {'edited':>7}")
    for label, counts in sorted(report.by_label.items()):
        print(f"{label:<{width}}  {counts.spans:>7}  {counts.valued:>7}  {counts.changed:>7}  {counts.edited:>7}")
    which = "every value a person has not edited" if args.all else "spans without a value"
    print(f"normalised {which}: {report.changed} value(s) changed", file=sys.stderr)
    return 0


def add_parsers(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("roles", parents=[common], help="list the roles of event records; add, rename, remove one")
    p.set_defaults(func=cmd_roles_list)
    roles = p.add_subparsers(dest="roles_command", metavar="ACTION")
    r = roles.add_parser("list", parents=[common], help="each role, the label its spans have, its titles (default)")
    r.set_defaults(func=cmd_roles_list)
    r = roles.add_parser("add", parents=[common], help="a new role at the end of the list")
    r.add_argument("name", metavar="NAME")
    r.add_argument("--label", metavar="LABEL", help="the label of the spans that fill it (default: any)")
    r.add_argument("--title-ar", metavar="TEXT", help="its Arabic title")
    r.add_argument("--title-en", metavar="TEXT", help="its English title")
    r.set_defaults(func=cmd_roles_add)
    r = roles.add_parser("rename", parents=[common], help="rename a role; events keep their links")
    r.add_argument("old", metavar="OLD")
    r.add_argument("new", metavar="NEW")
    r.set_defaults(func=cmd_roles_rename)
    r = roles.add_parser("remove", parents=[common], help="remove a role no event uses")
    r.add_argument("name", metavar="NAME")
    r.set_defaults(func=cmd_roles_remove)

    p = sub.add_parser("normalise", parents=[common],
                       help="compute spans' normalised values (dates, casualties, places); counts per label")
    p.add_argument("--all", action="store_true",
                   help="recompute every value a person has not edited (default: only spans without a value)")
    p.set_defaults(func=cmd_normalise)

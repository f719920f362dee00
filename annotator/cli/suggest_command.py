"""`annotator suggest`: store the suggesters' proposals as the reserved annotator ``suggested``."""

from __future__ import annotations

import argparse
import sys

from annotator.cli.common import (
    UserError,
    open_project,
    progress_printer,
    refuse_unless_suggesting,
    refuse_unreadable,
)
from annotator.store import OpenMode


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("suggest", parents=[common],
                       help="propose spans (rules, gazetteer, a learned model) as the annotator 'suggested'")
    p.add_argument("--doc", metavar="ID", type=int, action="append", help="only this document (repeatable)")
    p.add_argument("--label", metavar="LABEL", action="append", help="only this label (repeatable)")
    p.add_argument("--learn-from", metavar="ANNOTATOR",
                   help="also propose ANNOTATOR's labels with a model trained on the documents they labelled")
    p.set_defaults(func=cmd_suggest)


def cmd_suggest(args: argparse.Namespace) -> int:
    from annotator.suggest.runner import suggest

    store = open_project(args, OpenMode.WRITE)
    with store:
        store.quick_check()  # writing thousands of suggestions into a damaged file would only spread the damage
        known_docs = set(store.document_ids())
        problems = [f"no document {d}" for d in args.doc or () if d not in known_docs]
        problems += [f"no label named {label!r}" for label in args.label or () if label not in store.label_names()]
        if args.learn_from and args.learn_from not in {a.name for a in store.annotators()}:
            problems.append(f"no annotator named {args.learn_from!r}")
        if problems:
            raise UserError(f"{store.path}: {'; '.join(problems)}")
        # Before training and suggesting, not after: refusals that waste nobody's time.
        if args.learn_from:
            refuse_unreadable(store, [args.learn_from])
        refuse_unless_suggesting(store)
        learned = None
        if args.learn_from:
            from annotator.suggest.learned import learned_suggestions  # trains a model: only when asked

            def learned(documents):
                return learned_suggestions(store, args.learn_from, documents)
        counts = suggest(store, args.doc, args.label, learned, progress_printer(sys.stderr))
    total = sum(counts.values())
    print(f"{total} suggestion(s) stored as 'suggested' (earlier suggestions of these documents replaced)")
    for (label, origin), count in sorted(counts.items()):
        print(f"  {label:<10} {origin:<16} {count}")
    return 0

"""The reviewer's commands: merge, agreement (users: users_commands.py)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from annotator.cli.common import UserError, open_project, refuse_unreadable
from annotator.core.model import InvalidName
from annotator.store import (
    OpenMode,
)


def same_pair(value: str) -> tuple[int, int]:
    source_id, _, target_id = value.partition("=")
    try:
        return int(source_id), int(target_id)
    except ValueError:
        raise argparse.ArgumentTypeError(
            "give two document ids, OTHER_ID=ID (in OTHER.db = in --db), for example 3=1") from None


def cmd_merge(args: argparse.Namespace) -> int:
    from annotator.review.merge import MergeError, merge_into
    from annotator.review.near_duplicates import percent

    same: dict[int, int] = {}
    for source_id, target_id in args.same or []:
        if same.setdefault(source_id, target_id) != target_id:
            raise UserError(f"--same {source_id}=…: document {source_id} is named twice, with different targets")
    if same and len(args.others) > 1:
        raise UserError("--same names documents of one OTHER.db: merge one file at a time")
    problems = 0
    with open_project(args, OpenMode.CREATE) as store:
        store.quick_check()  # else the damage found while writing would be blamed on the other file
        for other in args.others:
            path = Path(other)
            if not path.exists():
                raise UserError(f"{path}: no such file")
            if path.resolve() == store.path.resolve():
                raise UserError(f"{path}: is the project itself")
            try:
                report = merge_into(store, path, same)
            except MergeError as err:
                raise UserError(str(err)) from None
            except InvalidName as err:  # a label, colour or name from the other file
                raise UserError(f"{path}: {err}; nothing was merged") from None
            joined = f", {report.documents_joined} joined" if report.documents_joined else ""
            print(f"merged {path}: {report.documents_added} new document(s), {report.documents_matched} matched"
                  f"{joined}; {report.spans_added} new span(s), {report.spans_present} already here; "
                  f"{report.deletions_applied} deletion(s) applied, {report.readds_refused} re-add(s) of deleted "
                  f"spans refused; {report.events_added} new event(s), {report.events_present} already here",
                  file=sys.stderr)
            for pair in report.near_duplicates:
                how = (["same title"] if pair.same_title else []) + (
                    [] if pair.similarity is None else [f"{percent(pair.similarity)}% similar"])
                print(f"near-duplicate: document {pair.source_id} of {path} ({pair.source_title!r}) and document "
                      f"{pair.target_id} here ({pair.target_title!r}): {', '.join(how)}; kept separate "
                      f"(join them with --same {pair.source_id}={pair.target_id})", file=sys.stderr)
            if report.same_under_other_ids:
                print(f"{report.same_under_other_ids} span(s) of {path} were here already under other ids "
                      "(same annotator, label and edges): not stored twice", file=sys.stderr)
            if report.publication_dates_added:
                print(f"publication date taken from {path} for {report.publication_dates_added} document(s) "
                      "that had none", file=sys.stderr)
            for conflict in report.conflicts:
                print(f"conflict: {conflict}", file=sys.stderr)
            for line in report.not_mapped:
                print(f"not merged: {line}", file=sys.stderr)
            for line in report.later_than_deletion:
                print(f"changed after a deletion: {line}", file=sys.stderr)
            for line in report.events_renamed:
                print(f"event renamed: {line}", file=sys.stderr)
            for line in report.events_removed:
                print(f"event removed: {line}", file=sys.stderr)
            problems += len(report.problems)
    return 2 if problems else 0


def cmd_agreement(args: argparse.Namespace) -> int:
    import csv as csv_module

    from annotator.review.agreement import MEASURES, agreement, as_dicts, labelling_annotators
    from annotator.terminal import for_terminal, needs_reshaping

    with open_project(args, OpenMode.READ) as store:
        store.quick_check()  # a damaged file would give figures, or 'no annotators', that look normal
        names = args.annotator or labelling_annotators(store)
        known = {a.name for a in store.annotators()}
        unknown = [n for n in names if n not in known]
        if unknown:
            raise UserError(f"{store.path}: no annotator called {', '.join(unknown)}")
        refuse_unreadable(store, names)
        if len(names) < 2:
            who = "" if args.annotator else " who labelled"
            raise UserError(f"{store.path}: agreement needs at least two annotators{who} (found {len(names)})")
        rows = as_dicts(agreement(store, names, args.doc, args.by_document))
    if args.json:
        print(json.dumps({"rows": rows}, ensure_ascii=False, indent=1))
    elif args.csv:
        writer = csv_module.writer(sys.stdout)
        writer.writerow(["measure", "annotators", "label", "document", "value"])
        for r in rows:
            writer.writerow([r["measure"], "+".join(r["annotators"]), r["label"] or "", r["document"] or "",
                             "" if r["value"] is None else f"{r['value']:.6f}"])
    else:
        shape = for_terminal if needs_reshaping(sys.stdout, args.bidi) else (lambda text: text)
        measure_width = max(map(len, MEASURES))
        print(f"{'measure':<{measure_width}} {'annotators':<28} {'label':<10} {'document':<9} value")
        for r in rows:
            value = "undefined" if r["value"] is None else f"{r['value']:.3f}"
            who = shape(" + ".join(r["annotators"]))
            print(f"{r['measure']:<{measure_width}} {who:<28} {r['label'] or 'all':<10} "
                  f"{r['document'] or 'all':<9} {value}")
    return 0

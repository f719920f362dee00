"""The commands that bring articles in and out, draw them, check and copy the project.

Only ``gui`` and ``render --out *.png`` load Qt."""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
from datetime import date
from pathlib import Path

from annotator.cli.common import (
    UserError,
    default_annotator,
    open_project,
    progress_printer,
    refuse_unreadable,
    show_list,
)
from annotator.core.model import SUGGESTED
from annotator.formats.conll import TagOptions
from annotator.formats.exporting import EXPORTERS, ExportOptions, export_to_path, write_stream
from annotator.formats.importer import import_paths
from annotator.formats.output_files import replaced_on_success
from annotator.formats.spec import Target
from annotator.formats.tagging import AlignmentError, AlignmentReport
from annotator.rendering import html
from annotator.store import (
    DocumentNotFound,
    OpenMode,
    default_db_path,
    newest_backup,
    project_location,
)


def _no_display() -> bool:
    """On Linux without X or Wayland, Qt aborts the process with several lines of its own."""
    return (sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM")
            and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"))


def cmd_gui(args: argparse.Namespace) -> int:
    if _no_display():
        if not args.screenshot:
            raise UserError("no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set); "
                            "start it from a desktop session, or use the other commands")
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a screenshot needs no screen
    from annotator.ui.app import run

    return run(db_path=project_location(args.db) if args.db else None, files=[Path(f) for f in args.files],
               screenshot=Path(args.screenshot) if args.screenshot else None)


def cmd_import(args: argparse.Namespace) -> int:
    if args.annotator and args.annotator.strip() == SUGGESTED:
        raise UserError(f"{SUGGESTED} is reserved for the suggesters' spans (annotator suggest); "
                        "import under another name")
    store = open_project(args, OpenMode.CREATE)
    try:
        with store:
            store.quick_check()  # writing thousands of rows into a damaged file would only spread the damage
            # On a server spans go under the login (the server refuses any other name to an annotator).
            report = import_paths(store, args.paths, annotator=args.annotator or store.login or default_annotator(),
                                  encoding=args.encoding, add_labels=args.add_labels, fmt=args.format,
                                  skip_bad_lines=args.skip_bad_lines, progress=progress_printer(sys.stderr),
                                  published=args.published)
    except BaseException:
        store.discard_if_new()  # a refused import into a new path leaves no project behind
        raise
    print(f"imported {report.files} file(s): {report.documents_added} new document(s), "
          f"{report.documents_existing} already present; {report.spans_added} new span(s), "
          f"{report.spans_existing} already present"
          + (f"; {report.events_added} new event(s), {report.events_existing} already present"
             if report.events_added or report.events_existing else ""), file=sys.stderr)
    show_list("skipped", report.skipped, args.verbose)
    show_list("read leniently", report.notes, args.verbose)
    return 0


def iso_date(value: str) -> str:
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {value!r} (write it as 2018-04-19)") from None


def split_fractions(value: str) -> tuple[float, float, float]:
    parts = [p for p in value.replace("/", ",").split(",") if p]
    try:
        numbers = tuple(float(p) for p in parts)
    except ValueError:
        numbers = ()
    if len(numbers) != 3 or any(n < 0 for n in numbers) or sum(numbers) <= 0:
        raise argparse.ArgumentTypeError("give three proportions, train,dev,test (for example 80,10,10)")
    return numbers  # type: ignore[return-value]


def _refuse_unknown_filters(store, args: argparse.Namespace) -> None:
    """A mistyped --annotator, --label or --doc would export nothing and still succeed."""
    problems = []
    if args.annotator:
        known = {a.name for a in store.annotators()}
        problems += [f"no annotator named {name!r}" for name in args.annotator if name not in known]
    if args.label:
        known = store.label_names()
        problems += [f"no label named {name!r}" for name in args.label if name not in known]
    if args.doc:
        known = set(store.document_ids())
        problems += [f"no document with id {doc}" for doc in args.doc if doc not in known]
    if problems:
        raise UserError(f"{store.path}: {'; '.join(problems)} (nothing was exported)")


def cmd_export(args: argparse.Namespace) -> int:
    tags = TagOptions(scheme=args.scheme, flat=args.flat, strict=args.strict, split_clitics=args.split_clitics)
    report = AlignmentReport()
    with open_project(args, OpenMode.READ) as store:
        _refuse_unknown_filters(store, args)
        refuse_unreadable(store, args.annotator)
        options = ExportOptions(annotators=args.annotator, labels=args.label, documents=args.doc, tags=tags)
        exporter = EXPORTERS[args.format]
        try:
            if args.out == "-":
                if args.split:
                    raise UserError("--split writes three files: give --out a path, not -")
                if exporter.target is not Target.STREAM:
                    raise UserError(f"{args.format} cannot go to standard output; give --out a path")
                stream = io.TextIOWrapper(sys.stdout.buffer, encoding=exporter.encoding, newline="")
                count = write_stream(store, args.format, stream, options, report)
                stream.flush()
                stream.detach()
            else:
                out = Path(args.out)
                replaceable = exporter.may_replace_folder and exporter.may_replace_folder(out)
                if out.is_dir() and exporter.suffix and not replaceable:
                    raise UserError(f"{out}: is a folder; give a file name to --out")
                options.progress = progress_printer(sys.stderr, every=100)
                count = export_to_path(store, args.format, out, options, report, args.split, args.seed)
        except AlignmentError as err:
            raise UserError(f"{err} (--strict; without it the span would be widened and reported)") from None
    print(f"exported {count} {exporter.unit} as {args.format}", file=sys.stderr)
    for note in report.notes:
        print(note, file=sys.stderr)
    if report.widened or report.dropped or report.joined:
        print(report.summary() + ("" if args.verbose else " (--verbose lists them)"), file=sys.stderr)
        if args.verbose:
            for line in report.details():
                print(f"  {line}", file=sys.stderr)
    return 0


def cmd_render(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if out.suffix.lower() not in (".png", ".html", ".htm"):
        raise UserError(f"{out}: --out must end in .png or .html")
    with open_project(args, OpenMode.READ) as store:
        store.quick_check()  # one sound document does not make a sound file
        refuse_unreadable(store, args.annotator)
        try:
            document = store.document(args.doc)
        except DocumentNotFound:
            raise UserError(f"{store.path}: no document with id {args.doc}") from None
        spans = store.spans_for(document.id, args.annotator)
        labels = store.labels()
    if out.suffix.lower() == ".png":
        from annotator.ui.snapshot import render_png

        render_png(document, spans, labels, out, width=args.width)
    else:
        with replaced_on_success(out) as staged, staged.open("w", encoding="utf-8") as stream:
            html.write(document, spans, labels, stream)
    print(f"rendered document {document.id} with {len(spans)} span(s) to {out}", file=sys.stderr)
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    with open_project(args, OpenMode.READ) as store:
        store.quick_check()  # counts from the sound part of a damaged file would look normal
        figures = store.stats()
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=2))
        return 0
    print(f"documents  {figures['documents']}")
    print(f"spans      {figures['spans']}")
    print(f"events     {figures['event_count']}")
    print("by label:")
    for label, count in figures["spans_by_label"].items():
        print(f"  {label:<12} {count}")
    print("by annotator:")
    events = figures["events_by_annotator"]
    for name, count in figures["spans_by_annotator"].items():
        print(f"  {name:<12} {count}" + (f" span(s), {events.get(name, 0)} event(s)" if events else ""))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from annotator.store.health import check_file

    path = project_location(args.db or default_db_path())  # a file's path, or a server's (no password)
    problems = check_file(path)  # read-only; reports a damaged file rather than failing on it
    for problem in problems:
        print(f"{path}: {problem}")
    if problems:
        newest = newest_backup(path)
        restore = f"; the newest backup is {newest}" if newest and any(
            p.startswith("integrity") for p in problems) else ""
        print(f"annotator: {len(problems)} problem(s) found in {path}{restore}", file=sys.stderr)
        return 1
    print(f"{path}: ok", file=sys.stderr)
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    if Path(args.out).exists():
        # A backup names a new file: writing over an existing one would replace another project.
        raise UserError(f"{args.out}: already exists; give the backup a new name (nothing was written)")
    with open_project(args, OpenMode.READ) as store:
        target = store.backup(args.out)
    print(f"backed up to {target}", file=sys.stderr)
    return 0


def cmd_upgrade(args: argparse.Namespace) -> int:
    with open_project(args, OpenMode.WRITE) as store:  # migrates, after keeping a copy of the old file
        store.quick_check()  # 'up to date' must not be said of a damaged file
        version = store.schema_version
        upgraded = store.upgraded_from is not None
    if upgraded:
        print(f"{store.path}: upgraded from schema {store.upgraded_from} to {version}", file=sys.stderr)
    else:
        print(f"{store.path}: already up to date (schema {version})", file=sys.stderr)
    return 0


# -- parser ----------------------------------------------------------------------

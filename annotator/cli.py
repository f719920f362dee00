"""The command line. It calls the layers below; only ``gui`` and ``render --out *.png`` load Qt."""

from __future__ import annotations

import argparse
import getpass
import io
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO

from annotator import __version__
from annotator.formats import html
from annotator.formats.exporting import EXPORTERS, export, export_to_path
from annotator.formats.importer import import_paths
from annotator.formats.records import FormatError
from annotator.store import Store, StoreError, default_db_path



class UserError(Exception):
    """A mistake in what the user asked for: reported in one line, no traceback."""


def default_annotator() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (some containers): still label under a name
        return "annotator"


def _open_store(args: argparse.Namespace) -> Store:
    return Store.open(args.db or default_db_path())


def _progress_printer(stream: IO[str]) -> Callable[[int, int, Path], None] | None:
    if not stream.isatty():
        return None

    def show(done: int, total: int, path: Path) -> None:
        width = 30
        filled = width * done // max(total, 1)
        stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {path.name[:40]:<40}")
        if done == total:
            stream.write("\n")
        stream.flush()

    return show


# -- commands --------------------------------------------------------------------


def cmd_gui(args: argparse.Namespace) -> int:
    from annotator.ui.app import run

    return run(db_path=Path(args.db) if args.db else None, files=[Path(f) for f in args.files])


def cmd_import(args: argparse.Namespace) -> int:
    with _open_store(args) as store:
        report = import_paths(store, args.paths, annotator=args.annotator or default_annotator(),
                              encoding=args.encoding, add_labels=args.add_labels,
                              progress=_progress_printer(sys.stderr))
    print(f"imported {report.files} file(s): {report.documents_added} new document(s), "
          f"{report.documents_existing} already present; {report.spans_added} new span(s), "
          f"{report.spans_existing} already present", file=sys.stderr)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    with _open_store(args) as store:
        if args.out == "-":
            stream = io.TextIOWrapper(sys.stdout.buffer, encoding=EXPORTERS[args.format][1], newline="")
            count = export(store, args.format, stream, args.annotator)
            stream.flush()
            stream.detach()
        else:
            out = Path(args.out)
            if out.is_dir():
                raise UserError(f"{out}: is a folder; give a file name to --out")
            count = export_to_path(store, args.format, out, args.annotator)
    print(f"exported {count} {EXPORTERS[args.format][2]} as {args.format}", file=sys.stderr)
    return 0


def cmd_render(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if out.suffix.lower() not in (".png", ".html", ".htm"):
        raise UserError(f"{out}: --out must end in .png or .html")
    with _open_store(args) as store:
        try:
            document = store.document(args.doc)
        except KeyError:
            raise UserError(f"{store.path}: no document with id {args.doc}") from None
        spans = store.spans_for(document.id, args.annotator)
        labels = store.labels()
    if out.suffix.lower() == ".png":
        from annotator.ui.snapshot import render_png

        render_png(document, spans, labels, out, width=args.width)
    else:
        with out.open("w", encoding="utf-8") as stream:
            html.write(document, spans, labels, stream)
    print(f"rendered document {document.id} with {len(spans)} span(s) to {out}", file=sys.stderr)
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    with _open_store(args) as store:
        figures = store.stats()
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=2))
        return 0
    print(f"documents  {figures['documents']}")
    print(f"spans      {figures['spans']}")
    print("by label:")
    for label, count in figures["spans_by_label"].items():
        print(f"  {label:<12} {count}")
    print("by annotator:")
    for name, count in figures["spans_by_annotator"].items():
        print(f"  {name:<12} {count}")
    return 0


# -- parser ----------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    db_help = "project database (default: $ANNOTATOR_DB, else annotator.db in your data folder)"
    # SUPPRESS keeps a subcommand's unset --db from overwriting one given before it.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=db_help)

    parser = argparse.ArgumentParser(
        prog="annotator",
        description="Label Arabic news articles (event, place, date, casualty, source) and export training data.",
    )
    parser.add_argument("--db", metavar="PATH", default=None, help=db_help)
    parser.add_argument("--version", action="version", version=f"annotator {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("gui", parents=[common], help="open the annotation window (the default)")
    p.add_argument("files", nargs="*", metavar="FILE", help="files to import before opening")
    p.set_defaults(func=cmd_gui)

    p = sub.add_parser("import", parents=[common], help="import .txt articles, folders of them, or JSON Lines")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--annotator", metavar="NAME", help="who imported spans belong to when a span does not say")
    p.add_argument("--encoding", metavar="NAME", help="decode text files with this encoding (e.g. cp1256)")
    p.add_argument("--add-labels", action="store_true", help="add unknown labels to the schema instead of refusing")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("export", parents=[common], help="export documents and spans")
    p.add_argument("--format", required=True, choices=sorted(EXPORTERS))
    p.add_argument("--annotator", metavar="NAME", action="append", help="only this annotator's spans (repeatable)")
    p.add_argument("--out", required=True, metavar="PATH", help="output file, or - for standard output")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("render", parents=[common], help="draw one article with its spans to PNG or HTML")
    p.add_argument("--doc", required=True, type=int, metavar="ID")
    p.add_argument("--out", required=True, metavar="FILE.png|FILE.html")
    p.add_argument("--annotator", metavar="NAME", action="append", help="only this annotator's spans (repeatable)")
    p.add_argument("--width", type=int, default=900, help="PNG width in pixels (default 900)")
    p.set_defaults(func=cmd_render)

    p = sub.add_parser("stats", parents=[common], help="count documents and spans per label and annotator")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_stats)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args.func, args.files = cmd_gui, []
    try:
        return args.func(args)
    except (UserError, FormatError, StoreError) as err:
        print(f"annotator: error: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("annotator: interrupted; nothing was half-written", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0

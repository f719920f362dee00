"""The command line. It calls the layers below; only ``gui`` and ``render --out *.png`` load Qt."""

from __future__ import annotations

import argparse
import getpass
import io
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO

from annotator import __version__
from annotator.core.model import InvalidName
from annotator.formats import html
from annotator.formats.conll import TagOptions
from annotator.formats.exporting import EXPORTERS, ExportOptions, export_to_path, write_stream
from annotator.formats.output_files import replaced_on_success
from annotator.formats.tagging import SCHEMES, AlignmentError, AlignmentReport
from annotator.formats.importer import IMPORT_FORMATS, import_paths
from annotator.formats.records import FormatError
from annotator.formats.spacy_format import is_shard_folder
from annotator.store import OpenMode, Store, StoreError, default_db_path, newest_backup, open_store



class UserError(Exception):
    """A mistake in what the user asked for: reported in one line, no traceback."""


def default_annotator() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (some containers): still label under a name
        return "annotator"


def _open_store(args: argparse.Namespace, mode: OpenMode = OpenMode.WRITE) -> Store:
    """The project named by ``--db``. Only import and merge (its target) may create one
    (OpenMode.CREATE); a reading command opens it read-only (OpenMode.READ)."""
    store = open_store(args.db or default_db_path(), mode)
    if store.safety_copy is not None:
        print(f"annotator: {store.path} was made by an older Annotator (schema {store.upgraded_from}); a copy of "
              f"it as it was is kept in {store.safety_copy}", file=sys.stderr)
    said: list[str] = []

    def say_once(message: str) -> None:
        if not said:
            said.append(message)
            print(f"annotator: {message}", file=sys.stderr, flush=True)

    store.on_wait = say_once
    return store


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

    return run(db_path=Path(args.db) if args.db else None, files=[Path(f) for f in args.files],
               screenshot=Path(args.screenshot) if args.screenshot else None)


def _show_list(title: str, lines: list[str], verbose: bool, limit: int = 10) -> None:
    if not lines:
        return
    print(f"{title}: {len(lines)}", file=sys.stderr)
    for line in lines if verbose else lines[:limit]:
        print(f"  {line}", file=sys.stderr)
    if not verbose and len(lines) > limit:
        print(f"  … and {len(lines) - limit} more (--verbose lists them all)", file=sys.stderr)


def cmd_import(args: argparse.Namespace) -> int:
    store = _open_store(args, OpenMode.CREATE)
    try:
        with store:
            store.quick_check()  # writing thousands of rows into a damaged file would only spread the damage
            report = import_paths(store, args.paths, annotator=args.annotator or default_annotator(),
                                  encoding=args.encoding, add_labels=args.add_labels, fmt=args.format,
                                  skip_bad_lines=args.skip_bad_lines, progress=_progress_printer(sys.stderr))
    except BaseException:
        store.discard_if_new()  # a refused import into a new path leaves no project behind
        raise
    print(f"imported {report.files} file(s): {report.documents_added} new document(s), "
          f"{report.documents_existing} already present; {report.spans_added} new span(s), "
          f"{report.spans_existing} already present", file=sys.stderr)
    _show_list("skipped", report.skipped, args.verbose)
    _show_list("read leniently", report.notes, args.verbose)
    return 0


def _same_pair(value: str) -> tuple[int, int]:
    source_id, _, target_id = value.partition("=")
    try:
        return int(source_id), int(target_id)
    except ValueError:
        raise argparse.ArgumentTypeError(
            "give two document ids, OTHER_ID=ID (in OTHER.db = in --db), for example 3=1") from None


def _split(value: str) -> tuple[float, float, float]:
    parts = [p for p in value.replace("/", ",").split(",") if p]
    try:
        numbers = tuple(float(p) for p in parts)
    except ValueError:
        numbers = ()
    if len(numbers) != 3 or any(n < 0 for n in numbers) or sum(numbers) <= 0:
        raise argparse.ArgumentTypeError("give three proportions, train,dev,test (for example 80,10,10)")
    return numbers  # type: ignore[return-value]


def cmd_export(args: argparse.Namespace) -> int:
    tags = TagOptions(scheme=args.scheme, flat=args.flat, strict=args.strict, split_clitics=args.split_clitics)
    report = AlignmentReport()
    with _open_store(args, OpenMode.READ) as store:
        options = ExportOptions(annotators=args.annotator, labels=args.label, documents=args.doc, tags=tags)
        exporter = EXPORTERS[args.format]
        try:
            if args.out == "-":
                if not exporter.suffix or args.format == "spacy" or args.split:
                    raise UserError(f"{args.format} cannot go to standard output; give --out a path")
                stream = io.TextIOWrapper(sys.stdout.buffer, encoding=exporter.encoding, newline="")
                count = write_stream(store, args.format, stream, options, report)
                stream.flush()
                stream.detach()
            else:
                out = Path(args.out)
                if out.is_dir() and exporter.suffix and not (args.format == "spacy" and is_shard_folder(out)):
                    raise UserError(f"{out}: is a folder; give a file name to --out")
                options.progress = _export_progress(sys.stderr)
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


def _export_progress(stream: IO[str]) -> Callable[[int, int], None] | None:
    if not stream.isatty():
        return None

    def show(done: int, total: int) -> None:
        if done % 100 == 0 or done == total:
            stream.write(f"\rexporting {done}/{total}")
            if done == total:
                stream.write("\n")
            stream.flush()

    return show


def cmd_render(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if out.suffix.lower() not in (".png", ".html", ".htm"):
        raise UserError(f"{out}: --out must end in .png or .html")
    with _open_store(args, OpenMode.READ) as store:
        store.quick_check()  # one sound document does not make a sound file
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
        with replaced_on_success(out) as staged, staged.open("w", encoding="utf-8") as stream:
            html.write(document, spans, labels, stream)
    print(f"rendered document {document.id} with {len(spans)} span(s) to {out}", file=sys.stderr)
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    with _open_store(args, OpenMode.READ) as store:
        store.quick_check()  # counts from the sound part of a damaged file would look normal
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
    with _open_store(args, OpenMode.CREATE) as store:
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
                  "spans refused", file=sys.stderr)
            for pair in report.near_duplicates:
                how = (["same title"] if pair.same_title else []) + (
                    [] if pair.similarity is None else [f"{percent(pair.similarity)}% similar"])
                print(f"near-duplicate: document {pair.source_id} of {path} ({pair.source_title!r}) and document "
                      f"{pair.target_id} here ({pair.target_title!r}): {', '.join(how)}; kept separate "
                      f"(join them with --same {pair.source_id}={pair.target_id})", file=sys.stderr)
            for conflict in report.conflicts:
                print(f"conflict: {conflict}", file=sys.stderr)
            for line in report.not_mapped:
                print(f"not merged: {line}", file=sys.stderr)
            for line in report.later_than_deletion:
                print(f"changed after a deletion: {line}", file=sys.stderr)
            problems += len(report.problems)
    return 2 if problems else 0


def cmd_agreement(args: argparse.Namespace) -> int:
    import csv as csv_module

    from annotator.review.agreement import MEASURES, agreement, as_dicts, labelling_annotators
    from annotator.terminal import for_terminal, needs_reshaping

    with _open_store(args, OpenMode.READ) as store:
        names = args.annotator or labelling_annotators(store)
        known = {a.name for a in store.annotators()}
        unknown = [n for n in names if n not in known]
        if unknown:
            raise UserError(f"{store.path}: no annotator called {', '.join(unknown)}")
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
            print(f"{r['measure']:<{measure_width}} {who:<28} {r['label'] or 'all':<10} {r['document'] or 'all':<9} {value}")
    return 0


def cmd_users_list(args: argparse.Namespace) -> int:
    from annotator.terminal import for_terminal, needs_reshaping

    with _open_store(args, OpenMode.READ) as store:
        counts = store.annotator_span_counts()
    shape = for_terminal if needs_reshaping(sys.stdout) else (lambda text: text)
    width = max([len("name"), *(len(a.name) for a, _ in counts)])
    print(f"{'name':<{width}}  {'role':<9}  spans")
    for annotator, spans in counts:
        print(f"{shape(annotator.name):<{width}}  {annotator.role:<9}  {spans}")
    return 0


def cmd_users_set(args: argparse.Namespace) -> int:
    from annotator.review.adjudication import GOLD

    with _open_store(args, OpenMode.WRITE) as store:
        if args.name == GOLD:
            raise UserError(f"{store.path}: {GOLD} is the gold layer; its role does not change")
        try:
            annotator = store.set_annotator_role(args.name, args.role)
        except KeyError:
            raise UserError(f"{store.path}: no annotator called {args.name} "
                            "(annotator users lists them)") from None
    print(f"{annotator.name} is now {annotator.role}", file=sys.stderr)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from annotator.store.health import check_file

    path = Path(args.db or default_db_path())
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
    with _open_store(args, OpenMode.READ) as store:
        target = store.backup(args.out)
    print(f"backed up to {target}", file=sys.stderr)
    return 0


def cmd_upgrade(args: argparse.Namespace) -> int:
    with _open_store(args, OpenMode.WRITE) as store:  # migrates, after keeping a copy of the old file
        version = store.schema_version
        upgraded = store.upgraded_from is not None
    if upgraded:
        print(f"{store.path}: upgraded from schema {store.upgraded_from} to {version}", file=sys.stderr)
    else:
        print(f"{store.path}: already up to date (schema {version})", file=sys.stderr)
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
    p.add_argument("--screenshot", metavar="FILE.png", help="draw the window to a PNG once shown, then exit")
    p.set_defaults(func=cmd_gui)

    p = sub.add_parser("import", parents=[common], help="import articles and annotations in any supported format")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders; - reads standard input (format sniffed)")
    p.add_argument("--format", default="auto", choices=IMPORT_FORMATS,
                   help="the files' format (default: guessed from each file)")
    p.add_argument("--annotator", metavar="NAME", help="who imported spans belong to when a span does not say")
    p.add_argument("--encoding", metavar="NAME", help="decode text files with this encoding (e.g. cp1256)")
    p.add_argument("--add-labels", action="store_true", help="add unknown labels to the schema instead of refusing")
    p.add_argument("--skip-bad-lines", action="store_true",
                   help="import what can be read and list every line or span skipped, and why")
    p.add_argument("--verbose", action="store_true", help="list every skipped line")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("export", parents=[common], help="export documents and spans for training or other tools")
    p.add_argument("--format", required=True, choices=list(EXPORTERS),
                   help="; ".join(f"{e.name}: {e.title}" for e in EXPORTERS.values()))
    p.add_argument("--out", required=True, metavar="PATH", help="output file (a folder for brat), or - for standard output")
    p.add_argument("--annotator", metavar="NAME", action="append", help="only this annotator's spans (repeatable)")
    p.add_argument("--label", metavar="LABEL", action="append", help="only spans with this label (repeatable)")
    p.add_argument("--doc", metavar="ID", type=int, action="append", help="only this document (repeatable)")
    p.add_argument("--scheme", choices=SCHEMES, default="iob2", help="tag scheme of token formats (default iob2)")
    p.add_argument("--flat", action="store_true", help="CoNLL: one tag column, the outer spans only")
    p.add_argument("--split-clitics", action="store_true", help="token formats: split proclitics (و ف ب ل ك ال) into tokens")
    p.add_argument("--strict", action="store_true", help="refuse spans that do not fall on token edges")
    p.add_argument("--split", type=_split, metavar="TRAIN,DEV,TEST",
                   help="split by document into three outputs, e.g. 80,10,10 (files NAME-train.EXT, ...)")
    p.add_argument("--seed", type=int, default=0, help="the split's random seed (default 0)")
    p.add_argument("--verbose", action="store_true", help="list every span widened or dropped")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("render", parents=[common], help="draw one article with its spans to PNG or HTML")
    p.add_argument("--doc", required=True, type=int, metavar="ID")
    p.add_argument("--out", required=True, metavar="FILE.png|FILE.html")
    p.add_argument("--annotator", metavar="NAME", action="append", help="only this annotator's spans (repeatable)")
    p.add_argument("--width", type=int, default=900, help="PNG width in pixels (default 900)")
    p.set_defaults(func=cmd_render)

    p = sub.add_parser("merge", parents=[common], help="bring documents and spans from other annotators' project files")
    p.add_argument("others", nargs="+", metavar="OTHER.db")
    p.add_argument("--same", type=_same_pair, action="append", metavar="OTHER_ID=ID",
                   help="join a near-duplicate: document OTHER_ID of OTHER.db (the file merged from) is document "
                        "ID of --db (the project merged into); its spans move there if their text is unchanged "
                        "(repeatable; one OTHER.db only)")
    p.set_defaults(func=cmd_merge)

    p = sub.add_parser("agreement", parents=[common], help="agreement between annotators: span F1, kappa, alpha")
    p.add_argument("--annotator", metavar="NAME", action="append", help="an annotator to compare (repeatable; default: everyone who labelled, gold aside)")
    p.add_argument("--doc", metavar="ID", type=int, action="append", help="only this document (repeatable)")
    p.add_argument("--by-document", action="store_true", help="also one row per document")
    output = p.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help='print {"rows": [...]}')
    output.add_argument("--csv", action="store_true", help="print the rows as CSV")
    p.add_argument("--bidi", choices=("auto", "always", "never"), default="auto",
                   help="shape Arabic for terminals without bidi support (auto: only on such a terminal)")
    p.set_defaults(func=cmd_agreement)

    p = sub.add_parser("users", parents=[common], help="list the project's annotators and reviewers; change a role")
    p.set_defaults(func=cmd_users_list)
    users = p.add_subparsers(dest="users_command", metavar="ACTION")
    u = users.add_parser("list", parents=[common], help="name, role and span count of everyone (the default)")
    u.set_defaults(func=cmd_users_list)
    u = users.add_parser("set", parents=[common], help="change someone's role (agreement compares whoever labelled)")
    u.add_argument("name", metavar="NAME")
    u.add_argument("--role", required=True, choices=("annotator", "reviewer"))
    u.set_defaults(func=cmd_users_set)

    p = sub.add_parser("check", parents=[common], help="check the database: integrity, keys, span texts, hashes")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("backup", parents=[common], help="copy the database safely, even while the app is open")
    p.add_argument("out", metavar="OUT", help="the backup file to write")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("upgrade", parents=[common],
                       help="bring a project made by an older Annotator up to date (keeps a copy: NAME.vN.bak)")
    p.set_defaults(func=cmd_upgrade)

    p = sub.add_parser("stats", parents=[common], help="count documents and spans per label and annotator")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_stats)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args.func, args.files, args.screenshot = cmd_gui, [], None
    try:
        return args.func(args)
    except BrokenPipeError:
        # The reader left early (``| head``): not an error. Python would complain again
        # when it flushes standard output at exit, so that now goes nowhere.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except (UserError, FormatError, StoreError, OSError) as err:
        print(f"annotator: error: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("annotator: interrupted; nothing was half-written", file=sys.stderr)
        return 130

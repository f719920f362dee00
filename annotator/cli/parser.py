"""The command line's arguments, and main(): every error of ours is one line."""

from __future__ import annotations

import argparse
import os
import sys

from annotator import __version__
from annotator.cli.commands import (
    cmd_backup,
    cmd_check,
    cmd_export,
    cmd_gui,
    cmd_import,
    cmd_render,
    cmd_stats,
    cmd_upgrade,
    iso_date,
    split_fractions,
)
from annotator.cli.event_commands import add_parsers as add_event_parsers
from annotator.cli.review_commands import (
    cmd_agreement,
    cmd_merge,
    same_pair,
)
from annotator.cli.suggest_command import add_parser as add_suggest_parser
from annotator.cli.users_commands import add_parser as add_users_parser
from annotator.core.errors import AnnotatorError
from annotator.formats.exporting import EXPORTERS
from annotator.formats.registry import AUTO, import_choices
from annotator.formats.tagging import SCHEMES


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
    p.add_argument("--format", default=AUTO, choices=import_choices(),
                   help="the files' format (default: guessed from each file)")
    p.add_argument("--annotator", metavar="NAME", help="who imported spans belong to when a span does not say")
    p.add_argument("--encoding", metavar="NAME", help="decode text files with this encoding (e.g. cp1256)")
    p.add_argument("--add-labels", action="store_true",
                   help="add unknown labels (and event roles) to the schema instead of refusing")
    p.add_argument("--skip-bad-lines", action="store_true",
                   help="import what can be read and list every line or span skipped, and why")
    p.add_argument("--verbose", action="store_true", help="list every skipped line")
    p.add_argument("--published", type=iso_date, metavar="YYYY-MM-DD",
                   help="publication date of documents that give none (relative dates such as أمس count from it)")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("export", parents=[common], help="export documents and spans for training or other tools")
    p.add_argument("--format", required=True, choices=list(EXPORTERS),
                   help="; ".join(f"{e.name}: {e.title}" for e in EXPORTERS.values()))
    p.add_argument("--out", required=True, metavar="PATH",
                   help="output file (a folder for brat), or - for standard output")
    p.add_argument("--annotator", metavar="NAME", action="append", help="only this annotator's spans (repeatable)")
    p.add_argument("--label", metavar="LABEL", action="append", help="only spans with this label (repeatable)")
    p.add_argument("--doc", metavar="ID", type=int, action="append", help="only this document (repeatable)")
    p.add_argument("--scheme", choices=SCHEMES, default="iob2", help="tag scheme of token formats (default iob2)")
    p.add_argument("--flat", action="store_true", help="CoNLL: one tag column, the outer spans only")
    p.add_argument("--split-clitics", action="store_true",
                   help="token formats: split proclitics (و ف ب ل ك ال) into tokens")
    p.add_argument("--strict", action="store_true", help="refuse spans that do not fall on token edges")
    p.add_argument("--split", type=split_fractions, metavar="TRAIN,DEV,TEST",
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
    p.add_argument("--same", type=same_pair, action="append", metavar="OTHER_ID=ID",
                   help="join a near-duplicate: document OTHER_ID of OTHER.db (the file merged from) is document "
                        "ID of --db (the project merged into); its spans move there if their text is unchanged "
                        "(repeatable; one OTHER.db only)")
    p.set_defaults(func=cmd_merge)

    p = sub.add_parser("agreement", parents=[common], help="agreement between annotators: span F1, kappa, alpha")
    p.add_argument("--annotator", metavar="NAME", action="append",
                   help="an annotator to compare (repeatable; default: everyone who labelled, gold aside)")
    p.add_argument("--doc", metavar="ID", type=int, action="append", help="only this document (repeatable)")
    p.add_argument("--by-document", action="store_true", help="also one row per document")
    output = p.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help='print {"rows": [...]}')
    output.add_argument("--csv", action="store_true", help="print the rows as CSV")
    p.add_argument("--bidi", choices=("auto", "always", "never"), default="auto",
                   help="shape Arabic for terminals without bidi support (auto: only on such a terminal)")
    p.set_defaults(func=cmd_agreement)

    add_users_parser(sub, common)

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

    add_event_parsers(sub, common)
    add_suggest_parser(sub, common)
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
    except (AnnotatorError, OSError) as err:  # every error of ours, and files the system refused
        print(f"annotator: error: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("annotator: interrupted; nothing was half-written", file=sys.stderr)
        return 130

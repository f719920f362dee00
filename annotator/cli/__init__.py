"""The command line. It calls the layers below; only ``gui`` and ``render --out *.png`` load Qt."""

from annotator.cli.common import UserError, progress_printer
from annotator.cli.parser import build_parser, main

__all__ = ["UserError", "build_parser", "main", "progress_printer"]

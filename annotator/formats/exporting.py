"""Writing a project out in one of the export formats; shared by the command line and the GUI."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO

from annotator.core.model import Document, Span
from annotator.formats import csv_table, jsonl
from annotator.store import Store

Writer = Callable[[Iterable[tuple[Document, list[Span]]], IO[str]], int]

# name -> (writer, text encoding, what the writer's count counts)
EXPORTERS: dict[str, tuple[Writer, str, str]] = {
    "jsonl": (jsonl.write, "utf-8", "document(s)"),
    "csv": (csv_table.write, "utf-8-sig", "span(s)"),  # the BOM makes spreadsheets read UTF-8
}


def export(store: Store, fmt: str, stream: IO[str], annotators: list[str] | None = None) -> int:
    writer = EXPORTERS[fmt][0]
    return writer(store.iter_documents_with_spans(annotators), stream)


def export_to_path(store: Store, fmt: str, path: Path, annotators: list[str] | None = None) -> int:
    """Write to a temporary file beside ``path`` and move it into place only when complete,
    so a failed export never leaves half a file where a good one was."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with open(fd, "w", encoding=EXPORTERS[fmt][1], newline="") as stream:
            count = export(store, fmt, stream, annotators)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise
    return count

"""Bringing files into a project: find them, read them with their format, check, store.

An import is one transaction: it is stored whole or, on the first problem, not at all.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from annotator.core.model import Label, Span, SpanError, check_span
from annotator.formats import jsonl, plaintext
from annotator.formats.records import DocumentRecord, FormatError
from annotator.store import Store

TEXT_SUFFIXES = {".txt"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
EXTRA_LABEL_COLOR = "#999999"


@dataclass
class ImportReport:
    files: int = 0
    documents_added: int = 0
    documents_existing: int = 0
    spans_added: int = 0
    spans_existing: int = 0


def collect_files(paths: Iterable[str | Path]) -> list[Path]:
    """The files to import: named files as they are, folders searched recursively."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise FormatError(str(path), "no such file or folder")
        if path.is_dir():
            inside = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES)
            if not inside:
                raise FormatError(str(path), "the folder holds no .txt or .jsonl files")
            found.extend(inside)
        else:
            found.append(path)
    return found


def read_records(path: Path, encoding: str | None = None) -> Iterator[DocumentRecord]:
    if path.suffix.lower() in JSONL_SUFFIXES:
        try:
            with path.open(encoding=encoding or "utf-8", newline="") as stream:
                yield from jsonl.read(stream, str(path))
        except UnicodeDecodeError as err:
            raise FormatError(str(path), f"not valid {err.encoding} at byte {err.start} ({err.reason})") from None
    else:
        yield plaintext.read(path, encoding)


class _Importer:
    def __init__(self, store: Store, annotator: str, add_labels: bool):
        self.store = store
        self.annotator = annotator
        self.add_labels = add_labels
        self.labels = store.label_names()
        self.report = ImportReport()

    def take(self, record: DocumentRecord, path: Path) -> None:
        document, created = self.store.add_document(record.text, record.title, record.source or path.name, record.meta)
        if created:
            self.report.documents_added += 1
        else:
            self.report.documents_existing += 1
        fresh: list[Span] = []
        for index, raw in enumerate(record.spans):
            span = self._checked_span(raw, index, document.id, record, path)
            if span is not None:
                fresh.append(span)
        self.store.add_spans(fresh)
        self.report.spans_added += len(fresh)

    def _checked_span(self, raw, index: int, document_id: int, record: DocumentRecord, path: Path) -> Span | None:
        def fail(problem: str) -> FormatError:
            return FormatError(str(path), f"span {index + 1} ({raw.label!r} at {raw.start}-{raw.end}): {problem}",
                               record.line)

        try:
            covered = check_span(record.text, raw.start, raw.end, raw.text)
        except SpanError as err:
            raise fail(str(err)) from None
        if raw.label not in self.labels:
            if not self.add_labels:
                raise fail("unknown label (add it to the schema with --add-labels)")
            self.store.add_label(Label(raw.label, EXTRA_LABEL_COLOR))
            self.labels.add(raw.label)
        annotator = raw.annotator or self.annotator
        span = Span(raw.id or str(uuid.uuid4()), document_id, annotator, raw.label, raw.start, raw.end, covered,
                    raw.attrs, raw.origin)
        if raw.id:
            existing = self.store.span(raw.id)
            if existing is not None:
                if existing == span:
                    self.report.spans_existing += 1
                    return None
                raise fail(f"a different span with id {raw.id} is already stored")
        elif self.store.has_span(document_id, annotator, raw.label, raw.start, raw.end):
            self.report.spans_existing += 1
            return None
        return span


def import_paths(
    store: Store,
    paths: Iterable[str | Path],
    annotator: str,
    encoding: str | None = None,
    add_labels: bool = False,
    progress: Callable[[int, int, Path], None] | None = None,
) -> ImportReport:
    files = collect_files(paths)
    importer = _Importer(store, annotator, add_labels)
    with store.transaction():
        for number, path in enumerate(files, start=1):
            for record in read_records(path, encoding):
                importer.take(record, path)
            importer.report.files += 1
            if progress:
                progress(number, len(files), path)
    return importer.report

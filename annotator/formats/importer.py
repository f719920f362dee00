"""Bringing files into a project: find them, read them with their format, check, store.

An import is one transaction: it is stored whole or, on the first problem, not at all.
With ``skip_bad_lines`` it takes what it can read and lists every line or span it
skipped, and why.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.model import Label, Span, SpanError, check_span, new_span_id
from annotator.formats import brat, conll, csv_table, doccano, jsonl, labelstudio, plaintext, spacy_format
from annotator.formats.records import DocumentRecord, FormatError, SpanRecord
from annotator.store import Store

IMPORT_FORMATS = ("auto", "text", "jsonl", "csv", "conll", "spacy", "doccano", "labelstudio", "brat")
TEXT_SUFFIXES = {".txt"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
CONLL_SUFFIXES = {".conll", ".conllu", ".iob", ".iob2", ".bio", ".bilou", ".bioes", ".tsv"}
EXTRA_LABEL_COLOR = "#999999"


@dataclass
class ImportReport:
    files: int = 0
    documents_added: int = 0
    documents_existing: int = 0
    spans_added: int = 0
    spans_existing: int = 0
    skipped: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _looks_like_conll(path: Path) -> bool:
    with path.open(encoding="utf-8", errors="replace") as stream:
        lines = [line.split() for line, _ in zip(stream, range(50)) if line.strip()]
    tags = [fields[-1] for fields in lines if len(fields) >= 2]
    return bool(lines) and len(tags) == len(lines) and all(t == "O" or t[1:2] == "-" for t in tags)


def _sniff_jsonl(path: Path) -> str:
    with path.open(encoding="utf-8-sig", errors="replace") as stream:
        for line in stream:
            if line.strip():
                try:
                    first = json.loads(line)
                except json.JSONDecodeError:
                    return "jsonl"  # the reader will say what is wrong, with the line
                if isinstance(first, dict) and ("label" in first or "entities" in first):
                    return "doccano"
                if isinstance(first, dict) and "tokens" in first and "ner_tags" in first:
                    raise FormatError(str(path), "Hugging Face token files are export only: they keep no "
                                                 "article text to import; import the CoNLL or JSON Lines export instead")
                return "jsonl"
    return "jsonl"


def detect_format(path: Path) -> str:
    suffix = path.suffix.lower()
    if path.is_dir():
        return "brat" if any(path.rglob("*.ann")) else "folder"
    if suffix == ".ann":
        return "brat"
    if suffix == ".spacy":
        return "spacy"
    if suffix == ".json":
        return "labelstudio"
    if suffix == ".csv":
        return "csv"
    if suffix in CONLL_SUFFIXES:
        return "conll"
    if suffix in JSONL_SUFFIXES:
        return _sniff_jsonl(path)
    if suffix in TEXT_SUFFIXES and _looks_like_conll(path):
        return "conll"
    return "text"


def collect(paths: Iterable[str | Path], fmt: str = "auto") -> list[tuple[Path, str]]:
    """Each file to import with its format; a folder of articles is searched recursively."""
    found: list[tuple[Path, str]] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise FormatError(str(path), "no such file or folder")
        kind = fmt if fmt != "auto" else detect_format(path)
        if path.is_dir() and kind != "brat":
            inside = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES)
            if not inside:
                raise FormatError(str(path), "the folder holds no .txt or .jsonl files")
            found.extend((p, fmt if fmt != "auto" else detect_format(p)) for p in inside)
        else:
            found.append((path, kind))
    return found


def _text_stream(path: Path, encoding: str | None):
    return path.open(encoding=encoding or "utf-8-sig", newline="")


def read_records(path: Path, fmt: str, encoding: str | None = None,
                 skipped: list[str] | None = None) -> Iterator[DocumentRecord]:
    try:
        if fmt == "text":
            yield plaintext.read(path, encoding)
        elif fmt == "brat":
            yield from brat.read(path)
        elif fmt == "spacy" and path.suffix.lower() != ".jsonl":
            yield from spacy_format.read_docbin(path)
        else:
            reader = {"jsonl": jsonl.read, "spacy": jsonl.read, "doccano": doccano.read,
                      "labelstudio": labelstudio.read}.get(fmt)
            with _text_stream(path, encoding) as stream:
                if fmt == "conll":
                    yield from conll.read(stream, str(path), skipped)
                elif reader is not None:
                    yield from reader(stream, str(path), skipped) if fmt in ("jsonl", "spacy") else reader(stream, str(path))
                else:
                    raise FormatError(str(path), f"cannot import the format {fmt!r}")
    except UnicodeDecodeError as err:
        raise FormatError(str(path), f"not valid {err.encoding} at byte {err.start} ({err.reason}); "
                                     "name the encoding with --encoding") from None


def _span_problem(raw: SpanRecord, index: int, path: Path, line: int | None, problem: str) -> FormatError:
    return FormatError(str(path), f"span {index + 1} ({raw.label!r} at {raw.start}-{raw.end}): {problem}",
                       raw.line or line)


class _Importer:
    BATCH = 5000  # span rows inserted together

    def __init__(self, store: Store, annotator: str, add_labels: bool, skip_bad: bool):
        self.store = store
        self.annotator = annotator
        self.add_labels = add_labels
        self.skip_bad = skip_bad
        self.labels = store.label_names()
        self.report = ImportReport()
        self.pending: list[tuple] = []

    def flush(self) -> None:
        if self.pending:
            self.store.add_spans(self.pending)
            self.report.spans_added += len(self.pending)
            self.pending = []

    def take(self, record: DocumentRecord, path: Path) -> None:
        document, created = self.store.add_document(record.text, record.title, record.source or path.name, record.meta)
        if created:
            self.report.documents_added += 1
        else:
            self.report.documents_existing += 1
            self.flush()  # spans of an earlier copy of this text must be visible to the duplicate check
        self.report.notes += record.notes
        self.take_spans(document.id, record.text, record.spans, path, record.line, new_document=created)

    def take_spans(self, document_id: int, text: str, raws: list[SpanRecord], path: Path, line: int | None,
                   new_document: bool = False, seen: set[tuple] | None = None) -> None:
        seen = set() if seen is None else seen
        for index, raw in enumerate(raws):
            try:
                row = self._checked_row(raw, index, document_id, text, path, line, new_document, seen)
            except FormatError as err:
                if not self.skip_bad:
                    raise
                self.report.skipped.append(str(err))
                continue
            if row is not None:
                self.pending.append(row)
        if len(self.pending) >= self.BATCH:
            self.flush()

    def _checked_row(self, raw: SpanRecord, index: int, document_id: int, text: str, path: Path,
                     line: int | None, new_document: bool, seen: set[tuple]) -> tuple | None:
        try:
            covered = check_span(text, raw.start, raw.end, raw.text)
        except SpanError as err:
            raise _span_problem(raw, index, path, line, str(err)) from None
        if raw.label not in self.labels:
            if not isinstance(raw.label, str) or not raw.label:
                raise _span_problem(raw, index, path, line, "the label must be a non-empty string")
            if not self.add_labels:
                raise _span_problem(raw, index, path, line, "unknown label (add it to the schema with --add-labels)")
            self.store.add_label(Label(raw.label, EXTRA_LABEL_COLOR))
            self.labels.add(raw.label)
        annotator = raw.annotator or self.annotator
        key = (raw.id,) if raw.id else (annotator, raw.label, raw.start, raw.end)
        if key in seen:  # the same span twice in one document's input
            self.report.spans_existing += 1
            return None
        seen.add(key)
        if raw.id:
            existing = self.store.span(raw.id)  # ids are global: another document may hold it
            if existing is not None:
                wanted = Span(raw.id, document_id, annotator, raw.label, raw.start, raw.end, covered, raw.attrs,
                              raw.origin)
                if existing == wanted:
                    self.report.spans_existing += 1
                    return None
                raise _span_problem(raw, index, path, line, f"a different span with id {raw.id} is already stored")
        elif not new_document and self.store.has_span(document_id, annotator, raw.label, raw.start, raw.end):
            self.report.spans_existing += 1
            return None
        return (raw.id or new_span_id(), document_id, annotator, raw.label, raw.start, raw.end, covered, raw.attrs,
                raw.origin)

    def take_csv(self, path: Path, encoding: str | None) -> None:
        csv_seen: dict[int, set[tuple]] = {}
        with _text_stream(path, encoding) as stream:
            for line, document_id, raw in csv_table.read(stream, str(path)):
                try:
                    text = self.store.document_text(document_id)
                except KeyError:
                    problem = FormatError(str(path), f"no document with id {document_id} in this project "
                                                     "(a CSV holds spans, not articles: import the articles first)", line)
                    if not self.skip_bad:
                        raise problem from None
                    self.report.skipped.append(str(problem))
                    continue
                # Rows still waiting to be inserted are not in the database yet: remember
                # each document's spans across the file, so a repeated row is caught too.
                self.take_spans(document_id, text, [raw], path, line, seen=csv_seen.setdefault(document_id, set()))


def import_paths(
    store: Store,
    paths: Iterable[str | Path],
    annotator: str,
    encoding: str | None = None,
    add_labels: bool = False,
    progress: Callable[[int, int, Path], None] | None = None,
    fmt: str = "auto",
    skip_bad_lines: bool = False,
) -> ImportReport:
    files = collect(paths, fmt)
    importer = _Importer(store, annotator, add_labels, skip_bad_lines)
    skipped = importer.report.skipped if skip_bad_lines else None
    with store.bulk_writes():
        for number, (path, kind) in enumerate(files, start=1):
            if kind == "csv":
                importer.take_csv(path, encoding)
            else:
                for record in read_records(path, kind, encoding, skipped):
                    importer.take(record, path)
            importer.flush()
            importer.report.files += 1
            if progress:
                progress(number, len(files), path)
    return importer.report

"""Bringing files into a project: find them, read them with their format, check, store.

An import is one transaction: it is stored whole or, on the first problem, not at all.
With ``skip_bad_lines`` it takes what it can read and lists every line or span it
skipped, and why.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from annotator.core.model import (
    UNKNOWN_LABEL_COLOR,
    Document,
    InvalidName,
    Label,
    SpanError,
    check_span,
    clean_name,
    new_span_id,
)
from annotator.formats.detection import detect_format, folder_suffixes, head_of_bytes, sniff_content
from annotator.formats.event_import import EventTaker
from annotator.formats.import_values import with_computed_values
from annotator.formats.records import DocumentRecord, FormatError, SpanRecord, refuse_lone_surrogates
from annotator.formats.registry import AUTO, FORMATS
from annotator.formats.spec import STDIN, FileFormat, ImportSource, Target
from annotator.normalise.value_shapes import value_problem
from annotator.store import DocumentNotFound, ProjectStore


@dataclass
class ImportReport:
    files: int = 0
    documents_added: int = 0
    documents_existing: int = 0
    spans_added: int = 0
    spans_existing: int = 0
    skipped: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    events_added: int = 0
    events_existing: int = 0


def _stream_formats_suffixes() -> str:
    # A folder of DocBin shards (spaCy) is an export to import whole, not a folder of articles.
    named = [f.suffixes[0] for f in FORMATS.values() if f.found_in_folders and f.target is Target.STREAM]
    return " or ".join(named)


def collect(paths: Iterable[str | Path], fmt: str = AUTO, stdin: bytes | None = None) -> list[tuple[Path, str]]:
    """Each file to import with its format; a folder of articles is searched recursively.
    ``-`` is standard input, whose bytes are ``stdin``."""
    found: list[tuple[Path, str]] = []
    for raw in paths:
        if str(raw) == "-":
            kind = fmt if fmt != AUTO else sniff_content(head_of_bytes(stdin or b""), str(STDIN))
            spec = FORMATS.get(kind)
            if spec is not None and spec.target is not Target.STREAM:
                raise FormatError(str(STDIN), f"a {kind} import needs files: give their path instead of -")
            found.append((STDIN, kind))
            continue
        path = Path(raw)
        if not path.exists():
            raise FormatError(str(path), "no such file or folder")
        kind = fmt if fmt != AUTO else detect_format(path)
        spec = FORMATS.get(kind)
        if path.is_dir() and not (spec is not None and spec.target is Target.FOLDER):
            wanted = folder_suffixes()
            inside = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in wanted)
            if not inside:
                raise FormatError(str(path), f"the folder holds no {_stream_formats_suffixes()} files")
            found.extend((p, fmt if fmt != AUTO else detect_format(p)) for p in inside)
        else:
            found.append((path, kind))
    return found


def _reader(path: Path, fmt: str) -> FileFormat:
    spec = FORMATS.get(fmt)
    if spec is None or spec.read is None:
        raise FormatError(str(path), f"cannot import the format {fmt!r}")
    return spec


def _read(source: ImportSource, spec: FileFormat) -> Iterator:
    try:
        yield from spec.read(source)
    except UnicodeDecodeError as err:
        raise FormatError(source.name, f"not valid {err.encoding} at byte {err.start} ({err.reason}); "
                                       "name the encoding with --encoding") from None
    except RecursionError:  # a reader walking JSON nested beyond Python's stack
        raise FormatError(source.name, "the JSON is nested too deeply to read") from None


def read_records(path: Path, fmt: str, encoding: str | None = None,
                 skipped: list[str] | None = None, stdin: bytes | None = None) -> Iterator[DocumentRecord]:
    """The documents of one file; for a format of span rows (CSV), its rows."""
    yield from _read(ImportSource(path, encoding, skipped, stdin), _reader(path, fmt))


def _span_problem(raw: SpanRecord, index: int, path: Path, line: int | None, problem: str) -> FormatError:
    return FormatError(str(path), f"span {index + 1} ({raw.label!r} at {raw.start}-{raw.end}): {problem}",
                       raw.line or line)


class _Importer:
    BATCH = 5000  # span rows inserted together

    def __init__(self, store: ProjectStore, annotator: str, add_labels: bool, skip_bad: bool,
                 published: str | None = None):
        self.store = store
        self.published = published  # given on the command line: for documents whose meta has none
        self.annotator = annotator
        self.add_labels = add_labels
        self.skip_bad = skip_bad
        self.labels = store.label_names()
        self.report = ImportReport()
        self.pending: list[tuple] = []
        self.names: dict[str, str] = {}  # each name or label as read -> as checked (names repeat)
        # Ids of the pending rows, with what they hold: ids are unique across the project,
        # and pending rows are not in the database yet (flushed ones are found there).
        self.ids: dict[str, tuple] = {}
        self.events = EventTaker(store, self.report, skip_bad, add_roles=add_labels)
        self.last_document: Document | None = None  # what values are computed against (CSV: row by row)
        self.existing: str | tuple | None = None  # of the span _checked_row last found stored: its id or content

    def flush(self) -> None:
        if self.pending:
            self.store.insert_checked_spans(self.pending)
            self.report.spans_added += len(self.pending)
            self.pending = []
            self.ids.clear()
        self.events.flush()  # after the spans they name

    def take(self, record: DocumentRecord, path: Path) -> None:
        meta = record.meta
        if self.published and not meta.get("published"):
            meta = {**meta, "published": self.published}
        try:
            document, created = self.store.add_document(record.text, record.title, record.source or path.name,
                                                        meta)
        except UnicodeEncodeError as err:  # a reader without its own check let a lone surrogate through
            raise FormatError(str(path), f"a lone surrogate (U+{ord(err.object[err.start]):04X}), half of a UTF-16 "
                                         "pair, in the document's text, title or meta", record.line) from None
        if created:
            self.report.documents_added += 1
        else:
            self.report.documents_existing += 1
            if meta.get("published") and not document.meta.get("published"):
                document = self.store.set_document_meta(document.id, {**document.meta, "published": meta["published"]})
            self.flush()  # spans of an earlier copy of this text must be visible to the duplicate check
        self.report.notes += record.notes
        where = Path(record.path) if record.path else path
        stored: list | None = [] if record.events else None
        self.take_spans(document.id, record.text, record.spans, where, record.line, new_document=created,
                        stored=stored)
        if record.events:
            self.events.take(record, document.id, created, stored or [], where, self.ids)

    def take_spans(self, document_id: int, text: str, raws: list[SpanRecord], path: Path, line: int | None,
                   new_document: bool = False, seen: dict[tuple, str | None] | None = None,
                   stored: list | None = None) -> None:
        """Check and queue the spans; with ``stored``, list for each what it is stored as
        (a row's id, annotator and label, those of the span already stored or its content,
        or None for a span skipped as bad), for the events that name them."""
        seen = {} if seen is None else seen
        queued = len(self.pending)
        for index, raw in enumerate(raws):
            try:
                row = self._checked_row(raw, index, document_id, text, path, line, new_document, seen)
            except FormatError as err:
                if not self.skip_bad:
                    raise
                self.report.skipped.append(str(err))
                if stored is not None:
                    stored.append(None)
                continue
            if row is not None:
                self.pending.append(row)
            if stored is not None:
                stored.append((row[0], row[2], row[3]) if row is not None else self.existing)
        if len(self.pending) > queued:  # new spans without a value given get the computed one
            self.pending[queued:] = with_computed_values(self._document(document_id), self.pending[queued:])
        if len(self.pending) >= self.BATCH:
            self.flush()

    def _document(self, document_id: int) -> Document:
        if self.last_document is None or self.last_document.id != document_id:
            self.last_document = self.store.document(document_id)
        return self.last_document

    def _name(self, value: object, what: str) -> str:
        """A name, label or id checked by the one rule in core; raises InvalidName."""
        if type(value) is str:
            checked = self.names.get(value)
            if checked is None:
                checked = self.names[value] = clean_name(value, what)
                if checked != value:  # said once per name, in the import's "read leniently" list
                    self.report.notes.append(f"{what} {value!r} read as {checked!r}: surrounding whitespace is dropped")
            return checked
        return clean_name(value, what)

    def _checked_row(self, raw: SpanRecord, index: int, document_id: int, text: str, path: Path,
                     line: int | None, new_document: bool, seen: dict[tuple, str | None]) -> tuple | None:
        try:
            covered = check_span(text, raw.start, raw.end, raw.text)
        except SpanError as err:
            raise _span_problem(raw, index, path, line, str(err)) from None
        try:
            label = self._name(raw.label, "label")
            annotator = self.annotator if raw.annotator is None else self._name(raw.annotator, "annotator")
            span_id = None if raw.id is None else self._name(raw.id, "span id")
        except InvalidName as err:
            raise _span_problem(raw, index, path, line, str(err)) from None
        if raw.attrs:
            refuse_lone_surrogates(raw.attrs, str(path), raw.line or line)
        if raw.value is not None:
            refuse_lone_surrogates(raw.value, str(path), raw.line or line)
            problem = value_problem(label, raw.value)
            if problem is not None:
                raise _span_problem(raw, index, path, line, f"its value is refused: {problem}")
        if label not in self.labels:
            if not self.add_labels:
                raise _span_problem(raw, index, path, line, "unknown label (add it to the schema with --add-labels)")
            self.store.add_label(Label(label, UNKNOWN_LABEL_COLOR))
            self.labels.add(label)
        content = (document_id, annotator, label, raw.start, raw.end)
        if span_id is not None and self._known_id(span_id, content, raw, index, path, line):
            self.report.spans_existing += 1
            self.existing = (span_id, annotator, label)
            return None
        natural = content[1:]
        if span_id is None:
            if natural in seen:  # the same span twice in one document's input
                self.report.spans_existing += 1
                earlier = seen[natural]
                self.existing = (earlier, annotator, label) if earlier is not None else natural
                return None
        if not new_document and self.store.has_span(document_id, annotator, label, raw.start, raw.end):
            self.report.spans_existing += 1  # a format that keeps no ids (or other ids) brought it back
            self.existing = natural  # its id is looked up only if an event names it
            if span_id is None:
                seen[natural] = None
            return None
        if span_id is None:
            span_id = new_span_id()
            seen[natural] = span_id
        else:
            self.ids[span_id] = content
        return (span_id, document_id, annotator, label, raw.start, raw.end, covered, raw.attrs, raw.origin,
                raw.value, raw.value_edited)

    def _known_id(self, span_id: str, content: tuple, raw: SpanRecord, index: int, path: Path,
                  line: int | None) -> bool:
        """Whether the id is already this span's (in the project or earlier in this import);
        refuses it when another span holds it. A format that keeps no annotator matches on the rest."""
        held = self.ids.get(span_id)
        where = "earlier in this import"
        if held is None:
            existing = self.store.span(span_id)  # ids are global: another document may hold it
            if existing is None:
                return False
            held = (existing.document_id, existing.annotator, existing.label, existing.start, existing.end)
            where = f"in this project (document {existing.document_id})"
        same = held == content or (raw.annotator is None and held[0] == content[0] and held[2:] == content[2:])
        if same:
            return True
        raise _span_problem(raw, index, path, line, f"span id {span_id} is already used {where} by another span "
                                                    f"({held[1]}, {held[2]} {held[3]}-{held[4]}); ids are unique "
                                                    "across the project")

    def take_span_rows(self, rows: Iterable[tuple[int, int, SpanRecord]], path: Path) -> None:
        csv_seen: dict[int, dict[tuple, str | None]] = {}
        for line, document_id, raw in rows:
            try:
                text = self.store.document_text(document_id)
            except DocumentNotFound:
                problem = FormatError(str(path), f"no document with id {document_id} in this project "
                                                 "(a CSV holds spans, not articles: import the articles first)", line)
                if not self.skip_bad:
                    raise problem from None
                self.report.skipped.append(str(problem))
                continue
            # Rows still waiting to be inserted are not in the database yet: remember
            # each document's spans across the file, so a repeated row is caught too.
            self.take_spans(document_id, text, [raw], path, line, seen=csv_seen.setdefault(document_id, {}))


def import_paths(
    store: ProjectStore,
    paths: Iterable[str | Path],
    annotator: str,
    encoding: str | None = None,
    add_labels: bool = False,
    progress: Callable[[int, int, Path], None] | None = None,
    fmt: str = AUTO,
    skip_bad_lines: bool = False,
    stdin: IO[bytes] | None = None,
    published: str | None = None,
) -> ImportReport:
    """``published``: an ISO date, the publication date of documents that do not give one (relative
    dates such as أمس are counted from it)."""
    paths = list(paths)
    stdin_bytes = None
    if any(str(p) == "-" for p in paths):
        stdin_bytes = (stdin if stdin is not None else sys.stdin.buffer).read()
    files = collect(paths, fmt, stdin_bytes)
    try:
        annotator = clean_name(annotator, "annotator")
    except InvalidName as err:
        raise FormatError("--annotator", str(err)) from None
    importer = _Importer(store, annotator, add_labels, skip_bad_lines, published)
    skipped = importer.report.skipped if skip_bad_lines else None
    with store.bulk_writes():
        for number, (path, kind) in enumerate(files, start=1):
            spec = _reader(path, kind)
            records = _read(ImportSource(path, encoding, skipped, stdin_bytes), spec)
            if spec.span_rows:
                importer.take_span_rows(records, path)
            else:
                for record in records:
                    importer.take(record, path)
            importer.flush()
            importer.report.files += 1
            if progress:
                progress(number, len(files), path)
    return importer.report

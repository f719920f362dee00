"""What a format module declares about itself, so that import, export, the command line,
auto-detection, the window's menus and the README's table all come from one place.

Each format module ends with ``FORMAT = FileFormat(...)``; ``registry.py`` lists them.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from annotator.core.model import Document, Span

if TYPE_CHECKING:  # the export options name writers' options, and the writers are these modules
    from annotator.formats.exporting import ExportOptions
    from annotator.formats.tagging import AlignmentReport
    from annotator.store import ProjectStore

Items = Iterable[tuple[Document, list[Span]]]

# The window translates titles in this context (Qt's lupdate finds them by the marker below).
TITLE_CONTEXT = "Formats"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name Qt's lupdate looks for
    """Marks ``text`` for translation without importing Qt: the formats layer stays Qt-free
    and the window calls ``QCoreApplication.translate(TITLE_CONTEXT, title)``."""
    return text


class Target(Enum):
    """Where an export goes and what an import reads."""

    STREAM = "stream"  # text through a stream: standard output and input included
    FILE = "file"  # a file the format opens itself, by path
    FOLDER = "folder"  # a folder of files


# What an export's count counts.
DOCUMENTS, SPANS, TASKS, EVENTS = "document(s)", "span(s)", "task(s)", "event(s)"

STDIN = Path("<standard input>")  # what ``-`` names, in messages too


@dataclass(frozen=True)
class ImportSource:
    """One file to read (or standard input, whose bytes are ``stdin``)."""

    path: Path
    encoding: str | None = None
    skipped: list[str] | None = None  # given: a reader that can lists bad lines here and goes on
    stdin: bytes | None = None

    @property
    def name(self) -> str:
        return str(self.path)

    @property
    def is_stdin(self) -> bool:
        return self.path == STDIN

    def text_stream(self) -> IO[str]:
        if self.is_stdin:
            return io.TextIOWrapper(io.BytesIO(self.stdin or b""), encoding=self.encoding or "utf-8-sig", newline="")
        return self.path.open(encoding=self.encoding or "utf-8-sig", newline="")


@dataclass(frozen=True)
class ExportContext:
    """What a writer may need beside the documents: the options, the report of spans moved
    to token edges, and the project (for the label list some formats write beside)."""

    store: ProjectStore
    options: ExportOptions
    report: AlignmentReport


Reader = Callable[[ImportSource], Iterator[Any]]
StreamWriter = Callable[[Items, IO[str], ExportContext], int]
PathWriter = Callable[[Items, Path, ExportContext], int]


@dataclass(frozen=True)
class FileFormat:
    name: str  # the --format value
    title: str  # English; wrapped in QT_TRANSLATE_NOOP(TITLE_CONTEXT, ...) so the window can translate it
    suffixes: tuple[str, ...]  # claimed for auto-detection; the first names an export file
    target: Target
    offsets: str  # what its span positions count, for the README's table
    read: Reader | None = None  # None: export only
    write: StreamWriter | None = None  # writes text to a stream (a file or standard output)
    write_path: PathWriter | None = None  # writes a file or folder itself, replacing it only on success
    write_beside: Callable[[Path, ExportContext], None] | None = None  # files next to the export
    unit: str = DOCUMENTS
    encoding: str = "utf-8"
    lean: bool = False  # the writer reads only a span's label, edges and attributes
    span_rows: bool = False  # read yields (line, document_id, SpanRecord) onto documents already stored
    # Auto-detection: ``sniff`` tests the start of a file (the first line whole), lowest
    # ``sniff_rank`` first; ``sniffed_in`` are other formats' suffixes in which it is tried too.
    sniff: Callable[[str], bool] | None = None
    sniff_rank: int = 0
    sniffed_in: tuple[str, ...] = ()
    claims_folder: Callable[[Path], bool] | None = None  # a folder that is one of its exports
    found_in_folders: bool = False  # its files are picked up when a folder of articles is imported
    may_replace_folder: Callable[[Path], bool] | None = None  # an existing folder an export may replace
    not_importable: str = ""  # said when a file sniffed as this export-only format is imported

    @property
    def suffix(self) -> str:
        """Of the export file, or "" when the export is a folder."""
        return "" if self.target is Target.FOLDER else self.suffixes[0]

    @property
    def can_import(self) -> bool:
        return self.read is not None

    @property
    def can_export(self) -> bool:
        return self.write is not None or self.write_path is not None


def first_line_object(head: str) -> Any:
    """The first non-blank line of ``head`` parsed as JSON, or None when it is not JSON."""
    line = head.lstrip().split("\n", 1)[0]
    try:
        return json.loads(line)
    except (json.JSONDecodeError, RecursionError):
        return None


def read_text_stream(read: Callable[..., Iterator[Any]], keeps_going: bool = False) -> Reader:
    """A reader of a text stream ``read(stream, name[, skipped])`` as a ``Reader``."""

    def reader(source: ImportSource) -> Iterator[Any]:
        with source.text_stream() as stream:
            if keeps_going:
                yield from read(stream, source.name, source.skipped)
            else:
                yield from read(stream, source.name)

    return reader

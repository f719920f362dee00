"""Plain ``.txt`` articles: one file, one document."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from annotator.core.decoding import DecodeError, decode_article
from annotator.formats.records import DocumentRecord, FormatError
from annotator.formats.spec import QT_TRANSLATE_NOOP, FileFormat, ImportSource, Target

MAX_BYTES = 50 * 1024 * 1024  # far beyond any article; protects the GUI from a mistaken pick


def read(path: Path, encoding: str | None = None) -> DocumentRecord:
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise FormatError(str(path), f"the file is {size / 2**20:.0f} MiB; an article may be at most "
                                     f"{MAX_BYTES // 2**20} MiB")
    record = read_bytes(path.read_bytes(), str(path), encoding)
    record.title, record.source = path.stem, path.name
    return record


def read_bytes(data: bytes, name: str, encoding: str | None = None) -> DocumentRecord:
    """One article from bytes already read (standard input); ``name`` is for messages."""
    if len(data) > MAX_BYTES:
        raise FormatError(name, f"{len(data) / 2**20:.0f} MiB; an article may be at most {MAX_BYTES // 2**20} MiB")
    try:
        decoded = decode_article(data, encoding)
    except DecodeError as err:
        raise FormatError(name, str(err)) from None
    meta = {"encoding": decoded.encoding, "newline": decoded.newline}
    if decoded.had_bom:
        meta["bom"] = True
    return DocumentRecord(text=decoded.text, meta=meta)


def _read_source(source: ImportSource) -> Iterator[DocumentRecord]:
    if source.is_stdin:
        yield read_bytes(source.stdin or b"", source.name, source.encoding)
    else:
        yield read(source.path, source.encoding)


# No sniffing: what no other format recognises is read as plain text.
FORMAT = FileFormat("text", QT_TRANSLATE_NOOP("Formats", "Plain text"), (".txt",), Target.STREAM, "(no spans)",
                    read=_read_source, found_in_folders=True)

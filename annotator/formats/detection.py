"""Recognising a file's format from its name and, where the name does not settle it, its
first characters: every rule comes from the formats' declarations in the registry.

A suffix claimed by one format, in which no other format sniffs, decides alone (``.csv``,
``.json``, ``.conll``). Otherwise the formats that claim or sniff in that suffix test the
content, lowest ``sniff_rank`` first, and the first format claiming the suffix takes what
none recognises (``.jsonl``: doccano, else ours; ``.txt``: CoNLL, else plain text). A file
with no suffix (or standard input) is tested by every format; anything else is plain text.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO

from annotator.formats.records import FormatError
from annotator.formats.registry import FALLBACK, FORMATS
from annotator.formats.spec import FileFormat

SNIFF_BYTES = 64 * 1024
FOLDER = "folder"  # what detect_format says of a folder no format claims: its files are imported one by one
_LONGEST_HEAD = 64 * 1024 * 1024  # a first line longer than this is no format's


def _head_bytes(stream: IO[bytes]) -> bytes:
    """The first SNIFF_BYTES, and at least the first non-blank line whole: a JSON line is
    recognised only when it parses, and an article on one line can be longer than that."""
    data = stream.read(SNIFF_BYTES)
    while b"\n" not in data.lstrip() and len(data) < _LONGEST_HEAD:
        more = stream.read(SNIFF_BYTES)
        if not more:
            break
        data += more
    return data


def head_text(data: bytes) -> str:
    return data.decode("utf-8-sig", errors="replace").removeprefix("\ufeff")


def head_of_file(path: Path) -> str:
    """The start of a file as text, for recognising its format (never for importing it)."""
    with path.open("rb") as stream:
        return head_text(_head_bytes(stream))


def head_of_bytes(data: bytes) -> str:
    import io

    return head_text(_head_bytes(io.BytesIO(data)))


def _recognised(fmt: FileFormat, name: str) -> str:
    if not fmt.can_import:
        raise FormatError(name, fmt.not_importable or f"{fmt.title} files are export only")
    return fmt.name


def _sniffed(head: str, testers: list[FileFormat], name: str) -> FileFormat | None:
    order = list(FORMATS)
    for fmt in sorted(testers, key=lambda f: (f.sniff_rank, order.index(f.name))):
        if fmt.sniff is not None and fmt.sniff(head):
            return fmt
    return None


def sniff_content(head: str, name: str) -> str:
    """The format of a file without a telling name (standard input, a corpus file with no
    extension), from its first characters."""
    head = head.removeprefix("\ufeff")
    found = _sniffed(head, [f for f in FORMATS.values() if f.sniff is not None], name)
    return _recognised(found or FALLBACK, name)


def detect_format(path: Path) -> str:
    if path.is_dir():
        for fmt in FORMATS.values():
            if fmt.can_import and fmt.claims_folder is not None and fmt.claims_folder(path):
                return fmt.name
        return FOLDER
    suffix = path.suffix.lower()
    if not suffix:  # corpora often ship CoNLL files with no extension
        return sniff_content(head_of_file(path), str(path))
    claimants = [f for f in FORMATS.values() if suffix in f.suffixes]
    guests = [f for f in FORMATS.values() if suffix in f.sniffed_in and f.sniff is not None]
    if len(claimants) == 1 and not guests:
        return _recognised(claimants[0], str(path))
    found = _sniffed(head_of_file(path), claimants + guests, str(path)) if claimants or guests else None
    if found is None:
        found = next((f for f in claimants if f.can_import), FALLBACK)
    return _recognised(found, str(path))


def folder_suffixes() -> set[str]:
    """What is imported from inside a folder of articles."""
    return {suffix for fmt in FORMATS.values() if fmt.found_in_folders for suffix in fmt.suffixes}

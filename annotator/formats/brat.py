"""brat standoff: a folder of ``NAME.txt`` with ``NAME.ann`` beside it.

``T1<TAB>LABEL START END<TAB>text``, code points, end exclusive; discontinuous
fragments ``START END;START END``. The .txt is written with LF line ends and read with
``newline=""``, because readers that fold CRLF would shift every later offset; stored
text with CRLF is written with LF and its offsets moved to match. The span's annotator
goes in an ``AnnotatorNotes`` line, so it survives the round trip.

Beside the files, ``annotator-manifest.json`` records which stored text each file came
from, so that importing the folder back puts the spans on the original text, CRLF and
all; other tools ignore it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from annotator.core.model import Document, Span
from annotator.formats.records import DocumentRecord, FormatError, SpanRecord

_TEXTBOUND = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$")


def _lf_offsets(text: str) -> tuple[str, list[int]]:
    """Text with CRLF as LF, and for each code point its offset in that text."""
    shift, table = 0, []
    for i, ch in enumerate(text):
        table.append(i - shift)
        if ch == "\r" and text[i + 1:i + 2] == "\n":
            shift += 1
    table.append(len(text) - shift)
    return text.replace("\r\n", "\n"), table


MANIFEST = "annotator-manifest.json"


def write(items: Iterable[tuple[Document, list[Span]]], folder: Path) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    count = 0
    manifest = {}
    for document, spans in items:
        name = f"{document.id:05d}"
        text, table = _lf_offsets(document.text)
        lines = []
        for n, span in enumerate(spans, start=1):
            start, end = table[span.start], table[span.end]
            covered = text[start:end]
            if "\n" in covered:  # brat keeps one line per annotation: split at line breaks
                pieces, at = [], start
                for part in covered.split("\n"):
                    if part:
                        pieces.append((at, at + len(part)))
                    at += len(part) + 1
                offsets = ";".join(f"{a} {b}" for a, b in pieces)
                shown = " ".join(text[a:b] for a, b in pieces)
            else:
                offsets, shown = f"{start} {end}", covered
            lines.append(f"T{n}\t{span.label} {offsets}\t{shown}")
            lines.append(f"#{n}\tAnnotatorNotes T{n}\tannotator={span.annotator}")
        (folder / f"{name}.txt").write_text(text, encoding="utf-8", newline="")
        (folder / f"{name}.ann").write_text("".join(line + "\n" for line in lines), encoding="utf-8", newline="")
        if "\r\n" in document.text:
            manifest[name] = {"text_sha256": document.text_sha256, "newline": "crlf"}
        count += 1
    if manifest:
        (folder / MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return count


def _restore_crlf(record: DocumentRecord, expected_sha: str) -> DocumentRecord:
    """Our own export of a CRLF text: put the CRs back and move the offsets with them."""
    from annotator.core.model import text_sha256

    original = record.text.replace("\n", "\r\n")
    if text_sha256(original) != expected_sha:
        return record  # edited since: keep it as it is
    table, shift = [], 0
    for i, ch in enumerate(record.text):
        table.append(i + shift)
        if ch == "\n":
            shift += 1
    table.append(len(record.text) + shift)
    for span in record.spans:
        span.start, span.end = table[span.start], table[span.end]
        span.text = original[span.start:span.end]
    record.text = original
    return record


def read_pair(ann: Path) -> DocumentRecord:
    txt = ann.with_suffix(".txt")
    if not txt.exists():
        raise FormatError(str(ann), f"no text file {txt.name} beside it")
    try:
        text = txt.read_text(encoding="utf-8-sig", errors="strict")
        lines = ann.read_text(encoding="utf-8").split("\n")
    except UnicodeDecodeError as err:
        raise FormatError(str(txt if "txt" in str(err) else ann), f"not valid UTF-8 at byte {err.start}") from None
    if not text.strip():
        raise FormatError(str(txt), "the text file is empty")
    spans: dict[str, SpanRecord] = {}
    annotators: dict[str, str] = {}
    for number, line in enumerate(lines, start=1):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        if line.startswith("#") and "\tAnnotatorNotes " in line:
            _, target, note = (line.split("\t") + ["", ""])[:3]
            target = target.removeprefix("AnnotatorNotes ").strip()
            if note.startswith("annotator="):
                annotators[target] = note.removeprefix("annotator=")
            continue
        if not line.startswith("T"):
            continue  # relations, events, attributes: not part of this schema
        match = _TEXTBOUND.match(line)
        if not match:
            raise FormatError(str(ann), "not a text-bound annotation (T<n> TAB LABEL START END TAB text)", number)
        key, label, offsets, shown = match.groups()
        fragments = [tuple(map(int, part.split())) for part in offsets.split(";")]
        start, end = fragments[0][0], fragments[-1][1]
        if any(b > len(text) for _, b in fragments):
            raise FormatError(str(ann), f"{key}: offsets {offsets} point past the end of {txt.name} "
                                        f"({len(text)} characters)", number)
        expected = " ".join(text[a:b] for a, b in fragments)
        if expected != shown:
            raise FormatError(str(ann), f"{key}: text {shown!r} does not match {txt.name} at {offsets} "
                                        f"({expected!r})", number)
        attrs = {"fragments": [list(f) for f in fragments]} if len(fragments) > 1 else {}
        spans[key] = SpanRecord(start, end, label, text[start:end], attrs=attrs)
    for key, span in spans.items():
        span.annotator = annotators.get(key)
    return DocumentRecord(text=text, title=txt.stem, spans=list(spans.values()), source=txt.name)


def read(folder: Path) -> Iterator[DocumentRecord]:
    files = sorted(folder.rglob("*.ann")) if folder.is_dir() else [folder]
    if not files:
        raise FormatError(str(folder), "no .ann files in this folder")
    for ann in files:
        record = read_pair(ann)
        manifest_path = ann.parent / MANIFEST
        if manifest_path.exists():
            try:
                entry = json.loads(manifest_path.read_text(encoding="utf-8")).get(ann.stem)
            except (json.JSONDecodeError, AttributeError):
                entry = None
            if isinstance(entry, dict) and entry.get("newline") == "crlf":
                record = _restore_crlf(record, str(entry.get("text_sha256")))
        yield record

"""brat standoff: a folder of ``NAME.txt`` with ``NAME.ann`` beside it.

``T1<TAB>LABEL START END<TAB>text``, code points, end exclusive; discontinuous
fragments ``START END;START END``. The .txt is written with LF line ends and read with
``newline=""``, because brat counts every character, CR included, and readers that fold
CRLF would shift every later offset; stored text with CRLF is written with LF and its
offsets moved to match. The span's annotator and id go in two ``AnnotatorNotes`` lines,
so they survive the round trip. A type is one word of letters, digits, ``_``, ``-`` and
``/`` (brat splits on the space; bratly's grammar allows no more): any other character
of a label becomes ``_`` (``car bomb`` is ``car_bomb``, numbered if that is taken) and
the manifest records which label each such type stands for, so the reader restores it.

Beside the files, ``annotator-manifest.json`` records which stored text each file came
from, so that importing the folder back puts the spans on the original text, CRLF and
all; other tools ignore it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from annotator.core.decoding import NO_TEXT, is_blank
from annotator.core.model import Document, Span
from annotator.formats.output_files import replaced_on_success
from annotator.formats.records import DocumentRecord, FormatError, SpanRecord
from annotator.formats.spec import QT_TRANSLATE_NOOP, ExportContext, FileFormat, Target

_TEXTBOUND = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$")
_NOT_IN_A_TYPE = re.compile(r"[^\w/-]")
# After CRLF became LF, a lone CR is still a break: brat keeps one line per annotation.
_LINE_BREAK = re.compile(r"[\r\n]")


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
LABELS_KEY = "labels"  # in the manifest: {type: label} for each label written as another type


class _TypeNames:
    """Each label's brat type: the label itself where it is one, else a new name, unique
    in the export; ``renamed`` is what the manifest records."""

    def __init__(self) -> None:
        self.of_label: dict[str, str] = {}
        self.renamed: dict[str, str] = {}
        self.taken: set[str] = set()

    def __call__(self, label: str) -> str:
        name = self.of_label.get(label)
        if name is None:
            base = name = _NOT_IN_A_TYPE.sub("_", label)
            number = 1
            while name in self.taken:  # "car bomb" and "car_bomb" both in one export
                number += 1
                name = f"{base}-{number}"
            self.of_label[label] = name
            self.taken.add(name)
            if name != label:
                self.renamed[name] = label
        return name


def write(items: Iterable[tuple[Document, list[Span]]], folder: Path) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    count = 0
    manifest: dict = {}
    type_of = _TypeNames()
    for document, spans in items:
        name = f"{document.id:05d}"
        text, table = _lf_offsets(document.text)
        lines = []
        for n, span in enumerate(spans, start=1):
            start, end = table[span.start], table[span.end]
            covered = text[start:end]
            if _LINE_BREAK.search(covered):  # brat keeps one line per annotation: split at line breaks
                pieces, at = [], start
                for part in _LINE_BREAK.split(covered):
                    if part:
                        pieces.append((at, at + len(part)))
                    at += len(part) + 1
                offsets = ";".join(f"{a} {b}" for a, b in pieces)
                shown = " ".join(text[a:b] for a, b in pieces)
            else:
                offsets, shown = f"{start} {end}", covered
            lines.append(f"T{n}\t{type_of(span.label)} {offsets}\t{shown}")
            lines.append(f"#{2 * n - 1}\tAnnotatorNotes T{n}\tannotator={span.annotator}")
            lines.append(f"#{2 * n}\tAnnotatorNotes T{n}\tid={span.id}")
        (folder / f"{name}.txt").write_text(text, encoding="utf-8", newline="")
        (folder / f"{name}.ann").write_text("".join(line + "\n" for line in lines), encoding="utf-8", newline="")
        if "\r\n" in document.text:
            manifest[name] = {"text_sha256": document.text_sha256, "newline": "crlf"}
        count += 1
    if type_of.renamed:
        manifest[LABELS_KEY] = type_of.renamed
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
    reading = txt
    try:
        # newline="": brat counts a CR as a character, so CRLF and a lone CR stay as they are.
        with txt.open(encoding="utf-8-sig", newline="") as stream:
            text = stream.read()
        reading = ann
        with ann.open(encoding="utf-8", newline="") as stream:
            lines = stream.read().split("\n")
    except UnicodeDecodeError as err:
        raise FormatError(str(reading), f"not valid UTF-8 at byte {err.start}") from None
    if is_blank(text):
        raise FormatError(str(txt), NO_TEXT)
    spans: dict[str, SpanRecord] = {}
    annotators: dict[str, str] = {}
    ids: dict[str, str] = {}
    for number, line in enumerate(lines, start=1):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        if line.startswith("#") and "\tAnnotatorNotes " in line:
            _, target, note = (line.split("\t") + ["", ""])[:3]
            target = target.removeprefix("AnnotatorNotes ").strip()
            if note.startswith("annotator="):
                annotators[target] = note.removeprefix("annotator=")
            elif note.startswith("id="):
                ids[target] = note.removeprefix("id=")
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
        spans[key] = SpanRecord(start, end, label, text[start:end], attrs=attrs, line=number)
    for key, span in spans.items():
        span.annotator = annotators.get(key)
        span.id = ids.get(key)
    return DocumentRecord(text=text, title=txt.stem, spans=list(spans.values()), source=txt.name, path=str(ann))


def _manifest(folder: Path) -> dict:
    """Our manifest beside the files, or {} (none, or not ours to read: other tools ignore it, so do we)."""
    path = folder / MANIFEST
    if not path.exists():
        return {}
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError):
        return {}
    return found if isinstance(found, dict) else {}


def read(folder: Path) -> Iterator[DocumentRecord]:
    files = sorted(folder.rglob("*.ann")) if folder.is_dir() else [folder]
    if not files:
        raise FormatError(str(folder), "no .ann files in this folder")
    manifests: dict[Path, dict] = {}
    for ann in files:
        record = read_pair(ann)
        manifest = manifests.get(ann.parent)
        if manifest is None:
            manifest = manifests[ann.parent] = _manifest(ann.parent)
        labels = manifest.get(LABELS_KEY)
        if isinstance(labels, dict):
            for span in record.spans:
                original = labels.get(span.label)
                if isinstance(original, str):
                    span.label = original
        entry = manifest.get(ann.stem)
        if isinstance(entry, dict) and entry.get("newline") == "crlf":
            record = _restore_crlf(record, str(entry.get("text_sha256")))
        yield record


def _write(items: Iterable[tuple[Document, list[Span]]], folder: Path, _: ExportContext) -> int:
    with replaced_on_success(folder) as staged:
        return write(items, staged)


FORMAT = FileFormat(
    "brat", QT_TRANSLATE_NOOP("Formats", "brat standoff (folder)"), (".ann",), Target.FOLDER,
    "code points (text with LF line ends)", read=lambda source: read(source.path), write_path=_write,
    claims_folder=lambda folder: any(folder.rglob("*.ann")))

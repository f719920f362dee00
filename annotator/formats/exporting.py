"""Writing a project out in any export format; shared by the command line and the GUI.

What goes out can be narrowed to some annotators, labels and documents, and split into
train/dev/test by document with a seed (the same seed, the same split).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from annotator.core.model import Document, Span
from annotator.formats import brat, conll, csv_table, doccano, hf, jsonl, labelstudio, spacy_format
from annotator.formats.conll import TagOptions
from annotator.formats.output_files import replaced_on_success, write_text_replacing
from annotator.formats.tagging import AlignmentReport
from annotator.store import Store

Items = Iterable[tuple[Document, list[Span]]]


@dataclass
class ExportOptions:
    annotators: list[str] | None = None
    labels: list[str] | None = None
    documents: list[int] | None = None
    tags: TagOptions = field(default_factory=TagOptions)
    progress: Callable[[int, int], None] | None = None
    docbin_shard_tokens: int = spacy_format.DOCBIN_SHARD_TOKENS  # past this, a folder of DocBins


@dataclass(frozen=True)
class Exporter:
    name: str
    title: str
    suffix: str  # of the output file, or "" for a folder
    unit: str  # what the count counts
    encoding: str = "utf-8"


EXPORTERS: dict[str, Exporter] = {e.name: e for e in (
    Exporter("jsonl", "JSON Lines (Annotator)", ".jsonl", "document(s)"),
    Exporter("csv", "CSV (spreadsheets)", ".csv", "span(s)", "utf-8-sig"),  # the BOM makes spreadsheets read UTF-8
    Exporter("conll", "CoNLL / BIO", ".conll", "document(s)"),
    Exporter("spacy", "spaCy DocBin", ".spacy", "document(s)"),
    Exporter("hf", "Hugging Face datasets", ".jsonl", "document(s)"),
    Exporter("doccano", "doccano", ".jsonl", "document(s)"),
    Exporter("labelstudio", "Label Studio", ".json", "task(s)"),
    Exporter("brat", "brat standoff (folder)", "", "document(s)"),
)}
SPLITS = ("train", "dev", "test")


# Token formats read only a span's label, edges and attributes: they take lean spans.
_LEAN_FORMATS = {"conll", "hf"}


def selected(store: Store, options: ExportOptions, only: set[int] | None = None,
             lean: bool = False) -> Iterator[tuple[Document, list[Span]]]:
    wanted_docs = set(options.documents) if options.documents else None
    wanted_labels = set(options.labels) if options.labels else None
    total = len(wanted_docs) if wanted_docs else store.document_count()
    done = 0
    for document, spans in store.iter_documents_with_spans(options.annotators, lean):
        if (wanted_docs is not None and document.id not in wanted_docs) or (only is not None and document.id not in only):
            continue
        if wanted_labels is not None:
            spans = [s for s in spans if s.label in wanted_labels]
        yield document, spans
        done += 1
        if options.progress:
            options.progress(done, total)


def _write_stream(fmt: str, items: Items, stream: IO[str], options: ExportOptions, report: AlignmentReport) -> int:
    if fmt == "jsonl":
        return jsonl.write(items, stream)
    if fmt == "csv":
        return csv_table.write(items, stream)
    if fmt == "conll":
        return conll.write(items, stream, options.tags, report)
    if fmt == "hf":
        return hf.write(items, stream, options.tags, report)
    if fmt == "doccano":
        return doccano.write(items, stream)
    if fmt == "labelstudio":
        return labelstudio.write(items, stream)
    if fmt == "spacy":
        return spacy_format.write_jsonl(items, stream)
    raise ValueError(f"unknown export format {fmt!r}")


def write_stream(store: Store, fmt: str, stream: IO[str], options: ExportOptions | None = None,
                 report: AlignmentReport | None = None) -> int:
    """Formats that stream to one text file (standard output included)."""
    options = options or ExportOptions()
    return _write_stream(fmt, selected(store, options, lean=fmt in _LEAN_FORMATS), stream, options,
                         report or AlignmentReport())


def _atomic_file(path: Path, encoding: str, write: Callable[[IO[str]], int]) -> int:
    """Write beside ``path`` and move into place only when complete, so a failed export
    never leaves half a file where a good one was."""
    with replaced_on_success(path) as staged, staged.open("w", encoding=encoding, newline="") as stream:
        return write(stream)


def _export_one(store: Store, fmt: str, path: Path, options: ExportOptions, report: AlignmentReport,
                only: set[int] | None) -> int:
    items = selected(store, options, only, lean=fmt in _LEAN_FORMATS)
    if fmt == "brat":
        with replaced_on_success(path) as staged:
            return brat.write(items, staged)
    if fmt == "spacy" and path.suffix.lower() != ".jsonl":
        with replaced_on_success(path) as staged:
            count = spacy_format.write_docbin(items, staged, report, options.tags.strict, options.docbin_shard_tokens)
            spacy_format.make_room(staged, path)
        return count
    count = _atomic_file(path, EXPORTERS[fmt].encoding, lambda stream: _write_stream(fmt, items, stream, options, report))
    if fmt == "hf":
        import json

        names = hf.tag_names([l for l in store.labels() if not options.labels or l.name in options.labels],
                             options.tags.scheme)
        write_text_replacing(path.with_suffix(".labels.json"), json.dumps(names, ensure_ascii=False, indent=1))
    if fmt == "labelstudio":
        write_text_replacing(path.with_suffix(".label_config.xml"), labelstudio.label_config(store.labels()))
    return count


def split_documents(ids: list[int], ratios: tuple[float, float, float], seed: int) -> dict[str, set[int]]:
    """Documents shuffled with ``seed`` and cut in the given proportions."""
    shuffled = sorted(ids)
    random.Random(seed).shuffle(shuffled)
    total = sum(ratios)
    train_end = round(len(shuffled) * ratios[0] / total)
    dev_end = train_end + round(len(shuffled) * ratios[1] / total)
    return {"train": set(shuffled[:train_end]), "dev": set(shuffled[train_end:dev_end]), "test": set(shuffled[dev_end:])}


def split_path(path: Path, part: str) -> Path:
    if path.suffix:
        return path.with_name(f"{path.stem}-{part}{path.suffix}")
    return path / part


def export_to_path(store: Store, fmt: str, path: Path, options: ExportOptions | None = None,
                   report: AlignmentReport | None = None, split: tuple[float, float, float] | None = None,
                   seed: int = 0) -> int:
    """Export to ``path`` (a folder for brat); with ``split``, to one file per part."""
    options = options or ExportOptions()
    report = report if report is not None else AlignmentReport()
    if fmt not in EXPORTERS:
        raise ValueError(f"unknown export format {fmt!r}")
    if split is None:
        return _export_one(store, fmt, path, options, report, None)
    ids = [d for d in store.document_ids() if not options.documents or d in options.documents]
    parts = split_documents(ids, split, seed)
    return sum(_export_one(store, fmt, split_path(path, part), options, report, parts[part]) for part in SPLITS)

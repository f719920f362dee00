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

from annotator.core.model import SUGGESTED, Document, Span
from annotator.formats import spacy_format
from annotator.formats.conll import TagOptions
from annotator.formats.output_files import write_stream_replacing
from annotator.formats.registry import EXPORTERS, FORMATS
from annotator.formats.spec import ExportContext, FileFormat
from annotator.formats.tagging import AlignmentReport
from annotator.store import ProjectStore

Items = Iterable[tuple[Document, list[Span]]]


@dataclass
class ExportOptions:
    annotators: list[str] | None = None
    labels: list[str] | None = None
    documents: list[int] | None = None
    tags: TagOptions = field(default_factory=TagOptions)
    progress: Callable[[int, int], None] | None = None
    docbin_shard_tokens: int = spacy_format.DOCBIN_SHARD_TOKENS  # past this, a folder of DocBins


SPLITS = ("train", "dev", "test")

__all__ = ["EXPORTERS", "ExportOptions", "export_to_path", "selected", "split_documents", "split_path", "write_stream"]


def selected(store: ProjectStore, options: ExportOptions, only: set[int] | None = None,
             lean: bool = False) -> Iterator[tuple[Document, list[Span]]]:
    wanted_docs = set(options.documents) if options.documents else None
    wanted_labels = set(options.labels) if options.labels else None
    total = len(wanted_docs) if wanted_docs else store.document_count()
    done = 0
    stream = store.iter_documents_with_lean_spans if lean else store.iter_documents_with_spans
    ids = wanted_docs if only is None else (only if wanted_docs is None else wanted_docs & only)
    annotators = options.annotators
    if annotators is None and any(a.name == SUGGESTED for a in store.annotators()):
        annotators = [a.name for a in store.annotators() if a.name != SUGGESTED]  # suggestions only when named
    for document, spans in stream(annotators, ids):  # the store selects: no walk over the rest
        if wanted_labels is not None:
            spans = [s for s in spans if s.label in wanted_labels]
        yield document, spans
        done += 1
        if options.progress:
            options.progress(done, total)


def _exporter(fmt: str) -> FileFormat:
    if fmt not in EXPORTERS:
        raise ValueError(f"unknown export format {fmt!r}")
    return FORMATS[fmt]


def write_stream(store: ProjectStore, fmt: str, stream: IO[str], options: ExportOptions | None = None,
                 report: AlignmentReport | None = None) -> int:
    """Formats that stream to one text file (standard output included)."""
    options = options or ExportOptions()
    exporter = _exporter(fmt)
    if exporter.write is None:
        raise ValueError(f"{fmt} cannot be written to a stream")
    context = ExportContext(store, options, report or AlignmentReport())
    return exporter.write(selected(store, options, lean=exporter.lean), stream, context)


def _export_one(store: ProjectStore, exporter: FileFormat, path: Path, options: ExportOptions,
                report: AlignmentReport, only: set[int] | None) -> int:
    items = selected(store, options, only, lean=exporter.lean)
    context = ExportContext(store, options, report)
    if exporter.write_path is not None:  # writes its file or folder itself, replacing it on success
        count = exporter.write_path(items, path, context)
    else:
        count = write_stream_replacing(path, exporter.encoding, lambda stream: exporter.write(items, stream, context))
    if exporter.write_beside is not None:
        exporter.write_beside(path, context)
    return count


def split_documents(ids: list[int], ratios: tuple[float, float, float], seed: int) -> dict[str, set[int]]:
    """Documents shuffled with ``seed`` and cut in the given proportions."""
    shuffled = sorted(ids)
    random.Random(seed).shuffle(shuffled)
    total = sum(ratios)
    train_end = round(len(shuffled) * ratios[0] / total)
    dev_end = train_end + round(len(shuffled) * ratios[1] / total)
    return {"train": set(shuffled[:train_end]), "dev": set(shuffled[train_end:dev_end]),
            "test": set(shuffled[dev_end:])}


def split_path(path: Path, part: str) -> Path:
    if path.suffix:
        return path.with_name(f"{path.stem}-{part}{path.suffix}")
    return path / part


def export_to_path(store: ProjectStore, fmt: str, path: Path, options: ExportOptions | None = None,
                   report: AlignmentReport | None = None, split: tuple[float, float, float] | None = None,
                   seed: int = 0) -> int:
    """Export to ``path`` (a folder for brat); with ``split``, to one file per part."""
    options = options or ExportOptions()
    report = report if report is not None else AlignmentReport()
    exporter = _exporter(fmt)
    if split is None:
        return _export_one(store, exporter, path, options, report, None)
    ids = [d for d in store.document_ids() if not options.documents or d in options.documents]
    parts = split_documents(ids, split, seed)
    return sum(_export_one(store, exporter, split_path(path, part), options, report, parts[part])
               for part in SPLITS)

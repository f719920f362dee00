"""spaCy training data: a DocBin (``.spacy``) or spaCy-style JSON Lines.

The DocBin is built with spaCy's own blank Arabic pipeline, so its tokens are the ones
spaCy trains on; a span off spaCy's token edges is widened (``alignment_mode="expand"``)
and reported, or refused when strict. ``doc.spans["sc"]`` holds every span, overlaps
included; ``doc.ents`` holds the outer, non-overlapping ones. spaCy is a base dependency,
imported only when a DocBin is read or written (it takes a second to load).

A DocBin is one blob built in memory, so a corpus past ``DOCBIN_SHARD_TOKENS`` tokens is
written as a folder of numbered DocBins (``00001.spacy``, ``00002.spacy``, ...) at the
output path, a shard closed as soon as it holds that many tokens: memory stays flat however
large the corpus, and ``spacy.training.Corpus`` (so ``spacy train --paths.train``) reads a folder as
it reads a file. A smaller corpus stays one file. A document longer than spaCy's
``nlp.max_length`` (1,000,000 characters) is tokenised all the same (only the blank
pipeline's tokenizer runs on it) and the report says so.

The JSON Lines form is ``{"text", "spans": [{"start", "end", "label"}]}`` per document,
code points, the shape spaCy's and Prodigy's tools read.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from annotator.core.model import Document, Span
from annotator.formats.output_files import replaced_on_success, write_stream_replacing
from annotator.formats.records import DocumentRecord, FormatError, SpanRecord
from annotator.formats.spec import QT_TRANSLATE_NOOP, ExportContext, FileFormat, ImportSource, Target, read_text_stream
from annotator.formats.tagging import AlignmentError, AlignmentReport

SPANS_KEY = "sc"


def _spacy():
    try:
        import spacy
        from spacy.tokens import DocBin
    except ImportError:
        raise FormatError("spacy", "spaCy is not installed; install it with: pip install spacy") from None
    return spacy, DocBin


# A DocBin takes about 350 bytes of memory a token while it is built and written (measured
# with bench/docbin_memory.py: 200,000 tokens a shard cost 85 MB more than 50,000), so a
# shard of 50,000 tokens, some 100 news articles, adds under 20 MB to the export's peak.
DOCBIN_SHARD_TOKENS = 50_000
_SHARD = re.compile(r"\d{5}\.spacy")


def write_docbin(items: Iterable[tuple[Document, list[Span]]], path: Path, report: AlignmentReport,
                 strict: bool = False, shard_tokens: int = DOCBIN_SHARD_TOKENS) -> int:
    """One DocBin at ``path``, or, once a document follows ``shard_tokens`` tokens, a
    folder of DocBin shards there (a single long document stays one file)."""
    spacy, DocBin = _spacy()
    from spacy.util import filter_spans

    nlp = spacy.blank("ar")
    docs = DocBin(store_user_data=True)
    count = shard_size = shards = 0
    for document, spans in items:
        if len(document.text) > nlp.max_length:
            # The limit guards the memory of parsers and entity recognisers; a blank
            # pipeline only tokenises, in time and memory linear in the text.
            report.notes.append(f"document {document.id} has {len(document.text):,} characters, over spaCy's "
                                f"nlp.max_length of {nlp.max_length:,}: exported whole (raise nlp.max_length to run "
                                "a pipeline on it)")
        doc = nlp.tokenizer(document.text)
        found = []
        for span in spans:
            piece = doc.char_span(span.start, span.end, label=span.label, alignment_mode="expand")
            if piece is None:
                report.dropped.append((span, "covers no spaCy token"))
                continue
            if (piece.start_char, piece.end_char) != (span.start, span.end):
                if strict:
                    raise AlignmentError(f"document {document.id}: span {span.label} {span.start}-{span.end} "
                                         f"{span.text!r} does not fall on spaCy token edges")
                report.widened.append((span, piece.start_char, piece.end_char))
            found.append(piece)
        doc.spans[SPANS_KEY] = found
        doc.ents = filter_spans(found)  # longest first: the outer spans
        doc.user_data["annotator"] = {"id": document.id, "title": document.title}
        if shard_size >= shard_tokens:  # full, and another document follows: a folder it is
            path.mkdir(exist_ok=True)
            shards += 1
            docs.to_disk(path / f"{shards:05d}.spacy")
            docs, shard_size = DocBin(store_user_data=True), 0
        docs.add(doc)
        count += 1
        shard_size += len(doc)
    if not shards:
        docs.to_disk(path)
        return count
    if len(docs):
        shards += 1
        docs.to_disk(path / f"{shards:05d}.spacy")
    report.notes.append(f"written as a folder of {shards} DocBin shards, a new one after every {shard_tokens:,} "
                        "tokens (spacy.training.Corpus and spacy train read the folder as they read a file)")
    return count


def is_shard_folder(path: Path) -> bool:
    """A folder ``write_docbin`` wrote: numbered DocBins and nothing else."""
    return path.is_dir() and all(entry.is_file() and _SHARD.fullmatch(entry.name) for entry in path.iterdir())


def make_room(written: Path, target: Path) -> None:
    """Before ``written`` (a DocBin or a shard folder) replaces ``target``: a shard folder
    goes where a file was, a file where a shard folder was, and no shard of an earlier,
    larger export is left beside the new ones. Any other folder is not ours to change."""
    if target.is_dir() and not is_shard_folder(target):
        raise FormatError(str(target), "is a folder that holds other files; give a file name for the DocBin")
    if target.is_dir():
        new = {entry.name for entry in written.iterdir()} if written.is_dir() else set()
        for stale in target.iterdir():
            if stale.name not in new:
                stale.unlink()
        if not written.is_dir():
            target.rmdir()
    elif written.is_dir() and target.exists():
        target.unlink()


def read_docbin(path: Path) -> Iterator[DocumentRecord]:
    spacy, DocBin = _spacy()
    nlp = spacy.blank("ar")
    try:
        docs = DocBin().from_disk(path)
    except Exception as err:  # spaCy raises several kinds for a file that is not a DocBin
        raise FormatError(str(path), f"not a spaCy DocBin ({err})") from None
    for number, doc in enumerate(docs.get_docs(nlp.vocab), start=1):
        pieces = doc.spans[SPANS_KEY] if SPANS_KEY in doc.spans else doc.ents
        info = doc.user_data.get("annotator", {}) if isinstance(doc.user_data, dict) else {}
        yield DocumentRecord(
            text=doc.text, title=str(info.get("title") or f"{path.stem} #{number}"),
            spans=[SpanRecord(p.start_char, p.end_char, p.label_, p.text) for p in pieces])


def write_jsonl(items: Iterable[tuple[Document, list[Span]]], stream: IO[str]) -> int:
    count = 0
    for document, spans in items:
        record = {"text": document.text, "meta": {"id": document.id, "title": document.title},
                  "spans": [{"start": s.start, "end": s.end, "label": s.label} for s in spans]}
        stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def _read(source: ImportSource) -> Iterator[DocumentRecord]:
    if source.path.suffix.lower() == ".jsonl":  # spaCy-style JSON Lines reads as ours
        from annotator.formats import jsonl

        yield from read_text_stream(jsonl.read, keeps_going=True)(source)
    else:
        yield from read_docbin(source.path)


def _write(items: Iterable[tuple[Document, list[Span]]], path: Path, context: ExportContext) -> int:
    """A DocBin (or a folder of shards), or spaCy-style JSON Lines when ``path`` ends in .jsonl."""
    if path.suffix.lower() == ".jsonl":
        return write_stream_replacing(path, FORMAT.encoding, lambda stream: write_jsonl(items, stream))
    with replaced_on_success(path) as staged:
        count = write_docbin(items, staged, context.report, context.options.tags.strict,
                             context.options.docbin_shard_tokens)
        make_room(staged, path)
    return count


FORMAT = FileFormat(
    "spacy", QT_TRANSLATE_NOOP("Formats", "spaCy DocBin"), (".spacy",), Target.FILE, "code points",
    read=_read, write=lambda items, stream, _: write_jsonl(items, stream), write_path=_write, found_in_folders=True,
    may_replace_folder=is_shard_folder)

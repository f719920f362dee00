"""spaCy training data: a DocBin (``.spacy``) or spaCy-style JSON Lines.

The DocBin is built with spaCy's own blank Arabic pipeline, so its tokens are the ones
spaCy trains on; a span off spaCy's token edges is widened (``alignment_mode="expand"``)
and reported, or refused when strict. ``doc.spans["sc"]`` holds every span, overlaps
included; ``doc.ents`` holds the outer, non-overlapping ones. spaCy is an optional
dependency (``pip install 'annotator[spacy]'``).

The JSON Lines form is ``{"text", "spans": [{"start", "end", "label"}]}`` per document,
code points, the shape spaCy's and Prodigy's tools read.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from annotator.core.model import Document, Span
from annotator.formats.records import DocumentRecord, FormatError, SpanRecord
from annotator.formats.tagging import AlignmentError, AlignmentReport

SPANS_KEY = "sc"


def _spacy():
    try:
        import spacy
        from spacy.tokens import DocBin
    except ImportError:
        raise FormatError("spacy", "spaCy is not installed; install it with: pip install 'annotator[spacy]'") from None
    return spacy, DocBin


def write_docbin(items: Iterable[tuple[Document, list[Span]]], path: Path, report: AlignmentReport,
                 strict: bool = False) -> int:
    spacy, DocBin = _spacy()
    from spacy.util import filter_spans

    nlp = spacy.blank("ar")
    docs = DocBin(store_user_data=True)
    count = 0
    for document, spans in items:
        doc = nlp.make_doc(document.text)
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
        docs.add(doc)
        count += 1
    docs.to_disk(path)
    return count


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

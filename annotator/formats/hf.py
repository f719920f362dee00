"""Hugging Face token classification data: JSON Lines of ``tokens`` and ``ner_tags``,
one sentence a line, with the tag names listed in order beside it (``*.labels.json``),
ready for ``datasets.load_dataset("json", ..., features=...)`` with a ClassLabel.

Tags are the outer spans' (a token has one tag here); nested spans are reported dropped.
A sentence never cuts a span (see ``tagging.whole_sentences``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO

from annotator.core.model import Document, Label, Span
from annotator.core.tokens import tokens_and_breaks
from annotator.formats.conll import TagOptions
from annotator.formats.output_files import write_text_replacing
from annotator.formats.spec import QT_TRANSLATE_NOOP, ExportContext, FileFormat, Target, first_line_object
from annotator.formats.tagging import AlignmentReport, token_tags, whole_sentences


def tag_names(labels: Iterable[Label], scheme: str = "iob2") -> list[str]:
    prefixes = "BI" if scheme == "iob2" else "BILU"
    return ["O"] + [f"{p}-{label.name}" for label in labels for p in prefixes]


def write(items: Iterable[tuple[Document, list[Span]]], stream: IO[str], options: TagOptions,
          report: AlignmentReport) -> int:
    count = 0
    for document, spans in items:
        tokens, breaks = tokens_and_breaks(document.text, document.meta, options.split_clitics)
        (tags, *_) = token_tags(spans, tokens, document.text, report, options.scheme, True, options.strict)
        sentences = whole_sentences(breaks, [tags], tokens, document.text, document.id, report)
        for number, sentence in enumerate(sentences):
            words = [document.text[tokens[i][0]:tokens[i][1]] for i in sentence]
            row = {"id": f"{document.id}-{number}", "document_id": document.id, "tokens": words,
                   "ner_tags": [tags[i] for i in sentence]}
            if len(row["tokens"]) != len(row["ner_tags"]):  # datasets does not check this; we do
                raise AssertionError(f"document {document.id}: {len(words)} tokens but {len(row['ner_tags'])} tags")
            stream.write(json.dumps(row, ensure_ascii=False) + "\n")
        count += 1
    return count


def _write_tag_names(path: Path, context: ExportContext) -> None:
    wanted = context.options.labels
    names = tag_names([label for label in context.store.labels() if not wanted or label.name in wanted],
                      context.options.tags.scheme)
    write_text_replacing(path.with_suffix(".labels.json"), json.dumps(names, ensure_ascii=False, indent=1))


def _is_hf(head: str) -> bool:
    first = first_line_object(head)
    return isinstance(first, dict) and "tokens" in first and "ner_tags" in first


FORMAT = FileFormat(
    "hf", QT_TRANSLATE_NOOP("Formats", "Hugging Face datasets"), (".jsonl",), Target.STREAM, "tokens",
    write=lambda items, stream, context: write(items, stream, context.options.tags, context.report),
    write_beside=_write_tag_names, lean=True, sniff=_is_hf, sniff_rank=1, sniffed_in=(".ndjson",),
    not_importable="Hugging Face token files are export only: they keep no article text to import; "
                   "import the CoNLL or JSON Lines export instead")

"""Hugging Face token classification data: JSON Lines of ``tokens`` and ``ner_tags``,
one sentence a line, with the tag names listed in order beside it (``*.labels.json``),
ready for ``datasets.load_dataset("json", ..., features=...)`` with a ClassLabel.

Tags are the outer spans' (a token has one tag here); nested spans are reported dropped.
A sentence never cuts a span (see ``tagging.whole_sentences``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO

from annotator.core.model import Document, Label, Span
from annotator.core.tokens import tokens_and_breaks
from annotator.formats.conll import TagOptions
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

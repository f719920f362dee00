"""CoNLL-style token-per-line files: ``TOKEN TAG [TAG ...]``, a blank line between sentences.

Tags are IOB2 by default (BILOU on request), never starting an entity with I-, and no
sentence break falls inside a span (see ``tagging.whole_sentences``). Nested
spans go to further tag columns, as in the Wojood corpus, whose trailing O columns are
left out; ``flat`` keeps only the outer column. Documents are separated by
``-DOCSTART- -X- O O`` (CoNLL-2003, spaCy's converter) or, for documents read from a
Wojood-style file, by its ``$#$ O`` line.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import IO

from annotator.core.model import Document, Span
from annotator.core.tokens import WHITESPACE, tokens_and_breaks
from annotator.formats.records import DocumentRecord, FormatError, SpanRecord, escape_label, unescape_label
from annotator.formats.spec import QT_TRANSLATE_NOOP, FileFormat, Target, read_text_stream
from annotator.formats.tagging import AlignmentReport, decode, token_tags, whole_sentences

DOCSTART = "-DOCSTART- -X- O O"
WOJOOD_SEPARATOR = "$#$ O"


@dataclass
class TagOptions:
    scheme: str = "iob2"
    flat: bool = False
    strict: bool = False
    split_clitics: bool = False


def write(items: Iterable[tuple[Document, list[Span]]], stream: IO[str], options: TagOptions,
          report: AlignmentReport) -> int:
    count = 0
    pending_separator = None  # a Wojood separator waits to learn whether another document follows
    for document, spans in items:
        tokens, breaks = tokens_and_breaks(document.text, document.meta, options.split_clitics)
        spans = _escaped_labels(spans)
        columns = token_tags(spans, tokens, document.text, report, options.scheme, options.flat, options.strict)
        sentences = whole_sentences(breaks, columns, tokens, document.text, document.id, report)
        separator = document.meta.get("conll", {}).get("doc_separator", DOCSTART)
        if pending_separator:
            stream.write(pending_separator + "\n\n")
        elif separator == DOCSTART:
            stream.write(("\n" if count else "") + DOCSTART + "\n\n")
        elif count:
            stream.write("\n")
        text = document.text
        if len(columns) == 1:
            tags = columns[0]
        else:  # nested columns, trailing O columns left out as in Wojood
            tags = [_trim_outside(t) for t in (" ".join(c) for c in zip(*columns))]
        lines = [f"{text[a:b]} {tag}\n" for (a, b), tag in zip(tokens, tags)]
        stream.write("\n".join(["".join(lines[sentence.start:sentence.stop]) for sentence in sentences]))
        pending_separator = separator if separator != DOCSTART else None
        count += 1
    return count


def _escaped_labels(spans: list[Span]) -> list[Span]:
    """A tag is one whitespace-free field: a label's spaces go percent-encoded
    (``B-car%20bomb``), and the reader decodes them."""
    escaped = {label: escape_label(label) for label in {s.label for s in spans}}
    if all(label == shown for label, shown in escaped.items()):
        return spans
    return [s._replace(label=escaped[s.label]) for s in spans]


def _trim_outside(tags: str) -> str:
    """``B-ORG O O`` -> ``B-ORG``: the trailing O columns of a token are left out."""
    while tags.endswith(" O"):
        tags = tags[:-2]
    return tags


class _Builder:
    """Collects one document's sentences and tag columns while lines are read."""

    def __init__(self, path: str, number: int, separator: str):
        self.path, self.number, self.separator = path, number, separator
        self.sentences: list[list[str]] = [[]]
        self.columns: list[list[list[str]]] = [[]]  # per sentence, per token: its tags
        self.lines: list[int] = []  # per token, its line in the file
        self.first_line: int | None = None

    def add(self, token: str, tags: list[str], line: int) -> None:
        self.first_line = self.first_line or line
        self.sentences[-1].append(token)
        self.columns[-1].append(tags)
        self.lines.append(line)

    def end_sentence(self) -> None:
        if self.sentences[-1]:
            self.sentences.append([])
            self.columns.append([])

    def empty(self) -> bool:
        return not any(self.sentences)

    def record(self) -> DocumentRecord:
        sentences = [s for s in self.sentences if s]
        columns = [c for c in self.columns if c]
        text = "\n".join(" ".join(sentence) for sentence in sentences)
        offsets = []
        at = 0
        for sentence in sentences:
            for token in sentence:
                offsets.append((at, at + len(token)))
                at += len(token) + 1
        flat_tags = [tags for sentence in columns for tags in sentence]
        depth = max(len(tags) for tags in flat_tags)
        spans: list[SpanRecord] = []
        notes: list[str] = []
        for layer in range(depth):
            column = [tags[layer] if layer < len(tags) else "O" for tags in flat_tags]
            # Sentences are separate sequences: an entity never runs across a blank line.
            start = 0
            for sentence in columns:
                try:
                    found, repaired = decode(column[start:start + len(sentence)])
                except ValueError as err:
                    raise FormatError(self.path, str(err), self.first_line) from None
                notes += [f"{self.path}:{self.lines[start + i]}: {column[start + i]} starts an entity; read as B-"
                          for i in repaired]
                for s in found:
                    a, b = offsets[start + s.first][0], offsets[start + s.last][1]
                    spans.append(SpanRecord(a, b, unescape_label(s.label), text[a:b],
                                            attrs={"layer": layer} if layer else {},
                                            line=self.lines[start + s.first]))
                start += len(sentence)
        meta = {"tokenization": WHITESPACE, "conll": {"doc_separator": self.separator}}
        return DocumentRecord(text=text, title=f"{self.path.rsplit('/', 1)[-1]} #{self.number}", meta=meta,
                              spans=spans, line=self.first_line, notes=notes)


def read(stream: IO[str], path: str, skipped: list[str] | None = None) -> Iterator[DocumentRecord]:
    """Documents from a CoNLL file. With ``skipped`` given, a bad line is listed there and
    passed over; otherwise it stops the import with its file and line number."""
    number = 1
    separator = DOCSTART
    builder = _Builder(path, number, separator)
    for line_number, raw in enumerate(stream, start=1):
        line = raw.rstrip("\r\n")
        if line_number == 1:
            line = line.removeprefix("\ufeff")
        if not line.strip():
            builder.end_sentence()
            continue
        fields = line.split()
        if fields[0] == "-DOCSTART-":
            if not builder.empty():
                yield builder.record()
                number += 1
            builder = _Builder(path, number, DOCSTART)
            continue
        if fields[0] == "$#$":
            separator = WOJOOD_SEPARATOR
            builder.separator = separator
            if not builder.empty():
                yield builder.record()
                number += 1
            builder = _Builder(path, number, separator)
            continue
        problem = None
        if line != line.lstrip() or len(fields) < 2:
            problem = "expected a token and at least one tag, separated by spaces"
        elif any(t != "O" and (len(t) < 3 or t[1] != "-" or t[0].upper() not in "BIOLUES") for t in fields[1:]):
            problem = f"not a tag: {' '.join(fields[1:])!r}"
        if problem:
            if skipped is None:
                raise FormatError(path, problem, line_number)
            skipped.append(f"{path}:{line_number}: {problem}")
            continue
        builder.add(fields[0], fields[1:], line_number)
    if not builder.empty():
        yield builder.record()


def looks_like_conll(head: str) -> bool:
    """Every one of the first lines is ``TOKEN ... TAG`` with an O or X- tag."""
    lines = [line.split() for line in head.splitlines()[:50] if line.strip()]
    tags = [fields[-1] for fields in lines if len(fields) >= 2]
    return bool(lines) and len(tags) == len(lines) and all(t == "O" or t[1:2] == "-" for t in tags)


FORMAT = FileFormat(
    "conll", QT_TRANSLATE_NOOP("Formats", "CoNLL / BIO"),
    (".conll", ".conllu", ".iob", ".iob2", ".bio", ".bilou", ".bioes", ".tsv"), Target.STREAM, "tokens",
    read=read_text_stream(read, keeps_going=True), lean=True,
    write=lambda items, stream, context: write(items, stream, context.options.tags, context.report),
    sniff=looks_like_conll, sniff_rank=3, sniffed_in=(".txt",))  # corpora often ship CoNLL as .txt

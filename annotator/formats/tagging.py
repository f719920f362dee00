"""From character spans to token tags and back, for the token-based formats.

A span that does not fall on token edges is never moved silently: it is widened to the
tokens it touches and reported (or refused with ``strict``), and one that touches no
token is dropped and reported. Overlapping spans go to further tag columns ("layers"),
outer spans first, as the Wojood corpus nests them.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cache
from typing import NamedTuple

from annotator.core.errors import AnnotatorError
from annotator.core.model import Span
from annotator.core.tokens import Token, sentences_between
from annotator.store.interface import LeanSpanRow

SCHEMES = ("iob2", "bilou")


class AlignmentError(AnnotatorError, ValueError):
    """A span off token edges, refused because the export is strict."""


@dataclass
class AlignmentReport:
    widened: list[tuple[Span, int, int]] = field(default_factory=list)  # span, new start, new end
    dropped: list[tuple[Span, str]] = field(default_factory=list)  # span, why
    # Spans over a line break: kept whole, their sentence runs over the break.
    joined: list[Span] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # about the export as a whole, one line each

    def summary(self) -> str:
        line = f"{len(self.widened)} span(s) widened to token edges, {len(self.dropped)} dropped"
        if self.joined:
            line += f", {len(self.joined)} kept whole over a line break (one sentence across it)"
        return line

    def details(self) -> list[str]:
        lines = [f"widened: document {s.document_id} {s.label} {s.start}-{s.end} {s.text!r} -> {a}-{b}"
                 for s, a, b in self.widened]
        lines += [f"dropped: document {s.document_id} {s.label} {s.start}-{s.end} {s.text!r}: {why}"
                  for s, why in self.dropped]
        lines += [f"kept whole over a line break: document {s.document_id} {s.label} {s.start}-{s.end} {s.text!r}"
                  for s in self.joined]
        return lines


class TokenSpan(NamedTuple):
    """A span in token indices; a tuple, because aligning hashes hundreds of thousands."""

    label: str
    first: int  # first token index
    last: int  # last token index, inclusive


def _with_text(span: Span | LeanSpanRow, text: str) -> Span:
    """A span as reports show it: a lean row (read without its text, see
    ProjectStore.iter_documents_with_lean_spans) becomes a Span covering its text."""
    if not isinstance(span, LeanSpanRow):
        return span
    return Span("", span.document_id, "", span.label, span.start, span.end, text[span.start:span.end], span.attrs, "")


def align(spans: list[Span], tokens: list[Token], text: str, report: AlignmentReport, strict: bool) -> list[TokenSpan]:
    aligned: set[TokenSpan] = set()
    column: dict[TokenSpan, int] = {}  # a tag column the span was read from, to keep the corpus' order
    starts = [t[0] for t in tokens]
    ends = [t[1] for t in tokens]
    after, before = bisect_right, bisect_left
    for span in spans:
        start, end = span.start, span.end
        first = after(ends, start)  # first token ending after start
        last = before(starts, end) - 1  # last token starting before end
        if first > last or first >= len(tokens):
            report.dropped.append((_with_text(span, text), "covers no token"))
            continue
        if starts[first] != start or ends[last] != end:
            if strict:
                raise AlignmentError(
                    f"document {span.document_id}: span {span.label} {start}-{end} {text[start:end]!r} does not fall "
                    f"on token edges (it would become {text[starts[first]:ends[last]]!r})")
            report.widened.append((_with_text(span, text), starts[first], ends[last]))
        token_span = TokenSpan(span.label, first, last)
        aligned.add(token_span)  # a set: two annotators' identical spans count once
        if span.attrs and span.attrs.get("layer"):
            column[token_span] = min(column.get(token_span, 99), int(span.attrs["layer"]))
    if not column:
        return sorted(aligned, key=lambda s: (s.first, -s.last, s.label))
    return sorted(aligned, key=lambda s: (s.first, -s.last, column.get(s, 0), s.label))


def layers(spans: list[TokenSpan]) -> list[list[TokenSpan]]:
    """Each span in the first layer where it overlaps nothing; outer spans come first.

    Spans arrive sorted by start, so a layer is free for a span once the last span put
    in it ends before the span starts.
    """
    result: list[list[TokenSpan]] = []
    for span in spans:
        for layer in result:
            if layer[-1].last < span.first:
                layer.append(span)
                break
        else:
            result.append([span])
    return result


@cache
def _tag_names(label: str) -> tuple[str, str, str, str]:
    return f"B-{label}", f"I-{label}", f"L-{label}", f"U-{label}"


def tags_for(layer: list[TokenSpan], token_count: int, scheme: str = "iob2") -> list[str]:
    tags = ["O"] * token_count
    bilou = scheme == "bilou"
    for label, first, last in layer:
        begin, inside, end, unit = _tag_names(label)
        if bilou and first == last:
            tags[first] = unit
            continue
        tags[first] = begin
        if last > first:
            tags[first + 1:last + 1] = [inside] * (last - first)
        if bilou:
            tags[last] = end
    return tags


def token_tags(spans: list[Span], tokens: list[Token], text: str, report: AlignmentReport,
               scheme: str = "iob2", flat: bool = False, strict: bool = False) -> list[list[str]]:
    """Tag columns for a document's tokens: one per nesting layer (just the outer one if flat)."""
    grouped = layers(align(spans, tokens, text, report, strict))
    if flat:
        for layer in grouped[1:]:
            for s in layer:
                start, end = tokens[s.first][0], tokens[s.last][1]
                report.dropped.append((Span("", spans[0].document_id, "", s.label, start, end, text[start:end]),
                                       "overlaps an outer span (flat output keeps the outer one)"))
        grouped = grouped[:1]
    return [tags_for(layer, len(tokens), scheme) for layer in grouped] or [["O"] * len(tokens)]


def whole_sentences(breaks: dict[int, bool], columns: list[list[str]], tokens: list[Token], text: str,
                    document_id: int, report: AlignmentReport) -> list[range]:
    """Sentences that never cut a span: no sentence begins on a token that continues one
    (I- or L- in any column). A span over a line break keeps its sentence whole across
    the break, and the report lists it.

    Only the candidate breaks are looked at, not every token.
    """
    if len(columns) == 1:
        column = columns[0]
        kept = [cut for cut in breaks if column[cut][0] not in "IL"]  # tags are O, B-, I-, L- or U-
    else:
        kept = [cut for cut in breaks if all(column[cut][0] not in "IL" for column in columns)]
    if len(kept) == len(breaks):
        return sentences_between(kept, len(tokens))
    reported: set[tuple[int, int]] = set()  # (column, first token): a span over two breaks is listed once
    for cut in sorted(set(breaks).difference(kept)):
        if not breaks[cut]:
            continue  # a sentence-final mark inside a span: nothing to say, the span simply goes on
        for number, column in enumerate(columns):
            if column[cut][0] not in "IL":
                continue
            first, last = cut, cut
            while first > 0 and column[first][0] not in "BU":
                first -= 1
            while last + 1 < len(column) and column[last + 1][0] in "IL":
                last += 1
            if (number, first) not in reported:
                reported.add((number, first))
                start, end = tokens[first][0], tokens[last][1]
                report.joined.append(Span("", document_id, "", column[first][2:], start, end, text[start:end]))
    return sentences_between(kept, len(tokens))


def decode(tags: list[str]) -> tuple[list[TokenSpan], list[int]]:
    """Spans from one column of IOB2, IOB1, BILOU or IOBES tags, and the positions of tags
    read leniently (an I- with nothing to continue starts a new span, as conlleval does)."""
    spans: list[TokenSpan] = []
    repaired: list[int] = []
    label, first = None, 0

    def close(last: int) -> None:
        nonlocal label
        if label is not None:
            spans.append(TokenSpan(label, first, last))
        label = None

    for i, tag in enumerate(tags):
        if tag == "O" or not tag:
            close(i - 1)
            continue
        prefix, _, name = tag.partition("-")
        if not name:
            raise ValueError(f"tag {tag!r} is not O nor PREFIX-LABEL")
        prefix = prefix.upper()
        if prefix in ("B", "U", "S") or (prefix in ("I", "L", "E") and label != name):
            if prefix in ("I", "L", "E"):
                repaired.append(i)
            close(i - 1)
            label, first = name, i
        elif prefix not in ("I", "L", "E"):
            raise ValueError(f"tag {tag!r} has an unknown prefix {prefix!r}")
        if prefix in ("U", "S", "L", "E"):
            close(i)
    close(len(tags) - 1)
    return spans, repaired

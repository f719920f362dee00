"""Adjudication: how annotators' spans compare, and the gold layer a reviewer builds.

The gold layer is the spans of a distinguished annotator, ``gold``. Each gold span keeps
its provenance in its attributes: who proposed it and who accepted it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from annotator.core.model import Span, new_span_id
from annotator.core.span_index import SpanIndex

GOLD = "gold"
AGREE, SOME, CONFLICT, GOLD_STATUS = "agree", "some", "conflict", "gold"


def statuses(spans: Iterable[Span], annotators: Iterable[str]) -> dict[str, str]:
    """Each span's standing among the annotators (gold excluded):

    - ``agree``: every annotator has this exact span (same edges, same label);
    - ``conflict``: an annotator without this exact span labelled the same text
      differently, or gave the same label with other edges overlapping it;
    - ``some``: only some annotators have it, and nobody contradicts it;
    - ``gold``: a span of the gold layer.
    """
    everyone = {a for a in annotators if a != GOLD}
    spans = list(spans)
    who: dict[tuple, set[str]] = defaultdict(set)
    for s in spans:
        if s.annotator != GOLD:
            who[(s.start, s.end, s.label)].add(s.annotator)
    result = {}
    proposals = SpanIndex(s for s in spans if s.annotator != GOLD)
    for s in spans:
        if s.annotator == GOLD:
            result[s.id] = GOLD_STATUS
            continue
        # Contradicted by someone who does not share this exact span: the standing belongs
        # to the span (edges and label), the same for every annotator who proposed it.
        sharing = who[(s.start, s.end, s.label)]
        contradicted = any(
            o.annotator not in sharing
            and ((o.start, o.end) == (s.start, s.end)) != (o.label == s.label)
            for o in proposals.overlapping(s.start, s.end))
        if contradicted:
            result[s.id] = CONFLICT
        elif who[(s.start, s.end, s.label)] >= everyone:
            result[s.id] = AGREE
        else:
            result[s.id] = SOME
    return result


def proposers(spans: Iterable[Span], span: Span) -> list[str]:
    return sorted({s.annotator for s in spans if s.annotator != GOLD
                   and (s.start, s.end, s.label) == (span.start, span.end, span.label)})


def gold_copy(span: Span, spans: Iterable[Span], reviewer: str) -> Span:
    """The gold span accepting ``span``, with who proposed it and who accepted it."""
    spans = list(spans)
    return Span(new_span_id(), span.document_id, GOLD, span.label, span.start, span.end, span.text,
                {"proposed_by": proposers(spans, span) or [span.annotator], "accepted_by": reviewer}, "review")


def in_gold(spans: Iterable[Span], span: Span) -> Span | None:
    return next((s for s in spans if s.annotator == GOLD and (s.start, s.end, s.label) == (span.start, span.end, span.label)), None)

"""Adjudication: how annotators' spans compare, and the gold layer a reviewer builds.

The gold layer is the spans of a distinguished annotator, ``gold``. Each gold span keeps
its provenance in its attributes: who proposed it and who accepted it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from annotator.core.model import GOLD, Event, Span, new_span_id
from annotator.core.span_index import SpanIndex

AGREE, SOME, CONFLICT, GOLD_STATUS = "agree", "some", "conflict", "gold"
REJECTED = "rejected"


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
    return next((s for s in spans
                 if s.annotator == GOLD and (s.start, s.end, s.label) == (span.start, span.end, span.label)), None)


def acceptance(span: Span, spans: Iterable[Span], reviewer: str, label: str | None = None) -> Span | None:
    """The gold span a reviewer's accept (with ``label``: relabel) of ``span`` adds, or None when
    the gold layer already has it. A relabel keeps the label it replaced in ``relabelled_from``."""
    spans = list(spans)
    if label in (None, span.label):
        return None if in_gold(spans, span) is not None else gold_copy(span, spans, reviewer)
    copy = gold_copy(span, spans, reviewer)
    return Span(copy.id, copy.document_id, copy.annotator, label, copy.start, copy.end, copy.text,
                {**copy.attrs, "relabelled_from": span.label}, copy.origin)


def rejection(span: Span, spans: Iterable[Span]) -> Span | None:
    """The gold span a reject takes out: the span itself if it is gold, else its gold copy (None: none)."""
    return span if span.annotator == GOLD else in_gold(list(spans), span)


def rejected_by(spans: Iterable[Span], rejections: Iterable) -> dict[str, list[str]]:
    """Who rejected each annotator's span, by span id. A rejection (anything with ``start``,
    ``end``, ``label`` and ``reviewer``) holds for every proposal with the edges and label it
    was made on: identical proposals have one standing, so one X settles them all."""
    by_key: dict[tuple, set[str]] = defaultdict(set)
    for r in rejections:
        by_key[(r.start, r.end, r.label)].add(r.reviewer)
    return {s.id: sorted(by_key[(s.start, s.end, s.label)]) for s in spans
            if s.annotator != GOLD and (s.start, s.end, s.label) in by_key}


def with_rejections(standing: dict[str, str], rejected: dict[str, list[str]]) -> dict[str, str]:
    """The standing with each rejected span marked ``rejected``: a reviewer has settled it,
    so it is no longer open, agreed or not."""
    return {span_id: REJECTED if span_id in rejected else status for span_id, status in standing.items()}


def agreed_not_in_gold(spans: Iterable[Span], standing: dict[str, str], reviewer: str) -> list[Span]:
    """Gold copies of the spans every annotator agrees on that the gold layer lacks, one per
    (edges, label)."""
    spans = list(spans)
    copies, seen = [], set()
    for span in spans:
        key = (span.start, span.end, span.label)
        if standing.get(span.id) == AGREE and key not in seen and in_gold(spans, span) is None:
            seen.add(key)
            copies.append(gold_copy(span, spans, reviewer))
    return copies


def open_disagreements(spans: Iterable[Span], standing: dict[str, str]) -> list[Span]:
    """Proposals not everyone shares (``some``, ``conflict``) whose (edges, label) is not yet gold,
    in the spans' order. A rejected one (``with_rejections``) is settled, not open."""
    spans = list(spans)
    gold = {(s.start, s.end, s.label) for s in spans if s.annotator == GOLD}
    return [s for s in spans if standing.get(s.id) in (SOME, CONFLICT) and (s.start, s.end, s.label) not in gold]


def next_disagreement(open_ones: list[Span], current: Span | None) -> Span | None:
    """The open disagreement after ``current`` in text order (longer first at one start),
    wrapping round to the first; None when there is none."""
    def place(span: Span) -> tuple:
        return span.start, -span.end, span.id

    # Sorted, not in the index's order: proposals with the same edges are told apart by id, and
    # wrapping round to one that sorts after another would leave that other unreachable.
    in_order = sorted(open_ones, key=place)
    after = [s for s in in_order if current is None or place(s) > place(current)]
    return (after or in_order or [None])[0]


def gold_event(event: Event, spans: Iterable[Span], events: Iterable[Event], reviewer: str,
               new_id: str) -> tuple[list[Span], list[Event], Event]:
    """What accepting an annotator's event into the gold layer takes: the gold copies of its spans
    the gold layer lacks, and the gold event naming gold spans — the gold event already mentioning
    its first mention's copy, grown by what it lacks, else a new one with ``new_id``. Returns
    (spans to add, gold events it replaces, the gold event)."""
    spans, events = list(spans), list(events)
    by_id = {s.id: s for s in spans}
    added: dict[tuple, Span] = {}

    def copy_of(span_id: str) -> str:
        span = by_id[span_id]
        key = (span.start, span.end, span.label)
        found = in_gold(spans, span) or added.get(key)
        if found is None:
            found = added[key] = gold_copy(span, spans, reviewer)
        return found.id

    mentions = [copy_of(i) for i in event.mentions if i in by_id]
    roles = {role: [copy_of(i) for i in ids if i in by_id] for role, ids in event.roles.items()}
    existing = next((e for e in events if e.annotator == GOLD and mentions and mentions[0] in e.mentions), None)
    if existing is None:
        made = Event(new_id, event.document_id, GOLD, tuple(dict.fromkeys(mentions)),
                     {role: tuple(dict.fromkeys(ids)) for role, ids in roles.items() if ids})
        return list(added.values()), [], made
    grown = dict(existing.roles)
    for role, ids in roles.items():
        grown[role] = tuple(dict.fromkeys([*grown.get(role, ()), *ids]))
    taken = {i for e in events if e.annotator == GOLD and e.id != existing.id for i in e.mentions}
    more = [i for i in mentions if i not in existing.mentions and i not in taken]
    made = existing._replace(mentions=(*existing.mentions, *more), roles={r: ids for r, ids in grown.items() if ids})
    return list(added.values()), [existing], made

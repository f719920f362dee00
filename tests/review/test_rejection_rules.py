"""The rules for rejections as plain functions: a rejection settles every proposal with its
edges and label, a settled proposal is not an open disagreement, and N reaches every open one."""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.model import Span
from annotator.review.adjudication import (
    GOLD,
    agreed_not_in_gold,
    next_disagreement,
    open_disagreements,
    rejected_by,
    statuses,
    with_rejections,
)

TEXT = "قصفت طائرات سوريا صباح الخميس"


def span(id_: str, annotator: str, label: str, words: str) -> Span:
    start = TEXT.index(words)
    return Span(id_, 1, annotator, label, start, start + len(words), words)


@dataclass(frozen=True)
class Rejected:  # what the rules read of a rejection
    start: int
    end: int
    label: str
    reviewer: str


ALICE_EVENT, BOB_EVENT = span("a1", "alice", "event", "قصفت"), span("b1", "bob", "event", "قصفت")
ALICE_PLACE, BOB_DATE = span("a2", "alice", "place", "سوريا"), span("b2", "bob", "date", "سوريا")
CAROL_PLACE = span("c2", "carol", "place", "سوريا")
SPANS = [ALICE_EVENT, BOB_EVENT, ALICE_PLACE, BOB_DATE, CAROL_PLACE]


def standing(spans, rejections=()):
    return with_rejections(statuses(spans, {s.annotator for s in spans}), rejected_by(spans, rejections))


def test_a_rejection_settles_every_proposal_with_its_edges_and_label():
    no = [Rejected(ALICE_PLACE.start, ALICE_PLACE.end, "place", "rev")]
    assert rejected_by(SPANS, no) == {"a2": ["rev"], "c2": ["rev"]}  # carol proposed the same place
    after = standing(SPANS, no)
    assert after["a2"] == after["c2"] == "rejected" and after["b2"] == "conflict"
    assert [s.id for s in open_disagreements(SPANS, after)] == ["a1", "b1", "b2"]  # carol has no event
    # Two reviewers, one list; a gold span is never "rejected" (X takes it out of gold instead).
    gold = Span("g1", 1, GOLD, "place", ALICE_PLACE.start, ALICE_PLACE.end, "سوريا")
    both = no + [Rejected(ALICE_PLACE.start, ALICE_PLACE.end, "place", "amal")]
    assert rejected_by([*SPANS, gold], both)["a2"] == ["amal", "rev"] and "g1" not in rejected_by([gold], both)


def test_agreed_spans_someone_rejected_are_not_accepted_wholesale():
    spans = [ALICE_EVENT, BOB_EVENT]
    no = [Rejected(ALICE_EVENT.start, ALICE_EVENT.end, "event", "rev")]
    assert [s.label for s in agreed_not_in_gold(spans, standing(spans), "rev")] == ["event"]
    assert agreed_not_in_gold(spans, standing(spans, no), "rev") == []


def test_n_reaches_every_open_disagreement_even_at_one_place():
    """Proposals with the same edges are ordered by id: listed the other way round, the wrap
    round to the first listed used to leave the one sorting first unreachable."""
    open_ones = [BOB_DATE, ALICE_PLACE]  # b2 listed first, a2 sorts first
    seen, current = [], None
    for _ in range(4):
        current = next_disagreement(open_ones, current)
        seen.append(current.id)
    assert seen == ["a2", "b2", "a2", "b2"]
    assert next_disagreement([], None) is None

"""The review rules as plain functions: what an accept, a relabel and a reject do to the gold
layer, which spans everyone agrees on, and which disagreements are still open."""

from __future__ import annotations

from annotator.core.model import Span
from annotator.review.adjudication import (
    GOLD,
    acceptance,
    agreed_not_in_gold,
    next_disagreement,
    open_disagreements,
    rejection,
    statuses,
)

TEXT = "قصفت طائرات سوريا صباح الخميس"


def span(id_: str, annotator: str, label: str, words: str, attrs: dict | None = None) -> Span:
    start = TEXT.index(words)
    return Span(id_, 1, annotator, label, start, start + len(words), words, attrs or {})


ALICE_EVENT = span("a1", "alice", "event", "قصفت")
BOB_EVENT = span("b1", "bob", "event", "قصفت")
ALICE_PLACE = span("a2", "alice", "place", "سوريا")
BOB_DATE_SAME_TEXT = span("b2", "bob", "date", "سوريا")
ALICE_DATE = span("a3", "alice", "date", "صباح الخميس")
SPANS = [ALICE_EVENT, BOB_EVENT, ALICE_PLACE, BOB_DATE_SAME_TEXT, ALICE_DATE]


def standing(spans):
    return statuses(spans, {s.annotator for s in spans})


def test_an_accept_copies_the_span_into_gold_with_who_proposed_and_accepted_it():
    copy = acceptance(ALICE_EVENT, SPANS, "rana")
    assert (copy.annotator, copy.label, copy.start, copy.end, copy.text) == (GOLD, "event", 0, 4, "قصفت")
    assert copy.attrs == {"proposed_by": ["alice", "bob"], "accepted_by": "rana"}
    assert copy.id not in {s.id for s in SPANS}
    # Once it is in gold, accepting it (or the other annotator's identical span) adds nothing.
    assert acceptance(BOB_EVENT, [*SPANS, copy], "rana") is None
    assert acceptance(ALICE_EVENT, [*SPANS, copy], "rana", "event") is None


def test_a_relabel_keeps_the_label_it_replaced_even_when_the_span_is_already_gold():
    gold = acceptance(ALICE_PLACE, SPANS, "rana")
    relabelled = acceptance(ALICE_PLACE, [*SPANS, gold], "rana", "date")
    assert (relabelled.annotator, relabelled.label, relabelled.text) == (GOLD, "date", "سوريا")
    assert relabelled.attrs == {"proposed_by": ["alice"], "accepted_by": "rana", "relabelled_from": "place"}


def test_a_reject_takes_out_the_gold_copy_or_the_gold_span_itself():
    gold = acceptance(ALICE_EVENT, SPANS, "rana")
    spans = [*SPANS, gold]
    assert rejection(ALICE_EVENT, spans) == gold
    assert rejection(gold, spans) == gold
    assert rejection(ALICE_PLACE, spans) is None  # never entered gold


def test_agreed_spans_not_yet_gold_come_once_per_edges_and_label():
    copies = agreed_not_in_gold(SPANS, standing(SPANS), "rana")
    assert [(c.text, c.label, c.attrs["proposed_by"]) for c in copies] == [("قصفت", "event", ["alice", "bob"])]
    spans = [*SPANS, *copies]
    assert agreed_not_in_gold(spans, standing(spans), "rana") == []


def test_open_disagreements_leave_out_what_gold_settled_and_the_walk_wraps_round():
    open_ones = open_disagreements(SPANS, standing(SPANS))
    assert [s.id for s in open_ones] == ["a2", "b2", "a3"]  # conflict, conflict, some; not the agreed event
    settled = acceptance(BOB_DATE_SAME_TEXT, SPANS, "rana")
    spans = [*SPANS, settled]
    assert [s.id for s in open_disagreements(spans, standing(spans))] == ["a2", "a3"]
    assert next_disagreement(open_ones, None) == ALICE_PLACE
    assert next_disagreement(open_ones, ALICE_PLACE) == BOB_DATE_SAME_TEXT
    assert next_disagreement(open_ones, ALICE_DATE) == ALICE_PLACE  # after the last: the first again
    assert next_disagreement([], ALICE_DATE) is None

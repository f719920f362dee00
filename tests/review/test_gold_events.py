"""Accepting an annotator's event into the gold layer: gold copies of what gold lacks, and a
gold event made, or grown when gold already has one on the same mention."""

from __future__ import annotations

from annotator.core.model import Event, Span
from annotator.review.adjudication import GOLD, gold_event


def span(id_, who, label, start, end):
    return Span(id_, 1, who, label, start, end, "x" * (end - start))


def test_a_new_gold_event_names_gold_copies_made_only_where_gold_lacks_them():
    spans = [span("a1", "alice", "event", 0, 4), span("a2", "alice", "place", 10, 15),
             span("g2", GOLD, "place", 10, 15)]
    event = Event("E1", 1, "alice", ("a1",), {"place": ("a2",)})
    added, replaced, made = gold_event(event, spans, [event], "rita", "E2")
    assert [(s.annotator, s.label, s.start) for s in added] == [(GOLD, "event", 0)]
    assert replaced == [] and made.id == "E2" and made.annotator == GOLD
    assert made.mentions == (added[0].id,) and made.roles == {"place": ("g2",)}


def test_a_gold_event_on_the_same_mention_grows_instead_of_a_second_one():
    spans = [span("a1", "alice", "event", 0, 4), span("a3", "alice", "date", 20, 24),
             span("g1", GOLD, "event", 0, 4), span("g2", GOLD, "place", 10, 15)]
    gold = Event("E2", 1, GOLD, ("g1",), {"place": ("g2",)})
    event = Event("E1", 1, "alice", ("a1",), {"date": ("a3",)})
    added, replaced, made = gold_event(event, spans, [event, gold], "rita", "E3")
    assert replaced == [gold] and made.id == "E2"
    assert made.roles == {"place": ("g2",), "date": (added[0].id,)}

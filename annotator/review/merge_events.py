"""Carrying another project file's events into this one, after its spans (merge.py).

An event comes across whole or not at all, and never without a line in the report:
* one whose spans did not all come across (a span not mapped into a joined document, in
  conflict, deleted here) is reported by id with the spans missing, and not merged;
* one already here (an event of the same annotator with the same mentions and roles, whatever
  its id) is counted as present, so merging the same file twice changes nothing;
* one whose mention is already the mention of a different event here is a conflict: reported,
  and neither is changed;
* one whose id another event of the document holds here (two annotators' windows both name
  their first event E1) keeps its content under a new id, reported.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from annotator.core.model import Event


def _same_content(a: Event, b: Event) -> bool:
    return (a.annotator, a.mentions, a.roles) == (b.annotator, b.mentions, b.roles)


def _free_id(wanted: str, annotator: str, taken: set[str]) -> str:
    candidate = f"{wanted}-{annotator}"
    number = 2
    while candidate in taken:
        candidate = f"{wanted}-{annotator}-{number}"
        number += 1
    return candidate


class EventMerge:
    """The events of one source file, gathered document by document, then stored in one batch."""

    def __init__(self, target, source_path: Path):
        self.target = target
        self.source_path = source_path
        self.pending: list[Event] = []
        self.added = 0
        self.present = 0
        self.renamed: list[str] = []
        self.conflicts: list[str] = []
        self.not_merged: list[str] = []

    def add_document(self, source_document_id: int, target_document_id: int, events: Iterable[Event]) -> None:
        events = list(events)
        if not events:
            return
        here = self.target.events_for(target_document_id)
        by_mention = {span: event for event in here for span in event.mentions}
        taken = {event.id for event in here}
        wanted = {span for event in events for span in (*event.mentions, *_arguments(event))}
        owners = self._span_owners(target_document_id, wanted)
        where = f"{self.source_path}: event {{!r}} of document {source_document_id}"
        for event in events:
            event = event._replace(document_id=target_document_id)
            missing = [span for span in (*event.mentions, *_arguments(event)) if owners.get(span) != event.annotator]
            if missing:
                self.not_merged.append(f"{where.format(event.id)} ({event.annotator}): its span(s) "
                                       f"{', '.join(missing)} did not come across; not merged")
                continue
            holders = {by_mention[span].id: by_mention[span] for span in event.mentions if span in by_mention}
            if holders:
                if len(holders) == 1 and _same_content(next(iter(holders.values())), event):
                    self.present += 1
                else:
                    self.conflicts.append(
                        f"{where.format(event.id)} ({event.annotator}) differs from event(s) "
                        f"{', '.join(repr(i) for i in sorted(holders))} here that its mentions belong to; "
                        "both kept as they were")
                continue
            if event.id in taken:
                new_id = _free_id(event.id, event.annotator, taken)
                self.renamed.append(f"{where.format(event.id)} ({event.annotator}): the id is another event's "
                                    f"here; merged as {new_id!r}")
                event = event._replace(id=new_id)
            taken.add(event.id)
            by_mention.update((span, event) for span in event.mentions)
            self.pending.append(event)

    def _span_owners(self, document_id: int, span_ids: set[str]) -> dict[str, str]:
        """Span id -> annotator, for the spans named that are in the target's document."""
        return {s.id: s.annotator for s in self.target.spans_for(document_id) if s.id in span_ids}

    def store(self) -> None:
        self.target.insert_events(self.pending)
        self.added = len(self.pending)


def _arguments(event: Event) -> tuple[str, ...]:
    return tuple(span for spans in event.roles.values() for span in spans)

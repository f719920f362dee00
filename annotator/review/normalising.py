"""Recomputing spans' normalised values over a whole project (``annotator normalise``).

By default only spans without a value get one; ``everything`` recomputes every value a person
has not edited (a value no normaliser gives any more is cleared). A value a person set is never
touched. Values are computed a document at a time, with the document's events (a place's
country can come from its event's other places)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from annotator.normalise.values import compute_values
from annotator.store import ProjectStore


@dataclass
class LabelCounts:
    spans: int = 0  # of the label
    valued: int = 0  # with a value once done
    changed: int = 0  # given a new value (or cleared) now
    edited: int = 0  # set by a person: left alone


@dataclass
class NormaliseReport:
    by_label: dict[str, LabelCounts] = field(default_factory=dict)

    @property
    def changed(self) -> int:
        return sum(c.changed for c in self.by_label.values())


def normalise_project(store: ProjectStore, everything: bool = False,
                      progress: Callable[[int, int], None] | None = None) -> NormaliseReport:
    """Compute the values, then store every change in one transaction (nothing when none).
    Only what was stored is counted: on a team server a login may read spans it may not
    change (an annotator the suggestions), and the server skips those rows without a word."""
    report = NormaliseReport()
    # Changes by whose spans and which label: the server lets a login write all of an annotator's
    # spans or none, so each group's count of rows stored says which of its changes were.
    changes: dict[tuple[str, str], dict[str, dict[str, Any] | None]] = {}
    unvalued_if_refused: dict[tuple[str, str], int] = {}
    events = store.iter_events()
    event = next(events, None)
    total = store.document_count() if progress else 0
    for done, (document, spans) in enumerate(store.iter_documents_with_spans(), 1):
        if progress:
            progress(done, total)
        mine = []
        while event is not None and event.document_id <= document.id:
            if event.document_id == document.id:
                mine.append(event)
            event = next(events, None)
        values = compute_values(document, spans, mine)
        for span in spans:
            counts = report.by_label.setdefault(span.label, LabelCounts())
            counts.spans += 1
            value = span.value
            if span.value_edited:
                counts.edited += 1
            elif span.value is None or everything:
                value = values.get(span.id)
                if value != span.value:
                    group = (span.annotator, span.label)
                    changes.setdefault(group, {})[span.id] = value
                    unvalued_if_refused[group] = unvalued_if_refused.get(group, 0) + (
                        (span.value is not None) - (value is not None))
            counts.valued += value is not None
    if changes:
        with store.transaction():
            for group, group_changes in changes.items():
                stored = store.set_span_values(group_changes, edited=False)
                counts = report.by_label[group[1]]
                counts.changed += stored
                if not stored:  # none of them: the values read count, not the ones computed
                    counts.valued += unvalued_if_refused[group]
    return report

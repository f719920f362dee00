"""The one entry point that gives spans their normalised values, per label.

Dates need the document's publication date and the text before them (``من الشهر ذاته``
names no month); places need the other places of the document to guess a country. So
values are computed a document at a time."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from functools import lru_cache
from typing import Any

from annotator.core.arabic import normalise as fold
from annotator.core.model import Document, Event, Span
from annotator.normalise.casualties import normalise_casualty
from annotator.normalise.dates import normalise_date, publication_date
from annotator.normalise.places import place_values
from annotator.normalise.value_shapes import value_problem

__all__ = ["compute_values", "value_for", "value_problem"]

# Which normaliser a label's spans get; labels not named here carry no computed value.
DATE, CASUALTY, PLACE = "date", "casualty", "place"


def compute_values(document: Document, spans: Iterable[Span], events: Iterable[Event] = (),
                   published: date | None = None) -> dict[str, dict[str, Any]]:
    """span id -> value for the spans of one document that a normaliser understands.
    Spans whose value a person edited are skipped; the caller decides which others to replace."""
    spans = [s for s in spans if not s.value_edited]
    if published is None:
        published = publication_date(document.meta)
    values: dict[str, dict[str, Any]] = {}
    for span in spans:
        if span.label == DATE:
            value = _date_value(span.text, published, document.text, span.start)
        elif span.label == CASUALTY:
            value = _copy(_casualty_value(span.text))
        else:
            continue
        if value is not None:
            values[span.id] = value
    places = [s for s in spans if s.label == PLACE]
    if places:
        values.update(place_values(document.text, places, list(events)))
    return values


# A date that names no month (منه، من الشهر ذاته، نفسه) takes it from the text before it; any
# other is worth the same wherever it stands, so its value is computed once per publication
# date. Folded first, so a diacritic (مِنْه) cannot hide a reference from this check.
_NEEDS_CONTEXT = ("منه", "ذات", "نفس", "عين")
# منه and الشهر ذاته look back this far at most (the date grammar reads the last 600 characters).
_LOOK_BACK = 1000


def _date_value(text: str, published: date | None, document_text: str, start: int) -> dict[str, Any] | None:
    folded = fold(text)
    if any(word in folded for word in _NEEDS_CONTEXT):
        return normalise_date(text, published=published, preceding_text=document_text[max(0, start - _LOOK_BACK):start])
    return _copy(_context_free_date(text, published))


@lru_cache(maxsize=1 << 16)
def _context_free_date(text: str, published: date | None) -> dict[str, Any] | None:
    return normalise_date(text, published=published)


@lru_cache(maxsize=1 << 16)
def _casualty_value(text: str) -> dict[str, Any] | None:
    return normalise_casualty(text)


def _copy(value: dict[str, Any] | None) -> dict[str, Any] | None:
    return dict(value) if value is not None else None  # a cached value is never handed out to be changed


def value_for(document: Document, span: Span, events: Iterable[Event] = (),
              others: Iterable[Span] = ()) -> Mapping[str, Any] | None:
    """The value of one new span (the window computes it as the span is made). ``others``: the
    document's other spans, which a place without a gazetteer entry takes its country from."""
    if span.label == PLACE:
        places = [s for s in others if s.label == PLACE and s.id != span.id]
        return place_values(document.text, [*places, span], list(events)).get(span.id)
    return compute_values(document, [span], events).get(span.id)

"""The rule suggesters together: each label's rules run on a document, and their suggestions are
made one per stretch per label (base.resolve_overlaps). A stretch the source rules read as a news
outlet told the news (للجزيرة) is not also a place."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from annotator.suggest.base import Suggestion, resolve_overlaps
from annotator.suggest.casualties import casualty_suggestions
from annotator.suggest.dates import date_suggestions
from annotator.suggest.events import event_suggestions
from annotator.suggest.places import place_suggestions
from annotator.suggest.sources import source_suggestions

# label -> suggester(text, published)
RULES: dict[str, Callable[[str, date | None], list[Suggestion]]] = {
    "event": lambda text, _published: event_suggestions(text),
    "place": lambda text, _published: place_suggestions(text),
    "date": date_suggestions,
    "casualty": lambda text, _published: casualty_suggestions(text),
    "source": lambda text, _published: source_suggestions(text),
}


def rule_suggestions(text: str, published: date | None = None,
                     labels: Iterable[str] | None = None) -> list[Suggestion]:
    """Every rule suggestion for a document's text, of the named labels (default: the five)."""
    wanted = RULES if labels is None else [label for label in labels if label in RULES]
    found = [s for label in wanted for s in RULES[label](text, published)]
    outlets = {(s.start, s.end) for s in found if s.label == "source"}
    found = [s for s in found if not (s.label == "place" and (s.start, s.end) in outlets)]
    return resolve_overlaps(found)

"""Which suggestions an annotator is still shown: none they already labelled at the same edges,
none they rejected. A rejection of a suggestion is the annotator's own and names the suggestion
as ``suggested:<span id>``: review mode reads reviewers' rejections by edges and label, and must
never take an annotator's "no" to a suggestion for a reviewer's X on someone's span."""

from __future__ import annotations

from collections.abc import Iterable

from annotator.core.model import SUGGESTED, Span

REJECTION_PREFIX = f"{SUGGESTED}:"


def rejection_id(suggestion: Span) -> str:
    return REJECTION_PREFIX + suggestion.id


def is_suggestion_rejection(rejection) -> bool:
    return rejection.span_id.startswith(REJECTION_PREFIX)


def standing(suggestions: Iterable[Span], own: Iterable[Span], rejections: Iterable, annotator: str) -> list[Span]:
    """The suggestions still open for ``annotator``, in text order. One the annotator labelled
    at its edges (with its label or, accepted with a label key, another) is settled; one they
    rejected is never proposed again for that text (label, edges) in that document, whatever
    suggester proposes it next."""
    taken = {(s.start, s.end) for s in own}
    refused = {(r.label, r.start, r.end) for r in rejections
               if r.reviewer == annotator and is_suggestion_rejection(r)}
    return sorted((s for s in suggestions
                   if (s.start, s.end) not in taken and (s.label, s.start, s.end) not in refused),
                  key=lambda s: (s.start, s.end, s.label))

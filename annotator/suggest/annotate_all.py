"""Annotate all across a project: one span's text labelled wherever it stands as a word, in every
document, for one annotator, in one transaction.

An occurrence that any span of that annotator already touches (whatever its label) is skipped
and counted: Annotate all never stacks a second span on, inside or across one of theirs. New
spans get their normalised values as spans made in the window do."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from annotator.core import arabic
from annotator.core.model import Span, new_span_id
from annotator.core.occurrences import word_occurrences
from annotator.store import ProjectStore

Progress = Callable[[int, int], None]


@dataclass
class Labelled:
    spans: list[Span] = field(default_factory=list)  # made, document by document in text order
    skipped: int = 0  # occurrences one of the annotator's spans already touched

    @property
    def documents(self) -> int:
        return len({s.document_id for s in self.spans})


def _overlaps(spans: Iterable[Span], start: int, end: int) -> bool:
    return any(s.start < end and start < s.end for s in spans)


def plan(store: ProjectStore, source: Span, annotator: str, attrs: dict[str, Any] | None = None,
         progress: Progress | None = None) -> Labelled:
    """The spans labelling ``source``'s text as ``source.label`` for ``annotator`` in every
    document (``source`` itself excluded), with their values; nothing is stored."""
    from annotator.normalise.values import value_for  # the normalisers load when first asked

    needle = arabic.normalise(source.text)
    out = Labelled()
    total = store.document_count()
    for done, (document, own) in enumerate(store.iter_documents_with_spans(annotators=[annotator]), start=1):
        if progress is not None:
            progress(done, total)
        if not needle or needle not in arabic.normalise(document.text):
            continue  # the key with its offsets costs four times the bare key: only where the text is
        made: list[Span] = []
        for start, end in word_occurrences(document.text, source.text):
            if document.id == source.document_id and (start, end) == (source.start, source.end):
                continue
            if _overlaps(own, start, end):
                out.skipped += 1
                continue
            made.append(Span(new_span_id(), document.id, annotator, source.label, start, end,
                             document.text[start:end], dict(attrs or {})))
        if made:
            events = store.events_for(document.id, [annotator])
            every = [*own, *made]
            out.spans += [s._replace(value=value_for(document, s, events, every)) for s in made]
    return out


def label_everywhere(store: ProjectStore, source: Span, annotator: str, attrs: dict[str, Any] | None = None,
                     progress: Progress | None = None) -> Labelled:
    """``plan`` and store its spans, all or none: ``progress`` is asked once more before the
    transaction commits, so a Cancel it raises up to then stores nothing."""
    found = plan(store, source, annotator, attrs, progress)
    if found.spans:
        with store.transaction():
            store.ensure_annotator(annotator)
            store.insert_checked_spans(found.spans)
            if progress is not None:
                total = store.document_count()
                progress(total, total)
    return found

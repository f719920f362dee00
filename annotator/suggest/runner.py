"""Suggesting for a project: each document's rule suggestions (and, when asked, a learned
model's) stored as the reserved annotator ``suggested``, replacing that document's earlier ones."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator

from annotator.core.model import SUGGESTED, Document, Span, new_span_id
from annotator.normalise.dates import publication_date
from annotator.store import ProjectStore
from annotator.suggest.base import Suggestion, resolve_overlaps
from annotator.suggest.rules import rule_suggestions


def as_span(document: Document, suggestion: Suggestion) -> Span:
    """A suggestion as a span of the ``suggested`` layer: its suggester in ``origin``, its score
    in ``attrs``."""
    return Span(new_span_id(), document.id, SUGGESTED, suggestion.label, suggestion.start, suggestion.end,
                document.text[suggestion.start:suggestion.end], {"score": suggestion.score},
                suggestion.origin, suggestion.value, False)


def suggest(store: ProjectStore, document_ids: Iterable[int] | None = None, labels: Iterable[str] | None = None,
            learned: Callable[[list[Document]], dict[int, list[Suggestion]]] | None = None,
            progress: Callable[[int, int], None] | None = None) -> Counter[tuple[str, str]]:
    """Store suggestions for the documents (default: all) of the labels (default: every rule
    label the project has); returns how many were stored by (label, origin). ``learned`` gives a
    learned suggester's proposals by document id, added to the rules'."""
    known = store.label_names()
    wanted = [label for label in (labels or known) if label in known]
    ids = sorted(set(document_ids)) if document_ids is not None else None
    total = len(ids) if ids is not None else store.document_count()
    # Documents are read as one stream (no span of anyone's: the suggested layer is replaced anyway).
    documents = (document for document, _ in store.iter_documents_with_lean_spans([SUGGESTED], ids))
    extra: dict[int, list[Suggestion]] = {}
    if learned is not None:
        documents = list(documents)
        extra = learned(documents)
    counts: Counter[tuple[str, str]] = Counter()
    done = 0
    # A batch is read whole before its transaction begins: a damaged page met while reading
    # leaves the file as it was (up to the batches already committed, each sound).
    for batch in _batches(documents, _BATCH):
        with store.transaction():  # one commit per batch, each document still replaced whole
            store.ensure_annotator(SUGGESTED)
            for document in batch:
                found = rule_suggestions(document.text, publication_date(document.meta), wanted)
                found = resolve_overlaps(found + [s for s in extra.get(document.id, ())
                                                  if s.label in known and (labels is None or s.label in wanted)])
                store.replace_suggestions(document.id, [as_span(document, s) for s in found], labels)
                counts.update((s.label, s.origin) for s in found)
                done += 1
                if progress:
                    progress(done, total)
    return counts


_BATCH = 500


def _batches(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch

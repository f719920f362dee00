"""The learned suggester: a CRF trained on one annotator's labels (or the gold layer) in the
project, for whatever labels that annotator used, proposing spans in every document it was
not trained on.

Trained on each document where the annotator has at least one span (whatever its status),
over the project's own tokens (``document_tokens``, so a token's offsets are the stored
text's code points) and sentences that never cut a span. The model is stored in the project
(``models`` table) with what it learned from: the annotator, the labels, and each training
document with a fingerprint of the annotator's spans there. It is trained again when those
differ from the project's now (a document labelled, a span changed), and reused otherwise, so
a project carries its model to whoever opens it. The model tags whole tokens; where the
annotator leaves a proclitic outside a span (بسوريا), proposals do so too (``learned_clitics``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from annotator.core.errors import AnnotatorError
from annotator.core.model import SUGGESTED, Document, Span
from annotator.core.tokens import document_tokens, tokens_and_breaks
from annotator.formats.tagging import AlignmentReport, token_tags, whole_sentences
from annotator.store.interface import ProjectStore, StoredModel
from annotator.suggest.base import Suggestion
from annotator.suggest.crf_features import FEATURES_VERSION, sentence_features
from annotator.suggest.crf_model import CrfModel, train
from annotator.suggest.learned_clitics import CliticHabits
from annotator.suggest.model_names import ORIGIN, model_name

Progress = Callable[[int, int], None]


class NothingToLearn(AnnotatorError):
    """The annotator named has no span to learn from."""


@dataclass(frozen=True)
class LearnedModel:
    model: CrfModel
    annotator: str
    trained_on: frozenset[int]  # document ids: never proposed for
    retrained: bool  # trained by this call (else read back from the project)
    habits: CliticHabits  # the annotator's way with proclitics, from the same spans


def fingerprint(spans: Sequence[Span]) -> str:
    """What the model learns of a document: its spans' labels and edges, in a stable order."""
    key = sorted((s.label, s.start, s.end) for s in spans)
    return hashlib.sha256(json.dumps(key, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]


def _trained_on(store: ProjectStore, annotator: str) -> tuple[dict[str, Any], CliticHabits]:
    """What a model of ``annotator`` would be trained on now, and their habit with clitics.
    Stored with the model: ``documents`` (never proposed for), ``spans`` (how many the annotator
    had, so the window knows how many came since) and ``clitics`` (so proposals follow the habit
    without reading the annotator's spans again)."""
    documents = {}
    habits = CliticHabits()
    count = 0
    for document, spans in store.iter_documents_with_spans(annotators=[annotator]):
        if spans:
            documents[str(document.id)] = fingerprint(spans)
            count += len(spans)
            for span in spans:
                habits.observe(document.text, span.start, span.end)
    return {"features": FEATURES_VERSION, "documents": documents, "spans": count,
            "clitics": habits.as_json()}, habits


def _same_training(stored: dict[str, Any], now: dict[str, Any]) -> bool:
    """Whether a stored model learned from what the annotator has labelled now (the same
    features over the same documents' spans)."""
    return all(stored.get(key) == now[key] for key in ("features", "documents"))


def trained_documents(stored: StoredModel) -> frozenset[int]:
    """The documents a stored model learned from: it proposes nothing there."""
    return frozenset(int(d) for d in stored.trained_on.get("documents", {}))


def stored_learned(stored: StoredModel) -> LearnedModel:
    """A model read back from the project as it is (ValueError: CRFsuite cannot read it)."""
    return LearnedModel(CrfModel(stored.data), stored.annotator, trained_documents(stored), False,
                        CliticHabits.from_json(stored.trained_on.get("clitics")))


def training_sentences(document: Document, spans: Sequence[Span]) -> Iterator[tuple[list[list[str]], list[str]]]:
    """(features, IOB2 tags) for each sentence of a labelled document. A span that does not
    fall on token edges is widened to them, as the token exports do; of spans one inside
    another only the outer is learned (one tag per token)."""
    text = document.text
    tokens, breaks = tokens_and_breaks(text, document.meta)
    if not tokens:
        return
    report = AlignmentReport()
    column = token_tags(list(spans), tokens, text, report, flat=True)[0]
    for sentence in whole_sentences(breaks, [column], tokens, text, document.id, report):
        words = [text[a:b] for a, b in tokens[sentence.start:sentence.stop]]
        yield sentence_features(words), column[sentence.start:sentence.stop]


def propose(model: CrfModel, document: Document, habits: CliticHabits | None = None) -> list[Suggestion]:
    """The model's spans in one document, in text order, scored by their marginal probability;
    a leading proclitic left outside as the annotator leaves it (``habits``)."""
    text = document.text
    tokens, sentences = document_tokens(text, document.meta)
    found = []
    for sentence in sentences:
        words = [text[a:b] for a, b in tokens[sentence.start:sentence.stop]]
        for span in model.spans(sentence_features(words)):
            start, end = tokens[sentence.start + span.first][0], tokens[sentence.start + span.last][1]
            if habits is not None:
                start = habits.trimmed_start(text, start, end)
            found.append(Suggestion(start, end, span.label, ORIGIN, round(span.score, 4)))
    return found


def learned_model(store: ProjectStore, annotator: str) -> LearnedModel:
    """The project's model of ``annotator``'s labels, trained (and stored) if there is none
    or the annotator's labelled documents changed since it was."""
    if annotator == SUGGESTED:
        raise NothingToLearn(f"{store.path}: suggestions are not learned from; name an annotator or gold")
    if annotator not in {a.name for a in store.annotators()}:
        raise NothingToLearn(f"{store.path}: no annotator called {annotator!r} in this project")
    now, habits = _trained_on(store, annotator)
    ids = frozenset(int(d) for d in now["documents"])
    if not ids:
        raise NothingToLearn(f"{store.path}: {annotator!r} has labelled no span to learn from")
    name = model_name(annotator)
    stored = store.model(name)
    if stored is not None and _same_training(stored.trained_on, now):
        try:
            kept = CrfModel(stored.data)
        except ValueError:  # CRFsuite cannot read it (a damaged file): the model is rebuilt from the spans
            kept = None
        if kept is not None and kept.labels:
            return LearnedModel(kept, annotator, ids, False, habits)
    sentences = (pair for document, spans in store.iter_documents_with_spans(annotators=[annotator], documents=ids)
                 for pair in training_sentences(document, spans))
    data = train(sentences)
    model = CrfModel(data)
    store.save_model(StoredModel(name, annotator, tuple(model.labels), now, data))
    return LearnedModel(model, annotator, ids, True, habits)


def learned_suggestions(store: ProjectStore, annotator: str, documents: Sequence[Document] | None = None,
                        progress: Progress | None = None) -> dict[int, list[Suggestion]]:
    """Suggestions by document id from the model of ``annotator``'s labels, for ``documents``
    (default: every document of the project) less those it was trained on."""
    learned = learned_model(store, annotator)
    if documents is None:
        wanted = [d for d in store.document_ids() if d not in learned.trained_on]
        targets: Iterator[Document] = (document for document, _ in
                                       store.iter_documents_with_spans(annotators=[annotator], documents=wanted))
    else:
        kept = [d for d in documents if d.id not in learned.trained_on]
        wanted, targets = [d.id for d in kept], iter(kept)
    out: dict[int, list[Suggestion]] = {}
    for done, document in enumerate(targets, start=1):
        out[document.id] = propose(learned.model, document, learned.habits)
        if progress is not None:
            progress(done, len(wanted))
    return out

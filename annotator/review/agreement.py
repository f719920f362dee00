"""Agreement between annotators over a project: span F1 (exact and overlapping), Cohen's
and Fleiss' kappa and Krippendorff's alpha on token labels, and Krippendorff's unitising
alpha (alpha_u) on character spans; corpus-wide, per label and per document.

Token labels: each document is tokenised as for CoNLL export, and each token takes the
label of the outermost span that covers it for that annotator, or O. Per label, tokens
are that label or not. Every annotator named is taken to have annotated every document
chosen (a document they left untouched counts as all O).

alpha_u: the continuum is the documents' text laid end to end, in code points. It needs
each annotator's units to be disjoint, so where one annotator's spans nest or overlap the
outer span is kept (as for token labels); per label, only that label's spans are units.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from itertools import combinations

from annotator.core.tokens import document_tokens
from annotator.formats.tagging import AlignmentReport, align, layers
from annotator.review import measures
from annotator.store import Store

MEASURES = ("f1_exact", "f1_overlap", "cohen_kappa", "fleiss_kappa", "krippendorff_alpha",
            "krippendorff_alpha_u")


@dataclass(frozen=True)
class Row:
    measure: str
    annotators: list[str]
    label: str | None
    document: int | None
    value: float | None


@dataclass
class _Corpus:
    annotators: list[str]
    labels: list[str]
    spans: dict[str, set[tuple]]  # annotator -> {(document, start, end, label)}
    tokens: dict[str, list[str]]  # annotator -> token labels, all documents in order
    document_of_token: list[int]
    extents: dict[int, tuple[int, int]]  # document -> (first, end) on the continuum of all texts


def _token_labels(text: str, tokens, spans) -> list[str]:
    outer = layers(align(spans, tokens, text, AlignmentReport(), strict=False))
    labels = ["O"] * len(tokens)
    for span in outer[0] if outer else []:
        for i in range(span.first, span.last + 1):
            labels[i] = span.label
    return labels


def collect(store: Store, annotators: list[str], documents: Iterable[int] | None = None) -> _Corpus:
    wanted = set(documents) if documents else None
    corpus = _Corpus(annotators, [l.name for l in store.labels()], {a: set() for a in annotators},
                     {a: [] for a in annotators}, [], {})
    continuum_end = 0
    for document, spans in store.iter_documents_with_spans(annotators):
        if wanted is not None and document.id not in wanted:
            continue
        tokens, _ = document_tokens(document.text, document.meta)
        for annotator in annotators:
            mine = [s for s in spans if s.annotator == annotator]
            corpus.spans[annotator] |= {(document.id, s.start, s.end, s.label) for s in mine}
            corpus.tokens[annotator] += _token_labels(document.text, tokens, mine)
        corpus.document_of_token += [document.id] * len(tokens)
        corpus.extents[document.id] = (continuum_end, continuum_end + len(document.text))
        continuum_end += len(document.text)
    return corpus


def _outermost(units: Iterable[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The units that no other unit encloses or overlaps from the left: disjoint, as
    alpha_u needs."""
    kept: list[tuple[int, int, str]] = []
    last_end = -1
    for start, end, label in sorted(units, key=lambda u: (u[0], -u[1])):
        if start >= last_end:
            kept.append((start, end, label))
            last_end = end
    return kept


class _Unitisations:
    """Each annotator's alpha_u units per (label, document) scope, on demand, with their
    pairwise agreements cached so the all-annotator figure reuses the pairs'."""

    def __init__(self, corpus: _Corpus):
        self.extents = corpus.extents
        self.length = sum(end - first for first, end in corpus.extents.values())
        # annotator -> document -> [(start, end, label)] on the continuum of all texts
        self.placed: dict[str, dict[int, list[tuple[int, int, str]]]] = {}
        for annotator, spans in corpus.spans.items():
            by_document: dict[int, list[tuple[int, int, str]]] = {}
            for document, start, end, label in spans:
                first = self.extents[document][0]
                by_document.setdefault(document, []).append((first + start, first + end, label))
            self.placed[annotator] = by_document
        self.cache: dict[tuple, measures.Unitisation] = {}
        self.agreements: dict[tuple[int, int], int] = {}

    def get(self, annotator: str, label: str | None, document: int | None) -> measures.Unitisation:
        key = (annotator, label, document)
        if key not in self.cache:
            placed = self.placed[annotator]
            if document is None:
                scope_start, length = 0, self.length
                groups = placed.values()
            else:
                scope_start, scope_end = self.extents[document]
                length = scope_end - scope_start
                groups = [placed.get(document, [])]
            units: list[tuple[int, int, str]] = []
            for group in groups:  # one document each: nesting never crosses documents
                chosen = group if label is None else [u for u in group if u[2] == label]
                units += ((start - scope_start, end - scope_start, lab) for start, end, lab in _outermost(chosen))
            self.cache[key] = measures.Unitisation(units, length)
        return self.cache[key]

    def agreement(self, a: measures.Unitisation, b: measures.Unitisation) -> int:
        key = (id(a), id(b))
        if key not in self.agreements:
            self.agreements[key] = measures.unitised_agreement(a, b)
        return self.agreements[key]

    def alpha(self, annotators: list[str], label: str | None, document: int | None) -> float | None:
        return measures.krippendorff_alpha_u([self.get(a, label, document) for a in annotators], self.agreement)


def _binary(values: list[str], label: str) -> list[str]:
    return [v if v == label else "O" for v in values]


def agreement(store: Store, annotators: list[str], documents: Iterable[int] | None = None,
              by_document: bool = False) -> list[Row]:
    if len(annotators) < 2:
        raise ValueError("agreement needs at least two annotators")
    corpus = collect(store, annotators, documents)
    scopes: list[tuple[int | None, list[int]]] = [(None, list(range(len(corpus.document_of_token))))]
    if by_document:
        positions: dict[int, list[int]] = {}
        for i, doc in enumerate(corpus.document_of_token):
            positions.setdefault(doc, []).append(i)
        scopes += sorted(positions.items())
    unitisations = _Unitisations(corpus)
    rows: list[Row] = []
    for document, where in scopes:
        everything = document is None
        cache: dict[tuple[str, str | None], list[str]] = {}

        def tokens(annotator: str, label: str | None) -> list[str]:
            key = (annotator, label)
            if key not in cache:
                values = corpus.tokens[annotator] if everything else [corpus.tokens[annotator][i] for i in where]
                cache[key] = values if label is None else _binary(values, label)
            return cache[key]

        span_cache: dict[tuple[str, str | None], set[tuple]] = {}

        def spans(annotator: str, label: str | None) -> set[tuple]:
            key = (annotator, label)
            if key not in span_cache:
                span_cache[key] = {s for s in corpus.spans[annotator]
                                   if (everything or s[0] == document) and (label is None or s[3] == label)}
            return span_cache[key]

        for label in [None, *corpus.labels]:
            for a, b in combinations(annotators, 2):
                pair = [a, b]
                rows.append(Row("f1_exact", pair, label, document, measures.f1_exact(spans(a, label), spans(b, label))))
                rows.append(Row("f1_overlap", pair, label, document, measures.f1_overlap(spans(a, label), spans(b, label))))
                rows.append(Row("cohen_kappa", pair, label, document,
                                measures.cohen_kappa(tokens(a, label), tokens(b, label))))
                rows.append(Row("krippendorff_alpha", pair, label, document,
                                measures.krippendorff_alpha_nominal(list(zip(tokens(a, label), tokens(b, label))))))
                rows.append(Row("krippendorff_alpha_u", pair, label, document, unitisations.alpha(pair, label, document)))
            if len(annotators) > 2:
                ratings = [tokens(a, label) for a in annotators]
                rows.append(Row("fleiss_kappa", list(annotators), label, document, measures.fleiss_kappa(ratings)))
                rows.append(Row("krippendorff_alpha", list(annotators), label, document,
                                measures.krippendorff_alpha_nominal(list(zip(*ratings)))))
                rows.append(Row("krippendorff_alpha_u", list(annotators), label, document,
                                unitisations.alpha(list(annotators), label, document)))
    return rows


def as_dicts(rows: list[Row]) -> list[dict]:
    return [asdict(r) for r in rows]

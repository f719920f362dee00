"""Agreement between annotators over a project, corpus-wide, per label and per document.

Who: by default the annotators who labelled, i.e. have at least one span in the project,
whatever their role; the gold layer never (``labelling_annotators``). Annotators named
explicitly are taken as named; each is taken to have annotated every document chosen (a
document they left untouched counts as all O, and as all gap for alpha_u).

What each measure counts:

- ``f1_exact``, ``f1_overlap``: character spans ``(document, start, end, label)`` as
  stored, every one of them (nested, overlapping and crossing spans, spans inside a
  word). Exact: same edges and label. Overlap: same label, at least one character in
  common, paired one to one by a maximum matching. Per label: that label's spans only.
- ``cohen_kappa`` (pairs), ``fleiss_kappa`` (three or more), ``krippendorff_alpha``
  (nominal; pairs and all): token labels. Each document is tokenised as for CoNLL export,
  each span widened to whole tokens, and each token takes the label of the span over it
  that starts first (of those starting on the same token, the longest; then the first
  label name), or O. That is the outermost span where spans nest; where two cross, the
  shared tokens go to the earlier one and the rest of the later one keeps its label.
  Per label, a token is that label when its token label is, else O (a span nested in
  another label's span is not seen there).
- ``krippendorff_alpha_u``: Krippendorff's unitising alpha on characters. The continuum
  is the documents' texts laid end to end, in code points; alpha_u needs each
  annotator's units disjoint, so each character takes a span by the same rule as tokens
  (the span over it that starts first, the longest, the first label name), and each
  span's unit is the part of it so taken: the whole span, the part past an earlier
  crossing span, or nothing when nested. Per label, only that label's spans are units.
- ``f1_links`` (pairs): event links, each a triple (event mention, role, argument) of an
  annotator's event, its two spans taken as ``(document, start, end, label)``: a triple
  matches when the other annotator's events hold the same one (``measures.f1_links``).
  Which event a link is in does not matter beyond its mention. Per label: links whose
  argument has that label; none for the event label, as no argument is an event span.

Every figure is a function of the spans alone: neither the order spans are read in nor
Python's hash seed changes it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from itertools import combinations

from annotator.core.event_edits import EVENT_LABEL
from annotator.core.model import SUGGESTED, Event, Span
from annotator.core.tokens import document_tokens
from annotator.formats.tagging import AlignmentReport, align
from annotator.review import measures
from annotator.review.adjudication import GOLD
from annotator.store import ProjectStore

Progress = Callable[[int, int, str], None]

MEASURES = ("f1_exact", "f1_overlap", "f1_links", "cohen_kappa", "fleiss_kappa", "krippendorff_alpha",
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
    # annotator -> {(mention, role, argument)}, each span as (document, start, end, label)
    links: dict[str, set[tuple]] = field(default_factory=dict)


def labelling_annotators(store: ProjectStore) -> list[str]:
    """Whom agreement compares unless told: everyone with at least one span, by name; the
    gold layer and the suggesters' layer never. A reviewer who only reviewed has no spans of their own."""
    return [annotator.name for annotator, spans in store.annotator_span_counts()
            if spans and annotator.name not in (GOLD, SUGGESTED) and annotator.role != "gold"]


def _token_labels(text: str, tokens, spans) -> list[str]:
    labels = ["O"] * len(tokens)
    taken_until = 0  # every token from the current span's first one up to here is taken
    aligned = align(spans, tokens, text, AlignmentReport(), strict=False)
    for label, first, last in sorted(aligned, key=lambda s: (s.first, -s.last, s.label)):
        if last >= taken_until:
            start = max(first, taken_until)
            labels[start:last + 1] = [label] * (last + 1 - start)
            taken_until = last + 1
    return labels


def collect(store: ProjectStore, annotators: list[str], documents: Iterable[int] | None = None,
            progress: Progress | None = None) -> _Corpus:
    wanted = set(documents) if documents else None
    total = store.document_count() if progress else 0
    corpus = _Corpus(annotators, [label.name for label in store.labels()], {a: set() for a in annotators},
                     {a: [] for a in annotators}, [], {})
    corpus.links = {a: set() for a in annotators}
    continuum_end = 0
    # Events come in document order too, walked beside the documents.
    events = store.iter_events(annotators, None if wanted is None else sorted(wanted))
    event = next(events, None)
    for done, (document, spans) in enumerate(store.iter_documents_with_spans(annotators)):
        if progress and done % 50 == 0:
            progress(done, total, "")
        if wanted is not None and document.id not in wanted:
            continue
        by_id = {s.id: s for s in spans}
        while event is not None and event.document_id <= document.id:
            if event.document_id == document.id:
                corpus.links[event.annotator] |= link_triples(event, by_id)
            event = next(events, None)
        tokens, _ = document_tokens(document.text, document.meta)
        for annotator in annotators:
            mine = [s for s in spans if s.annotator == annotator]
            corpus.spans[annotator] |= {(document.id, s.start, s.end, s.label) for s in mine}
            corpus.tokens[annotator] += _token_labels(document.text, tokens, mine)
        corpus.document_of_token += [document.id] * len(tokens)
        corpus.extents[document.id] = (continuum_end, continuum_end + len(document.text))
        continuum_end += len(document.text)
    return corpus


def link_triples(event: Event, spans: dict[str, Span]) -> set[tuple]:
    """The (mention, role, argument) links of one event, each span as (document, start, end, label)."""
    def unit(span_id: str) -> tuple:
        span = spans[span_id]
        return span.document_id, span.start, span.end, span.label

    return {(unit(mention), role, unit(argument)) for mention in event.mentions
            for role, arguments in event.roles.items() for argument in arguments}


def _link_counts(links: set[tuple]) -> dict[tuple, set[tuple]]:
    """Links by scope (argument label or None, document or None)."""
    scopes: dict[tuple, set[tuple]] = {}
    for link in links:
        document, label = link[2][0], link[2][3]
        for scope in ((None, None), (label, None), (None, document), (label, document)):
            scopes.setdefault(scope, set()).add(link)
    return scopes


def _units(spans: Iterable[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Disjoint units from one annotator's spans ``(start, end, label)``: each character
    goes to the span over it that starts first (then the longer, then the label name), and
    a span's unit is what it took, always the part past every earlier span's end."""
    units: list[tuple[int, int, str]] = []
    taken_until = 0
    for start, end, label in sorted(spans, key=lambda u: (u[0], -u[1], u[2])):
        if end > taken_until:
            units.append((max(start, taken_until), end, label))
            taken_until = end
    return units


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
            for document, start, end, label in sorted(spans):
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
                units += ((start - scope_start, end - scope_start, lab) for start, end, lab in _units(chosen))
            self.cache[key] = measures.Unitisation(units, length)
        return self.cache[key]

    def agreement(self, a: measures.Unitisation, b: measures.Unitisation) -> int:
        key = (id(a), id(b))
        if key not in self.agreements:
            self.agreements[key] = measures.unitised_agreement(a, b)
        return self.agreements[key]

    def alpha(self, annotators: list[str], label: str | None, document: int | None) -> float | None:
        return measures.krippendorff_alpha_u([self.get(a, label, document) for a in annotators], self.agreement)


class _SpanComparisons:
    """Span F1 for every scope from one comparison per pair: spans, exact matches and
    overlap matches counted per (document, label), then summed into each scope's."""

    def __init__(self, corpus: _Corpus):
        self.groups = {a: measures.by_document_and_label(spans) for a, spans in corpus.spans.items()}
        self.counts: dict[tuple[str, str], dict[tuple, list[int]]] = {}

    def _pair(self, a: str, b: str) -> dict[tuple, list[int]]:
        if (a, b) not in self.counts:
            # scope (label or None, document or None) -> [spans of a, spans of b, exact, overlapping]
            totals: dict[tuple, list[int]] = {}
            mine_all, theirs_all = self.groups[a], self.groups[b]
            for key in mine_all.keys() | theirs_all.keys():
                document, label = key
                mine, theirs = mine_all.get(key, ()), theirs_all.get(key, ())
                exact = len(set(mine).intersection(theirs)) if mine and theirs else 0
                overlapping = measures.overlap_matching_size(mine, theirs) if mine and theirs else 0
                for scope in ((None, None), (label, None), (None, document), (label, document)):
                    counts = totals.setdefault(scope, [0, 0, 0, 0])
                    counts[0] += len(mine)
                    counts[1] += len(theirs)
                    counts[2] += exact
                    counts[3] += overlapping
            self.counts[(a, b)] = totals
        return self.counts[(a, b)]

    def f1(self, a: str, b: str, label: str | None, document: int | None) -> tuple[float | None, float | None]:
        """(f1_exact, f1_overlap): the figures measures.f1_exact and f1_overlap give on the scope's spans."""
        spans_a, spans_b, exact, overlapping = self._pair(a, b).get((label, document), (0, 0, 0, 0))
        if spans_a + spans_b == 0:
            return None, None
        return 2 * exact / (spans_a + spans_b), 2 * overlapping / (spans_a + spans_b)


def _binary(values: list[str], label: str) -> list[str]:
    return [v if v == label else "O" for v in values]


def agreement(store: ProjectStore, annotators: list[str], documents: Iterable[int] | None = None,
              by_document: bool = False, progress: Progress | None = None) -> list[Row]:
    """``progress(done, total, note)`` is called as documents are read and scopes measured;
    an exception it raises (a Cancel) ends the work, which writes nothing."""
    if len(annotators) < 2:
        raise ValueError("agreement needs at least two annotators")
    corpus = collect(store, annotators, documents, progress)
    scopes: list[tuple[int | None, list[int]]] = [(None, list(range(len(corpus.document_of_token))))]
    if by_document:
        positions: dict[int, list[int]] = {}
        for i, doc in enumerate(corpus.document_of_token):
            positions.setdefault(doc, []).append(i)
        scopes += sorted(positions.items())
    unitisations = _Unitisations(corpus)
    span_comparisons = _SpanComparisons(corpus)
    links = {a: _link_counts(corpus.links[a]) for a in annotators}
    rows: list[Row] = []
    for measured, (document, where) in enumerate(scopes):
        if progress:
            progress(measured, len(scopes), "")
        everything = document is None
        cache: dict[tuple[str, str | None], list[str]] = {}

        def tokens(annotator: str, label: str | None) -> list[str]:
            key = (annotator, label)
            if key not in cache:
                values = corpus.tokens[annotator] if everything else [corpus.tokens[annotator][i] for i in where]
                cache[key] = values if label is None else _binary(values, label)
            return cache[key]

        for label in [None, *corpus.labels]:
            for a, b in combinations(annotators, 2):
                pair = [a, b]
                exact, overlapping = span_comparisons.f1(a, b, label, document)
                rows.append(Row("f1_exact", pair, label, document, exact))
                rows.append(Row("f1_overlap", pair, label, document, overlapping))
                if label != EVENT_LABEL:  # no argument is an event span: its row would always be undefined
                    rows.append(Row("f1_links", pair, label, document, measures.f1_links(
                        links[a].get((label, document), set()), links[b].get((label, document), set()))))
                rows.append(Row("cohen_kappa", pair, label, document,
                                measures.cohen_kappa(tokens(a, label), tokens(b, label))))
                rows.append(Row("krippendorff_alpha", pair, label, document,
                                measures.krippendorff_alpha_nominal(list(zip(tokens(a, label), tokens(b, label))))))
                alpha_u = unitisations.alpha(pair, label, document)
                rows.append(Row("krippendorff_alpha_u", pair, label, document, alpha_u))
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

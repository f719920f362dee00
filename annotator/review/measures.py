"""Agreement measures from their textbook definitions, on plain Python data.

Chance-corrected measures (kappa, alpha) are undefined when the data hold one category
only (every token O, say): there is no chance agreement to correct for. We report None
then (null in JSON, blank in tables), as scikit-learn reports nan; nltk would say 1.0.
"""

from __future__ import annotations

from bisect import bisect_right, insort
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Sequence
from itertools import combinations
from operator import eq, itemgetter


def cohen_kappa(a: Sequence[Hashable], b: Sequence[Hashable]) -> float | None:
    """Cohen's kappa of two raters over the same items."""
    n = len(a)
    if n == 0 or n != len(b):
        return None
    observed = sum(map(eq, a, b)) / n
    count_a, count_b = Counter(a), Counter(b)
    expected = sum(count_a[c] * count_b[c] for c in count_a) / (n * n)
    if expected >= 1.0:
        return None
    return (observed - expected) / (1 - expected)


def fleiss_kappa(ratings: Sequence[Sequence[Hashable]]) -> float | None:
    """Fleiss' kappa; ``ratings[r][i]`` is rater r's category for item i (every rater rates every item)."""
    raters = len(ratings)
    items = len(ratings[0]) if ratings else 0
    if raters < 2 or items == 0:
        return None
    # Items with the same ratings contribute the same: work per distinct pattern.
    patterns = Counter(zip(*ratings))
    totals: Counter = Counter()
    agreement = 0.0
    for pattern, times in patterns.items():
        counts = Counter(pattern)
        for category, n in counts.items():
            totals[category] += n * times
        agreement += times * (sum(c * c for c in counts.values()) - raters) / (raters * (raters - 1))
    p_bar = agreement / items
    p_e = sum((t / (items * raters)) ** 2 for t in totals.values())
    if p_e >= 1.0:
        return None
    return (p_bar - p_e) / (1 - p_e)


def krippendorff_alpha_nominal(units: Sequence[Sequence[Hashable]]) -> float | None:
    """Krippendorff's alpha for nominal data; each unit lists the values its raters gave
    (missing ratings simply absent). Units with fewer than two values do not count."""
    coincidence: Counter = Counter()
    patterns = Counter(map(tuple, units))
    for values, times in patterns.items():
        m = len(values)
        if m < 2:
            continue
        counts = Counter(values)
        for c, n_c in counts.items():
            for k, n_k in counts.items():
                pairs = n_c * (n_k - 1) if c == k else n_c * n_k
                if pairs:
                    coincidence[(c, k)] += times * pairs / (m - 1)
    marginals: Counter = Counter()
    for (c, _), v in coincidence.items():
        marginals[c] += v
    n = sum(marginals.values())
    if n <= 1:
        return None
    disagreement = sum(v for (c, k), v in coincidence.items() if c != k)
    expected = sum(marginals[c] * marginals[k] for c, k in combinations(marginals, 2)) * 2
    if expected == 0:
        return None
    return 1 - (n - 1) * disagreement / expected


Unit = tuple  # (document, start, end, label), offsets in code points, end exclusive


def f1_exact(a: set[Unit], b: set[Unit]) -> float | None:
    """Span F1 of two annotators on character spans: a span matches when the other
    annotator has one in the same document with the same start, end and label.

    Every span counts, whatever its edges: nested, overlapping and crossing spans, and
    spans inside a word. The figure is symmetric, 2·|a ∩ b| / (|a| + |b|), which is the F1
    of either annotator scored against the other; an annotator's duplicates (the same
    extent and label twice) count once. On spans that fall on token edges and neither
    nest nor overlap it equals seqeval's entity F1 on the IOB2 tags; elsewhere seqeval,
    which sees one tag per token, cannot say what it counts.
    """
    if not a and not b:
        return None
    return 2 * len(a & b) / (len(a) + len(b))


def f1_links(a: set[tuple], b: set[tuple]) -> float | None:
    """Link F1 of two annotators on event links: each link is a triple (event mention, role,
    argument), its spans as ``(document, start, end, label)``, and matches when the other
    annotator has the same triple (both spans with the same edges and label, the same role).
    Symmetric, 2·|a ∩ b| / (|a| + |b|), as ``f1_exact``; None when neither has a link."""
    if not a and not b:
        return None
    return 2 * len(a & b) / (len(a) + len(b))


def overlap_matching_size(mine: Iterable[tuple[int, int]], theirs: Iterable[tuple[int, int]]) -> int:
    """The size of a maximum matching between two sets of intervals ``(start, end)``,
    ends exclusive, where two intervals may be paired when they share a position.

    Greedy in the right order is maximum for intervals: take ``mine`` by end, and pair
    each with the free overlapping interval of ``theirs`` that ends first. Every later
    interval of ``mine`` ends no earlier, so it overlaps a candidate exactly when it
    starts before the candidate's end; the candidate ending first is the one later
    intervals can use least, and swapping it into any maximum matching keeps it
    maximum. (The tests check this against scipy's maximum_bipartite_matching.)
    """
    free_ends: list[int] = []  # ends of the unpaired intervals of theirs that start early enough
    theirs = sorted(theirs)
    waiting = 0
    matched = 0
    for start, end in sorted(mine, key=itemgetter(1)):
        while waiting < len(theirs) and theirs[waiting][0] < end:
            insort(free_ends, theirs[waiting][1])
            waiting += 1
        first_overlapping = bisect_right(free_ends, start)
        if first_overlapping < len(free_ends):
            del free_ends[first_overlapping]
            matched += 1
    return matched


def by_document_and_label(units: Iterable[Unit]) -> dict[tuple, list[tuple[int, int]]]:
    """``{(document, label): [(start, end), ...]}``: only spans in one group can match."""
    groups: dict[tuple, list[tuple[int, int]]] = {}
    for document, start, end, label in units:
        groups.setdefault((document, label), []).append((start, end))
    return groups


def f1_overlap(a: set[Unit], b: set[Unit]) -> float | None:
    """Lenient span F1: a span matches a span of the other annotator in the same document
    with the same label that shares at least one character with it. Each span matches at
    most one other, and the matches are as many as such a one-to-one pairing allows (a
    maximum matching, per document and label): 2·matches / (|a| + |b|). Every span
    counts, nested and crossing ones included; duplicates count once."""
    if not a and not b:
        return None
    theirs = by_document_and_label(b)
    matches = sum(overlap_matching_size(mine, theirs[key])
                  for key, mine in by_document_and_label(a).items() if key in theirs)
    return 2 * matches / (len(a) + len(b))


_GAP = object()  # the value alpha_u gives the stretches no unit covers


class Unitisation:
    """One coder's units on a continuum of ``length`` positions: disjoint ``(start, end,
    value)`` triples, ends exclusive. What no unit covers is gap, itself a value of alpha_u."""

    __slots__ = ("units", "length", "value_lengths", "gap_length", "pairable_squares")

    def __init__(self, units: Iterable[tuple[int, int, Hashable]], length: int):
        self.units = sorted(units)
        self.length = length
        self.value_lengths: Counter = Counter()
        squares = 0
        last_end = 0
        for start, end, value in self.units:
            if start < last_end or end <= start or end > length or start < 0:
                raise ValueError(f"units must be disjoint and inside the continuum: {(start, end, value)}")
            self.value_lengths[value] += end - start
            squares += (end - start) ** 2
            last_end = end
        self.gap_length = length - sum(self.value_lengths.values())
        # A unit pairs with no part of itself (ℓ² taken out of the expected coincidences);
        # a gap is no unit, only so many single positions, so it takes out ℓ.
        self.pairable_squares = squares + self.gap_length


def _covered_overlap(a: list[tuple], b: list[tuple], same_value: bool) -> int:
    """Length on which units of ``a`` and ``b`` overlap (with equal values, if asked)."""
    total = i = j = 0
    while i < len(a) and j < len(b):
        start_a, end_a, value_a = a[i]
        start_b, end_b, value_b = b[j]
        overlap = min(end_a, end_b) - max(start_a, start_b)
        if overlap > 0 and (not same_value or value_a == value_b):
            total += overlap
        if end_a <= end_b:
            i += 1
        else:
            j += 1
    return total


def unitised_agreement(a: Unitisation, b: Unitisation) -> int:
    """Positions to which two coders give the same value, gap included."""
    covered_a, covered_b = a.length - a.gap_length, b.length - b.gap_length
    both_gap = a.length - covered_a - covered_b + _covered_overlap(a.units, b.units, same_value=False)
    return _covered_overlap(a.units, b.units, same_value=True) + both_gap


def krippendorff_alpha_u(coders: Sequence[Unitisation],
                         agreement: Callable[[Unitisation, Unitisation], int] = unitised_agreement) -> float | None:
    """Krippendorff's unitising alpha (uα, nominal) of Krippendorff, Mathet, Bouvry and
    Widlöcher (2016), from the diagonals of its coincidence matrices:

        observed  Σ_c l_cc = 1/(m-1) Σ_i Σ_j≠i (positions where i and j give the same value)
        expected  Σ_c e_cc = l.. (Σ_c l_c.² − Σ_i Σ_g w_ig) / (l..² − Σ_i Σ_g w_ig)
        uα        = 1 − (l.. − Σ_c l_cc) / (l.. − Σ_c e_cc),  l.. = m·L

    with w = ℓ² for a unit and ℓ for a gap. ``agreement`` may be a cached unitised_agreement.
    """
    m = len(coders)
    length = coders[0].length if coders else 0
    if m < 2 or length == 0 or any(c.length != length for c in coders):
        return None
    pairable = m * length
    observed = 2 * sum(agreement(a, b) for a, b in combinations(coders, 2)) / (m - 1)
    margins: Counter = Counter()
    removed = 0
    for coder in coders:
        margins.update(coder.value_lengths)
        margins[_GAP] += coder.gap_length
        removed += coder.pairable_squares
    expected = pairable * (sum(v * v for v in margins.values()) - removed) / (pairable * pairable - removed)
    if pairable - expected <= 1e-12 * pairable:
        return None
    return 1 - (pairable - observed) / (pairable - expected)


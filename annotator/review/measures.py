"""Agreement measures from their textbook definitions, on plain Python data.

Chance-corrected measures (kappa, alpha) are undefined when the data hold one category
only (every token O, say): there is no chance agreement to correct for. We report None
then (null in JSON, blank in tables), as scikit-learn reports nan; nltk would say 1.0.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from itertools import combinations


def cohen_kappa(a: Sequence[Hashable], b: Sequence[Hashable]) -> float | None:
    """Cohen's kappa of two raters over the same items."""
    n = len(a)
    if n == 0 or n != len(b):
        return None
    observed = sum(x == y for x, y in zip(a, b)) / n
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


Unit = tuple  # (document, start, end, label)


def f1_exact(a: set[Unit], b: set[Unit]) -> float | None:
    """Span F1 of two annotators, symmetric: twice the spans both have, over all spans."""
    if not a and not b:
        return None
    return 2 * len(a & b) / (len(a) + len(b))


def f1_overlap(a: set[Unit], b: set[Unit]) -> float | None:
    """Lenient span F1: a span matches one span of the other side with the same label that
    shares at least one character with it (each span matched at most once)."""
    if not a and not b:
        return None
    # Only spans of the same document and label can match: compare within those groups.
    groups: dict[tuple, list[tuple[int, int]]] = {}
    for doc, start, end, label in sorted(b):
        groups.setdefault((doc, label), []).append((start, end))
    matches = 0
    for doc, start, end, label in sorted(a):
        candidates = groups.get((doc, label))
        if not candidates:
            continue
        for index, (s2, e2) in enumerate(candidates):
            if s2 < end and start < e2:
                matches += 1
                del candidates[index]
                break
    return 2 * matches / (len(a) + len(b))

"""Documents of another project file that are almost, but not exactly, documents here.

A merge matches documents by the SHA-256 of their text, so a one-letter difference makes
a second document. Such pairs are found here so the merge can name them (and leave them
separate) and the user can join them (``merge --same``).

A pair is a near-duplicate when the texts are at least 98% similar (difflib's ratio over
``core.text_alignment``), or when both have the same title. Finding them stays fast for
thousands of documents because texts are compared only with candidates, and cheap bounds
come before the alignment:

* candidates: documents here with the same title (a title shared by more than
  ``GENERIC_TITLE`` documents here says nothing and is not used), and documents whose
  length is close enough to reach 98% at all, ``2 * min / (a + b) >= 0.98`` (about ±4%),
  found by bisection in the documents sorted by length: nothing is read for the others;
* the letter counts bound (difflib's quick_ratio, counted once per text, tried first on
  the twelve commonest letters) must reach 98% before the texts are aligned.

Measured on this two-core machine: 2,000 documents of 250–700 words merged into 2,000
others, none matching by hash (the worst case), 3.6 s; the same 2,000 with one in a
hundred edited by a letter, 0.3 s.

Only documents of the other file that match nothing here by hash (or by an earlier join)
are looked at, so merging the same corpus from each annotator compares nothing.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass

from annotator.core.text_alignment import Letters, length_bound, similarity
from annotator.store import ProjectStore

THRESHOLD = 0.98
GENERIC_TITLE = 5
LETTERS_KEPT = 4096  # letter counts of documents here kept at once (a few kB each)


@dataclass(frozen=True)
class NearDuplicate:
    source_id: int
    source_title: str
    target_id: int
    target_title: str
    similarity: float | None  # None: same title, but the bounds put the texts under the threshold

    @property
    def same_title(self) -> bool:
        return self.source_title == self.target_title


class _Candidates:
    """This project's documents, indexed by title and by length."""

    def __init__(self, target: ProjectStore, shapes: list[tuple[int, str, int, str]]):
        self.target = target
        self.titles = {s[0]: s[1] for s in shapes}
        self.lengths = {s[0]: s[2] for s in shapes}
        by_title: dict[str, list[int]] = defaultdict(list)
        for doc_id, title, _, _ in shapes:
            by_title[title].append(doc_id)
        self.by_title = {t: ids for t, ids in by_title.items() if t and len(ids) <= GENERIC_TITLE}
        ordered = sorted((s[2], s[0]) for s in shapes)
        self.sorted_lengths = [length for length, _ in ordered]
        self.sorted_ids = [doc_id for _, doc_id in ordered]
        self._letters: dict[int, Letters] = {}

    def near(self, title: str, length: int) -> list[int]:
        low = bisect_left(self.sorted_lengths, length * THRESHOLD / (2 - THRESHOLD))
        high = bisect_right(self.sorted_lengths, length * (2 - THRESHOLD) / THRESHOLD)
        return sorted(set(self.sorted_ids[low:high]) | set(self.by_title.get(title, ())))

    def letters(self, doc_id: int) -> Letters:
        found = self._letters.get(doc_id)
        if found is None:
            if len(self._letters) >= LETTERS_KEPT:  # the oldest first: the shortest, once texts come by length
                for old in list(self._letters)[:LETTERS_KEPT // 2]:
                    del self._letters[old]
            found = self._letters[doc_id] = Letters(self.target.document_text(doc_id))
        return found


def find_near_duplicates(target: ProjectStore, source: ProjectStore,
                         skip: set[int] = frozenset()) -> list[NearDuplicate]:
    """Near-duplicate pairs (a document of ``source``, one of ``target``), most similar
    first for each source document. Source documents in ``skip`` and those that match a
    document here by hash, or were joined to one, are not looked at. Reads only."""
    shapes = target.document_shapes()
    here = {s[3] for s in shapes}
    joined = target.joined_texts()
    unmatched = [s for s in source.document_shapes() if s[3] not in here and s[3] not in joined and s[0] not in skip]
    if not unmatched or not here:
        return []
    candidates = _Candidates(target, shapes)
    found = []
    # Shortest first, so the window of candidates slides along and their counts are reused.
    for source_id, title, length, _ in sorted(unmatched, key=lambda s: s[2]):
        text = letters = None
        for target_id in candidates.near(title, length):
            same_title = title == candidates.titles[target_id]
            other_length = candidates.lengths[target_id]
            score = None
            if length_bound(length, other_length) >= THRESHOLD:
                if text is None:
                    text = source.document(source_id).text
                    letters = Letters(text)
                if letters.could_reach(candidates.letters(target_id), THRESHOLD):
                    score = similarity(text, target.document_text(target_id))
            if same_title or (score is not None and score >= THRESHOLD):
                found.append(NearDuplicate(source_id, title, target_id, candidates.titles[target_id], score))
    return sorted(found, key=lambda p: (p.source_id, -(p.similarity or 0.0), p.target_id))


def percent(similarity: float) -> str:
    """"99.97": rounded down, so texts that differ never show as 100."""
    return f"{math.floor(similarity * 10000) / 100:.2f}"


def best_matches(pairs: list[NearDuplicate]) -> dict[int, int]:
    """For each source document, the most similar document here: what "join them" joins."""
    chosen: dict[int, int] = {}
    for pair in pairs:  # most similar first for each source document
        chosen.setdefault(pair.source_id, pair.target_id)
    return chosen

"""Search across many texts (a whole project), matching exactly as the find bar does in one:
through ``arabic``'s normalised key, so diacritics, tatweel, invisible marks, letter variants,
presentation forms and digit scripts are ignored, and matches come back as ranges of the
stored text in code points."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from annotator.core import arabic

CONTEXT = 40  # code points of context shown on each side of a match


class TextMatch(NamedTuple):
    """``text[start:end]`` of document ``document_id`` matches; ``before`` and ``after`` are
    the context around it on one line, for a list of matches."""

    document_id: int
    start: int
    end: int
    before: str
    match: str
    after: str


_WHITE_SPACE = re.compile(r"\s+")


def _one_line(text: str) -> str:
    return _WHITE_SPACE.sub(" ", text)


def context(text: str, start: int, end: int, width: int = CONTEXT) -> tuple[str, str, str]:
    """The text before ``[start, end)``, the match and the text after, each on one line; the
    context stops at ``width`` code points, moved so that no letter loses its marks."""
    left = arabic.cluster_start(text, max(0, start - width))
    right = arabic.cluster_end(text, min(len(text), end + width))
    return _one_line(text[left:start]), text[start:end], _one_line(text[end:right])


def find_in_texts(texts: Iterable[tuple[int, str]], query: str) -> Iterator[TextMatch]:
    """Every match of ``query`` in each ``(document id, text)``, document by document, in text
    order; nothing for a query that normalises to nothing (only diacritics, say)."""
    needle = arabic.normalise(query)
    if not needle:
        return
    for document_id, text in texts:
        # The key with its offsets costs four times the bare key: build it only where the
        # needle is (the bare key is the same string, so this check decides nothing else).
        if needle not in arabic.normalise(text):
            continue
        for start, end in arabic.find_all(text, query):
            yield TextMatch(document_id, start, end, *context(text, start, end))

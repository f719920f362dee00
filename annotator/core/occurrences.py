"""Where a span's text stands again as a word: what Annotate all labels. A match is found on the
search key Ctrl+F uses (``arabic.find_all``: diacritics, tatweel, letter variants and digit
scripts folded), so it is always whole letters with their marks; it counts only as a word of its
own or after a proclitic, which stays outside the span (بسوريا → سوريا), as the suggesters have it."""

from __future__ import annotations

from annotator.core import arabic

PROCLITICS = frozenset({"و", "ف", "ب", "ل", "ك", "وب", "وف", "ول", "فب", "فل", "وك", "لل"})


def word_occurrences(text: str, query: str, key: arabic.SearchKey | None = None) -> list[tuple[int, int]]:
    """Every (start, end) where ``query`` stands in ``text`` as a word, or a word's tail after
    a proclitic. A match inside a longer word or number (36 in 136) is none."""
    found = []
    for start, end in arabic.find_all(text, query, key):
        if end < len(text) and arabic.is_word_char(text[end]):
            continue
        word_start = start
        while word_start > 0 and arabic.is_word_char(text[word_start - 1]):
            word_start -= 1
        if word_start == start or arabic.normalise(text[word_start:start]) in PROCLITICS:
            found.append((start, end))
    return found

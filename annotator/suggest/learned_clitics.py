"""The annotator's habit with proclitics, learned from their own spans, so the model's
proposals follow it. Issue 15's conventions keep a proclitic outside a span (سوريا in بسوريا,
الجزيرة's لجزيرة in للجزيرة); the model tags whole tokens, so a proposal starts at the token's
first letter. Where the annotator's spans begin inside a word, the letters they left outside
are counted, and a proposal whose first word starts with those letters loses them when the
rest is a word the annotator began spans with, or when the annotator left those letters out
more often than they took them in. A word the annotator began spans with as it is (بغداد)
is never cut."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from annotator.core.arabic import TATWEEL, is_mark, is_word_char
from annotator.normalise.arabic_names import fold

_LONGEST_CLITIC = 3  # وبال, as folded letters less the article: و ب ل at most
_SHORTEST_REST = 2


def _word_end(text: str, start: int, end: int) -> int:
    at = start
    while at < end and is_word_char(text[at]):
        at += 1
    return at


@dataclass
class CliticHabits:
    left_out: Counter[str] = field(default_factory=Counter)  # folded letters before a span, in its word
    taken_in: Counter[str] = field(default_factory=Counter)  # spans whose first word begins with them
    first_words: set[str] = field(default_factory=set)  # folded first words of the spans

    def as_json(self) -> dict:
        return {"left_out": dict(self.left_out), "taken_in": dict(self.taken_in),
                "first_words": sorted(self.first_words)}

    @classmethod
    def from_json(cls, data: dict | None) -> CliticHabits:
        """Habits stored with a model (none for a model stored before they were)."""
        data = data or {}
        return cls(Counter(data.get("left_out", {})), Counter(data.get("taken_in", {})),
                   set(data.get("first_words", ())))

    def observe(self, text: str, start: int, end: int) -> None:
        """Learn from one of the annotator's spans over ``text[start:end]``."""
        word_start = start
        while word_start > 0 and is_word_char(text[word_start - 1]):
            word_start -= 1
        first = fold(text[start:_word_end(text, start, end)])
        if not first:
            return
        self.first_words.add(first)
        outside = fold(text[word_start:start])
        if word_start < start and 0 < len(outside) <= _LONGEST_CLITIC:
            self.left_out[outside] += 1
        for n in range(1, _LONGEST_CLITIC + 1):
            if len(first) > n:
                self.taken_in[first[:n]] += 1

    def trimmed_start(self, text: str, start: int, end: int) -> int:
        """Where a proposal over ``text[start:end]`` starts once the annotator's habit is followed."""
        word_end = _word_end(text, start, end)
        key = fold(text[start:word_end])
        if not self.left_out or key in self.first_words:
            return start
        for clitic in sorted(self.left_out, key=len, reverse=True):
            rest = key[len(clitic):]
            if not key.startswith(clitic) or len(rest) < _SHORTEST_REST:
                continue
            if rest in self.first_words or self.left_out[clitic] > self.taken_in[clitic]:
                return self._after_letters(text, start, word_end, len(clitic))
        return start

    @staticmethod
    def _after_letters(text: str, start: int, word_end: int, letters: int) -> int:
        """The position after ``letters`` letters from ``start``, with the marks they carry."""
        at, seen = start, 0
        while at < word_end and seen < letters:
            if not (is_mark(text[at]) or text[at] == TATWEEL):
                seen += 1
            at += 1
        while at < word_end and (is_mark(text[at]) or text[at] == TATWEEL):
            at += 1
        return at

"""Event triggers: the words of strikes, blasts, attacks and clashes, with their inflections
(قصف، قصفت، يقصف، القصف؛ غارة، غارتين، غارات؛ انفجار، انفجارا، تفجيرات؛ هجوم، هجمات، هجماته؛
اشتباكات…) and clitics. The span is the trigger word, its proclitic (و ف ب ل ك) left outside and
its article and pronoun suffix kept (القصف، هجماته), as a word of the text is."""

from __future__ import annotations

import re
from functools import lru_cache

from annotator.core.arabic import normalise as fold
from annotator.suggest.base import Suggestion, Word, stems, with_stem, words

ORIGIN = "rules:event"
# The endings a stem takes (pronouns, duals, plurals); a verb may take the imperfect prefixes.
_SUFFIX = r"(?:ه|ها|هم|هما|ا|ات|ان|ين|تان|تين|ت|وا|ته|اته|اتها|اتهم|اتهما)?"
# Whole words, to keep the stems from matching what they are not (ضرب is also "type", عملية a process).
_TRIGGER = re.compile(
    r"(?:ال)?(?:"
    r"قصف" + _SUFFIX + r"|غاره|غارت(?:ين|ان)|غارات|ضربه|ضربت(?:ين|ان)|ضربات"
    r"|انفجار" + _SUFFIX + r"|تفجير" + _SUFFIX + r"|هجوم" + _SUFFIX + r"|هجمات" + _SUFFIX + r"|هجمه|هجومين"
    r"|اشتباك" + _SUFFIX + r"|مواجهات|معركه|معارك|اعتداء|اعتداءات|كمين|اقتحام|استهداف" + _SUFFIX
    + r"|عمليه انتحاريه|تفجير انتحاري"
    r")"
    r"|(?:ي|ت|ن)?(?:قصف|انفجر|هاجم|اشتبك|استهدف|اقتحم)(?:ت|وا|ن|ه|ها|هم|تا|ا|ون|ان)?")
_OPERATIONS = re.compile(r"(?:ال)?عمليه|(?:ال)?عمليات")
_NOT_OPERATIONS = frozenset(fold(w) for w in "السياسية السلام التفاوضية الانتخابية الجراحية التعليمية".split())


@lru_cache(maxsize=1 << 16)  # words recur: each is matched once
def _reading(key: str) -> tuple[int, str, bool] | None:
    """(proclitic letters, stem, whether it is عملية/عمليات) of a trigger word, or None."""
    for letters, rest in stems(key):
        if letters and len(rest) < 3:
            continue
        if _TRIGGER.fullmatch(rest):
            return letters, rest, False
        if _OPERATIONS.fullmatch(rest):
            return letters, rest, True
    return None


def _trigger(text: str, ws: list[Word], i: int) -> tuple[Word, float] | None:
    found = _reading(ws[i].key)
    if found is None:
        return None
    letters, rest, operation = found
    if not operation:
        return with_stem(text, ws[i], letters, rest), 0.8
    if not (i + 1 < len(ws) and ws[i + 1].key in _NOT_OPERATIONS):
        return with_stem(text, ws[i], letters, rest), 0.5  # عمليات: strikes, often; a process, sometimes
    return None


def event_suggestions(text: str) -> list[Suggestion]:
    ws = words(text)
    out = []
    for i in range(len(ws)):
        found = _trigger(text, ws, i)
        if found:
            word, score = found
            out.append(Suggestion(word.stem_start, word.end, "event", ORIGIN, score))
    return out

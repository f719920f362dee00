"""Sources: who a report attributes its news to, as the reporting noun phrase with its title
(العميد ضياء الوكيل، وزارة الدفاع، شهود عيان).

Three rules: the noun phrase after an attribution verb (قال، أكد، أعلن، ذكر، أوضح، أفاد…) up to
what ends a subject (أن/إن, a preposition, punctuation); the noun phrase after وفق، حسب، بحسب،
نقلا عن; and source nouns wherever they stand (شهود عيان، مصدر أمني، مصادر طبية، المرصد السوري
لحقوق الإنسان, news agencies, and an outlet told the news: للجزيرة). A pronoun (حسب قوله) or a
verb with no subject after it (قال إنها) gives nothing."""

from __future__ import annotations

from annotator.suggest.base import Suggestion, Word, find_stem, gap, has_stem, keys, readings, words

ORIGIN = "rules:source"
_VERBS = keys(
    "قال قالت أكد أكدت أعلن أعلنت ذكر ذكرت أوضح أوضحت أفاد أفادت صرح صرحت أضاف أضافت أشار أشارت "
    "كشف كشفت نقل نقلت يقول تقول يؤكد تؤكد قالوا أكدوا ذكروا أفادوا أوضحوا "
    # Estimates and records are reported too (قدرت مفوضية اللاجئين أن…، وثقت المنظمة…); the masculine
    # قدر is left out: it is also the noun "amount" (على قدر).
    "قدرت قدروا رجحت رجحوا وثقت وثقوا")
_PREPOSITIONS = keys("وفق وفقا حسب بحسب طبقا")
_ON_AUTHORITY = keys("نقلا")  # نقلا عن
# What ends the subject of an attribution verb.
_SUBJECT_ENDS = keys(
    "أن إن ان بأن في على عن إلى الى خلال بعد قبل أمس اليوم مساء صباح لدى عبر من مع التي الذي الذين "
    "حول ضد أنه إنه أنها إنها أنهم إنهم لوكالة لقناة لصحيفة لموقع لـ")
_NOT_SPEAKERS = keys("فيه فيها عنه عنها ذلك هذا هذه إنه أنه إنها أنها تعبيره قوله قولها وصفه تعبيرها بيان")
_MAX_WORDS = 13
# Source nouns wherever they stand, taken with the one word after them that says whose (شهود عيان،
# مصدر أمني، مصادر طبية).
_SOURCE_NOUNS = keys("شهود شاهد مصدر مصادر مسؤول مسؤولون مسؤولين ناشطون ناشطين مراسل متحدث الناطق ناطق")
_SOURCE_NEXT = keys(
    "عيان أمني أمنية طبي طبية محلي محلية عسكري عسكرية حكومي حكومية مطلع مطلعة رسمي رسمية مطلعون "
    "عراقي عراقية سوري سورية مقرب مقربة")
_OUTLETS = keys("الجزيرة رويترز العربية سانا الأناضول")
_AGENCY = keys("وكالة الوكالة")
_ANY = _VERBS | _PREPOSITIONS | _ON_AUTHORITY | _SOURCE_NOUNS | _AGENCY
_QUOTES = set('"«»“”')
_PUNCTUATION = set(".,،:؛;\"«»()؟?!")


def _stop(ws: list[Word], j: int, text: str) -> bool:
    w = ws[j]
    return (w.key in _SUBJECT_ENDS or any(c in _PUNCTUATION for c in gap(text, ws[j - 1], w))
            or (w.key.startswith("ل") and has_stem(w, _OUTLETS)) or has_stem(w, _VERBS) or _object_of_estimate(w))


def _object_of_estimate(w: Word) -> bool:
    """What an estimate verb takes after its subject: the count (قدرت المنظمة عدد القتلى بنحو 30,
    الجرحى بـ 50) or the figure with ب (بنحو، بأكثر، ب50): none of it is the speaker's."""
    return w.key in _ESTIMATED or w.key[:1] == "ب" and (w.key[1:].isdigit() or w.key[1:] in _APPROXIMATE
                                                        or w.key == "ب")  # بـ 50


_ESTIMATED = keys("عدد حصيلة القتلى الجرحى الضحايا المصابين الشهداء")
_APPROXIMATE = keys("نحو أكثر حوالي حوالى قرابة زهاء ما")


def _noun_phrase(text: str, ws: list[Word], i: int) -> tuple[int, int] | None:
    """(first, last) word of the noun phrase starting at word i, or None."""
    if i >= len(ws) or ws[i].key in _SUBJECT_ENDS or ws[i].key in _NOT_SPEAKERS or ws[i].key.isdigit():
        return None
    if i > 0 and any(c in _PUNCTUATION and c not in _QUOTES for c in gap(text, ws[i - 1], ws[i])):
        return None  # a quote may open the name: قالت " هيومن رايتس ووتش "
    j = i + 1
    while j < len(ws) and j - i < _MAX_WORDS and not _stop(ws, j, text):
        j += 1
    if j - i >= _MAX_WORDS:
        return None  # no end in sight: not a subject
    return i, j - 1


def _outlet(text: str, ws: list[Word], i: int) -> Suggestion | None:
    found = find_stem(text, ws[i], _OUTLETS)
    if found is None or found.stem_start == found.start and ws[i].key != "رويترز":
        return None  # الجزيرة alone is also a place; told to it (للجزيرة) it is the outlet
    return Suggestion(found.stem_start, found.end, "source", ORIGIN, 0.7)


def source_suggestions(text: str) -> list[Suggestion]:
    ws = words(text)
    phrases: list[tuple[int, int, float]] = []  # (first word, last word, score)
    starts: dict[int, int] = {}  # first word -> where its span starts when a proclitic is left out
    for i, w in enumerate(ws):
        if readings(w.key).isdisjoint(_ANY):  # most words: one set test
            continue
        if has_stem(w, _VERBS):
            told = i + 1 < len(ws) and ws[i + 1].key == "ل"  # قالوا لـ هيومن رايتس ووتش: whom they told
            np = _noun_phrase(text, ws, i + 2 if told else i + 1)
            if np:
                phrases.append((*np, 0.6 if told else 0.75))
        elif has_stem(w, _PREPOSITIONS) or (has_stem(w, _ON_AUTHORITY) and i + 1 < len(ws) and ws[i + 1].key == "عن"):
            k = i + 2 if has_stem(w, _ON_AUTHORITY) else i + 1
            if k < len(ws) and has_stem(ws[k], _OUTLETS) and ws[k].key.startswith("ل"):
                continue
            np = _noun_phrase(text, ws, k)
            if np:
                phrases.append((*np, 0.8))
        elif (head := find_stem(text, w, _SOURCE_NOUNS)) and i + 1 < len(ws) and has_stem(ws[i + 1], _SOURCE_NEXT):
            phrases.append((i, i + 1, 0.8))
            starts[i] = head.stem_start
        elif has_stem(w, _AGENCY) and i + 2 < len(ws):
            np = _noun_phrase(text, ws, i)
            if np:
                phrases.append((*np, 0.6))
    # A subject after a verb starts bare (وزارة، وكالة begin with و); a source noun may carry one (ومصادر).
    out = [Suggestion(starts.get(first, ws[first].start), ws[last].end, "source", ORIGIN, score)
           for first, last, score in phrases]
    out += [s for i in range(len(ws)) if has_stem(ws[i], _OUTLETS) and (s := _outlet(text, ws, i))]
    return out

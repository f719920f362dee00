"""Places from the offline gazetteer (annotator.normalise.gazetteer), read over the text's words.

From each word, the longest run of up to four words whose name the gazetteer holds wins
(دير الزور before دير), the first word read bare and then without its proclitic (بسوريا, which is
left outside the span). A generic head (منطقة، قضاء، بلدة، مدينة…) stays outside unless the
gazetteer knows it as part of the name (مدينة الصدر); a region head stays in, since ريف الحسكة and
محافظة دير الزور are other places than the town (the gazetteer's region reading). A trailing
nationality (البوكمال السورية) stays out.

The gazetteer holds every town of 500 people, and Arabic words are town names too (أن، إلى، بيان):
a country, continent or region is taken anywhere; a town only where the text says a place comes
(a preposition such as في، من، داخل, a proclitic ب or ل, a head word, a compass word, or a place
just before joined by و), or, for a large town of an Arabic-speaking country, alone. Words the other
rules read as dates, numbers or events are never places."""

from __future__ import annotations

from functools import lru_cache

from annotator.normalise.arabic_names import DIRECTIONS, PLACE_HEADS, REGION_HEADS
from annotator.normalise.arabic_names import fold as name_key
from annotator.normalise.date_words import DAY_WORDS, WEEKDAYS, month_lexicon
from annotator.normalise.gazetteer import Match, begins_a_name, knows, match
from annotator.suggest.base import Suggestion, Word, stem_start, stems, words

ORIGIN = "gazetteer"
_LONGEST = 4
_NOT_AFTER = frozenset(name_key(w) for w in "جريدة صحيفة مجلة ليرة دينار جنيه ريال".split())  # جريدة فلسطين
_CUES = PLACE_HEADS | REGION_HEADS | frozenset(name_key(w) for w in (
    "في وفي ففي من ومن إلى الى وإلى على عن داخل قرب عند حتى نحو بين مدينة بلدة قرية منطقة حي مخيم قضاء "
    "ناحية العاصمة عاصمة محافظة ريف ولاية إقليم اقليم مديرية أطراف ضواحي محيط وسط مناطق أنحاء").split()) | DIRECTIONS
_LARGE_TOWN = 200_000
_NOT_PLACES = frozenset(name_key(w) for w in (
    "أن إن وأن وإن إلى هو هي منه منها بيان مقر صور أدى شبه أولى مدينة ما لا كما أي الذي التي قد كان "
    "الأمن الدولة التنظيم الحرب الجيش الشرطة النظام الحكومة الأمم حزب الرئيس المركز الدفاع القوات "
    "الأمني وزارة الوزارة الشام الحسينيات الحسينية أمس اليوم غدا الساعة الأحد").split()) \
    | frozenset(name_key(w) for w in month_lexicon()) | frozenset(WEEKDAYS) | frozenset(DAY_WORDS)
_HEADS = PLACE_HEADS | REGION_HEADS
# Words recur within and across documents: each is folded and judged once.
_name = lru_cache(maxsize=1 << 16)(name_key)


@lru_cache(maxsize=1 << 16)
def _not_a_name_word(key: str) -> bool:
    name = _name(key)
    return not name or any(c.isdigit() for c in key) or name in _NOT_PLACES


@lru_cache(maxsize=1 << 16)
def _first_words(key: str) -> tuple[tuple[int, str, str, bool], ...]:
    """(proclitic letters, reading, its name key, whether it may be a name alone) of a word."""
    out = []
    for letters, rest in stems(key):
        first = _name(rest)
        out.append((letters, rest, first, not (first in _NOT_PLACES or first in _HEADS or len(first) < 3)))
    return tuple(out)


@lru_cache(maxsize=1 << 16)
def _start_options(key: str) -> tuple[tuple[int, str, str, bool], ...]:
    """The readings of a word that may begin a name: a region head, or what some name of the
    gazetteer begins with; none for a number (most words: nothing to look up after them)."""
    if not _name(key) or any(c.isdigit() for c in key):
        return ()
    return tuple(o for o in _first_words(key) if o[2] in REGION_HEADS or begins_a_name(o[2]))


@lru_cache(maxsize=1 << 16)
def _local_head(key: str) -> bool:
    return any(first in _LOCAL_HEADS for _l, _r, first, _a in _first_words(key))


def _longest(text: str, ws: list[Word], i: int) -> tuple[int, int, Match] | None:
    """(proclitic letters, words, match) of the longest name starting at word i."""
    options = _start_options(ws[i].key)
    if not options:
        return None
    longest = 1  # a name runs over spaces only: never across a bracket, a comma or a full stop
    while longest < _LONGEST and i + longest < len(ws) and not _not_a_name_word(ws[i + longest].key) \
            and text[ws[i + longest - 1].end:ws[i + longest].start].strip() == "":
        longest += 1
    if longest > 1:
        second = _name(ws[i + 1].key)
        # Only a reading that, with the next word, begins some name can begin a longer one.
        longer = [o for o in options if o[2] in REGION_HEADS or begins_a_name(o[2] + second)]
        if longer:
            names = [_name(w.key) for w in ws[i + 1:i + longest]]
            found = _longer(ws, i, longer, names)
            if found is not None:
                return found
    for letters, _rest, first, alone in options:
        if alone and _known(first):
            found = match(first)
            if letters and found.best.kind == "city" and not found.best.arabic:
                continue  # بيان is not ب + Yan'an: a clitic is read off only before a name at home in Arabic
            return letters, 1, found
    return None


def _longer(ws: list[Word], i: int, options: list, names: list[str]) -> tuple[int, int, Match] | None:
    for n in range(len(names) + 1, 1, -1):
        for letters, rest, first, _alone in options:
            key = first + "".join(names[:n - 1])
            if _known(key):
                return letters, n, match(key)
            if first in REGION_HEADS and _known(key[len(first):]):
                return letters, n, match(" ".join((rest, *(w.key for w in ws[i + 1:i + n]))))  # ريف الحسكة
    return None


def _known(key: str) -> bool:
    """Whether the gazetteer holds this exact key. ``match`` also tries other readings (without a
    head, a direction, a particle, in another spelling): here the span decides, so only the
    literal key counts."""
    return knows(key)


def _cued(text: str, ws: list[Word], i: int, letters: int, previous_place: int) -> bool:
    if letters and ws[i].key[:1] in "بل" or letters >= 2:
        return True
    if i == 0:
        return False
    if any(first in _CUES for _l, _r, first, _a in _first_words(ws[i - 1].key)):
        return True
    return previous_place == i - 1 and ws[i].key.startswith("و")


def _named_after_head(text: str, ws: list[Word], i: int) -> Suggestion | None:
    """A name the gazetteer lacks, after a head that says it is a place (جنوب منطقة الدشيشة): one
    word with the article, not an adjective (منطقة عسكرية، المنطقة الحدودية)."""
    if i == 0 or not _local_head(ws[i - 1].key):
        return None
    key = _name(ws[i].key)
    if not key.startswith("ال") or len(key) < 5 or key.endswith(("يه", "ي", "ين", "ون")) or key in _NOT_PLACES:
        return None
    return Suggestion(ws[i].start, ws[i].end, "place", "rules:place", 0.5)


_LOCAL_HEADS = frozenset(name_key(w) for w in "منطقة بلدة قرية مخيم حي ناحية".split())


def place_suggestions(text: str) -> list[Suggestion]:
    ws = words(text)
    out: list[Suggestion] = []
    previous_place = -2
    i = 0
    while i < len(ws):
        found = _longest(text, ws, i)
        if found is None:
            if (unknown := _named_after_head(text, ws, i)) is not None:
                out.append(unknown)
                previous_place = i
            i += 1
            continue
        letters, n, place = found
        best = place.best
        if i and _name(ws[i - 1].key) in _NOT_AFTER:  # جريدة فلسطين is a paper, ليرة سورية a currency
            i += n
            continue
        cued = _cued(text, ws, i, letters, previous_place) or n > 1
        if not (best.kind != "city" or cued or (best.arabic and best.population >= _LARGE_TOWN)):
            i += 1
            continue
        start = stem_start(text, ws[i], letters)
        value = best.region_value() if place.region else best.value()
        score = 0.9 if best.kind != "city" else 0.8 if cued else 0.6
        out.append(Suggestion(start, ws[i + n - 1].end, "place", ORIGIN, score, value))
        previous_place = i + n - 1
        i += n
    return out


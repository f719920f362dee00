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
rules read as dates, numbers or events are never places.

A plural head (محافظات، مدن، قرى…) cues each name of the list joined by و after it (محافظات عمران
وحجة: two places); in such a list, or after a head, a two-letter name counts too (محافظة إب), and so
does a weak month name (إب is also آب, August). A name the gazetteer lacks is taken after a local
head when it is one word with the article (منطقة الدشيشة) or a compound name (قرية كفر عانة، بيت،
دير، تل، عين… + one word)."""

from __future__ import annotations

from functools import lru_cache

from annotator.normalise.arabic_names import DIRECTIONS, PLACE_HEADS, REGION_HEADS
from annotator.normalise.arabic_names import fold as name_key
from annotator.normalise.date_words import DAY_WORDS, WEAK_MONTHS, WEEKDAYS, month_lexicon
from annotator.normalise.gazetteer import Match, begins_a_name, knows, match
from annotator.suggest.base import Suggestion, Word, gap, stem_start, stems, words

ORIGIN = "gazetteer"
_LONGEST = 4
# A place name inside a paper's, a currency's or a government's name (جريدة فلسطين، حكومة إقليم كردستان).
_NOT_AFTER = frozenset(name_key(w) for w in "جريدة صحيفة مجلة ليرة دينار جنيه ريال حكومة".split())
# Plural heads: each name of the list after them is a place (محافظات عمران وحجة).
_PLURAL_HEADS = frozenset(name_key(w) for w in (
    "محافظات مدن قرى بلدات مخيمات أحياء ولايات أقاليم مديريات نواحي أقضية مناطق بلديات").split())
_CUES = PLACE_HEADS | REGION_HEADS | frozenset(name_key(w) for w in (
    "في وفي ففي من ومن إلى الى وإلى على عن داخل قرب عند حتى نحو بين مدينة بلدة قرية منطقة حي مخيم قضاء "
    "ناحية العاصمة عاصمة محافظة ريف ولاية إقليم اقليم مديرية أطراف ضواحي محيط وسط مناطق أنحاء").split()) \
    | DIRECTIONS | _PLURAL_HEADS
_LARGE_TOWN = 200_000
_NOT_PLACES = frozenset(name_key(w) for w in (
    "أن إن وأن وإن إلى هو هي منه منها بيان مقر صور أدى شبه أولى مدينة ما لا كما أي الذي التي قد كان "
    "الأمن الدولة التنظيم الحرب الجيش الشرطة النظام الحكومة الأمم حزب الرئيس المركز الدفاع القوات "
    "الأمني وزارة الوزارة الشام الحسينيات الحسينية أمس اليوم غدا الساعة الأحد "
    # Common nouns that are also the names of small towns somewhere (Al Bilād, YE): the country, the north…
    "البلاد بلاد الوطن الشمال الجنوب الشرق الغرب المدينة القرية البلدة المنطقة العاصمة جامعة الجامعة "
    "سوق السوق ديوان الديوان نفس شعب الشعب سجن السجن الاتحاد وقف").split()) \
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


def _longest(text: str, ws: list[Word], i: int, listed: bool = False) -> tuple[int, int, Match] | None:
    """(proclitic letters, words, match) of the longest name starting at word i; ``listed``: the word
    stands in a list of places or after a head (وحجة in محافظات عمران وحجة)."""
    options = _start_options(ws[i].key)
    if not options:
        return None
    longest = 1  # a name runs over spaces only: never across a bracket, a comma or a full stop
    while longest < _LONGEST and i + longest < len(ws) and not gap(text, ws[i + longest - 1], ws[i + longest]) \
            and (not _not_a_name_word(ws[i + longest].key)
                 or longest == 1 and _head(ws[i].key) and _name(ws[i + 1].key) in _WEAK_MONTHS):  # محافظة إب
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
            if letters and not listed and found.best.kind == "city" and len(first) <= 3 \
                    and found.best.population < _LARGE_TOWN:
                continue  # لغات is "languages" before ل + غات (Ghat): a short rest must be a large town or listed
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


_LOCAL_HEADS = frozenset(name_key(w) for w in "منطقة بلدة قرية مخيم حي ناحية مديرية خربة".split())
# Words that begin a compound village or district name (كفر عانة، بيت جبرين، أبو فاخرة): after a
# local head, such a word and the one after it are a name even when the gazetteer lacks it.
_COMPOUND_FIRST = frozenset(name_key(w) for w in (
    "كفر بيت دير تل عين بئر خربة أبو ابو أم ام بني برج رأس راس وادي جبل عرب").split())
_WEAK_MONTHS = frozenset(name_key(w) for w in WEAK_MONTHS)


@lru_cache(maxsize=1 << 16)
def _names_a_thing(key: str) -> bool:
    """Whether the word (maybe with a proclitic: وحكومة) heads a name that holds a place's (_NOT_AFTER)."""
    return any(first in _NOT_AFTER for _l, _r, first, _a in _first_words(key))


@lru_cache(maxsize=1 << 16)
def _head(key: str) -> bool:
    """Whether the word (its proclitic read off) is a head word, singular or plural."""
    return any(first in _HEADS or first in _PLURAL_HEADS for _l, _r, first, _a in _first_words(key))


def _compound_after_head(text: str, ws: list[Word], i: int) -> Suggestion | None:
    """A compound name the gazetteer lacks after a local head: قرية كفر عانة → كفر عانة."""
    if i == 0 or i + 1 >= len(ws) or not _local_head(ws[i - 1].key) or _name(ws[i].key) not in _COMPOUND_FIRST:
        return None
    if not gap(text, ws[i], ws[i + 1]) and not _not_a_name_word(ws[i + 1].key) and not _head(ws[i + 1].key):
        return Suggestion(ws[i].start, ws[i + 1].end, "place", "rules:place", 0.5)
    return None


def _short_name(ws: list[Word], i: int, previous_place: int) -> tuple[int, Match] | None:
    """(proclitic letters, match) of a two-letter or month-like name (إب) right after a head or in
    a list of places joined by و: alone, such a word is too often something else."""
    if i == 0:
        return None
    chained = previous_place == i - 1 and ws[i].key.startswith("و")
    if not (chained or _head(ws[i - 1].key)):
        return None
    for letters, _rest, first, _alone in _first_words(ws[i].key):
        if (len(first) == 2 or first in _WEAK_MONTHS) and _known(first):
            found = match(first)
            if found is not None and found.best.arabic and (letters == 0 or chained and letters == 1):
                return letters, found
    return None


def place_suggestions(text: str) -> list[Suggestion]:
    ws = words(text)
    out: list[Suggestion] = []
    previous_place = -2
    i = 0
    while i < len(ws):
        listed = i > 0 and (previous_place == i - 1 and ws[i].key.startswith("و") or _head(ws[i - 1].key))
        found = _longest(text, ws, i, listed)
        if found is None and (short := _short_name(ws, i, previous_place)) is not None:
            found = (short[0], 1, short[1])
        if found is None:
            if (unknown := _compound_after_head(text, ws, i) or _named_after_head(text, ws, i)) is not None:
                out.append(unknown)
                previous_place = i if unknown.end == ws[i].end else i + 1
                i = previous_place
            i += 1
            continue
        letters, n, place = found
        best = place.best
        if i and _names_a_thing(ws[i - 1].key):  # جريدة فلسطين is a paper, ليرة سورية a currency
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


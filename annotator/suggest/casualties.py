"""Casualty phrases: a count of the killed or injured, from the casualty or approximation word to
the noun counted (مقتل 36 عنصرا، نحو عشرين قتيلا ومئة جريح، أصيب 15 شخصا، لقي 5 أشخاص حتفهم).

Counts are the cardinals of annotator.normalise.numbers.find_numbers and the vague counts
(عشرات، مئات، عدد من). A count is a casualty count when a casualty word stands right before it
(مقتل، قتل، إصابة، أصيب، استشهاد، سقوط…, maybe with an approximator between) or the noun it counts
is one (قتيلا، جرحى، شهداء، مصابين). Phrases joined by و are one span (مقتل 5 وإصابة 10). A span
whose casualty normaliser (normalise_casualty) reads no count of killed or injured is dropped:
that is how a count of the arrested or of attacks is told apart."""

from __future__ import annotations

from annotator.core.arabic import normalise as fold
from annotator.normalise.casualties import normalise_casualty
from annotator.normalise.numbers import Token, find_numbers
from annotator.suggest.base import Suggestion, Word, has_stem, keys, readings, stems, text_tokens, with_stem, words

ORIGIN = "rules:casualty"
_TRIGGERS = keys(
    "مقتل مصرع قتل قتلت قتلوا يقتل تقتل استشهاد استشهد استشهدت استشهدوا إصابة أصيب أصيبت أصيبوا جرح "
    "جرحت سقوط وفاة توفي لقي لقيت لقوا حصيلة إصابات مقتلى")
_COUNTED = keys(
    "قتيل قتيلا قتيلة قتلى قتيلين قتيلان جريح جريحا جريحة جرحى جريحين جريحان شهيد شهيدا شهداء "
    "شهيدين مصاب مصابا مصابين مصابون إصابة إصابات ضحية ضحايا")
_PEOPLE = keys(
    "شخص شخصا شخصين أشخاص اشخاص عنصر عنصرا عناصر عنصرين جندي جنديا جنود جنديين مدني مدنيا مدنيين "
    "مدنيون طفل طفلا أطفال امرأة نساء رجل رجال مسلح مسلحا مسلحين عسكري عسكريا عسكريين شرطي شرطيا "
    "شرطيين ضابط ضابطا ضباط مقاتل مقاتلا مقاتلين مواطن مواطنا مواطنين فلسطيني فلسطينيا فلسطينيين "
    "آخر آخرين آخرون متظاهر متظاهرا متظاهرين زائر زوار صحفي صحفيا صحفيين طالب طلاب إرهابي إرهابيا "
    "إرهابيين عامل عمال جنرال قائد زعيم قيادي ناشط رئيس مسؤول")
_APPROXIMATORS = keys("نحو قرابة حوالي حوالى زهاء")
# Approximators of several words, folded word by word.
_APPROX_PHRASES = [tuple(fold(w) for w in phrase.split()) for phrase in (
    "أكثر من", "أزيد من", "ما لا يقل عن", "لا يقل عن", "ما يزيد عن", "ما يزيد على", "ما يقارب")]
_VAGUE = keys("عشرات العشرات مئات المئات آلاف الآلاف")
_FATE_END = keys("حتفه حتفها حتفهم حتفهما")
_CASUALTY_WORDS = _TRIGGERS | _COUNTED | frozenset("ال" + w for w in _TRIGGERS | _COUNTED)
_REACH = 6  # words from a casualty word to the count it may take (مقتل ما لا يقل عن 30 …)
_OF = keys("من")


def _bare(word: Word, lexicon: frozenset[str]) -> tuple[int, str] | None:
    """(proclitic letters, stem) of the word when a reading, maybe without its article, is in the lexicon."""
    for letters, rest in stems(word.key):
        if rest in lexicon:
            return letters, rest
        if rest.startswith("ال") and rest[2:] in lexicon:
            return letters, rest
    return None


def _approximation_before(ws: list[Word], i: int) -> int:
    """The first word of an approximator right before word i (نحو، أكثر من، ما لا يقل عن), or i."""
    if i - 1 >= 0 and has_stem(ws[i - 1], _APPROXIMATORS):
        return i - 1
    for phrase in _APPROX_PHRASES:
        n = len(phrase)
        if i - n >= 0 and tuple(w.key for w in ws[i - n:i])[1:] == phrase[1:] and \
                any(rest == phrase[0] for _l, rest in stems(ws[i - n].key)):
            return i - n
    return i


def _estimated(ws: list[Word], i: int) -> int | None:
    """The casualty noun an estimate puts a count on with ب (قدرت عدد القتلى بنحو 30، الجرحى بـ 50):
    its index when word i carries the ب (بنحو، بأكثر، ب50) or follows a lone ب (بـ 50), else None."""
    if i >= 1 and ws[i - 1].key == "ب":
        noun = i - 2
    elif any(letters == 1 and ws[i].key.startswith("ب") for letters, _rest in stems(ws[i].key)) \
            or ws[i].key[:1] == "ب" and ws[i].key[1:].isdigit():
        noun = i - 1
    else:
        return None
    if noun >= 0 and ws[noun].key.startswith("ال") and ws[noun].key[2:] in _COUNTED:
        return noun
    return None


def _trigger_before(ws: list[Word], i: int) -> int | None:
    """The first word of the casualty words right before word i (مقتل وإصابة), or None."""
    if i - 1 < 0 or not _bare(ws[i - 1], _TRIGGERS):
        return _estimated(ws, i)
    j = i - 1
    if j - 1 >= 0 and ws[j].key.startswith("و") and _bare(ws[j - 1], _TRIGGERS):
        j -= 1
    return j


def _windows(ws: list[Word]) -> list[tuple[int, int]]:
    """Word ranges around the casualty words, merged: a count further away is not theirs, so the
    rest of the text is not read for numbers at all."""
    out: list[list[int]] = []
    for i, w in enumerate(ws):
        if not readings(w.key).isdisjoint(_CASUALTY_WORDS):
            a, b = max(0, i - _REACH), min(len(ws), i + _REACH + 1)
            if out and a <= out[-1][1]:
                out[-1][1] = b
            else:
                out.append([a, b])
    return [(a, b) for a, b in out]


def _counts(text: str, ws: list[Word], toks: list[Token], windows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(first, last) word of every count near a casualty word: cardinals and vague counts (عشرات)."""
    found = [(a + n.first, a + n.last) for a, b in windows for n in find_numbers(text, toks[a:b])]
    taken = {i for first, last in found for i in range(first, last + 1)}
    for a, b in windows:
        for i in range(a, b):
            if i not in taken and _bare(ws[i], _VAGUE):
                found.append((i, i))
    return sorted(found)


def _phrase(text: str, ws: list[Word], first: int, last: int) -> tuple[int, int] | None:
    """(first word, last word) of the casualty phrase around the count at words first..last."""
    end = last
    nxt = last + 1
    if nxt < len(ws) and ws[nxt].key in _OF and nxt + 1 < len(ws):
        nxt += 1
    counted = nxt < len(ws) and _bare(ws[nxt], _COUNTED) and not ws[nxt].key.startswith("و")
    start = _approximation_before(ws, first)
    trigger = _trigger_before(ws, start)
    if counted:
        end = nxt
    elif trigger is not None and last + 1 < len(ws) and _bare(ws[last + 1], _PEOPLE):
        end = last + 1
    elif trigger is None:
        return None
    if end + 1 < len(ws) and has_stem(ws[end + 1], _FATE_END):
        end += 1  # لقي 5 أشخاص حتفهم
    return (trigger if trigger is not None else start), end


def _singles(ws: list[Word]) -> list[tuple[int, int]]:
    """A casualty word with a person and no count: مقتل شخص، إصابة جنديين، سقوط قتيلين."""
    out = []
    for i in range(len(ws) - 1):
        if _bare(ws[i], _TRIGGERS) and (_bare(ws[i + 1], _PEOPLE) or _bare(ws[i + 1], _COUNTED)):
            out.append((i, i + 1))
    return out


def casualty_suggestions(text: str) -> list[Suggestion]:
    ws = words(text)
    windows = _windows(ws)
    if not windows:
        return []
    toks = list(text_tokens(text))
    phrases = [p for first, last in _counts(text, ws, toks, windows) if (p := _phrase(text, ws, first, last))]
    taken = {i for a, b in phrases for i in range(a, b + 1)}
    phrases += [p for p in _singles(ws) if not taken & set(range(p[0], p[1] + 1))]
    phrases.sort()
    joined: list[list[int]] = []
    for first, last in phrases:  # نحو عشرين قتيلا ومئة جريح، مقتل 5 وإصابة 10
        if joined and first <= joined[-1][1] + 1 and (first <= joined[-1][1] or ws[first].key.startswith("و")):
            joined[-1][1] = max(joined[-1][1], last)
        else:
            joined.append([first, last])
    out = []
    for first, last in joined:
        word = ws[first]
        letters = next((n for n, rest in stems(word.key)
                        if n and (rest in _TRIGGERS or rest in _COUNTED or rest.isdigit() or rest in _APPROXIMATORS
                                  or rest in _VAGUE or rest[2:] in _TRIGGERS | _VAGUE)), 0)
        start = with_stem(text, word, letters, "").stem_start
        value = normalise_casualty(text[start:ws[last].end])
        if value is None or value["killed"] is None and value["injured"] is None:
            continue  # حصيلة القتلى: casualty words, but no count of anyone
        out.append(Suggestion(start, ws[last].end, "casualty", ORIGIN, 0.85, value))
    return out


"""Casualty phrases to counts: "نحو عشرين قتيلا ومئة جريح" → {"killed": 20, "injured": 100,
"approximate": True}; a count the phrase does not give is None.

How a count finds its category (killed or injured), first rule that applies:
1. the noun counted right after it: عشرين قتيلا، مئة جريح، عشرات القتلى (not one with و: in
   "مقتل 5 وإصابة 10" the وإصابة starts the next clause);
2. else the nearest killed or injured word before it: مقتل 36 عنصرا، أصيب 15 شخصا;
3. else the nearest such word after it, a few words on: لقي 5 أشخاص حتفهم.
A count that meets a word of another fate first is not a casualty count: an arrest, capture,
abduction, release, displacement, rescue or evacuation (اعتقال 20 شخصا، أسر 3 جنود، خطف، اختطاف،
إطلاق سراح، تهجير، نزوح، إنقاذ، إجلاء، 20 أسيرا) takes the count for itself, in each of the three
rules (مقتل 5 واعتقال 20 → 5 killed). A phrase with no killed or injured word gives None, except a
bare toll: a number (or vague count) alone, with at most an approximator and a person counted
right after it (36، نحو 36، 36 شخصا، عشرات), is a death toll, as a casualty span of "ارتفعت الحصيلة
إلى 36" is. Anything else beside it says what the count is of (لخمسة من قيادات التنظيم: five
leaders lured, in the reference article), so no death is read into it.

Decisions, with the gold set (tests/data/casualties-gold) judged the same way:
- One count for killed and injured together (مقتل وإصابة 15، القتلى والجرحى 15، 15 بين قتيل
  وجريح، 15 قتيلا وجريحا) is not split: both are None and approximate is True, because 15 is
  neither the killed nor the injured count, only a bound on both.
- Counts of one category add up (مقتل 3 جنود و2 مدنيين → 5), except a count after إلى, which
  replaces the ones before (ارتفع عدد القتلى من 10 إلى 20 → 20), and counts after بينهم/منهم,
  which are part of a count already given (مقتل 20 بينهم 5 أطفال → 20).
- Vague counts (عشرات، العشرات، مئات، آلاف، عدد من، العديد من، بضعة، آخرون) give None and
  approximate True; so does a bare plural with no count (سقوط قتلى).
- A singular with no count is one (قتيل، لقي حتفه، مقتل شخص، إصابة جندي); a dual is two
  (قتيلين، جريحين، مقتل شخصين، لقيا حتفهما).
- ضحايا/ضحية (victims) and حصيلة (toll) count as killed only when a number is theirs
  (سقوط 20 ضحية → 20 killed); as an umbrella (عدد الضحايا بلغ عشرين قتيلا ومئة جريح) they add nothing.
- Infections are not injuries: a phrase about a disease (مصابي الكوليرا، إصابات كورونا) has no
  casualty value (None).
- Numbers that are dates, durations, percentages or counts of attacks (في 19 أبريل، خلال 3
  أيام، في 3 هجمات) are not counts of people."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from annotator.core.arabic import normalise as fold
from annotator.normalise.numbers import Token, find_numbers, tokens

KILLED, INJURED = "killed", "injured"


def _fold_pattern(pattern: str) -> re.Pattern[str]:
    return re.compile(fold(pattern))


# Each word kind on the folded stem (article and proclitics removed). "counted" nouns follow
# a number; "trigger" words (verbs, verbal nouns) come before it. Number: 1 singular, 2 dual,
# 0 plural (no count), None (says nothing about how many).
@dataclass(frozen=True)
class _Word:
    pattern: re.Pattern[str]
    category: str
    counted: bool
    number: int | None
    weak: bool = False  # an umbrella word: takes a number, never claims a category alone


_WORDS = [
    _Word(_fold_pattern(r"قتيل(ا|ة|ه)?"), KILLED, True, 1),
    _Word(_fold_pattern(r"قتيل(ان|ين)"), KILLED, True, 2),
    _Word(_fold_pattern(r"قتلى"), KILLED, True, 0),
    _Word(_fold_pattern(r"شهيد(ا|ة)?"), KILLED, True, 1),
    _Word(_fold_pattern(r"شهيد(ان|ين)"), KILLED, True, 2),
    _Word(_fold_pattern(r"شهداء"), KILLED, True, 0),
    _Word(_fold_pattern(r"(مقتل|مصرع|حتف)"), KILLED, False, None),
    _Word(_fold_pattern(r"(مقتل|مصرع|حتف)(ه|ها)"), KILLED, False, 1),
    _Word(_fold_pattern(r"(مقتل|مصرع|حتف)هما"), KILLED, False, 2),
    _Word(_fold_pattern(r"(مصرع|حتف)هم"), KILLED, False, 0),
    _Word(_fold_pattern(r"(قتل|يقتل|تقتل|قتلت|استشهد|استشهدت|استشهاد|وفاة|توفي|أودى|اودت|أودت)"),
          KILLED, False, None),
    _Word(_fold_pattern(r"(قتلوا|استشهدوا|وفيات|توفوا)"), KILLED, False, 0),
    _Word(_fold_pattern(r"ضحي(ة|ه)"), KILLED, True, None, weak=True),
    _Word(_fold_pattern(r"ضحيت(ان|ين)"), KILLED, True, 2, weak=True),
    _Word(_fold_pattern(r"ضحايا"), KILLED, True, None, weak=True),
    _Word(_fold_pattern(r"حصيل(ة|ه)"), KILLED, False, None, weak=True),
    _Word(_fold_pattern(r"جريح(ا|ة)?"), INJURED, True, 1),
    _Word(_fold_pattern(r"جريح(ان|ين)"), INJURED, True, 2),
    _Word(_fold_pattern(r"جرحى"), INJURED, True, 0),
    _Word(_fold_pattern(r"مصاب(ا|ة)?"), INJURED, True, 1),
    _Word(_fold_pattern(r"(مصابين|مصابون|مصابي)"), INJURED, True, 0),
    _Word(_fold_pattern(r"إصابت(ان|ين)"), INJURED, True, 2),
    _Word(_fold_pattern(r"إصابة"), INJURED, True, None),
    _Word(_fold_pattern(r"إصابات"), INJURED, True, 0),
    _Word(_fold_pattern(r"(أصيب|أصيبت|يصاب|جرح|جراح|جروح|إصابته|إصابتها)"), INJURED, False, None),
    _Word(_fold_pattern(r"(أصيبوا|جرحوا)"), INJURED, False, 0),
]
_PERSON_SINGULAR = frozenset(fold(w) for w in (
    "شخص رجل امرأة طفل طفلة جندي ضابط عنصر شاب فتاة مواطن مدني صحفي مسلح سيدة شرطي مقاتل "
    "جنرال قائد زعيم عميد لواء عقيد رئيس مسؤول قيادي ناشط آخر").split())
_PERSON_DUAL = frozenset(fold(w) for w in (
    "شخصين شخصان رجلين رجلان امرأتين امرأتان طفلين طفلان طفلتين طفلتان جنديين جنديان عنصرين "
    "عنصران شابين شابان ضابطين ضابطان شقيقين شقيقان أخوين سيدتين فتاتين").split())
_VAGUE = frozenset(fold(w) for w in "عشرات مئات آلاف ألوف بضعة بضع عديد العديد".split())
_VAGUE_HEAD = frozenset(fold(w) for w in ("عدد", "عددا", "عددًا"))  # عدد من، عدد كبير
_OTHERS = frozenset(fold(w) for w in "آخرون آخرين".split())
_APPROXIMATORS = [tuple(fold(w) for w in phrase.split()) for phrase in (
    "نحو", "قرابة", "حوالي", "حوالى", "زهاء", "أكثر من", "أزيد من", "أقل من", "على الأقل",
    "يقل عن", "يقل على", "يزيد عن", "يزيد على", "يقارب", "يناهز", "تقريبا", "تقريبًا",
    "يربو على", "نيف", "أو أكثر",
)]
_SUBSET = frozenset(fold(w) for w in "بينهم بينهن منهم منهن بينها منها".split())
_UP_TO = frozenset(fold(w) for w in ("إلى", "الى"))
_PREPOSITIONS = frozenset(fold(w) for w in "من بين إلى الى في على عن".split())  # واحد من القتلى: a count
# Names only, found inside a word (بالكوليرا): مرض/مرضى would also drop patients killed in a strike.
_DISEASES = tuple(fold(w) for w in "كوليرا فيروس كورونا كوفيد إيدز حصبة سرطان إسهال".split())
_NOT_PEOPLE_BEFORE = frozenset(fold(w) for w in (
    "في خلال منذ عام العام سنة يوم يومي الساعة أيام الأيام ساعات الساعات أسابيع الأسابيع أشهر "
    "الأشهر سنوات السنوات").split())
# Durations as counts take them (3 أيام، 20 يوما); a bare يوم/عام after a number is a date
# ("قتل 5 يوم الاثنين"), so the nominative singulars are left out.
_NOT_PEOPLE_AFTER = frozenset(fold(w) for w in (
    "يوما أيام ساعة ساعات أسبوعا أسابيع شهرا أشهر شهور سنة سنوات عاما أعوام دقيقة دقائق "
    "هجوم هجمات غارة غارات انفجار انفجارات تفجير تفجيرات عملية عمليات بالمئة بالمائة "
    "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر "
    "كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين").split())
_CLITICS = ("وبال", "وال", "فال", "بال", "لل", "ال", "وب", "ول", "فب", "فل", "و", "ف", "ب", "ل")
# Fates other than death or injury, as verbs, verbal nouns and the nouns they count (on the stem).
_OTHER_FATE = _fold_pattern(
    r"(اعتقال|اعتقل|اعتقلت|اعتقلوا|معتقل|معتقلا|معتقلين|معتقلون|احتجاز|احتجز|احتجزت|محتجز|محتجزا|محتجزين"
    r"|توقيف|قبض|أسر|أسرت|أسروا|أسير|أسيرا|أسرى|رهين|رهينة|رهائن|خطف|خطفت|خطفوا|اختطاف|اختطف|اختطفت"
    r"|مخطوف|مخطوفا|مخطوفين|مختطف|مختطفا|مختطفين|سراح|إفراج|أفرج|أفرجت|تهجير|مهجر|مهجرين|نزوح|نزح|نزحت"
    r"|نازح|نازحا|نازحين|نازحون|لاجئ|لاجئا|لاجئين|لاجئون|إنقاذ|أنقذ|أنقذت|إجلاء|أجلي|أجلت|إخلاء|مفقود"
    r"|مفقودا|مفقودين|مفقودون|استدراج|استدرج)")
# What may stand beside a bare toll: approximators, and a person counted (36 شخصا).
_APPROXIMATORS_BY_HEAD: dict[str, list[tuple[str, ...]]] = {}
for _phrase in _APPROXIMATORS:
    _APPROXIMATORS_BY_HEAD.setdefault(_phrase[0], []).append(_phrase)
_APPROXIMATOR_CLITICS = frozenset("وبفل")
_TOLL_COMPANIONS = frozenset({w for phrase in _APPROXIMATORS for w in phrase} | {fold("ما"), fold("لا")})
_PEOPLE = _PERSON_SINGULAR | _PERSON_DUAL | frozenset(fold(w) for w in "أشخاص اشخاص".split())
_BEFORE_WINDOW, _AFTER_WINDOW = 8, 4


@dataclass
class _Slot:
    """One word of the phrase as the rules see it."""

    token: Token
    clitic: str
    stem: str
    word: _Word | None
    other_fate: bool = False  # اعتقال، أسر، نزوح…: the count near it is not of the dead or wounded


@dataclass
class _Count:
    first: int
    last: int
    value: int | None  # None: a vague count
    category: str | None = None
    combined: bool = False
    subset: bool = False
    replaces: bool = False


@lru_cache(maxsize=1 << 16)  # words recur across phrases and documents; the answer is a tuple
def _classify(key: str) -> tuple[str, str, _Word | None, bool]:
    clitic, stem, word = _casualty_word(key)
    if word is None:
        for clitic in ("", *_CLITICS):
            if key.startswith(clitic) and len(key) - len(clitic) >= 3 and _OTHER_FATE.fullmatch(key[len(clitic):]):
                return clitic, key[len(clitic):], None, True
    return clitic, stem, word, False


def _casualty_word(key: str) -> tuple[str, str, _Word | None]:
    for clitic in ("", *_CLITICS):
        if clitic and not key.startswith(clitic):
            continue
        stem = key[len(clitic):]
        if len(stem) < 3:
            continue
        for word in _WORDS:
            if word.pattern.fullmatch(stem):
                return clitic, stem, word
    for clitic in ("", *_CLITICS):
        if key.startswith(clitic) and len(key) - len(clitic) >= 3:
            stem = key[len(clitic):]
            if stem in _PERSON_SINGULAR or stem in _PERSON_DUAL or stem in _VAGUE:
                return clitic, stem, None
    return "", key, None


def _starts_clause(slot: _Slot) -> bool:
    return slot.clitic.startswith(("و", "ف"))


def _is_other(slot: _Slot, category: str | None) -> bool:
    return slot.word is not None and not slot.word.weak and slot.word.category != category


def normalise_casualty(text: str) -> dict[str, Any] | None:
    words = tokens(text)
    if any(d in w.key for w in words for d in _DISEASES):
        return None
    slots = [_Slot(w, *_classify(w.key)) for w in words]
    approximate = _has_approximator(slots)
    counts = _counts(text, words, slots)
    claimed: set[int] = set()
    has_words = bool(counts) and any(s.word is not None for s in slots)
    for count in counts:
        _assign(count, slots, claimed, has_words)
    totals: dict[str, int | None] = {KILLED: None, INJURED: None}
    said = {KILLED: False, INJURED: False}
    for count in counts:
        if count.combined:
            said[KILLED] = said[INJURED] = True
            approximate = True
        elif count.category is not None and not count.subset:
            said[count.category] = True
            if count.value is None:
                approximate = True
            elif count.replaces or totals[count.category] is None:
                totals[count.category] = count.value
            else:
                totals[count.category] += count.value
    # A vague count makes its category's figure unknown (مقتل 5 جنود وعشرات المدنيين).
    vague: set[str | None] = {c.category for c in counts if c.value is None and not c.subset}
    for category in (KILLED, INJURED):
        if category in vague:
            totals[category] = None
        if said[category]:
            continue
        number, mentioned = _uncounted(slots, claimed, category)
        if mentioned:
            said[category] = True
            totals[category] = number or None
            approximate = approximate or number == 0
    if not (said[KILLED] or said[INJURED]):
        return None
    return {KILLED: totals[KILLED], INJURED: totals[INJURED], "approximate": approximate}


def _has_approximator(slots: list[_Slot]) -> bool:
    keys = [s.token.key for s in slots]
    for i, key in enumerate(keys):
        # The word itself, or without one of its proclitics و ب ف ل وب (ونحو، بحوالي).
        heads = (key, key[1:] if key[:1] in _APPROXIMATOR_CLITICS else "", key[2:] if key[:2] == "وب" else "")
        for head in heads:
            for phrase in _APPROXIMATORS_BY_HEAD.get(head, ()):
                if tuple(keys[i + 1:i + len(phrase)]) == phrase[1:]:
                    return True
    return False


def _counts(text: str, words: list[Token], slots: list[_Slot]) -> list[_Count]:
    """The numbers, vague counts, duals and other number-like words of the phrase, in order."""
    counts: list[_Count] = []
    taken: set[int] = set()
    for number in find_numbers(text, words):
        before = slots[number.first - 1].token.key if number.first else ""
        after = slots[number.last + 1].token.key if number.last + 1 < len(slots) else ""
        percent = text[number.end:number.end + 2].strip()[:1] in ("%", "٪")
        if percent or before in _NOT_PEOPLE_BEFORE or before.removeprefix("و") in _NOT_PEOPLE_BEFORE \
                or after in _NOT_PEOPLE_AFTER or _describes_a_noun(number, text, slots):
            taken.update(range(number.first, number.last + 1))
            continue
        counts.append(_Count(number.first, number.last, number.value))
        taken.update(range(number.first, number.last + 1))
    for i, slot in enumerate(slots):
        if i in taken:
            continue
        if slot.stem in _VAGUE:
            counts.append(_Count(i, i, None))
        elif slot.stem in _VAGUE_HEAD and i + 1 < len(slots) and slots[i + 1].stem in (fold("من"), fold("كبير")):
            counts.append(_Count(i, i + 1, None))
        elif slot.stem in _PERSON_DUAL:
            counts.append(_Count(i, i, 2))
        elif slot.stem in _OTHERS and not any(c.last == i - 1 for c in counts):
            counts.append(_Count(i, i, None))
    counts.sort(key=lambda c: c.first)
    return counts


def _describes_a_noun(number: Any, text: str, slots: list[_Slot]) -> bool:
    """واحد/واحدة after a noun other than a casualty word is its adjective, not a count: in
    "مقتل 5 من أسرة واحدة" the family is one, the killed are five. After a casualty word
    (قتيل واحد) it is that word's count and stays."""
    if number.value != 1 or number.first == 0 or any(c.isdigit() for c in text[number.start:number.end]):
        return False
    noun = slots[number.first - 1]
    return noun.word is None and noun.stem not in _PREPOSITIONS


def _assign(count: _Count, slots: list[_Slot], claimed: set[int], has_words: bool) -> None:
    nxt = count.last + 1
    # 1. The noun it counts, right after it (عشرين قتيلا، 20 من القتلى، عشرات القتلى).
    for j in (nxt, nxt + 1):
        if j >= len(slots) or (j == nxt + 1 and slots[nxt].stem != fold("من")):
            continue
        slot = slots[j]
        if slot.other_fate and not _starts_clause(slot):
            return  # 20 أسيرا
        if slot.word is not None and slot.word.counted and not _starts_clause(slot):
            count.category = slot.word.category
            claimed.add(j)
            if j + 1 < len(slots) and _starts_clause(slots[j + 1]) and _is_other(slots[j + 1], count.category):
                count.combined = True  # 15 قتيلا وجريحا
                claimed.add(j + 1)
            return
    if nxt + 2 < len(slots) and slots[nxt].stem == fold("بين") and slots[nxt + 1].word and slots[nxt + 2].word:
        count.combined = True  # 15 بين قتيل وجريح
        claimed.update((nxt + 1, nxt + 2))
        return
    # 2. The nearest killed or injured word before it.
    for k in range(count.first - 1, max(-1, count.first - 1 - _BEFORE_WINDOW), -1):
        slot = slots[k]
        if slot.stem in _SUBSET:
            count.subset = True
        if slot.other_fate:
            return  # مقتل 5 واعتقال 20: the 20 were arrested
        if slot.word is None:
            continue
        count.category = slot.word.category
        claimed.add(k)
        count.replaces = any(s.stem in _UP_TO or s.token.key in _UP_TO for s in slots[k + 1:count.first])
        if k > 0 and _starts_clause(slot) and _is_other(slots[k - 1], count.category):
            count.combined = True  # مقتل وإصابة 15، القتلى والجرحى 15
            claimed.add(k - 1)
        return
    # 3. The nearest such word after it, a few words on (لقي 5 أشخاص حتفهم).
    for k in range(nxt, min(len(slots), nxt + _AFTER_WINDOW)):
        slot = slots[k]
        if _starts_clause(slot) or slot.other_fate:
            break
        if slot.word is not None and not slot.word.weak:
            count.category = slot.word.category
            claimed.add(k)
            return
    if not has_words and _bare_toll(count, slots):
        count.category = KILLED  # a bare toll (36، عشرات)
    if count.subset:
        count.category = None


def _bare_toll(count: _Count, slots: list[_Slot]) -> bool:
    """Whether the count stands alone in the phrase: beside it only approximators and, right
    after it, a person counted (نحو 36 شخصا)."""
    for i, slot in enumerate(slots):
        if count.first <= i <= count.last or slot.token.key in _TOLL_COMPANIONS:
            continue
        if i == count.last + 1 and (slot.stem in _PEOPLE or slot.stem.removesuffix("ا") in _PEOPLE):
            continue
        return False
    return True


def _uncounted(slots: list[_Slot], claimed: set[int], category: str) -> tuple[int | None, bool]:
    """(count, mentioned) for a category no number was given to: 2 for a dual, 1 for a
    singular, 0 for a plural or "others" (no count, approximate), None when the words say
    nothing about how many."""
    best: int | None = None
    mentioned = False
    for i, slot in enumerate(slots):
        word = slot.word
        if word is None or word.category != category or word.weak or i in claimed:
            continue
        mentioned = True
        number = word.number
        if number is None and i + 1 < len(slots):
            after = slots[i + 1].stem
            if after in _PERSON_SINGULAR:
                number = 1
            elif after in _OTHERS:
                number = 0
        if number is not None and (best is None or number > best):
            best = number
    return best, mentioned

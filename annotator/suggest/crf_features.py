"""The CRF's features of a token in its sentence: the word, its affixes and shape, its Arabic
clitic segmentation, what the offline gazetteer says of it (alone, with the article, with its
neighbour), and the same of the words within two either side.

Features are plain strings (``name=value``): crfsuite weighs each present string once, so
the model stored in a project holds nothing but these names and their weights."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import lru_cache

from annotator.normalise import gazetteer
from annotator.normalise.arabic_names import clitic_readings, fold

FEATURES_VERSION = 1  # stored with a model: a model built on other features is trained again
WINDOW = 2
_ARTICLE = "ال"
_ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3]")
_LATIN = re.compile("[A-Za-z]")
_DIGIT = re.compile(r"\d")


def shape(word: str) -> str:
    """The kinds of character the word is made of, in order, runs collapsed: ``a`` Arabic
    letter, ``L``/``l`` Latin capital/small, ``d`` digit, the character itself otherwise."""
    kinds = []
    for ch in word:
        if _ARABIC_LETTER.match(ch):
            kind = "a"
        elif _LATIN.match(ch):
            kind = "L" if ch.isupper() else "l"
        elif _DIGIT.match(ch):
            kind = "d"
        elif ch.isalpha():
            kind = "x"
        else:
            kind = ch
        if not kinds or kinds[-1] != kind:
            kinds.append(kind)
    return "".join(kinds)[:6]


@lru_cache(maxsize=1 << 16)
def segment(word: str) -> tuple[str, bool, str]:
    """(proclitics, article, stem) of a folded word. The readings are the gazetteer's
    (``clitic_readings``: و ف ب ل ك and their pairs, لل as ل + ال); a clitic is taken off only
    where what remains begins with the article, since a bare word may well begin with a
    clitic letter (بغداد، لندن)."""
    for reading in clitic_readings(word):
        if reading.startswith(_ARTICLE) and len(reading) > len(_ARTICLE) + 1:
            # A reading that is not the word's tail is ل + ال written لل (للجزيرة): one more letter is the clitic.
            cut = len(word) - len(reading) + (0 if word.endswith(reading) else 1)
            return word[:cut], True, reading[len(_ARTICLE):]
    return "", False, word


@lru_cache(maxsize=1 << 16)
def place_kind(phrase: str) -> str:
    """What the gazetteer reads the phrase as: its best place's kind and size (``country``,
    ``city:5`` for a town of about 10^5 people), ``region``/``near`` when it names an area by
    the place, or "" when it knows none."""
    found = gazetteer.match(phrase)
    if found is None:
        return ""
    best = found.best
    kind = best.kind if best.kind != "city" else f"city:{min(7, int(math.log10(max(best.population, 1))))}"
    return kind + (":region" if found.region else "") + (":near" if found.near else "")


def _word_features(word: str) -> dict[str, str]:
    key = fold(word) or word
    clitic, article, stem = segment(key)
    return {"w": key, "stem": stem, "shape": shape(word), "pre": clitic, "art": "1" if article else "0"}


def _gazetteer_features(words: Sequence[str], i: int) -> list[str]:
    word = words[i]
    if not _ARABIC_LETTER.search(word) or len(word) < 2:
        return []
    found = [f"gaz={place_kind(word)}"]
    clitic, article, stem = segment(fold(word))
    if not article and len(stem) >= 3:  # the name as it is written with the article: عراق -> العراق
        found.append(f"gaz+al={place_kind(_ARTICLE + stem)}")
    if i + 1 < len(words) and _ARABIC_LETTER.search(words[i + 1]):
        found.append(f"gaz2>={place_kind(word + ' ' + words[i + 1])}")
    if i > 0 and _ARABIC_LETTER.search(words[i - 1]):
        found.append(f"gaz2<={place_kind(words[i - 1] + ' ' + word)}")
    return [f for f in found if not f.endswith("=")]


def sentence_features(words: Sequence[str]) -> list[list[str]]:
    """Each word's features within its sentence (``words`` as written in the text)."""
    own = [_word_features(w) for w in words]
    out = []
    for i, mine in enumerate(own):
        key = mine["w"]
        features = ["bias", *(f"{name}={value}" for name, value in mine.items())]
        features += [f"p{n}={key[:n]}" for n in (1, 2, 3) if len(key) > n]
        features += [f"s{n}={key[-n:]}" for n in (1, 2, 3) if len(key) > n]
        features += [f"sp{n}={mine['stem'][:n]}" for n in (2, 3) if len(mine["stem"]) > n]
        features += [f"ss{n}={mine['stem'][-n:]}" for n in (2, 3) if len(mine["stem"]) > n]
        features.append(f"len={min(len(key), 8)}")
        features += _gazetteer_features(words, i)
        for offset in range(-WINDOW, WINDOW + 1):
            j = i + offset
            if offset == 0:
                continue
            if not 0 <= j < len(words):
                features.append(f"{offset}:edge")
                continue
            other = own[j]
            features += [f"{offset}:w={other['w']}", f"{offset}:stem={other['stem']}",
                         f"{offset}:shape={other['shape']}"]
            if abs(offset) == 1:
                features += [f"{offset}:pre={other['pre']}", f"{offset}:art={other['art']}",
                             f"{offset}:s2={other['w'][-2:]}", f"{offset}:w|w={other['w']}|{key}"]
        out.append(features)
    return out

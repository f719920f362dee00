"""The alignment of two versions of a text, compared with difflib's own character alignment."""

import random
from difflib import SequenceMatcher
from itertools import pairwise

import pytest

from annotator.core.text_alignment import OffsetMap, matching_blocks, similarity
from tests.arabic_samples import CRLF, DIACRITICS, EMOJI


def edited(text: str, rng: random.Random, edits: int) -> str:
    letters = list(text)
    for _ in range(edits):
        at = rng.randrange(len(letters))
        kind = rng.choice("ids")
        if kind == "i":
            letters.insert(at, rng.choice("ابتثجحخ ،."))
        elif kind == "d":
            del letters[at]
        else:
            letters[at] = rng.choice("ابتثجحخ")
    return "".join(letters)


@pytest.mark.parametrize("seed", range(12))
def test_similarity_and_blocks_agree_with_difflib(reference_text, seed):
    rng = random.Random(seed)
    other = edited(reference_text, rng, rng.randint(1, 40))
    reference = SequenceMatcher(None, reference_text, other, autojunk=False)
    assert similarity(reference_text, other) == pytest.approx(reference.ratio(), abs=0.002)
    blocks = matching_blocks(reference_text, other)
    for a, b, size in blocks:  # every block really is shared text, in order, not overlapping
        assert reference_text[a:a + size] == other[b:b + size]
    assert all(x.a_start + x.size <= y.a_start and x.b_start + x.size <= y.b_start for x, y in pairwise(blocks))


@pytest.mark.parametrize("text", [EMOJI, CRLF, DIACRITICS])
def test_a_span_moves_to_where_difflib_puts_it(reference_text, text):
    base = text + "\n" + reference_text
    other = "خبر: " + base.replace("الشأن", "الشن", 1)  # inserted before, one letter dropped after
    offsets = OffsetMap(matching_blocks(base, other))
    difflib_blocks = SequenceMatcher(None, base, other, autojunk=False).get_matching_blocks()

    def moved(position):
        return next(j + position - i for i, j, n in difflib_blocks if i <= position < i + n)

    for word in ("قصفت", "سوريا", "مدينة الصدر", "شهود عيان"):
        start = base.index(word)
        assert offsets.range(start, start + len(word)) == (moved(start), moved(start + len(word) - 1) + 1)
    start = base.index("الشأن العراقي")  # its first and last letters are there, its text is not
    new_start, new_end = offsets.range(start, start + len("الشأن العراقي"))
    assert other[new_start:new_end] == "الشن العراقي"


def test_identical_and_empty_texts():
    assert similarity("نص", "نص") == 1.0 and matching_blocks("نص", "نص") == [(0, 0, 2)]
    assert similarity("", "نص") == 0.0 and OffsetMap(matching_blocks("", "نص")).range(0, 1) is None

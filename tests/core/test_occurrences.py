"""Where Annotate all finds a span's text again: as a word (or after a proclitic), whole letters
with their marks, on Ctrl+F's folded key (digit scripts, diacritics, tatweel)."""

from __future__ import annotations

from annotator.core.arabic import is_mark
from annotator.core.occurrences import word_occurrences


def test_a_number_inside_a_longer_number_is_no_occurrence():
    text = "قتل 36 شخصا، ثم 136 شخصا، ثم ٣٦ آخرون و36."
    found = [text[a:b] for a, b in word_occurrences(text, "36")]
    assert found == ["36", "٣٦", "36"]  # not the 36 of 136; the last after the proclitic و


def test_marks_and_tatweel_stay_with_their_letters():
    text = "أدى إلى مَقْتَلِ 36 عُنْصُراً، ومقـتل ٣٦ عنصرا."
    spans = word_occurrences(text, "مقتل 36 عنصرا")
    assert [text[a:b] for a, b in spans] == ["مَقْتَلِ 36 عُنْصُراً", "مقـتل ٣٦ عنصرا"]
    for start, end in spans:
        assert not is_mark(text[start]) and not is_mark(text[end])  # no letter parted from its marks


def test_inside_a_word_is_no_occurrence_but_after_a_proclitic_is():
    text = "سوريا والسوريين وبسوريا سورياتهم"
    assert [text[a:b] for a, b in word_occurrences(text, "سوريا")] == ["سوريا", "سوريا"]
    assert word_occurrences(text, "سوريا")[1] == (text.index("وبسوريا") + 2, text.index("وبسوريا") + 7)

from annotator.core import arabic
from tests.arabic_samples import DIACRITICS, DIGITS, MARKS, PRESENTATION


def test_word_snap_keeps_diacritics_with_their_letters():
    verb = "كَتَبَ"
    # A selection from the middle of the word grows to the whole word, final fatha included.
    start, end = arabic.snap_to_words(DIACRITICS, 2, 3)
    assert DIACRITICS[start:end] == verb


def test_word_snap_takes_tatweel_and_drops_edge_punctuation():
    noun = "تقريـــرا"
    at = DIACRITICS.index(noun)
    start, end = arabic.snap_to_words(DIACRITICS, at - 1, at + 3)  # from the space before it
    assert DIACRITICS[start:end] == noun
    last = DIACRITICS.index("الانفجار")
    start, end = arabic.snap_to_words(DIACRITICS, last, len(DIACRITICS))  # the final full stop too
    assert DIACRITICS[start:end] == "الانفجار"


def test_exact_selection_never_splits_a_letter_from_its_marks():
    # An end just after ك (before its fatha) moves past the fatha; a start on a mark moves back.
    assert arabic.snap_to_clusters(DIACRITICS, 0, 1) == (0, 2)
    assert arabic.snap_to_clusters(DIACRITICS, 1, 3) == (0, 4)


def test_zero_width_non_joiner_stays_inside_the_word():
    at = MARKS.index("الهجوم")
    start, end = arabic.snap_to_words(MARKS, at, at + 1)
    assert MARKS[start:end] == "الهجوم\u200c"


def test_strip_clitic():
    text = "وأوضح الوكيل للجزيرة أن وبالمدينة"
    at = text.index("للجزيرة")
    start, end = arabic.strip_clitic(text, at, at + len("للجزيرة"))
    assert text[start:end] == "جزيرة"
    # Stacked clitics come off one per command.
    at = text.index("وبالمدينة")
    start, end = at, at + len("وبالمدينة")
    peeled = []
    for _ in range(4):
        start, end = arabic.strip_clitic(text, start, end)
        peeled.append(text[start:end])
    assert peeled == ["بالمدينة", "المدينة", "مدينة", "مدينة"]
    # Too short to hold a clitic and a word: left as it is.
    at = text.index("أن")
    assert arabic.strip_clitic(text, at, at + 2) == (at, at + 2)


def test_find_ignores_diacritics_tatweel_and_letter_variants():
    assert [DIACRITICS[a:b] for a, b in arabic.find_all(DIACRITICS, "كتب")] == ["كَتَبَ"]
    assert [DIACRITICS[a:b] for a, b in arabic.find_all(DIACRITICS, "تقرير")] == ["تقريـــر"]
    text = "أعلنت الإدارة، ثم اعلنت مستشفى المدينة"
    assert len(arabic.find_all(text, "اعلنت")) == 2
    assert len(arabic.find_all(text, "مستشفي")) == 1  # ى / ي
    assert len(arabic.find_all(text, "المدينه")) == 1  # ة / ه


def test_find_in_presentation_forms_and_digits_maps_back_to_stored_text():
    matches = arabic.find_all(PRESENTATION, "لاجئون")
    assert matches == [(0, 5)]  # ﻻ is one stored code point for two letters
    matches = arabic.find_all(PRESENTATION, "اسيا")
    assert [PRESENTATION[a:b] for a, b in matches] == ["\ufe81سيا"]
    assert [DIGITS[a:b] for a, b in arabic.find_all(DIGITS, "36")] == ["٣٦"]


def test_search_key_offset_map_points_into_the_stored_text():
    key = arabic.search_key(MARKS)
    assert "\u200f" not in key.key and len(key.origin) == len(key.key)
    for i, origin in enumerate(key.origin):
        assert arabic.normalise(MARKS[origin]) .find(key.key[i]) >= 0

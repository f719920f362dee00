"""Word snapping across a slash (أبريل/نيسان) and spaces trimmed from span edges, on the
reference article's own dates."""

from __future__ import annotations

from annotator.core import arabic


def test_a_slash_between_letters_does_not_end_the_word(reference_text):
    at = reference_text.index("19 أبريل/نيسان الماضي")
    date = "أبريل/نيسان الماضي"
    start = at + len("19 ")
    slash = start + len("أبريل")
    # A drag that starts on the slash, or just after it, takes both month names.
    for drag_start in (slash, slash + 1):
        assert reference_text[slice(*arabic.snap_to_words(reference_text, drag_start, start + len(date) - 2))] == date
    # A double-click on either name takes the pair.
    assert reference_text[slice(*arabic.word_at(reference_text, start + 2))] == "أبريل/نيسان"
    assert reference_text[slice(*arabic.word_at(reference_text, slash + 2))] == "أبريل/نيسان"
    at = reference_text.index("24 فبراير/شباط 2017")
    assert reference_text[slice(*arabic.word_at(reference_text, at + 5))] == "فبراير/شباط"
    whole = arabic.snap_to_words(reference_text, at + 1, at + len("24 فبراير/شباط 20"))
    assert reference_text[slice(*whole)] == "24 فبراير/شباط 2017"


def test_a_slash_between_digits_joins_them_and_a_lone_slash_does_not():
    text = "في 2017/05/03 قال / أمس و/أو بعد"
    assert text[slice(*arabic.word_at(text, text.index("05")))] == "2017/05/03"
    slash = text.index(" / ") + 1
    assert arabic.word_at(text, slash) == (slash, slash)  # a slash between spaces is no word
    assert text[slice(*arabic.snap_to_words(text, slash - 2, slash + 3))] == "قال / أمس"
    assert text[slice(*arabic.word_at(text, text.index("أو")))] == "و/أو"
    # A slash at a selection's edge with no letter beyond it is dropped, as other punctuation is.
    text = "أبريل/ نيسان"
    assert text[slice(*arabic.snap_to_words(text, 0, 6))] == "أبريل"


def test_spaces_are_trimmed_from_span_edges():
    text = "قال مركز الإعلام\nالأمني"
    at = text.index("مركز")
    assert arabic.trim_spaces(text, at - 1, at + len("مركز") + 1) == (at, at + len("مركز"))
    newline = text.index("\n")
    assert arabic.trim_spaces(text, at, newline + 1) == (at, newline)
    assert arabic.trim_spaces(text, 3, 4) == (3, 4)  # only a space: left for the caller to refuse
    assert arabic.trim_spaces(text, at, at + 4) == (at, at + 4)


def test_an_edge_moved_onto_a_space_moves_on_to_the_next_letter():
    text = "قال مركز الإعلام الأمني"
    at = text.index("مركز")
    span = (at, at + len("مركز"))
    # The end moved forward over the space takes the next word's first letter, not the space.
    assert text[slice(*arabic.nudge_edge(text, *span, "end", 1))] == "مركز ا"
    # The start moved back over the space takes the last letter of the word before.
    assert text[slice(*arabic.nudge_edge(text, *span, "start", -1))] == "ل مركز"
    # Shrinking a span that ends in the next word's first letter skips back past the space.
    wider = (at, at + len("مركز ا"))
    assert arabic.nudge_edge(text, *wider, "end", -1) == span
    # A one-letter span cannot lose its last letter; the text's ends stop an edge.
    assert arabic.nudge_edge(text, at, at + 1, "end", -1) == (at, at + 1)
    assert arabic.nudge_edge(text, 0, 3, "start", -1) == (0, 3)
    assert arabic.nudge_edge(text, at, len(text), "end", 1) == (at, len(text))
    # Marks move with their letter.
    text = "كَتَبَ الصحفي"
    assert text[slice(*arabic.nudge_edge(text, 0, 2, "end", 1))] == "كَتَ"

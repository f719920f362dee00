from annotator.ui.qt_offsets import TextMapping
from tests.arabic_samples import CRLF, EMOJI


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def test_emoji_takes_two_qt_units_and_one_code_point():
    mapping = TextMapping(EMOJI)
    at = EMOJI.index("💥")
    assert mapping.to_qt(at) == at and mapping.to_qt(at + 1) == at + 2
    assert mapping.to_qt(len(EMOJI)) == utf16_len(EMOJI) == mapping.qt_length
    for cp in range(len(EMOJI) + 1):
        assert mapping.to_cp(mapping.to_qt(cp)) == cp
        assert mapping.to_qt(cp) == utf16_len(EMOJI[:cp])
    # Qt position inside the surrogate pair maps to the emoji itself, and a range ending
    # there still takes the whole character.
    assert mapping.to_cp(at + 1) == at
    assert mapping.range_to_cp(at, at + 1) == (at, at + 1)


def test_crlf_is_one_qt_line_break_and_offsets_stay_in_stored_code_points():
    mapping = TextMapping(CRLF)
    assert mapping.display == CRLF.replace("\r\n", "\n")
    second = CRLF.index("السطر الثاني")
    assert mapping.to_qt(second) == second - 1
    assert mapping.to_cp(second - 1) == second
    # A selection of the first line, up to the line break, takes no part of the CRLF.
    line_end = CRLF.index("\r\n")
    assert mapping.range_to_cp(0, mapping.to_qt(line_end)) == (0, line_end)
    assert mapping.to_cp(mapping.to_qt(line_end)) == line_end
    assert mapping.display[mapping.to_qt(second):].startswith("السطر الثاني")


def test_reference_article_maps_one_to_one(reference_text):
    mapping = TextMapping(reference_text)
    assert mapping.display == reference_text
    assert all(mapping.to_qt(cp) == cp for cp in range(0, len(reference_text) + 1, 37))

import pytest

from annotator.core.decoding import DecodeError, decode_article
from annotator.core.model import SpanError, check_span
from tests.arabic_samples import CRLF, EMOJI


def test_check_span_accepts_matching_text_and_refuses_the_rest():
    at = EMOJI.index("💥")
    assert check_span(EMOJI, at, at + 1, "💥") == "💥"  # one code point
    with pytest.raises(SpanError, match="outside the text"):
        check_span(EMOJI, 0, len(EMOJI) + 1)
    with pytest.raises(SpanError, match="not before"):
        check_span(EMOJI, 5, 5)
    with pytest.raises(SpanError, match="does not match"):
        check_span(EMOJI, 0, 3, "xyz")
    with pytest.raises(SpanError, match="whole numbers"):
        check_span(EMOJI, "0", 3)


def test_decode_keeps_crlf_and_records_it_and_drops_the_bom():
    decoded = decode_article(b"\xef\xbb\xbf" + CRLF.encode("utf-8"))
    assert decoded.text == CRLF and decoded.had_bom and decoded.newline == "crlf"


def test_decode_names_the_byte_of_invalid_utf8_and_decodes_cp1256_on_request():
    data = "تقرير عن بغداد".encode("cp1256")
    with pytest.raises(DecodeError, match="at byte 0"):
        decode_article(data)
    assert decode_article(data, "cp1256").text == "تقرير عن بغداد"


def test_decode_refuses_empty_and_binary():
    with pytest.raises(DecodeError, match="empty"):
        decode_article(b"")
    with pytest.raises(DecodeError, match="NUL"):
        decode_article(b"ab\x00cd")
    assert decode_article("نص".encode("utf-16")).text == "نص"  # UTF-16 with its BOM is fine

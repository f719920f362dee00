from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.arabic import is_word_char
from annotator.core.tokens import sentences, tokenize, whitespace_tokens
from tests.arabic_samples import CRLF, DIACRITICS, DIGITS, EMOJI, MARKS, PRESENTATION


def reference_tokenize(text):
    """The rule, one character at a time: runs of word characters, else one visible character."""
    tokens, i = [], 0
    while i < len(text):
        ch = text[i]
        if ch.isspace() or ch in "\u200e\u200f\u061c\ufeff":
            i += 1
        elif is_word_char(ch):
            j = i + 1
            while j < len(text) and is_word_char(text[j]):
                j += 1
            tokens.append((i, j))
            i = j
        else:
            tokens.append((i, i + 1))
            i += 1
    return tokens


def test_tokenizer_follows_the_rule_on_real_text(reference_text):
    for text in (reference_text, CRLF, DIACRITICS, DIGITS, EMOJI, MARKS, PRESENTATION):
        assert tokenize(text) == reference_tokenize(text)
    words = [DIACRITICS[a:b] for a, b in tokenize(DIACRITICS)]
    assert words[:3] == ["كَتَبَ", "الصَّحَفِيُّ", "تقريـــرا"]


ALPHABET = "كتب َُِّ ـ\u200c\u200f\u200e ,.،؟!«»()-_x9٣💥\r\n\t ﻻ\U0001d167\U000e0100𝐀"  # astral marks and letter


@settings(max_examples=300)
@given(st.text(alphabet=ALPHABET, max_size=40))
def test_tokenizer_matches_the_rule_for_any_text(text):
    assert tokenize(text) == reference_tokenize(text)


def test_clitics_stay_attached_unless_asked():
    text = "وأوضح الوكيل للجزيرة أن فبراير ببغداد وبالمدينة"
    assert [text[a:b] for a, b in tokenize(text)] == text.split()
    split = [text[a:b] for a, b in tokenize(text, split_clitics=True)]
    assert split == ["و", "أوضح", "ال", "وكيل", "لل", "جزيرة", "أن", "فبراير", "ببغداد", "و", "ب", "ال", "مدينة"]


def test_sentences_end_at_line_breaks_and_final_punctuation():
    text = "قال المصدر. هل وقع؟\r\nسطر ثان"
    tokens = tokenize(text)
    assert [[text[tokens[i][0]:tokens[i][1]] for i in s] for s in sentences(text, tokens)] == [
        ["قال", "المصدر", "."], ["هل", "وقع", "؟"], ["سطر", "ثان"]]
    assert len(sentences(text, whitespace_tokens(text), by_line_only=True)) == 2

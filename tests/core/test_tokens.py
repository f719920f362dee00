from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.arabic import is_mark, is_word_char
from annotator.core.tokens import sentences, tokenize, whitespace_tokens
from tests.arabic_samples import CRLF, DIACRITICS, DIGITS, EMOJI, MARKS, PRESENTATION


def is_letter(ch):  # the regular expression [^\W\d_]
    return (ch.isalnum() or ch == "_") and not ch.isdecimal() and ch != "_"


def is_w(ch):  # the regular expression \w
    return ch.isalnum() or ch == "_"


def one_letter_word_ends_at(text, end):
    """A letter with only marks or tatweel after it up to ``end``, and no word character before it."""
    at = end - 1
    while at >= 0 and (is_mark(text[at]) or text[at] == "\u0640"):
        at -= 1
    return at >= 0 and is_letter(text[at]) and (at == 0 or not is_w(text[at - 1]))


def one_letter_word_starts_at(text, start):
    if start >= len(text) or not is_letter(text[start]):
        return False
    at = start + 1
    while at < len(text) and (is_mark(text[at]) or text[at] == "\u0640") and ord(text[at]) < 0x10000:
        at += 1
    return at == len(text) or not is_w(text[at])


def reference_tokenize(text):
    """The rule, one character at a time: runs of word characters, else one visible
    character; then a separator between two digits, or a dot between two one-letter
    words, glues the tokens on either side of it into one."""
    tokens = reference_words(text)
    together = set()  # (i, i + 1): the characters at i and i + 1 are in one token
    for i in range(1, len(text) - 1):
        digits = text[i] in ".,\u066b\u066c" and text[i - 1].isdecimal() and text[i + 1].isdecimal()
        letters = text[i] == "." and one_letter_word_ends_at(text, i) and one_letter_word_starts_at(text, i + 1)
        if digits or letters:
            together |= {(i - 1, i), (i, i + 1)}
    joined = []
    for start, end in tokens:
        if joined and joined[-1][1] == start and (start - 1, start) in together:
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def reference_words(text):
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


ALPHABET = "كتب َُِّ ـ\u200c\u200f\u200e ,.٫،؟!«»()-_x9٣💥\r\n\t ﻻ\U0001d167\U000e0100𝐀"  # astral marks and letter


@settings(max_examples=300)
@given(st.text(alphabet=ALPHABET, max_size=40))
def test_tokenizer_matches_the_rule_for_any_text(text):
    assert tokenize(text) == reference_tokenize(text)


def test_numbers_abbreviations_urls_and_addresses_are_one_token():
    text = ("قتل 2.5 ألف و١٬٢٠٠ في ١٥٫٧ يوم 15.7.2015 حسب أ.ف.ب وأَ.ش.أ (ا.هـ) عن د.محمد, "
            "انظر https://www.example.com/a_b.html?x=1. و www.aljazeera.net، أو ali.x@mail.co.uk.")
    words = [text[a:b] for a, b in tokenize(text)]
    for one in ("2.5", "و١٬٢٠٠", "١٥٫٧", "15.7.2015", "أ.ف.ب", "ا.هـ", "https://www.example.com/a_b.html?x=1",
                "www.aljazeera.net", "ali.x@mail.co.uk"):
        assert one in words
    assert words[-1] == "." and "د" in words and "محمد" in words  # د. followed by a word is not an abbreviation
    assert tokenize("2.5", split_clitics=True) == [(0, 3)]


def test_a_dot_inside_a_word_number_or_address_ends_no_sentence():
    text = "قال د.محمد إن 2.5 ألف نزحوا (أ.ف.ب). وزار example.com يوم 15.7.2015! ثم...\nسطر ثالث"
    tokens = tokenize(text)
    found = [[text[tokens[i][0]:tokens[i][1]] for i in s] for s in sentences(text, tokens)]
    assert [s[-1] for s in found] == [".", "!", ".", "ثالث"]
    assert found[0][-4:] == ["(", "أ.ف.ب", ")", "."] and "2.5" in found[0]
    assert found[1][1:4] == ["example", ".", "com"] and "15.7.2015" in found[1]  # a bare domain: no sentence end


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

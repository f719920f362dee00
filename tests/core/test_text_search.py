"""Search across a project's texts (annotator.core.text_search): the same matches as the find
bar's, as ranges of the stored text, with their context."""

from __future__ import annotations

import pyarabic.araby as araby

from annotator.core import arabic
from annotator.core.text_search import context, find_in_texts
from tests.arabic_samples import CRLF, DIACRITICS, DIGITS, EMOJI, MARKS, PRESENTATION
from tests.conftest import WOJOOD_SAMPLE


def test_each_fold_of_the_find_bar_holds_across_documents():
    texts = [(1, DIACRITICS), (2, EMOJI), (3, PRESENTATION), (4, DIGITS), (5, MARKS), (6, CRLF)]
    def found(query):
        return [(m.document_id, m.start, m.end, m.match) for m in find_in_texts(texts, query)]

    def at(document_id, stored):  # where the stored form is, found by plain str.index
        start = dict(texts)[document_id].index(stored)
        return [(document_id, start, start + len(stored), stored)]

    # Harakat and shadda inside the match are the stored text's, kept whole.
    assert found("كتب") == at(1, "كَتَبَ")
    assert found("تقرير") == at(1, "تقريـــر")  # tatweel in the stored word
    # Code points after the emoji: 💥 is one code point here, two units only in Qt.
    assert found("قتيلا") == at(2, "قتيلا") == [(2, 34, 39, "قتيلا")]
    assert found("لاجئون") == at(3, "\ufefbجئون")  # ﻻ: two letters in the key, one code point here
    assert found("اسيا") == at(3, "\ufe81سيا")
    assert found("36") == at(2, "36") + at(4, "٣٦")  # Arabic-Indic digits search as ASCII ones
    assert found("الهجوم وقع") == at(5, "الهجوم\u200c وقع")  # the joiner inside is skipped
    assert found("البصرة") == at(6, "البصرة")  # after a CRLF: code points, the CR counted
    assert found("َ") == []  # a query of diacritics alone matches nothing


def test_matches_come_document_by_document_in_text_order_and_do_not_overlap():
    texts = [(7, "بغداد ثم بغداد"), (3, "لا شيء"), (9, "ببغداد")]
    assert [(m.document_id, m.start, m.end) for m in find_in_texts(texts, "بغداد")] == [
        (7, 0, 5), (7, 9, 14), (9, 1, 6)]
    assert [(m.start, m.end) for m in find_in_texts([(1, "ااااا")], "اا")] == [(0, 2), (2, 4)]


def test_each_document_gives_the_find_bars_matches(reference_text):
    """The find bar's own function on each text is what the project search must agree with."""
    texts = [(1, reference_text), (2, DIACRITICS), (3, EMOJI), (4, PRESENTATION)]
    for query in ("العراق", "قال", "في", "الانفجار", "لاجئ", "ا"):
        expected = [(i, s, e) for i, text in texts for s, e in arabic.find_all(text, query)]
        assert [(m.document_id, m.start, m.end) for m in find_in_texts(texts, query)] == expected
        assert expected or query == "لاجئ"


def wojood_documents() -> list[str]:
    documents, words = [], []
    for line in (WOJOOD_SAMPLE / "train.txt").read_text(encoding="utf-8").splitlines():
        token = line.rsplit(" ", 1)[0] if line.strip() else ""
        if line.startswith("$#$"):
            documents.append(" ".join(words))
            words = []
        elif token:
            words.append(token)
    return [d for d in documents + [" ".join(words)] if d]


def pyarabic_key(text: str) -> str:
    """An independent normaliser (pyarabic's: harakat, tatweel, alef forms, teh marbuta).
    pyarabic's normalize_alef reads ى as alef and has no fold for ئ and ؤ; the find bar folds
    them to ي and و, done first here as it does them."""
    text = araby.strip_tatweel(araby.strip_tashkeel(text)).translate(str.maketrans("ىئؤ", "ييو"))
    return araby.normalize_teh(araby.normalize_alef(text))


def test_match_counts_agree_with_pyarabic_on_real_text():
    documents = list(enumerate(wojood_documents(), start=1))
    assert len(documents) > 3
    for query in ("قال", "الله", "مدينه", "على", "الاردن", "في"):
        ours = sum(1 for _ in find_in_texts(documents, query))
        theirs = sum(pyarabic_key(text).count(pyarabic_key(query)) for _, text in documents)
        assert ours == theirs and ours > 0, query


def test_context_is_one_line_and_keeps_letters_with_their_marks():
    text = "أولا\r\nكَتَبَ الصَّحَفِيُّ تقريرا"
    start = text.index("تقريرا")
    one_line_before = "أولا كَتَبَ الصَّحَفِيُّ "
    for width in range(1, 30):
        before, match, after = context(text, start, start + 6, width)
        assert match == "تقريرا" and after == ""
        assert one_line_before.endswith(before) and before.endswith(" ")
        assert not arabic.is_mark(before[0])  # a cut inside a letter's marks moves back to the letter
        assert len(before) >= min(width - 1, len(one_line_before))  # the CRLF is one space


def test_the_bare_key_is_the_search_keys_text(reference_text):
    """``normalise`` (the fast fold a project search runs over every text) gives exactly the
    key the find bar searches, whose offsets map back to the stored text."""
    for text in (reference_text, DIACRITICS, EMOJI, PRESENTATION, DIGITS, MARKS, CRLF, "𝟑𝟔 ﺑﻐﺪاد"):
        assert arabic.normalise(text) == arabic.search_key(text).key == "".join(map(arabic._fold_char, text))

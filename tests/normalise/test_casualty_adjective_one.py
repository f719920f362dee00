"""واحد/واحدة describing a noun is not one more person counted (found from outside, issue 14)."""

import pytest

from annotator.normalise.casualties import normalise_casualty


@pytest.mark.parametrize(("text", "killed", "injured"), [
    ("مقتل 5 من أسرة واحدة", 5, None),
    ("مقتل خمسة من عائلة واحدة", 5, None),
    ("إصابة ٤ من عائلة واحدة بجروح", None, 4),
    ("قتيل واحد", 1, None),
    ("مقتل شخص واحد", 1, None),
    ("مقتل واحد من الجنود", 1, None),
    ("سقوط قتيل واحد وجريحين", 1, 2),
    ("مقتل أحد عشر شخصا", 11, None),
])
def test_one_after_a_noun_describes_it_and_one_after_a_casualty_word_counts(text, killed, injured):
    value = normalise_casualty(text)
    assert (value["killed"], value["injured"]) == (killed, injured)

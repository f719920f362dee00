"""Tricky real-world Arabic text, in one place for every test that needs it."""

# Diacritics (harakat, shadda) on every letter of the verb, tatweel in the noun.
DIACRITICS = "كَتَبَ الصَّحَفِيُّ تقريـــرا عن الانفجار."
# A character outside the Basic Multilingual Plane: two UTF-16 units, one code point.
EMOJI = "انفجار 💥 في مدينة الصدر، وسقوط 36 قتيلا"
# Windows line ends, kept as imported.
CRLF = "السطر الأول عن بغداد.\r\nالسطر الثاني عن البصرة."
# Bidi marks and zero-width characters inside and between words.
MARKS = "قال\u200f المصدر: «الهجوم\u200c وقع في\u200e 2017»."
# Presentation forms (as in the Wojood sample): ﻻ (U+FEFB) and ﺁ (U+FE81).
PRESENTATION = "\ufefbجئون في \ufe81سيا"
# Arabic-Indic digits.
DIGITS = "قتل ٣٦ عنصرا في ٢٤ فبراير"

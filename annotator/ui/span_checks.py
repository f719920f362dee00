"""A question before a gesture makes an unusual span: one that crosses a paragraph break,
or one longer than the length the settings name. Ctrl+A then a label key would otherwise
label a whole article without a word."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from annotator.ui.dialogs import message_box

PARAGRAPH_BREAKS = frozenset("\n\r\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85")


def crosses_paragraph(text: str, start: int, end: int) -> bool:
    """A line or paragraph break inside ``[start, end)`` (the cost is the span's length, paid
    once per new span, never per key press)."""
    return not PARAGRAPH_BREAKS.isdisjoint(text[start:end])


def confirm_span(parent: QWidget, text: str, start: int, end: int, long_span: int) -> bool:
    """True when the span is ordinary, or when the annotator says yes to making it."""
    crosses = crosses_paragraph(text, start, end)
    length = end - start
    if not crosses and length <= long_span:
        return True
    if crosses:
        reason = QCoreApplication.translate("SpanChecks",
                                            "The selection runs across a paragraph break (%1 characters).")
    else:
        reason = QCoreApplication.translate(
            "SpanChecks", "The selection is %1 characters long, more than the %2 the settings allow without asking.")
    reason = reason.replace("%1", str(length)).replace("%2", str(long_span))
    button = message_box().StandardButton
    question = reason + "\n\n" + QCoreApplication.translate("SpanChecks", "Label it all the same?")
    answer = message_box().question(parent, QCoreApplication.translate("SpanChecks", "Label a long span?"), question,
                                    button.Yes | button.No, button.No)
    return answer == button.Yes

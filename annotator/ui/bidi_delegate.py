"""Table cells take the direction of their own text: Arabic reads right to left, aligned
right and elided at its end, and Latin text (file names, labels) left to right, whatever
the direction of the interface around them."""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyledItemDelegate


def first_strong_direction(text: str) -> Qt.LayoutDirection | None:
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return Qt.LayoutDirection.RightToLeft
        if kind == "L":
            return Qt.LayoutDirection.LeftToRight
    return None


class BidiDelegate(QStyledItemDelegate):
    def initStyleOption(self, option, index) -> None:
        super().initStyleOption(option, index)
        direction = first_strong_direction(option.text)
        if direction == Qt.LayoutDirection.RightToLeft:
            option.direction = direction
            # Absolute: with the direction set to right to left, a plain AlignRight is flipped to the left.
            option.displayAlignment = (Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute
                                       | Qt.AlignmentFlag.AlignVCenter)
        elif direction == Qt.LayoutDirection.LeftToRight:
            option.direction = direction  # aligned as the interface aligns, read left to right


def interface_sentence(template: str, *values: str) -> str:
    """A translated sentence with names filled in for %1, %2, ...: each name is isolated
    (FSI ... PDI) so an Arabic name cannot turn an English sentence around, and the
    sentence is marked with the interface's own direction."""
    from PySide6.QtWidgets import QApplication

    for number, value in enumerate(values, start=1):
        template = template.replace(f"%{number}", f"\u2068{value}\u2069")
    rtl = QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    return ("\u200f" if rtl else "\u200e") + template

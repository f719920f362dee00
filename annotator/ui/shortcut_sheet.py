"""The keyboard shortcut sheet (F1): every shortcut of the window, read from its actions
(the review keys are the article view's own), plus the keys the article view handles itself."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

LRM = "\u200e"  # LEFT-TO-RIGHT MARK
ARABIC_INDIC_DIGITS = frozenset("٠١٢٣٤٥٦٧٨٩")


def left_to_right(keys: str) -> str:
    """Keys as they are pressed, left to right in the Arabic interface. In a right-to-left
    cell "Shift+← / Shift+→" comes out as "→+Shift+← / Shift", and "١ – ٥" as "٥ – ١" (the dash
    takes the digits' direction). A left-to-right mark at each end and round each Arabic-Indic
    digit leaves every neutral between two left-to-right marks. (Qt 6.11 drew an LRI…PDI isolate
    still garbled, and inside one the dash between Arabic-Indic digits still turns.)"""
    marked = "".join(f"{LRM}{c}{LRM}" if c in ARABIC_INDIC_DIGITS else c for c in keys)
    return f"{LRM}{marked}{LRM}"


def view_keys(as_keys: Callable[[str], str] = str) -> list[tuple[str, str]]:
    """Keys the article view handles directly (they are not actions); ``as_keys`` shows a key sequence."""
    return [
        (as_keys("1 – 5, ١ – ٥"),
         QCoreApplication.translate("ShortcutSheet", "Label the selection, or relabel the selected span")),
        (QCoreApplication.translate("ShortcutSheet", "Alt + drag"),  # words, in the interface's direction
         QCoreApplication.translate("ShortcutSheet", "Select inside a word (no snapping)")),
        (as_keys("Delete"), QCoreApplication.translate("ShortcutSheet", "Delete the selected span")),
        (as_keys("Tab / Shift+Tab"), QCoreApplication.translate("ShortcutSheet", "Next / previous span")),
        (as_keys("Enter, 1 – 5, ١ – ٥"), QCoreApplication.translate(
            "ShortcutSheet", "Accept the selected suggestion (with its label, or the key's)")),
        (as_keys("Backspace"), QCoreApplication.translate("ShortcutSheet", "Reject the selected suggestion")),
        (as_keys("Shift+← / Shift+→"),
         QCoreApplication.translate("ShortcutSheet", "Move the selected span's left edge")),
        (as_keys("Ctrl+Shift+← / Ctrl+Shift+→"),
         QCoreApplication.translate("ShortcutSheet", "Move the selected span's right edge")),
        (as_keys("Enter / Shift+Enter"),
         QCoreApplication.translate("ShortcutSheet", "Next / previous match while finding")),
        (as_keys("Ctrl+Shift+F, Enter"),
         QCoreApplication.translate("ShortcutSheet", "Search all documents; Enter or a double-click opens a match")),
        (QCoreApplication.translate("ShortcutSheet", "Ctrl + drag"),
         QCoreApplication.translate("ShortcutSheet", "From an event span to another span: link it to the event")),
        (as_keys("Esc"), QCoreApplication.translate("ShortcutSheet", "Clear the selection (and cancel linking)")),
    ]


class ShortcutSheet(QDialog):
    def __init__(self, actions: list[QAction], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        as_keys = left_to_right if self.isRightToLeft() else str  # the Arabic interface's cells run right to left
        rows = view_keys(as_keys)
        for action in actions:
            keys = [s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()]
            if keys and action.text():
                rows.append((as_keys(" / ".join(keys)), action.text().replace("&", "").rstrip("…")))
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Action")])
        for row, (keys, what) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(keys))
            self.table.setItem(row, 1, QTableWidgetItem(what))
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 520)

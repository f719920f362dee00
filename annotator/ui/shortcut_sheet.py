"""The keyboard shortcut sheet (F1): every shortcut of the window, read from its actions,
plus the keys the article view handles itself."""

from __future__ import annotations

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


def view_keys() -> list[tuple[str, str]]:
    """Keys the article view handles directly (they are not actions)."""
    return [
        ("1 – 5, ١ – ٥",
         QCoreApplication.translate("ShortcutSheet", "Label the selection, or relabel the selected span")),
        (QCoreApplication.translate("ShortcutSheet", "Alt + drag"),
         QCoreApplication.translate("ShortcutSheet", "Select inside a word (no snapping)")),
        ("Delete", QCoreApplication.translate("ShortcutSheet", "Delete the selected span")),
        ("Tab / Shift+Tab", QCoreApplication.translate("ShortcutSheet", "Next / previous span")),
        ("Shift+← / Shift+→", QCoreApplication.translate("ShortcutSheet", "Move the selected span's left edge")),
        ("Ctrl+Shift+← / Ctrl+Shift+→",
         QCoreApplication.translate("ShortcutSheet", "Move the selected span's right edge")),
        ("Enter / Shift+Enter", QCoreApplication.translate("ShortcutSheet", "Next / previous match while finding")),
        ("Esc", QCoreApplication.translate("ShortcutSheet", "Clear the selection")),
    ]


class ShortcutSheet(QDialog):
    def __init__(self, actions: list[QAction], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = view_keys()
        for action in actions:
            keys = [s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()]
            if keys and action.text():
                rows.append((" / ".join(keys), action.text().replace("&", "").rstrip("…")))
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

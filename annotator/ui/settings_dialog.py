"""Settings: the article's font and size, label colours, snapping, the annotator's name
and the project file."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFontComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from annotator.core.model import Label
from annotator.ui.settings import DEFAULT_LONG_SPAN


@dataclass
class SettingsChoice:
    font_family: str
    font_size: float
    colors: dict[str, str]
    snap_to_words: bool
    annotator: str
    database: str
    long_span: int = DEFAULT_LONG_SPAN  # characters: a longer new span is asked about first


class SettingsDialog(QDialog):
    def __init__(self, current: SettingsChoice, labels: list[Label], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.choice = current
        self.colors = dict(current.colors)
        form = QFormLayout(self)

        self.font_box = QFontComboBox(self)
        self.font_box.setCurrentFont(QFont(current.font_family))
        self.size_box = QDoubleSpinBox(self)
        self.size_box.setRange(8, 48)
        self.size_box.setSingleStep(1)
        self.size_box.setValue(current.font_size)
        form.addRow(self.tr("Article font"), self.font_box)
        form.addRow(self.tr("Font size"), self.size_box)

        self.color_buttons: dict[str, QPushButton] = {}
        for label in labels:
            button = QPushButton(self)
            button.clicked.connect(lambda _=False, name=label.name: self._pick_color(name))
            self.color_buttons[label.name] = button
            self._show_color(label.name)
            form.addRow(label.caption(), button)

        self.snap_box = QCheckBox(self.tr("Snap selections to whole words"), self)
        self.snap_box.setChecked(current.snap_to_words)
        form.addRow("", self.snap_box)

        self.long_span_box = QSpinBox(self)
        self.long_span_box.setRange(10, 10_000_000)
        self.long_span_box.setSingleStep(100)
        self.long_span_box.setValue(current.long_span)
        form.addRow(self.tr("Ask before labelling more characters than"), self.long_span_box)

        self.name_edit = QLineEdit(current.annotator, self)
        form.addRow(self.tr("Annotator name"), self.name_edit)

        database = QWidget(self)
        row = QHBoxLayout(database)
        row.setContentsMargins(0, 0, 0, 0)
        self.database_label = QLabel(current.database, database)
        self.database_label.setWordWrap(True)
        self.database_button = QPushButton(self.tr("Change…"), database)
        row.addWidget(self.database_label, 1)
        row.addWidget(self.database_button)
        form.addRow(self.tr("Project file"), database)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _show_color(self, name: str) -> None:
        color = self.colors[name]
        button = self.color_buttons[name]
        button.setText(color)
        text = "#000000" if QColor(color).lightness() > 128 else "#ffffff"
        button.setStyleSheet(f"background-color: {color}; color: {text};")

    def _pick_color(self, name: str) -> None:
        chosen = QColorDialog.getColor(QColor(self.colors[name]), self, self.tr("Label colour"))
        if chosen.isValid():
            self.colors[name] = chosen.name().upper()
            self._show_color(name)

    def result_choice(self) -> SettingsChoice:
        return SettingsChoice(self.font_box.currentFont().family(), self.size_box.value(), dict(self.colors),
                              self.snap_box.isChecked(), self.name_edit.text().strip() or self.choice.annotator,
                              self.choice.database, self.long_span_box.value())

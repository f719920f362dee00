"""Arabic in the tables sits against the right edge of its cell, in either interface language."""

from __future__ import annotations

from PySide6.QtGui import QColor

from tests.ui.conftest import drag


def ink_columns(table, index) -> tuple[int, int]:
    """The leftmost and rightmost pixel columns with text ink in a cell (relative to the cell)."""
    rect = table.visualRect(index)
    image = table.viewport().grab(rect).toImage()
    background = QColor(image.pixel(2, image.height() // 2)).lightness()  # a cell's margin is bare
    ink = [x for x in range(image.width()) for y in range(image.height())
           if abs(QColor(image.pixel(x, y)).lightness() - background) > 80]
    return min(ink), max(ink)


def test_arabic_span_text_is_aligned_right_in_its_cell(qtbot, window):
    view, text = window.view, window.workspace.document.text
    at = text.index("قصفت")
    drag(qtbot, view, at, at + len("قصفت"))
    qtbot.keyClick(view, "1")
    index = window.span_model.index(0, 1)
    width = window.span_table.visualRect(index).width()
    left, right = ink_columns(window.span_table, index)
    assert right > width - 15 and left > width / 2, (left, right, width)

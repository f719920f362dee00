"""What the annotator sees: screenshots of the real window, checked by pixel."""

from PySide6.QtGui import QColor

from annotator.ui.highlights import FILL_ALPHA
from tests.ui.conftest import caret_point, drag, open_by_title


def tint(hex_color: str) -> QColor:
    c = QColor(hex_color)
    blend = lambda v: round(255 + (v - 255) * FILL_ALPHA / 255)  # noqa: E731
    return QColor(blend(c.red()), blend(c.green()), blend(c.blue()))


def near(a: QColor, b: QColor, tolerance: int = 6) -> bool:
    return all(abs(mine - theirs) <= tolerance
               for mine, theirs in ((a.red(), b.red()), (a.green(), b.green()), (a.blue(), b.blue())))


def test_sub_word_span_is_tinted_and_the_text_is_right_aligned(qtbot, window, tmp_path):
    from PySide6.QtCore import Qt

    open_by_title(window, "a_diacritics")
    view, text = window.view, window.workspace.document.text
    at = text.index("للجزيرة")
    drag(qtbot, view, at + 2, at + len("للجزيرة"), Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(view, "2")
    qtbot.keyClick(view, Qt.Key.Key_Escape)  # the new span is selected: deselect it to see its own tint
    image = view.viewport().grab().toImage()
    image.save(str(tmp_path / "subword.png"))
    left, right = caret_point(view, at + len("للجزيرة")), caret_point(view, at + 2)
    y = left.y()
    place = tint(window.workspace.label("place").color)
    tinted = [x for x in range(left.x(), right.x()) if near(QColor(image.pixel(x, y - 8)), place)]
    assert len(tinted) > (right.x() - left.x()) // 3  # the sub-word is highlighted...
    outside = caret_point(view, at)
    assert not near(QColor(image.pixel(outside.x() - 2, y - 8)), place)  # ...and the clitic is not
    # Paragraphs hug the right edge: the first line's start is near the viewport's right side.
    assert caret_point(view, 0).x() > view.viewport().width() - 40

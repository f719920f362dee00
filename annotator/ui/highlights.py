"""How spans look over the text: shared by the article view and the PNG renderer.

Highlights are overlays (ExtraSelections, or paint-context selections) over the
unbroken text layout, never character formats written into the document, so Arabic
letters stay joined when a span starts inside a word, and Qt's own undo stays untouched.
Only background and underline are used: DESIGN.md records that font changes are ignored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

from PySide6.QtCore import QLineF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QTextCharFormat, QTextCursor, QTextDocument

from annotator.core.model import UNKNOWN_LABEL_COLOR, Label, Span
from annotator.core.span_index import SpanIndex, nesting_depth  # noqa: F401 (re-exported for the view)
from annotator.ui.qt_offsets import TextMapping

FILL_ALPHA = 0x5A
SELECTED_ALPHA = 0xB0


def label_colors(labels: Iterable[Label]) -> dict[str, QColor]:
    return {label.name: QColor(label.color) for label in labels}


UNKNOWN_COLOR = QColor(UNKNOWN_LABEL_COLOR)  # read only: span_format copies it


def span_format(color: QColor, depth: int, selected: bool) -> QTextCharFormat:
    """Outer spans are tinted; a span inside another is tinted and underlined in its colour."""
    fmt = QTextCharFormat()
    fill = QColor(color)
    fill.setAlpha(SELECTED_ALPHA if selected else FILL_ALPHA)
    fmt.setBackground(fill)
    if depth > 0:
        fmt.setUnderlineStyle(
            QTextCharFormat.UnderlineStyle.WaveUnderline if depth > 1
            else QTextCharFormat.UnderlineStyle.SingleUnderline
        )
        fmt.setUnderlineColor(QColor(color).darker(130))
    elif selected:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
    return fmt


REVIEW_COLORS = {"agree": "#2e7d32", "some": "#b26a00", "conflict": "#c62828", "gold": "#202020",
                 "rejected": "#757575"}
REVIEW_STYLES = {
    "agree": QTextCharFormat.UnderlineStyle.SingleUnderline,
    "some": QTextCharFormat.UnderlineStyle.DashUnderline,
    "conflict": QTextCharFormat.UnderlineStyle.WaveUnderline,
    "gold": QTextCharFormat.UnderlineStyle.DotLine,
    "rejected": QTextCharFormat.UnderlineStyle.NoUnderline,
}
REJECTED_ALPHA = 0x1C


def mark_review_status(fmt: QTextCharFormat, status: str) -> None:
    """In review mode a span's underline says how annotators agree on it: green all agree,
    amber dashes some have it, a red wave they conflict; dots mark the gold layer. A span a
    reviewer rejected is struck through in grey over a faded tint: settled, still legible.
    (A strike-out, like an underline, is drawn over the shaped text: letters stay joined.)"""
    fmt.setUnderlineStyle(REVIEW_STYLES[status])
    fmt.setUnderlineColor(QColor(REVIEW_COLORS[status]))
    if status == "rejected":
        fade = QColor(fmt.background().color())
        fade.setAlpha(REJECTED_ALPHA)
        fmt.setBackground(fade)
        fmt.setFontStrikeOut(True)
        fmt.setForeground(QColor(REVIEW_COLORS[status]))


class Highlight(NamedTuple):  # a tuple: a frozen dataclass costs 0.5 ms of start-up to define
    span: Span
    qt_start: int
    qt_end: int
    depth: int
    selected: bool


def highlights(
    index: SpanIndex, mapping: TextMapping, cp_start: int, cp_end: int, selected_id: str | None = None
) -> list[Highlight]:
    """The highlights for spans over ``[cp_start, cp_end)``, outer ones first."""
    visible = index.overlapping(cp_start, cp_end)
    out = []
    for span in visible:
        depth = nesting_depth(span, index.overlapping(span.start, span.end))
        qt_start, qt_end = mapping.range_to_qt(span.start, span.end)
        out.append(Highlight(span, qt_start, qt_end, depth, span.id == selected_id))
    out.sort(key=lambda h: (h.depth, h.selected))
    return out


def cursor_for(document: QTextDocument, qt_start: int, qt_end: int) -> QTextCursor:
    cursor = QTextCursor(document)
    cursor.setPosition(qt_start)
    cursor.setPosition(qt_end, QTextCursor.MoveMode.KeepAnchor)
    return cursor


def selections(
    document: QTextDocument, items: Sequence[Highlight], colors: dict[str, QColor], make: Callable
) -> list:
    """Build ExtraSelection-like objects with ``make()`` (it must have .cursor and .format)."""
    out = []
    for item in items:
        selection = make()
        selection.cursor = cursor_for(document, item.qt_start, item.qt_end)
        selection.format = span_format(colors.get(item.span.label, UNKNOWN_COLOR), item.depth, item.selected)
        out.append(selection)
    return out


def edge_at(document: QTextDocument, qt_pos: int, block_top_left: Callable) -> tuple[float, float, float] | None:
    """x, top and height of the caret line at ``qt_pos``, in ``block_top_left``'s coordinates."""
    block = document.findBlock(qt_pos)
    layout = block.layout()
    if not block.isValid() or layout is None or layout.lineCount() == 0:
        return None
    rel = qt_pos - block.position()
    line = layout.lineForTextPosition(rel)
    if not line.isValid():
        return None
    x = line.cursorToX(rel)
    x = x[0] if isinstance(x, tuple) else x
    origin = block_top_left(block)
    return origin.x() + x, origin.y() + line.y(), line.height()


def bracket_lines(start_edge, end_edge, depth: int) -> list[QLineF]:
    """A thin bracket at a span's start and end (as ``edge_at`` gives them), so boundaries
    and punctuation just outside them can be seen. In right-to-left text a span opens on
    its right, so the start bracket's ticks point left, into the span."""
    lines = []
    inset = 2 + 2 * depth  # nested brackets sit inside their parents'
    for edge, inward in ((start_edge, -1), (end_edge, 1)):
        if edge is None:
            continue
        x, top, height = edge
        top, bottom = top + inset, top + height - inset
        tick = 3 * inward
        lines += [QLineF(x, top, x, bottom), QLineF(x, top, x + tick, top), QLineF(x, bottom, x + tick, bottom)]
    return lines


def paint_brackets(
    painter: QPainter,
    groups: dict[tuple[str, bool], list[QLineF]],
    colors: dict[str, QColor],
    dark_background: bool = False,
) -> None:
    """Draw bracket lines grouped by (label, selected), one call a group."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    for (label, selected), lines in groups.items():
        base = colors.get(label, UNKNOWN_COLOR)
        painter.setPen(QPen(base.lighter(140) if dark_background else base.darker(150), 2 if selected else 1))
        painter.drawLines(lines)
    painter.restore()


def rtl_text_option():
    """Right-to-left paragraphs aligned to the right edge (direction alone left them on the left)."""
    from PySide6.QtGui import QTextOption

    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    option.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    return option

"""The chosen event drawn over the article: a solid outline round each of its mentions, a
dashed one in the argument's label colour round each argument, with its role named on a
small tag (matched outlines; connectors were tried and crossed the lines of dense text).

All of it is painted over the laid-out text, never put into the text's formats: a format
change is a shaping boundary for HarfBuzz, and an outline that began inside a word would
break its letters' joining. Outlines follow whole spans, line by line, as Qt laid them out.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QPlainTextEdit

MENTION_COLOR = QColor("#b71c1c")
_MANY = 400  # longer stretches on one line: their two ends only


class MarkedSpan(NamedTuple):
    """A span of the selected event, in Qt positions (UTF-16), with the role it fills
    ('' for a mention) as the reader should see it named."""

    qt_start: int
    qt_end: int
    role: str
    color: QColor


def span_rects(view: QPlainTextEdit, qt_start: int, qt_end: int) -> list[QRectF]:
    """One rectangle per laid-out line the range covers, in viewport coordinates; empty when
    the range is not laid out (scrolled far away)."""
    rects: list[QRectF] = []
    document = view.document()
    block = document.findBlock(qt_start)
    offset = view.contentOffset()
    while block.isValid() and block.position() < qt_end:
        layout = block.layout()
        if layout is not None and layout.lineCount():
            origin = view.blockBoundingGeometry(block).translated(offset).topLeft()
            base = block.position()
            for number in range(layout.lineCount()):
                line = layout.lineAt(number)
                line_start, line_end = base + line.textStart(), base + line.textStart() + line.textLength()
                start, end = max(qt_start, line_start), min(qt_end, line_end)
                if start >= end:
                    continue
                # Every caret position, not just the ends: digits and Latin inside Arabic run left
                # to right, so the range's two ends can fall inside it (the 2|4 of "24 فبراير").
                positions = range(start, end + 1) if end - start <= _MANY else (start, end)
                xs = [_x(line.cursorToX(p - base)) for p in positions]
                rects.append(QRectF(min(xs), line.y(), max(xs) - min(xs), line.height()).translated(origin))
        block = block.next()
    return rects


def _x(value) -> float:
    return value[0] if isinstance(value, tuple) else value


def paint_marks(view: QPlainTextEdit, marked: list[MarkedSpan],
                link_drag: tuple[str, QPointF, QPointF] | None = None) -> None:
    """Paint over the view's viewport: the chosen event, and the line of a Ctrl+drag in progress."""
    painter = QPainter(view.viewport())
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if link_drag is not None:
        painter.setPen(QPen(MENTION_COLOR, 2, Qt.PenStyle.DashLine))
        painter.drawLine(link_drag[1], link_drag[2])
    _paint_event(painter, view, marked)
    painter.end()


def _paint_event(painter: QPainter, view: QPlainTextEdit, marked: list[MarkedSpan]) -> None:
    font = QFont(painter.font())
    font.setPointSizeF(max(8.0, view.font().pointSizeF() * 0.6))
    painter.setFont(font)
    metrics = QFontMetricsF(font)
    for mark in marked:
        rects = span_rects(view, mark.qt_start, mark.qt_end)
        if not rects:
            continue
        pen = QPen(mark.color, 2.5 if not mark.role else 2)
        pen.setStyle(Qt.PenStyle.SolidLine if not mark.role else Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for rect in rects:
            painter.drawRoundedRect(rect.adjusted(-2, 1, 2, -1), 4, 4)
        if mark.role:
            # The role's name on a small tag astride the outline's top edge, at the span's
            # start (its right end: the text runs right to left); Qt shapes the Arabic.
            first = rects[0]
            width, height = metrics.horizontalAdvance(mark.role) + 6, metrics.height()
            tag = QRectF(first.right() - width, first.top() - height / 2, width, height)
            painter.setPen(QPen(mark.color, 1))
            painter.setBrush(QColor(255, 255, 255, 235))
            painter.drawRoundedRect(tag, 3, 3)
            painter.drawText(tag, Qt.AlignmentFlag.AlignCenter, mark.role)

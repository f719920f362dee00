"""Draw an article with its spans to a PNG, as a reviewer would print or share it.

Qt lays out and shapes the text (HarfBuzz); nothing here reshapes or reorders it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPainter,
    QTextDocument,
)

from annotator.core.model import Document, Label, Span
from annotator.core.span_index import SpanIndex
from annotator.ui import highlights as hl
from annotator.ui.qt_offsets import TextMapping
from annotator.ui.resources import article_font

MARGIN = 32


def _ensure_gui_app() -> QGuiApplication:
    app = QGuiApplication.instance()
    if app is None:
        # Drawing to an image needs no screen: offscreen works on any machine.
        app = QGuiApplication(["annotator", "-platform", "offscreen"])
    return app


def _draw_header(painter: QPainter, title: str, labels: Sequence[Label], width: int) -> float:
    """Title and legend, right-aligned; returns the height used."""
    painter.setPen(QColor("#111111"))
    title_font = article_font(20)
    title_font.setBold(True)
    painter.setFont(title_font)
    metrics = QFontMetricsF(title_font)
    title_rect = QRectF(MARGIN, MARGIN / 2, width - 2 * MARGIN, metrics.height() * 1.4)
    painter.drawText(title_rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), title)
    legend_font = article_font(13)
    painter.setFont(legend_font)
    metrics = QFontMetricsF(legend_font)
    y = title_rect.bottom() + 6
    x = width - MARGIN
    row_height = metrics.height() * 1.3
    for label in labels:
        text = label.caption()
        advance = metrics.horizontalAdvance(text) + 20 + 28
        if x - advance < MARGIN:
            x, y = width - MARGIN, y + row_height
        swatch = QRectF(x - 16, y + (row_height - 14) / 2, 14, 14)
        fill = QColor(label.color)
        painter.fillRect(swatch, fill)
        painter.setPen(QColor("#111111"))
        painter.drawText(QRectF(MARGIN, y, x - 22 - MARGIN, row_height),
                         int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), text)
        x -= advance
    return y + row_height + 12


def render_png(document: Document, spans: Sequence[Span], labels: Sequence[Label], out: Path,
               width: int = 900, point_size: float = 16) -> None:
    _ensure_gui_app()
    mapping = TextMapping(document.text)
    text_doc = QTextDocument()
    text_doc.setDefaultFont(article_font(point_size))
    text_doc.setDefaultTextOption(hl.rtl_text_option())
    text_doc.setDocumentMargin(MARGIN)
    text_doc.setPlainText(mapping.display)
    text_doc.setTextWidth(width)

    probe = QImage(1, 1, QImage.Format.Format_ARGB32)
    painter = QPainter(probe)
    header_height = _draw_header(painter, document.title, labels, width)
    painter.end()

    image = QImage(width, int(header_height + text_doc.size().height()), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    _draw_header(painter, document.title, labels, width)
    painter.translate(0, header_height)

    colors = hl.label_colors(labels)
    items = hl.highlights(SpanIndex(spans), mapping, 0, len(document.text))
    context = QAbstractTextDocumentLayout.PaintContext()
    context.palette.setColor(context.palette.ColorRole.Text, QColor("#111111"))
    context.selections = hl.selections(text_doc, items, colors, QAbstractTextDocumentLayout.Selection)
    text_doc.documentLayout().draw(painter, context)
    layout = text_doc.documentLayout()
    origin = lambda block: QPointF(layout.blockBoundingRect(block).topLeft())  # noqa: E731
    groups: dict[tuple[str, bool], list] = {}
    for item in items:
        groups.setdefault((item.span.label, False), []).extend(hl.bracket_lines(
            hl.edge_at(text_doc, item.qt_start, origin), hl.edge_at(text_doc, item.qt_end, origin), item.depth))
    hl.paint_brackets(painter, groups, colors)
    painter.end()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out), "PNG"):
        raise OSError(f"{out}: could not write the PNG")

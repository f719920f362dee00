"""Span highlights as per-paragraph formats of the text layout (a QSyntaxHighlighter).

Formats here only tint and underline, so Qt keeps shaping across their edges: a span
that starts inside a word leaves the word's letters joined. A change re-formats only the
paragraphs it touches, so its cost does not grow with the number of spans elsewhere.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from annotator.core.span_index import SpanIndex
from annotator.ui import highlights as hl
from annotator.ui.qt_offsets import TextMapping


class SpanHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument):
        super().__init__(document)
        self.spans = SpanIndex()
        self.mapping = TextMapping("")
        self.colors: dict[str, QColor] = {}
        self._formats: dict[tuple, QTextCharFormat] = {}
        self.review: dict[str, str] = {}  # span id -> agree / some / conflict / gold, in review mode

    def configure(self, spans: SpanIndex, mapping: TextMapping, colors: dict[str, QColor]) -> None:
        """Called before the text is set; setting it formats every paragraph once."""
        self.spans, self.mapping, self.colors = spans, mapping, colors
        self._formats.clear()

    def _format(self, label: str, depth: int, status: str | None = None) -> QTextCharFormat:
        key = (label, min(depth, 2), status)
        fmt = self._formats.get(key)
        if fmt is None:
            fmt = hl.span_format(self.colors.get(label, hl.UNKNOWN_COLOR), key[1], False)
            if status:
                hl.mark_review_status(fmt, status)
            self._formats[key] = fmt
        return fmt

    def highlightBlock(self, text: str) -> None:
        if not self.mapping.stored or not text:
            return
        block_start = self.currentBlock().position()
        block_end = block_start + len(text)
        cp_start, cp_end = self.mapping.range_to_cp(block_start, block_end)
        items = hl.highlights(self.spans, self.mapping, cp_start, cp_end)  # outer first
        # A rejected proposal gives way to a live one with the same edges (another annotator's
        # other label): the place still needs the reviewer, and shows how.
        live = {(i.span.start, i.span.end) for i in items if self.review.get(i.span.id) != "rejected"}
        for item in items:
            status = self.review.get(item.span.id)
            start = max(item.qt_start, block_start)
            end = min(item.qt_end, block_end)
            if end > start and not (status == "rejected" and (item.span.start, item.span.end) in live):
                self.setFormat(start - block_start, end - start, self._format(item.span.label, item.depth, status))

    def refresh_range(self, cp_start: int, cp_end: int) -> None:
        """Re-format the paragraphs over ``[cp_start, cp_end)`` and over any span overlapping it
        (their nesting depth may have changed)."""
        for span in self.spans.overlapping(cp_start, cp_end):
            cp_start, cp_end = min(cp_start, span.start), max(cp_end, span.end)
        document = self.document()
        block = document.findBlock(self.mapping.to_qt(cp_start))
        last = self.mapping.to_qt(cp_end)
        while block.isValid() and block.position() <= last:
            self.rehighlightBlock(block)
            block = block.next()

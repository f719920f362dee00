"""The article, right to left, with its spans drawn over the text.

Only spans that touch the visible part of the article are turned into highlights, and
only again when the view scrolls or a span changes, so an action costs the same in an
article with 100 spans as in one with 10,000.
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QEvent, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QTextCursor, QTextDocument
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip, QWidget

from annotator.core import arabic
from annotator.core.model import Label, Span
from annotator.core.span_index import SpanIndex
from annotator.ui import highlights as hl
from annotator.ui.qt_offsets import TextMapping
from annotator.ui.resources import article_font

DEFAULT_POINT_SIZE = 18.0
FIND_COLOR = QColor(255, 235, 59, 150)


def digit_of(text: str) -> str | None:
    """'1'..'9' for a typed digit, Arabic-Indic (١) and Persian (۱) ones included."""
    if len(text) == 1 and unicodedata.category(text) == "Nd":
        return str(unicodedata.digit(text))
    return None


class ArticleView(QPlainTextEdit):
    labelKeyPressed = Signal(str)  # the label key, as an ASCII digit
    deleteRequested = Signal()
    walkRequested = Signal(int)  # +1 next span, -1 previous
    edgeMoveRequested = Signal(str, int)  # "left"/"right" visual edge, -1 left / +1 right
    findNextRequested = Signal(int)
    spanSelected = Signal(object)  # Span or None

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # scrollbar on the reading side
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setUndoRedoEnabled(False)  # our undo stack is the only one
        self.setMouseTracking(True)
        self.exact_mode = False
        self.find_active = False
        self.mapping = TextMapping("")
        self.spans = SpanIndex()
        self.colors: dict[str, QColor] = {}
        self.selected_span_id: str | None = None
        self.find_matches: list[tuple[int, int]] = []
        self._items: list[hl.Highlight] = []
        self._press_pos: QPointF | None = None
        self._snapped: tuple[int, int] | None = None  # the selection as the last mouse gesture snapped it
        self.set_point_size(DEFAULT_POINT_SIZE)
        self.verticalScrollBar().valueChanged.connect(self.refresh_highlights)

    # -- content -------------------------------------------------------------------

    def _configure_document(self) -> None:
        document = self.document()
        document.setDefaultTextOption(hl.rtl_text_option())
        document.setDefaultCursorMoveStyle(Qt.CursorMoveStyle.VisualMoveStyle)
        document.setDocumentMargin(12)

    def show_article(self, text: str, spans: SpanIndex, labels: list[Label]) -> None:
        self.mapping = TextMapping(text)
        self.spans = spans
        self.colors = hl.label_colors(labels)
        self.selected_span_id = None
        self.find_matches = []
        self.setPlainText(self.mapping.display)
        self._configure_document()
        self.refresh_highlights()

    def set_spans(self, spans: SpanIndex) -> None:
        self.spans = spans
        if self.selected_span_id not in spans:
            self.selected_span_id = None
        self.refresh_highlights()

    def set_point_size(self, size: float) -> None:
        self.point_size = max(8.0, min(48.0, size))
        self.setFont(article_font(self.point_size))
        self._configure_document()
        self.refresh_highlights()

    # -- positions -----------------------------------------------------------------

    def visible_range(self) -> tuple[int, int]:
        """The code points on screen, give or take a block."""
        top = self.cursorForPosition(self.viewport().rect().topLeft()).position()
        bottom = self.cursorForPosition(self.viewport().rect().bottomRight()).position()
        first = self.document().findBlock(min(top, bottom)).position()
        last_block = self.document().findBlock(max(top, bottom))
        last = last_block.position() + last_block.length()
        return self.mapping.to_cp(first), self.mapping.to_cp(min(last, self.mapping.qt_length))

    def selection_range(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self.mapping.range_to_cp(cursor.selectionStart(), cursor.selectionEnd())

    def select_range(self, start: int, end: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.mapping.to_qt(start))
        cursor.setPosition(self.mapping.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def position_at(self, point) -> int:
        return self.mapping.to_cp(self.cursorForPosition(point).position())

    def spans_at(self, cp: int) -> list[Span]:
        return self.spans.overlapping(cp, cp)

    def scroll_to(self, start: int, end: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.mapping.to_qt(end))
        self.setTextCursor(cursor)
        cursor.setPosition(self.mapping.to_qt(start))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    # -- spans on screen -----------------------------------------------------------

    def select_span(self, span: Span | None, scroll: bool = True) -> None:
        self.selected_span_id = span.id if span else None
        if span is not None:
            if scroll:
                self.scroll_to(span.start, span.end)
            cursor = self.textCursor()
            cursor.clearSelection()
            self.setTextCursor(cursor)
        self.refresh_highlights()
        self.spanSelected.emit(span)

    def selected_span(self) -> Span | None:
        return self.spans.get(self.selected_span_id) if self.selected_span_id else None

    def refresh_highlights(self) -> None:
        if not self.mapping.stored:
            self._items = []
            self.setExtraSelections([])
            return
        start, end = self.visible_range()
        self._items = hl.highlights(self.spans, self.mapping, start, end, self.selected_span_id)
        selections = hl.selections(self.document(), self._items, self.colors, QTextEdit.ExtraSelection)
        for match_start, match_end in self.find_matches:
            if match_end >= start and match_start <= end:
                selection = QTextEdit.ExtraSelection()
                selection.cursor = hl.cursor_for(self.document(), *self.mapping.range_to_qt(match_start, match_end))
                selection.format.setBackground(FIND_COLOR)
                selections.append(selection)
        self.setExtraSelections(selections)
        self.viewport().update()

    def set_find_matches(self, matches: list[tuple[int, int]]) -> None:
        self.find_matches = matches
        self.refresh_highlights()

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not self._items:
            return
        painter = QPainter(self.viewport())
        offset = self.contentOffset()
        dark = self.palette().color(self.palette().ColorRole.Base).lightness() < 128
        hl.paint_edges(painter, self.document(), self._items, self.colors,
                       lambda block: self.blockBoundingGeometry(block).translated(offset).topLeft(), dark)
        painter.end()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.refresh_highlights()

    # -- input ---------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            self.walkRequested.emit(-1 if event.key() == Qt.Key.Key_Backtab else 1)
            return True
        if event.type() == QEvent.Type.ToolTip:
            cp = self.position_at(self.viewport().mapFromGlobal(event.globalPos()))
            over = [s for s in self.spans_at(cp) if s.start <= cp < s.end]
            if over:
                QToolTip.showText(event.globalPos(), "\n".join(f"{s.label} · {s.annotator}: {s.text}" for s in over), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        plain = not mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                            | Qt.KeyboardModifier.MetaModifier)
        digit = digit_of(event.text())
        if digit is not None and plain:
            self.labelKeyPressed.emit(digit)
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.selected_span_id:
            self.deleteRequested.emit()
            return
        if key == Qt.Key.Key_Escape:
            self.select_span(None, scroll=False)
            cursor = self.textCursor()
            cursor.clearSelection()
            self.setTextCursor(cursor)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.find_active and plain:
            self.findNextRequested.emit(-1 if mods & Qt.KeyboardModifier.ShiftModifier else 1)
            return
        if (self.selected_span_id and key in (Qt.Key.Key_Left, Qt.Key.Key_Right)
                and mods & Qt.KeyboardModifier.ShiftModifier):
            edge = "right" if mods & Qt.KeyboardModifier.ControlModifier else "left"
            self.edgeMoveRequested.emit(edge, -1 if key == Qt.Key.Key_Left else 1)
            return
        if self.selected_span_id and key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.select_span(None, scroll=False)
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press_pos = event.position()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self._press_pos is None:
            return
        moved = (event.position() - self._press_pos).manhattanLength() > 3
        self._press_pos = None
        if not moved:
            cp = self.position_at(event.position().toPoint())
            over = [s for s in self.spans_at(cp) if s.start <= cp < s.end]
            # The innermost span under the pointer: the shortest one.
            self.select_span(min(over, key=lambda s: s.end - s.start) if over else None, scroll=False)
            return
        self.select_span(None, scroll=False)
        exact = self.exact_mode or bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        self.snap_selection(exact)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        super().mouseDoubleClickEvent(event)
        self.select_span(None, scroll=False)
        self.snap_selection(exact=False)

    def snap_selection(self, exact: bool) -> tuple[int, int] | None:
        """Widen the selection to whole words (or, when exact, to whole letters with their marks)."""
        selected = self.selection_range()
        if selected is None:
            return None
        text = self.mapping.stored
        start, end = (arabic.snap_to_clusters if exact else arabic.snap_to_words)(text, *selected)
        if start < end and (start, end) != selected:
            self.select_range(start, end)
        self._snapped = (start, end)
        return start, end

    def labelling_range(self) -> tuple[int, int] | None:
        """The range a label key would label: a mouse selection as it was snapped (Alt kept
        it exact), a keyboard selection snapped now according to the exact-mode toggle."""
        selected = self.selection_range()
        if selected is None:
            return None
        if selected == self._snapped:
            return selected
        snap = arabic.snap_to_clusters if self.exact_mode else arabic.snap_to_words
        start, end = snap(self.mapping.stored, *selected)
        return (start, end) if start < end else None

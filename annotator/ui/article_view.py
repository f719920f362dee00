"""The article, right to left, with its spans drawn over the text.

Spans are paragraph formats (``SpanHighlighter``); a change re-formats only the paragraphs
it touches. The selected span and find matches are overlays (ExtraSelections), and span
edges are painted for the visible spans only, from geometry cached per span.
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QEvent, QLineF, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip, QWidget

from annotator.core import arabic
from annotator.core.model import Label, Span
from annotator.core.span_index import SpanIndex
from annotator.ui import highlights as hl
from annotator.ui.qt_offsets import TextMapping
from annotator.ui.resources import article_font
from annotator.ui.span_highlighter import SpanHighlighter
from annotator.ui.tooltips import plain_tooltip, rejection_note
from annotator.ui.value_text import value_summary
from annotator.ui.workspace import Workspace

DEFAULT_POINT_SIZE = 18.0
FIND_COLOR = QColor(255, 235, 59, 150)


def digit_of(text: str) -> str | None:
    """'1'..'9' for a typed digit, Arabic-Indic (١) and Persian (۱) ones included."""
    if len(text) == 1 and unicodedata.category(text) == "Nd":
        return str(unicodedata.digit(text))
    return None


class ArticleView(QPlainTextEdit):
    # Intents, each with what it is about: the view resolves keys and selections itself.
    labelSpanRequested = Signal(str, str)  # label name, id of the selected span
    labelRangeRequested = Signal(str, int, int)  # label name, snapped range (code points)
    labelWithoutSelection = Signal(str)  # label name: a label key with nothing selected
    deleteRequested = Signal(str)  # span id
    walkRequested = Signal(int)  # +1 next span, -1 previous
    edgeMoveRequested = Signal(str, str, int)  # span id, "start"/"end", -1 back / +1 on in the text
    findNextRequested = Signal(int)
    spanSelected = Signal(object)  # Span or None
    linkDragRequested = Signal(str, str)  # Ctrl+drag from one span to another: their ids
    escaped = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        # The first ``viewport()`` call makes PySide resolve every lazily loaded widget
        # class to learn the viewport's type: 11 ms of a 200 ms start-up, before the first
        # paint. Found by its name, the same widget comes back at once, and later
        # ``viewport()`` calls reuse that wrapper.
        self.findChild(QWidget, "qt_scrollarea_viewport")
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
        self.font_family: str | None = None  # None: the bundled Arabic font
        self.review_statuses = dict  # span id -> review status; the workspace's, once observed
        self.workspace: Workspace | None = None
        self.mapping = TextMapping("")
        self.spans = SpanIndex()
        self.colors: dict[str, QColor] = {}
        self.selected_span_id: str | None = None
        self.find_matches: list[tuple[int, int]] = []
        # span id -> per edge (start, end): its block number and bracket lines in that block's
        # own coordinates. QPlainTextEdit places blocks relative to the first visible one, so
        # geometry cached in view coordinates goes stale on every scroll; within a block it
        # only changes when lines re-wrap (resize, zoom).
        self._edges: dict[str, list[tuple[int, list] | None]] = {}
        self._press_pos: QPointF | None = None
        self._snapped: tuple[int, int] | None = None  # the selection as the last mouse gesture snapped it
        self.event_marks: list = []  # event_overlay.MarkedSpan: the chosen event, outlined
        self._link_drag: tuple[str, QPointF, QPointF] | None = None  # from span id, press, pointer
        self.highlighter = SpanHighlighter(self.document())
        self.set_point_size(DEFAULT_POINT_SIZE)
        self.verticalScrollBar().valueChanged.connect(self.refresh_overlays)

    # -- content -------------------------------------------------------------------

    def observe(self, workspace: Workspace) -> None:
        """Follow the workspace, as the span table does: its document and its span changes."""
        self.workspace = workspace
        self.review_statuses = workspace.review_statuses
        workspace.documentOpened.connect(
            lambda document: self.show_article(document.text, workspace.spans, workspace.labels))
        workspace.spanAdded.connect(self._span_event)
        workspace.spanRemoved.connect(self._span_event)
        workspace.spanChanged.connect(self._span_event)

    def _span_event(self, *args: object) -> None:
        changed = [a for a in args if isinstance(a, Span)]
        self.spans_changed(min(s.start for s in changed), max(s.end for s in changed))
        if self.selected_span_id == changed[-1].id:
            self.select_span(changed[-1], scroll=False)

    def request_label(self, name: str) -> None:
        """A label key or button: label the selected span, or the selection as it would be snapped."""
        if self.workspace is not None and self.workspace.document is None:
            return
        if self.selected_span_id and self.selection_range() is None:
            self.labelSpanRequested.emit(name, self.selected_span_id)
            return
        chosen = self.labelling_range()
        if chosen is None:
            self.labelWithoutSelection.emit(name)
        else:
            self.labelRangeRequested.emit(name, *chosen)

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
        self._edges.clear()
        self.highlighter.configure(spans, self.mapping, self.colors)
        self.highlighter.review = self.review_statuses()
        self.setPlainText(self.mapping.display)
        self._configure_document()
        self.refresh_overlays()

    def spans_changed(self, cp_start: int, cp_end: int) -> None:
        """Spans over ``[cp_start, cp_end)`` were added, removed or moved: redraw just those."""
        for span in self.spans.overlapping(cp_start, cp_end):
            self._edges.pop(span.id, None)
        if self.selected_span_id not in self.spans:
            self.selected_span_id = None
        statuses = self.review_statuses()
        if statuses != self.highlighter.review:
            changed = [s for s in self.spans if statuses.get(s.id) != self.highlighter.review.get(s.id)]
            self.highlighter.review = statuses
            for span in changed:  # a new proposal can turn others' agreement into conflict
                cp_start, cp_end = min(cp_start, span.start), max(cp_end, span.end)
        self.highlighter.refresh_range(cp_start, cp_end)
        self.refresh_overlays()

    def set_point_size(self, size: float, family: str | None = None) -> None:
        self.point_size = max(8.0, min(48.0, size))
        if family is not None:
            self.font_family = family
        self.setFont(article_font(self.point_size, self.font_family))
        self._configure_document()
        self._edges.clear()
        self.refresh_overlays()

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
        self.refresh_overlays()
        self.spanSelected.emit(span)

    def selected_span(self) -> Span | None:
        return self.spans.get(self.selected_span_id) if self.selected_span_id else None

    def refresh_overlays(self) -> None:
        """The selected span's emphasis and the find matches in view, as ExtraSelections."""
        selections = []
        span = self.selected_span()
        if span is not None:
            selection = QTextEdit.ExtraSelection()
            selection.cursor = hl.cursor_for(self.document(), *self.mapping.range_to_qt(span.start, span.end))
            selection.format = hl.span_format(self.colors.get(span.label, hl.UNKNOWN_COLOR), 0, True)
            selections.append(selection)
        if self.find_matches:
            start, end = self.visible_range()
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
        self.refresh_overlays()

    def visible_highlights(self) -> list[hl.Highlight]:
        start, end = self.visible_range()
        return hl.highlights(self.spans, self.mapping, start, end, self.selected_span_id)

    def set_event_marks(self, marks: list) -> None:
        self.event_marks = marks
        self.viewport().update()

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self.event_marks or self._link_drag:
            from annotator.ui.event_overlay import paint_marks  # only once an event is chosen

            paint_marks(self, self.event_marks, self._link_drag)
        blocks = self._visible_bracket_blocks()
        if not blocks:
            return
        painter = QPainter(self.viewport())
        dark = self.palette().color(self.palette().ColorRole.Base).lightness() < 128
        for number, groups in blocks.items():  # one translation a paragraph, not one a line
            painter.save()
            painter.translate(self._block_origin(number))
            hl.paint_brackets(painter, groups, self.colors, dark)
            painter.restore()
        painter.end()

    def visible_brackets(self) -> dict[tuple[str, bool], list[QLineF]]:
        """The span-edge brackets painted now, in viewport coordinates, grouped by
        (label, selected)."""
        groups: dict[tuple[str, bool], list[QLineF]] = {}
        for number, by_key in self._visible_bracket_blocks().items():
            origin = self._block_origin(number)
            for key, lines in by_key.items():
                groups.setdefault(key, []).extend(line.translated(origin) for line in lines)
        return groups

    def _visible_bracket_blocks(self) -> dict[int, dict[tuple[str, bool], list[QLineF]]]:
        """The visible spans' bracket lines by block number, then by (label, selected), each in
        its block's own coordinates."""
        blocks: dict[int, dict[tuple[str, bool], list[QLineF]]] = {}
        if not self.mapping.stored:
            return blocks
        for span in self.spans.overlapping(*self.visible_range()):
            key = (span.label, span.id == self.selected_span_id)
            for edge in self._brackets(span):
                if edge is not None:
                    blocks.setdefault(edge[0], {}).setdefault(key, []).extend(edge[1])
        return blocks

    def _block_origin(self, number: int) -> QPointF:
        """Where a block's top left is on the viewport now (this moves with every scroll)."""
        block = self.document().findBlockByNumber(number)
        return self.blockBoundingGeometry(block).translated(self.contentOffset()).topLeft()

    def _brackets(self, span: Span) -> list[tuple[int, list] | None]:
        """A span's two edges: block number and bracket lines in the block's coordinates.
        An edge whose block is not laid out yet (off screen) is tried again next time."""
        edges = self._edges.get(span.id)
        if edges is None or None in edges:
            depth = hl.nesting_depth(span, self.spans.overlapping(span.start, span.end))
            document, at_block = self.document(), lambda block: QPointF(0, 0)
            edges = []
            for cp, is_start in ((span.start, True), (span.end, False)):
                qt_pos = self.mapping.to_qt(cp)
                edge = hl.edge_at(document, qt_pos, at_block)
                if edge is None:
                    edges.append(None)
                    continue
                lines = hl.bracket_lines(edge, None, depth) if is_start else hl.bracket_lines(None, edge, depth)
                edges.append((document.findBlock(qt_pos).blockNumber(), lines))
            self._edges[span.id] = edges
        return edges

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._edges.clear()  # lines re-wrap
        self.refresh_overlays()

    # -- input ---------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            self.walkRequested.emit(-1 if event.key() == Qt.Key.Key_Backtab else 1)
            return True
        return super().event(event)

    def viewportEvent(self, event: QEvent) -> bool:
        # Tooltips arrive at the viewport, not at the view.
        if event.type() == QEvent.Type.ToolTip:
            cp = self.position_at(event.pos())
            over = [s for s in self.spans_at(cp) if s.start <= cp < s.end]
            if over:
                QToolTip.showText(event.globalPos(), plain_tooltip(self.span_tooltip(over)), self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def span_tooltip(self, spans: list[Span]) -> str:
        rejected = self.workspace.rejected_by() if self.workspace is not None and self.workspace.review_mode else {}
        return "\n".join(self.tr("%1 by %2: %3").replace("%1", s.label).replace("%2", s.annotator)
                         .replace("%3", s.text) + (f" = {value_summary(s.value)}" if s.value else "")
                         + (f" ({rejection_note(rejected[s.id])})" if s.id in rejected else "")
                         for s in spans)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        plain = not mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                            | Qt.KeyboardModifier.MetaModifier)
        digit = digit_of(event.text())
        if digit is not None and plain:
            label = self.workspace.label_for_key(digit) if self.workspace else None
            if label is not None:
                self.request_label(label.name)
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.selected_span_id:
            self.deleteRequested.emit(self.selected_span_id)
            return
        if key == Qt.Key.Key_Escape:
            self.escaped.emit()
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
            # The text runs right to left: the left edge is the span's end, the right its
            # start, and Left moves on in the text (+1), Right back.
            edge = "start" if mods & Qt.KeyboardModifier.ControlModifier else "end"
            self.edgeMoveRequested.emit(self.selected_span_id, edge, 1 if key == Qt.Key.Key_Left else -1)
            return
        if self.selected_span_id and key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.select_span(None, scroll=False)
        super().keyPressEvent(event)

    def _innermost_span_at(self, point: QPointF) -> Span | None:
        cp = self.position_at(point.toPoint())
        over = [s for s in self.spans_at(cp) if s.start <= cp < s.end]
        return min(over, key=lambda s: s.end - s.start) if over else None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press_pos = event.position()
        linking = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        source = self._innermost_span_at(event.position()) if linking else None
        if source is not None and event.button() == Qt.MouseButton.LeftButton:
            self._link_drag = (source.id, event.position(), event.position())  # no text selection
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._link_drag is not None:
            self._link_drag = (self._link_drag[0], self._link_drag[1], event.position())
            self.viewport().update()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._link_drag is not None:
            source_id, self._link_drag, self._press_pos = self._link_drag[0], None, None
            target = self._innermost_span_at(event.position())
            self.viewport().update()
            if target is not None and target.id != source_id:
                self.linkDragRequested.emit(source_id, target.id)
            return
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self._press_pos is None:
            return
        moved = (event.position() - self._press_pos).manhattanLength() > 3
        self._press_pos = None
        if not moved:  # a click: the innermost span under the pointer, the shortest one
            self.select_span(self._innermost_span_at(event.position()), scroll=False)
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

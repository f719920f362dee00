"""Suggestions in the window: the reserved layer ``suggested`` outlined (dashed, in the label's
colour, no fill) beneath the annotator's own spans. A document whose layer `annotator suggest`
stored shows those; another has the rule suggesters run on a plain thread when it opens, and
their proposals are kept in memory, not stored: opening a document writes nothing to the
project, and the layer stays the command's to replace. Where the project's model of the
annotator (or of gold) was not trained on the document, its proposals join them on the same
thread (``learned_suggestions``, which also retrains it). A rejection is stored by label and edges
(``annotator.suggest.standing``), so it holds for either kind, and for every later run.

Outside review mode, with a suggestion selected (a click, F6 / Shift+F6): Enter accepts it, a
label key accepts it with that label, Backspace rejects it; each is one undo step. Review mode
shows people's work only, and keeps its own keys. Annotate all labels every other occurrence of
the selected span's text in the document, or in the project (``annotate_project``), as one undo step."""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QPainter, QPen
from PySide6.QtWidgets import QMainWindow

from annotator.core.model import SUGGESTED, Document, Span, new_span_id
from annotator.core.occurrences import word_occurrences
from annotator.suggest.model_names import ORIGIN
from annotator.suggest.standing import rejection_id, standing
from annotator.ui import highlights as hl
from annotator.ui.article_view import ArticleView, digit_of
from annotator.ui.commands import AddSpanCommand, BatchCommand, InsertSpanCommand, _SpanCommand
from annotator.ui.controllers.learned_suggestions import LearnedSuggestions
from annotator.ui.event_overlay import span_rects
from annotator.ui.operations import Operations
from annotator.ui.workspace import Workspace

translate = QCoreApplication.translate
FIRST_DELAY_MS = 400
_loaded = threading.Event()  # the suggesters have run once in this process


def other_occurrences(text: str, span: Span) -> list[tuple[int, int]]:
    """Where the span's text stands again as a word (``core.occurrences``); not the span itself."""
    return [p for p in word_occurrences(text, span.text) if p != (span.start, span.end)]


class RejectSuggestionCommand(_SpanCommand):
    """The annotator's "no" to a suggestion: recorded, so it is not proposed again."""

    def __init__(self, controller: SuggestionsController, suggestion: Span):
        super().__init__(controller.workspace,
                         translate("Suggestions", "Reject suggestion %1").replace("%1", suggestion.label))
        self.controller, self.suggestion = controller, suggestion
        self.at: str | None = None

    def apply(self) -> None:
        self.at = self.controller.record_rejection(self.suggestion, self.at)

    def revert(self) -> None:
        self.controller.take_back_rejection(self.suggestion)


class SuggestionsController(QObject):
    computed = Signal(int, int, object)  # document id, which opening, list[Suggestion] (None: failed)

    def __init__(self, workspace: Workspace, view: ArticleView, operations: Operations):
        super().__init__(view)
        self.workspace, self.view, self.operations = workspace, view, operations
        self.layer: list[Span] = []  # the open document's suggested layer
        self.rejections: list = []  # the open document's rejections
        self.shown: list[Span] = []  # what this annotator is still offered, in text order
        self.selected_id: str | None = None
        self.hidden = False
        self._opening = 0  # a result for an earlier opening is dropped
        self.arrived_for: int | None = None  # the document whose computed suggestions are in
        self.learned = LearnedSuggestions(workspace, operations, view)
        self._press: QPointF | None = None
        self._click: QPointF | None = None
        self.computed.connect(self._arrived, Qt.ConnectionType.QueuedConnection)
        workspace.documentOpened.connect(self._opened)
        for signal in (workspace.spanAdded, workspace.spanRemoved, workspace.spanChanged):
            signal.connect(self.refresh)
        view.spanSelected.connect(self._span_selected)
        self.viewport = view.viewport()  # kept: while the view is destroyed, asking it for its viewport fails
        view.installEventFilter(self)
        self.viewport.installEventFilter(self)

    # -- what is offered -----------------------------------------------------------------

    @property
    def active(self) -> bool:
        return not self.workspace.review_mode and not self.hidden and self.workspace.document is not None

    def selected(self) -> Span | None:
        return next((s for s in self.shown if s.id == self.selected_id), None) if self.active else None

    def _opened(self, document: Document) -> None:
        self._opening += 1
        self.layer, self.rejections, self.selected_id, self.arrived_for = [], [], None, None
        if not self.workspace.review_mode:
            store = self.workspace.store
            self.layer = store.spans_for(document.id, [SUGGESTED])
            self.rejections = store.rejections_for(document.id)
            model = self.learned.opened(document)
            if model is not None and any(s.origin == ORIGIN for s in self.layer):
                model = None  # `annotator suggest --learn-from` stored a model's proposals here already
            if not self.layer or model is not None:
                labels = [label.name for label in self.workspace.labels]
                opening, rules = self._opening, not self.layer
                # The first computation loads the suggesters and the gazetteer (0.2 s of Python on a
                # thread that shares the interpreter's lock): it waits until the window has been
                # drawn, or it would double the first paint. Later ones start at once.
                QTimer.singleShot(0 if _loaded.is_set() else FIRST_DELAY_MS,
                                  lambda: self._start(document, labels, opening, rules, model))
        self.refresh()

    def _start(self, document: Document, labels: list[str], opening: int, rules: bool, model) -> None:
        if opening == self._opening:  # still the document open
            threading.Thread(target=self._compute, args=(document, labels, opening, rules, model), daemon=True,
                             name="suggestions").start()

    def _compute(self, document: Document, labels: list[str], opening: int, rules: bool, model) -> None:
        """On a plain thread: typing never waits for the suggesters (the first call loads the
        gazetteer). ``rules``: the rule suggesters too (no stored layer); ``model``: a stored
        model that may propose here."""
        from annotator.suggest.base import resolve_overlaps

        try:
            from annotator.normalise.dates import publication_date
            from annotator.suggest.rules import rule_suggestions

            found = rule_suggestions(document.text, publication_date(document.meta), labels) if rules else []
            _loaded.set()
        except Exception:  # noqa: BLE001 - said on the UI thread
            found = None
        if model is not None and found is not None:
            try:
                found = resolve_overlaps(found + [s for s in self.learned.proposals(model, document)
                                                  if s.label in labels])
            except Exception:  # noqa: BLE001 - a model CRFsuite cannot read: the rules' suggestions still come
                pass
        try:
            self.computed.emit(document.id, opening, found)
        except RuntimeError:  # the window closed meanwhile
            pass

    def _arrived(self, document_id: int, opening: int, found) -> None:
        document = self.workspace.document
        if opening != self._opening or document is None or document.id != document_id:
            return
        if found is None:
            self.operations.tell(translate("Suggestions", "Suggestions could not be computed for this document."))
            return
        from annotator.suggest.runner import as_span

        made = [as_span(document, s) for s in found]
        # Beside a stored layer, a model's proposal is offered where none of its label was stored.
        self.layer = [*self.layer, *(s for s in made if not any(
            t.label == s.label and t.start < s.end and s.start < t.end for t in self.layer))]
        self.arrived_for = document_id
        self.refresh()

    def refresh(self, *_: object) -> None:
        own = [s for s in self.workspace.spans if s.annotator == self.workspace.annotator]
        self.shown = standing(self.layer, own, self.rejections, self.workspace.annotator)
        if self.selected_id and self.selected() is None:
            self.selected_id = None
        self.view.viewport().update()

    def set_hidden(self, hidden: bool) -> None:
        self.hidden = hidden
        self.selected_id = None if hidden else self.selected_id
        self.view.viewport().update()

    # -- choosing one ----------------------------------------------------------------------

    def select(self, suggestion: Span | None) -> None:
        self.view.select_span(None, scroll=False)  # an own span and a suggestion are never both selected
        self.selected_id = suggestion.id if suggestion is not None else None
        if suggestion is not None:
            self.view.scroll_to(suggestion.start, suggestion.end)
        self.view.viewport().update()

    def walk(self, step: int) -> None:
        """F6 / Shift+F6: the next or previous suggestion in the text, from the selected one
        (or the caret)."""
        if not self.active:
            return
        current = self.selected()
        caret = self.view.mapping.to_cp(self.view.textCursor().position())
        at = (current.start, current.end) if current else (caret, caret)
        ahead = ([s for s in self.shown if (s.start, s.end) > at] if step > 0
                 else [s for s in reversed(self.shown) if (s.start, s.end) < at])
        if not ahead:
            self.operations.tell(translate("Suggestions", "No more suggestions this way in this document."))
            return
        self.select(ahead[0])

    def _span_selected(self, span: Span | None) -> None:
        click, self._click = self._click, None
        if span is None and click is not None and self.active:
            cp = self.view.position_at(click.toPoint())
            under = [s for s in self.shown if s.start <= cp < s.end]
            if under:
                self.select(min(under, key=lambda s: s.end - s.start))
                return
        if self.selected_id is not None:
            self.selected_id = None
            self.view.viewport().update()

    # -- accepting and rejecting ------------------------------------------------------------

    def _next_after(self, suggestion: Span) -> Span | None:
        return next((s for s in self.shown if (s.start, s.end) > (suggestion.start, suggestion.end)), None)

    def own_copy(self, suggestion: Span, label: str | None = None) -> Span:
        """The suggestion in the annotator's own layer, saying what suggested it."""
        label = label or suggestion.label
        copy = Span(new_span_id(), suggestion.document_id, self.workspace.annotator, label, suggestion.start,
                    suggestion.end, suggestion.text, {"suggested_by": suggestion.origin})
        value = suggestion.value if label == suggestion.label else None
        return copy._replace(value=value if value is not None else self.workspace.computed_value(copy))

    def accept(self, label: str | None = None) -> None:
        suggestion = self.selected()
        if suggestion is None:
            return
        following = self._next_after(suggestion)
        copy = self.own_copy(suggestion, label)
        text = translate("Suggestions", "Accept suggestion %1").replace("%1", copy.label)
        if self.operations.run(InsertSpanCommand(self.workspace, copy, text).run_and_push):
            self._go_on(following)

    def reject(self) -> None:
        suggestion = self.selected()
        if suggestion is None:
            return
        following = self._next_after(suggestion)
        if self.operations.run(RejectSuggestionCommand(self, suggestion).run_and_push):
            self._go_on(following)

    def _go_on(self, following: Span | None) -> None:
        # The next suggestion is selected at once: a whole article is reviewed with Enter and Backspace.
        self.select(following if following is not None and following in self.shown else None)

    def accept_all_of_label(self) -> None:
        suggestion = self.selected()
        if suggestion is None:
            self.operations.tell(translate("Suggestions", "Select a suggestion first (a click, or F6)."))
            return
        same = [s for s in self.shown if s.label == suggestion.label]
        text = (translate("Suggestions", "Accept %1 suggestions of %2")
                .replace("%1", str(len(same))).replace("%2", suggestion.label))
        steps = [InsertSpanCommand(self.workspace, self.own_copy(s), text) for s in same]
        if self.operations.run(BatchCommand(self.workspace, text, steps).run_and_push):
            self.select(None)

    def record_rejection(self, suggestion: Span, at: str | None) -> str:
        made = self.workspace.store.reject_span(suggestion._replace(id=rejection_id(suggestion)),
                                                by=self.workspace.annotator, at=at)
        self.rejections = [*self.rejections, made]
        self.refresh()
        return made.created_at

    def take_back_rejection(self, suggestion: Span) -> None:
        self.workspace.store.unreject_span(rejection_id(suggestion), by=self.workspace.annotator)
        self.rejections = [r for r in self.rejections if r.span_id != rejection_id(suggestion)]
        self.refresh()

    # -- annotate all ------------------------------------------------------------------------

    def annotate_all(self) -> None:
        span, document = self.view.selected_span(), self.workspace.document
        if span is None or document is None:
            self.operations.tell(translate("Suggestions", "Select a span first: its text is labelled everywhere."))
            return
        labelled = {(s.start, s.end) for s in self.workspace.spans
                    if s.annotator == self.workspace.author and s.label == span.label}
        places = [p for p in other_occurrences(document.text, span) if p not in labelled]
        if not places:
            self.operations.tell(translate("Suggestions", "No other occurrence of this text left to label."))
            return
        text = (translate("Suggestions", "Label %1 more as %2")
                .replace("%1", str(len(places))).replace("%2", span.label))
        steps = [AddSpanCommand(self.workspace, span.label, start, end) for start, end in places]
        self.operations.run(BatchCommand(self.workspace, text, steps).run_and_push, success=text)

    def annotate_in_project(self) -> None:
        """Annotate all, in every document of the project (``annotate_project``)."""
        from annotator.ui.controllers.annotate_project import annotate_in_project

        made = annotate_in_project(self.workspace, self.view.selected_span(), self.operations)
        self.learned.added_elsewhere(made)

    # -- the article's events ------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.viewport:
            if kind == QEvent.Type.Paint and self.active and self.shown:
                self._paint()  # before the text and the own spans' tints: beneath them
            elif kind == QEvent.Type.MouseButtonPress:
                self._press, self._click = event.position(), None
            elif kind == QEvent.Type.MouseButtonRelease and self._press is not None:
                if (event.position() - self._press).manhattanLength() <= 3:
                    self._click = event.position()
                self._press = None
            return False
        if kind == QEvent.Type.KeyPress and self.selected() is not None:
            return self._key(event)
        return False

    def _key(self, event) -> bool:
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        key, digit = event.key(), digit_of(event.text())
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.accept()
        elif key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            self.reject()
        elif digit is not None and self.workspace.label_for_key(digit) is not None:
            self.accept(self.workspace.label_for_key(digit).name)
        else:
            return False
        return True

    def _paint(self) -> None:
        view, start, end = self.view, *self.view.visible_range()
        painter = QPainter(view.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for suggestion in self.shown:
            if suggestion.end < start or suggestion.start > end:
                continue
            chosen = suggestion.id == self.selected_id
            pen = QPen(view.colors.get(suggestion.label, hl.UNKNOWN_COLOR), 2.5 if chosen else 1.5)
            pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            for rect in span_rects(view, *view.mapping.range_to_qt(suggestion.start, suggestion.end)):
                painter.drawRoundedRect(rect.adjusted(-1, 1, 1, -1), 3, 3)
        painter.end()


def install_suggestions(window: QMainWindow) -> SuggestionsController:
    """The suggestions' controller, their menu and keys, and Annotate all."""
    from annotator.ui.window_actions import action

    controller = SuggestionsController(window.workspace, window.view, window.operations)
    window.suggestions = controller
    window.next_suggestion_action = action(window, translate("Suggestions", "Next suggestion"),
                                           lambda: controller.walk(1), "F6")
    window.prev_suggestion_action = action(window, translate("Suggestions", "Previous suggestion"),
                                           lambda: controller.walk(-1), "Shift+F6")
    window.accept_label_suggestions_action = action(
        window, translate("Suggestions", "Accept every suggestion of the selected one's label"),
        controller.accept_all_of_label, "Ctrl+Shift+Return")
    window.hide_suggestions_action = action(window, translate("Suggestions", "Hide suggestions"),
                                            controller.set_hidden, "Ctrl+Shift+H", checkable=True)
    window.annotate_all_action = action(window, translate("Suggestions", "Annotate all: label the selected span's "
                                                                         "text everywhere in the document"),
                                        controller.annotate_all, [QKeySequence("Ctrl+Shift+L")])
    window.annotate_project_action = action(
        window, translate("Suggestions", "Annotate all in the project: label the selected span's text in every "
                                         "document"), controller.annotate_in_project, "Ctrl+Alt+L")
    window.retrain_action = action(window, translate("Suggestions", "Retrain suggestions from my labels"),
                                   lambda: controller.learned.retrain())
    window.stop_retraining_action = action(window, translate("Suggestions", "Stop retraining"),
                                           controller.learned.stop)
    bar = window.menuBar()
    menu = bar.addMenu(translate("Suggestions", "S&uggestions"))
    bar.insertMenu(bar.actions()[-2], menu)  # before Help, which stays last
    for made in (window.next_suggestion_action, window.prev_suggestion_action, None,
                 window.accept_label_suggestions_action, window.annotate_all_action,
                 window.annotate_project_action, None, window.retrain_action, window.stop_retraining_action, None,
                 window.hide_suggestions_action):
        menu.addSeparator() if made is None else menu.addAction(made)
    return controller

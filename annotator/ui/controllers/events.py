"""Events: start one from an event span, add mentions, link arguments by a key then a click
(or by Ctrl+dragging from the event to the argument), unlink and delete from the Events panel.
Each gesture is one undoable command; the rules of an edit are ``annotator.core.event_edits``."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QMainWindow, QMenu

from annotator.core import event_edits as edits
from annotator.core.model import Event, Span
from annotator.review.adjudication import GOLD, gold_event
from annotator.ui.article_view import ArticleView
from annotator.ui.commands import BatchCommand, InsertSpanCommand
from annotator.ui.dialogs import input_dialog
from annotator.ui.event_overlay import MENTION_COLOR, MarkedSpan
from annotator.ui.events_panel import EventsPanel, role_caption
from annotator.ui.operations import Operations
from annotator.ui.record_commands import ChangeEventsCommand, SetPublishedCommand, SetValueCommand
from annotator.ui.workspace import Workspace

translate = QCoreApplication.translate


class EventsController(QObject):
    def __init__(self, workspace: Workspace, view: ArticleView, panel: EventsPanel, operations: Operations):
        super().__init__(view)
        self.workspace, self.view, self.panel, self.operations = workspace, view, panel, operations
        self.current_id: str | None = None
        self.linking = False
        view.spanSelected.connect(self._span_selected)
        view.escaped.connect(self.cancel_linking)
        view.linkDragRequested.connect(self.link_by_drag)
        panel.eventChosen.connect(self.choose_event)
        panel.spanChosen.connect(self._show_span)
        panel.unlinkRequested.connect(self.unlink)
        panel.deleteEventRequested.connect(self.delete_event)
        workspace.eventsChanged.connect(self._mark)
        workspace.documentOpened.connect(self._document_opened)

    # -- what is current -------------------------------------------------------------

    @property
    def current(self) -> Event | None:
        return next((e for e in self.workspace.events if e.id == self.current_id), None)

    def choose_event(self, event_id: str | None) -> None:
        self.current_id = event_id
        self._mark()

    def _document_opened(self, *_: object) -> None:
        self.current_id, self.linking = None, False
        self._mark()

    def _span_selected(self, span: Span | None) -> None:
        if span is None:
            return
        if self.linking and self.current is not None and span.id not in self.current.mentions:
            self.linking = False
            self.link_argument(self.current, span)
            return
        event = edits.event_of_span(self.workspace.events, span.id)
        if event is not None:
            self.current_id = event.id
            self.panel.choose(event.id)
        self._mark()

    def _show_span(self, span_id: str) -> None:
        span = self.workspace.spans.get(span_id)
        if span is not None:
            self.view.select_span(span)

    def _mark(self, *_: object) -> None:
        """Outline the current event's mentions and arguments in the article."""
        event, marks = self.current, []
        if event is not None:
            mapping, spans, colors = self.view.mapping, self.workspace.spans, self.view.colors
            roles = {role.name: role for role in self.workspace.roles}
            for role, ids in (("", event.mentions), *event.roles.items()):
                caption = (roles[role].title_ar or role) if role in roles else role
                for span_id in ids:
                    span = spans.get(span_id)
                    if span is not None:
                        color = MENTION_COLOR if not role else QColor(colors.get(span.label, MENTION_COLOR)).darker(160)
                        marks.append(MarkedSpan(*mapping.range_to_qt(span.start, span.end), caption, color))
        self.view.set_event_marks(marks)

    # -- gestures ----------------------------------------------------------------------

    def _event_span(self) -> Span | None:
        span = self.view.selected_span()
        if span is None or span.label != edits.EVENT_LABEL:
            self.operations.tell(translate("Events", "Select an event span first."))
            return None
        return span

    def new_event(self) -> None:
        span = self._event_span()
        if span is None:
            return
        if any(span.id in e.mentions for e in self.workspace.events):
            self.operations.tell(translate("Events", "This span already mentions an event."))
            return
        document = self.workspace.document
        event_id = edits.next_event_id(self.workspace.store.events_for(document.id))
        event = edits.new_event(event_id, document.id, self.workspace.author, span.id)
        if self._change([], [event], translate("Events", "New event %1").replace("%1", event_id)):
            self.choose_event(event_id)
            self.operations.tell(translate("Events", "Event %1: L then a click links its place, date, casualties "
                                                     "or source.").replace("%1", event_id), 8000)

    def add_mention(self) -> None:
        span, current = self._event_span(), self.current
        if span is None:
            return
        if current is None:
            self.operations.tell(translate("Events", "Choose an event first (click one of its spans)."))
            return
        if span.id in current.mentions:
            return
        before = [e for e in self.workspace.events if span.id in e.mentions]  # a mention has one event
        alone = next((e for e in before if e.mentions == (span.id,)), None)
        if alone is not None:  # moving it would delete that event and its links without a word
            self.operations.tell(translate("Events", "This span is the only mention of %1: delete %1 first "
                                                     "(Delete in the Events panel) to add it to %2.")
                                 .replace("%1", alone.id).replace("%2", current.id), 8000)
            return
        after = [edits.without(e, "", span.id) for e in before]
        after = [e for e in after if e is not None] + [edits.with_mention(current, span.id)]
        text = translate("Events", "Add a mention to %1").replace("%1", current.id)
        if self._change([*before, current], after, text):
            moved = ", ".join(e.id for e in before)
            message = (translate("Events", "Moved from %1 to %2.").replace("%1", moved) if before
                       else translate("Events", "Added to %2."))
            self.operations.tell(message.replace("%2", current.id))

    def start_linking(self) -> None:
        if self.current is None:
            self.operations.tell(translate("Events", "Choose an event first (click one of its spans)."))
            return
        if self.current.annotator != self.workspace.author:  # review: the gold layer's events are edited
            self.operations.tell(translate("Events", "%1 is %2's: accept it into gold (Shift+A), then link to "
                                                     "the gold event.").replace("%1", self.current.id)
                                 .replace("%2", self.current.annotator), 8000)
            return
        self.linking = True
        self.operations.tell(translate("Events", "Click the span to link to %1, or select text and label it; "
                                                 "Esc cancels.").replace("%1", self.current.id), 8000)

    def cancel_linking(self) -> None:
        if self.linking:
            self.linking = False
            self.operations.tell(translate("Events", "Linking cancelled."))

    def link_argument(self, event: Event, span: Span) -> None:
        if span.label == edits.EVENT_LABEL:
            self.operations.tell(translate("Events", "An event span is a mention: add it with M."))
            return
        role = edits.role_for_label(self.workspace.roles, span.label)
        if role is None:
            self.operations.tell(translate("Events", "No role takes %1 spans.").replace("%1", span.label))
            return
        linked = edits.with_argument(event, role.name, span.id)
        if linked == event:
            self.operations.tell(translate("Events", "Already linked."))
            return
        text = translate("Events", "Link %1 to %2").replace("%1", role_caption(role)).replace("%2", event.id)
        if self._change([event], [linked], text):
            self.operations.tell(translate("Events", "%1 linked to %2 as %3.").replace("%1", span.text)
                                 .replace("%2", event.id).replace("%3", role_caption(role)), 5000)

    def accept_into_gold(self) -> None:
        """Review: the selected span's event, with its spans, into the gold layer, as one undo step."""
        span = self.view.selected_span()
        proposed = [e for e in self.workspace.events if e.annotator != GOLD]
        event = edits.event_of_span(proposed, span.id) if span else None
        if not self.workspace.review_mode or event is None:
            self.operations.tell(translate("Events", "In review mode, select a span of an annotator's event first."))
            return
        workspace = self.workspace
        new_id = edits.next_event_id(workspace.store.events_for(workspace.document.id))
        copies, replaced, made = gold_event(event, workspace.spans, workspace.events, workspace.annotator, new_id)
        text = translate("Events", "Accept %1 into gold").replace("%1", event.id)
        steps = [InsertSpanCommand(workspace, copy, copy.label) for copy in copies]
        steps.append(ChangeEventsCommand(workspace, replaced, [made], text))
        if self.operations.run(BatchCommand(workspace, text, steps).run_and_push):
            self.choose_event(made.id)
            self.operations.tell(translate("Events", "%1 of %2 is gold %3 (%4 span(s) added to gold).")
                                 .replace("%1", event.id).replace("%2", event.annotator).replace("%3", made.id)
                                 .replace("%4", str(len(copies))), 6000)

    def link_by_drag(self, from_id: str, to_id: str) -> None:
        """Ctrl+drag from an event's span to another span: link it (an event span not yet in an
        event becomes one first, in the same undo step)."""
        source, target = self.workspace.spans.get(from_id), self.workspace.spans.get(to_id)
        if source is None or target is None or from_id == to_id:
            return
        event = next((e for e in self.workspace.events if from_id in e.mentions), None)
        if event is None and source.label == edits.EVENT_LABEL:
            document = self.workspace.document
            event = edits.new_event(edits.next_event_id(self.workspace.store.events_for(document.id)),
                                    document.id, self.workspace.author, from_id)
            role = edits.role_for_label(self.workspace.roles, target.label)
            if role is None or target.label == edits.EVENT_LABEL:
                self.operations.tell(translate("Events", "No role takes %1 spans.").replace("%1", target.label))
                return
            linked = edits.with_argument(event, role.name, to_id)
            if self._change([], [linked], translate("Events", "New event %1").replace("%1", event.id)):
                self.choose_event(event.id)
            return
        if event is None:
            self.operations.tell(translate("Events", "Drag from an event span."))
            return
        self.current_id = event.id
        self.link_argument(event, target)

    def unlink(self, event_id: str, role: str, span_id: str) -> None:
        event = next((e for e in self.workspace.events if e.id == event_id), None)
        if event is None:
            return
        after = edits.without(event, role, span_id)
        self._change([event], [after] if after is not None else [],
                     translate("Events", "Unlink from %1").replace("%1", event_id))

    def delete_event(self, event_id: str) -> None:
        event = next((e for e in self.workspace.events if e.id == event_id), None)
        if event is not None and self._change([event], [], translate("Events", "Delete %1").replace("%1", event_id)):
            self.choose_event(None)

    def _change(self, before: list[Event], after: list[Event], text: str) -> bool:
        return self.operations.run(ChangeEventsCommand(self.workspace, before, after, text).run_and_push)


def set_value(workspace: Workspace, operations: Operations, span_id: str, value: dict | None) -> None:
    span = workspace.spans.get(span_id)
    if span is not None:
        operations.run(SetValueCommand(workspace, span, value).run_and_push)


def ask_published(window: QMainWindow) -> None:
    """The open document's publication date, which relative dates (أمس، الخميس الماضي) count from."""
    workspace = window.workspace
    if workspace.document is None:
        return
    current = str(workspace.document.meta.get("published", ""))
    text, ok = input_dialog().getText(
        window, translate("Events", "Publication date"),
        translate("Events", "When was this article published? (YYYY-MM-DD; empty: not known)"), text=current)
    text = text.strip()
    if not ok or text == current:
        return
    try:
        published = date.fromisoformat(text).isoformat() if text else None
    except ValueError:
        window.operations.tell(translate("Events", "Not a date: %1 (write it as 2018-04-19)").replace("%1", text), 8000)
        return
    window.operations.run(SetPublishedCommand(workspace, published).run_and_push,
                          translate("Events", "Publication date set; relative dates counted again."))


def place_menu(window: QMainWindow, point) -> None:
    """The span table's context menu on a place: the gazetteer's candidates for its name (an
    ambiguous name has several), the chosen one becoming the span's value."""
    from annotator.normalise.places import candidates

    table, workspace = window.span_table, window.workspace
    index = table.indexAt(point)
    if not index.isValid():
        return
    span = window.span_model.span_at(index.row())
    found = candidates(span.text) if span.label == "place" else []
    if not found:
        return
    menu = QMenu(table)
    menu.setToolTipsVisible(True)
    for candidate in found[:12]:
        where = f"{candidate['lat']:.2f}, {candidate['lon']:.2f}" if candidate.get("lat") is not None else ""
        made = menu.addAction(f"{candidate['name']} ({candidate.get('country') or '?'}) {where}".strip())
        made.setCheckable(True)
        made.setChecked(span.value is not None and span.value.get("geonameid") == candidate.get("geonameid"))
        made.triggered.connect(lambda _=False, c=candidate: set_value(workspace, window.operations, span.id, dict(c)))
    menu.exec(table.viewport().mapToGlobal(point))

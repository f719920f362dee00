"""The open project as the window sees it: the store, the current document, its spans.

Widgets observe this object's signals; it never knows which widgets exist. Every
change goes to the store first, and only once it is on disk is it shown.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from annotator.core.event_edits import unlinked_misfits
from annotator.core.model import SUGGESTED, Document, Event, Label, Role, Span
from annotator.core.span_index import SpanIndex
from annotator.review.adjudication import GOLD, rejected_by, statuses, with_rejections
from annotator.store import ProjectStore
from annotator.store.interface import Rejection
from annotator.suggest.standing import is_suggestion_rejection


class Workspace(QObject):
    documentOpened = Signal(object)  # Document
    spanAdded = Signal(object, int)  # Span, row in text order
    spanRemoved = Signal(object, int)  # Span, row it had
    spanChanged = Signal(object, object)  # old Span, new Span
    statusChanged = Signal(int)  # document id
    documentsChanged = Signal()  # the list of documents itself changed (import)
    eventsChanged = Signal()  # the document's events (or a span they name) changed

    def __init__(self, store: ProjectStore, annotator: str, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        # On a team server the login is the annotator, whatever the window was told: its spans
        # are stored under that name, and the server lets it see no one else's (blind annotation).
        self.annotator_fixed = store.login is not None
        self.annotator = store.login or annotator
        self.undo_stack = QUndoStack(self)
        self.document: Document | None = None
        self.spans = SpanIndex()
        self.labels: list[Label] = store.labels()
        self.roles: list[Role] = store.roles()
        self.events: list[Event] = []  # the open document's, of the layers shown
        self.review_mode = False  # everyone's spans and the gold layer, instead of one's own
        self.rejections: list[Rejection] = []  # reviewers' rejections in this document, in review mode
        # In review mode, each gold span's updated_at as this window last read or wrote it: a
        # change to one that another reviewer changed since is refused (ConflictError), not
        # written over it.
        self.gold_read_at: dict[str, str] = {}
        store.ensure_annotator(self.annotator)

    def set_annotator(self, name: str) -> bool:
        """Label under ``name`` from now on; False (nothing changed) on a server, whose login
        labels under its own name only."""
        if self.annotator_fixed:
            return False
        self.store.ensure_annotator(name)
        self.annotator = name
        if self.document is not None:
            self.open_document(self.document.id)
        return True

    def open_document(self, document_id: int) -> None:
        self.document = self.store.document(document_id)
        times = self._gold_times()
        # Annotators see only their own spans (blind annotation); a reviewer sees everyone's.
        # Review mode (and side by side, drawn from it) shows people's work: never the suggesters' layer.
        spans = self.store.spans_for(document_id, None if self.review_mode else [self.annotator])
        self.spans = SpanIndex(s for s in spans if s.annotator != SUGGESTED or not self.review_mode)
        self.events = self._stored_events()
        # An annotator's "no" to a suggestion is no reviewer's X on anyone's span.
        self.rejections = ([r for r in self.store.rejections_for(document_id) if not is_suggestion_rejection(r)]
                           if self.review_mode else [])
        self._keep_gold_times(times)
        self.undo_stack.clear()  # commands refer to one document's spans
        self.documentOpened.emit(self.document)

    def _gold_times(self) -> dict[str, tuple[str, str]]:
        """The spans' times, read BEFORE the spans themselves: a change landing in between makes
        the spans newer than their times, so the next change is refused once too often (and the
        window re-reads), never let through over a change this window has not shown."""
        return self.store.span_times(self.document.id) if self.review_mode and self.document is not None else {}

    def _keep_gold_times(self, times: dict[str, tuple[str, str]]) -> None:
        # A gold span younger than the times read expects "": refused until re-read.
        self.gold_read_at = {s.id: times[s.id][1] if s.id in times else ""
                             for s in self.spans if s.annotator == GOLD} if self.review_mode else {}

    def _gold_as_read(self, span_id: str) -> str | None:
        """What a change to this span expects to find: its updated_at as read, for a gold span."""
        return self.gold_read_at.get(span_id)

    def _gold_written(self, span: Span) -> None:
        """Inside the change's transaction, whose lock on the row no one else can pass: the time
        read is this window's own. (Rolled back, it makes a refusal too many, never too few.)"""
        if self.review_mode and span.annotator == GOLD:
            self.gold_read_at[span.id] = self.store.span_updated_at(span.id)

    def take_stored_changes(self) -> bool:
        """Show what others stored in the open document since it was read (a server's other
        clients): span by span, as this window's own changes are shown, so the selection, the
        scroll position and the undo stack stay. Returns whether anything changed."""
        if self.document is None:
            return False
        times = self._gold_times()
        stored = self.store.spans_for(self.document.id, None if self.review_mode else [self.annotator])
        fresh = {s.id: s for s in stored if s.annotator != SUGGESTED or not self.review_mode}
        changed = False
        for span in [s for s in self.spans if s.id not in fresh]:
            self.spanRemoved.emit(span, self.spans.remove(span.id))
            changed = True
        for span in fresh.values():
            old = self.spans.get(span.id)
            if old is None:
                self.spanAdded.emit(span, self.spans.add(span))
            elif old != span:
                self.spans.remove(span.id)
                self.spans.add(span)
                self.spanChanged.emit(old, span)
            else:
                continue
            changed = True
        events = self._stored_events()
        if events != self.events:
            self.events = events
            self.eventsChanged.emit()
            changed = True
        self._keep_gold_times(times)
        if self.review_mode:
            rejections = [r for r in self.store.rejections_for(self.document.id) if not is_suggestion_rejection(r)]
            differ = set(rejections) ^ set(self.rejections)
            self.rejections = rejections
            for rejection in differ:
                self._standing_changed(rejection)
            changed = changed or bool(differ)
        self.statusChanged.emit(self.document.id)  # another reviewer may have marked it reviewed
        return changed

    def may_review(self) -> bool:
        """Review mode writes the gold layer: on a server only the reviewer and owner roles may."""
        return self.store.login_role() in (None, "reviewer", "owner")

    def set_review_mode(self, on: bool) -> None:
        self.review_mode = on
        if on:
            self.store.ensure_annotator(GOLD, "gold")
            self.store.ensure_annotator(self.annotator, "reviewer")
        if self.document is not None:
            self.open_document(self.document.id)

    @property
    def author(self) -> str:
        """Whose spans new ones are: in review mode, the gold layer's."""
        return GOLD if self.review_mode else self.annotator

    def review_statuses(self) -> dict[str, str]:
        if not self.review_mode:
            return {}
        return with_rejections(statuses(self.spans, {s.annotator for s in self.spans}), self.rejected_by())

    def rejected_by(self) -> dict[str, list[str]]:
        """Span id -> the reviewers who rejected it."""
        return rejected_by(self.spans, self.rejections)

    def label(self, name: str) -> Label | None:
        return next((label for label in self.labels if label.name == name), None)

    def label_for_key(self, key: str) -> Label | None:
        return next((label for label in self.labels if label.key and label.key == key), None)

    # -- changes, applied to the store and then shown; the undo commands call these --

    def insert_span(self, span: Span, events: list[Event] = ()) -> None:
        """A span, and (an undone deletion) the events it was in as they were, in one transaction."""
        with self.store.transaction():
            self.store.insert_span(span)
            if events:
                self.store.restore_events(events)
            self._gold_written(span)
        row = self.spans.add(span)
        self.spanAdded.emit(span, row)
        if events:
            self._events_changed()

    def remove_span(self, span_id: str) -> Span:
        span = self.store.delete_span(span_id, by=self.annotator, expected_updated_at=self._gold_as_read(span_id))
        self.gold_read_at.pop(span_id, None)
        row = self.spans.remove(span_id)
        self.spanRemoved.emit(span, row)
        if any(span_id in e.mentions or any(span_id in ids for ids in e.roles.values()) for e in self.events):
            self._events_changed()  # the store took the span out of its events
        return span

    def computed_value(self, span: Span) -> dict | None:
        """The normalised value a new or changed span gets (None: its label has none)."""
        from annotator.normalise.values import value_for  # the normalisers load on first use, not at start-up

        return value_for(self.document, span, self.events, self.spans) if self.document is not None else None

    def values_with_meta(self, meta: dict, spans: list[Span]) -> dict[str, dict | None]:
        """What ``spans`` would be worth if the document's metadata were ``meta``."""
        from dataclasses import replace

        from annotator.normalise.values import compute_values

        values = compute_values(replace(self.document, meta=meta), spans, self.events)
        return {span.id: values.get(span.id) for span in spans}

    def set_value(self, span_id: str, value: dict | None, edited: bool) -> Span:
        old = self.spans.get(span_id)
        with self.store.transaction():
            self.store.set_span_value(span_id, value, edited=edited, expected_updated_at=self._gold_as_read(span_id))
            self._gold_written(old)
        new = old._replace(value=value, value_edited=edited)
        self.spans.remove(span_id)
        self.spans.add(new)
        self.spanChanged.emit(old, new)
        return new

    def set_document_meta(self, meta: dict, values: dict[str, dict | None]) -> None:
        """New metadata for the open document (its publication date) and, in the same
        transaction, the values of spans it changes (span id -> value, none of them edited)."""
        with self.store.transaction():
            self.document = self.store.set_document_meta(self.document.id, meta)
            for span_id, value in values.items():
                self.store.set_span_value(span_id, value, edited=False, expected_updated_at=self._gold_as_read(span_id))
                self._gold_written(self.spans.get(span_id))
        for span_id, value in values.items():
            old = self.spans.get(span_id)
            new = old._replace(value=value)
            self.spans.remove(span_id)
            self.spans.add(new)
            self.spanChanged.emit(old, new)

    def _stored_events(self) -> list[Event]:
        shown = None if self.review_mode else [self.annotator]
        return self.store.events_for(self.document.id, shown) if self.document is not None else []

    def _events_changed(self) -> None:
        self.events = self._stored_events()
        self.eventsChanged.emit()

    def change_events(self, before: list[Event], after: list[Event]) -> None:
        """Replace the events ``before`` by ``after``, in one transaction: the old ones go first,
        so a mention may move from one event to another."""
        with self.store.transaction():
            for event in before:
                self.store.delete_event(event.document_id, event.id)
            for event in after:
                self.store.save_event(event)
        self._events_changed()

    def replace_span(self, span_id: str, label: str, start: int, end: int,
                     events_before: list[Event] | None = None) -> list[str]:
        """New label or edges for a span, in one transaction with what follows from them: a new
        value unless a person set it, and the span out of every event place its new label no
        longer fits (``events_before``, an undo: those events put back as they were).
        Returns the ids of the events it left."""
        old = self.spans.get(span_id)
        left: list[str] = []
        with self.store.transaction():
            new = self.store.update_span(span_id, label=label, start=start, end=end,
                                         expected_updated_at=self._gold_as_read(span_id))
            if not new.value_edited:
                value = self.computed_value(new)
                if value != new.value:
                    self.store.set_span_value(span_id, value, edited=False)
                    new = new._replace(value=value)
            if events_before:
                self.store.restore_events(events_before)
            elif label != old.label:
                for before, after in unlinked_misfits(self.store.span_events(span_id), span_id, label, self.roles):
                    self.store.delete_event(before.document_id, before.id)
                    if after is not None:
                        self.store.save_event(after)
                    left.append(before.id)
            self._gold_written(new)
        self.spans.remove(span_id)
        self.spans.add(new)
        self.spanChanged.emit(old, new)
        if left or events_before:
            self._events_changed()
        return left

    def add_rejection(self, span: Span, at: str | None = None) -> Rejection:
        """This reviewer rejects an annotator's span (``at``: when, for a redo)."""
        made = self.store.reject_span(span, by=self.annotator, at=at)
        self.rejections = [r for r in self.rejections if (r.span_id, r.reviewer) != (made.span_id, made.reviewer)]
        self.rejections.append(made)
        self._standing_changed(made)
        return made

    def remove_rejection(self, span_id: str) -> Rejection | None:
        """Take this reviewer's rejection of the span back."""
        gone = self.store.unreject_span(span_id, by=self.annotator)
        self.rejections = [r for r in self.rejections if (r.span_id, r.reviewer) != (span_id, self.annotator)]
        if gone is not None:
            self._standing_changed(gone)
        return gone

    def _standing_changed(self, rejection: Rejection) -> None:
        # A rejection changes no span, only how the proposals it covers stand: shown as a change.
        key = (rejection.start, rejection.end, rejection.label)
        for span in [s for s in self.spans if s.annotator != GOLD and (s.start, s.end, s.label) == key]:
            self.spanChanged.emit(span, span)

    def set_status(self, status: str) -> None:
        if self.document is None:
            return
        self.store.set_status(self.document.id, self.annotator, status)
        self.statusChanged.emit(self.document.id)

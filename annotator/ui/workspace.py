"""The open project as the window sees it: the store, the current document, its spans.

Widgets observe this object's signals; it never knows which widgets exist. Every
change goes to the store first, and only once it is on disk is it shown.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from annotator.core.model import Document, Label, Span
from annotator.core.span_index import SpanIndex
from annotator.review.adjudication import GOLD, statuses
from annotator.store import ProjectStore


class Workspace(QObject):
    documentOpened = Signal(object)  # Document
    spanAdded = Signal(object, int)  # Span, row in text order
    spanRemoved = Signal(object, int)  # Span, row it had
    spanChanged = Signal(object, object)  # old Span, new Span
    statusChanged = Signal(int)  # document id
    documentsChanged = Signal()  # the list of documents itself changed (import)

    def __init__(self, store: ProjectStore, annotator: str, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self.annotator = annotator
        self.undo_stack = QUndoStack(self)
        self.document: Document | None = None
        self.spans = SpanIndex()
        self.labels: list[Label] = store.labels()
        self.review_mode = False  # everyone's spans and the gold layer, instead of one's own
        store.ensure_annotator(annotator)

    def set_annotator(self, name: str) -> None:
        self.store.ensure_annotator(name)
        self.annotator = name
        if self.document is not None:
            self.open_document(self.document.id)

    def open_document(self, document_id: int) -> None:
        self.document = self.store.document(document_id)
        # Annotators see only their own spans (blind annotation); a reviewer sees everyone's.
        self.spans = SpanIndex(self.store.spans_for(document_id, None if self.review_mode else [self.annotator]))
        self.undo_stack.clear()  # commands refer to one document's spans
        self.documentOpened.emit(self.document)

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
        return statuses(self.spans, {s.annotator for s in self.spans})

    def label(self, name: str) -> Label | None:
        return next((label for label in self.labels if label.name == name), None)

    def label_for_key(self, key: str) -> Label | None:
        return next((label for label in self.labels if label.key and label.key == key), None)

    # -- changes, applied to the store and then shown; the undo commands call these --

    def insert_span(self, span: Span) -> None:
        self.store.insert_span(span)
        row = self.spans.add(span)
        self.spanAdded.emit(span, row)

    def remove_span(self, span_id: str) -> Span:
        span = self.store.delete_span(span_id, by=self.annotator)
        row = self.spans.remove(span_id)
        self.spanRemoved.emit(span, row)
        return span

    def replace_span(self, span_id: str, label: str, start: int, end: int) -> Span:
        old = self.spans.get(span_id)
        new = self.store.update_span(span_id, label=label, start=start, end=end)
        self.spans.remove(span_id)
        self.spans.add(new)
        self.spanChanged.emit(old, new)
        return new

    def set_status(self, status: str) -> None:
        if self.document is None:
            return
        self.store.set_status(self.document.id, self.annotator, status)
        self.statusChanged.emit(self.document.id)

"""Undoable edits of event records: one command replaces a set of events by another (a new
event, a mention moved from one event to another, an argument linked or unlinked, an event
deleted), in one transaction, and back on undo; another sets a span's value by hand."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from annotator.core.model import Event, Span
from annotator.ui.commands import _SpanCommand
from annotator.ui.workspace import Workspace


class ChangeEventsCommand(_SpanCommand):
    def __init__(self, workspace: Workspace, before: list[Event], after: list[Event], text: str):
        super().__init__(workspace, text)
        self.before, self.after = list(before), list(after)

    def apply(self) -> None:
        self.workspace.change_events(self.before, self.after)

    def revert(self) -> None:
        self.workspace.change_events(self.after, self.before)


class SetValueCommand(_SpanCommand):
    """A person's value for a span: kept by ``normalise --all``; undo restores the value (and
    whether a person had set it) as it was."""

    def __init__(self, workspace: Workspace, span: Span, value: dict[str, Any] | None):
        text = QCoreApplication.translate("Commands", "Set the value of %1").replace("%1", span.text)
        super().__init__(workspace, text)
        self.span_id, self.value = span.id, value
        self.old_value, self.old_edited = span.value, span.value_edited

    def apply(self) -> None:
        self.workspace.set_value(self.span_id, self.value, edited=True)

    def revert(self) -> None:
        self.workspace.set_value(self.span_id, self.old_value, edited=self.old_edited)


class SetPublishedCommand(_SpanCommand):
    """The open document's publication date, and with it the values of its relative dates
    (أمس، الخميس الماضي ...) that no person has set; undo puts both back."""

    def __init__(self, workspace: Workspace, published: str | None):
        super().__init__(workspace, QCoreApplication.translate("Commands", "Set the publication date"))
        document = workspace.document
        self.old_meta = dict(document.meta)
        self.new_meta = {k: v for k, v in document.meta.items() if k != "published"}
        if published:
            self.new_meta["published"] = published
        dates = [s for s in workspace.spans if s.label == "date" and not s.value_edited]
        self.old_values = {s.id: s.value for s in dates}
        self.new_values = workspace.values_with_meta(self.new_meta, dates)

    def apply(self) -> None:
        self.workspace.set_document_meta(self.new_meta, self.new_values)

    def revert(self) -> None:
        self.workspace.set_document_meta(self.old_meta, self.old_values)

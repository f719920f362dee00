"""Undoable span edits. Each command calls the workspace, which writes the store first,
so an undo or redo is on disk the moment it is shown.

A command is pushed only after its first change succeeded, so a write that fails never
leaves a phantom entry on the undo stack. Undo and redo go the same way (``Operations``):
the change is made first, and the stack moves only once it is stored.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from annotator.core.model import Span, new_span_id
from annotator.store.interface import Rejection
from annotator.ui.workspace import Workspace

EDGE_MOVE_ID = 1001


class _SpanCommand(QUndoCommand):
    def __init__(self, workspace: Workspace, text: str):
        super().__init__(text)
        self.workspace = workspace
        self.skip_next_redo = False  # set when the change was already made (first run, guarded redo)
        self.skip_next_undo = False

    def redo(self) -> None:
        if self.skip_next_redo:
            self.skip_next_redo = False
            return
        self.apply()

    def undo(self) -> None:
        if self.skip_next_undo:
            self.skip_next_undo = False
            return
        self.revert()

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def run_and_push(self) -> None:
        """Make the change now; push onto the undo stack only if it succeeded."""
        self.apply()
        self.skip_next_redo = True
        self.workspace.undo_stack.push(self)


class AddSpanCommand(_SpanCommand):
    def __init__(self, workspace: Workspace, label: str, start: int, end: int):
        super().__init__(workspace, QCoreApplication.translate("Commands", "Add %1").replace("%1", label))
        document = workspace.document
        text = document.text[start:end]  # checked once, by the store, when it is inserted
        # A span the reviewer adds to the gold layer was proposed and accepted by the reviewer.
        attrs = ({"proposed_by": [workspace.annotator], "accepted_by": workspace.annotator}
                 if workspace.review_mode else {})
        self.span = Span(new_span_id(), document.id, workspace.author, label, start, end, text, attrs)
        self.span = self.span._replace(value=workspace.computed_value(self.span))

    def apply(self) -> None:
        self.workspace.insert_span(self.span)

    def revert(self) -> None:
        self.workspace.remove_span(self.span.id)


class DeleteSpanCommand(_SpanCommand):
    def __init__(self, workspace: Workspace, span: Span):
        super().__init__(workspace, QCoreApplication.translate("Commands", "Delete %1").replace("%1", span.label))
        self.span = span
        self.events: list = []  # the events it was in, as they were: an undo puts it back in them

    def apply(self) -> None:
        self.events = self.workspace.store.span_events(self.span.id)
        self.workspace.remove_span(self.span.id)

    def revert(self) -> None:
        self.workspace.insert_span(self.span, self.events)


class UpdateSpanCommand(_SpanCommand):
    """A new label or new edges for one span. Consecutive edge moves of the same span
    merge into one undo step, as one gesture."""

    def __init__(self, workspace: Workspace, before: Span, label: str, start: int, end: int, merge: bool = False):
        super().__init__(workspace, QCoreApplication.translate("Commands", "Change %1").replace("%1", before.label))
        self.before = before
        self.after = (label, start, end)
        self._merge = merge
        self.events: list | None = None  # the events naming the span before the change
        self.left: list[str] = []  # events the span left because its new label does not fit them

    def id(self) -> int:
        return EDGE_MOVE_ID if self._merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, UpdateSpanCommand) or other.before.id != self.before.id:
            return False
        self.after = other.after
        return True

    def apply(self) -> None:
        if self.events is None:  # as they were before the first change: what an undo restores
            self.events = self.workspace.store.span_events(self.before.id)
        self.left = self.workspace.replace_span(self.before.id, *self.after)

    def revert(self) -> None:
        b = self.before
        self.workspace.replace_span(b.id, b.label, b.start, b.end, self.events)


class InsertSpanCommand(_SpanCommand):
    """Put a ready-made span in (a reviewer's gold copy, with its provenance)."""

    def __init__(self, workspace: Workspace, span: Span, text: str):
        super().__init__(workspace, text)
        self.span = span

    def apply(self) -> None:
        self.workspace.insert_span(self.span)

    def revert(self) -> None:
        self.workspace.remove_span(self.span.id)


class RejectCommand(_SpanCommand):
    """A reviewer's rejection of an annotator's span; a redo keeps when it was first made."""

    def __init__(self, workspace: Workspace, span: Span):
        super().__init__(workspace, QCoreApplication.translate("Commands", "Reject %1").replace("%1", span.label))
        self.span = span
        self.at: str | None = None

    def apply(self) -> None:
        self.at = self.workspace.add_rejection(self.span, self.at).created_at

    def revert(self) -> None:
        self.workspace.remove_rejection(self.span.id)


class TakeBackRejectionCommand(_SpanCommand):
    """The reviewer takes a rejection back; an undo restores it as it was."""

    def __init__(self, workspace: Workspace, rejection: Rejection):
        super().__init__(workspace, QCoreApplication.translate("Commands", "Take back rejection of %1")
                         .replace("%1", rejection.label))
        self.rejection = rejection

    def apply(self) -> None:
        self.workspace.remove_rejection(self.rejection.span_id)

    def revert(self) -> None:
        r = self.rejection  # the span as it was rejected, whatever became of it since
        self.workspace.add_rejection(Span(r.span_id, r.document_id, "", r.label, r.start, r.end, r.text), r.created_at)


class BatchCommand(_SpanCommand):
    """Several commands as one undo step, made whole or not at all: if one fails, those
    already made are taken back before the error goes on."""

    def __init__(self, workspace: Workspace, text: str, commands: list[_SpanCommand]):
        super().__init__(workspace, text)
        self.commands = commands

    @staticmethod
    def _all_or_none(steps: list, forward, backward) -> None:
        done = []
        try:
            for step in steps:
                forward(step)
                done.append(step)
        except BaseException:
            for step in reversed(done):
                backward(step)
            raise

    def apply(self) -> None:
        self._all_or_none(self.commands, lambda c: c.apply(), lambda c: c.revert())

    def revert(self) -> None:
        self._all_or_none(list(reversed(self.commands)), lambda c: c.revert(), lambda c: c.apply())

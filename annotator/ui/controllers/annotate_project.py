"""Annotate all across the project: the selected span's text labelled in every document for the
current annotator (the gold layer in review mode), as one undo step.

The search and the first write run on a worker with its own store (``Operations.run_in_background``:
a progress dialog once it takes long, Cancel stores nothing); the undo step that follows removes
and restores those spans in one transaction, wherever they are. The open document shows its own."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from annotator.core.model import Span
from annotator.ui.commands import _SpanCommand
from annotator.ui.operations import WRITE_ERRORS, Operations
from annotator.ui.workspace import Workspace

translate = QCoreApplication.translate


class ProjectSpansCommand(_SpanCommand):
    """Spans in any documents of the project, made and taken back together."""

    def __init__(self, workspace: Workspace, spans: list[Span], text: str):
        super().__init__(workspace, text)
        self.spans = spans
        self.document_id = workspace.document.id if workspace.document is not None else None

    def _here(self) -> list[Span]:
        return [s for s in self.spans if s.document_id == self.document_id]

    def show_added(self) -> None:
        ws = self.workspace
        for span in self._here():
            ws.spanAdded.emit(span, ws.spans.add(span))
        self._show_elsewhere()

    def _show_elsewhere(self) -> None:
        if any(s.document_id != self.document_id for s in self.spans):
            self.workspace.documentsChanged.emit()  # the document list re-reads their span counts and statuses

    def apply(self) -> None:
        store = self.workspace.store
        with store.transaction():
            store.insert_checked_spans(self.spans)
        self.show_added()

    def revert(self) -> None:
        ws = self.workspace
        with ws.store.transaction():
            for span in self.spans:
                ws.store.delete_span(span.id, by=ws.annotator)
        ids = {s.id for s in self._here()}
        for span in self._here():
            ws.spanRemoved.emit(span, ws.spans.remove(span.id))
        self._show_elsewhere()
        if any(ids & ({*e.mentions} | {i for r in e.roles.values() for i in r}) for e in ws.events):
            ws._events_changed()  # one of them was linked meanwhile: the store took it out of its event


def annotate_in_project(workspace: Workspace, source: Span | None, operations: Operations) -> int:
    """Label ``source``'s text everywhere in the project and say how many, where, and how many
    were already labelled; returns how many spans were made outside the open document."""
    if source is None or workspace.document is None:
        operations.tell(translate("Suggestions", "Select a span first: its text is labelled everywhere."))
        return 0
    from annotator.suggest.annotate_all import label_everywhere

    author = workspace.author
    attrs = ({"proposed_by": [workspace.annotator], "accepted_by": workspace.annotator}
             if workspace.review_mode else {})
    title = (translate("Suggestions", "Labelling “%1” as %2 in every document…")
             .replace("%1", source.text).replace("%2", source.label))
    try:
        finished, found = operations.run_in_background(
            title, workspace.store.path,
            lambda store, progress: label_everywhere(store, source, author, attrs,
                                                     lambda done, total: progress(done, total, "")))
    except WRITE_ERRORS as err:
        operations.fail(translate("Suggestions", "Annotate all"), str(err))
        return 0
    if not finished:
        return 0
    if not found.spans:
        operations.tell(translate("Suggestions", "No occurrence of this text left to label in the project "
                                                 "(%1 already labelled).").replace("%1", str(found.skipped)), 8000)
        return 0
    text = (translate("Suggestions", "Labelled %1 as %2 in %3 documents; %4 skipped (already labelled)")
            .replace("%1", str(len(found.spans))).replace("%2", source.label)
            .replace("%3", str(found.documents)).replace("%4", str(found.skipped)))
    command = ProjectSpansCommand(workspace, found.spans, text)
    command.skip_next_redo = True  # the worker made the change: the stack only records it
    workspace.undo_stack.push(command)
    command.show_added()
    operations.tell(text, 8000)
    return len([s for s in found.spans if s.document_id != command.document_id])

"""Labelling: a label for a selection or a span, deleting, walking, moving edges, clitics."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QSettings

from annotator.core import arabic
from annotator.core.model import Span
from annotator.review.adjudication import GOLD
from annotator.ui.article_view import ArticleView
from annotator.ui.bidi_delegate import interface_sentence
from annotator.ui.commands import AddSpanCommand, DeleteSpanCommand, UpdateSpanCommand
from annotator.ui.controllers.review import accept_into_gold
from annotator.ui.operations import Operations
from annotator.ui.settings import long_span_length
from annotator.ui.span_checks import confirm_span
from annotator.ui.workspace import Workspace

# The window's words keep the window's translation context (and its Arabic catalogue entries).
translate = QCoreApplication.translate


class LabellingController(QObject):
    def __init__(self, workspace: Workspace, view: ArticleView, operations: Operations, settings: QSettings):
        super().__init__(view)
        self.workspace, self.view, self.operations, self.settings = workspace, view, operations, settings
        view.labelSpanRequested.connect(self.label_span)
        view.labelRangeRequested.connect(self.label_range)
        view.labelWithoutSelection.connect(
            lambda _name: operations.tell(translate("MainWindow", "Select some text first, then press a label key.")))
        view.deleteRequested.connect(self.delete_span)
        view.walkRequested.connect(self.walk_spans)
        view.edgeMoveRequested.connect(self.move_edge)

    def _span(self, span_id: str) -> Span | None:
        return self.workspace.spans.get(span_id) if span_id else None

    def editable(self, span: Span | None) -> bool:
        """In review mode only the gold layer is edited: annotators' spans are their record."""
        if span is None:
            return False
        if self.workspace.review_mode and span.annotator != GOLD:
            self.operations.tell(interface_sentence(
                translate("MainWindow", "This is %1's span: accept it into gold (A) to edit it there."),
                span.annotator), 5000)
            return False
        return True

    def label_span(self, name: str, span_id: str) -> None:
        span = self._span(span_id)
        if span is None or self.workspace.document is None:
            return
        if self.workspace.review_mode and span.annotator != GOLD:
            # A reviewer's label on a proposal puts it in the gold layer with that label.
            accept_into_gold(self.workspace, self.operations, span, name)
        elif span.label != name:
            command = UpdateSpanCommand(self.workspace, span, name, span.start, span.end)
            if self.operations.run(command.run_and_push) and command.left:
                self.operations.tell(translate("MainWindow", "Now %1: taken out of %2, where it no longer fits.")
                                     .replace("%1", name).replace("%2", ", ".join(command.left)), 6000)

    def label_range(self, name: str, chosen_start: int, chosen_end: int) -> None:
        if self.workspace.document is None:
            return
        text = self.workspace.document.text
        start, end = arabic.trim_spaces(text, chosen_start, chosen_end)
        same = next((s for s in self.workspace.spans.overlapping(start, end)
                     if (s.start, s.end, s.label, s.annotator) == (start, end, name, self.workspace.author)), None)
        if same is not None:  # the same span twice is never two annotations
            self.view.select_span(same, scroll=False)
            self.operations.tell(translate("MainWindow", "Already labelled %1.").replace("%1", name), 4000)
            return
        if not confirm_span(self.view, text, start, end, long_span_length(self.settings)):
            return
        command = AddSpanCommand(self.workspace, name, start, end)
        if self.operations.run(command.run_and_push):
            # The new span is the selected one: Ctrl+K, Delete and Shift+arrows act on it at once.
            self.view.select_span(command.span, scroll=False)
            if (start, end) != (chosen_start, chosen_end):
                self.operations.tell(translate("MainWindow", "Spaces at the edges were left out of the span."), 4000)

    def delete_span(self, span_id: str) -> None:
        span = self._span(span_id)
        if self.editable(span):
            self.operations.run(DeleteSpanCommand(self.workspace, span).run_and_push)

    def delete_selected_span(self) -> None:
        self.delete_span(self.view.selected_span_id or "")

    def walk_spans(self, step: int) -> None:
        span = self.workspace.spans.neighbour(self.view.selected_span_id, step)
        if span is not None:
            self.view.select_span(span)

    def move_edge(self, span_id: str, edge: str, step: int) -> None:
        """Move a span's edge one letter on (+1) or back (-1) in the text."""
        span = self._span(span_id)
        if not self.editable(span):
            return
        text = self.workspace.document.text
        start, end = arabic.nudge_edge(text, span.start, span.end, edge, step)
        if (start, end) == (span.start, span.end):
            return
        command = UpdateSpanCommand(self.workspace, span, span.label, start, end, merge=True)
        if self.operations.run(command.run_and_push) and any(
                ch.isspace() for ch in text[min(start, span.start):max(start, span.start)]
                + text[min(end, span.end):max(end, span.end)]):
            self.operations.tell(
                translate("MainWindow", "The edge moved on past the space: spans never end in one."), 4000)

    def strip_clitic(self) -> None:
        text = self.workspace.document.text if self.workspace.document else ""
        span = self.view.selected_span()
        if span is not None and self.view.selection_range() is None:
            if not self.editable(span):
                return
            start, end = arabic.strip_clitic(text, span.start, span.end)
            if start != span.start:
                self.operations.run(UpdateSpanCommand(self.workspace, span, span.label, start, end).run_and_push)
            return
        chosen = self.view.labelling_range()
        if chosen is not None:
            start, end = arabic.strip_clitic(text, *chosen)
            self.view.select_range(start, end)
            self.view.snap_selection(exact=True)

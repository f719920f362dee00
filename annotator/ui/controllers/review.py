"""Review: the gold layer a reviewer builds by accepting, rejecting and walking disagreements.
The rules are ``annotator.review.adjudication``'s; this turns them into undoable commands."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from annotator.core.errors import AnnotatorError
from annotator.core.model import Span
from annotator.review.adjudication import (
    GOLD,
    acceptance,
    agreed_not_in_gold,
    next_disagreement,
    open_disagreements,
    rejection,
)
from annotator.store import OpenMode
from annotator.ui.article_view import ArticleView
from annotator.ui.commands import (
    BatchCommand,
    DeleteSpanCommand,
    InsertSpanCommand,
    RejectCommand,
    TakeBackRejectionCommand,
)
from annotator.ui.operations import Operations
from annotator.ui.workspace import Workspace

# The window's words keep the window's translation context (and its Arabic catalogue entries).
translate = QCoreApplication.translate


def accept_into_gold(workspace: Workspace, operations: Operations, span: Span, label: str | None = None) -> bool:
    copy = acceptance(span, workspace.spans, workspace.annotator, label)
    if copy is None:
        operations.tell(translate("MainWindow", "Already in the gold layer."))
        return False
    text = translate("MainWindow", "Accept %1").replace("%1", copy.label)
    steps = [InsertSpanCommand(workspace, copy, text)]
    if copy.label == span.label:  # accepting what one rejected takes the rejection back
        steps += [TakeBackRejectionCommand(workspace, r) for r in my_rejections(workspace, span)]
    return operations.run((steps[0] if len(steps) == 1 else BatchCommand(workspace, text, steps)).run_and_push,
                          success=translate("MainWindow", "Accepted into gold as %1.").replace("%1", copy.label))


def my_rejections(workspace: Workspace, span: Span) -> list:
    """This reviewer's rejections covering ``span`` (its edges and label)."""
    return [r for r in workspace.rejections if r.reviewer == workspace.annotator
            and (r.start, r.end, r.label) == (span.start, span.end, span.label)]


class ReviewController(QObject):
    def __init__(self, workspace: Workspace, view: ArticleView, operations: Operations):
        super().__init__(view)
        self.workspace, self.view, self.operations = workspace, view, operations

    def set_review_mode(self, on: bool) -> None:
        workspace = self.workspace
        self.operations.run(lambda: workspace.set_review_mode(on))
        # A role, unlike a mode, stays: `annotator users set` changes it. On a server the roles
        # are the server's (its logins' groups), which only the owner changes.
        if on and workspace.annotator != GOLD and not workspace.annotator_fixed:
            self.operations.run(lambda: workspace.store.set_annotator_role(workspace.annotator, "reviewer"))

    def accept_selected(self) -> None:
        span = self.view.selected_span()
        if span is not None and span.annotator != GOLD:
            accept_into_gold(self.workspace, self.operations, span)

    def reject_selected(self) -> None:
        """X on a gold span takes it out of the gold layer. X on an annotator's span records this
        reviewer's rejection, and takes its gold copy out if there is one, as one undo step;
        X on a span this reviewer rejected takes the rejection back."""
        workspace, span = self.workspace, self.view.selected_span()
        if span is None:
            return
        target = rejection(span, workspace.spans)
        if span.annotator == GOLD:
            self.operations.run(DeleteSpanCommand(workspace, target).run_and_push,
                                success=translate("MainWindow", "Taken out of the gold layer."))
            return
        mine = my_rejections(workspace, span)
        if mine:
            steps = [TakeBackRejectionCommand(workspace, r) for r in mine]
            text = translate("MainWindow", "Take back rejection of %1").replace("%1", span.label)
        else:
            steps = [RejectCommand(workspace, span)] + ([DeleteSpanCommand(workspace, target)] if target else [])
            text = translate("MainWindow", "Reject %1").replace("%1", span.label)
        said = (translate("MainWindow", "Rejection taken back.") if mine
                else translate("MainWindow", "Rejected: X again takes the rejection back."))
        self.operations.run(BatchCommand(workspace, text, steps).run_and_push, success=said)

    def accept_agreed(self) -> None:
        workspace = self.workspace
        agreed = agreed_not_in_gold(workspace.spans, workspace.review_statuses(), workspace.annotator)
        if not agreed:
            self.operations.tell(translate("MainWindow", "No agreed spans left to accept."))
            return
        text = translate("MainWindow", "Accept %1 agreed spans").replace("%1", str(len(agreed)))
        batch = BatchCommand(workspace, text, [InsertSpanCommand(workspace, copy, copy.label) for copy in agreed])
        self.operations.run(batch.run_and_push, success=translate("MainWindow", "%1 agreed span(s) accepted into gold.")
                            .replace("%1", str(len(agreed))))

    def next_disagreement(self) -> None:
        open_ones = open_disagreements(self.workspace.spans, self.workspace.review_statuses())
        span = next_disagreement(open_ones, self.view.selected_span())
        if span is None:
            self.operations.tell(translate("MainWindow", "No disagreements left in this document."))
            return
        self.view.select_span(span)

    def agreement_figures(self) -> tuple[list[str], list] | None:
        """The dashboard's annotators and measures, worked out on a worker thread (a large
        project takes seconds); None if that failed or was cancelled, which has been said."""
        from annotator.ui.dashboard import agreement_figures

        try:
            finished, computed = self.operations.run_in_background(
                translate("MainWindow", "Computing agreement…"), self.workspace.store.path,
                agreement_figures, mode=OpenMode.READ)
        except (AnnotatorError, OSError) as err:
            self.operations.fail(translate("MainWindow", "Agreement dashboard"), str(err))
            return None
        return computed if finished else None

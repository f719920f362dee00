"""The learned suggester in the window: the project's model of the annotator's labels (or, when
they have none, of the gold layer) proposes spans in a document it was not trained on, beside the
rules; and the annotator's model is trained again in the background as their labels accumulate.

Retraining starts by itself once the annotator has added ``RETRAIN_EVERY`` spans since their
model was trained (the model stores how many they had), or from the Suggestions menu. It runs
in a child process at the lowest priority (``annotator.suggest.retraining``: CRFsuite holds
Python's lock while it trains), which Stop retraining or closing the window ends, storing
nothing. The model it stores is used from the next document opened."""

from __future__ import annotations

import sys
import threading
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from annotator.core.model import Document, Span
from annotator.review.adjudication import GOLD
from annotator.store.interface import StoredModel
from annotator.suggest.model_names import model_name
from annotator.ui.operations import Operations
from annotator.ui.workspace import Workspace

translate = QCoreApplication.translate
# About half an article's spans (the reference article has 40): a model is at most one document
# behind, and a project is retrained every few minutes of labelling, not after each span. Training
# costs seconds for a few documents and grows with the project (15-24 s at 22,000 tokens).
RETRAIN_EVERY = 20
POLL_MS = 200


class LearnedSuggestions(QObject):
    retrained = Signal()  # a new model of the annotator is stored

    def __init__(self, workspace: Workspace, operations: Operations, parent: QObject):
        super().__init__(parent)
        self.workspace, self.operations = workspace, operations
        self._lock = threading.Lock()  # one CRFsuite tagger, asked from the suggestions' threads
        self._parsed: tuple[tuple, Any] | None = None  # (model name, stored at, size) -> LearnedModel
        self.counted_for: str | None = None  # whose spans ``own`` counts
        self.own = 0  # the annotator's spans in the project
        self.trained = 0  # how many they had when their model was trained
        self.process = None  # the retraining child
        self.training_for: str | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        workspace.spanAdded.connect(lambda span, _row: self._counted(span, 1))
        workspace.spanRemoved.connect(lambda span, _row: self._counted(span, -1))
        parent.destroyed.connect(self.stop_quietly)

    # -- proposing ----------------------------------------------------------------------

    def opened(self, document: Document) -> StoredModel | None:
        """On the UI thread, as a document opens: the stored model that may propose in it (None
        when there is none, or it learned from this very document)."""
        store = self.workspace.store
        stored = store.model(model_name(self.workspace.annotator)) or store.model(model_name(GOLD))
        if stored is None or str(document.id) in stored.trained_on.get("documents", {}):
            return None
        return stored

    def proposals(self, model, document: Document) -> list:
        """The suggestions of ``model`` (a StoredModel ``opened`` gave) for the document; on any
        thread (the model is read once)."""
        from annotator.suggest.learned import propose, stored_learned

        key = (model.name, model.created_at, len(model.data))
        with self._lock:
            if self._parsed is None or self._parsed[0] != key:
                self._parsed = (key, stored_learned(model))
            learned = self._parsed[1]
            return propose(learned.model, document, learned.habits)

    # -- retraining ---------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.process is not None

    def added_elsewhere(self, count: int) -> None:
        """Spans the annotator made in other documents (Annotate all in the project)."""
        self._counted(None, count)

    def _counted(self, span: Span | None, step: int) -> None:
        ws = self.workspace
        if ws.review_mode or (span is not None and span.annotator != ws.annotator):
            return
        if self.counted_for != ws.annotator:
            self._read_counts()  # once per annotator, at their first change: the counts include it
        else:
            self.own += step
        if step > 0 and not self.running and self.own - self.trained >= RETRAIN_EVERY:
            self.retrain(quietly=True)

    def _read_counts(self) -> None:
        store, annotator = self.workspace.store, self.workspace.annotator
        counts = {a.name: n for a, n in store.annotator_span_counts()}
        own = store.model(model_name(annotator))
        self.counted_for, self.own = annotator, counts.get(annotator, 0)
        self.trained = own.trained_on.get("spans", 0) if own is not None else 0

    def retrain(self, quietly: bool = False) -> None:
        """Train the annotator's model again, in the background; ``quietly``: started by itself,
        so the status bar keeps what the last action said."""
        if self.running:
            self.operations.tell(translate("Suggestions", "Suggestions are already being retrained."))
            return
        if getattr(sys, "frozen", False):  # the bundle leaves numpy out, and has no Python to start
            self.operations.tell(translate("Suggestions", "Learning from labels needs Annotator installed with pip; "
                                                          "this bundle proposes with the rules only."), 8000)
            self.trained = self.own  # said once per RETRAIN_EVERY spans, not at each one
            return
        from annotator.suggest.retraining import start

        self.training_for = self.workspace.annotator
        self.process = start(self.workspace.store.path, self.training_for)
        self._timer.start()
        if not quietly:
            self.operations.tell(translate("Suggestions", "Retraining suggestions from %1's labels in the background…")
                                 .replace("%1", self.training_for), 5000)

    def stop(self) -> None:
        if not self.running:
            self.operations.tell(translate("Suggestions", "No retraining is running."))
            return
        self.stop_quietly()
        self.operations.tell(translate("Suggestions", "Retraining stopped; the model stored before is kept."), 5000)

    def stop_quietly(self, *_: object) -> None:
        process, self.process = self.process, None
        if process is not None:
            process.terminate()
            process.join()
        if self._timer is not None:
            try:
                self._timer.stop()
            except RuntimeError:  # the window is going: Qt deleted the timer first
                pass

    def _poll(self) -> None:
        from annotator.suggest.retraining import NOTHING_TO_LEARN

        process = self.process
        if process is None or process.exitcode is None:
            return
        process.join()
        self.process = None
        self._timer.stop()
        if process.exitcode == 0:
            stored = self.workspace.store.model(model_name(self.training_for))
            if self.training_for == self.counted_for:
                self.trained = stored.trained_on.get("spans", self.own) if stored is not None else self.own
            self.operations.tell(translate("Suggestions", "Suggestions retrained from your labels: the next "
                                                          "document you open uses them."), 8000)
            self.retrained.emit()
            return
        self.trained = self.own  # not again before as many more spans: a failing retraining is not repeated each key
        if process.exitcode == NOTHING_TO_LEARN:
            self.operations.tell(translate("Suggestions", "Nothing to learn from yet: label some spans first."), 5000)
        else:
            self.operations.tell(translate("Suggestions", "Retraining the suggestions failed (exit status %1).")
                                 .replace("%1", str(process.exitcode)), 8000)

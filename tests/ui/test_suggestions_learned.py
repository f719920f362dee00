"""The learned suggester in the window (issue 15, item 1): labels made through the real widgets
accumulate, the annotator's model is retrained in a background process once RETRAIN_EVERY new
spans are in (or from the menu), stored in the project's models table, and proposes (origin
model:crf) in the documents it was not trained on, never in one it was."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt

from annotator.core.model import Label
from annotator.store import Store
from annotator.ui.controllers.learned_suggestions import RETRAIN_EVERY
from tests.ui.conftest import drag, open_window

WAIT_MS = 120_000  # the first suggestions load the gazetteer; a retraining spawns a Python process
ORGANISATION = "تنظيم الدولة"
OTHER = ("وقال مسؤول محلي إن تنظيم الدولة شن هجوما على مواقع الجيش في محافظة دير الزور صباح الجمعة، "
         "وإن طائرات قصفت مقرات لتنظيم الدولة قرب الحدود.")
THIRD = "وأفادت مصادر بأن تنظيم الدولة انسحب من بلدة قريبة بعد اشتباكات استمرت يومين."


@pytest.fixture
def learning_project(tmp_path, reference_text):
    """The reference article, then two short articles naming the same organisation; the schema
    has a sixth label, which no rule proposes: only a model learned from alice can."""
    db = tmp_path / "learning.db"
    with Store.open(db) as store:
        store.add_label(Label("organisation", "#8844aa", "6"))
        ids = [store.add_document(text, title)[0].id
               for title, text in (("reference", reference_text), ("other", OTHER), ("third", THIRD))]
    return db, ids


def model_proposals(controller):
    return [s for s in controller.layer if s.origin == "model:crf"]


def test_labels_accumulate_retrain_in_the_background_and_the_model_proposes_elsewhere(qtbot, learning_project,
                                                                                      reference_text):
    db, (reference, other, third) = learning_project
    window = open_window(qtbot, db)
    controller, learned, view = window.suggestions, window.suggestions.learned, window.view
    store = window.workspace.store
    assert window.workspace.document.id == reference
    qtbot.waitUntil(lambda: controller.arrived_for == reference, timeout=WAIT_MS)
    assert store.model("crf:alice") is None and not model_proposals(controller)  # no model yet

    # Five organisation spans: one dragged (لتنظيم الدولة: the whole word), keyed and its proclitic
    # stripped (Ctrl+K), the others by Annotate all (Ctrl+Shift+L).
    first = reference_text.index(ORGANISATION)
    drag(qtbot, view, first, first + len(ORGANISATION))
    qtbot.keyClicks(view, "6")
    qtbot.keyClick(view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert (view.selected_span().label, view.selected_span().text) == ("organisation", ORGANISATION)
    qtbot.keyClick(view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    mine = store.spans_for(reference, ["alice"])
    assert len(mine) == 5 and not learned.running
    # Then rule suggestions accepted with Enter until the spans since the last training reach the mark.
    view.select_span(None)
    qtbot.keyClick(view, Qt.Key.Key_F6)
    while not learned.running:
        assert controller.selected() is not None
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert len(store.spans_for(reference, ["alice"])) == RETRAIN_EVERY
    qtbot.waitUntil(lambda: not learned.running, timeout=WAIT_MS)

    stored = store.model("crf:alice")
    assert stored is not None and stored.annotator == "alice" and "organisation" in stored.labels
    assert set(stored.trained_on["documents"]) == {str(reference)} and stored.trained_on["spans"] == RETRAIN_EVERY
    assert window.statusBar().currentMessage().startswith("Suggestions retrained from your labels")

    qtbot.keyClick(view, Qt.Key.Key_PageDown)  # the next document: the model proposes there
    assert window.workspace.document.id == other
    qtbot.waitUntil(lambda: controller.arrived_for == other, timeout=WAIT_MS)
    proposed = [(OTHER[s.start:s.end], s.label) for s in model_proposals(controller)]
    assert (ORGANISATION, "organisation") in proposed
    assert proposed.count((ORGANISATION, "organisation")) == 2  # لتنظيم: the ل left outside, as alice does
    assert all(s.annotator == "suggested" and s.attrs["score"] > 0.5 for s in model_proposals(controller))

    qtbot.keyClick(view, Qt.Key.Key_PageUp)  # the document it learned from: no proposal of its own
    qtbot.waitUntil(lambda: controller.arrived_for == reference, timeout=WAIT_MS)
    assert controller.layer and not model_proposals(controller)

    # In the other document, accept the model's proposal, then retrain from the menu: the new model
    # learned from both documents, proposes in the third, and no longer in the other.
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: controller.arrived_for == other, timeout=WAIT_MS)
    view.select_span(None)
    controller.select(next(s for s in controller.shown if s.origin == "model:crf"))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    [accepted] = store.spans_for(other, ["alice"])
    assert accepted.attrs == {"suggested_by": "model:crf"} and accepted.label == "organisation"
    window.retrain_action.trigger()
    assert learned.running
    qtbot.waitUntil(lambda: not learned.running, timeout=WAIT_MS)
    again = store.model("crf:alice")
    assert set(again.trained_on["documents"]) == {str(reference), str(other)}
    assert again.created_at >= stored.created_at and again.data != stored.data
    window.open_document(other)
    qtbot.waitUntil(lambda: controller.arrived_for == other, timeout=WAIT_MS)
    assert not model_proposals(controller)
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert window.workspace.document.id == third
    qtbot.waitUntil(lambda: controller.arrived_for == third, timeout=WAIT_MS)
    assert (ORGANISATION, "organisation") in [(THIRD[s.start:s.end], s.label) for s in model_proposals(controller)]


def test_stop_retraining_stores_nothing(qtbot, learning_project):
    db, (reference, _other, _third) = learning_project
    window = open_window(qtbot, db)
    store = window.workspace.store
    learned = window.suggestions.learned
    window.view.select_range(0, 4)
    qtbot.keyClicks(window.view, "1")  # one span: enough to learn from
    window.retrain_action.trigger()
    assert learned.running and learned.process.pid != os.getpid()  # a process of its own, not the window's
    window.view.select_range(5, 10)
    qtbot.keyClicks(window.view, "2")  # typing goes on meanwhile: the span is stored at once
    assert [s.label for s in store.spans_for(reference, ["alice"])] == ["event", "place"]
    window.stop_retraining_action.trigger()
    assert not learned.running
    assert window.statusBar().currentMessage() == "Retraining stopped; the model stored before is kept."
    assert store.model("crf:alice") is None

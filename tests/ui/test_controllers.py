"""The controllers without the window: a workspace, an article view and the operation wrapper
are all each needs. The view's intents carry their data (label and span id or range; edge)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow

from annotator.review.adjudication import GOLD
from annotator.store import Store
from annotator.ui.article_view import ArticleView
from annotator.ui.controllers.labelling import LabellingController
from annotator.ui.controllers.review import ReviewController
from annotator.ui.operations import Operations
from annotator.ui.resources import load_fonts
from annotator.ui.settings import app_settings
from annotator.ui.workspace import Workspace
from tests.ui.conftest import drag

TEXT = "قصفت طائرات حربية مدينة الصدر صباح الخميس"


@pytest.fixture
def parts(qtbot, tmp_path):
    load_fonts()
    store = Store.open(tmp_path / "p.db")
    document, _ = store.add_document(TEXT, "one")
    host = QMainWindow()  # only a parent for dialogs and a status bar: no MainWindow
    qtbot.addWidget(host)
    workspace = Workspace(store, "alice", host)
    view = ArticleView(host)
    view.observe(workspace)
    host.setCentralWidget(view)
    host.resize(900, 400)
    host.show()
    qtbot.waitExposed(host)
    operations = Operations(host, host.statusBar(), workspace.undo_stack)
    labelling = LabellingController(workspace, view, operations, app_settings())
    review = ReviewController(workspace, view, operations)
    workspace.open_document(document.id)
    yield workspace, view, labelling, review, host
    store.close()


def test_a_label_key_becomes_a_range_intent_the_controller_stores(qtbot, parts):
    workspace, view, _labelling, _review, host = parts
    intents = []
    view.labelRangeRequested.connect(lambda *args: intents.append(args))
    at = TEXT.index("مدينة الصدر")
    drag(qtbot, view, at, at + len("مدينة الصدر"))
    qtbot.keyClick(view, "2")  # place
    assert intents == [("place", at, at + len("مدينة الصدر"))]
    assert [(s.text, s.label) for s in workspace.store.spans_for(workspace.document.id)] == [("مدينة الصدر", "place")]
    assert view.selected_span().text == "مدينة الصدر"  # the new span is selected, and the view shows it
    assert view.highlighter.spans is workspace.spans and len(view.spans) == 1


def test_span_intents_carry_the_span_id_and_the_edge(qtbot, parts):
    workspace, view, _labelling, _review, _host = parts
    at = TEXT.index("قصفت")
    drag(qtbot, view, at, at + 4)
    qtbot.keyClick(view, "1")
    span = view.selected_span()
    relabels, moves = [], []
    view.labelSpanRequested.connect(lambda *args: relabels.append(args))
    view.edgeMoveRequested.connect(lambda *args: moves.append(args))
    qtbot.keyClick(view, "3")  # the selected span becomes a date
    assert relabels == [("date", span.id)] and workspace.store.span(span.id).label == "date"
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)  # left edge back: the end, -1
    assert moves == [(span.id, "end", -1)]
    assert workspace.store.span(span.id).text == "قصف"
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert workspace.store.span(span.id) is None and len(workspace.spans) == 0


def test_the_review_controller_accepts_agreed_spans_in_one_undo_step(qtbot, parts):
    workspace, view, _labelling, review, _host = parts
    store, doc = workspace.store, workspace.document.id
    for name in ("alice", "bob"):
        for words, label in (("قصفت", "event"), ("الخميس", "date")):
            at = TEXT.index(words)
            store.create_span(doc, name, label, at, at + len(words))
    workspace.set_annotator("rana")
    review.set_review_mode(True)
    review.accept_agreed()
    gold = sorted((s.text, s.attrs["proposed_by"]) for s in store.spans_for(doc, [GOLD]))
    assert gold == [("الخميس", ["alice", "bob"]), ("قصفت", ["alice", "bob"])]
    assert workspace.undo_stack.count() == 1
    review.accept_agreed()
    assert "No agreed spans left" in _host.statusBar().currentMessage()
    workspace.undo_stack.undo()
    assert store.spans_for(doc, [GOLD]) == [] and len(workspace.spans) == 4

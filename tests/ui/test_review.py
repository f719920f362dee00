"""A reviewer merges two annotators' work, sees where they disagree, and builds the gold layer."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from annotator.cli import main
from annotator.review.adjudication import GOLD
from annotator.store import Store
from tests.ui.conftest import open_window


def annotate(path, annotator, text, spans):
    with Store.open(path) as store:
        doc, _ = store.add_document(text, "ref")
        for words, label in spans:
            at = text.index(words)
            store.create_span(doc.id, annotator, label, at, at + len(words))


def review_project(tmp_path, text):
    annotate(tmp_path / "alice.db", "alice", text, [("قصفت", "event"), ("سوريا", "place"), ("صباح الخميس", "date"),
                                                      ("مدينة الصدر", "place")])
    annotate(tmp_path / "bob.db", "bob", text, [("قصفت", "event"), ("سوريا", "date"), ("صباح", "date"),
                                                  ("شهود عيان", "source")])
    db = tmp_path / "review.db"
    assert main(["merge", "--db", str(db), str(tmp_path / "alice.db"), str(tmp_path / "bob.db")]) == 0
    return db


def by_text(window):
    statuses = window.workspace.review_statuses()
    return {(s.annotator, s.text, s.label): statuses.get(s.id) for s in window.workspace.spans}


def test_review_mode_shows_agreement_and_builds_gold(qtbot, tmp_path, reference_text):
    db = review_project(tmp_path, reference_text)
    window = open_window(qtbot, db, annotator="reviewer")
    assert len(window.workspace.spans) == 0  # blind: the reviewer's own spans only, until review mode
    qtbot.keyClick(window.view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert window.review_action.isChecked() and len(window.workspace.spans) == 8
    status = by_text(window)
    assert status[("alice", "قصفت", "event")] == status[("bob", "قصفت", "event")] == "agree"
    # Same text, other label:
    assert status[("alice", "سوريا", "place")] == status[("bob", "سوريا", "date")] == "conflict"
    assert status[("alice", "صباح الخميس", "date")] == status[("bob", "صباح", "date")] == "conflict"  # other edges
    assert status[("alice", "مدينة الصدر", "place")] == "some"
    assert window.span_model.columnCount() == 5  # label, text, annotator, agreement, value
    assert window.span_table.isColumnHidden(4) and not window.span_table.isColumnHidden(1)  # room for the text
    # The colours are in the text layout: a red wave under a conflict.
    conflict = next(s for s in window.workspace.spans if s.text == "سوريا")
    block = window.view.document().findBlock(window.view.mapping.to_qt(conflict.start))
    styles = {r.format.underlineStyle().name for r in block.layout().formats()}
    assert {"WaveUnderline", "SingleUnderline", "DashUnderline"} <= styles

    qtbot.keyClick(window.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    gold = [s for s in window.workspace.spans if s.annotator == GOLD]
    assert [(s.text, s.label) for s in gold] == [("قصفت", "event")]
    assert gold[0].attrs == {"proposed_by": ["alice", "bob"], "accepted_by": "reviewer"}

    qtbot.keyClick(window.view, Qt.Key.Key_N)  # the first open disagreement
    assert window.view.selected_span().text == "سوريا"
    window.view.select_span(next(s for s in window.workspace.spans if (s.annotator, s.text) == ("alice", "سوريا")))
    qtbot.keyClick(window.view, Qt.Key.Key_A)
    window.view.select_span(next(s for s in window.workspace.spans
                                 if (s.annotator, s.text) == ("alice", "صباح الخميس")))
    qtbot.keyClick(window.view, Qt.Key.Key_4)  # a label key on a proposal: accepted, relabelled
    window.view.select_span(next(s for s in window.workspace.spans if s.annotator == GOLD and s.label == "casualty"))
    qtbot.keyClick(window.view, Qt.Key.Key_X)  # changed my mind: reject it
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # ... and undo that
    with Store.open(db) as store:
        gold = sorted((s.text, s.label) for s in store.spans_for(1, [GOLD]))
    assert gold == [("سوريا", "place"), ("صباح الخميس", "casualty"), ("قصفت", "event")]
    # Undo of the macro takes all agreed spans back out at once.
    window.close()

    out = tmp_path / "gold.conll"
    assert main(["export", "--db", str(db), "--format", "conll", "--annotator", GOLD, "--out", str(out)]) == 0
    tags = {}
    for line in out.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("-DOCSTART-"):
            tags.setdefault(line.split()[0], line.split()[1])  # a word's first occurrence
    assert tags["قصفت"] == "B-event" and tags["سوريا"] == "B-place" and tags["الخميس"] == "I-casualty"
    assert main(["export", "--db", str(db), "--format", "jsonl", "--annotator", GOLD,
                 "--out", str(tmp_path / "g.jsonl")]) == 0
    (doc,) = [json.loads(line) for line in (tmp_path / "g.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {s["annotator"] for s in doc["spans"]} == {GOLD}


def test_file_merge_in_the_window(qtbot, tmp_path, reference_text, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    annotate(tmp_path / "alice.db", "alice", reference_text, [("قصفت", "event")])
    annotate(tmp_path / "bob.db", "bob", reference_text, [("سوريا", "place")])
    window = open_window(qtbot, tmp_path / "review.db", annotator="reviewer")
    assert window.stack.currentIndex() == 0  # empty project
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *a, **k: ([str(tmp_path / "alice.db"), str(tmp_path / "bob.db")], ""))
    window.merge_action.trigger()
    assert window.stack.currentIndex() == 1 and "2 new span(s)" in window.statusBar().currentMessage()
    window.review_action.trigger()
    assert sorted(s.annotator for s in window.workspace.spans) == ["alice", "bob"]


def test_dashboard_heatmap_lists_disagreements_and_opens_them(qtbot, tmp_path, reference_text):
    from matplotlib.backend_bases import MouseEvent

    from annotator.review.agreement import agreement

    db = review_project(tmp_path, reference_text)
    window = open_window(qtbot, db, annotator="reviewer")
    window.dashboard_action.trigger()
    dashboard = window.dashboard
    qtbot.addWidget(dashboard)
    assert dashboard.annotators == ["alice", "bob"]
    with Store.open(db) as store:
        expected = next(r.value for r in agreement(store, ["alice", "bob"])
                        if r.measure == "cohen_kappa" and r.label is None)
    heat = dashboard.figure.axes[0]
    assert heat.images[0].get_array()[0][1] == expected
    # A click on the alice x bob cell, as matplotlib delivers it.
    x, y = heat.transData.transform((1, 0))
    click = MouseEvent("button_press_event", dashboard.canvas, x, y, 1)
    dashboard.canvas.callbacks.process("button_press_event", click)
    texts = [dashboard.list.item(i).text() for i in range(dashboard.list.count())]
    assert any(t.startswith("سوريا · date (bob)") for t in texts)
    item = next(dashboard.list.item(i) for i in range(dashboard.list.count())
                if dashboard.list.item(i).text().startswith("شهود عيان"))
    dashboard.list.itemActivated.emit(item)
    assert window.review_action.isChecked() and window.view.selected_span().text == "شهود عيان"
    dashboard.grab().save(str(tmp_path / "dashboard.png"))


def test_side_by_side_panes_show_each_annotator_and_scroll_together(qtbot, tmp_path, reference_text):
    db = review_project(tmp_path, reference_text)
    window = open_window(qtbot, db, annotator="reviewer")
    window.side_by_side_action.trigger()
    panes = window.side_by_side
    qtbot.addWidget(panes)
    qtbot.waitExposed(panes)
    assert window.review_action.isChecked()
    assert list(panes.views) == ["alice", "bob"]
    assert {s.annotator for s in panes.views["alice"].spans} == {"alice"}
    assert [s.text for s in panes.views["bob"].spans] == ["قصفت", "سوريا", "صباح", "شهود عيان"]
    alice, bob = panes.views["alice"], panes.views["bob"]
    panes.resize(900, 300)
    qtbot.waitUntil(lambda: alice.verticalScrollBar().maximum() > 0)
    middle = lambda view: view.cursorForPosition(view.viewport().rect().center()).position()  # noqa: E731
    alice.verticalScrollBar().setValue(alice.verticalScrollBar().maximum() // 2)
    assert middle(alice) > 500  # really scrolled into the article
    assert abs(middle(alice) - middle(bob)) < 120  # the other pane shows the same lines
    # Accepting a span in the main window shows up as a gold pane at once.
    window.accept_agreed_action.trigger()
    assert list(panes.views) == ["alice", "bob", "gold"]


def test_review_mode_edits_only_the_gold_layer(qtbot, tmp_path, reference_text):
    from tests.ui.conftest import drag

    db = review_project(tmp_path, reference_text)
    window = open_window(qtbot, db, annotator="reviewer")
    window.review_action.trigger()
    alice = next(s for s in window.workspace.spans if (s.annotator, s.text) == ("alice", "مدينة الصدر"))
    window.view.select_span(alice)
    for key, mods in ((Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier),
                      (Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)):
        qtbot.keyClick(window.view, key, mods)
    assert "accept it into gold" in window.statusBar().currentMessage()
    with Store.open(db) as store:
        assert ([(s.text, s.label) for s in store.spans_for(1, ["alice"]) if s.id == alice.id]
                == [("مدينة الصدر", "place")])
    # A span the reviewer adds goes to gold, with the reviewer as proposer and acceptor.
    at = reference_text.index("هجين")
    drag(qtbot, window.view, at, at + 4)
    qtbot.keyClick(window.view, "2")
    added = next(s for s in window.workspace.spans if s.text == "هجين")
    assert added.annotator == GOLD and added.attrs == {"proposed_by": ["reviewer"], "accepted_by": "reviewer"}


def test_reviewer_status_and_everyones_status(qtbot, tmp_path, reference_text):
    db = review_project(tmp_path, reference_text)
    with Store.open(db) as store:
        store.set_status(1, "alice", "done")
    window = open_window(qtbot, db, annotator="reviewer")
    window.review_action.trigger()
    assert window.documents.data(window.documents.index(0, 2)) == "to review"
    tooltip = window.documents.data(window.documents.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert "alice: done" in tooltip and "bob: in progress" in tooltip
    qtbot.keyClick(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.documents.data(window.documents.index(0, 2)) == "reviewed"
    with Store.open(db) as store:
        assert store.statuses(1) == {"alice": "done", "bob": "in_progress", "reviewer": "done"}

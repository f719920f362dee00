"""File ▸ Merge asks about near-duplicate documents; undoing a delete forgets the deletion."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from annotator.store import Store
from annotator.ui.merge_dialog import NearDuplicatesQuestion
from tests.ui.conftest import click, open_window
from tests.ui.test_review import annotate

EDITED = ("وفي الشأن العراقي", "وفي الشن العراقي")  # one letter fewer, outside the spans below


def answer_when_asked(qtbot, button: str, seen: list[str]) -> None:
    """Click ``button`` of the question once it is up (it runs its own event loop)."""

    def press() -> None:
        question = QApplication.activeModalWidget()
        if not isinstance(question, NearDuplicatesQuestion):
            QTimer.singleShot(10, press)  # not shown yet
            return
        seen.append(question.informativeText())
        qtbot.mouseClick(getattr(question, button), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, press)


@pytest.mark.parametrize("button, documents", [("join_button", 1), ("separate_button", 2)])
def test_file_merge_asks_about_near_duplicates(qtbot, tmp_path, reference_text, monkeypatch, button, documents):
    annotate(tmp_path / "alice.db", "alice", reference_text, [("قصفت", "event")])
    edited = reference_text.replace(*EDITED, 1)
    annotate(tmp_path / "bob.db", "bob", edited, [("سوريا", "place"), ("مدينة الصدر", "place")])
    window = open_window(qtbot, tmp_path / "review.db", annotator="reviewer")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *a, **k: ([str(tmp_path / "alice.db"), str(tmp_path / "bob.db")], ""))
    seen: list[str] = []
    answer_when_asked(qtbot, button, seen)
    window.merge_action.trigger()
    assert seen == ["ref (document 1 there) and ref (document 1 here): 99.97% similar"]
    assert "3 new span(s)" in window.statusBar().currentMessage()
    with Store.open(tmp_path / "review.db") as store:
        assert store.document_count() == documents
        bob = store.spans_for(1, ["bob"])
    if documents == 1:  # joined: bob's spans are on the original text, the later one a letter further on
        assert sorted((s.text, s.start) for s in bob) == sorted(
            (w, reference_text.index(w)) for w in ("سوريا", "مدينة الصدر"))
    else:
        assert bob == []
    window.review_action.trigger()
    assert sorted(s.annotator for s in window.workspace.spans) == (
        ["alice", "bob", "bob"] if documents == 1 else ["alice"])


def test_undo_of_a_delete_forgets_the_deletion(qtbot, tmp_path, reference_text):
    annotate(tmp_path / "alice.db", "alice", reference_text, [("قصفت", "event")])
    window = open_window(qtbot, tmp_path / "alice.db", annotator="alice")
    view = window.view
    click(qtbot, view, reference_text.index("قصفت") + 1)
    span = view.selected_span()
    assert span is not None and span.text == "قصفت"
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    store = window.workspace.store
    assert [(d.span_id, d.deleted_by) for d in store.deletions()] == [(span.id, "alice")]
    qtbot.keyClick(view, "z", Qt.KeyboardModifier.ControlModifier)
    assert store.span(span.id) == span and store.deletions() == []
    qtbot.keyClick(view, "z", Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert store.span(span.id) is None and [d.span_id for d in store.deletions()] == [span.id]

"""Annotate all across the project (issue 15, item 3, "when asked"): Ctrl+Alt+L on a span labels
its text in every document for the current annotator, one undo step for them all; occurrences
written in the other digit set, with diacritics or tatweel are found, whole letters with their
marks; an occurrence one of the annotator's spans already touches is skipped and counted."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from annotator.core.arabic import is_mark
from annotator.core.model import Span, new_span_id
from annotator.store import Store
from tests.ui.conftest import drag, open_window

PHRASE = "مقتل 36 عنصرا"
TEXTS = {
    "a": "أعلنت الوزارة مقتل 36 عنصرا في الهجوم. وأكد مصدر أمني لاحقا مقتل ٣٦ عنصرا آخرين.",
    "b": "قالت المصادر إن الغارة أدت إلى مَقْتَلِ 36 عُنْصُراً من التنظيم، بعد يوم من وبمقـتل ٣٦ عنصرا في ريف حلب.",
    "c": "ذكرت الوكالة مقتل 36 عنصرا قرب الحدود، ونفى الجيش مقتل 366 عنصرا.",
    "d": "أكد شهود مقتل 36 عنصرا.",
    "e": "لا شيء هنا.",
}


@pytest.fixture
def many(tmp_path):
    """Five documents; alice already labelled an event inside c's occurrence, bob d's whole one."""
    db = tmp_path / "many.db"
    with Store.open(db) as store:
        ids = {name: store.add_document(text, name)[0].id for name, text in TEXTS.items()}
        c_at = TEXTS["c"].index(PHRASE)
        d_at = TEXTS["d"].index(PHRASE)
        store.ensure_annotator("alice")
        store.ensure_annotator("bob")
        store.insert_checked_spans([
            Span(new_span_id(), ids["c"], "alice", "event", c_at, c_at + 4, "مقتل"),
            Span(new_span_id(), ids["d"], "bob", "casualty", d_at, d_at + len(PHRASE), PHRASE)])
    return db, ids


def spans_of(store, annotator="alice"):
    return {(s.document_id, s.start, s.end, s.label, s.text) for d in store.document_ids()
            for s in store.spans_for(d, [annotator])}


def test_ctrl_alt_l_labels_every_document_once_and_one_undo_takes_all_back(qtbot, many):
    db, ids = many
    window = open_window(qtbot, db)
    window.open_document(ids["a"])
    store, view = window.workspace.store, window.view
    before = spans_of(store)
    start = TEXTS["a"].index(PHRASE)
    drag(qtbot, view, start, start + len(PHRASE))
    qtbot.keyClicks(view, window.workspace.label("casualty").key)
    assert view.selected_span().text == PHRASE

    qtbot.keyClick(view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)

    made = spans_of(store) - before
    by_document = {}
    for document_id, s, e, label, text in made:
        by_document.setdefault(document_id, []).append(text)
        assert label == "casualty"
        body = store.document_text(document_id)
        assert body[s:e] == text and not is_mark(body[e]) and not is_mark(body[s])  # letters keep their marks
    a_text = TEXTS["a"]
    assert sorted(by_document[ids["a"]]) == sorted(["مقتل ٣٦ عنصرا", PHRASE])  # the one typed and the other digits
    assert sorted(by_document[ids["b"]]) == sorted(["مَقْتَلِ 36 عُنْصُراً", "مقـتل ٣٦ عنصرا"])  # و ب left outside
    assert ids["c"] not in by_document  # alice's event span touches c's occurrence: skipped; 366 is no 36
    assert by_document[ids["d"]] == [PHRASE]  # bob's span is bob's: alice still gets hers
    assert ids["e"] not in by_document
    values = [s.value for d in (ids["a"], ids["b"], ids["d"]) for s in store.spans_for(d, ["alice"])]
    assert all(v is not None and v.get("killed") == 36 for v in values)  # either digit set, the same count
    # The open document shows its new span at once; the status bar says how many, where, how many skipped.
    shown = {(s.start, s.end) for s in window.workspace.spans}
    assert (a_text.index("مقتل ٣٦"), a_text.index("مقتل ٣٦") + len(PHRASE)) in shown
    assert window.statusBar().currentMessage() == "Labelled 4 as casualty in 3 documents; 1 skipped (already labelled)"

    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    after_undo = spans_of(store)
    assert after_undo == before | {(ids["a"], start, start + len(PHRASE), "casualty", PHRASE)}
    assert {(s.start, s.end) for s in window.workspace.spans} == {(start, start + len(PHRASE))}
    assert spans_of(store, "bob") and len(spans_of(store, "bob")) == 1  # nobody else's layer moved

    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert spans_of(store) - before == made  # redo: the same spans, every document, again
    qtbot.keyClick(view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    assert spans_of(store) - before == made  # all labelled now: nothing more
    assert "No occurrence of this text left to label" in window.statusBar().currentMessage()


def test_annotate_all_in_the_project_is_in_the_menu_and_the_f1_sheet(qtbot, many):
    from tests.ui.test_review_rejections import f1_sheet, unmarked

    window = open_window(qtbot, many[0])
    action = window.annotate_project_action
    menu = next(a.menu() for a in window.menuBar().actions() if a.menu() and action in a.menu().actions())
    assert window.retrain_action in menu.actions()
    rows = {(unmarked(keys), what) for keys, what in f1_sheet(qtbot, window)["rows"]}
    assert (action.shortcut().toString(QKeySequence.SequenceFormat.NativeText), action.text()) in rows
    assert "Ctrl+Alt+L" in {keys for keys, _ in rows}


def test_cancel_stores_nothing_in_any_document(qtbot, tmp_path):
    """A large project: the search runs on the worker behind a progress dialog; its Cancel
    (pressed as soon as the dialog exists) leaves every document as it was, and no undo step."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QPushButton

    db = tmp_path / "large.db"
    with Store.open(db) as store, store.transaction():
        for i in range(3000):
            store.add_document(f"{TEXTS['d']} {i}", f"d{i}")
    window = open_window(qtbot, db)
    store, view = window.workspace.store, window.view
    start = TEXTS["d"].index(PHRASE)
    drag(qtbot, view, start, start + len(PHRASE))
    qtbot.keyClicks(view, window.workspace.label("casualty").key)
    before, steps = spans_of(store), window.workspace.undo_stack.count()
    seen = []

    def cancel_when_shown():
        progress = window.operations.progress
        if progress is None:
            QTimer.singleShot(1, cancel_when_shown)
            return
        seen.append(progress.labelText())
        progress.findChild(QPushButton).click()  # shown or not yet (after 300 ms), its Cancel button

    QTimer.singleShot(0, cancel_when_shown)
    qtbot.keyClick(view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    assert seen == [f"Labelling “{PHRASE}” as casualty in every document…"]
    assert spans_of(store) == before and window.workspace.undo_stack.count() == steps
    assert window.statusBar().currentMessage() == "Cancelled: nothing was stored."

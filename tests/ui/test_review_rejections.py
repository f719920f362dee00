"""A reviewer's X on an annotator's span: recorded, shown, skipped by N, taken back by X or undo
(issue 12, item 10)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QTextCharFormat, QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication

from annotator.review.adjudication import GOLD
from annotator.store import Store
from annotator.ui.i18n import apply_language
from tests.ui.conftest import open_window
from tests.ui.test_review import review_project

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def find(window, annotator, text, label=None):
    return next(s for s in window.workspace.spans
                if (s.annotator, s.text) == (annotator, text) and label in (None, s.label))


def status_of(window, span) -> str:
    return window.workspace.review_statuses()[span.id]


def visited_by_n(qtbot, window) -> list[str]:
    """The span ids N walks through, once round."""
    seen: list[str] = []
    for _ in range(20):
        qtbot.keyClick(window.view, Qt.Key.Key_N)
        selected = window.view.selected_span()
        if selected is None or selected.id in seen:
            break
        seen.append(selected.id)
    return seen


def stored(db):
    with Store.open(db) as store:
        return ([(r.span_id, r.reviewer, r.label, r.text) for r in store.rejections_for(1)],
                sorted((s.text, s.label) for s in store.spans_for(1, [GOLD])))


def format_at(view, span):
    """The text layout's format over the span's first character (None: unformatted)."""
    block = view.document().findBlock(view.mapping.to_qt(span.start))
    at = view.mapping.to_qt(span.start) - block.position()
    ranges = block.layout().formats()  # kept while its formats are read
    return next((QTextCharFormat(r.format) for r in ranges if r.start <= at < r.start + r.length), None)


def struck_out(view, span) -> bool:
    found = format_at(view, span)
    return found is not None and found.fontStrikeOut()


def test_x_records_a_rejection_shows_it_and_takes_it_back(qtbot, tmp_path, reference_text):
    db = review_project(tmp_path, reference_text)
    window = open_window(qtbot, db, annotator="reviewer")
    qtbot.keyClick(window.view, Qt.Key.Key_R, CTRL)
    alice = find(window, "alice", "سوريا", "place")
    assert status_of(window, alice) == "conflict" and alice.id in visited_by_n(qtbot, window)

    window.view.select_span(alice)
    qtbot.keyClick(window.view, Qt.Key.Key_A)  # into gold first: X takes the gold copy out too
    assert stored(db)[1] == [("سوريا", "place")]
    window.view.select_span(alice)
    qtbot.keyClick(window.view, Qt.Key.Key_X)
    assert stored(db) == ([(alice.id, "reviewer", "place", "سوريا")], [])
    assert status_of(window, alice) == "rejected"
    assert window.view.selected_span() == alice  # still selected: X again takes it back
    # Shown in the span table and the tooltip. In the text bob's other label at the same place is
    # still open: its red wave stays (a span of its own is struck out: the next test).
    assert not struck_out(window.view, alice)
    assert format_at(window.view, alice).underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    row = next(r for r in range(window.span_model.rowCount()) if window.span_model.span_at(r).id == alice.id)
    assert window.span_model.data(window.span_model.index(row, 3)) == "rejected by reviewer"
    assert "rejected by reviewer" in window.span_model.data(window.span_model.index(row, 1),
                                                            Qt.ItemDataRole.ToolTipRole)
    assert "rejected by reviewer" in window.view.span_tooltip(window.view.spans_at(alice.start))
    # N skips it; the other conflicts are still there.
    walked = visited_by_n(qtbot, window)
    assert alice.id not in walked and find(window, "bob", "سوريا", "date").id in walked

    # One undo takes back the rejection and brings the gold copy back; a redo rejects again.
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    assert stored(db) == ([], [("سوريا", "place")]) and status_of(window, alice) == "conflict"
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL | SHIFT)
    assert stored(db) == ([(alice.id, "reviewer", "place", "سوريا")], [])
    # X again takes the rejection back (the gold copy stays out: that was the first X's doing).
    window.view.select_span(alice)
    qtbot.keyClick(window.view, Qt.Key.Key_X)
    assert stored(db) == ([], []) and status_of(window, alice) == "conflict"
    assert window.span_model.data(window.span_model.index(row, 3)) == "conflict"
    assert alice.id in visited_by_n(qtbot, window)


def test_a_rejection_stays_after_reopening_and_covers_the_same_proposal(qtbot, tmp_path, reference_text):
    db = review_project(tmp_path, reference_text)
    window = open_window(qtbot, db, annotator="reviewer")
    window.review_action.trigger()
    alice = find(window, "alice", "مدينة الصدر")  # only alice has it: "some"
    window.view.select_span(alice)
    qtbot.keyClick(window.view, Qt.Key.Key_X)
    assert stored(db)[0] == [(alice.id, "reviewer", "place", "مدينة الصدر")]  # nothing in gold to take out
    assert struck_out(window.view, alice)
    assert format_at(window.view, alice).foreground().color().name() == "#757575"  # greyed
    window.close()

    again = open_window(qtbot, db, annotator="reviewer")
    again.review_action.trigger()
    assert status_of(again, find(again, "alice", "مدينة الصدر")) == "rejected"
    assert struck_out(again.view, alice)
    # A plain A on a span one rejected accepts it and takes the rejection back, one undo step.
    again.view.select_span(find(again, "alice", "مدينة الصدر"))
    qtbot.keyClick(again.view, Qt.Key.Key_A)
    assert stored(db) == ([], [("مدينة الصدر", "place")]) and not struck_out(again.view, alice)
    qtbot.keyClick(again.view, Qt.Key.Key_Z, CTRL)
    assert stored(db) == ([(alice.id, "reviewer", "place", "مدينة الصدر")], [])


def test_a_gold_span_x_still_leaves_gold_without_a_rejection(qtbot, tmp_path, reference_text):
    db = review_project(tmp_path, reference_text)
    window = open_window(qtbot, db, annotator="reviewer")
    window.review_action.trigger()
    window.accept_agreed_action.trigger()
    assert "accepted into gold" in window.statusBar().currentMessage()  # Ctrl+Shift+A says what it did
    window.view.select_span(find(window, GOLD, "قصفت"))
    qtbot.keyClick(window.view, Qt.Key.Key_X)
    assert stored(db) == ([], [])
    assert window.statusBar().currentMessage() == "Taken out of the gold layer."


def test_dashboard_double_click_selects_the_listed_span_not_another_at_its_place(qtbot, tmp_path, reference_text):
    db = review_project(tmp_path, reference_text)
    window = open_window(qtbot, db, annotator="reviewer")
    window.review_action.trigger()
    window.view.select_span(find(window, "alice", "سوريا", "place"))
    qtbot.keyClick(window.view, Qt.Key.Key_A)  # gold now has a span at سوريا's place too
    window.dashboard_action.trigger()
    dashboard = window.dashboard
    qtbot.addWidget(dashboard)
    dashboard.show_pair("alice", "bob")
    listed = [dashboard.list.item(i) for i in range(dashboard.list.count())]
    assert sum(item.text().startswith("سوريا") for item in listed) == 2  # alice's place, bob's date
    for item in listed:
        text, what, _ = item.text().split(" · ")
        label, who = what.rstrip(")").split(" (")
        rect = dashboard.list.visualItemRect(item)
        qtbot.mouseClick(dashboard.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(dashboard.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        selected = window.view.selected_span()
        assert (selected.annotator, selected.label, selected.text) == (who, label, text)


@pytest.fixture
def arabic(qapp):
    apply_language(qapp, "ar")
    yield
    apply_language(qapp, "en")


def f1_sheet(qtbot, window, shot=None) -> list[tuple[str, str]]:
    """Press F1 and read the sheet's rows while it is open (it is modal)."""
    seen: dict = {}

    def read() -> None:
        sheet = QApplication.activeModalWidget()
        table = sheet.table
        seen["rows"] = [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())]
        seen["rtl"] = sheet.layoutDirection() == Qt.LayoutDirection.RightToLeft
        if shot:
            sheet.grab().save(str(shot))
        sheet.reject()

    QTimer.singleShot(0, read)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert "rows" in seen
    return seen


def unmarked(text: str) -> str:
    return "".join(c for c in text if c not in "\u2066\u2067\u2068\u2069\u200e\u200f")


def qt_order(text: str, font) -> list[str]:
    """The characters of ``text`` from left to right as Qt lays them out in a right-to-left line."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    layout.endLayout()
    def x(i: int) -> float:
        found = line.cursorToX(i)
        return found[0] if isinstance(found, tuple) else found

    # A character lies between the carets before and after it, whichever way its run goes.
    return [c for _, c in sorted((min(x(i), x(i + 1)), c) for i, c in enumerate(text) if unmarked(c) and c != " ")]


def test_f1_lists_the_review_keys_from_their_actions(qtbot, tmp_path, reference_text):
    db = review_project(tmp_path, reference_text)
    window = open_window(qtbot, db, annotator="reviewer")
    rows = {(unmarked(keys), what) for keys, what in f1_sheet(qtbot, window)["rows"]}
    for action in (window.accept_action, window.reject_action, window.next_disagreement_action,
                   window.accept_agreed_action):
        assert (action.shortcut().toString(QKeySequence.SequenceFormat.NativeText), action.text()) in rows
    assert {keys for keys, _ in rows} >= {"A", "X", "N", "Ctrl+Shift+A"}


def test_f1_in_arabic_keeps_key_sequences_and_digits_left_to_right(qtbot, tmp_path, reference_text, arabic):
    from bidi import get_display  # an independent implementation of the bidi algorithm, with isolates

    db = review_project(tmp_path, reference_text)
    window = open_window(qtbot, db, annotator="reviewer")
    seen = f1_sheet(qtbot, window, tmp_path / "f1_arabic.png")
    assert seen["rtl"]
    keys = {unmarked(k): k for k, _ in seen["rows"]}
    assert {"A", "X", "N", "Ctrl+Shift+A", "1 – 5, ١ – ٥", "Shift+← / Shift+→", "Ctrl+Shift+← / Ctrl+Shift+→",
            "Ctrl+= / Ctrl++"} <= set(keys)
    arabic_letter = re.compile("[\u0621-\u064a]")
    for plain, shown in keys.items():
        if arabic_letter.search(plain):  # words ("Alt + سحب", an arrow's Arabic name) read right to left
            continue
        assert unmarked(get_display(shown, base_dir="R")) == plain
    font = window.font()
    for plain in ("1 – 5, ١ – ٥", "Ctrl+Shift+← / Ctrl+Shift+→"):  # and as Qt itself lays them out
        assert "".join(qt_order(keys[plain], font)) == plain.replace(" ", "")


def test_side_by_side_closes_with_escape_and_with_its_own_shortcut(qtbot, tmp_path, reference_text):
    db = review_project(tmp_path, reference_text)
    window = open_window(qtbot, db, annotator="reviewer")

    def opened():
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        before = getattr(window, "side_by_side", None)
        qtbot.keyClick(window.view, Qt.Key.Key_S, CTRL | SHIFT)
        panes = window.side_by_side
        assert panes is not before
        qtbot.addWidget(panes)
        qtbot.waitExposed(panes)
        panes.activateWindow()
        qtbot.waitUntil(panes.isActiveWindow)
        return panes

    panes = opened()
    assert list(panes.views) == ["alice", "bob"]
    qtbot.keyClick(panes.views["bob"], Qt.Key.Key_Escape)
    assert not panes.isVisible()
    panes = opened()
    qtbot.keyClick(panes.views["alice"], Qt.Key.Key_S, CTRL | SHIFT)  # the key that opened it closes it
    assert not panes.isVisible()
    # From the main window the same key opens it and closes it again.
    panes = opened()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.view, Qt.Key.Key_S, CTRL | SHIFT)
    assert not panes.isVisible() and window.side_by_side is panes

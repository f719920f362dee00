"""Issue 12, item 12: Ctrl+Shift+F searches every document as Ctrl+F searches one, and a
match opens in the article selected; Document ▸ Progress counts documents done, in progress
and new, per annotator in review mode."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from annotator.core import arabic
from annotator.store import Store
from annotator.ui.controllers.search import search_project
from annotator.ui.i18n import apply_language
from annotator.ui.progress_summary import ProgressSummary
from annotator.ui.project_search import MATCH_ROLE, ProjectSearchDock
from tests.arabic_samples import EMOJI
from tests.ui.conftest import open_window, type_text_key


def search(qtbot, window, query: str) -> ProjectSearchDock:
    """Ctrl+Shift+F, type the query, Enter: as an annotator does it."""
    qtbot.keyClick(window.view, "f", Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dock = window.findChild(ProjectSearchDock)
    assert dock is not None and dock.isVisible()
    edit = dock.panel.edit
    qtbot.waitUntil(edit.hasFocus)
    edit.clear()
    for char in query:  # QTest types Latin-1 only: Arabic comes as a keyboard layout sends it
        type_text_key(edit, char)
    assert edit.text() == query
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    return dock


def listed(dock) -> list[tuple[int, int, int]]:
    tree = dock.panel.results
    return [tree.topLevelItem(i).child(j).data(0, MATCH_ROLE)
            for i in range(tree.topLevelItemCount()) for j in range(tree.topLevelItem(i).childCount())]


def find_bar_matches(qtbot, window, query: str) -> list[tuple[int, int]]:
    """What Ctrl+F finds in the open document, typed in the find bar."""
    qtbot.keyClick(window.view, "f", Qt.KeyboardModifier.ControlModifier)
    window.find_bar.edit.clear()
    for char in query:
        type_text_key(window.find_bar.edit, char)
    matches = list(window.find_bar.matches)
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Escape)
    return matches


def test_ctrl_shift_f_lists_every_documents_matches_and_enter_selects_one_past_an_emoji(qtbot, window, tmp_path):
    store = window.workspace.store
    dock = search(qtbot, window, "قتيلا")
    found = listed(dock)
    expected = [(i, s, e) for i, _, text in store.iter_document_texts() for s, e in arabic.find_all(text, "قتيلا")]
    assert found == expected and len({i for i, _, _ in found}) >= 2
    # Each document's matches are the find bar's own, typed into it.
    for document_id in {i for i, _, _ in found}:
        window.open_document(document_id)
        assert find_bar_matches(qtbot, window, "قتيلا") == [(s, e) for i, s, e in found if i == document_id]
    # The list: a row per document with its title and count, a row per match with its context.
    tree = dock.panel.results
    counts = Counter(i for i, _, _ in found)
    for row in range(tree.topLevelItemCount()):
        document = tree.topLevelItem(row)
        document_id = document.data(0, MATCH_ROLE)[0]
        assert document.text(0) == store.document(document_id).title
        assert document.text(2) == str(counts[document_id])
        assert all("قتيلا" in document.child(j).text(0) for j in range(document.childCount()))
    summary = dock.panel.summary.text()
    assert str(len(found)) in summary and str(len(counts)) in summary

    # Go down to the emoji document's match and press Enter on it.
    emoji_id = next(i for i, _, text in store.iter_document_texts() if text == EMOJI)
    window.open_document(next(i for i in counts if i != emoji_id))
    qtbot.keyClick(window.view, "f", Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    tree.setFocus()
    tree.setCurrentItem(tree.topLevelItem(0).child(0))
    while tree.currentItem().data(0, MATCH_ROLE)[0] != emoji_id:
        qtbot.keyClick(tree, Qt.Key.Key_Down)
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    view = window.view
    assert window.workspace.document.id == emoji_id
    assert view.selection_range() == (34, 39) == (EMOJI.index("قتيلا"), EMOJI.index("قتيلا") + 5)
    cursor = view.textCursor()
    assert cursor.selectedText() == "قتيلا"
    assert (cursor.selectionStart(), cursor.selectionEnd()) == (35, 40)  # 💥 is two UTF-16 units before it
    assert view.hasFocus()
    window.grab().save(str(tmp_path / "project-search.png"))
    # The selection is labelled as found.
    qtbot.keyClick(view, "2")
    assert [(s.start, s.end, s.text) for s in store.spans_for(emoji_id)] == [(34, 39, "قتيلا")]


def test_a_double_click_opens_a_match_the_query_reached_through_diacritics(qtbot, window):
    dock = search(qtbot, window, "كتب")  # the stored word is كَتَبَ
    tree = dock.panel.results
    item = next(tree.topLevelItem(i).child(j) for i in range(tree.topLevelItemCount())
                for j in range(tree.topLevelItem(i).childCount())
                if tree.topLevelItem(i).child(j).text(1) == "كَتَبَ")
    tree.scrollToItem(item)
    at = tree.visualItemRect(item).center()
    assert tree.viewport().rect().contains(at)
    # A double-click is a press, a release, then the double-click (Qt activates the item it pressed).
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=at)
    qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=at)
    document_id, start, end = item.data(0, MATCH_ROLE)
    assert window.workspace.document.id == document_id
    assert window.workspace.document.text[start:end] == "كَتَبَ"
    assert window.view.selection_range() == (start, end)


def test_nothing_found_is_said_and_a_query_of_marks_alone_lists_nothing(qtbot, window):
    dock = search(qtbot, window, "زلزال")
    assert listed(dock) == [] and dock.panel.summary.text() == "No match in any document."
    dock = search(qtbot, window, "ًٌ")
    assert listed(dock) == []


def test_a_search_stops_at_its_limit_and_says_so(project, monkeypatch):
    with Store.open(project) as store:
        notes = []
        found = search_project(store, "ا", lambda done, total, _note: notes.append((done, total)), limit=5)
        assert len(found.matches) == 5 and not found.complete
        assert notes[0] == (0, store.document_count())
        whole = search_project(store, "قتيلا", lambda *_: None)
        assert whole.complete and set(whole.titles) == {m.document_id for m in whole.matches}

        class Cancelled(Exception):
            pass

        def cancel(done, _total, _note):  # as the worker's progress hook raises on Cancel
            if done:
                raise Cancelled

        monkeypatch.setattr("annotator.ui.controllers.search.PROGRESS_EVERY", 1)
        with pytest.raises(Cancelled):
            search_project(store, "زلزال", cancel)


def read_progress(qtbot, window, screenshot=None) -> dict:
    """Trigger Document ▸ Progress, read the dialog, close it."""
    seen = {}

    def poll():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ProgressSummary):
            QTimer.singleShot(10, poll)
            return
        seen["headline"] = dialog.headline.text()
        seen["bar"] = (dialog.bar.value(), dialog.bar.maximum())
        table = dialog.table
        if table is not None:
            seen["rows"] = {table.item(r, 0).text(): [table.item(r, c).text() for c in range(1, 6)]
                            for r in range(table.rowCount())}
        if screenshot is not None:
            dialog.grab().save(str(screenshot))
        dialog.reject()

    QTimer.singleShot(0, poll)
    window.progress_action.trigger()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return seen


def test_progress_counts_my_documents_and_in_review_everyones(qtbot, window, tmp_path):
    store, view = window.workspace.store, window.view
    total = store.document_count()
    first, second = store.document_ids()[:2]
    window.open_document(first)
    qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # mark done
    window.open_document(second)
    view.select_range(0, 5)
    qtbot.keyClick(view, "1")  # a span: in progress
    seen = read_progress(qtbot, window)
    assert seen["bar"] == (1, total)
    assert [str(n) for n in (1, 1, total - 2, total)] == re.findall(r"\d+", seen["headline"])
    assert "alice" in seen["headline"] and "rows" not in seen

    # Bob labelled in the same file; in review mode every annotator has a row.
    store.create_span(first, "bob", "place", 0, 5)
    store.set_status(second, "bob", "done")
    store.set_status(first, "bob", "done")
    qtbot.keyClick(view, "r", Qt.KeyboardModifier.ControlModifier)
    assert window.workspace.review_mode
    seen = read_progress(qtbot, window, tmp_path / "progress.png")
    for name in ("alice", "bob"):
        listed_statuses = Counter(s.status for s in store.document_summaries(name))
        role, done, in_progress, new, share = seen["rows"][name]
        assert [int(done), int(in_progress), int(new)] == [listed_statuses["done"], listed_statuses["in_progress"],
                                                           listed_statuses["new"]]
        assert share == f"{round(100 * listed_statuses['done'] / total)}%"
    assert seen["rows"]["bob"][1:4] == ["2", "0", str(total - 2)]


def test_the_search_and_the_progress_in_the_arabic_interface(qtbot, project, qapp, tmp_path):
    apply_language(qapp, "ar")
    try:
        window = open_window(qtbot, project)
        dock = search(qtbot, window, "العراق")
        assert dock.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert listed(dock)
        qtbot.keyClick(dock.panel.results, Qt.Key.Key_Return)
        assert window.view.textCursor().selectedText() == "العراق"
        window.grab().save(str(tmp_path / "project-search-ar.png"))
        # The last match, far down the article: opened and scrolled into view.
        tree = dock.panel.results
        tree.setFocus()
        qtbot.keyClick(tree, Qt.Key.Key_End)
        document_id, start, end = tree.currentItem().data(0, MATCH_ROLE)
        assert start > len(window.workspace.document.text) // 2
        qtbot.keyClick(tree, Qt.Key.Key_Return)
        view = window.view
        assert view.selection_range() == (start, end)
        assert view.viewport().rect().contains(view.cursorRect().center())
        qtbot.keyClick(window.view, "r", Qt.KeyboardModifier.ControlModifier)
        seen = read_progress(qtbot, window, tmp_path / "progress-ar.png")
        assert "alice" in seen["rows"]
    finally:
        apply_language(qapp, "en")


def test_the_shortcut_sheet_lists_the_project_search(qtbot, window):
    from annotator.ui.shortcut_sheet import ShortcutSheet

    rows = []

    def poll():
        sheet = QApplication.activeModalWidget()
        if not isinstance(sheet, ShortcutSheet):
            QTimer.singleShot(10, poll)
            return
        table = sheet.table
        rows.extend((table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount()))
        sheet.reject()

    QTimer.singleShot(0, poll)
    qtbot.keyClick(window.view, Qt.Key.Key_F1)
    assert any("Ctrl+Shift+F" in keys and what == "Search all documents" for keys, what in rows), rows

"""The window as annotators found it (issue 12): span edges after a scroll, recent projects,
slashes in words, the new span selected, trimmed edges, docks per layout direction, plain
tooltips, and a question before labelling a paragraph or more."""

from __future__ import annotations

import re

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QTextCursor, QWheelEvent
from PySide6.QtWidgets import QApplication

from annotator.ui.commands import AddSpanCommand
from tests.ui.conftest import caret_point, drag, open_window


def stored(window) -> set[tuple[str, str]]:
    return {(s.text, s.label) for s in window.workspace.store.spans_for(window.workspace.document.id)}


def wheel_down(view, notches: int) -> None:
    """Real wheel events on the viewport, as a mouse wheel sends them (120 units a notch);
    a negative count scrolls up."""
    viewport = view.viewport()
    centre = QPointF(viewport.rect().center())
    for _ in range(abs(notches)):
        event = QWheelEvent(centre, QPointF(viewport.mapToGlobal(centre.toPoint())), QPoint(0, 0),
                            QPoint(0, -120 if notches > 0 else 120),
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
                            False)
        QApplication.sendEvent(viewport, event)


def edge_rect(view, cp: int):
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.mapping.to_qt(cp))
    return view.cursorRect(cursor)


def vertical_lines(groups) -> list:
    return [line for lines in groups.values() for line in lines if line.x1() == line.x2()]


def assert_brackets_on_span_edges(view) -> int:
    """Every span edge on screen has a bracket at its caret, and every bracket is at an edge."""
    on_screen = lambda y: 0 <= y < view.viewport().height()  # noqa: E731
    lines = [line for line in vertical_lines(view.visible_brackets()) if on_screen(line.center().y())]
    edges = []
    for span in view.spans.overlapping(*view.visible_range()):
        for cp in (span.start, span.end):
            rect = edge_rect(view, cp)
            if on_screen(rect.center().y()):
                edges.append(rect)
    assert edges, "no span edge on screen: the test scrolled to the wrong place"
    for rect in edges:
        assert any(abs(line.x1() - rect.x()) <= 2 and rect.top() - 1 <= line.y1() <= rect.bottom()
                   for line in lines), f"no bracket at the edge {rect}"
    for line in lines:
        assert any(abs(line.x1() - rect.x()) <= 2 and rect.top() - 1 <= line.y1() <= rect.bottom()
                   for rect in edges), f"a bracket away from every span edge: {line}"
    return len(edges)


def label_every(window, pattern: str, label: str = "place") -> None:
    text = window.workspace.document.text
    for match in re.finditer(pattern, text):
        AddSpanCommand(window.workspace, label, match.start(), match.end()).run_and_push()


def test_span_brackets_follow_the_text_after_a_wheel_scroll(qtbot, window, tmp_path):
    view = window.view
    label_every(window, "تنظيم الدولة|العراقي|سوريا")
    window.resize(1000, 600)
    qtbot.waitUntil(lambda: view.verticalScrollBar().maximum() > 10)
    view.repaint()  # brackets of the first screen are computed and cached
    assert_brackets_on_span_edges(view)
    first_block = view.firstVisibleBlock().blockNumber()
    for _ in range(4):  # a notch at a time, each screen painted, as a reader scrolls
        wheel_down(view, 1)
        view.repaint()
        assert_brackets_on_span_edges(view)
    assert view.firstVisibleBlock().blockNumber() > first_block  # scrolled past a paragraph
    wheel_down(view, -2)  # and back up a little: spans cached further down come back into view
    assert assert_brackets_on_span_edges(view) >= 4
    # What is painted, too: the bracket colour at each span's start edge, mid-line.
    image = view.viewport().grab().toImage()
    image.save(str(tmp_path / "brackets-after-wheel.png"))
    pen = QColor(window.workspace.label("place").color).darker(150)
    hits = 0
    for span in view.spans.overlapping(*view.visible_range()):
        rect = edge_rect(view, span.start)
        if not view.viewport().rect().contains(rect):
            continue
        column = [QColor(image.pixel(x, rect.center().y())) for x in range(rect.x() - 1, rect.x() + 2)]
        assert any(c.rgb() == pen.rgb() for c in column), f"no bracket drawn at {span.text}"
        hits += 1
    assert hits >= 2


def test_side_by_side_brackets_follow_the_text_after_scrolling(qtbot, tmp_path, reference_text):
    from annotator.store import Store

    db = tmp_path / "review.db"
    with Store.open(db) as store:
        doc, _ = store.add_document(reference_text, "ref")
        for annotator, pattern in (("alice", "تنظيم الدولة"), ("bob", "التنظيم|سوريا")):
            for match in re.finditer(pattern, reference_text):
                store.create_span(doc.id, annotator, "place", match.start(), match.end())
    window = open_window(qtbot, db, annotator="reviewer")
    window.side_by_side_action.trigger()
    panes = window.side_by_side
    qtbot.addWidget(panes)
    qtbot.waitExposed(panes)
    panes.resize(1000, 400)
    alice, bob = panes.views["alice"], panes.views["bob"]
    qtbot.waitUntil(lambda: alice.verticalScrollBar().maximum() > 10)
    panes.repaint()
    for _ in range(5):
        wheel_down(alice, 1)
        panes.repaint()
        for view in (alice, bob):
            if view.spans.overlapping(*view.visible_range()):
                assert_brackets_on_span_edges(view)
    assert alice.firstVisibleBlock().blockNumber() > 0 and bob.firstVisibleBlock().blockNumber() > 0
    panes.grab().save(str(tmp_path / "side-by-side-after-wheel.png"))
    assert_brackets_on_span_edges(alice)
    assert_brackets_on_span_edges(bob)


# -- 4. a slash between letters is part of the word ------------------------------------------


def test_a_drag_from_the_slash_and_a_double_click_take_both_month_names(qtbot, window, tmp_path):
    view, text = window.view, window.workspace.document.text
    at = text.index("19 أبريل/نيسان الماضي") + len("19 ")
    slash = at + len("أبريل")
    date = "أبريل/نيسان الماضي"
    drag(qtbot, view, slash, at + len(date))  # from the slash to the end of الماضي
    qtbot.keyClick(view, "3")
    assert stored(window) == {(date, "date")}
    at = text.index("24 فبراير/شباط 2017") + len("24 ")
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=caret_point(view, at + 2))
    assert text[slice(*view.selection_range())] == "فبراير/شباط"
    qtbot.keyClick(view, "3")
    assert ("فبراير/شباط", "date") in stored(window)
    view.grab().save(str(tmp_path / "dates.png"))


# -- 5. the new span is selected; spaces stay out of span edges ------------------------------


def test_ctrl_k_right_after_labelling_strips_the_clitic_of_the_new_span(qtbot, window):
    view, text = window.view, window.workspace.document.text
    at = text.index("للجزيرة")
    drag(qtbot, view, at, at + len("للجزيرة"))
    qtbot.keyClick(view, "2")
    new = next(iter(window.workspace.spans))
    assert view.selected_span_id == new.id and view.selection_range() is None
    assert window.span_table.selectionModel().selectedRows()[0].row() == 0
    qtbot.keyClick(view, "k", Qt.KeyboardModifier.ControlModifier)
    assert stored(window) == {("جزيرة", "place")}


def test_an_exact_drag_over_a_space_and_an_edge_move_leave_no_space_at_the_edges(qtbot, window):
    view, text = window.view, window.workspace.document.text
    at = text.index("مركز الإعلام")
    # In exact mode, a keyboard selection from the space before مركز to the space after it.
    window.exact_action.trigger()
    view.select_range(at - 1, at - 1)
    for _ in range(len(" مركز ")):
        qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)  # leftwards is onwards
    assert text[slice(*view.selection_range())] == " مركز "
    qtbot.keyClick(view, "5")
    assert stored(window) == {("مركز", "source")}
    assert "Spaces" in window.statusBar().currentMessage()
    # Its left edge (the end, in right-to-left text) moved one letter left: past the space.
    qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert stored(window) == {("مركز ا", "source")}
    assert "space" in window.statusBar().currentMessage()
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert stored(window) == {("مركز", "source")}
    # And its right edge (the start) moved right, past the space before it.
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier)
    assert stored(window) == {("ن مركز", "source")}


# -- 8. tooltips show names and span texts as written ----------------------------------------


def rendered(tip: str) -> str:
    """What a tooltip shows: Qt renders text it takes for rich text as HTML."""
    from PySide6 import QtGui
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    if QtGui.Qt.mightBeRichText(tip):
        document.setHtml(tip)
    else:
        document.setPlainText(tip)
    return document.toPlainText()


def test_tooltips_show_names_and_span_texts_as_plain_text(qtbot, tmp_path):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    from annotator.store import Store

    name = "<img src=y onerror=alert(1)>"
    text = "قال المصدر <script>alert(1)</script> أمس في بغداد"
    db = tmp_path / "tags.db"
    with Store.open(db) as store:
        doc, _ = store.add_document(text, "tags")
        at = text.index("<script>")
        store.create_span(doc.id, name, "source", at, at + len("<script>alert(1)</script>"))
        store.set_status(doc.id, name, "in_progress")
    window = open_window(qtbot, db, annotator=name)
    view = window.view
    point = caret_point(view, at + 3)
    QApplication.sendEvent(view.viewport(), QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point)))
    assert rendered(QToolTip.text()) == f"source by {name}: <script>alert(1)</script>"
    shown = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "qtooltip_label")
    shown.grab().save(str(tmp_path / "tooltip.png"))
    span_tip = window.span_model.data(window.span_model.index(0, 1), Qt.ItemDataRole.ToolTipRole)
    assert rendered(span_tip).endswith(": <script>alert(1)</script>")
    document_tip = window.documents.data(window.documents.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert f"{name}: in progress" in rendered(document_tip)


# -- 9. a question before labelling across paragraphs or more than the settings allow --------


def reactivate(qtbot, window) -> None:
    """After a modal box, the window is active again (its shortcuts need that)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def answer_question(button, seen: list, screenshot=None) -> None:
    """Click ``button`` on the next message box as soon as it is shown, noting its text."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    def poll():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            if screenshot is not None:
                box.grab().save(str(screenshot))
            box.button(button).click()
        else:
            QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)


def test_ctrl_a_then_a_label_key_asks_before_labelling_the_whole_article(qtbot, window, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    view, text = window.view, window.workspace.document.text
    seen: list[str] = []
    qtbot.keyClick(view, "a", Qt.KeyboardModifier.ControlModifier)
    answer_question(QMessageBox.StandardButton.No, seen, tmp_path / "question.png")
    qtbot.keyClick(view, "1")
    assert len(seen) == 1 and "paragraph" in seen[0]
    assert stored(window) == set()  # No: nothing labelled, the selection still there
    assert view.selection_range() is not None
    answer_question(QMessageBox.StandardButton.Yes, seen)
    qtbot.keyClick(view, "1")
    assert len(seen) == 2
    (span,) = window.workspace.store.spans_for(window.workspace.document.id)
    assert span.end - span.start > len(text) - 5
    # A short selection across a paragraph break is asked about too...
    reactivate(qtbot, window)
    qtbot.keyClick(view, "z", Qt.KeyboardModifier.ControlModifier)
    assert stored(window) == set()
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)  # Ctrl+A had scrolled to the end
    end_of_first = text.index("\n")
    drag(qtbot, view, end_of_first - 4, end_of_first + 4)
    answer_question(QMessageBox.StandardButton.No, seen)
    qtbot.keyClick(view, "1")
    assert len(seen) == 3 and stored(window) == set()
    # ...and a long one within a paragraph, over the length the settings name.
    window.settings.setValue("long_span_length", 20)
    at = text.index("مركز الإعلام الأمني العراقي")
    drag(qtbot, view, at, at + len("مركز الإعلام الأمني العراقي"))
    answer_question(QMessageBox.StandardButton.No, seen)
    qtbot.keyClick(view, "5")
    assert stored(window) == set(), window.statusBar().currentMessage()
    assert len(seen) == 4 and "27 characters" in seen[3]
    # Ordinary spans are not asked about.
    window.settings.setValue("long_span_length", 500)
    qtbot.keyClick(view, Qt.Key.Key_Escape)  # a press inside a selection would drag the text
    drag(qtbot, view, at, at + len("مركز الإعلام الأمني العراقي"))
    qtbot.keyClick(view, "5")
    assert len(seen) == 4 and stored(window) == {("مركز الإعلام الأمني العراقي", "source")}


def test_the_long_span_length_is_in_the_settings_dialog(qtbot, window):
    from tests.ui.test_dialogs import answer_dialog

    def change(dialog):
        dialog.long_span_box.setValue(1200)
        dialog.accept()

    answer_dialog(change)
    window.settings_action.trigger()
    from annotator.ui.settings import long_span_length

    assert long_span_length(window.settings) == 1200


# -- 3. recent projects: absolute paths; a missing one is reported, never created ------------


def top_windows():
    from annotator.ui.main_window import MainWindow

    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]


def test_recent_projects_are_absolute_and_a_missing_one_is_not_created(qtbot, tmp_path, monkeypatch, reference_path):
    from PySide6.QtWidgets import QMessageBox

    from annotator.formats.importer import import_paths
    from annotator.store import Store
    from annotator.ui.app import open_window as open_project
    from annotator.ui.settings import app_settings, recent_databases

    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    with Store.open(first / "news.db") as store:
        import_paths(store, [reference_path], annotator="maha")
    settings = app_settings()
    settings.setValue("annotator", "maha")
    monkeypatch.chdir(first)
    window = open_project(__import__("pathlib").Path("news.db"), settings, ask_name=False)  # relative, as typed
    qtbot.addWidget(window)
    window.show()
    assert recent_databases(settings) == [str(first / "news.db")]
    assert window.windowFilePath() == str(first / "news.db")
    assert "news.db" in window.windowTitle() and str(first) in window.windowTitle()
    window.grab().save(str(tmp_path / "title.png"))
    Store.open(second / "other.db").close()
    window.openDatabaseRequested.emit(str(second / "other.db"))  # as File ▸ Open does
    (window,) = top_windows()
    qtbot.addWidget(window)
    # From another folder, the recent project is the same file, with its article.
    monkeypatch.chdir(second)
    window.recent_menu.aboutToShow.emit()
    entry = next(a for a in window.recent_menu.actions() if a.text() == str(first / "news.db"))
    entry.trigger()
    (window,) = top_windows()
    qtbot.addWidget(window)
    assert window.workspace.store.path.resolve() == first / "news.db"
    assert len(window.documents.rows) == 1 and not (second / "news.db").exists()
    # A recent project that has gone is reported and dropped, never made afresh.
    (second / "other.db").unlink()
    window.recent_menu.aboutToShow.emit()
    gone = next(a for a in window.recent_menu.actions() if a.text() == str(second / "other.db"))
    seen: list[str] = []
    answer_question(QMessageBox.StandardButton.Ok, seen, tmp_path / "gone.png")
    gone.trigger()
    assert len(seen) == 1 and "other.db" in seen[0]
    assert not (second / "other.db").exists()
    assert recent_databases(settings) == [str(first / "news.db")]
    assert top_windows() == [window]


# -- 6. Arabic and back: each direction keeps its own dock layout; the size is kept ----------


def test_switching_to_arabic_and_back_keeps_the_english_docks_and_the_size(qtbot, project, tmp_path):
    from annotator.ui.app import open_window as open_project
    from annotator.ui.i18n import apply_language
    from annotator.ui.settings import app_settings

    settings = app_settings()
    settings.setValue("annotator", "alice")
    window = open_project(project, settings, ask_name=False)
    qtbot.addWidget(window)
    window.show()
    window.resize(780, 690)
    qtbot.waitExposed(window)
    right = Qt.DockWidgetArea.RightDockWidgetArea
    try:
        for round_trip in range(2):
            assert window.dockWidgetArea(window.documents_dock) == right
            window.language_actions["ar"].trigger()
            (window,) = top_windows()
            qtbot.addWidget(window)
            assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
            assert (window.width(), window.height()) == (780, 690)
            qtbot.waitExposed(window)
            # Documents on the left in Arabic: the layout mirrors.
            assert window.documents_dock.geometry().center().x() < window.width() // 2
            window.language_actions["en"].trigger()
            (window,) = top_windows()
            qtbot.addWidget(window)
            qtbot.waitExposed(window)
            assert (window.width(), window.height()) == (780, 690)
            assert window.documents_dock.geometry().center().x() > window.width() // 2, f"round trip {round_trip}"
            window.grab().save(str(tmp_path / f"english-again-{round_trip}.png"))
    finally:
        apply_language(QApplication.instance(), "en")

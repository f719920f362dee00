from PySide6.QtCore import Qt

from annotator.store import Store
from tests.ui.conftest import click, drag, open_by_title, open_window, type_text_key

REFERENCE = [("قصفت", "1", "event"), ("سوريا", "2", "place"), ("صباح الخميس", "3", "date"),
             ("نحو عشرين قتيلا ومئة جريح", "4", "casualty"), ("مركز الإعلام الأمني العراقي", "5", "source")]


def stored(window):
    return {(s.text, s.label) for s in window.workspace.store.spans_for(window.workspace.document.id)}


def test_drag_and_keys_1_to_5_label_the_reference_article(qtbot, window):
    view = window.view
    text = window.workspace.document.text
    assert text.startswith("أعلن مركز الإعلام")
    for words, key, _label in REFERENCE:
        at = text.index(words)
        drag(qtbot, view, at, at + len(words))
        assert view.selection_range() == (at, at + len(words))
        qtbot.keyClick(view, key)
    assert stored(window) == {(w, label) for w, _, label in REFERENCE}
    assert window.span_model.rowCount() == 5
    assert window.documents.rows[0].span_count == 5


def test_a_sloppy_drag_snaps_to_whole_words_with_their_diacritics(qtbot, window):
    open_by_title(window, "a_diacritics")
    view, text = window.view, window.workspace.document.text
    # From the middle of كَتَبَ into the middle of الصَّحَفِيُّ.
    drag(qtbot, view, 2, text.index("الصَّحَفِيُّ") + 4)
    qtbot.keyClick(view, "1")
    assert stored(window) == {("كَتَبَ الصَّحَفِيُّ", "event")}


def test_alt_drag_labels_inside_a_word_and_strip_clitic(qtbot, window):
    open_by_title(window, "a_diacritics")
    view, text = window.view, window.workspace.document.text
    at = text.index("للجزيرة")
    drag(qtbot, view, at + 2, at + len("للجزيرة"), Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(view, "2")
    assert stored(window) == {("جزيرة", "place")}
    # Without Alt the same drag takes the whole word; the strip-clitic command trims it.
    drag(qtbot, view, at + 2, at + len("للجزيرة"))
    qtbot.keyClick(view, "3")
    assert ("للجزيرة", "date") in stored(window)
    date = next(s for s in window.workspace.spans if s.label == "date")
    click(qtbot, view, date.start + 1)
    assert view.selected_span_id in (date.id, next(s.id for s in window.workspace.spans if s.label == "place"))
    view.select_span(date)
    qtbot.keyClick(view, "k", Qt.KeyboardModifier.ControlModifier)
    assert stored(window) == {("جزيرة", "place"), ("جزيرة", "date")}


def test_exact_mode_toggle_and_keyboard_selection(qtbot, window):
    open_by_title(window, "a_diacritics")
    view, text = window.view, window.workspace.document.text
    view.select_range(0, 0)
    for _ in range(3):  # three letters by keyboard, from the start of the line
        qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert view.selection_range() is not None
    qtbot.keyClick(view, "1")  # snapped to the word
    assert stored(window) == {("كَتَبَ", "event")}
    window.exact_action.trigger()
    at = text.index("للجزيرة")
    view.select_range(at + 2, at + 4)
    qtbot.keyClick(view, "2")
    assert ("جز", "place") in stored(window)


def test_double_click_then_arabic_indic_digit_labels_the_word(qtbot, window):
    view, text = window.view, window.workspace.document.text
    at = text.index("سوريا")
    from tests.ui.conftest import caret_point

    point = caret_point(view, at + 2)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    type_text_key(view, "٢")
    assert stored(window) == {("سوريا", "place")}


def test_undo_redo_delete_and_relabel_reach_the_database(qtbot, window):
    view, text = window.view, window.workspace.document.text
    at = text.index("قصفت")
    drag(qtbot, view, at, at + 4)
    qtbot.keyClick(view, "1")
    assert stored(window) == {("قصفت", "event")}
    qtbot.keyClick(view, "z", Qt.KeyboardModifier.ControlModifier)
    assert stored(window) == set()
    qtbot.keyClick(view, "z", Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert stored(window) == {("قصفت", "event")}
    click(qtbot, view, at + 1)
    assert view.selected_span() is not None and view.selected_span().text == "قصفت"
    qtbot.keyClick(view, "4")
    assert stored(window) == {("قصفت", "casualty")}
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert stored(window) == set()
    qtbot.keyClick(view, "z", Qt.KeyboardModifier.ControlModifier)
    assert stored(window) == {("قصفت", "casualty")}
    qtbot.keyClick(view, "z", Qt.KeyboardModifier.ControlModifier)
    assert stored(window) == {("قصفت", "event")}


def test_overlapping_spans_are_both_drawn_and_tab_walks_them(qtbot, window):
    view, text = window.view, window.workspace.document.text
    outer = text.index("مركز الإعلام الأمني العراقي")
    inner = text.index("الإعلام الأمني")
    drag(qtbot, view, outer, outer + len("مركز الإعلام الأمني العراقي"))
    qtbot.keyClick(view, "5")
    drag(qtbot, view, inner, inner + len("الإعلام الأمني"))
    qtbot.keyClick(view, "2")
    depths = {h.span.label: h.depth for h in view.visible_highlights()}
    assert depths == {"source": 0, "place": 1}
    # Both are formats of the paragraph's layout; only the inner one is underlined.
    block = view.document().findBlock(view.mapping.to_qt(outer))
    ranges = sorted((r.start, r.length, r.format.underlineStyle().name) for r in block.layout().formats())
    qt_inner = view.mapping.to_qt(inner) - block.position()
    assert (qt_inner, len("الإعلام الأمني"), "SingleUnderline") in ranges
    assert any(style == "NoUnderline" for _, _, style in ranges)
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert view.selected_span().label == "source"
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert view.selected_span().label == "place"
    assert window.span_table.currentIndex().row() == 1


def test_shift_arrows_move_a_selected_spans_edges_as_one_undo_step(qtbot, window):
    view, text = window.view, window.workspace.document.text
    at = text.index("سوريا")
    drag(qtbot, view, at, at + 5)
    qtbot.keyClick(view, "2")
    view.select_span(window.workspace.spans.at(0))
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)  # left edge moves right: shorter
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert stored(window) == {("سور", "place")}
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier)
    assert stored(window) == {("ل سور", "place")}  # right edge moved right: past the space, never onto it
    qtbot.keyClick(view, "z", Qt.KeyboardModifier.ControlModifier)
    assert stored(window) == {("سوريا", "place")}


def test_find_ignores_hamza_and_labels_the_match(qtbot, window):
    view = window.view
    qtbot.keyClick(view, "f", Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible()
    for char in "الاعلام":  # typed without the hamza
        type_text_key(window.find_bar.edit, char)
    assert len(window.find_bar.matches) >= 1
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Return)
    assert view.hasFocus()
    qtbot.keyClick(view, "5")
    assert stored(window) == {("الإعلام", "source")}


def test_emoji_before_the_selection_keeps_code_point_offsets(qtbot, window):
    open_by_title(window, "b_emoji")
    view, text = window.view, window.workspace.document.text
    at = text.index("مدينة الصدر")
    drag(qtbot, view, at, at + len("مدينة الصدر"))
    qtbot.keyClick(view, "2")
    (span,) = window.workspace.store.spans_for(window.workspace.document.id)
    assert (span.start, span.end, span.text) == (at, at + len("مدينة الصدر"), "مدينة الصدر")


def test_next_document_mark_done_and_reopen(qtbot, window, project):
    view = window.view
    first = window.workspace.document.id
    text = window.workspace.document.text
    at = text.index("سوريا")
    drag(qtbot, view, at, at + 5)
    qtbot.keyClick(view, "2")
    qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.workspace.store.status(first, "alice") == "done"
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert window.workspace.document.id != first
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    assert window.workspace.document.id == first
    window.close()
    # Nothing to save: a new window on the same file shows the span at once.
    again = open_window(qtbot, project)
    assert again.workspace.document.id == first
    assert [(s.text, s.label) for s in again.workspace.spans] == [("سوريا", "place")]
    assert again.documents.rows[0].status == "done"
    with Store.open(project) as store:
        assert len(store.spans_for(first)) == 1


def test_crlf_text_is_kept_and_a_line_end_word_takes_no_part_of_the_break(qtbot, window):
    open_by_title(window, "c_crlf")
    view, text = window.view, window.workspace.document.text
    assert "\r\n" in text  # stored exactly as imported
    word = "بغداد."
    at = text.index(word)
    drag(qtbot, view, at, at + len(word), Qt.KeyboardModifier.AltModifier)  # exact, up to the line end
    qtbot.keyClick(view, "2")
    second = text.index("البصرة")
    drag(qtbot, view, second, second + len("البصرة"))
    qtbot.keyClick(view, "2")
    assert stored(window) == {("بغداد.", "place"), ("البصرة", "place")}


def test_the_same_selection_labelled_twice_is_one_span(qtbot, window):
    view, text = window.view, window.workspace.document.text
    at = text.index("سوريا")
    for _ in range(2):
        drag(qtbot, view, at, at + len("سوريا"))
        qtbot.keyClick(view, "2")
    assert [(s.text, s.label) for s in window.workspace.store.spans_for(window.workspace.document.id)] == [
        ("سوريا", "place")]
    assert "Already labelled place" in window.statusBar().currentMessage()
    drag(qtbot, view, at, at + len("سوريا"))
    qtbot.keyClick(view, "3")  # another label on the same words is another annotation
    assert len(window.workspace.store.spans_for(window.workspace.document.id)) == 2

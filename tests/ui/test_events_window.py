"""Linking events in the window, by keys and the mouse, as an annotator would: E starts an
event from an event span, L then a click links an argument, Ctrl+drag links too, the Events
panel lists the event and unlinks with Delete; every gesture is one undo step and is on disk."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from annotator.core.model import Event
from annotator.store import Store
from annotator.ui.controllers.events import EventsController
from tests.ui.conftest import caret_point, click, drag

WORDS = (("قصفت", "1"), ("سوريا", "2"), ("صباح الخميس", "3"), ("مركز الإعلام الأمني العراقي", "5"))


def label_first_sentence(qtbot, window) -> dict[str, object]:
    view, text = window.view, window.workspace.document.text
    for words, key in WORDS:
        at = text.index(words)
        drag(qtbot, view, at, at + len(words))
        qtbot.keyClick(view, key)
    return {s.text: s for s in window.workspace.spans}


def stored_events(window) -> list[Event]:
    with Store.open(window.workspace.store.path) as store:  # another connection: what is on disk
        return store.events_for(window.workspace.document.id)


def strike_in_syria(qtbot, window):
    """The first sentence labelled, E on قصفت, and a Ctrl+drag linking سوريا as its place."""
    view = window.view
    spans = label_first_sentence(qtbot, window)
    strike, syria = spans["قصفت"], spans["سوريا"]
    click(qtbot, view, strike.start + 1)
    qtbot.keyClick(view, "e")
    ctrl_drag(qtbot, view, strike.start + 1, syria.start + 1)
    return strike, syria


def ctrl_drag(qtbot, view, from_cp: int, to_cp: int) -> None:
    viewport = view.viewport()
    a, b = caret_point(view, from_cp) - QPoint(3, 0), caret_point(view, to_cp) - QPoint(3, 0)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, a)
    qtbot.mouseMove(viewport, b)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, b)


def test_keys_and_clicks_make_an_event_with_its_arguments(qtbot, window, tmp_path):
    view = window.view
    spans = label_first_sentence(qtbot, window)
    strike, syria, thursday, centre = (spans[w] for w, _ in WORDS)

    click(qtbot, view, strike.start + 1)
    assert view.selected_span_id == strike.id
    qtbot.keyClick(view, "e")
    assert [(e.id, e.mentions, e.roles) for e in stored_events(window)] == [("E1", (strike.id,), {})]

    qtbot.keyClick(view, "l")  # link: then a click on the argument
    click(qtbot, view, syria.start + 1)
    qtbot.keyClick(view, "l")
    click(qtbot, view, centre.start + 1)
    ctrl_drag(qtbot, view, strike.start + 1, thursday.start + 1)  # and by dragging from the event
    (event,) = stored_events(window)
    assert event.roles == {"place": (syria.id,), "source": (centre.id,), "date": (thursday.id,)}

    # The panel lists the event with every slot; the chosen event is outlined in the article.
    panel = window.events_panel
    top = panel.topLevelItem(0)
    assert top.text(0) == "E1" and top.text(1) == "قصفت"
    listed = {top.child(i).text(1) for i in range(top.childCount())}
    assert {"قصفت", "سوريا", "صباح الخميس", "مركز الإعلام الأمني العراقي"} <= listed
    assert {m.role for m in view.event_marks} == {"", "المكان", "التاريخ", "المصدر"}
    window.grab().save(str(tmp_path / "events.png"))

    # Delete on the place entry unlinks it; undo links it again; each is on disk at once.
    place_row = next(top.child(i) for i in range(top.childCount()) if top.child(i).text(1) == "سوريا")
    panel.setCurrentItem(place_row)
    panel.setFocus()
    qtbot.keyClick(panel, Qt.Key.Key_Delete)
    assert "place" not in stored_events(window)[0].roles
    window.undo_action.trigger()
    assert stored_events(window)[0].roles["place"] == (syria.id,)


def test_deleting_a_linked_span_unlinks_it_and_undo_links_it_again(qtbot, window):
    view = window.view
    strike, syria = strike_in_syria(qtbot, window)
    click(qtbot, view, syria.start + 1)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert stored_events(window)[0].roles == {}
    window.undo_action.trigger()
    assert stored_events(window)[0].roles == {"place": (syria.id,)}
    # Deleting the event's only mention deletes the event; undo brings both back.
    click(qtbot, view, strike.start + 1)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert stored_events(window) == []
    window.undo_action.trigger()
    assert [(e.mentions, e.roles) for e in stored_events(window)] == [((strike.id,), {"place": (syria.id,)})]
    assert window.events_panel.topLevelItemCount() == 1


def test_a_second_mention_and_escape_cancels_linking(qtbot, window):
    view, text = window.view, window.workspace.document.text
    spans = label_first_sentence(qtbot, window)
    strike = spans["قصفت"]
    at = text.index("تفجيرات")
    drag(qtbot, view, at, at + len("تفجيرات"))
    qtbot.keyClick(view, "1")
    blast = next(s for s in window.workspace.spans if s.text == "تفجيرات")
    click(qtbot, view, strike.start + 1)
    qtbot.keyClick(view, "e")
    click(qtbot, view, blast.start + 1)
    controller: EventsController = window.events_controller
    controller.choose_event("E1")
    qtbot.keyClick(view, "m")
    assert stored_events(window)[0].mentions == (strike.id, blast.id)
    qtbot.keyClick(view, "l")
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    click(qtbot, view, spans["سوريا"].start + 1)
    assert stored_events(window)[0].roles == {}  # the click after Esc only selected
    assert "cancelled" in window.statusBar().currentMessage()


def test_a_value_is_typed_in_the_span_table_and_undone(qtbot, window):
    from PySide6.QtWidgets import QApplication, QLineEdit

    spans = label_first_sentence(qtbot, window)
    thursday = spans["صباح الخميس"]
    model, table = window.span_model, window.span_table
    row = next(r for r in range(model.rowCount()) if model.span_at(r).id == thursday.id)
    cell = model.index(row, model.value_column)
    table.setFocus()
    table.setCurrentIndex(cell)
    qtbot.keyClick(table, Qt.Key.Key_F2)  # edit, as a keyboard user does
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "2018-04-19")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != table.State.EditingState)  # Qt commits on Return, queued
    with Store.open(window.workspace.store.path) as store:
        span = next(s for s in store.spans_for(thursday.document_id) if s.id == thursday.id)
    assert (span.value, span.value_edited) == ({"iso": "2018-04-19"}, True)
    assert model.data(cell).startswith("2018-04-19")
    window.undo_action.trigger()
    with Store.open(window.workspace.store.path) as store:
        span = next(s for s in store.spans_for(thursday.document_id) if s.id == thursday.id)
    assert (span.value, span.value_edited) == (thursday.value, False)
    # Text that is no value is refused in one line, and nothing changes.
    table.setFocus()
    table.setCurrentIndex(cell)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "[1, 2")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != table.State.EditingState)
    assert "Not a value" in window.statusBar().currentMessage()
    # A JSON object that is no date: refused in a line as well, nothing stored.
    table.setFocus()
    table.setCurrentIndex(cell)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, '{"iso": "2018-13-45"}')
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != table.State.EditingState)
    assert "Not a date value" in window.statusBar().currentMessage()
    with Store.open(window.workspace.store.path) as store:
        span = next(s for s in store.spans_for(thursday.document_id) if s.id == thursday.id)
    assert (span.value, span.value_edited) == (thursday.value, False)


def test_the_publication_date_set_in_the_window_dates_yesterday(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    view, text = window.view, window.workspace.document.text
    at = text.index("أمس")
    drag(qtbot, view, at, at + len("أمس"))
    qtbot.keyClick(view, "3")
    (yesterday,) = [s for s in window.workspace.spans if s.text == "أمس"]
    assert yesterday.value is None  # no publication date yet: a relative date is not guessed
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("2018-04-20", True))
    window.published_action.trigger()
    with Store.open(window.workspace.store.path) as store:
        assert store.document(yesterday.document_id).meta["published"] == "2018-04-20"
        assert store.span(yesterday.id).value == {"iso": "2018-04-19"}
    window.undo_action.trigger()
    with Store.open(window.workspace.store.path) as store:
        assert "published" not in store.document(yesterday.document_id).meta
        assert store.span(yesterday.id).value is None


def test_an_ambiguous_place_offers_its_candidates_in_the_span_table(qtbot, window):
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication

    store = window.workspace.store
    document, _ = store.add_document("اشتباكات عنيفة في طرابلس أمس", "tripoli")
    window.open_document(document.id)
    view, text = window.view, document.text
    at = text.index("طرابلس")
    drag(qtbot, view, at, at + len("طرابلس"))
    qtbot.keyClick(view, "2")
    (span,) = window.workspace.spans
    assert span.value["name"] == "Tripoli"  # the best candidate, as the normaliser ranks them
    other = "LB" if span.value["country"] == "LY" else "LY"
    chosen = []

    def choose():
        menu = QApplication.activePopupWidget()
        if menu is None:
            QTimer.singleShot(10, choose)
            return
        action = next(a for a in menu.actions() if f"({other})" in a.text())
        chosen.append(action.text())
        action.trigger()
        menu.close()

    QTimer.singleShot(0, choose)
    table, model = window.span_table, window.span_model
    # What a right-click delivers (QTest's mouse click makes no context-menu event of its own).
    at = table.visualRect(model.index(0, 1)).center()
    QApplication.sendEvent(table.viewport(), QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at,
                                                               table.viewport().mapToGlobal(at)))
    assert chosen
    with Store.open(store.path) as reader:
        stored = reader.span(span.id)
    assert (stored.value["country"], stored.value_edited) == (other, True)
    tip = view.span_tooltip([window.workspace.spans.get(span.id)])
    assert f"Tripoli, {other}" in tip


def test_a_relabelled_span_leaves_the_event_places_it_no_longer_fits_and_undo_puts_it_back(qtbot, window):
    view = window.view
    strike, syria = strike_in_syria(qtbot, window)
    assert stored_events(window)[0].roles == {"place": (syria.id,)}
    click(qtbot, view, syria.start + 1)
    qtbot.keyClick(view, "3")  # سوريا is now a date: no place of E1 any more
    assert stored_events(window)[0].roles == {}
    assert "taken out of E1" in window.statusBar().currentMessage()
    window.undo_action.trigger()
    assert stored_events(window)[0].roles == {"place": (syria.id,)}
    click(qtbot, view, strike.start + 1)
    qtbot.keyClick(view, "2")  # the event's only mention becomes a place: the event goes
    assert stored_events(window) == []
    window.undo_action.trigger()
    assert [(e.mentions, e.roles) for e in stored_events(window)] == [((strike.id,), {"place": (syria.id,)})]


def test_m_never_deletes_another_event_by_taking_its_only_mention(qtbot, window):
    view, text = window.view, window.workspace.document.text
    spans = label_first_sentence(qtbot, window)
    at = text.index("تفجيرات")
    drag(qtbot, view, at, at + len("تفجيرات"))
    qtbot.keyClick(view, "1")
    blast = next(s for s in window.workspace.spans if s.text == "تفجيرات")
    for span in (spans["قصفت"], blast):
        click(qtbot, view, span.start + 1)
        qtbot.keyClick(view, "e")
    window.events_controller.choose_event("E1")
    view.select_span(window.workspace.spans.get(blast.id), scroll=False)
    window.events_controller.choose_event("E1")
    qtbot.keyClick(view, "m")
    assert "only mention of E2" in window.statusBar().currentMessage()
    assert [e.mentions for e in stored_events(window)] == [(spans["قصفت"].id,), (blast.id,)]


def test_shift_a_in_review_accepts_an_annotators_event_into_gold(qtbot, tmp_path, reference_text):
    from annotator.cli import main
    from tests.ui.conftest import open_window

    alice = tmp_path / "alice.db"
    with Store.open(alice) as store:
        document, _ = store.add_document(reference_text, "ref")
        ids = {}
        for words, label in (("قصفت", "event"), ("سوريا", "place"), ("صباح الخميس", "date")):
            at = reference_text.index(words)
            ids[words] = store.create_span(document.id, "alice", label, at, at + len(words)).id
        store.save_event(Event("E1", document.id, "alice", (ids["قصفت"],),
                               {"place": (ids["سوريا"],), "date": (ids["صباح الخميس"],)}))
    db = tmp_path / "review.db"
    assert main(["merge", "--db", str(db), str(alice)]) == 0
    window = open_window(qtbot, db, annotator="rita")
    qtbot.keyClick(window.view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    strike = next(s for s in window.workspace.spans if s.text == "قصفت")
    window.view.select_span(strike)
    qtbot.keyClick(window.view, "l")  # alice's event is alice's: the reviewer links gold events
    assert "is alice's: accept it into gold" in window.statusBar().currentMessage()
    qtbot.keyClick(window.view, Qt.Key.Key_A, Qt.KeyboardModifier.ShiftModifier)
    with Store.open(db) as store:
        gold = {s.id: s.text for s in store.spans_for(document.id, ["gold"])}
        (event,) = store.events_for(document.id, ["gold"])
    assert sorted(gold.values()) == sorted(["قصفت", "سوريا", "صباح الخميس"])
    assert [gold[i] for i in event.mentions] == ["قصفت"]
    assert {role: [gold[i] for i in ids] for role, ids in event.roles.items()} == {
        "place": ["سوريا"], "date": ["صباح الخميس"]}
    window.undo_action.trigger()  # one step: the gold event and its spans
    with Store.open(db) as store:
        assert store.spans_for(document.id, ["gold"]) == [] and store.events_for(document.id, ["gold"]) == []


def test_an_outline_covers_digits_inside_arabic_whole(qtbot, window):
    """24 فبراير: the date's digits run left to right inside right-to-left text; the outline is
    as wide as all the span's glyphs, not just the stretch between its two logical ends."""
    from annotator.ui.event_overlay import span_rects

    view, text = window.view, window.workspace.document.text
    phrase = "24 فبراير/شباط 2017"
    start = text.index(phrase)
    view.scroll_to(start, start + len(phrase))
    (rect,) = span_rects(view, *view.mapping.range_to_qt(start, start + len(phrase)))
    caret_xs = [caret_point(view, cp).x() for cp in range(start, start + len(phrase) + 1)]
    assert rect.left() <= min(caret_xs) + 1 and rect.right() >= max(caret_xs) - 1

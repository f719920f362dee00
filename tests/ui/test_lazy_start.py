"""Start-up leaves out what the first paint does not show (issue 13): the Events panel and its
controller are made on first use. Whatever uses them first gets them made: the Events key, a
span of an event clicked, a Ctrl+drag, a saved layout that shows the Events tab; and the first
idle moment after the article is painted makes them anyway."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt

from annotator.core.model import Event
from annotator.store import Store
from annotator.ui.main_window import MainWindow
from annotator.ui.resources import load_fonts, sample_article_path
from annotator.ui.settings import app_settings
from tests.ui.conftest import click, open_window, type_text_key

ARGUMENTS = (("قصفت", "event"), ("سوريا", "place"), ("صباح الخميس", "date"))


def project_with_an_event(tmp_path):
    """The sample article with قصفت labelled as an event, سوريا linked as its place, and a date
    not linked."""
    db = tmp_path / "events.db"
    with Store.open(db) as store:
        text = sample_article_path().read_text(encoding="utf-8")
        document, _ = store.add_document(text, "sample")
        made = {}
        for words, label in ARGUMENTS:
            at = text.index(words)
            made[label] = store.create_span(document.id, "alice", label, at, at + len(words))
        store.save_event(Event("E1", document.id, "alice", (made["event"].id,), {"place": (made["place"].id,)}))
    return db, made


def unshown_window(qtbot, db) -> MainWindow:
    """A window built and not yet painted: nothing has had a chance to make the Events panel."""
    load_fonts()
    settings = app_settings()
    settings.setValue("annotator", "alice")
    store = Store.open(db)
    window = MainWindow(store, "alice", settings)
    qtbot.addWidget(window)
    window.destroyed.connect(store.close)
    return window


def test_the_events_key_first_thing_shows_the_panel_with_the_document_s_event(qtbot, tmp_path):
    db, _ = project_with_an_event(tmp_path)
    window = unshown_window(qtbot, db)
    assert window.event_records.controller is None and window.events_dock.widget() is None
    window.events_panel_action.trigger()  # Ctrl+Shift+E
    panel = window.events_dock.widget()
    assert panel is window.events_panel and panel.topLevelItemCount() == 1
    assert panel.topLevelItem(0).text(0) == "E1" and panel.topLevelItem(0).text(1) == "قصفت"


def test_the_events_key_pressed_in_a_new_window_opens_the_panel(qtbot, tmp_path):
    db, _ = project_with_an_event(tmp_path)
    window = open_window(qtbot, db)
    window.view.setFocus()
    qtbot.keyClick(window.view, "E", Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.events_dock.isVisible() and window.events_panel.topLevelItemCount() == 1


def test_a_span_of_an_event_chosen_first_thing_outlines_the_event(qtbot, tmp_path):
    db, spans = project_with_an_event(tmp_path)
    window = unshown_window(qtbot, db)
    window.view.select_span(window.workspace.spans.get(spans["place"].id))
    assert window.events_controller.current_id == "E1"
    assert sorted(mark.role for mark in window.view.event_marks) == ["", "المكان"]


def test_the_l_key_first_thing_links_through_the_built_controller(qtbot, tmp_path):
    db, spans = project_with_an_event(tmp_path)
    window = unshown_window(qtbot, db)
    window.link_action.trigger()  # no event chosen yet: said in the status bar, nothing else
    assert "Choose an event first" in window.statusBar().currentMessage()
    assert window.event_records.controller is window.events_controller


class FirstPaint(QObject):
    """Whether the Events controller was there when the article was first painted."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window, self.built = window, []
        window.view.viewport().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint and not self.built:
            self.built.append(self.window.event_records.controller is not None)
        return False


def show_and_paint(qtbot, window: MainWindow) -> bool:
    first_paint = FirstPaint(window)
    window.resize(1300, 900)
    window.show()
    qtbot.waitUntil(lambda: bool(first_paint.built))
    return first_paint.built[0]


def test_a_ctrl_drag_first_thing_links_through_the_built_controller(qtbot, tmp_path):
    db, spans = project_with_an_event(tmp_path)
    window = unshown_window(qtbot, db)
    window.view.linkDragRequested.emit(spans["event"].id, spans["date"].id)  # what the view's Ctrl+drag says
    with Store.open(db) as store:
        (event,) = store.events_for(window.workspace.document.id)
    assert event.roles == {"place": (spans["place"].id,), "date": (spans["date"].id,)}


def test_the_first_paint_leaves_the_panel_to_the_next_idle_moment(qtbot, tmp_path):
    db, _ = project_with_an_event(tmp_path)
    window = unshown_window(qtbot, db)
    assert show_and_paint(qtbot, window) is False  # the article was painted without them
    qtbot.waitUntil(lambda: window.event_records.controller is not None)
    assert window.events_panel.topLevelItemCount() == 1


def test_a_layout_saved_with_the_events_tab_raised_has_the_panel_at_the_first_paint(qtbot, tmp_path):
    db, spans = project_with_an_event(tmp_path)
    first = open_window(qtbot, db, annotator="alice")
    first.events_panel_action.trigger()
    first.close()  # saves the layout
    window = unshown_window(qtbot, db)
    assert show_and_paint(qtbot, window) is True
    assert window.events_dock.isVisible() and window.events_dock.widget() is window.events_panel
    assert window.events_panel.topLevelItemCount() == 1
    click(qtbot, window.view, spans["event"].start + 1)
    assert window.events_controller.current_id == "E1"


def test_ctrl_f_first_thing_opens_the_find_bar_and_finds(qtbot, tmp_path):
    db, spans = project_with_an_event(tmp_path)
    window = open_window(qtbot, db)
    assert not window.find_bar.isVisible() and "edit" not in vars(window.find_bar)  # not made at start-up
    window.view.setFocus()
    qtbot.keyClick(window.view, "f", Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible() and window.find_bar.edit.hasFocus()
    for char in "سوريا":
        type_text_key(window.find_bar.edit, char)
    assert window.find_bar.matches and window.find_bar.count.text() == f"0 of {len(window.find_bar.matches)}"
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Return)
    assert window.view.selection_range() == window.find_bar.matches[0]


def test_the_app_icon_has_every_size_the_desktop_asks_for(qapp):
    from annotator.ui.resources import app_icon

    icon = app_icon()
    assert sorted(size.width() for size in icon.availableSizes()) == [16, 24, 32, 48, 64, 128, 256, 512]
    assert not icon.pixmap(48, 48).isNull()

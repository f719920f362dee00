"""The Events dock, menu and keys, made with the window; the Events panel and controller behind
them (``controllers/events``) made on first use. The first paint shows neither (the dock opens
behind Spans), and importing and building them took 4 ms of a 0.24 s start-up.

First use is whichever comes first: the dock shown, one of the Events keys, a span chosen in the
article (its event is outlined), a Ctrl+drag between spans, ``window.events_controller`` read; or else the
first idle moment after the article's first paint, so that no click waits for them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QDockWidget, QMainWindow

from annotator.ui.window_actions import action, view_action

if TYPE_CHECKING:
    from annotator.ui.controllers.events import EventsController

translate = QCoreApplication.translate


class EventRecords(QObject):
    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self.controller = None  # EventsController, once built
        model, table, operations = window.span_model, window.span_table, window.operations

        def set_value(span_id: str, value: dict | None) -> None:
            _events().set_value(window.workspace, operations, span_id, value)

        model.valueEdited.connect(set_value)
        model.valueRefused.connect(lambda message: operations.tell(message, 8000))
        edit = QAbstractItemView.EditTrigger
        table.setEditTriggers(edit.DoubleClicked | edit.EditKeyPressed)  # only the value column edits
        # In review mode the narrow table needs its room for the text and the agreement: values stay
        # in the tooltips there (and the Events panel).
        def fit_columns() -> None:
            for column in range(model.columnCount()):
                table.setColumnHidden(column, window.workspace.review_mode and column == model.value_column)

        model.modelReset.connect(fit_columns)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(lambda point: _events().place_menu(window, point))

        self.dock = dock = QDockWidget(translate("MainWindow", "Events"), window)
        dock.setObjectName("EventsDock")
        window.addDockWidget(window._side(Qt.DockWidgetArea.LeftDockWidgetArea), dock)
        window.tabifyDockWidget(window.spans_dock, dock)
        window.spans_dock.raise_()
        window.events_dock = dock
        window.new_event_action = view_action(window, translate("Events", "New event from the event span"),
                                              lambda: self.build().new_event(), "E")
        window.add_mention_action = view_action(window, translate("Events", "Add the event span to the chosen event"),
                                                lambda: self.build().add_mention(), "M")
        window.link_action = view_action(window, translate("Events", "Link an argument to the chosen event"),
                                         lambda: self.build().start_linking(), "L")
        window.accept_event_action = view_action(window, translate("Events", "Accept the span's event into gold"),
                                                 lambda: self.build().accept_into_gold(), "Shift+A")
        window.events_panel_action = action(window, translate("Events", "Events panel"), self.show_panel,
                                            "Ctrl+Shift+E")
        window.published_action = action(window, translate("Events", "Publication date…"),
                                         lambda: _events().ask_published(window))
        bar = window.menuBar()
        menu = bar.addMenu(translate("MainWindow", "E&vents"))
        bar.insertMenu(bar.actions()[-2], menu)  # before Help, which stays last
        for made in (window.new_event_action, window.add_mention_action, window.link_action,
                     window.accept_event_action, None,
                     window.published_action, None, window.events_panel_action, dock.toggleViewAction()):
            menu.addSeparator() if made is None else menu.addAction(made)

        # What needs the panel or the controller before it is built builds it (and is passed on).
        dock.visibilityChanged.connect(self._dock_visible)
        window.view.spanSelected.connect(self._span_selected)
        window.view.linkDragRequested.connect(self._link_dragged)
        window.view.viewport().installEventFilter(self)
        from annotator.ui.controllers.suggestions import install_suggestions  # its menu follows this one

        install_suggestions(window)

    def build(self) -> EventsController:
        """The EventsController, its panel in the dock; both made the first time."""
        if self.controller is not None:
            return self.controller
        from annotator.ui.events_panel import EventsPanel

        window = self.window
        window.view.viewport().removeEventFilter(self)
        for signal, slot in ((self.dock.visibilityChanged, self._dock_visible),
                             (window.view.spanSelected, self._span_selected),
                             (window.view.linkDragRequested, self._link_dragged)):
            signal.disconnect(slot)
        panel = EventsPanel(window.workspace, window)
        self.dock.setWidget(panel)
        panel.rebuild()  # the open document's events: its documentOpened came before the panel
        self.controller = _events().EventsController(window.workspace, window.view, panel, window.operations)
        window.events_panel, window.events_controller = panel, self.controller
        return self.controller

    def show_panel(self) -> None:
        self.build()
        self.dock.show()
        self.dock.raise_()
        self.window.events_panel.setFocus()

    def _dock_visible(self, visible: bool) -> None:
        if visible:
            self.build()

    def _span_selected(self, span) -> None:
        if span is not None:  # nothing to outline before then
            self.build()._span_selected(span)

    def _link_dragged(self, from_id: str, to_id: str) -> None:
        self.build().link_by_drag(from_id, to_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:  # the article is on screen: build once the loop is idle
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self.build)
        return False


def built_on_first_use(window: QMainWindow, name: str):
    """The window's ``__getattr__``: reading ``events_controller`` or ``events_panel`` before they
    are made makes them."""
    if name in ("events_controller", "events_panel"):
        window.event_records.build()
        return getattr(window, name)
    raise AttributeError(name)


def _events():
    from annotator.ui.controllers import events

    return events

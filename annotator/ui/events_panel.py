"""The Events panel: every event of the open document with its mentions and role slots,
each slot's spans and their normalised values. Clicking an entry shows its span; Delete
unlinks it (or, on an event's own line, deletes the event)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from annotator.core.model import Event, Role
from annotator.ui.bidi_delegate import BidiDelegate
from annotator.ui.value_text import value_summary
from annotator.ui.workspace import Workspace

# What an entry stands for, kept in its first column's user data: (event id, role, span id);
# role '' is a mention, span id '' the event's own line.
_ENTRY = Qt.ItemDataRole.UserRole


def role_caption(role: Role) -> str:
    """The role's title in the interface's language (a narrow dock has no room for both)."""
    arabic = QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    return (role.title_ar if arabic else role.title_en) or role.name


class EventsPanel(QTreeWidget):
    spanChosen = Signal(str)  # span id
    eventChosen = Signal(str)  # event id
    unlinkRequested = Signal(str, str, str)  # event id, role ('' = a mention), span id
    deleteEventRequested = Signal(str)  # event id

    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.setColumnCount(3)
        self.setHeaderLabels([self.tr("Event / role"), self.tr("Text"), self.tr("Value")])
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformRowHeights(True)
        self.setItemDelegate(BidiDelegate(self))  # Arabic cells right to left, aligned right
        # Role captions whole, the span's text cut (its tooltip has it), the value given the rest.
        header = self.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.setColumnWidth(1, 110)
        self.itemActivated.connect(self._chosen)
        self.itemClicked.connect(self._chosen)
        self.shown: dict[str, Event] = {}  # event id -> the event its entry shows
        workspace.eventsChanged.connect(self.sync)
        workspace.documentOpened.connect(self.rebuild)
        workspace.spanChanged.connect(self._span_changed)

    def rebuild(self, *_: object) -> None:
        self.clear()
        self.shown = {}
        self.sync()

    def sync(self) -> None:
        """Bring the entries in line with the workspace's events, remaking only those of events
        that changed: a link made among 200 events remakes one entry, not 1,200."""
        chosen = self.chosen_entry()
        roles = {role.name: role for role in self.workspace.roles}
        events = self.workspace.events
        several = len({event.annotator for event in events}) > 1
        wanted = [event.id for event in events]
        for event_id in [i for i in self.shown if i not in set(wanted)]:
            self.takeTopLevelItem(self._row_of(event_id))
            del self.shown[event_id]
        for row, event in enumerate(events):
            if self.shown.get(event.id) == event:
                continue
            if event.id in self.shown:
                self.takeTopLevelItem(self._row_of(event.id))
            item = self._event_item(event, roles, several)
            self.insertTopLevelItem(row, item)
            item.setExpanded(True)
            self.shown[event.id] = event
        if chosen is not None:
            self.choose(*chosen)

    def _row_of(self, event_id: str) -> int:
        return next(n for n in range(self.topLevelItemCount()) if self.topLevelItem(n).data(0, _ENTRY)[0] == event_id)

    def _span_changed(self, old, new) -> None:
        """A span's text or value changed: remake the entries of the events that name it."""
        for event_id, event in list(self.shown.items()):
            if old.id in event.mentions or any(old.id in ids for ids in event.roles.values()):
                del self.shown[event_id]
        self.sync()

    def _event_item(self, event: Event, roles: dict[str, Role], several: bool) -> QTreeWidgetItem:
        spans = self.workspace.spans
        mention_texts = [spans.get(i).text for i in event.mentions if spans.get(i) is not None]
        title = f"{event.id} · {event.annotator}" if several else event.id
        item = QTreeWidgetItem([title, " … ".join(mention_texts), ""])
        item.setData(0, _ENTRY, (event.id, "", ""))
        for span_id in event.mentions:
            item.addChild(self._span_item(event.id, "", self.tr("mention"), span_id))
        for name in [*roles, *(r for r in event.roles if r not in roles)]:
            filled = event.roles.get(name, ())
            caption = role_caption(roles[name]) if name in roles else name
            if not filled:
                empty = QTreeWidgetItem([caption, "—", ""])
                empty.setData(0, _ENTRY, (event.id, name, ""))
                empty.setForeground(0, self.palette().placeholderText())
                item.addChild(empty)
            for span_id in filled:
                item.addChild(self._span_item(event.id, name, caption, span_id))
        return item

    def _span_item(self, event_id: str, role: str, caption: str, span_id: str) -> QTreeWidgetItem:
        span = self.workspace.spans.get(span_id)
        text, value = (span.text, value_summary(span.value)) if span is not None else ("?", "")
        item = QTreeWidgetItem([caption, text, value])
        item.setData(0, _ENTRY, (event_id, role, span_id))
        item.setToolTip(1, text)
        item.setToolTip(2, value)  # a narrow dock cuts the column
        return item

    def chosen_entry(self) -> tuple[str, str, str] | None:
        item = self.currentItem()
        return tuple(item.data(0, _ENTRY)) if item is not None else None

    def choose(self, event_id: str, role: str = "", span_id: str = "") -> None:
        """Make the entry current without emitting (the window follows the article's selection)."""
        for number in range(self.topLevelItemCount()):
            top = self.topLevelItem(number)
            if top.data(0, _ENTRY)[0] != event_id:
                continue
            found = top
            for child in range(top.childCount()):
                if tuple(top.child(child).data(0, _ENTRY)) == (event_id, role, span_id):
                    found = top.child(child)
            self.blockSignals(True)
            self.setCurrentItem(found)
            self.blockSignals(False)
            return

    def _chosen(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        event_id, _role, span_id = item.data(0, _ENTRY)
        self.eventChosen.emit(event_id)
        if span_id:
            self.spanChosen.emit(span_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        entry = self.chosen_entry()
        if entry is not None and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            event_id, role, span_id = entry
            if span_id:
                self.unlinkRequested.emit(event_id, role, span_id)
            elif not role:
                self.deleteEventRequested.emit(event_id)
            return
        super().keyPressEvent(event)

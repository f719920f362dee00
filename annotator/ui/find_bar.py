"""Find in the article, ignoring diacritics, tatweel and letter variants (أ/ا, ى/ي, ة/ه)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

from annotator.core import arabic


class FindBar(QWidget):
    matchChosen = Signal(int, int)  # code-point range of the current match
    matchesChanged = Signal(list)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.text = ""
        self._key: arabic.SearchKey | None = None
        self.matches: list[tuple[int, int]] = []
        self.current = -1
        self.hide()  # its field and buttons are made when it first opens: the window starts without them

    def __getattr__(self, name: str):
        if name in ("edit", "count"):  # read before the bar first opened: made now
            self._build()
            return getattr(self, name)
        raise AttributeError(name)

    def _built(self) -> bool:
        return "edit" in self.__dict__

    def _build(self) -> None:
        from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton

        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("Find (ignores diacritics and letter variants)"))
        self.edit.setClearButtonEnabled(True)
        self.edit.textChanged.connect(self._search)
        self.edit.returnPressed.connect(lambda: self.step(1))
        self.edit.installEventFilter(self)
        self.count = QLabel(self)
        previous_button = QToolButton(self, text="▲", toolTip=self.tr("Previous match (Shift+Enter)"))
        next_button = QToolButton(self, text="▼", toolTip=self.tr("Next match (Enter)"))
        close_button = QToolButton(self, text="✕", toolTip=self.tr("Close (Esc)"))
        previous_button.clicked.connect(lambda: self.step(-1))
        next_button.clicked.connect(lambda: self.step(1))
        close_button.clicked.connect(self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        for widget in (self.edit, self.count, previous_button, next_button, close_button):
            layout.addWidget(widget)

    def set_text(self, text: str) -> None:
        self.text = text
        self._key = None  # built on first search, once per document
        self._search(self.edit.text() if self._built() else "")

    def open_bar(self) -> None:
        edit = self.edit
        self.show()
        edit.setFocus()
        edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.matches, self.current = [], -1
        self.matchesChanged.emit([])
        self.closed.emit()

    def _search(self, query: str) -> None:
        if not query:  # opening a document with the bar empty builds no key (start-up pays nothing)
            self.matches, self.current = [], -1
            self._show_count()
            self.matchesChanged.emit(self.matches)
            return
        if self._key is None and self.text:
            self._key = arabic.search_key(self.text)
        self.matches = arabic.find_all(self.text, query, self._key) if self.text else []
        self.current = -1
        self._show_count()
        self.matchesChanged.emit(self.matches)

    def _show_count(self) -> None:
        if not self._built():
            return
        if not self.edit.text():
            self.count.setText("")
        elif not self.matches:
            self.count.setText(self.tr("no match"))
        else:
            self.count.setText(self.tr("%1 of %2").replace("%1", str(self.current + 1))
                               .replace("%2", str(len(self.matches))))

    def step(self, direction: int) -> None:
        if not self.matches:
            return
        self.current = (self.current + direction) % len(self.matches)
        self._show_count()
        self.matchChosen.emit(*self.matches[self.current])

    def eventFilter(self, obj, event) -> bool:
        if obj is self.edit and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            shifted = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and shifted:
                self.step(-1)
                return True
        return super().eventFilter(obj, event)

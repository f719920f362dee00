"""Cyclic garbage collection on the UI thread only.

Python collects in whichever thread trips the allocation threshold. Tripped in a worker (an
import on the operations' worker, the normalisers warming up), a collection finalises the UI
thread's Qt wrappers caught in cycles from the wrong thread: the test suite crashed that way,
2 runs of 3. So automatic collection is off, and a timer on the UI thread collects instead, a
generation at a time as Python itself would by its thresholds (the pattern of calibre and
pyqtgraph's GarbageCollector)."""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 250

_collector: QObject | None = None


class _Collector(QObject):
    def __init__(self, parent: QObject):
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(INTERVAL_MS)

    def check(self) -> None:
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self.thresholds[generation]:
                gc.collect(generation)
                return


def collect_on_the_ui_thread(app: QObject) -> None:
    """Turn automatic collection off and collect from the application's thread (once)."""
    global _collector
    if _collector is None:
        gc.disable()
        _collector = _Collector(app)

"""Load the normalisers (and the gazetteer's index, 0.2 s) while the window waits for its
first gesture, so the first span labelled is not the one that pays for them."""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication

from annotator.core.model import Document, Span
from annotator.ui.main_thread_gc import collect_on_the_ui_thread

_started = threading.Event()


def _load() -> None:
    from annotator.normalise.values import compute_values

    text = "قصف على مدينة الصدر أمس أسفر عن مقتل 5"
    sample = Document(0, "", text, "", meta={"published": "2018-06-07"})
    compute_values(sample, [Span("p", 0, "", "place", 9, 19, "مدينة الصدر"), Span("d", 0, "", "date", 20, 23, "أمس"),
                            Span("c", 0, "", "casualty", 30, 38, "مقتل 5")])


def warm_normalisers() -> None:
    """Once per process, on a plain thread (the UI thread alone collects: ``main_thread_gc``)."""
    if _started.is_set():
        return
    _started.set()
    collect_on_the_ui_thread(QCoreApplication.instance())
    threading.Thread(target=_load, name="warm normalisers", daemon=True).start()

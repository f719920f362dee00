"""A labelling process for the durability tests: it labels words of a document one after
another and prints each span's id once the call that stored it has returned (the moment
the user would see it on screen). ``--gui`` labels through the real window, offscreen.

    python -m tests.store.labelling_worker DB DOCUMENT_ID COUNT ANNOTATOR [--gui]
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path


def words(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"\w+", text)]


def label_with_store(db: Path, document_id: int, count: int, annotator: str) -> None:
    from annotator.store import Store

    with Store.open(db) as store:
        spots = words(store.document_text(document_id))
        for i in range(count):
            start, end = spots[i % len(spots)]
            span = store.create_span(document_id, annotator, ("event", "place", "date")[i % 3], start, end)
            print(span.id, flush=True)


def label_with_window(db: Path, document_id: int, count: int, annotator: str) -> None:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    import tempfile

    from PySide6.QtCore import QSettings
    from PySide6.QtTest import QTest

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    from annotator.store import Store
    from annotator.ui.app import ensure_app
    from annotator.ui.main_window import MainWindow
    from annotator.ui.settings import app_settings

    app = ensure_app()
    store = Store.open(db)
    window = MainWindow(store, annotator, app_settings())
    window.show()
    window.open_document(document_id)
    app.processEvents()
    spots = words(window.workspace.document.text)
    for i in range(count):
        start, end = spots[i % len(spots)]
        window.view.select_range(start, end)
        QTest.keyClick(window.view, "123"[i % 3])
        print(window.workspace.undo_stack.command(window.workspace.undo_stack.count() - 1).span.id, flush=True)


if __name__ == "__main__":
    db, document_id, count, annotator = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    (label_with_window if "--gui" in sys.argv else label_with_store)(db, document_id, count, annotator)

"""Effort (issue 15): actions per gold span to label the reference article through the real
widgets, with suggestions and by hand (tests/data/suggest-gold, the article's 49 spans).

By hand, each span is a mouse drag (Alt held where a span edge falls inside a word) and a label
key: 2 actions; a drag that snapped elsewhere is undone and made again: 3 more. With
suggestions, F6 once, then on each suggestion in turn Enter (right), a label key (right edges,
wrong label) or Backspace (not in the gold): 1 action each; the gold spans no suggestion had are
then labelled by hand as above. Keys and drags go through QTest to the window as a user's do."""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
SOURCE = "articles/000_dd904abe3b3d7368.txt"
ANNOTATOR = "effort"
WAIT_S = 60  # the first suggestions of a process read the gazetteer


def gold() -> dict[tuple[int, int], str]:
    rows = [json.loads(line) for line in (DATA / "suggest-gold" / "gold.jsonl").read_text("utf-8").splitlines()]
    return {(r["start"], r["end"]): r["label"] for r in rows if r["source"] == SOURCE}


def _wait_until(condition, seconds: float = WAIT_S) -> None:
    from PySide6.QtCore import QCoreApplication, QEventLoop

    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get there in time")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def _point(view, cp: int):
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QTextCursor

    cursor = QTextCursor(view.document())
    cursor.setPosition(view.mapping.to_qt(cp))
    rect = view.cursorRect(cursor)
    return QPoint(rect.x(), rect.center().y())


def _drag(view, start: int, end: int, alt: bool) -> None:
    """From just inside the first letter to just inside the last, right to left, as in Arabic."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    modifier = Qt.KeyboardModifier.AltModifier if alt else Qt.KeyboardModifier.NoModifier
    a, b = _point(view, start), _point(view, end)
    a.setX(a.x() - 1)
    b.setX(b.x() + 1)
    QTest.mousePress(view.viewport(), Qt.MouseButton.LeftButton, modifier, a)
    QTest.mouseMove(view.viewport(), b)
    QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, modifier, b)


def by_hand(window, spans: dict[tuple[int, int], str]) -> tuple[int, int]:
    """(actions, drags that missed) to label ``spans`` with drags and label keys."""
    from PySide6.QtTest import QTest

    view, text = window.view, window.workspace.document.text
    keys = {label.name: label.key for label in window.workspace.labels}
    actions = missed = 0
    for (start, end), label in sorted(spans.items()):
        view.select_span(None)
        view.scroll_to(start, end)
        on_word_edges = ((start == 0 or not text[start - 1].isalpha())
                         and (end == len(text) or not text[end].isalpha()))
        _drag(view, start, end, alt=not on_word_edges)
        QTest.keyClicks(view, keys[label])
        actions += 2
        made = view.selected_span()
        if made is None or (made.start, made.end, made.label) != (start, end, label):
            missed += 1
            if made is not None:
                window.undo_action.trigger()
            view.select_range(start, end)
            view.snap_selection(exact=True)
            QTest.keyClicks(view, keys[label])
            actions += 3
    return actions, missed


def _mine(window) -> dict[tuple[int, int], str]:
    store, document = window.workspace.store, window.workspace.document
    return {(s.start, s.end): s.label for s in store.spans_for(document.id, [ANNOTATOR])}


def with_suggestions(window, wanted: dict[tuple[int, int], str]) -> dict[str, int]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    offered, view = window.suggestions, window.view
    keys = {label.name: label.key for label in window.workspace.labels}
    _wait_until(lambda: bool(offered.shown))
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_F6)
    tally = {"actions": 1, "accepted": 0, "relabelled": 0, "rejected": 0}
    while offered.selected() is not None:
        chosen = offered.selected()
        right = wanted.get((chosen.start, chosen.end))
        if right == chosen.label:
            QTest.keyClick(view, Qt.Key.Key_Return)
            tally["accepted"] += 1
        elif right is not None:
            QTest.keyClicks(view, keys[right])
            tally["relabelled"] += 1
        else:
            QTest.keyClick(view, Qt.Key.Key_Backspace)
            tally["rejected"] += 1
        tally["actions"] += 1
    left = {edges: label for edges, label in wanted.items() if edges not in _mine(window)}
    hand, tally["missed"] = by_hand(window, left)
    tally["actions"] += hand
    tally["by_hand"] = len(left)
    return tally


def measure() -> dict[str, float]:
    from PySide6.QtCore import QSettings

    from annotator.formats.importer import import_paths
    from annotator.store import Store
    from annotator.ui.app import ensure_app
    from annotator.ui.main_window import MainWindow
    from annotator.ui.resources import load_fonts
    from annotator.ui.settings import app_settings

    wanted = gold()
    with tempfile.TemporaryDirectory() as tmp:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        ensure_app()
        load_fonts()
        db = Path(tmp) / "effort.db"
        with Store.open(db) as store:
            import_paths(store, [DATA / SOURCE], annotator=ANNOTATOR)
        store = Store.open(db)
        window = MainWindow(store, ANNOTATOR, app_settings())
        window.resize(1300, 900)
        window.show()
        window.activateWindow()
        _wait_until(window.isActiveWindow, 5)  # the window's shortcuts (F6) need it active
        helped = with_suggestions(window, wanted)
        assert _mine(window) == wanted, "with suggestions, the article ended labelled as the gold"
        for span in store.spans_for(window.workspace.document.id, [ANNOTATOR]):
            store.delete_span(span.id)
        window.open_document(window.workspace.document.id)
        window.hide_suggestions_action.trigger()
        hand, missed = by_hand(window, wanted)
        assert _mine(window) == wanted, "by hand, the article ended labelled as the gold"
        window.close()
        store.close()
    return {"gold": len(wanted), "with": helped["actions"] / len(wanted), "without": hand / len(wanted),
            **{f"with_{k}": v for k, v in helped.items()}, "without_missed": missed}


def run() -> list[dict]:
    m = measure()
    return [{"figure": f"effort, actions per gold span, reference article ({m['gold']} spans)",
             "value": round(m["with"], 2), "baseline": round(m["without"], 2),
             "ratio": round(m["with"] / m["without"], 2), "target": "fewer with suggestions",
             "baseline_is": "the same article labelled by hand (drag + label key)",
             "detail": {k: v for k, v in m.items() if k.startswith(("with_", "without_"))}}]


if __name__ == "__main__":
    for row in run():
        print(row)

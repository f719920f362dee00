"""Review speed (issue: review): agreement for 3 annotators over 1,000 documents with 50
spans each (target < 5 s), and opening the review view of a document with 3 annotators
and 500 spans each (target < 0.5 s)."""

from __future__ import annotations

import random
import re
import tempfile
import time
from pathlib import Path

from bench import REFERENCE

LABELS = ("event", "place", "date", "casualty", "source")
ANNOTATORS = ("alice", "bob", "carol")


def project(path: Path, documents: int, spans_each: int, length: int = 1100):
    from annotator.core.model import Span, new_span_id
    from annotator.store import Store

    base = REFERENCE.read_text(encoding="utf-8")
    rng = random.Random(5)
    store = Store.open(path)
    with store.transaction():
        for n in range(documents):
            start = rng.randrange(0, max(1, len(base) - length))
            text = f"{n} " + (base * (1 + length // len(base)))[start:start + length]
            doc, _ = store.add_document(text, f"doc {n}")
            words = [(m.start(), m.end()) for m in re.finditer(r"\w+", text)]
            chosen = rng.sample(words, min(spans_each, len(words)))
            for annotator in ANNOTATORS:
                store.insert_checked_spans(Span(new_span_id(), doc.id, annotator,
                                     LABELS[i % 5] if rng.random() > 0.15 else rng.choice(LABELS), a, b, text[a:b])
                                for i, (a, b) in enumerate(chosen) if rng.random() > 0.1)
    return store


def run() -> list[dict]:
    from annotator.review.agreement import agreement

    results = []
    with tempfile.TemporaryDirectory() as tmp:
        with project(Path(tmp) / "corpus.db", 1000, 50) as store:
            t0 = time.perf_counter()
            rows = agreement(store, list(ANNOTATORS))
            seconds = time.perf_counter() - t0
        results.append({"figure": f"agreement, 3 annotators x 1,000 documents x 50 spans, {len(rows)} figures (s)",
                        "value": round(seconds, 2), "baseline": 5.0, "ratio": round(seconds / 5.0, 2),
                        "target": "< 5 s", "baseline_is": "the target"})
        from PySide6.QtWidgets import QApplication

        from annotator.ui.main_window import MainWindow
        from annotator.ui.settings import app_settings

        with project(Path(tmp) / "dense.db", 1, 500, length=20_000) as store:
            window = MainWindow(store, "reviewer", app_settings())
            window.resize(1300, 900)
            window.show()
            QApplication.processEvents()
            t0 = time.perf_counter()
            window.review_action.trigger()
            window.repaint()
            seconds = time.perf_counter() - t0
            spans = len(window.workspace.spans)
            window.close()
        results.append({"figure": f"open the review view, 3 annotators, {spans} spans (s)", "value": round(seconds, 3),
                        "baseline": 0.5, "ratio": round(seconds / 0.5, 2), "target": "< 0.5 s",
                        "baseline_is": "the target"})
    return results


if __name__ == "__main__":
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings

    from annotator.ui.app import ensure_app

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    ensure_app()
    for row in run():
        print(row)

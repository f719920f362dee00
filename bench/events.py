"""Linking speed (issue 14: a linking action stays under 16 ms at 1,000 spans and 200 events).

One document of 20,000 characters with 1,000 spans and 200 events of 1-3 arguments each. The
action: link one more argument to an event, or take it out again, alternately:
- through the window: the undo command the linking gestures push (ChangeEventsCommand),
  from the call to the event stored, the workspace's events re-read, every view told, and the
  viewport repainted;
- the store alone: ``save_event``, the baseline.

    python -m bench.events
"""

from __future__ import annotations

import os
import random
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.workspace import project, window_for  # noqa: E402

SPANS, EVENTS, TRIALS = 1_000, 200, 80
ROLES = ("place", "date", "casualty", "source")


def project_with_events(folder: Path):
    from annotator.core.model import Event

    store, document_id = project(folder, 20_000, SPANS, "linking")
    spans = store.spans_for(document_id)
    rng = random.Random(11)
    rng.shuffle(spans)
    # An event is mentioned by event spans, and each role takes spans of its own label.
    mentions = [store.update_span(s.id, label="event") for s in spans[:EVENTS]]
    others = [s for s in spans[EVENTS:] if s.label in ROLES]
    events = []
    for number, mention in enumerate(mentions, 1):
        chosen = rng.sample(others, rng.randint(1, 3))
        roles: dict[str, tuple[str, ...]] = {}
        for span in chosen:
            roles[span.label] = (*roles.get(span.label, ()), span.id)
        events.append(Event(f"E{number}", document_id, "bench", (mention.id,), roles))
    store.insert_events(events)
    return store, document_id, [s for s in others if s.label == "source"]  # what a toggle links as a source


def _toggled(event, span_id: str):
    """The event with ``span_id`` as one more source, or without it if it is one."""
    sources = event.roles.get("source", ())
    if span_id in sources:
        kept = tuple(s for s in sources if s != span_id)
        roles = {r: ids for r, ids in event.roles.items() if r != "source"} | ({"source": kept} if kept else {})
    else:
        roles = {**event.roles, "source": (*sources, span_id)}
    return event._replace(roles=roles)


def store_latency(folder: Path) -> float:
    store, document_id, others = project_with_events(folder)
    assert len(store.spans_for(document_id)) == SPANS and len(store.events_for(document_id)) == EVENTS
    rng = random.Random(3)
    times = []
    for i in range(TRIALS):
        event = store.event(document_id, f"E{1 + i % EVENTS}")
        changed = _toggled(event, rng.choice(others).id)
        t0 = time.perf_counter()
        store.save_event(changed)
        times.append((time.perf_counter() - t0) * 1000)
    store.close()
    return statistics.median(times)


def window_latency(folder: Path) -> float:
    from PySide6.QtWidgets import QApplication

    from annotator.ui.record_commands import ChangeEventsCommand

    store, document_id, others = project_with_events(folder)
    window = window_for(store)
    QApplication.processEvents()
    workspace = window.workspace
    assert len(workspace.events) == EVENTS
    rng = random.Random(3)
    times = []
    for i in range(TRIALS):
        event = next(e for e in workspace.events if e.id == f"E{1 + i % EVENTS}")
        changed = _toggled(event, rng.choice(others).id)
        t0 = time.perf_counter()
        ChangeEventsCommand(workspace, [event], [changed], "link").run_and_push()
        window.view.viewport().repaint()
        times.append((time.perf_counter() - t0) * 1000)
    assert workspace.undo_stack.count() == TRIALS
    window.close()
    store.close()
    return statistics.median(times)


def run() -> list[dict]:
    from PySide6.QtCore import QSettings

    from annotator.ui.app import ensure_app

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        ensure_app()
        alone = store_latency(folder / "store")
        shown = window_latency(folder / "window")
    return [{"figure": f"linking action, {SPANS:,} spans + {EVENTS} events (ms, median)", "value": round(shown, 2),
             "baseline": round(alone, 2), "ratio": round(shown / alone, 2), "target": "< 16 ms",
             "baseline_is": "the store's save_event alone"}]


if __name__ == "__main__":
    for row in run():
        print(row)

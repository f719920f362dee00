"""Cyclic garbage is collected on the UI thread only, never by a worker that allocates."""

from __future__ import annotations

import gc
import threading

from annotator.ui.main_thread_gc import collect_on_the_ui_thread


class Cycle:
    def __init__(self):
        self.me = self


def test_workers_never_collect_and_the_ui_thread_does(qtbot, qapp):
    collect_on_the_ui_thread(qapp)
    assert not gc.isenabled()
    threads: list[str] = []

    def seen(phase, info):
        if phase == "start":
            threads.append(threading.current_thread().name)

    gc.callbacks.append(seen)
    try:
        def allocate():
            for _ in range(50_000):
                Cycle()

        worker = threading.Thread(target=allocate, name="worker")
        worker.start()
        worker.join()
        assert "worker" not in threads and gc.get_count()[0] > gc.get_threshold()[0]
        qtbot.waitUntil(lambda: bool(threads), timeout=2000)  # the timer's collection, on this thread
        assert set(threads) == {threading.main_thread().name}
    finally:
        gc.callbacks.remove(seen)

"""Cyclic garbage collection paused while another thread runs Python beside the UI thread.

A collection can start in whichever thread allocates; started in a worker, it finalises the
UI thread's Qt wrappers from there, which crashed the process (seen in the test suite, 2 runs
of 3, while the operations' worker was in SQLite). Reference counting goes on; pauses nest."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_pauses = 0
_was_enabled = False


def pause() -> None:
    global _pauses, _was_enabled
    with _lock:
        if _pauses == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pauses += 1


def resume() -> None:
    global _pauses
    with _lock:
        _pauses -= 1
        if _pauses == 0 and _was_enabled:
            gc.enable()


@contextmanager
def collection_paused() -> Iterator[None]:
    pause()
    try:
        yield
    finally:
        resume()

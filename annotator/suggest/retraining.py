"""Training an annotator's model in a process of its own, for the window.

CRFsuite trains in C without releasing Python's interpreter lock, for seconds to minutes on a
large project: on a thread of the window's process it would stop the window between its
iterations. A child process at the lowest CPU priority leaves the window every core it wants,
can be stopped at any moment (the model is written in one transaction at the end, so a stop
stores nothing), and opens the project itself, as any second program may."""

from __future__ import annotations

import multiprocessing
import os
import sys
from pathlib import Path

NOTHING_TO_LEARN = 3  # the child's exit status when the annotator has no span to learn from
FAILED = 1


def train_in_child(path: str, annotator: str) -> None:
    """The child's work: the project's model of ``annotator``, trained and stored unless the one
    stored already learned from what they have labelled now."""
    try:
        os.nice(19)  # behind the window, and behind everyone else's work
    except (AttributeError, OSError):  # no niceness on Windows: the child's priority stays the parent's
        pass
    from annotator.store import OpenMode, open_store
    from annotator.suggest.learned import NothingToLearn, learned_model

    try:
        with open_store(Path(path), OpenMode.WRITE) as store:
            learned_model(store, annotator)
    except NothingToLearn:
        sys.exit(NOTHING_TO_LEARN)


def start(path: Path, annotator: str) -> multiprocessing.Process:
    """A child process training ``annotator``'s model of the project at ``path``, started.
    Spawned, not forked: a fork of a process running Qt's threads may hang in the child."""
    process = multiprocessing.get_context("spawn").Process(
        target=train_in_child, args=(str(path), annotator), name="annotator-retraining", daemon=True)
    process.start()
    return process

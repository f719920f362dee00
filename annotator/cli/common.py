"""What every command shares: opening the project, user errors, progress on a terminal."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO

from annotator.core.errors import AnnotatorError
from annotator.store import (
    OpenMode,
    ProjectStore,
    default_db_path,
    open_store,
)


class UserError(AnnotatorError):
    """A mistake in what the user asked for: reported in one line, no traceback."""


def default_annotator() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (some containers): still label under a name
        return "annotator"


def open_project(args: argparse.Namespace, mode: OpenMode = OpenMode.WRITE) -> ProjectStore:
    """The project named by ``--db``. Only import and merge (its target) may create one
    (OpenMode.CREATE); a reading command opens it read-only (OpenMode.READ)."""
    store = open_store(args.db or default_db_path(), mode)
    if store.safety_copy is not None:
        print(f"annotator: {store.path} was made by an older Annotator (schema {store.upgraded_from}); a copy of "
              f"it as it was is kept in {store.safety_copy}", file=sys.stderr)
    said: list[str] = []

    def say_once(message: str) -> None:
        if not said:
            said.append(message)
            print(f"annotator: {message}", file=sys.stderr, flush=True)

    store.on_wait = say_once
    return store


def refuse_unreadable(store: ProjectStore, names: list[str] | None) -> None:
    """On a server, a login naming spans its role may not read is refused in one line (row-level
    security would quietly give none of them, and the command would report nothing found)."""
    if store.login is None or not names:
        return
    from annotator.store.server.reading_rights import reading_refusal

    refusal = reading_refusal(store, names)
    if refusal is not None:
        raise UserError(refusal)


def refuse_unless_suggesting(store: ProjectStore) -> None:
    """On a server, a login that may not store suggestions is refused before any work is done."""
    if store.login is None:
        return
    from annotator.store.server.reading_rights import suggesting_refusal

    refusal = suggesting_refusal(store)
    if refusal is not None:
        raise UserError(refusal)


def progress_printer(stream: IO[str], every: int = 1) -> Callable[..., None] | None:
    """A progress bar redrawn on one terminal line (every ``every`` items, and at the end),
    with the file being read when there is one; None when ``stream`` is not a terminal."""
    if not stream.isatty():
        return None

    def show(done: int, total: int, path: Path | None = None) -> None:
        if done % every and done != total:
            return
        width = 30
        filled = width * done // max(total, 1)
        name = f" {path.name[:40]:<40}" if path is not None else ""
        stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}{name}")
        if done == total:
            stream.write("\n")
        stream.flush()

    return show


# -- commands --------------------------------------------------------------------


def show_list(title: str, lines: list[str], verbose: bool, limit: int = 10) -> None:
    if not lines:
        return
    print(f"{title}: {len(lines)}", file=sys.stderr)
    for line in lines if verbose else lines[:limit]:
        print(f"  {line}", file=sys.stderr)
    if not verbose and len(lines) > limit:
        print(f"  … and {len(lines) - limit} more (--verbose lists them all)", file=sys.stderr)

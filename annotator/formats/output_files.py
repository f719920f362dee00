"""Writing an output file or folder so that a failed write leaves the old one as it was.

The writer works on a staging path in a private folder beside the target (same file system,
so the final move is a rename), creating its files itself: they get the mode the umask
gives, as any other program's output would (``mkstemp``'s 0600 would hide an export from the
rest of the team). Only when the writer returns is the result moved onto the target.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO


@contextmanager
def replaced_on_success(target: Path) -> Iterator[Path]:
    """Yield a path to write a file or a folder at; on success it replaces ``target``.

    A folder replacing an existing folder is moved in entry by entry (files of the same
    name replaced, others left alone): ``target`` may be a folder the user keeps other
    things in, which must never be deleted wholesale."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent))
    try:
        staged = staging / target.name
        yield staged
        if staged.is_dir():
            if target.is_dir():
                _move_into(staged, target)
            else:
                os.replace(staged, target)
        elif staged.exists():
            if target.is_dir():
                raise IsADirectoryError(f"{target}: is a folder; give a file name")
            os.replace(staged, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _move_into(source: Path, target: Path) -> None:
    for entry in source.iterdir():
        destination = target / entry.name
        if entry.is_dir() and destination.is_dir():
            _move_into(entry, destination)
        else:
            os.replace(entry, destination)


def write_text_replacing(target: Path, text: str, encoding: str = "utf-8") -> None:
    """``target.write_text(text)``, replacing the old file only once the new one is whole."""
    with replaced_on_success(target) as staged:
        staged.write_text(text, encoding=encoding, newline="")


def write_stream_replacing(target: Path, encoding: str, write: Callable[[IO[str]], int]) -> int:
    """``write`` to a text stream beside ``target``, moved into place only when complete, so
    a failed export never leaves half a file where a good one was."""
    with replaced_on_success(target) as staged, staged.open("w", encoding=encoding, newline="") as stream:
        return write(stream)

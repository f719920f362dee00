"""One progress printer serves import (a bar and the file being read) and export (a bar every
100 documents); it prints nothing when standard error is not a terminal."""

from __future__ import annotations

import io
from pathlib import Path

from annotator.cli import progress_printer


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_no_progress_when_the_stream_is_not_a_terminal():
    assert progress_printer(io.StringIO()) is None


def test_import_progress_names_the_file_and_ends_the_line():
    stream = Terminal()
    show = progress_printer(stream)
    show(1, 2, Path("folder/first.txt"))
    show(2, 2, Path("second.txt"))
    first, second = stream.getvalue().split("\r")[1:]
    assert first.startswith("[" + "#" * 15 + "." * 15 + "] 1/2 first.txt")
    assert second.startswith("[" + "#" * 30 + "] 2/2 second.txt") and second.endswith("\n")


def test_export_progress_is_redrawn_every_hundred_documents_and_at_the_end():
    stream = Terminal()
    show = progress_printer(stream, every=100)
    for done in range(1, 251):
        show(done, 250)
    lines = stream.getvalue().split("\r")[1:]
    assert [line.split("] ")[1].strip() for line in lines] == ["100/250", "200/250", "250/250"]
    assert lines[-1].endswith("\n")

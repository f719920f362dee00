"""Every interchange format, one line each. Adding a format is a module declaring
``FORMAT = FileFormat(...)`` and one line here; import, export, the command line's
``--format``, auto-detection, the window's menus and the README's table follow from it.

The order is the order of the command line's choices and of the window's Export menu.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from annotator.formats import (
    brat,
    conll,
    csv_table,
    doccano,
    hf,
    incidents,
    jsonl,
    labelstudio,
    plaintext,
    spacy_format,
)
from annotator.formats.spec import FileFormat

FORMATS: dict[str, FileFormat] = {}

AUTO = "auto"  # --format's default: each file's format is recognised (detection.py)


def register(fmt: FileFormat) -> FileFormat:
    if fmt.name in FORMATS or fmt.name == AUTO:
        raise ValueError(f"a format called {fmt.name!r} is already registered")
    FORMATS[fmt.name] = fmt
    return fmt


register(plaintext.FORMAT)
register(jsonl.FORMAT)
register(csv_table.FORMAT)
register(conll.FORMAT)
register(spacy_format.FORMAT)
register(hf.FORMAT)
register(doccano.FORMAT)
register(labelstudio.FORMAT)
register(brat.FORMAT)
register(incidents.FORMAT)

# What no format recognises is read as plain text.
FALLBACK = plaintext.FORMAT


class _Registered(Mapping[str, FileFormat]):
    """The registered formats that pass a test, by name, in registry order; live, so a
    format registered later (a plug-in, a test) is seen everywhere."""

    def __init__(self, wanted: Callable[[FileFormat], bool]):
        self._wanted = wanted

    def __getitem__(self, name: str) -> FileFormat:
        fmt = FORMATS[name]
        if not self._wanted(fmt):
            raise KeyError(name)
        return fmt

    def __iter__(self) -> Iterator[str]:
        return (name for name, fmt in FORMATS.items() if self._wanted(fmt))

    def __len__(self) -> int:
        return sum(1 for _ in self)


IMPORTERS: Mapping[str, FileFormat] = _Registered(lambda fmt: fmt.can_import)
EXPORTERS: Mapping[str, FileFormat] = _Registered(lambda fmt: fmt.can_export)


def import_choices() -> list[str]:
    return [AUTO, *IMPORTERS]


def export_choices() -> list[str]:
    return list(EXPORTERS)

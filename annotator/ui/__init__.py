"""The Qt user interface: thin, calling the layers below. The only package that imports Qt."""

import gc
import sys

import PySide6.QtCore  # noqa: F401 (PySide's import hook is in place once this is imported)

# Automatic cyclic collection is off in the UI: a timer on the UI thread collects instead, once
# the application exists (main_thread_gc). It is off from the UI's first import: start-up makes
# a few hundred thousand long-lived objects (Qt's enums, these modules) and frees almost none,
# and the collections it tripped meanwhile scanned them all for nothing (4 ms of start-up).
gc.disable()


def _read_module_sources_faster() -> None:
    """PySide reads the source of every module imported after it, through ``inspect.getsource``
    (linecache, tokenize), only to see whether the text "PySide6" is in it: its ``__feature__``
    switches apply in the modules that name it. The file's bytes give the same answer in a fraction
    of the time; start-up imports some 110 modules after PySide, and their reading took 8 ms of it.
    Anything but a ``.py`` file still goes to PySide's own reading; a PySide without it is left alone."""
    feature = sys.modules.get("shibokensupport.feature")
    read = getattr(feature, "_mod_uses_pyside", None)
    if read is None or getattr(read, "reads_bytes", False):
        return

    def uses_pyside(module) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return read(module)
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return read(module)

    uses_pyside.reads_bytes, uses_pyside.pyside_reading = True, read
    feature._mod_uses_pyside = uses_pyside


_read_module_sources_faster()

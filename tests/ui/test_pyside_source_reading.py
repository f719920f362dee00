"""PySide's scan of each imported module's source, done by reading the file's bytes (a start-up
cost, issue 13): for every module loaded, the same answer as PySide's own reading."""

from __future__ import annotations

import sys

import annotator.ui  # noqa: F401 (puts the faster reading in place)


def test_reading_the_bytes_answers_as_pyside_s_own_reading_for_every_loaded_module():
    import annotator.ui.app  # noqa: F401 (the whole window's modules, Qt's and the standard library's)

    feature = sys.modules["shibokensupport.feature"]
    ours = feature._mod_uses_pyside
    assert ours.reads_bytes
    modules = [m for m in list(sys.modules.values()) if m is not None]
    answers = {m.__name__: ours(m) for m in modules}
    assert answers == {m.__name__: ours.pyside_reading(m) for m in modules}
    assert answers["annotator.ui.main_window"] and not answers["annotator.core.model"]
    assert sum(answers.values()) > 20  # the UI's modules name PySide6; most others do not


"""Standing rules of the code base, as failing tests rather than wishes."""

import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_layers_point_downward_and_only_the_ui_imports_qt():
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    result = subprocess.run([lint], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 2 kept, 0 broken" in result.stdout


def test_pyside_does_not_abort_after_many_calls_returning_nothing():
    """PySide6 6.12.0 on CPython 3.11 aborts (none_dealloc) after a few thousand such calls;
    pyproject.toml keeps that pairing out. This loop is the regression check."""
    code = (
        "from PySide6.QtCore import QPoint\n"
        "p = QPoint()\n"
        "for i in range(200_000):\n"
        "    p.setX(i)\n"
        "print(p.x())\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "199999"


def test_no_module_is_over_500_lines_and_the_window_class_module_over_450():
    """The house's limits: small modules with one job; the window builds and wires, no more."""
    package = Path(__file__).resolve().parents[1] / "annotator"
    lengths = {p.relative_to(package.parent).as_posix(): len(p.read_text(encoding="utf-8").splitlines())
               for p in package.rglob("*.py")}
    assert {name: n for name, n in lengths.items() if n > 500} == {}
    assert lengths["annotator/ui/main_window.py"] <= 450

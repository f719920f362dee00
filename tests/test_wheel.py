"""`pip install annotator` gives a working app: the wheel carries the font, translations, icons
and sample article, and its base dependencies run every command (spaCy DocBin included).

Builds the wheel from a copy of the sources (setuptools' build/ folder in a checkout can hold
stale modules), installs it, not editable, into a fresh virtual environment without the system's
packages, and runs the installed `annotator` from outside the repository."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from annotator import __version__

REPO = Path(__file__).resolve().parents[1]
BUNDLED = ["fonts/Amiri-Regular.ttf", "fonts/OFL.txt", "translations/annotator_ar.qm", "icons/annotator.svg",
           "sample/sample_article.txt", "gazetteer/places-ar.tsv.gz"]

pytestmark = pytest.mark.slow


def run(args: list, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    result = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"{args}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """(the fresh environment's bin folder, an environment for running it from a temporary folder)."""
    root = tmp_path_factory.mktemp("wheel")
    source = root / "source"
    source.mkdir()
    shutil.copytree(REPO / "annotator", source / "annotator", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, source / name)
    home = root / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"), QT_QPA_PLATFORM="offscreen",
               PYTHONDONTWRITEBYTECODE="1")
    wheels = root / "wheels"
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", wheels, source], root, env)
    (wheel,) = wheels.glob("annotator-*.whl")
    assert wheel.name.startswith(f"annotator-{__version__}-")  # the version is written once, in annotator/__init__.py
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    assert {f"annotator/resources/{name}" for name in BUNDLED} <= names

    venv = root / "venv"
    run([sys.executable, "-m", "venv", venv], root, env)
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    run([bin_dir / "python", "-m", "pip", "install", "--quiet", wheel], root, env)
    return bin_dir, env


def test_the_wheel_installs_with_its_data_and_runs_from_anywhere(installed, tmp_path):
    bin_dir, env = installed
    python = bin_dir / "python"
    package = Path(run([python, "-c", "import annotator, os; print(os.path.dirname(annotator.__file__))"],
                       tmp_path, env).stdout.strip())
    assert REPO not in package.parents and (bin_dir.parent in package.parents)
    for name in BUNDLED:
        assert (package / "resources" / name).is_file(), name

    version = run([bin_dir / "annotator", "--version"], tmp_path, env).stdout.strip()
    assert version == f"annotator {__version__}"

    sample = package / "resources" / "sample" / "sample_article.txt"
    run([bin_dir / "annotator", "import", "--db", "p.db", "--annotator", "مها", sample], tmp_path, env)
    arabic = dict(env, LANG="ar_EG.UTF-8", LC_ALL="ar_EG.UTF-8", LANGUAGE="ar")
    run([bin_dir / "annotator", "render", "--db", "p.db", "--doc", "1", "--out", "x.png"], tmp_path, arabic)
    assert (tmp_path / "x.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    # A DocBin needs spaCy: part of the base install.
    run([bin_dir / "annotator", "export", "--db", "p.db", "--format", "spacy", "--out", "x.spacy"], tmp_path, env)
    assert (tmp_path / "x.spacy").stat().st_size > 0
    # Values need the normalisers' data and libraries (the gazetteer's index, hijridate): base too.
    dated = tmp_path / "dated.jsonl"
    text = "قصفت طائرات هجين في 15 رمضان 1439 هـ"
    dated.write_text(json.dumps({"text": text, "spans": [
        {"start": 12, "end": 16, "label": "place"}, {"start": 20, "end": len(text), "label": "date"}]},
        ensure_ascii=False) + "\n", encoding="utf-8")
    run([bin_dir / "annotator", "import", "--db", "v.db", "--annotator", "مها", dated], tmp_path, env)
    exported = run([bin_dir / "annotator", "export", "--db", "v.db", "--format", "jsonl", "--out", "-"], tmp_path, env)
    values = {s["text"]: s["value"] for s in json.loads(exported.stdout)["spans"]}
    assert values == {"هجين": {"name": "Hajīn", "country": "SY", "lat": 34.69508, "lon": 40.83138, "geonameid": 174506},
                      "15 رمضان 1439 هـ": {"iso": "2018-05-30"}}


def test_the_installed_app_loads_its_font_and_its_arabic_interface(installed, tmp_path):
    bin_dir, env = installed
    code = (
        "from PySide6.QtWidgets import QApplication\n"
        "from annotator.ui.i18n import apply_language\n"
        "from annotator.ui.resources import load_fonts, resource_path\n"
        "app = QApplication([])\n"
        "print(load_fonts())\n"
        "print(apply_language(app, 'ar'))\n"
        "print(QApplication.translate('MainWindow', '&File'))\n"
        "print(app.layoutDirection().name)\n"
        "print(resource_path('translations', 'annotator_ar.qm'))\n"
    )
    family, language, file_menu, direction, qm = run([bin_dir / "python", "-c", code], tmp_path,
                                                     env).stdout.splitlines()
    assert (family, language, file_menu, direction) == ("Amiri", "ar", "&ملف", "RightToLeft")
    assert bin_dir.parent in Path(qm).parents

    # The window itself, in Arabic as the settings ask, drawn once by the installed app.
    settings = Path(env["XDG_CONFIG_HOME"]) / "Annotator" / "annotator.ini"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text("[General]\nlanguage=ar\nannotator=maha\n", encoding="utf-8")
    run([bin_dir / "annotator", "gui", "--db", "w.db", "--screenshot", "w.png"], tmp_path, env)
    assert (tmp_path / "w.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

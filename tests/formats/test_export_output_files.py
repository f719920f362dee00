"""Export output files: replaced only once the export has succeeded (files and folders), and
created with the mode the umask gives, like any other program's output."""

from __future__ import annotations

import json
import os
import shutil
import stat
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.formats.output_files import replaced_on_success

PAGE = 4096


@pytest.fixture
def project(tmp_path, reference_text) -> Path:
    db = tmp_path / "p.db"
    lines = "".join(json.dumps({"text": f"{i} {reference_text}", "spans": [{"start": 0, "end": 1, "label": "date"}]},
                               ensure_ascii=False) + "\n" for i in range(40))
    source = tmp_path / "articles.jsonl"
    source.write_text(lines, encoding="utf-8")
    assert main(["import", "--db", str(db), "--annotator", "maha", str(source)]) == 0
    return db


def damage(db: Path) -> None:
    """Zero a page two thirds in: the export has written part of its output when it meets it."""
    data = bytearray(db.read_bytes())
    page = len(data) // PAGE * 2 // 3
    data[page * PAGE:(page + 1) * PAGE] = bytes(PAGE)
    db.write_bytes(bytes(data))


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("fmt, name", [("jsonl", "corpus.jsonl"), ("conll", "corpus.conll"),
                                       ("spacy", "corpus.spacy"), ("brat", "corpus")])
def test_a_failed_export_leaves_the_previous_output_as_it_was(fmt, name, project, tmp_path, capsys):
    out_folder = tmp_path / "out"
    out_folder.mkdir()
    out = out_folder / name
    assert main(["export", "--db", str(project), "--format", fmt, "--out", str(out)]) == 0
    before = tree(out_folder)
    damage(project)
    capsys.readouterr()
    assert main(["export", "--db", str(project), "--format", fmt, "--out", str(out)]) == 1
    assert "the project file is damaged" in capsys.readouterr().err
    assert tree(out_folder) == before  # same files, same bytes, nothing half-written beside them


def test_brat_into_a_folder_of_other_things_keeps_them(project, tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir()
    (folder / "notes.md").write_text("keep me", encoding="utf-8")
    assert main(["export", "--db", str(project), "--format", "brat", "--out", str(folder)]) == 0
    assert (folder / "notes.md").read_text(encoding="utf-8") == "keep me"
    assert len(list(folder.glob("*.ann"))) == 40
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.fixture(params=[0o022, 0o077, 0o002])
def umask(request):
    previous = os.umask(request.param)
    yield request.param
    os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("fmt, name", [("jsonl", "c.jsonl"), ("csv", "c.csv"), ("conll", "c.conll"),
                                       ("hf", "c.jsonl"), ("doccano", "c.jsonl"), ("labelstudio", "c.json"),
                                       ("spacy", "c.spacy"), ("brat", "c")])
def test_exports_follow_the_umask(fmt, name, umask, project, tmp_path):
    out = tmp_path / "out" / name
    assert main(["export", "--db", str(project), "--format", fmt, "--out", str(out)]) == 0
    files = [p for p in out.parent.rglob("*") if p.is_file()]
    assert files
    assert {p.name: mode(p) for p in files} == {p.name: 0o666 & ~umask for p in files}
    if fmt == "brat":
        assert mode(out) == 0o777 & ~umask


def test_an_output_replaced_on_success_only(tmp_path):
    target = tmp_path / "result.txt"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError):
        with replaced_on_success(target) as staged:
            staged.write_text("half", encoding="utf-8")
            raise RuntimeError("the writer failed")
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["result.txt"]
    with replaced_on_success(target) as staged:
        staged.write_text("new", encoding="utf-8")
    assert target.read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["result.txt"]
    shutil.rmtree(tmp_path)

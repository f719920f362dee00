"""Real project files damaged in the ways disks and copies damage them; every command run as
a user runs it (a subprocess): one clear line, a non-zero exit, never a traceback, and no
normal figures from a damaged file. ``check`` reports what SQLite finds, one problem a line."""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from annotator.store import OpenMode, open_store
from annotator.store.backups import rolling_backup

REPO = Path(__file__).resolve().parents[2]
PAGE = 4096


@pytest.fixture(scope="module")
def sound_project(tmp_path_factory, reference_text) -> Path:
    """About a hundred pages: 60 articles, 600 spans of two annotators."""
    folder = tmp_path_factory.mktemp("sound")
    rng = random.Random(7)
    lines = []
    for i in range(60):
        text = f"{i} {reference_text}"
        spans = []
        for _ in range(10):
            start = rng.randrange(len(text) - 20)
            # Labels no normaliser gives a value: values of random fragments would move the pages
            # the damage below aims at (SQLite's quick check, which stats runs, reads no text).
            # Ids from the seeded generator too: random ones laid the spans' index out anew each
            # run, and the middle page was then now a page's structure, now a cell's bytes.
            spans.append({"start": start, "end": start + rng.randrange(1, 15), "label": rng.choice(["source", "event"]),
                          "annotator": rng.choice(["maha", "sara"]),
                          "id": str(uuid.UUID(int=rng.getrandbits(128), version=4))})
        lines.append(json.dumps({"text": text, "title": f"article {i}", "spans": spans}, ensure_ascii=False))
    source = folder / "articles.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = folder / "p.db"
    annotator(db, "import", str(source), check=True)
    assert sorted(p.name for p in folder.iterdir()) == ["articles.jsonl", "p.db"]  # checkpointed, one file
    assert db.stat().st_size > 60 * PAGE
    return db


def flip_bytes_in_the_middle(data: bytearray) -> None:
    middle = len(data) // 2
    data[middle:middle + 64] = bytes(b ^ 0xFF for b in data[middle:middle + 64])


def zero_a_page_in_the_middle(data: bytearray) -> None:
    page = len(data) // PAGE // 2
    data[page * PAGE:(page + 1) * PAGE] = bytes(PAGE)


def zero_the_second_page(data: bytearray) -> None:
    data[PAGE:2 * PAGE] = bytes(PAGE)


def flip_the_schema(data: bytearray) -> None:
    data[100:160] = bytes(b ^ 0xFF for b in data[100:160])


def truncate_to_half(data: bytearray) -> None:
    del data[len(data) // 2:]


def garbage_header(data: bytearray) -> None:
    data[:100] = b"\x8f" * 100


DAMAGE = {f.__name__: f for f in (flip_bytes_in_the_middle, zero_a_page_in_the_middle, zero_the_second_page,
                                  flip_the_schema, truncate_to_half, garbage_header)}

COMMANDS = {
    "stats": ["stats"],
    "stats --json": ["stats", "--json"],
    "check": ["check"],
    "export jsonl": ["export", "--format", "jsonl", "--out", "OUT/corpus.jsonl"],
    "export conll": ["export", "--format", "conll", "--out", "OUT/corpus.conll"],
    "export csv to stdout": ["export", "--format", "csv", "--out", "-"],
    "agreement": ["agreement"],
    "render": ["render", "--doc", "1", "--out", "OUT/article.html"],
    "backup": ["backup", "OUT/copy.db"],
    "import": ["import", str(REPO / "tests/data/articles")],
    "gui": ["gui", "--screenshot", "OUT/window.png"],
    "users": ["users"],
    "upgrade": ["upgrade"],
}


def annotator(db: Path, *argv: str, check: bool = False) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    return subprocess.run([sys.executable, "-m", "annotator", "--db", str(db), *argv], capture_output=True,
                          text=True, cwd=REPO, env=env, check=check, timeout=120)


@pytest.fixture(params=list(DAMAGE))
def damaged_project(request, sound_project, tmp_path) -> Path:
    db = tmp_path / "p.db"
    data = bytearray(sound_project.read_bytes())
    DAMAGE[request.param](data)
    db.write_bytes(bytes(data))
    (tmp_path / "OUT").mkdir()
    return db


@pytest.mark.parametrize("command", list(COMMANDS))
def test_every_command_on_a_damaged_project_says_so_in_one_line(command, damaged_project):
    out = damaged_project.parent / "OUT"
    done = annotator(damaged_project, *[a.replace("OUT", str(out)) for a in COMMANDS[command]])
    assert done.returncode != 0
    assert "Traceback" not in done.stderr, done.stderr
    if command == "check":  # one problem a line, then the count
        problems = done.stdout.splitlines()
        assert problems and all(line.startswith(f"{damaged_project}: ") for line in problems)
        assert done.stderr.splitlines()[-1].startswith(f"annotator: {len(problems)} problem(s) found")
        return
    (line,) = done.stderr.splitlines()
    assert line.startswith(f"annotator: error: {damaged_project}: "), line
    assert ("the project file is damaged; run `annotator check" in line.replace(" (", "; (", 1)
            or "the project file is damaged (" in line or "not an SQLite database" in line), line
    if command != "export csv to stdout":  # what went down a pipe cannot be taken back
        assert done.stdout == ""  # no figures, no rows
    assert sorted(p.name for p in out.iterdir()) == []  # no output, no .partial


def test_damaged_messages_name_the_newest_backup(sound_project, tmp_path):
    db = tmp_path / "p.db"
    shutil.copy(sound_project, db)
    rolling_backup(db)
    newest = rolling_backup(db)
    data = bytearray(db.read_bytes())
    zero_a_page_in_the_middle(data)
    db.write_bytes(bytes(data))
    for command in (["stats"], ["export", "--format", "jsonl", "--out", "-"], ["agreement"]):
        done = annotator(db, *command)
        assert done.returncode == 1
        assert "the project file is damaged" in done.stderr and f"restore from {newest}" in done.stderr
    done = annotator(db, "check")
    assert done.returncode == 1 and f"the newest backup is {newest}" in done.stderr


def test_check_lists_what_sqlite_finds_one_problem_a_line(sound_project, tmp_path):
    db = tmp_path / "p.db"
    data = bytearray(sound_project.read_bytes())
    zero_the_second_page(data)
    db.write_bytes(bytes(data))
    done = annotator(db, "check")
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert any("Page 2" in line for line in lines)
    assert all(line.startswith((f"{db}: integrity: ", f"{db}: content: ")) for line in lines)
    assert not any("*** in database" in line for line in lines)


def test_a_rolling_backup_of_a_damaged_project_is_not_kept(sound_project, tmp_path):
    db = tmp_path / "p.db"
    shutil.copy(sound_project, db)
    good = rolling_backup(db)
    data = bytearray(db.read_bytes())
    flip_bytes_in_the_middle(data)
    db.write_bytes(bytes(data))
    from annotator.store import DamagedDatabaseError

    with pytest.raises(DamagedDatabaseError, match=f"restore from {good}"):
        rolling_backup(db)
    assert sorted(p.name for p in good.parent.iterdir()) == [good.name]  # the good one kept, no .partial
    with open_store(good, OpenMode.READ) as copy:
        assert copy.document_count() == 60


def test_merge_into_a_damaged_project_blames_the_project_not_the_sound_file(sound_project, tmp_path):
    db = tmp_path / "p.db"
    data = bytearray(sound_project.read_bytes())
    zero_a_page_in_the_middle(data)
    db.write_bytes(bytes(data))
    done = annotator(db, "merge", str(sound_project))
    (line,) = done.stderr.splitlines()
    assert done.returncode != 0 and line.startswith(f"annotator: error: {db}: the project file is damaged"), line

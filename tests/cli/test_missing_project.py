"""A mistyped --db: only import, gui and merge (its target) may create a project. Every other
command says there is no such project, exits non-zero and creates nothing; an export does not
touch its --out."""

from __future__ import annotations

import pytest

from annotator.cli import main
from annotator.store import Store

# Each command with what it needs besides --db; OUT is replaced by a path in the test's folder.
READING_COMMANDS = {
    "stats": ["stats"],
    "stats --json": ["stats", "--json"],
    "check": ["check"],
    "export jsonl": ["export", "--format", "jsonl", "--out", "OUT"],
    "export brat": ["export", "--format", "brat", "--out", "OUT"],
    "export to stdout": ["export", "--format", "jsonl", "--out", "-"],
    "agreement": ["agreement"],
    "render": ["render", "--doc", "1", "--out", "OUT.html"],
    "backup": ["backup", "OUT.bak"],
    "upgrade": ["upgrade"],
    "users": ["users"],
}


def everything_under(folder):
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.mark.parametrize("command", list(READING_COMMANDS))
def test_a_command_that_may_not_create_a_project_creates_nothing(command, tmp_path, capsys):
    db = tmp_path / "typo" / "deeper" / "projcet.db"
    out = tmp_path / "OUT"
    out.write_text("yesterday's good export\n", encoding="utf-8")
    before = everything_under(tmp_path)
    argv = [a.replace("OUT", str(out)) for a in READING_COMMANDS[command]]
    assert main(["--db", str(db), *argv]) != 0
    err = capsys.readouterr().err
    assert err.splitlines() == [f"annotator: error: {db}: no such project (check the path; only import, gui and "
                                "merge create one)"]
    assert everything_under(tmp_path) == before  # no file, folder, -wal, -shm or backups folder
    assert out.read_text(encoding="utf-8") == "yesterday's good export\n"


def test_import_and_merge_create_the_project_and_its_folders(tmp_path, reference_path):
    db = tmp_path / "new" / "folder" / "p.db"
    assert main(["import", "--db", str(db), str(reference_path)]) == 0
    target = tmp_path / "other" / "review.db"
    assert main(["merge", "--db", str(target), str(db)]) == 0
    with Store.open(target) as review:
        assert review.document_count() == 1


def test_a_failed_import_into_a_new_path_leaves_nothing_behind(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "خبر"}\n{"text": \n', encoding="utf-8")
    before = everything_under(tmp_path)
    db = tmp_path / "new" / "p.db"
    assert main(["import", "--db", str(db), str(bad)]) == 1
    assert "bad.jsonl:2: malformed JSON" in capsys.readouterr().err
    assert everything_under(tmp_path) == before


def test_a_failed_import_into_an_existing_project_keeps_it(tmp_path, reference_path):
    db = tmp_path / "p.db"
    assert main(["import", "--db", str(db), str(reference_path)]) == 0
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": \n', encoding="utf-8")
    assert main(["import", "--db", str(db), str(bad)]) == 1
    with Store.open(db) as store:
        assert store.document_count() == 1

"""Mistakes a new user made from outside: each used to succeed silently or end in Qt's abort."""

from __future__ import annotations

import subprocess
import sys

import pytest

from annotator.cli import main
from annotator.store import Store


@pytest.fixture
def project(tmp_path):
    db = tmp_path / "news.db"
    with Store.open(db) as store:
        doc, _ = store.add_document("قصفت طائرات مواقع في سوريا", "one")
        store.ensure_annotator("maha")
        store.create_span(doc.id, "maha", "event", 0, 4)
    return db


def test_backup_never_writes_over_another_project(project, tmp_path, capsys):
    other = tmp_path / "other.db"
    with Store.open(other) as store:
        store.add_document("نص آخر", "other")
    before = other.read_bytes()
    assert main(["--db", str(project), "backup", str(other)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert other.read_bytes() == before


@pytest.mark.parametrize("flag, value, said", [
    ("--annotator", "mahaa", "no annotator named 'mahaa'"),
    ("--label", "nosuch", "no label named 'nosuch'"),
    ("--doc", "99", "no document with id 99"),
])
def test_a_mistyped_export_filter_is_refused_and_the_output_kept(project, tmp_path, capsys, flag, value, said):
    out = tmp_path / "out.jsonl"
    out.write_text("yesterday's export\n", encoding="utf-8")
    assert main(["--db", str(project), "export", "--format", "jsonl", flag, value, "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert said in err and len(err.strip().splitlines()) == 1
    assert out.read_text(encoding="utf-8") == "yesterday's export\n"
    assert main(["--db", str(project), "export", "--format", "jsonl", "--annotator", "maha", "--out", str(out)]) == 0


def test_split_to_standard_output_says_what_is_wrong(project, capsys):
    assert main(["--db", str(project), "export", "--format", "conll", "--split", "80,10,10", "--out", "-"]) == 1
    assert "--split writes three files" in capsys.readouterr().err


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X and Wayland are Linux's displays")
def test_the_window_without_a_display_is_one_line_not_an_abort(project, tmp_path):
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "annotator", "--db", str(project), "gui"],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        "annotator: error: no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set); "
        "start it from a desktop session, or use the other commands"]


def test_text_changed_on_disk_into_bad_utf8_is_called_damage(project, tmp_path, capsys):
    import sqlite3

    with sqlite3.connect(project) as raw:  # what a flipped byte inside a stored text does
        raw.execute("UPDATE documents SET text = CAST(X'D8FFFE41' AS TEXT)")
    raw.close()
    out = tmp_path / "out.jsonl"
    assert main(["--db", str(project), "export", "--format", "jsonl", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "damaged" in err and "annotator check" in err and "\ufffd" not in err and len(err.strip().splitlines()) == 1
    assert not out.exists()


def test_export_of_one_document_reads_that_document_only(tmp_path):
    """--doc is selected in the query: the store hands out only the documents asked for."""
    with Store.open(tmp_path / "many.db") as store:
        ids = [store.add_document(f"نص رقم {i}", f"t{i}")[0].id for i in range(50)]
        store.ensure_annotator("maha")
        for doc_id in ids:
            store.create_span(doc_id, "maha", "event", 0, 2)
        wanted = [ids[3], ids[40]]
        got = list(store.iter_documents_with_spans(None, wanted))
        lean = list(store.iter_documents_with_lean_spans(["maha"], wanted))
    assert [d.id for d, _ in got] == wanted == [d.id for d, _ in lean]
    assert [len(spans) for _, spans in got] == [1, 1] == [len(spans) for _, spans in lean]


def test_a_name_with_a_newline_is_quoted_in_one_line(project, capsys):
    assert main(["--db", str(project), "users", "set", "x\ny", "--role", "reviewer"]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "'x\\ny'" in err

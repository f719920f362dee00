"""Bad input, as users bring it: each row is a file (or database) and the words the message
must contain. Every case must exit non-zero, name the file, and leave the project as it was.
Add a row for every new way of going wrong."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.store import Store
from annotator.store.migrations import SCHEMA_VERSION
from tests.arabic_samples import EMOJI
from tests.unprivileged import why_nobody_cannot_run_the_checkout

ARTICLE = "أعلن مركز الإعلام الأمني العراقي أن طائرات قصفت مواقع في سوريا"


def jsonl(*docs) -> bytes:
    return "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs).encode("utf-8")


def span(start, end, label="place", **more):
    return {"start": start, "end": end, "label": label, **more}


# name: (file name, bytes or a callable making the path, words the message must hold)
BAD_FILES = {
    "cp1256 text": ("old.txt", ARTICLE.encode("cp1256"), "not valid utf-8 at byte 0"),
    "UTF-16 without BOM": ("wide.txt", ARTICLE.encode("utf-16-le"), "UTF-16 without a BOM"),
    "empty file": ("empty.txt", b"", "holds no text"),
    "only whitespace": ("blank.txt", b" \n\t\n", "holds no text"),
    "binary file": ("photo.txt", bytes(range(256)) * 4, "binary"),
    "malformed JSON": ("broken.jsonl", b'{"text": "\xd9\x86\xd8\xb5", ', "broken.jsonl:1: malformed JSON"),
    "bad line in the middle": ("mid.jsonl", jsonl({"text": ARTICLE}) + b"[1, 2]\n" + jsonl({"text": EMOJI}),
                               "mid.jsonl:2: each line must be an object"),
    "offsets outside the text": ("out.jsonl", jsonl({"text": ARTICLE, "spans": [span(0, 999)]}), "outside the text"),
    "start not before end": ("order.jsonl", jsonl({"text": ARTICLE, "spans": [span(9, 4)]}), "is not before end"),
    "offsets not numbers": ("kind.jsonl", jsonl({"text": ARTICLE, "spans": [span("0", 4)]}), "whole numbers"),
    "span text differs": ("text.jsonl", jsonl({"text": ARTICLE, "spans": [span(0, 4, text="خطأ")]}), "does not match"),
    "unknown label": ("label.jsonl", jsonl({"text": ARTICLE, "spans": [span(0, 4, "weapon")]}), "unknown label"),
    "CoNLL line without a tag": ("bad.conll", "بغداد B-place\nفي\n".encode(), "bad.conll:2: expected a token"),
    "CoNLL tag that is no tag": ("tags.conll", "بغداد PLACE\n".encode(), "tags.conll:1: not a tag"),
    "doccano offset in an emoji": ("d.jsonl", jsonl({"text": EMOJI, "label": [[0, EMOJI.index("💥") + 1, "x"]]}),
                                   "inside a character"),
    "Label Studio, no text": ("tasks.json", json.dumps([{"data": {}}]).encode(), "task 1"),
    "Label Studio, not JSON": ("tasks2.json", b"[{", "malformed JSON"),
    "spaCy file that is not a DocBin": ("x.spacy", b"not msgpack at all", "not a spaCy DocBin"),
}


def brat_past_the_end(folder: Path) -> Path:
    (folder / "a.txt").write_text("خبر قصير", encoding="utf-8")
    (folder / "a.ann").write_text("T1\tplace 4 40\tقصير\n", encoding="utf-8")
    return folder


def a_huge_file(folder: Path) -> Path:
    path = folder / "huge.txt"
    with path.open("wb") as out:
        out.truncate(100 * 1024 * 1024)  # 100 MB of NULs, made without writing them
    return path


BAD_PATHS = {
    "brat .ann pointing past the text": (brat_past_the_end, "a.ann:1: T1: offsets 4 40 point past the end"),
    "a 100 MB file": (a_huge_file, "an article may be at most 50 MiB"),
    "a path that does not exist": (lambda folder: folder / "nowhere.txt", "no such file or folder"),
    "a folder without text files": (lambda folder: folder, "holds no .txt or .jsonl files"),
}


def digest(path: Path) -> str:
    with Store.open(path) as store:  # a consistent view of everything stored
        rows = [(d.text_sha256, [(s.id, s.label, s.start, s.end) for s in spans])
                for d, spans in store.iter_documents_with_spans()]
    return hashlib.sha256(repr(rows).encode()).hexdigest()


@pytest.fixture
def project(tmp_path, reference_path):
    db = tmp_path / "project.db"
    assert main(["import", "--db", str(db), str(reference_path)]) == 0
    return db


def assert_refused(argv, expected, project, capsys, where):
    before = digest(project)
    capsys.readouterr()
    assert main(argv) != 0
    err = capsys.readouterr().err
    assert expected in err, err
    assert str(where) in err and "Traceback" not in err
    assert digest(project) == before


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_bad_files_are_refused_with_a_clear_message(case, project, tmp_path, capsys):
    name, content, expected = BAD_FILES[case]
    path = tmp_path / "in" / name
    path.parent.mkdir()
    path.write_bytes(content)
    assert_refused(["import", "--db", str(project), str(path)], expected, project, capsys, path)


@pytest.mark.parametrize("case", list(BAD_PATHS))
def test_bad_paths_are_refused_with_a_clear_message(case, project, tmp_path, capsys):
    make, expected = BAD_PATHS[case]
    folder = tmp_path / "in"
    folder.mkdir()
    path = make(folder)
    assert_refused(["import", "--db", str(project), str(path)], expected, project, capsys, path.name)


def test_a_file_that_is_not_a_database(tmp_path, capsys):
    notes = tmp_path / "notes.db"
    notes.write_text("not a database", encoding="utf-8")
    assert main(["stats", "--db", str(notes)]) == 1
    assert f"{notes}: not an Annotator database" in capsys.readouterr().err
    assert notes.read_text(encoding="utf-8") == "not a database"


def test_a_database_from_a_newer_version_is_left_untouched(project, capsys):
    conn = sqlite3.connect(project)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = project.read_bytes()
    assert main(["stats", "--db", str(project)]) == 1
    assert "written by a newer version of Annotator" in capsys.readouterr().err
    assert project.read_bytes() == before


@pytest.fixture
def shared_folder():
    """A folder the unprivileged user can reach (pytest's own temporary root is private)."""
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="annotator-ro-"))
    os.chmod(folder, 0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.skipif(bool(why_nobody_cannot_run_the_checkout()), reason=str(why_nobody_cannot_run_the_checkout()))
@pytest.mark.parametrize("folder_mode, expected", [
    (0o755, "cannot open the database (attempt to write a readonly database)"),  # no -wal file beside it
    (0o1777, "cannot write to the database (attempt to write a readonly database)"),  # like /tmp
])
def test_a_read_only_database_is_reported(project, shared_folder, folder_mode, expected):
    """Root writes anywhere, so the check runs as the unprivileged 'nobody'."""
    db = shared_folder / "project.db"
    shutil.copy(project, db)  # closed cleanly: the whole project, in WAL mode, no -wal beside it
    article = shared_folder / "a.txt"
    article.write_text(EMOJI, encoding="utf-8")
    os.chmod(db, 0o444)
    os.chmod(shared_folder, folder_mode)
    before = db.read_bytes()
    command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable, "-m", "annotator",
               "import", "--db", str(db), str(article)]
    done = subprocess.run(command, capture_output=True, text=True, env=dict(os.environ, HOME=str(shared_folder)))
    assert done.returncode != 0
    assert f"{db}: {expected}" in done.stderr and "Traceback" not in done.stderr, done.stderr
    assert db.read_bytes() == before

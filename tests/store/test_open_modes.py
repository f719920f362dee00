"""Opening a project for what the caller may do: CREATE, WRITE or READ. Reading never creates,
writes or migrates; an old project is copied (NAME.vN.bak) before anything migrates it; a
writer waits for another's long transaction instead of failing."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.store import (
    BusyError,
    NotAProjectError,
    OpenMode,
    OutdatedDatabaseError,
    ProjectMissingError,
    ReadOnlyError,
    open_store,
)
from annotator.store.migrations import SCHEMA_VERSION
from tests.arabic_samples import EMOJI
from tests.unprivileged import why_nobody_cannot_run_the_checkout

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parents[2]


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def rows_of(path: Path) -> tuple[int, list]:
    """Schema version and every document and span, read with plain sqlite3."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        documents = conn.execute("SELECT id, title, text FROM documents ORDER BY id").fetchall()
        spans = conn.execute('SELECT id, label, start, "end", text FROM spans ORDER BY id').fetchall()
    finally:
        conn.close()
    return version, documents + spans


@pytest.fixture
def old_project(tmp_path) -> Path:
    db = tmp_path / "old.db"
    shutil.copy(FIXTURES / "schema-v1.db", db)
    return db


# -- the modes ---------------------------------------------------------------------


@pytest.mark.parametrize("mode", [OpenMode.READ, OpenMode.WRITE])
def test_read_and_write_need_an_existing_project(mode, tmp_path):
    with pytest.raises(ProjectMissingError, match="no such project"):
        open_store(tmp_path / "missing" / "p.db", mode)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("mode", [OpenMode.READ, OpenMode.WRITE])
def test_an_empty_file_is_not_a_project_unless_creating(mode, tmp_path):
    empty = tmp_path / "empty.db"
    empty.touch()
    with pytest.raises(NotAProjectError, match="an empty file"):
        open_store(empty, mode)
    assert empty.stat().st_size == 0


def test_create_makes_the_project_and_its_folders(tmp_path):
    with open_store(tmp_path / "a" / "b" / "p.db", OpenMode.CREATE) as store:
        assert store.schema_version == SCHEMA_VERSION


def test_read_mode_cannot_write(tmp_path):
    db = tmp_path / "p.db"
    with open_store(db, OpenMode.CREATE) as store:
        store.add_document(EMOJI, "e")
    before = sha(db)
    with open_store(db, OpenMode.READ) as store:
        assert store.document_count() == 1
        with pytest.raises(ReadOnlyError):
            store.add_document("نص آخر", "x")
    assert sha(db) == before


# -- migrations: a copy first, and never from a reading command ----------------------


def test_reading_an_old_project_says_to_upgrade_and_changes_nothing(old_project):
    before = sha(old_project)
    with pytest.raises(OutdatedDatabaseError, match=r"schema 1; .*run `annotator upgrade --db "):
        open_store(old_project, OpenMode.READ)
    assert sha(old_project) == before
    assert sorted(p.name for p in old_project.parent.iterdir()) == ["old.db"]


@pytest.mark.parametrize("command", [["stats"], ["export", "--format", "jsonl", "--out", "-"], ["agreement"],
                                     ["check"], ["backup", "copy.db"]])
def test_reading_commands_on_an_old_project_say_run_upgrade(command, old_project, capsys, monkeypatch):
    monkeypatch.chdir(old_project.parent)
    before = sha(old_project)
    assert main(["--db", str(old_project), *command]) == 1
    (line,) = capsys.readouterr().err.splitlines()
    assert "made by an older Annotator (schema 1" in line and "annotator upgrade" in line
    assert sha(old_project) == before
    assert sorted(p.name for p in old_project.parent.iterdir()) == ["old.db"]


def test_a_writing_command_keeps_a_copy_of_the_old_version_then_migrates(old_project, reference_path, capsys):
    old_rows = rows_of(old_project)
    assert main(["import", "--db", str(old_project), str(reference_path)]) == 0
    copy = old_project.with_name("old.v1.bak")
    err = capsys.readouterr().err
    assert f"a copy of it as it was is kept in {copy}" in err
    assert rows_of(copy) == old_rows  # the copy is version 1, with everything it held
    version, rows = rows_of(old_project)
    assert version == SCHEMA_VERSION and set(old_rows[1]) <= set(rows)
    # Said once: the project is up to date now.
    assert main(["import", "--db", str(old_project), str(reference_path)]) == 0
    assert "kept in" not in capsys.readouterr().err
    assert sorted(p.name for p in old_project.parent.iterdir() if "bak" in p.name) == ["old.v1.bak"]


def test_upgrade_copies_then_migrates_and_a_second_run_has_nothing_to_do(old_project, capsys):
    old_rows = rows_of(old_project)
    assert main(["upgrade", "--db", str(old_project)]) == 0
    err = capsys.readouterr().err
    assert f"upgraded from schema 1 to {SCHEMA_VERSION}" in err and "old.v1.bak" in err
    assert rows_of(old_project.with_name("old.v1.bak")) == old_rows
    assert rows_of(old_project)[0] == SCHEMA_VERSION
    assert main(["upgrade", "--db", str(old_project)]) == 0
    assert "already up to date" in capsys.readouterr().err
    assert main(["stats", "--db", str(old_project)]) == 0  # reading works once upgraded


def test_an_earlier_safety_copy_is_never_overwritten(old_project):
    earlier = old_project.with_name("old.v1.bak")
    earlier.write_bytes(b"an older copy the user kept")
    with open_store(old_project, OpenMode.WRITE) as store:
        assert store.safety_copy == old_project.with_name("old.v1-2.bak")
    assert earlier.read_bytes() == b"an older copy the user kept"
    assert rows_of(store.safety_copy)[0] == 1


def test_the_window_copies_an_old_project_before_migrating_it(old_project, qtbot):
    from annotator.ui.app import ensure_app, open_window
    from annotator.ui.settings import app_settings

    ensure_app()
    settings = app_settings()
    settings.setValue("annotator", "maha")
    window = open_window(old_project, settings)
    qtbot.addWidget(window)
    assert old_project.with_name("old.v1.bak").exists()
    assert "old.v1.bak" in window.statusBar().currentMessage()
    assert rows_of(old_project)[0] == SCHEMA_VERSION


# -- a folder that cannot be written ---------------------------------------------------


@pytest.fixture
def read_only_folder():
    """A 0555 folder holding a 0444 project, reachable by 'nobody' (root writes anywhere, so
    the commands run as nobody; pytest's own temporary root is private)."""
    import tempfile

    parent = Path(tempfile.mkdtemp(prefix="annotator-ro-"))
    os.chmod(parent, 0o755)
    folder = parent / "shared"
    folder.mkdir()
    db = folder / "p.db"
    assert main(["import", "--db", str(db), "--annotator", "maha", str(REPO / "tests/data/articles")]) == 0
    assert sorted(p.name for p in folder.iterdir()) == ["p.db"]  # closed cleanly: no -wal, no -shm
    os.chmod(db, 0o444)
    os.chmod(folder, 0o555)
    yield db
    os.chmod(folder, 0o755)
    shutil.rmtree(parent, ignore_errors=True)


@pytest.mark.skipif(bool(why_nobody_cannot_run_the_checkout()), reason=str(why_nobody_cannot_run_the_checkout()))
@pytest.mark.parametrize("command", [["stats"], ["export", "--format", "jsonl", "--out", "-"], ["check"]])
def test_reading_commands_work_in_a_read_only_folder(command, read_only_folder):
    before = sha(read_only_folder)
    done = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable, "-m",
                           "annotator", "--db", str(read_only_folder), *command],
                          capture_output=True, text=True, cwd=REPO, env=dict(os.environ, HOME="/nonexistent"))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() or done.stderr.strip().endswith(": ok")
    assert "Traceback" not in done.stderr
    assert sha(read_only_folder) == before
    assert sorted(p.name for p in read_only_folder.parent.iterdir()) == ["p.db"]


# -- a writer waits for another's long transaction ------------------------------------

HOLDER = textwrap.dedent("""
    import sys
    from annotator.store import OpenMode, open_store

    with open_store(sys.argv[1], OpenMode.WRITE) as store, store.transaction():
        store.add_document("خبر من عملية استيراد طويلة", "import")
        print("holding the write lock", flush=True)
        sys.stdin.readline()  # commits when told to
    print("committed", flush=True)
""")


def hold_the_write_lock(db: Path) -> subprocess.Popen:
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(db)], cwd=REPO, stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "holding the write lock"
    return holder


def test_a_writer_waits_for_another_transaction_and_loses_nothing(tmp_path):
    db = tmp_path / "p.db"
    open_store(db, OpenMode.CREATE).close()
    holder = hold_the_write_lock(db)
    waits: list[str] = []

    def waiting(message: str) -> None:
        waits.append(message)
        if len(waits) == 1:  # the writer has found the lock taken: let the other one commit
            holder.stdin.write("\n")
            holder.stdin.flush()

    # A busy timeout far below the real one, so the wait is reported at once.
    with open_store(db, OpenMode.WRITE, busy_timeout=0.05) as store:
        store.on_wait = waiting
        document, _ = store.add_document(EMOJI, "labelled while the import ran")
        store.create_span(document.id, "maha", "place", 0, 6)
    assert holder.wait(timeout=30) == 0 and holder.stdout.read().strip() == "committed"
    assert waits and "waiting for another program" in waits[0]
    with open_store(db, OpenMode.READ) as store:
        assert sorted(d.title for d, _ in store.iter_documents_with_spans()) == ["import",
                                                                                 "labelled while the import ran"]
        assert store.stats()["spans"] == 1


def test_a_writer_gives_up_after_its_wait_and_stores_nothing(tmp_path):
    db = tmp_path / "p.db"
    open_store(db, OpenMode.CREATE).close()
    holder = hold_the_write_lock(db)
    try:
        with open_store(db, OpenMode.WRITE, busy_timeout=0.05, lock_wait=0.2) as store:
            with pytest.raises(BusyError, match="the project is locked: another program has been writing to it"):
                store.add_document(EMOJI, "too late")
    finally:
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.wait(timeout=30)
    with open_store(db, OpenMode.READ) as store:
        assert [d.title for d, _ in store.iter_documents_with_spans()] == ["import"]

"""A full disk, for real: a tiny tmpfs. A backup says the disk is full (not "disk I/O
error"), leaves no ``.partial`` and no bad copy; the project is as it was."""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from annotator.store import DiskFullError, OpenMode, open_store
from annotator.store.backups import backup_folder, rolling_backup

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


@pytest.fixture
def tiny_disk():
    """A 256 KiB tmpfs. Mounting needs root (CI runs as root); elsewhere the test is skipped."""
    folder = Path(tempfile.mkdtemp(prefix="annotator-full-"))
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(folder)], capture_output=True,
                          text=True)
    if done.returncode != 0:
        folder.rmdir()
        pytest.skip(f"cannot mount a tmpfs to fill (needs root): {done.stderr.strip()}")
    yield folder
    subprocess.run(["umount", str(folder)], check=True)
    folder.rmdir()


def fill(folder: Path) -> None:
    """Write until the disk refuses."""
    fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(fd, b"\0" * 1024)
    except OSError as err:
        assert err.errno == errno.ENOSPC
    finally:
        os.close(fd)


def project_with_articles(db: Path) -> Path:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    subprocess.run([sys.executable, "-m", "annotator", "import", "--db", str(db), str(REPO / "tests/data/articles")],
                   check=True, capture_output=True, env=env)
    return db


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_annotator_backup_onto_a_full_disk(tiny_disk, tmp_path, reference_text):
    db = tmp_path / "p.db"
    with open_store(db, OpenMode.CREATE) as store:  # about 1 MB: more than the disk holds
        for i in range(40):
            store.add_document(f"{i} {reference_text}", f"article {i}")
    target = tiny_disk / "copy.db"
    done = subprocess.run([sys.executable, "-m", "annotator", "backup", "--db", str(db), str(target)],
                          capture_output=True, text=True, cwd=REPO)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [f"annotator: error: {target}: the disk is full; free some space and try "
                                        "again (nothing was half-written)"]
    assert list(tiny_disk.iterdir()) == []  # no .partial, no journal, no half copy


def test_the_rolling_backup_on_a_full_disk(tiny_disk):
    db = project_with_articles(tiny_disk / "p.db")
    before = sha(db)
    fill(tiny_disk)
    with pytest.raises(DiskFullError, match="the disk is full"):
        rolling_backup(db)
    assert not backup_folder(db).exists()  # nothing half-made: no folder, no .partial
    assert sha(db) == before
    (tiny_disk / "filler").unlink()
    with open_store(db, OpenMode.READ) as store:
        assert store.document_count() == 1


def test_an_import_onto_a_full_disk(tiny_disk, reference_text):
    db = project_with_articles(tiny_disk / "p.db")
    article = Path(tempfile.mkdtemp()) / "long.txt"
    article.write_text(reference_text * 20, encoding="utf-8")
    fill(tiny_disk)
    done = subprocess.run([sys.executable, "-m", "annotator", "import", "--db", str(db), str(article)],
                          capture_output=True, text=True, cwd=REPO)
    shutil.rmtree(article.parent)
    assert done.returncode == 1
    assert "the disk is full" in done.stderr and "Traceback" not in done.stderr, done.stderr
    assert len(done.stderr.splitlines()) == 1
    (tiny_disk / "filler").unlink()
    with open_store(db, OpenMode.READ) as store:
        assert store.document_count() == 1

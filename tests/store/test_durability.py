"""Nothing lost, nothing corrupted: processes killed mid-stream, two writers at once."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annotator.formats.importer import import_paths
from annotator.store import Store

REPO = Path(__file__).resolve().parents[2]


def worker(db: Path, document_id: int, count: int, annotator: str, gui: bool = False) -> subprocess.Popen:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    command = [sys.executable, "-m", "tests.store.labelling_worker", str(db), str(document_id), str(count), annotator]
    return subprocess.Popen(command + (["--gui"] if gui else []), cwd=REPO, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.fixture
def project(tmp_path, reference_path):
    db = tmp_path / "p.db"
    with Store.open(db) as store:
        import_paths(store, [reference_path], annotator="setup")
    return db


def kill_and_collect(process: subprocess.Popen, delay: float) -> list[str]:
    time.sleep(delay)  # a random moment: while starting, or in the middle of the stream
    process.send_signal(signal.SIGKILL)
    out, _ = process.communicate()
    return out.split()


@pytest.mark.parametrize("gui, kills", [(False, 20), (True, 3)])
def test_every_acknowledged_action_survives_sigkill(project, gui, kills):
    rng = random.Random(1234 + gui)
    acknowledged: list[str] = []
    mid_stream = 0
    for _ in range(kills):
        process = worker(project, 1, 1000, f"worker{len(acknowledged)}", gui)
        acks = kill_and_collect(process, rng.uniform(0.05, 1.5) if gui else rng.uniform(0.02, 0.3))
        mid_stream += 0 < len(acks) < 1000
        acknowledged += acks
        with Store.open(project) as store:  # opens normally after every kill
            store.quick_check()  # raises DamagedDatabaseError unless SQLite finds the file sound
            stored = {s.id for s in store.spans_for(1)}
            missing = set(acknowledged) - stored
            assert not missing, f"{len(missing)} acknowledged action(s) lost"
            assert store.check() == []
    assert mid_stream >= kills // 2  # most kills landed in the middle of the stream
    print(f"{kills} kills ({mid_stream} mid-stream), {len(acknowledged)} acknowledged actions, all present")


def test_two_processes_labelling_one_file_lose_nothing(project):
    first, second = worker(project, 1, 500, "alice"), worker(project, 1, 500, "bob")
    outputs = [p.communicate(timeout=120) for p in (first, second)]
    for process, (out, err) in zip((first, second), outputs):
        assert process.returncode == 0, err
        assert "locked" not in err
        assert len(out.split()) == 500
    with Store.open(project) as store:
        spans = store.spans_for(1)
        assert len(spans) == 1000
        assert {s.annotator for s in spans} == {"alice", "bob"}


def test_the_window_sees_another_process_spans_after_refresh(qtbot, project):
    from PySide6.QtCore import Qt

    from tests.ui.conftest import open_window

    window = open_window(qtbot, project, annotator="carol")
    process = worker(project, 1, 20, "carol")
    out, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    assert len(window.workspace.spans) == 0
    qtbot.keyClick(window.view, Qt.Key.Key_F5)
    assert len(window.workspace.spans) == 20
    assert window.view.document().toPlainText() == window.workspace.document.text

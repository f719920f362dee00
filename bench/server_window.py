"""A window opening a 10,000-document server project (issue 16): seconds from process start to
the window shown with its first document painted (target < 1.5 s), measured as bench.workspace
measures start-up (a new process each time, its wall time to the painted window), with an
annotator's login. Baseline in the same run: the same project as an SQLite file, the same way;
should the file's window not paint within a minute as the store leaves the file (SQLite without
statistics counts each document's spans through the annotator's index), after ANALYZE, and said.

    python -m bench.server_window [DOCUMENTS]
"""

from __future__ import annotations

import os
import secrets
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.interchange import corpus

TARGET = "< 1.5 s"
GIVE_UP_S = 60  # a start that has not painted by then is reported as such, not waited for

# bench.workspace's APP_WINDOW, given a project file or a server's URL; it also prints the
# first document painted, so that the figure is known to include it.
APP_WINDOW = """
import sys
from PySide6.QtCore import QSettings
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[2])
from annotator.store.location import project_location
from annotator.ui.app import ensure_app, open_window
from annotator.ui.settings import app_settings
app = ensure_app()
settings = app_settings(); settings.setValue("annotator", "bench")
w = open_window(project_location(sys.argv[1]), settings)
w.show(); w.repaint()
app.processEvents()
import time; print(w.workspace.document.title, len(w.workspace.spans)); print(time.time())
"""


def startup_seconds(location: str, folder: Path) -> tuple[float | None, str]:
    """Wall time from spawning the process to its window painted (None: not within GIVE_UP_S),
    and what it showed (the first document's title, the spans drawn)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # modules from bytecode caches, as on a user's machine
    t0 = time.time()
    try:
        done = subprocess.run([sys.executable, "-c", APP_WINDOW, location, str(folder)], check=True, env=env,
                              capture_output=True, text=True, timeout=GIVE_UP_S)
    except subprocess.TimeoutExpired:
        return None, ""
    *before, painted = done.stdout.strip().splitlines()
    return float(painted) - t0, before[-1] if before else ""


def figures(admin_url: str, documents: int, runs: int = 7) -> list[dict]:
    from annotator.formats.importer import import_paths
    from annotator.store import OpenMode, Store, open_store
    from annotator.store.server.roles import ProjectUsers
    from bench.server import fresh_database
    from bench.server_clients import login_url

    name = f"bench_{secrets.token_hex(3)}_reader"
    with tempfile.TemporaryDirectory() as tmp, fresh_database(admin_url) as owner_url:
        folder = Path(tmp)
        source = folder / "corpus.jsonl"
        corpus(source, documents)
        db = folder / "project.db"
        with Store.open(db) as store:
            import_paths(store, [source], annotator="bench")
        # On the server the spans are the reader's own, as the file's are its window's ("bench").
        theirs = folder / "theirs.jsonl"
        theirs.write_text(source.read_text(encoding="utf-8").replace('"annotator": "bench"', f'"annotator": "{name}"'),
                          encoding="utf-8")
        password = secrets.token_urlsafe(12)
        try:
            with open_store(owner_url, OpenMode.CREATE) as store:
                ProjectUsers(store).add(name, "annotator", password)
                import_paths(store, [theirs], annotator=name)
            url = login_url(owner_url, name, password)
            _, shown = startup_seconds(url, folder)  # warms the caches (files, bytecode, the server's)
            analysed = None
            plain, shown_file = startup_seconds(str(db), folder)
            if plain is None:
                # SQLite's planner, without statistics, counts each document's spans through the
                # annotator's index (documents x spans): what ANALYZE's statistics avoid.
                analysed = folder / "analysed.db"
                shutil.copyfile(db, analysed)
                with sqlite3.connect(analysed) as conn:
                    conn.execute("ANALYZE")
                _, shown_file = startup_seconds(str(analysed), folder)
            servers, files = [], []
            for _ in range(runs):  # alternating, so that both see the same machine load
                servers.append(startup_seconds(url, folder)[0])
                files.append(startup_seconds(str(analysed or db), folder)[0])
        finally:
            with open_store(owner_url, OpenMode.WRITE) as store:  # a login belongs to the server
                store.raw_connection().execute(f'DROP OWNED BY "{name}"')
                store.raw_connection().execute(f'DROP ROLE IF EXISTS "{name}"')

    def said(times: list[float | None]) -> str:
        return ", ".join(f"> {GIVE_UP_S} (gave up)" if t is None else f"{t:.2f}" for t in times)

    print(f"  window on the server, runs (s): {said(servers)}; showed {shown!r} (title, spans drawn); on the file"
          f"{' after ANALYZE' if analysed else ''}: {said(files)}; showed {shown_file!r}", file=sys.stderr)
    server = None if None in servers else statistics.median(servers)
    file = None if None in files else statistics.median(files)
    return [{"figure": f"window on a {documents:,}-document server project, start to first paint (s)",
             "value": round(server, 3) if server else f"> {GIVE_UP_S}",
             "baseline": round(file, 3) if file else f"> {GIVE_UP_S}",
             "ratio": round(server / file, 2) if server and file else "-", "target": TARGET,
             "baseline_is": "the same project as an SQLite file, same start-up measure" + (
                 "" if analysed is None else
                 f", after ANALYZE (as the store leaves it, its window had not painted after {GIVE_UP_S} s)")}]


def run(documents: int = 10_000) -> list[dict]:
    from bench.server import server_url

    with server_url() as url:
        return [] if url is None else figures(url, documents)


if __name__ == "__main__":
    for row in run(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000):
        print(f"{row['figure']}: {row['value']} (baseline {row['baseline']}, ratio {row['ratio']}) "
              f"target {row['target']}")

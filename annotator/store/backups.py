"""Rolling backups of a project: a copy at each start of the app, the last few kept."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

KEEP = 5


def backup_folder(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".backups")


def rolling_backup(db_path: Path, keep: int = KEEP) -> Path:
    """Copy the project into ``NAME.db.backups/`` and delete all but the newest ``keep``.

    Opens its own connection, so it may run on a worker thread while the app works."""
    folder = backup_folder(db_path)
    folder.mkdir(exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{db_path.stem}-{stamp}.db"
    source = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=5)
    destination = sqlite3.connect(target.with_suffix(".partial"))
    try:
        source.backup(destination)
    finally:
        destination.close()
        source.close()
    target.with_suffix(".partial").replace(target)
    for old in sorted(folder.glob(f"{db_path.stem}-*.db"))[:-keep]:
        old.unlink()
    return target

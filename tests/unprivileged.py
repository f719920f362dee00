"""Running this checkout's code as the unprivileged 'nobody' (root writes anywhere, so checks of
read-only files and folders drop root): whether it can, and if not, why."""

from __future__ import annotations

import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def why_nobody_cannot_run_the_checkout() -> str | None:
    if not shutil.which("setpriv"):
        return "needs setpriv to drop root"
    for folder in (REPO, *REPO.parents):
        if not folder.stat().st_mode & 0o001:  # others may not enter it (mktemp -d makes 0700 folders)
            return f"the unprivileged user cannot reach the checkout: {folder} is closed to others"
    return None

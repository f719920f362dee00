"""`annotator suggest` on a damaged project: one line naming the file, nothing written."""

from __future__ import annotations

import pytest

from tests.store.test_damaged_files import DAMAGE, annotator, sound_project  # noqa: F401 (a fixture)


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_suggest_on_a_damaged_project_says_so_in_one_line(damage, sound_project, tmp_path):  # noqa: F811
    db = tmp_path / "p.db"
    data = bytearray(sound_project.read_bytes())
    DAMAGE[damage](data)
    db.write_bytes(bytes(data))
    done = annotator(db, "suggest")
    assert done.returncode != 0
    (line,) = done.stderr.splitlines()
    assert line.startswith(f"annotator: error: {db}: "), line
    assert done.stdout == ""
    assert db.read_bytes() == bytes(data)  # nothing written into it

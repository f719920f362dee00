"""A command that only reads leaves the project's folder as it found it: no -wal or -shm files."""

from annotator.cli import main
from annotator.store import OpenMode, open_store


def test_reading_commands_leave_no_wal_or_shm_files_behind(tmp_path, reference_text, capsys):
    db = tmp_path / "project.db"
    with open_store(db, OpenMode.CREATE) as store:
        document, _ = store.add_document(reference_text, "ref")
        store.create_span(document.id, "alice", "event", 0, 4)
    before = sorted(p.name for p in tmp_path.iterdir())
    digest = db.read_bytes()
    for command in (["stats"], ["check"], ["export", "--format", "jsonl", "--out", str(tmp_path / "out" / "x.jsonl")],
                    ["agreement"]):
        main([command[0], "--db", str(db), *command[1:]])
        assert sorted(p.name for p in tmp_path.iterdir() if p.name != "out") == before, command
    assert db.read_bytes() == digest


def test_a_read_connection_cannot_write(tmp_path, reference_text):
    import pytest

    from annotator.store import StoreError

    db = tmp_path / "project.db"
    with open_store(db, OpenMode.CREATE) as store:
        store.add_document(reference_text, "ref")
    with open_store(db, OpenMode.READ) as store, pytest.raises(StoreError):
        store.add_document("نص آخر", "other")
    with open_store(db, OpenMode.READ) as store:
        assert store.document_count() == 1

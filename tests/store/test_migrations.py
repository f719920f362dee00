"""Databases of every earlier schema version open, migrated with their data intact."""

import shutil
import sqlite3
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.store import Store
from annotator.store.migrations import MIGRATIONS, SCHEMA_VERSION
from tests.arabic_samples import CRLF, EMOJI

FIXTURES = Path(__file__).parent / "fixtures"


def test_there_is_a_fixture_for_every_earlier_version():
    versions = {int(p.stem.split("-v")[1]) for p in FIXTURES.glob("schema-v*.db")}
    assert versions == set(range(1, SCHEMA_VERSION))


def test_version_1_database_migrates_with_its_data(tmp_path):
    db = tmp_path / "old.db"
    shutil.copy(FIXTURES / "schema-v1.db", db)
    assert sqlite3.connect(db).execute("PRAGMA user_version").fetchone()[0] == 1
    with Store.open(db) as store:
        assert store.schema_version == SCHEMA_VERSION == len(MIGRATIONS)
        docs = {d.title: d for d, _ in store.iter_documents_with_spans()}
        assert docs["emoji"].text == EMOJI and docs["crlf"].text == CRLF
        spans = {s.id: s for d in docs.values() for s in store.spans_for(d.id)}
        assert spans["11111111-1111-4111-8111-111111111111"].text == "مدينة الصدر"
        assert spans["22222222-2222-4222-8222-222222222222"].attrs == {"note": "ميناء"}
        assert store.status(docs["emoji"].id, "alice") == "done"
        store.set_setting("blind", "true")  # the new table works
        assert store.setting("blind") == "true"
        assert store.check() == []


def test_a_failed_migration_leaves_the_database_at_its_old_version(tmp_path, monkeypatch):
    db = tmp_path / "old.db"
    shutil.copy(FIXTURES / "schema-v1.db", db)
    import annotator.store.repository as repository

    def broken(db):
        db.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("disk trouble")

    monkeypatch.setattr(repository, "MIGRATIONS", (MIGRATIONS[0], broken))
    with pytest.raises(RuntimeError):
        Store.open(db)
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'half_done'").fetchone()


def test_check_finds_tampering_and_backup_copies_a_live_database(tmp_path, capsys):
    db = tmp_path / "p.db"
    with Store.open(db) as store:
        doc, _ = store.add_document(EMOJI, "e")
        store.create_span(doc.id, "a", "place", 0, 6)
        assert main(["check", "--db", str(db)]) == 0
        # Something outside Annotator edits the file behind its back.
        raw = sqlite3.connect(db)
        raw.execute("UPDATE spans SET text = 'غلط'")
        raw.execute("UPDATE documents SET text = text || '!'")
        raw.commit()
        raw.close()
        capsys.readouterr()
        assert main(["check", "--db", str(db)]) == 1
        out = capsys.readouterr().out
        assert "does not match its SHA-256" in out and "text 'غلط' does not match" in out
        # The online backup works while this connection is open and writing.
        with store.transaction():
            store.create_span(doc.id, "b", "event", 0, 3)
        assert main(["backup", "--db", str(db), str(tmp_path / "copy.db")]) == 0
    with Store.open(tmp_path / "copy.db") as copy:
        assert len(copy.spans_for(1)) == 2


def test_the_app_keeps_rolling_backups(tmp_path):
    from annotator.store.backups import backup_folder, rolling_backup

    db = tmp_path / "p.db"
    with Store.open(db) as store:
        store.add_document(EMOJI, "e")
        for _ in range(7):
            rolling_backup(db, keep=5)
    copies = sorted(backup_folder(db).glob("*.db"))
    assert len(copies) == 5
    with Store.open(copies[-1]) as copy:
        assert copy.document_count() == 1


def test_version_3_database_gains_events_values_and_rejections(tmp_path):
    db = tmp_path / "v3.db"
    shutil.copy(FIXTURES / "schema-v3.db", db)
    with Store.open(db) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.check() == []
    tables = {row[0] for row in sqlite3.connect(db).execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"events", "event_mentions", "event_arguments", "roles", "rejections", "deleted_spans"} <= tables
    roles = [row[0] for row in sqlite3.connect(db).execute("SELECT name FROM roles ORDER BY position")]
    assert roles == ["place", "date", "casualty", "source"]
    kept = sqlite3.connect(db).execute("SELECT count(*) FROM deleted_spans").fetchone()[0]
    assert kept == 1


def test_version_4_database_keeps_its_events_and_values_and_gains_models(tmp_path):
    db = tmp_path / "v4.db"
    shutil.copy(FIXTURES / "schema-v4.db", db)
    with Store.open(db) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.check() == []
        doc = store.document_ids()[0]
        (event,) = store.events_for(doc)
        place = next(s for s in store.spans_for(doc) if s.label == "place")
        assert event.roles == {"place": (place.id,)} and place.value["country"] == "IQ"
    tables = {row[0] for row in sqlite3.connect(db).execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "models" in tables

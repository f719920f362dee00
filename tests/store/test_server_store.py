"""What only the server store has: its schema made on an empty database (and never by a read),
a newer schema refused untouched, an older one migrated after a copy kept as a project file,
``backup`` as a project file, text ordered as SQLite orders it, and faults (wrong password,
no server, a NUL character) refused in one line with nothing stored. Against the real
throw-away server of tests/server_fixture.py."""

from __future__ import annotations

import json
import sqlite3
import threading

import psycopg
import pytest

from annotator.core.model import Event, Label, Span
from annotator.store import (
    InvalidValueError,
    NewerDatabaseError,
    NotAProjectError,
    OpenMode,
    OutdatedDatabaseError,
    ProjectMissingError,
    StoreError,
    open_store,
)
from annotator.store.interface import StoredModel
from annotator.store.migrations import SCHEMA_VERSION
from annotator.store.server import schema
from tests.store.raw_rows import raw_rows


def tables_of(url: str) -> list[str]:
    return sorted(row[0] for row in raw_rows(url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"))


def test_a_read_on_an_empty_database_is_refused_and_creates_nothing(server_database_url):
    with pytest.raises(ProjectMissingError, match="no Annotator project in this database yet; import first"):
        open_store(server_database_url, OpenMode.READ)
    assert tables_of(server_database_url) == []


@pytest.mark.parametrize("mode", [OpenMode.CREATE, OpenMode.WRITE])
def test_the_first_writing_open_creates_the_schema(server_database_url, mode):
    with open_store(server_database_url, mode) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert [label.name for label in store.labels()] == ["event", "place", "date", "casualty", "source"]
        assert [role.name for role in store.roles()] == ["place", "date", "casualty", "source"]
    assert set(tables_of(server_database_url)) == {*schema.TABLES, schema.VERSION_TABLE}
    assert raw_rows(server_database_url, "SELECT version FROM annotator_schema") == [(SCHEMA_VERSION,)]
    with open_store(server_database_url, OpenMode.READ) as store:  # now a read finds the project
        assert store.document_count() == 0


def test_a_newer_schema_is_refused_and_left_untouched(server_database_url):
    with open_store(server_database_url, OpenMode.CREATE) as store:
        store.add_document("نص من إصدار أحدث", "newer")
    with psycopg.connect(server_database_url, autocommit=True) as conn:
        conn.execute("UPDATE annotator_schema SET version = %s", [SCHEMA_VERSION + 1])
    before = tables_of(server_database_url), raw_rows(server_database_url, "SELECT * FROM documents")
    for mode in OpenMode:
        with pytest.raises(NewerDatabaseError, match=f"schema {SCHEMA_VERSION + 1}.*left untouched") as refused:
            open_store(server_database_url, mode)
        assert "\n" not in str(refused.value)
    assert (tables_of(server_database_url), raw_rows(server_database_url, "SELECT * FROM documents")) == before
    assert raw_rows(server_database_url, "SELECT version FROM annotator_schema") == [(SCHEMA_VERSION + 1,)]


def test_another_programs_database_is_refused_untouched(server_database_url):
    with psycopg.connect(server_database_url, autocommit=True) as conn:
        conn.execute("CREATE TABLE invoices (id integer)")
    with pytest.raises(NotAProjectError, match="another program's tables"):
        open_store(server_database_url, OpenMode.CREATE)
    assert tables_of(server_database_url) == ["invoices"]


def test_a_version_4_server_project_is_migrated_after_a_project_file_copy_of_it(
        server_database_url, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    with psycopg.connect(server_database_url, autocommit=True) as conn:
        schema.create_schema(conn, conn.info.dbname, upto=4)
        conn.execute("INSERT INTO documents (title, text, text_sha256, created_at) VALUES "
                     "('old', 'خبر قديم', 'abc', '2025-01-01T00:00:00.000+00:00')")
        conn.execute("INSERT INTO annotators (name) VALUES ('alice')")
        conn.execute("INSERT INTO spans (id, document_id, annotator_id, label, start, \"end\", text, created_at, "
                     "updated_at) VALUES ('s1', 1, 1, 'place', 0, 3, 'خبر', 'x', 'x')")
    assert "models" not in tables_of(server_database_url)

    with pytest.raises(OutdatedDatabaseError, match="annotator upgrade"):  # a read changes nothing
        open_store(server_database_url, OpenMode.READ)
    with open_store(server_database_url, OpenMode.WRITE) as store:
        assert (store.upgraded_from, store.schema_version) == (4, SCHEMA_VERSION)
        copy = store.safety_copy
        assert store.spans_for(1)[0].text == "خبر"
        store.save_model(StoredModel("crf:alice", "alice", ("place",), {}, b"model"))  # version 5's table
    assert copy.parent == tmp_path / "data" / "annotator" / "server-copies" and copy.name.endswith(".v4.bak")
    # The copy is a version-4 project file holding what the server held, read with sqlite3 itself.
    with sqlite3.connect(copy) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 4
        assert conn.execute("SELECT id, title, text FROM documents").fetchall() == [(1, "old", "خبر قديم")]
        assert conn.execute("SELECT id, text FROM spans").fetchall() == [("s1", "خبر")]
        assert conn.execute("SELECT count(*) FROM labels").fetchone()[0] == 5
    # And the SQLite store migrates the copy as it would any version-4 file.
    with open_store(copy, OpenMode.WRITE) as restored:
        assert restored.upgraded_from == 4 and restored.spans_for(1)[0].id == "s1"
    with open_store(server_database_url, OpenMode.WRITE) as store:  # up to date now: no second copy
        assert store.upgraded_from is None and store.safety_copy is None


def _fill(store) -> None:
    document, _ = store.add_document("قصفت طائرات حربية مدينة حلب أمس 😀 وقتل 5 أشخاص", "حلب",
                                     "wire", {"published": "2024-05-01"})
    store.add_label(Label("weapon", "#ff8800", "w", "سلاح", "Weapon"))
    event = store.create_span(document.id, "alice", "event", 0, 4)
    place = store.create_span(document.id, "alice", "place", 23, 26, attrs={"note": "مدينة"})
    store.create_span(document.id, "bob", "casualty", 36, 46)
    gone = store.create_span(document.id, "bob", "weapon", 5, 10)
    store.delete_span(gone.id, by="carol")
    store.save_event(Event("E1", document.id, "alice", (event.id,), {"place": (place.id,)}))
    store.set_status(document.id, "alice", "done")
    store.reject_span(place, by="carol")
    store.set_setting("blind", "1")
    store.save_model(StoredModel("crf:alice", "alice", ("place",), {"documents": {"1": "x"}}, b"\x00\xffmodel"))
    store.set_span_value(place.id, {"name": "حلب"}, edited=True)


def _everything(store) -> dict:
    ids = store.document_ids()
    return {
        "documents": [store.document(i) for i in ids],
        "spans": {i: store.spans_for(i) for i in ids},
        "events": list(store.iter_events()),
        "statuses": {i: store.statuses(i) for i in ids},
        "labels": store.labels(), "roles": store.roles(),
        "annotators": [(a.name, a.role) for a in store.annotators()],
        "deletions": store.deletions(), "rejections": {i: store.rejections_for(i) for i in ids},
        "setting": store.setting("blind"), "models": store.models(), "stats": store.stats(),
    }


def test_backup_writes_a_project_file_holding_the_same_project(server_database_url, tmp_path):
    with open_store(server_database_url, OpenMode.CREATE) as store:
        _fill(store)
    with open_store(server_database_url, OpenMode.READ) as store:
        on_server = _everything(store)
        copy = store.backup(tmp_path / "copies" / "copy.db")
    assert not (tmp_path / "copies" / "copy.db.partial").exists()
    with open_store(copy, OpenMode.READ) as restored:  # the SQLite store reads it
        assert restored.check() == []
        assert _everything(restored) == on_server
    assert on_server["models"][0].data == b"\x00\xffmodel" and on_server["deletions"][0].deleted_by == "carol"


def test_text_is_ordered_by_code_point_as_in_sqlite(store):
    document, _ = store.add_document("ا ب ت ث ج ح خ د", "order")
    ids = ["b", "B", "a", "_", "é", "ز", "Z", "10", "9"]
    for number, span_id in enumerate(ids):
        store.insert_span(Span(span_id, document.id, "alice", "event", number % 7 * 2, number % 7 * 2 + 1,
                               "ابتثجحخ"[number % 7]))
    store.insert_events(Event(f"E{span_id}", document.id, "alice", (span_id,), {}) for span_id in ids)
    assert [e.id for e in store.events_for(document.id)] == sorted(f"E{i}" for i in ids)
    same_start = [s.id for s in store.spans_for(document.id) if s.start == 0]
    assert same_start == sorted(same_start) and len(same_start) == 2


def test_placeholders_and_percent_signs_in_values_are_stored_as_given(store):
    text = "50% من السكان? نعم :name %s %(x)s ?"
    document, _ = store.add_document(text, "100% ?", "src:%s")
    store.set_setting("note", "?:a %% %s")
    assert store.document(document.id).text == text and store.document(document.id).source == "src:%s"
    assert store.setting("note") == "?:a %% %s"
    assert store.document_by_sha256(document.text_sha256).title == "100% ?"


def test_a_nul_character_is_refused_by_name_and_nothing_of_the_import_is_stored(server_database_url, tmp_path):
    from annotator.formats.importer import import_paths

    source = tmp_path / "news.jsonl"
    source.write_text(json.dumps({"text": "خبر سليم", "title": "sound"}) + "\n"
                      + json.dumps({"text": "خبر فيه\u0000 صفر", "title": "nul"}) + "\n", encoding="utf-8")
    with open_store(server_database_url, OpenMode.CREATE) as store:
        with pytest.raises(InvalidValueError, match=r"the document 'nul' holds a NUL character \(U\+0000\)") as refused:
            import_paths(store, [source], "alice")
        assert "\n" not in str(refused.value) and str(store.path) in str(refused.value)
        assert store.document_count() == 0


def test_a_wrong_password_is_one_line_naming_the_server_without_the_password(postgresql_server,
                                                                             server_database_url):
    dbname = server_database_url.rsplit("/", 1)[1]
    url = postgresql_server.url(dbname, user=postgresql_server.superuser, password="not-the-password")
    with pytest.raises(StoreError, match="refused the login for annotator_test_admin") as refused:
        open_store(url, OpenMode.CREATE)
    message = str(refused.value)
    assert "not-the-password" not in message and "\n" not in message
    assert message.startswith(f"postgresql://annotator_test_admin@127.0.0.1:{postgresql_server.port}/{dbname}:")
    assert tables_of(server_database_url) == []


def test_two_clients_opening_an_empty_database_at_once_create_the_schema_once(server_database_url):
    barrier = threading.Barrier(2)
    outcomes: list[object] = []

    def open_it() -> None:
        barrier.wait()
        try:
            with open_store(server_database_url, OpenMode.CREATE) as store:
                outcomes.append(store.schema_version)
        except StoreError as err:
            outcomes.append(err)

    threads = [threading.Thread(target=open_it) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes == [SCHEMA_VERSION, SCHEMA_VERSION]
    assert raw_rows(server_database_url, "SELECT version FROM annotator_schema") == [(SCHEMA_VERSION,)]
    assert raw_rows(server_database_url, "SELECT count(*) FROM labels") == [(5,)]


def test_a_backup_taken_while_another_client_writes_is_one_moment_of_the_project(server_database_url, tmp_path):
    with open_store(server_database_url, OpenMode.CREATE) as store:
        for number in range(300):
            document, _ = store.add_document(f"خبر رقم {number} عن حلب", f"n{number}")
            store.create_span(document.id, "alice", "place", len(f"خبر رقم {number} عن "), len(document.text))
    done = threading.Event()
    written = []

    def write_meanwhile() -> None:
        # Each document comes with its span in one transaction: a copy holding one without the
        # other would mix two moments.
        with open_store(server_database_url, OpenMode.WRITE) as writer:
            number = 300
            while not done.is_set():
                with writer.transaction():
                    document, _ = writer.add_document(f"خبر رقم {number} عن حلب", f"n{number}")
                    writer.create_span(document.id, "bob", "place", len(f"خبر رقم {number} عن "),
                                       len(document.text))
                written.append(number)
                number += 1

    thread = threading.Thread(target=write_meanwhile)
    thread.start()
    try:
        while len(written) < 5:  # the writer is going before the backup starts
            thread.join(0.01)
        with open_store(server_database_url, OpenMode.READ) as store:
            copy = store.backup(tmp_path / "copy.db")
    finally:
        done.set()
        thread.join()
    with open_store(copy, OpenMode.READ) as restored:
        assert restored.check() == []
        counts = {document.id: len(spans) for document, spans in restored.iter_documents_with_spans()}
    assert set(counts.values()) == {1} and len(counts) > 300


def test_a_lost_connection_refuses_the_action_and_the_next_one_reconnects(server_database_url):
    with open_store(server_database_url, OpenMode.CREATE) as store:
        store.add_document("خبر أول", "first")
    with open_store(server_database_url, OpenMode.READ) as store, \
            psycopg.connect(server_database_url, autocommit=True) as admin:
        backend = store.raw_connection().info.backend_pid
        assert admin.execute("SELECT pg_terminate_backend(%s)", [backend]).fetchone()[0]
        with pytest.raises(StoreError, match="the connection to the server was lost; could not read") as lost:
            store.document_count()
        assert "\n" not in str(lost.value)
        assert store.document_count() == 1  # made again, by itself
        assert store.raw_connection().info.backend_pid != backend
        with pytest.raises(StoreError):  # and still read-only: the session's settings came back with it
            store.add_document("خبر ثان", "second")
    assert raw_rows(server_database_url, "SELECT title FROM documents") == [("first",)]

"""Every command with ``--db postgresql://…``, against the real throw-away server of
tests/server_fixture.py: the same project imported into a file and into the server gives the
same figures, exports, agreement, values and suggestions; merge brings a desktop project in
(twice = once) and reports what it refused as it does for a file; backup writes a project file;
and faults (wrong password, no server, the connection lost mid-import) end in one line naming
the server without its password, with nothing of the import stored."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest

from annotator.cli import main
from annotator.store import OpenMode, open_store
from tests.formats.test_import_export import reference_document, write_jsonl
from tests.store.raw_rows import raw_rows

REPO = Path(__file__).resolve().parents[2]


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def cli(*argv, env=None, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "annotator", *map(str, argv)], cwd=REPO, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, **kwargs)


def two_annotators(tmp_path: Path, reference_text: str) -> tuple[Path, Path]:
    alice = reference_document(reference_text)
    bob = reference_document(reference_text)
    bob["spans"] = bob["spans"][1:]  # bob missed the first span: agreement has something to say
    return write_jsonl(tmp_path / "alice.jsonl", [alice]), write_jsonl(tmp_path / "bob.jsonl", [bob])


def without_ids(jsonl: str) -> list[dict]:
    records = [json.loads(line) for line in jsonl.splitlines()]
    for record in records:
        for span in record.get("spans", []):
            span.pop("id", None)  # span ids are made afresh by each import
        # Spans alike but for their annotator are listed in (random) id order.
        record["spans"] = sorted(record.get("spans", []), key=lambda span: json.dumps(span, sort_keys=True))
    return records


def test_every_command_gives_the_same_answers_from_a_server_as_from_a_file(
        server_database_url, tmp_path, reference_text, capsys):
    alice, bob = two_annotators(tmp_path, reference_text)
    answers = {}
    for kind, db in (("file", tmp_path / "p.db"), ("server", server_database_url)):
        out = tmp_path / kind
        out.mkdir()
        said = {}
        assert run(capsys, "import", "--db", db, "--annotator", "alice", alice)[0] == 0
        assert run(capsys, "import", "--db", db, "--annotator", "bob", bob)[0] == 0
        said["stats"] = json.loads(run(capsys, "stats", "--db", db, "--json")[1])
        said["agreement"] = json.loads(run(capsys, "agreement", "--db", db, "--json")[1])
        code, _, err = run(capsys, "normalise", "--db", db)
        said["normalise"] = (code, err.replace(str(db), "DB"))
        code, _, err = run(capsys, "suggest", "--db", db)
        said["suggest"] = (code, err.replace(str(db), "DB"))
        assert run(capsys, "export", "--db", db, "--format", "jsonl", "--out", out / "all.jsonl")[0] == 0
        said["jsonl"] = without_ids((out / "all.jsonl").read_text(encoding="utf-8"))
        assert run(capsys, "export", "--db", db, "--format", "conll", "--annotator", "alice",
                   "--out", out / "alice.conll")[0] == 0
        said["conll"] = (out / "alice.conll").read_text(encoding="utf-8")
        assert run(capsys, "render", "--db", db, "--doc", 1, "--out", out / "doc.html")[0] == 0
        # Spans of one label over the same words are listed in span-id order, and ids are random.
        said["render"] = re.sub(r'title="([^"]*)"', lambda m: "; ".join(sorted(m[1].split("; "))),
                                (out / "doc.html").read_text(encoding="utf-8"))
        code, _, err = run(capsys, "check", "--db", db)
        said["check"] = (code, err.replace(str(db), "DB").replace(str(open_store_location(db)), "DB"))
        answers[kind] = said
    assert answers["server"] == answers["file"]
    assert answers["file"]["stats"]["spans_by_annotator"]["alice"] == 5
    assert answers["file"]["check"] == (0, "DB: ok\n")


def open_store_location(db) -> object:
    from annotator.store import project_location

    return project_location(db if isinstance(db, str) else str(db))


def test_the_database_may_be_named_by_annotator_db(server_database_url, reference_path, capsys, monkeypatch):
    monkeypatch.setenv("ANNOTATOR_DB", server_database_url)
    assert run(capsys, "import", reference_path)[0] == 0
    assert json.loads(run(capsys, "stats", "--json")[1])["documents"] == 1
    assert raw_rows(server_database_url, "SELECT title FROM documents") == [("000_dd904abe3b3d7368",)]


def test_merge_brings_a_desktop_project_in_once_and_reports_as_for_a_file(
        server_database_url, tmp_path, reference_text, capsys):
    alice, _ = two_annotators(tmp_path, reference_text)
    desktop = tmp_path / "alice.db"
    assert run(capsys, "import", "--db", desktop, "--annotator", "alice", alice)[0] == 0
    reports = {}
    for kind, target in (("file", tmp_path / "team.db"), ("server", server_database_url)):
        said = []
        code, _, err = run(capsys, "merge", "--db", target, desktop)
        said.append((code, err))
        with open_store(target, OpenMode.WRITE) as store:  # the reviewer deletes one of alice's spans
            first = store.spans_for(1, ["alice"])[0]
            store.delete_span(first.id, by="reviewer")
        for _ in range(2):  # merging again brings nothing new, and not the deleted span back
            code, _, err = run(capsys, "merge", "--db", target, desktop)
            said.append((code, err))
        with open_store(target, OpenMode.READ) as store:
            said.append((store.document_count(), len(store.spans_for(1)), [d.span_id for d in store.deletions()]))
        reports[kind] = said
    assert reports["server"] == reports["file"]
    first, again, third, held = reports["server"]
    assert first[0] == 0 and "1 new document(s)" in first[1] and "5 new span(s)" in first[1]
    assert "0 new span(s), 4 already here" in again[1] and "1 re-add(s) of deleted spans refused" in again[1]
    assert third == again and held[:2] == (1, 4)


def test_backup_of_a_server_project_is_a_project_file(server_database_url, tmp_path, reference_text, capsys):
    alice, bob = two_annotators(tmp_path, reference_text)
    for who, path in (("alice", alice), ("bob", bob)):
        assert run(capsys, "import", "--db", server_database_url, "--annotator", who, path)[0] == 0
    copy = tmp_path / "copy.db"
    code, _, err = run(capsys, "backup", "--db", server_database_url, copy)
    assert code == 0 and err == f"backed up to {copy}\n"
    server_stats = run(capsys, "stats", "--db", server_database_url, "--json")[1]
    assert run(capsys, "stats", "--db", copy, "--json")[1] == server_stats
    assert run(capsys, "check", "--db", copy)[0] == 0


def _one_line_error(process: subprocess.Popen, *secrets: str) -> str:
    out, err = process.communicate(timeout=120)
    assert process.returncode == 1, err
    assert "Traceback" not in err and err.count("\n") == 1, err
    for secret in secrets:
        assert secret not in err
    return err


def test_a_wrong_password_and_a_server_down_are_one_line_each(postgresql_server, server_database_url):
    dbname = server_database_url.rsplit("/", 1)[1]
    wrong = postgresql_server.url(dbname, user=postgresql_server.superuser, password="wrong-pw")
    err = _one_line_error(cli("--db", wrong, "stats"), "wrong-pw")
    assert err == (f"annotator: error: postgresql://{postgresql_server.superuser}@127.0.0.1:{postgresql_server.port}/"
                   f"{dbname}: the server refused the login for {postgresql_server.superuser} "
                   "(wrong user name or password)\n")
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]  # nothing listens here while the socket is bound and not listening
        err = _one_line_error(cli("--db", f"postgresql://alice:pw-secret@127.0.0.1:{port}/news", "import",
                                  REPO / "tests" / "data" / "articles"), "pw-secret")
    assert err == (f"annotator: error: postgresql://alice@127.0.0.1:{port}/news: no PostgreSQL server answers at "
                   f"127.0.0.1:{port} (is it running? check the host and port)\n")


def test_a_connection_lost_mid_import_stores_nothing_of_it(postgresql_server, server_database_url, tmp_path):
    with open_store(server_database_url, OpenMode.CREATE) as store:  # the schema exists before the import starts
        store.add_document("خبر سابق للاستيراد", "before")
    articles = tmp_path / "many.jsonl"
    with articles.open("w", encoding="utf-8") as out:
        for number in range(40_000):
            text = f"خبر رقم {number}: قصفت طائرات مواقع قرب مدينة حلب صباح اليوم وقتل {number % 90} شخصا."
            out.write(json.dumps({"text": text, "title": f"n{number}",
                                  "spans": [{"start": 0, "end": 3, "label": "event"}]}, ensure_ascii=False) + "\n")
    importing = cli("--db", server_database_url, "import", "--annotator", "alice", articles,
                    env={**os.environ, "PYTHONUNBUFFERED": "1"})
    killed = False
    with psycopg.connect(server_database_url, autocommit=True) as admin:
        deadline = time.monotonic() + 120
        while not killed and importing.poll() is None and time.monotonic() < deadline:
            # The import's connection, once its transaction has written: then cut it off.
            row = admin.execute(
                "SELECT pid FROM pg_stat_activity WHERE application_name = 'annotator' "
                "AND datname = current_database() "
                "AND backend_xid IS NOT NULL AND pid <> pg_backend_pid()").fetchone()
            if row is not None:
                killed = admin.execute("SELECT pg_terminate_backend(%s)", [row[0]]).fetchone()[0]
            else:
                admin.execute("SELECT pg_sleep(0.01)")  # ask again shortly, without busying the CPU the import needs
    assert killed, "the import ended before its connection could be cut"
    err = _one_line_error(importing, postgresql_server.password)
    assert "the connection to the server was lost" in err and "nothing of it was stored" in err
    assert raw_rows(server_database_url, "SELECT title FROM documents") == [("before",)]
    assert raw_rows(server_database_url, "SELECT count(*) FROM spans") == [(0,)]


def test_a_read_only_command_on_an_empty_database_creates_nothing(server_database_url, capsys):
    code, _, err = run(capsys, "stats", "--db", server_database_url)
    assert code == 1 and "no Annotator project in this database yet; import first" in err
    assert raw_rows(server_database_url, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") == [(0,)]


@pytest.mark.parametrize("command", [["stats"], ["export", "--format", "jsonl", "--out", "-"], ["check"]])
def test_no_command_shows_the_password(server_database_url, capsys, command, reference_path):
    password = server_database_url.split(":")[2].split("@")[0]
    assert run(capsys, "import", "--db", server_database_url, reference_path)[0] == 0
    code, out, err = run(capsys, *command, "--db", server_database_url)
    assert code == 0 and password not in out + err


def test_the_window_opens_a_server_project_and_remembers_it_without_the_password(
        postgresql_server, server_database_url, reference_path, tmp_path, capsys):
    assert run(capsys, "import", "--db", server_database_url, reference_path)[0] == 0
    config = tmp_path / "config"
    env = {**os.environ, "XDG_CONFIG_HOME": str(config), "QT_QPA_PLATFORM": "offscreen"}
    shot = tmp_path / "window.png"
    window = cli("--db", server_database_url, "gui", "--screenshot", shot, env=env)
    _, err = window.communicate(timeout=180)
    assert window.returncode == 0, err
    assert shot.stat().st_size > 0
    settings = "".join(path.read_text(errors="replace") for path in config.rglob("*") if path.is_file())
    dbname = server_database_url.rsplit("/", 1)[1]
    assert f"postgresql://{postgresql_server.superuser}@127.0.0.1:{postgresql_server.port}/{dbname}" in settings
    assert postgresql_server.password not in settings

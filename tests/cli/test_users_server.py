"""`annotator users` on a team server (logins and group roles the server enforces) and on a
project file (roles recorded in the annotators table), run as a user runs it: main(argv)."""

from __future__ import annotations

import psycopg
import pytest

from annotator.cli.parser import main
from annotator.store import OpenMode, open_store
from annotator.store.location import ServerAddress
from annotator.store.server.roles import Groups


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def server_project(server_database_url, capsys):
    """A server project with one document, made by the superuser (its owner) through `import`."""
    from pathlib import Path

    article = Path(__file__).parents[1] / "data" / "articles" / "000_dd904abe3b3d7368.txt"
    code, _, err = run(capsys, "import", "--db", server_database_url, str(article))
    assert code == 0, err
    return server_database_url


def login_url(postgresql_server, url: str, user: str, password: str) -> str:
    return postgresql_server.url(url.rsplit("/", 1)[1], user=user, password=password)


def test_users_add_list_set_remove_on_a_server(server_project, postgresql_server, capsys):
    url = server_project
    code, _, err = run(capsys, "users", "add", "--db", url, "alice", "--role", "annotator", "--password", "s3cret")
    assert (code, err.strip()) == (0, f"alice added to {ServerAddress(url)} as annotator")
    assert "s3cret" not in err
    code, _, err = run(capsys, "users", "add", "--db", url, "rita", "--role", "reviewer", "--password", "r1ta")
    assert code == 0, err
    alice_url = login_url(postgresql_server, url, "alice", "s3cret")
    with open_store(alice_url, OpenMode.WRITE) as alice:
        assert alice.login == "alice"
        alice.create_span(1, "alice", "place", 0, 3)

    code, out, _ = run(capsys, "users", "list", "--db", url)
    assert code == 0
    listed = {tuple(line.split()[:2]): line.split()[-1] for line in out.splitlines()[1:]}
    assert listed[("alice", "annotator")] == "1"
    assert listed[("rita", "reviewer")] == "0"
    assert listed[(postgresql_server.superuser, "owner")] == "0"  # the login that made the project

    code, _, err = run(capsys, "users", "set", "--db", url, "alice", "--role", "reviewer")
    assert (code, err.strip()) == (0, "alice is now reviewer")
    with psycopg.connect(alice_url) as raw:
        assert raw.execute("SELECT pg_has_role('alice', %s, 'MEMBER')",
                           [Groups(url.rsplit("/", 1)[1]).reviewer]).fetchone()[0]

    code, _, err = run(capsys, "users", "remove", "--db", url, "rita")
    assert code == 0 and "the login is gone from the server" in err
    code, _, err = run(capsys, "users", "list", "--db", login_url(postgresql_server, url, "rita", "r1ta"))
    assert code == 1 and err.count("\n") == 1 and "refused the login" in err


def test_a_refusal_is_one_line_naming_the_role(server_project, postgresql_server, capsys, tmp_path):
    url = server_project
    assert run(capsys, "users", "add", "--db", url, "alice", "--role", "annotator", "--password", "pw")[0] == 0
    alice_url = login_url(postgresql_server, url, "alice", "pw")
    owner_group = Groups(url.rsplit("/", 1)[1]).owner

    code, _, err = run(capsys, "users", "add", "--db", alice_url, "mallory", "--role", "owner", "--password", "x")
    assert code == 1 and err.count("\n") == 1
    assert f"managing users needs the owner role ({owner_group})" in err and "Traceback" not in err

    article = tmp_path / "new.txt"
    article.write_text("خبر جديد لم يستورد بعد", encoding="utf-8")
    code, _, err = run(capsys, "import", "--db", alice_url, "--annotator", "alice", str(article))
    assert code == 1 and err.count("\n") == 1 and "needs the owner role" in err


def test_a_new_login_needs_a_password_when_there_is_no_terminal(server_project, capsys, monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # not a terminal: nothing to ask on
    code, _, err = run(capsys, "users", "add", "--db", server_project, "alice", "--role", "annotator")
    assert code == 1 and err.count("\n") == 1 and "give a password" in err
    code, out, _ = run(capsys, "users", "--db", server_project)
    assert "alice" not in out


def test_users_on_a_project_file(tmp_path, capsys):
    db = str(tmp_path / "project.db")
    with open_store(db, OpenMode.CREATE):
        pass
    assert run(capsys, "users", "add", "--db", db, "maha", "--role", "reviewer")[0] == 0
    code, out, _ = run(capsys, "users", "list", "--db", db)
    assert ["maha", "reviewer", "0"] in [line.split() for line in out.splitlines()]
    assert run(capsys, "users", "set", "--db", db, "maha", "--role", "annotator")[:2] == (0, "")
    with open_store(db, OpenMode.READ) as store:
        assert [(a.name, a.role) for a in store.annotators()] == [("maha", "annotator")]

    for argv, words in [
        (("users", "add", "--db", db, "maha", "--role", "annotator"), "already in the project"),
        (("users", "add", "--db", db, "sara", "--role", "owner"), "role on a team server"),
        (("users", "add", "--db", db, "sara", "--role", "annotator", "--password", "x"), "no logins"),
        (("users", "remove", "--db", db, "maha"), "no logins to remove"),
        (("users", "set", "--db", db, "gold", "--role", "annotator"), "gold layer"),
    ]:
        code, _, err = run(capsys, *argv)
        assert code == 1 and err.count("\n") == 1 and words in err, (argv, err)
    with open_store(db, OpenMode.READ) as store:
        assert [(a.name, a.role) for a in store.annotators()] == [("maha", "annotator")]



def _run_on_a_terminal(argv: list[str], answers: list[str], timeout_s: float = 60) -> tuple[int, str]:
    """``annotator ARGV`` with a pseudo-terminal as its controlling terminal (where getpass asks),
    answering each password prompt in turn; its exit status and what it wrote there."""
    import os
    import pty
    import select
    import signal
    import sys
    import time

    pid, terminal = pty.fork()
    if pid == 0:  # the child: the pseudo-terminal is its stdin, stdout, stderr and /dev/tty
        try:
            os.execv(sys.executable, [sys.executable, "-m", "annotator", *argv])
        finally:
            os._exit(127)  # never go on running the tests in the child
    shown, given, deadline = b"", 0, time.monotonic() + timeout_s
    try:
        while time.monotonic() < deadline:
            if not select.select([terminal], [], [], deadline - time.monotonic())[0]:
                continue
            try:
                chunk = os.read(terminal, 1024)
            except OSError:  # EIO: the child has closed the terminal, it is done
                break
            if not chunk:
                break
            shown += chunk
            if given < len(answers) and shown.count(b"password for") > given and shown.endswith(b": "):
                os.write(terminal, answers[given].encode() + b"\n")
                given += 1
        else:
            os.kill(pid, signal.SIGKILL)  # never leave a test waiting on a prompt
    finally:
        _, status = os.waitpid(pid, 0)
        os.close(terminal)
    return os.waitstatus_to_exitcode(status), shown.decode(errors="replace")


def test_a_new_logins_password_is_asked_twice_on_a_terminal(server_project, postgresql_server):
    argv = ["users", "add", "--db", server_project, "--role", "annotator"]
    code, shown = _run_on_a_terminal([*argv, "maha"], ["كلمة سر", "كلمة سر"])
    assert code == 0, shown
    assert shown.count("password for maha") == 2 and "كلمة سر" not in shown  # not echoed
    with open_store(login_url(postgresql_server, server_project, "maha", "كلمة سر"), OpenMode.READ) as maha:
        assert maha.login == "maha"
    code, shown = _run_on_a_terminal([*argv, "sara"], ["one", "two"])
    assert code == 1 and "the two passwords differ" in shown, shown

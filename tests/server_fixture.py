"""A throw-away PostgreSQL server for the tests that need one (pytest plugin, registered in
tests/conftest.py).

One server per test session: initdb and pg_ctl from PATH, then /usr/lib/postgresql/*/bin (or only
from the folder ANNOTATOR_TEST_PG_BIN names), run as the unprivileged `postgres` user when we are
root (initdb refuses root) and as ourselves otherwise; its data folder and unix socket in a temporary
folder that user owns; a free loopback port; a superuser that logs in with a password. `pg_ctl stop
-m fast` at the end of the session, whatever the tests did. Where no server can be had, every test
that asks for one is skipped with one line naming what is missing.

`server_database_url` gives a test the URL of a fresh empty database, and afterwards drops it and the
roles the test created (roles belong to the whole server, so one test's `alice` would leak into the
next)."""

from __future__ import annotations

import atexit
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import pytest

SERVER_USER = "postgres"  # the unprivileged account Debian's package creates
SUPERUSER = "annotator_test_admin"
BIN_ENV = "ANNOTATOR_TEST_PG_BIN"
START_TIMEOUT_S = 60


class ServerUnavailable(Exception):
    """What is missing, in one line, for the skip message."""


@dataclass
class TestServer:
    """A running server: how to reach it as the superuser."""

    __test__ = False  # not a test class, whatever pytest thinks of its name

    bin_dir: Path
    folder: Path
    port: int
    password: str
    run_as: str | None  # the user pg_ctl runs as (None: ourselves)
    host: str = "127.0.0.1"
    superuser: str = SUPERUSER
    stopped: bool = field(default=False, repr=False)

    @property
    def data_dir(self) -> Path:
        return self.folder / "data"

    def url(self, dbname: str = "postgres", user: str | None = None, password: str | None = None) -> str:
        """A postgresql:// URL; by default the superuser's, with its password."""
        if user is None:
            user, password = self.superuser, self.password
        login = quote(user, safe="")
        if password is not None:
            login += ":" + quote(password, safe="")
        return f"postgresql://{login}@{self.host}:{self.port}/{quote(dbname, safe='')}"

    def admin_connect(self, dbname: str = "postgres"):
        """An autocommit superuser connection (CREATE/DROP DATABASE cannot run in a transaction)."""
        import psycopg

        return psycopg.connect(self.url(dbname), autocommit=True)

    def stop(self) -> None:
        if self.stopped:
            return
        self.stopped = True
        try:
            if (self.data_dir / "postmaster.pid").exists():
                _run(self, ["pg_ctl", "stop", "-D", str(self.data_dir), "-m", "fast", "-w"], check=False)
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


def find_bin_dir() -> Path:
    """The folder holding initdb and pg_ctl (and postgres beside them)."""
    named = os.environ.get(BIN_ENV)
    if named is not None:
        candidates = [Path(named)]
        where = f"{BIN_ENV}={named}"
    else:
        candidates = []
        on_path = shutil.which("initdb")
        if on_path:
            # Debian links initdb into /usr/local/bin at most; the other programs sit beside the real one.
            candidates.append(Path(on_path).resolve().parent)
        candidates += sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=_version_key, reverse=True)
        where = "PATH or /usr/lib/postgresql/*/bin"
    for folder in candidates:
        if all(os.access(folder / name, os.X_OK) for name in ("initdb", "pg_ctl", "postgres")):
            return folder
    raise ServerUnavailable(f"initdb/pg_ctl not found ({where}); Debian: apt-get install postgresql")


def _version_key(bin_dir: Path) -> tuple[int, str]:
    name = bin_dir.parent.name
    return (int(name), name) if name.isdigit() else (0, name)


def _server_user() -> str | None:
    if os.geteuid() != 0:
        return None
    try:
        pwd.getpwnam(SERVER_USER)
    except KeyError:
        raise ServerUnavailable(f"we are root and there is no user '{SERVER_USER}' to run PostgreSQL as") from None
    if shutil.which("runuser") is None:
        raise ServerUnavailable("we are root and runuser is missing (to run PostgreSQL as 'postgres')")
    return SERVER_USER


def _run(server: TestServer, argv: list[str], *, check: bool = True) -> subprocess.CompletedProcess:
    command = [str(server.bin_dir / argv[0]), *argv[1:]]
    if server.run_as is not None:
        command = ["runuser", "-u", server.run_as, "--", *command]
    done = subprocess.run(command, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    if check and done.returncode != 0:
        message = (done.stderr or done.stdout).strip().splitlines()
        raise RuntimeError(f"{argv[0]} failed ({done.returncode}): {message[-1] if message else 'no output'}")
    return done


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _log_tail(server: TestServer) -> str:
    try:
        lines = (server.folder / "server.log").read_text(errors="replace").strip().splitlines()
    except OSError:
        return "no server log"
    return lines[-1] if lines else "empty server log"


def _started(pid: int) -> str:
    """When process ``pid`` started (clock ticks since boot), so that a reused pid is not taken for it."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[19]
    except (OSError, IndexError):
        return "unknown"


def _stop_abandoned(bin_dir: Path, run_as: str | None) -> None:
    """Stop the servers of sessions that were killed before their finalizers ran (a timeout, a
    SIGKILL): each folder names the session that owns it."""
    for folder in Path("/tmp").glob("annotator-pg-*"):
        try:
            pid, started = (folder / "owner").read_text().split()
        except (OSError, ValueError):
            continue  # not stamped: not ours to judge
        if _started(int(pid)) != started:
            TestServer(bin_dir=bin_dir, folder=folder, port=0, password="", run_as=run_as).stop()


def start_server() -> TestServer:
    bin_dir = find_bin_dir()
    run_as = _server_user()
    _stop_abandoned(bin_dir, run_as)
    # Another user must reach the folder (TMPDIR may sit under a private home) and a socket's path is
    # limited to about 100 bytes: /tmp serves both.
    folder = Path(tempfile.mkdtemp(prefix="annotator-pg-", dir="/tmp" if Path("/tmp").is_dir() else None))
    server = TestServer(bin_dir=bin_dir, folder=folder, port=0, password=secrets.token_urlsafe(16), run_as=run_as)
    try:
        (folder / "owner").write_text(f"{os.getpid()} {_started(os.getpid())}\n")
        password_file = folder / "password"
        password_file.write_text(server.password + "\n")
        password_file.chmod(0o600)
        if run_as is not None:
            account = pwd.getpwnam(run_as)
            for path in (folder, password_file):
                os.chown(path, account.pw_uid, account.pw_gid)
        _run(server, [
            "initdb", "-D", str(server.data_dir), "-U", SUPERUSER, f"--pwfile={password_file}",
            "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C", "--no-sync", "--no-instructions",
        ])
        password_file.unlink()
        # A port found free may be taken before the server binds it: try a few.
        for _attempt in range(3):
            server.port = _free_port()
            options = (
                f"-p {server.port} -k {folder} -c listen_addresses=127.0.0.1 "
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100"
            )
            # -w: pg_ctl polls until the server accepts connections (what pg_isready asks), no fixed sleep.
            started = _run(server, [
                "pg_ctl", "start", "-D", str(server.data_dir), "-l", str(folder / "server.log"),
                "-o", options, "-w", "-t", str(START_TIMEOUT_S),
            ], check=False)
            if started.returncode == 0:
                break
            if "could not bind" not in _log_tail(server) and "in use" not in _log_tail(server):
                raise RuntimeError(f"PostgreSQL did not start: {_log_tail(server)}")
        else:
            raise RuntimeError(f"PostgreSQL did not start: {_log_tail(server)}")
    except BaseException:
        server.stop()
        raise
    atexit.register(server.stop)  # should the session end without running its finalizers
    return server


SKIP_PREFIX = "no PostgreSQL server for the server tests: "
_skip_line: list[int] = []


@pytest.fixture(scope="session")
def postgresql_server() -> Iterator[TestServer]:
    try:
        server = start_server()
    except ServerUnavailable as missing:
        _skip_line.append(sys._getframe().f_lineno + 1)
        pytest.skip(SKIP_PREFIX + str(missing))
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def server_database_url(postgresql_server: TestServer) -> Iterator[str]:
    """The superuser's URL of a fresh empty database, dropped afterwards with the roles the test made."""
    dbname = f"test_{secrets.token_hex(6)}"
    with postgresql_server.admin_connect() as admin:
        roles_before = {row[0] for row in admin.execute("SELECT rolname FROM pg_roles")}
        admin.execute(f'CREATE DATABASE "{dbname}"')
    try:
        yield postgresql_server.url(dbname)
    finally:
        with postgresql_server.admin_connect() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')
            made = {row[0] for row in admin.execute("SELECT rolname FROM pg_roles")} - roles_before
            for role in sorted(made):
                # Only owned objects and privileges block DROP ROLE, and they went with the database.
                admin.execute(f'DROP ROLE IF EXISTS "{role}"')


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """pytest reports a fixture's skip at each test's own line, so `-ra` would list every server test;
    reported at this file's line instead, they fold into ONE summary line naming what is missing."""
    report = yield
    if report.skipped and isinstance(report.longrepr, tuple) and str(report.longrepr[2]).startswith(
        "Skipped: " + SKIP_PREFIX
    ):
        report.longrepr = (__file__, _skip_line[0] if _skip_line else 0, report.longrepr[2])
    return report

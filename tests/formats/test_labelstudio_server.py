"""Our Label Studio export, imported into a real Label Studio server and exported back.

Label Studio pins its own Django stack, so it lives in a venv of its own
(``make labelstudio``, part of ``make test``); without it these tests skip with one line.
The server listens on a loopback port with a data folder in tmp_path and is stopped at
the end of the module. Its database is migrated once (about 30 s) into a seed kept beside
the venv; each run starts from a copy of the seed (a few seconds).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path
from time import monotonic

import pytest

from annotator.formats.exporting import export_to_path
from annotator.formats.importer import import_paths
from annotator.store import Store
from tests.formats import test_interchange
from tests.formats.test_interchange import spans_of

source, project = test_interchange.source, test_interchange.project  # the fixtures, shared

ROOT = Path(__file__).resolve().parents[2]
LABEL_STUDIO = Path(os.environ.get("ANNOTATOR_LABEL_STUDIO", ROOT / ".venv-labelstudio" / "bin" / "label-studio"))
USER, PASSWORD, TOKEN = "tests@annotator.invalid", "annotator-tests", "annotator-tests-token"
INIT_TIMEOUT, START_TIMEOUT, REQUEST_TIMEOUT = 300, 120, 60  # seconds

pytestmark = pytest.mark.slow

if not LABEL_STUDIO.exists():
    pytest.skip(f"Label Studio is not installed at {LABEL_STUDIO}: run `make labelstudio`", allow_module_level=True)


def _environment(home: Path) -> dict[str, str]:
    """Label Studio keeps files under $HOME even with --data-dir, and looks for a newer
    version on pypi.org and reports errors to Sentry unless told not to."""
    return {"PATH": os.environ.get("PATH", ""), "HOME": str(home), "LANG": "C.UTF-8",
            "LATEST_VERSION_CHECK": "false", "COLLECT_ANALYTICS": "false", "SENTRY_DSN": "",
            "FRONTEND_SENTRY_DSN": ""}


def _account() -> list[str]:
    return ["--username", USER, "--password", PASSWORD, "--user-token", TOKEN, "--enable-legacy-api-token"]


def _seed(home: Path, scratch: Path) -> Path:
    """A migrated data folder holding our user, made once beside Label Studio's venv (or
    in scratch when that folder is read-only)."""
    seed = LABEL_STUDIO.parent.parent / "annotator-test-seed"
    if (seed / "label_studio.sqlite3").exists():
        return seed
    try:
        building = Path(str(seed) + f".{os.getpid()}")
        building.mkdir()
    except OSError:
        seed = building = scratch / "seed"
    subprocess.run([str(LABEL_STUDIO), "init", "--data-dir", str(building), "-q", *_account()],
                   env=_environment(home), check=True, timeout=INIT_TIMEOUT, stdout=subprocess.DEVNULL,
                   stderr=subprocess.STDOUT)
    if building != seed:
        try:
            building.rename(seed)  # atomic: a run that starts now sees a whole seed or none
        except OSError:  # another run made it first
            shutil.rmtree(building)
    return seed


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class LabelStudio:
    """The REST calls the tests make, as the seed's user with its token."""

    def __init__(self, url: str):
        self.url = url

    def call(self, method: str, path: str, body: bytes | None = None, content_type: str = "application/json"):
        request = urllib.request.Request(self.url + path, data=body, method=method,
                                         headers={"Authorization": f"Token {TOKEN}", "Content-Type": content_type})
        try:
            with urllib.request.urlopen(request, timeout=REQUEST_TIMEOUT) as response:
                return response.status, json.loads(response.read() or b"null")
        except urllib.error.HTTPError as err:
            return err.code, err.read().decode("utf-8", "replace")

    def create_project(self, title: str, config: str) -> int:
        body = json.dumps({"title": title, "label_config": config}).encode()
        status, project = self.call("POST", "/api/projects", body)
        assert status == 201, project
        return project["id"]

    def upload(self, project_id: int, path: Path):
        """The tasks file as the import dialog sends it: a multipart upload."""
        boundary = "annotator-tests-boundary"
        head = (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{path.name}"\r\n'
                "Content-Type: application/json\r\n\r\n")
        body = head.encode() + path.read_bytes() + f"\r\n--{boundary}--\r\n".encode()
        content_type = f"multipart/form-data; boundary={boundary}"
        return self.call("POST", f"/api/projects/{project_id}/import", body, content_type)

    def export(self, project_id: int, path: Path) -> list:
        """Label Studio's JSON export of the project, written to path as it sends it."""
        request = urllib.request.Request(f"{self.url}/api/projects/{project_id}/export?exportType=JSON",
                                         headers={"Authorization": f"Token {TOKEN}"})
        with urllib.request.urlopen(request, timeout=REQUEST_TIMEOUT) as response:
            path.write_bytes(response.read())
        return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def label_studio(tmp_path_factory):
    scratch = tmp_path_factory.mktemp("label-studio")
    home = scratch / "home"
    home.mkdir()
    data = scratch / "data"
    shutil.copytree(_seed(home, scratch), data)
    port = _free_port()
    log = scratch / "server.log"
    with log.open("wb") as output:
        server = subprocess.Popen([str(LABEL_STUDIO), "start", "--no-browser", "--internal-host", "127.0.0.1",
                                   "--port", str(port), "--data-dir", str(data), *_account()],
                                  env=_environment(home), stdout=output, stderr=subprocess.STDOUT)
    try:
        _wait_until_healthy(server, f"http://127.0.0.1:{port}/health", log)
        yield LabelStudio(f"http://127.0.0.1:{port}")
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _wait_until_healthy(server: subprocess.Popen, health: str, log: Path) -> None:
    deadline = monotonic() + START_TIMEOUT
    while monotonic() < deadline:
        try:
            with urllib.request.urlopen(health, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:  # not listening yet
            pass
        try:
            server.wait(timeout=0.25)  # the pause between polls, which also notices a crash
        except subprocess.TimeoutExpired:
            continue
        tail = log.read_text(encoding="utf-8", errors="replace").splitlines()[-15:]
        pytest.fail(f"Label Studio exited with {server.returncode} while starting:\n" + "\n".join(tail))
    pytest.fail(f"Label Studio did not answer {health} within {START_TIMEOUT} s (log: {log})")


def _regions(tasks: list) -> list[tuple]:
    """(span id, text, start, end, label, annotator) of every region of every annotation."""
    return [(r["id"], t["data"]["text"], r["value"]["start"], r["value"]["end"], label, r["meta"]["annotator"])
            for t in tasks for a in t["annotations"] for r in a["result"] for label in r["value"]["labels"]]


def _spans(store: Store) -> list[tuple]:
    return [(s.id, d.text, s.start, s.end, s.label, s.annotator) for d, spans in store.iter_documents_with_spans()
            for s in spans]


def _import_into_label_studio(label_studio: LabelStudio, store: Store, tmp_path: Path, title: str):
    out = tmp_path / "tasks.json"
    export_to_path(store, "labelstudio", out)
    config = (tmp_path / "tasks.label_config.xml").read_text(encoding="utf-8")
    project_id = label_studio.create_project(title, config)
    return project_id, label_studio.upload(project_id, out)


def test_label_studio_imports_every_region_with_its_span_id_and_annotator(label_studio, project, tmp_path):
    project_id, (status, answer) = _import_into_label_studio(label_studio, project, tmp_path, "every region")
    assert status == 201, answer  # was 400: "Unknown annotator's email alice"
    documents = list(project.iter_documents_with_spans())
    assert answer["task_count"] == len(documents)
    assert answer["annotation_count"] == sum(len({s.annotator for s in spans}) for _, spans in documents)
    regions = _regions(label_studio.export(project_id, tmp_path / "label-studio-export.json"))
    spans = _spans(project)
    per_annotator = Counter(r[-1] for r in regions)
    assert per_annotator == Counter(s[-1] for s in spans) and set(per_annotator) == {"alice", "bob"}
    assert sorted(regions) == sorted(spans)


def test_what_label_studio_exports_reads_back_as_the_same_spans(label_studio, project, tmp_path):
    project_id, (status, answer) = _import_into_label_studio(label_studio, project, tmp_path, "read back")
    assert status == 201, answer
    exported = tmp_path / "label-studio-export.json"
    label_studio.export(project_id, exported)
    report = import_paths(project, [exported], annotator="someone-else")
    assert (report.documents_added, report.spans_added) == (0, 0)  # the same project: nothing new
    assert report.spans_existing == len(_spans(project))
    with Store.open(tmp_path / "fresh.db") as fresh:
        import_paths(fresh, [exported], annotator="someone-else")
        assert sorted(_spans(fresh)) == sorted(_spans(project))  # ids and annotators included
        assert spans_of(fresh) == spans_of(project)

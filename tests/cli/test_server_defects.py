"""What an outside-in run of the README's "A team on one server" found, each as a user meets it:
main(argv) with a login's URL against the throw-away server (tests/server_fixture.py). An annotator
naming someone else's spans is refused in one line, not given an empty answer; normalise counts
only what it stored; import labels as the login; a reviewer stores models of anyone; a refused
bulk write says one line; a new login's password comes from piped stdin; file and server list the
layers alike."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

import pytest

from annotator.cli.parser import main
from annotator.core.model import SUGGESTED
from annotator.store import OpenMode, open_store
from annotator.store.location import ServerAddress
from annotator.store.server.roles import Groups
from tests.formats.test_import_export import reference_document, write_jsonl

PASSWORDS = {"maha": "maha-pw", "rita": "rita-pw"}


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@dataclass
class Team:
    url: str  # the owner's (the fixture's superuser)
    server: object
    article: Path  # the reference article as JSON Lines, with its five spans

    @property
    def dbname(self) -> str:
        return self.url.rsplit("/", 1)[1]

    def url_as(self, login: str) -> str:
        return self.server.url(self.dbname, user=login, password=PASSWORDS[login])

    def values(self) -> dict[str, object]:
        """Every span's value as the owner reads it (all of them)."""
        with open_store(self.url, OpenMode.READ) as owner:
            return {span.id: span.value for _, spans in owner.iter_documents_with_spans() for span in spans}


@pytest.fixture
def team(postgresql_server, server_database_url, tmp_path, reference_text, capsys) -> Team:
    """The reference article labelled by maha (annotator), rita (reviewer) and gold, and the same
    spans, without values, as suggestions."""
    article = write_jsonl(tmp_path / "article.jsonl", [reference_document(reference_text)])
    url = server_database_url
    for name in ("maha", "rita", "gold"):
        code, _, err = run(capsys, "import", "--db", url, "--annotator", name, article)
        assert code == 0, err
    for name, role in (("maha", "annotator"), ("rita", "reviewer")):
        code, _, err = run(capsys, "users", "add", "--db", url, name, "--role", role, "--password", PASSWORDS[name])
        assert code == 0, err
    with open_store(url, OpenMode.WRITE) as owner:
        (document_id,) = owner.document_ids()
        for span in owner.spans_for(document_id, ["maha"]):
            owner.create_span(document_id, SUGGESTED, span.label, span.start, span.end)
    return Team(url, postgresql_server, article)


# -- 3: naming someone else's spans -----------------------------------------------------


def test_an_annotator_asking_for_another_persons_spans_is_refused_in_one_line(team, tmp_path, capsys):
    maha = team.url_as("maha")
    reviewer = Groups(team.dbname).reviewer
    for who, what in (("rita", "rita's spans"), ("gold", "the gold layer")):
        out = tmp_path / f"{who}.csv"
        code, _, err = run(capsys, "export", "--db", maha, "--format", "csv", "--annotator", who, "--out", out)
        assert code == 1 and err.count("\n") == 1, err
        assert f"reading {what} needs the reviewer role ({reviewer})" in err
        assert not out.exists()
    code, out, err = run(capsys, "agreement", "--db", maha, "--annotator", "maha", "--annotator", "rita")
    assert (code, out) == (1, "") and err.count("\n") == 1
    assert f"reading rita's spans needs the reviewer role ({reviewer})" in err

    # Her own spans and the suggestions she may read: exported as before.
    mine = tmp_path / "maha.csv"
    code, _, err = run(capsys, "export", "--db", maha, "--format", "csv", "--annotator", "maha",
                       "--annotator", SUGGESTED, "--out", mine)
    assert code == 0, err
    with mine.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert len(rows) == 10 and {row["annotator"] for row in rows} == {"maha", SUGGESTED}
    # A reviewer reads everyone's.
    code, out, err = run(capsys, "agreement", "--db", team.url_as("rita"), "--annotator", "maha", "--annotator",
                         "rita")
    assert code == 0, err
    assert "1.000" in out


def test_users_as_an_annotator_shows_no_count_it_cannot_see(team, capsys):
    code, out, err = run(capsys, "users", "--db", team.url_as("maha"))
    assert code == 0, err
    rows = {line.split()[0]: line.split()[1:] for line in out.splitlines()[1:]}
    assert rows["maha"] == ["annotator", "5"]
    assert rows[SUGGESTED] == ["layer", "5"]
    assert rows["rita"] == ["reviewer", "—"]
    assert rows["gold"] == ["layer", "—"]
    code, out, _ = run(capsys, "users", "--db", team.url_as("rita"))
    rows = {line.split()[0]: line.split()[1:] for line in out.splitlines()[1:]}
    assert rows["maha"] == ["annotator", "5"] and rows["gold"] == ["layer", "5"]


# -- 4: normalise counts what it stored ---------------------------------------------------


def test_normalise_as_an_annotator_counts_only_the_values_it_stored(team, capsys):
    with open_store(team.url, OpenMode.WRITE) as owner:  # maha's values gone: normalise has work of hers
        owner.set_span_values({span.id: None for _, spans in owner.iter_documents_with_spans()
                               for span in spans if span.annotator == "maha"})
    before = team.values()
    code, out, err = run(capsys, "normalise", "--all", "--db", team.url_as("maha"))
    assert code == 0, err
    after = team.values()
    stored = [span_id for span_id in after if after[span_id] != before[span_id]]
    said = int(err.split("value(s) changed")[0].split()[-1])
    assert said == len(stored) > 0
    table = {line.split()[0]: line.split()[1:] for line in out.splitlines()[1:]}
    assert sum(int(counts[2]) for counts in table.values()) == len(stored)


# -- 5: import labels as the login --------------------------------------------------------


def test_import_without_annotator_on_a_server_labels_as_the_login(team, capsys):
    code, _, err = run(capsys, "import", "--db", team.url_as("maha"), team.article)
    assert code == 0, err
    with open_store(team.url, OpenMode.READ) as owner:
        assert "root" not in {a.name for a in owner.annotators()}
        (document_id,) = owner.document_ids()
        assert len(owner.spans_for(document_id, ["maha"])) == 5


# -- 8: models --------------------------------------------------------------------------


def test_suggest_learning_from_someone_else_as_an_annotator_is_refused_before_training(team, capsys):
    code, _, err = run(capsys, "suggest", "--db", team.url_as("maha"), "--learn-from", "rita")
    assert code == 1 and err.count("\n") == 1
    assert "reading rita's spans needs the reviewer role" in err


# -- 9: a refused bulk write says one line ---------------------------------------------------


def test_suggest_as_an_annotator_is_refused_in_one_line_before_any_work(team, capsys):
    code, out, err = run(capsys, "suggest", "--db", team.url_as("maha"), "--learn-from", "maha")
    assert (code, out) == (1, "")
    assert err.count("\n") == 1, err
    assert f"writing the suggested layer needs the reviewer role ({Groups(team.dbname).reviewer})" in err


# -- 12: a password piped in ----------------------------------------------------------------


def test_a_new_logins_password_is_read_from_piped_stdin(team, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("n3w-pw\nn3w-pw\n"))
    code, _, err = run(capsys, "users", "add", "--db", team.url, "nadia", "--role", "annotator")
    assert code == 0, err
    assert "n3w-pw" not in err
    url = team.server.url(team.dbname, user="nadia", password="n3w-pw")
    with open_store(url, OpenMode.READ) as nadia:
        assert nadia.login == "nadia"
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code, _, err = run(capsys, "users", "add", "--db", team.url, "omar", "--role", "annotator")
    assert code == 1 and err.count("\n") == 1 and "standard input" in err


# -- 13: one listing for file and server ----------------------------------------------------


def test_the_layers_are_listed_as_layers_in_a_project_file_too(tmp_path, team, capsys):
    db = tmp_path / "project.db"
    assert run(capsys, "import", "--db", db, "--annotator", "gold", team.article)[0] == 0
    assert run(capsys, "suggest", "--db", db)[0] == 0
    code, out, _ = run(capsys, "users", "--db", db)
    rows = {line.split()[0]: line.split()[1] for line in out.splitlines()[1:]}
    assert rows["gold"] == "layer" and rows[SUGGESTED] == "layer"
    code, _, err = run(capsys, "users", "add", "--db", db, "gold", "--role", "annotator")
    assert code == 1 and err.strip() == f"annotator: error: {db}: gold is the gold layer, not a user"
    code, _, err = run(capsys, "users", "add", "--db", team.url, "gold", "--role", "annotator")
    address = ServerAddress(team.url)
    assert (code, err.strip()) == (1, f"annotator: error: {address}: gold is the gold layer, not a user")


def test_a_removed_user_is_listed_without_the_role_they_no_longer_have(team, capsys):
    assert run(capsys, "users", "set", "--db", team.url, "maha", "--role", "reviewer")[0] == 0
    assert run(capsys, "users", "remove", "--db", team.url, "maha")[0] == 0
    code, out, _ = run(capsys, "users", "--db", team.url)
    rows = {line.split()[0]: line.split()[1:] for line in out.splitlines()[1:]}
    assert rows["maha"] == ["(no", "login)", "5"]
    assert rows["rita"] == ["reviewer", "5"]


def test_a_refused_bulk_write_of_many_rows_leaves_no_pipeline_warning(team, capsys, caplog):
    from annotator.core.model import Span, new_span_id
    from annotator.store.server.errors import PermissionRefused

    with open_store(team.url_as("maha"), OpenMode.WRITE) as maha:
        (document_id,) = maha.document_ids()
        text = maha.document_text(document_id)
        spans = [Span(new_span_id(), document_id, SUGGESTED, "place", at, at + 1, text[at:at + 1])
                 for at in range(min(len(text), 2000))]
        with pytest.raises(PermissionRefused) as refused:
            maha.replace_suggestions(document_id, spans)
        # The connection is still good for the next action.
        assert len(maha.spans_for(document_id, ["maha"])) == 5
    assert "writing the suggested layer needs the reviewer role" in str(refused.value)
    assert capsys.readouterr().err == ""
    # Outside pytest, psycopg's warnings go to stderr (logging's last resort): there must be none.
    assert [record.getMessage() for record in caplog.records if record.name.startswith("psycopg")] == []


def test_a_reviewer_learning_from_an_annotator_stores_the_model(team, capsys):
    code, out, err = run(capsys, "suggest", "--db", team.url_as("rita"), "--learn-from", "maha")
    assert code == 0, err
    assert "suggestion(s) stored" in out
    with open_store(team.url, OpenMode.READ) as owner:
        assert [model.annotator for model in owner.models()] == ["maha"]

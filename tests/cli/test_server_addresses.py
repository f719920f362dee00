"""Server addresses as people type them: a mistyped one is one line naming it without its
password, never a traceback and never a file made of it (found from outside, issue 16)."""

from __future__ import annotations

import os

import pytest

from annotator.cli import main


@pytest.mark.parametrize(("address", "said"), [
    ("postgresql:/newsteam:Secret1@127.0.0.1:55499/news", "write postgresql:// before the user and host"),
    ("Postgres:newsteam:Secret1@127.0.0.1/news", "write postgres:// before the user and host"),
    ("postgresql://maha:Secret1@127.0.0.1:notaport/news", "not a server's address: Port could not be cast"),
    ("postgresql://maha:Secret1@127.0.0.1:99999/news", "not a server's address: Port out of range"),
    ("postgresql://maha:Secret1@[::1/news", "not a server's address: Invalid IPv6 URL"),
    ("mysql://maha:Secret1@127.0.0.1/news", "not a project file or a PostgreSQL server's address"),
])
@pytest.mark.parametrize("command", [["stats"], ["import", "article.txt"]])
def test_a_mistyped_address_is_one_line_without_the_password_and_makes_no_file(tmp_path, monkeypatch, capsys,
                                                                               address, said, command):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "article.txt").write_text("قصفت طائرات مواقع قرب حلب", encoding="utf-8")
    assert main([command[0], "--db", address, *command[1:]]) != 0
    err = capsys.readouterr().err
    assert said in err and "Secret1" not in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert sorted(os.listdir(tmp_path)) == ["article.txt"]  # no folder or project made of the address


def test_an_address_in_capitals_or_with_spaces_around_reaches_the_server(server_database_url, monkeypatch, capsys):
    scheme, rest = server_database_url.split("://", 1)
    assert main(["stats", "--db", f"{scheme.upper()}://{rest}"]) != 0  # an empty database: no project yet
    err = capsys.readouterr().err
    assert "no Annotator project in this database yet" in err
    password = rest.split("@", 1)[0].partition(":")[2]
    assert password and password not in err
    monkeypatch.setenv("ANNOTATOR_DB", f"  {server_database_url}\n")
    assert main(["stats"]) != 0
    assert "no Annotator project in this database yet" in capsys.readouterr().err

"""Review mode in a window on a team server (tests/server_fixture.py's throw-away PostgreSQL;
skipped in one line where none can be had): open only to the reviewer and owner roles, and a
change the server's roles refuse is said once, with OK only: trying again cannot help."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from annotator.formats.importer import import_paths
from annotator.review.adjudication import GOLD
from annotator.store import OpenMode, open_store
from annotator.store.server.roles import ProjectUsers
from annotator.ui.app import open_window
from annotator.ui.document_list import status_names
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import ANNOTATOR, app_settings
from tests.ui.test_server_window import server_window, shown, stored_spans

ARTICLE = Path(__file__).parents[1] / "data" / "articles" / "000_dd904abe3b3d7368.txt"
NEEDS_REVIEWER = "needs the reviewer role"


@pytest.fixture
def team(server_database_url, postgresql_server):
    """A server project with the reference article and one span of maha's, made by its owner;
    logins maha (annotator) and rita (reviewer). Returns login -> URL with its password."""
    with open_store(server_database_url, OpenMode.CREATE) as owner:
        import_paths(owner, [ARTICLE], annotator="owner")
        users = ProjectUsers(owner)
        users.add("maha", "annotator", "maha-pw")
        users.add("rita", "reviewer", "rita-pw")
    dbname = server_database_url.rsplit("/", 1)[1]
    urls = {"owner": server_database_url,
            "maha": postgresql_server.url(dbname, user="maha", password="maha-pw"),
            "rita": postgresql_server.url(dbname, user="rita", password="rita-pw")}
    with open_store(urls["maha"], OpenMode.WRITE) as maha:
        document_id = maha.document_ids()[0]
        text = maha.document_text(document_id)
        at = text.index("سوريا")
        maha.create_span(document_id, "maha", "place", at, at + len("سوريا"))
    return urls


@pytest.fixture(autouse=True)
def warnings_shown(monkeypatch):
    """Each warning the window shows, as (title, text, buttons offered); answered with the
    first button offered (a modal box would wait for a click that never comes)."""
    said: list[tuple[str, str, object]] = []

    def warning(parent, title, text, buttons=QMessageBox.StandardButton.Ok, default=None):
        said.append((title, text, buttons))
        return QMessageBox.StandardButton.Ok if buttons == QMessageBox.StandardButton.Ok \
            else QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "warning", warning)
    monkeypatch.setattr(QMessageBox, "critical", warning)
    return said


def press_ctrl_r(qtbot, window: MainWindow) -> None:
    qtbot.keyClick(window.view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)


def listed_statuses(window: MainWindow) -> set[str]:
    model = window.documents
    return {model.index(row, column).data() for row in range(model.rowCount())
            for column in range(model.columnCount())}


# -- 10. review mode only for reviewers and owners ------------------------------------------------


def test_the_store_says_the_logins_role_on_a_server_and_none_for_a_project_file(team, tmp_path):
    for login, role in (("owner", "owner"), ("rita", "reviewer"), ("maha", "annotator")):
        with open_store(team[login], OpenMode.READ) as store:
            assert store.login_role() == role
    with open_store(team["owner"], OpenMode.WRITE) as owner:
        ProjectUsers(owner).set_role("maha", "reviewer")  # a role the owner changes is read afresh
    with open_store(team["maha"], OpenMode.READ) as store:
        assert store.login_role() == "reviewer"
    with open_store(tmp_path / "p.db", OpenMode.CREATE) as store:
        assert store.login_role() is None


def test_an_annotator_on_a_server_cannot_enter_review_mode(qtbot, team, warnings_shown):
    window = server_window(qtbot, team["maha"])
    action = window.review_action
    assert not action.isEnabled() and NEEDS_REVIEWER in action.toolTip()
    # The other views drawn from everyone's spans would show her only her own: closed to her too.
    assert not window.side_by_side_action.isEnabled() and not window.dashboard_action.isEnabled()

    press_ctrl_r(qtbot, window)
    assert NEEDS_REVIEWER in window.statusBar().currentMessage()
    assert not window.workspace.review_mode and not action.isChecked() and window.review_label.text() == ""
    assert [(s.annotator, s.text) for s in window.workspace.spans] == [("maha", "سوريا")]
    assert status_names(True)["new"] not in listed_statuses(window)  # no document reads "to review"
    assert not window.accept_action.isEnabled()

    qtbot.keyClick(window.view, "a")  # A does nothing outside review mode: nothing asked, nothing written
    assert warnings_shown == []
    assert [s.annotator for s in stored_spans(team["owner"])] == ["maha"]


@pytest.mark.parametrize("login", ["rita", "owner"])
def test_reviewers_and_owners_on_a_server_enter_review_mode_with_ctrl_r(qtbot, team, login, warnings_shown):
    window = server_window(qtbot, team[login])
    assert window.review_action.isEnabled() and window.side_by_side_action.isEnabled()
    assert NEEDS_REVIEWER not in window.review_action.toolTip()
    press_ctrl_r(qtbot, window)
    assert window.workspace.review_mode and window.review_label.text()
    assert "maha" in {s.annotator for s in window.workspace.spans}  # everyone's spans
    assert warnings_shown == []


def test_review_mode_in_a_project_file_is_open_to_whoever_labels(qtbot, tmp_path, warnings_shown):
    db = tmp_path / "p.db"
    with open_store(db, OpenMode.CREATE) as store:
        import_paths(store, [ARTICLE], annotator="alice")
    settings = app_settings()
    ANNOTATOR.write(settings, "alice")
    window = shown(qtbot, open_window(db, settings, ask_name=False))
    assert window.review_action.isEnabled()
    press_ctrl_r(qtbot, window)
    assert window.workspace.review_mode and window.accept_action.isEnabled()
    assert warnings_shown == []


# -- 11. a refusal of the server's roles: OK only, nothing made ---------------------------------------


def test_a_change_the_servers_roles_refuse_is_said_once_with_ok_only(qtbot, team, warnings_shown):
    window = server_window(qtbot, team["rita"])
    press_ctrl_r(qtbot, window)
    assert window.workspace.review_mode
    with open_store(team["owner"], OpenMode.WRITE) as owner:  # rita is made an annotator meanwhile
        ProjectUsers(owner).set_role("rita", "annotator")
    stack = window.workspace.undo_stack
    before = stack.index()
    maha_span = next(s for s in window.workspace.spans if s.annotator == "maha")
    window.view.select_span(maha_span)

    qtbot.keyClick(window.view, "a")  # accept into gold: the server refuses it
    assert len(warnings_shown) == 1
    title, text, buttons = warnings_shown[0]
    assert buttons == QMessageBox.StandardButton.Ok  # no Retry: trying again cannot help
    assert "Try again" not in text and "\n" not in text and NEEDS_REVIEWER in text
    assert stack.index() == before and stack.count() == before  # nothing on the undo stack
    assert [s.annotator for s in window.workspace.spans] == ["maha"]  # nothing shown as made
    assert GOLD not in {s.annotator for s in stored_spans(team["owner"])}  # nothing stored
    assert "Not saved" in window.statusBar().currentMessage()



def test_the_role_is_read_right_in_a_database_named_with_capitals(server_database_url, postgresql_server):
    """The groups are named after the database: "Team_…_reviewer" must not be read as team_…_reviewer."""
    dbname = "Team_" + server_database_url.rsplit("_", 1)[1]
    with postgresql_server.admin_connect() as admin:
        admin.execute(f'CREATE DATABASE "{dbname}"')
    try:
        with open_store(postgresql_server.url(dbname), OpenMode.CREATE) as owner:
            import_paths(owner, [ARTICLE], annotator="owner")
            ProjectUsers(owner).add("rita", "reviewer", "rita-pw")
            assert owner.login_role() == "owner"
        with open_store(postgresql_server.url(dbname, user="rita", password="rita-pw"), OpenMode.READ) as rita:
            assert rita.login_role() == "reviewer"
    finally:
        with postgresql_server.admin_connect() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')

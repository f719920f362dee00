"""The window on a team server (tests/server_fixture.py's throw-away PostgreSQL; skipped in one
line where none can be had): the login is the annotator, File ▸ Connect to server…, other clients'
changes shown live, a lost connection refused with Retry."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.formats.importer import import_paths
from annotator.store import OpenMode, open_store
from annotator.store.location import ServerAddress
from annotator.store.server.roles import ProjectUsers
from annotator.ui.app import open_window
from annotator.ui.main_window import MainWindow
from annotator.ui.resources import load_fonts
from annotator.ui.settings import ANNOTATOR, RECENT_SERVERS, app_settings
from tests.ui.conftest import drag

ARTICLE = Path(__file__).parents[1] / "data" / "articles" / "000_dd904abe3b3d7368.txt"


@pytest.fixture
def team(server_database_url, postgresql_server):
    """A server project with the reference article, made by its owner, and two logins:
    maha (annotator) and rita (reviewer). Returns login -> URL with its password."""
    with open_store(server_database_url, OpenMode.CREATE) as owner:
        import_paths(owner, [ARTICLE], annotator="owner")
        users = ProjectUsers(owner)
        users.add("maha", "annotator", "maha-pw")
        users.add("rita", "reviewer", "rita-pw")
    dbname = server_database_url.rsplit("/", 1)[1]
    return {"owner": server_database_url,
            "maha": postgresql_server.url(dbname, user="maha", password="maha-pw"),
            "rita": postgresql_server.url(dbname, user="rita", password="rita-pw")}


class Said(list):
    answers: list


@pytest.fixture(autouse=True)
def warnings_shown(monkeypatch):
    """The warnings the window shows, answered Retry or Cancel as a test says (a modal box
    would wait for a click that never comes)."""
    said = Said()
    answers: list = []  # what to answer, in turn; Cancel once they run out

    def warning(parent, title, text, buttons=None, default=None):
        said.append(text)
        return answers.pop(0)() if answers else QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "warning", warning)
    monkeypatch.setattr(QMessageBox, "critical", warning)  # "Cannot open the project"
    said.answers = answers
    return said


def shown(qtbot, window: MainWindow) -> MainWindow:
    qtbot.addWidget(window)
    window.resize(1300, 900)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def server_window(qtbot, url: str, settings=None) -> MainWindow:
    """The window as `annotator gui --db URL` opens it."""
    load_fonts()
    reported = []
    window = open_window(ServerAddress(url), settings or app_settings(), ask_name=False, report=reported.append)
    assert window is not None, reported
    return shown(qtbot, window)


def stored_spans(url: str, annotators=None):
    with open_store(url, OpenMode.READ) as store:
        return store.spans_for(store.document_ids()[0], annotators)


def label_word(qtbot, window: MainWindow, word: str, key: str = "1") -> None:
    text = window.workspace.document.text
    at = text.index(word)
    drag(qtbot, window.view, at, at + len(word))
    qtbot.keyClick(window.view, key)


# -- 1. the login is the annotator ------------------------------------------------------------


def test_on_a_server_the_window_labels_as_the_login_whatever_the_settings_say(qtbot, team):
    settings = app_settings()
    ANNOTATOR.write(settings, "reviewer")  # what R's `annotator gui --db postgresql://maha@…` met
    window = server_window(qtbot, team["maha"], settings)
    assert window.workspace.annotator == "maha"
    assert "maha" in window.annotator_label.text()
    label_word(qtbot, window, "قصفت")
    assert [(s.annotator, s.text) for s in stored_spans(team["owner"])] == [("maha", "قصفت")]
    # The name cannot be switched: not from the menu, not from the settings, not by a call.
    assert not window.name_action.isEnabled()
    window.set_annotator("rita")
    assert window.workspace.annotator == "maha"
    assert ANNOTATOR.read(settings) == "reviewer"  # the file projects' name is left as it was


def test_a_project_file_still_labels_under_the_name_in_the_settings(qtbot, tmp_path):
    db = tmp_path / "p.db"
    with open_store(db, OpenMode.CREATE) as store:
        import_paths(store, [ARTICLE], annotator="alice")
    settings = app_settings()
    ANNOTATOR.write(settings, "alice")
    window = shown(qtbot, open_window(db, settings, ask_name=False))
    assert window.workspace.annotator == "alice" and window.name_action.isEnabled()
    assert not window.workspace.annotator_fixed


# -- 3. other clients' changes, live ------------------------------------------------------------

LIVE_MS = 2000  # the "within a second", with room for a loaded test machine


def word_at(window: MainWindow, word: str) -> tuple[int, int]:
    at = window.workspace.document.text.index(word)
    return at, at + len(word)


def test_an_open_review_window_shows_other_clients_changes_without_refresh(qtbot, team):
    window = server_window(qtbot, team["rita"])
    window.review_action.trigger()
    assert window.workspace.review_mode
    label_word(qtbot, window, "قصفت")  # rita's own change: one gold span, one undo step
    stack = window.workspace.undo_stack
    assert [s.annotator for s in window.workspace.spans] == ["gold"] and stack.index() == 1
    document_id = window.workspace.document.id
    start, end = word_at(window, "سوريا")

    with open_store(team["maha"], OpenMode.WRITE) as maha:  # another client, another login
        added = maha.create_span(document_id, "maha", "place", start, end)
        qtbot.waitUntil(lambda: added.id in window.workspace.spans, timeout=LIVE_MS)
        assert window.span_model.rowCount() == 2
        assert added.id in window.view.spans  # drawn in the article
        assert stack.index() == 1  # the reviewer's own undo history is kept
        maha.update_span(added.id, label="date")
        qtbot.waitUntil(lambda: window.workspace.spans.get(added.id).label == "date", timeout=LIVE_MS)
        maha.delete_span(added.id, by="maha")
        qtbot.waitUntil(lambda: added.id not in window.workspace.spans, timeout=LIVE_MS)

    with open_store(team["owner"], OpenMode.WRITE) as owner:  # another gold writer
        gold = owner.create_span(document_id, "gold", "place", start, end)
        qtbot.waitUntil(lambda: gold.id in window.workspace.spans, timeout=LIVE_MS)
    assert stack.index() == 1
    window.operations.undo()  # rita's own span still undoes: the stack was not cleared
    assert {s.id for s in stored_spans(team["owner"])} == {gold.id}


def test_an_annotator_sees_live_only_their_own_spans(qtbot, team):
    window = server_window(qtbot, team["maha"])
    document_id = window.workspace.document.id
    start, end = word_at(window, "سوريا")
    with open_store(team["owner"], OpenMode.WRITE) as owner:
        others = owner.create_span(document_id, "rita", "place", start, end)  # someone else's
    with open_store(team["maha"], OpenMode.WRITE) as elsewhere:  # maha on a second computer
        mine = elsewhere.create_span(document_id, "maha", "place", start, end)
    qtbot.waitUntil(lambda: mine.id in window.workspace.spans, timeout=LIVE_MS)
    assert others.id not in window.workspace.spans  # blind annotation holds live too


def test_documents_imported_elsewhere_join_the_list(qtbot, team, tmp_path):
    window = server_window(qtbot, team["maha"])
    assert len(window.documents.rows) == 1
    (tmp_path / "new.txt").write_text("خبر جديد عن بغداد", encoding="utf-8")
    with open_store(team["owner"], OpenMode.WRITE) as owner:
        import_paths(owner, [tmp_path / "new.txt"], annotator="owner")
    qtbot.waitUntil(lambda: len(window.documents.rows) == 2, timeout=LIVE_MS)


# -- 2. File ▸ Connect to server… -----------------------------------------------------------------


def file_window(qtbot, tmp_path, settings) -> MainWindow:
    db = tmp_path / "mine.db"
    with open_store(db, OpenMode.CREATE) as store:
        import_paths(store, [ARTICLE], annotator="alice")
    ANNOTATOR.write(settings, "alice")
    return shown(qtbot, open_window(db, settings, ask_name=False))


def replacement_of(qtbot, old: MainWindow) -> MainWindow:
    """The window File ▸ Open, Recent or Connect put in ``old``'s place."""
    def found():
        return next((w for w in QApplication.topLevelWidgets()
                     if isinstance(w, MainWindow) and w is not old and w.isVisible()), None)

    qtbot.waitUntil(lambda: found() is not None, timeout=5000)
    window = found()
    qtbot.addWidget(window)
    return window


def fill(qtbot, dialog, host, port, database, user, password) -> None:
    for edit, text in ((dialog.host_edit, host), (dialog.database_edit, database), (dialog.user_edit, user),
                       (dialog.password_edit, password)):
        edit.clear()
        qtbot.keyClicks(edit, text)
    dialog.port_box.setValue(port)


def test_connect_to_server_opens_the_project_and_remembers_it_without_the_password(
        qtbot, tmp_path, team, postgresql_server, warnings_shown):
    settings = app_settings()
    window = file_window(qtbot, tmp_path, settings)
    assert window.connect_action in window.menuBar().actions()[0].menu().actions()
    window.connect_action.trigger()
    dialog = window.server_dialog
    qtbot.waitExposed(dialog)
    assert not dialog.keep_box.isVisible()  # no system keyring here: the password is asked each time
    connect = dialog.buttons.buttons()[0]
    dbname = ServerAddress(team["maha"]).dbname

    fill(qtbot, dialog, "127.0.0.1", postgresql_server.port, dbname, "maha", "not-her-pw-9")
    qtbot.mouseClick(connect, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(warnings_shown) == 1 and dialog.isVisible(), timeout=5000)
    assert "refused the login for maha" in warnings_shown[0] and "not-her-pw-9" not in warnings_shown[0]
    assert dialog.database_edit.text() == dbname  # back as it was filled, to correct

    dialog.password_edit.clear()
    qtbot.keyClicks(dialog.password_edit, "maha-pw")
    qtbot.mouseClick(connect, Qt.MouseButton.LeftButton)
    opened = replacement_of(qtbot, window)
    assert opened.workspace.annotator == "maha" and isinstance(opened.workspace.store.path, ServerAddress)
    assert dbname in opened.windowTitle() and "maha-pw" not in opened.windowTitle()
    shown_address = f"postgresql://maha@127.0.0.1:{postgresql_server.port}/{dbname}"
    assert RECENT_SERVERS.read(settings) == [shown_address]
    settings.sync()
    assert "maha-pw" not in Path(settings.fileName()).read_text(encoding="utf-8")

    # File ▸ Recent projects offers it again, asking only for the password.
    opened.recent_menu.aboutToShow.emit()
    entry = next(a for a in opened.recent_menu.actions() if a.text() == shown_address)
    entry.trigger()
    again = opened.server_dialog
    assert (again.host_edit.text(), again.port_box.value(), again.database_edit.text(), again.user_edit.text(),
            again.password_edit.text()) == ("127.0.0.1", postgresql_server.port, dbname, "maha", "")
    qtbot.waitUntil(again.password_edit.hasFocus)
    again.reject()


# -- 4. a lost connection ------------------------------------------------------------------------


def terminate(postgresql_server, login: str, application: str = "annotator") -> int:
    """End ``login``'s connections made by ``application``, as a server restart or a network
    cut would; returns how many."""
    with postgresql_server.admin_connect() as admin:
        return len(admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                 "WHERE usename = %s AND application_name = %s", [login, application]).fetchall())


def test_an_action_on_a_lost_connection_is_refused_with_retry_and_the_next_one_reconnects(
        qtbot, team, postgresql_server, warnings_shown):
    window = server_window(qtbot, team["maha"])
    stack = window.workspace.undo_stack
    assert terminate(postgresql_server, "maha") == 1

    label_word(qtbot, window, "قصفت")  # answered Cancel
    assert len(warnings_shown) == 1 and "connection to the server was lost" in warnings_shown[0]
    assert len(window.workspace.spans) == 0 and window.span_model.rowCount() == 0  # never shown as made
    assert stack.index() == 0 and stored_spans(team["owner"]) == []
    assert "Not saved" in window.statusBar().currentMessage()

    assert window.view.selection_range() is not None  # the selection stays: the same key again
    qtbot.keyClick(window.view, "1")  # the store reconnected by itself: no question this time
    assert len(warnings_shown) == 1
    assert [s.text for s in stored_spans(team["owner"])] == ["قصفت"] == [s.text for s in window.workspace.spans]

    assert terminate(postgresql_server, "maha") == 1
    warnings_shown.answers.append(lambda: QMessageBox.StandardButton.Retry)
    label_word(qtbot, window, "سوريا")  # refused, then Retry: made once, shown once
    assert len(warnings_shown) == 2
    assert sorted(s.text for s in stored_spans(team["owner"])) == ["سوريا", "قصفت"]
    assert sorted(s.text for s in window.workspace.spans) == ["سوريا", "قصفت"] and stack.index() == 2


def test_live_updates_come_back_after_the_listening_connection_is_lost(qtbot, team, postgresql_server):
    window = server_window(qtbot, team["maha"])
    assert terminate(postgresql_server, "maha", "annotator-listener") == 1
    start, end = word_at(window, "سوريا")
    with open_store(team["maha"], OpenMode.WRITE) as elsewhere:
        mine = elsewhere.create_span(window.workspace.document.id, "maha", "place", start, end)
    # Made while nobody listened: caught up on once the listener is back.
    qtbot.waitUntil(lambda: mine.id in window.workspace.spans, timeout=LIVE_MS)
    with open_store(team["maha"], OpenMode.WRITE) as elsewhere:
        elsewhere.delete_span(mine.id, by="maha")
    qtbot.waitUntil(lambda: mine.id not in window.workspace.spans, timeout=LIVE_MS)


# -- 5. no lost update in the gold layer -------------------------------------------------------


def test_a_gold_span_another_reviewer_changed_meanwhile_is_not_overwritten(qtbot, team, postgresql_server,
                                                                           warnings_shown):
    with open_store(team["owner"], OpenMode.WRITE) as owner:
        ProjectUsers(owner).add("omar", "reviewer", "omar-pw")
        document_id = owner.document_ids()[0]
        at = owner.document(document_id).text.index("سوريا")
        gold = owner.create_span(document_id, "gold", "place", at, at + len("سوريا"))
    omar_url = postgresql_server.url(ServerAddress(team["owner"]).dbname, user="omar", password="omar-pw")
    window = server_window(qtbot, team["rita"])
    window.review_action.trigger()
    assert gold.id in window.workspace.spans
    # Omar's change lands in the moment before rita's window hears of it.
    window.live_changes.notifier.setEnabled(False)
    with open_store(omar_url, OpenMode.WRITE) as omar:
        omar.update_span(gold.id, label="date", expected_updated_at=omar.span_updated_at(gold.id))

    window.view.select_span(window.workspace.spans.get(gold.id))
    qtbot.keyClick(window.view, "4")  # rita relabels it as casualty: refused, not written over omar's
    assert len(warnings_shown) == 1 and "changed (now date" in warnings_shown[0]
    assert [(s.id, s.label) for s in stored_spans(team["owner"])] == [(gold.id, "date")]
    assert window.workspace.spans.get(gold.id).label == "date"  # rita is shown what is there now
    assert window.workspace.undo_stack.index() == 0

    qtbot.keyClick(window.view, "4")  # now that she has seen it, her change goes through
    assert [(s.id, s.label) for s in stored_spans(team["owner"])] == [(gold.id, "casualty")]
    assert len(warnings_shown) == 1

    with open_store(omar_url, OpenMode.WRITE) as omar:  # omar deletes it; rita, not knowing, deletes it too
        omar.delete_span(gold.id, by="omar")
    window.view.select_span(window.workspace.spans.get(gold.id))
    window.delete_action.trigger()
    assert len(warnings_shown) == 2 and "deleted by someone else" in warnings_shown[1]
    assert gold.id not in window.workspace.spans


def test_annotator_gui_on_a_server_opens_as_the_login(team, tmp_path, capsys):
    """R's finding: `annotator gui --db postgresql://maha@…` exited 1 (the settings' name was not maha's)."""
    from annotator.cli.parser import main

    settings = app_settings()
    ANNOTATOR.write(settings, "reviewer")
    settings.sync()
    png = tmp_path / "window.png"
    assert main(["gui", "--db", team["maha"], "--screenshot", str(png)]) == 0, capsys.readouterr().err
    assert png.stat().st_size > 10_000


def test_recent_servers_never_keep_a_password():
    from annotator.ui.settings import recent_servers, remember_server

    settings = app_settings()
    assert remember_server(settings, "postgresql://maha:s3cret@db.example:5433/news") == \
        "postgresql://maha@db.example:5433/news"
    remember_server(settings, "postgresql://rita@db.example:5433/news")
    remember_server(settings, "postgresql://maha:other@db.example:5433/news")  # the same server: moved first
    assert recent_servers(settings) == ["postgresql://maha@db.example:5433/news",
                                        "postgresql://rita@db.example:5433/news"]


def test_a_closed_window_stops_listening(qtbot, team, postgresql_server):
    window = server_window(qtbot, team["maha"])
    with postgresql_server.admin_connect() as admin:
        def listeners() -> int:
            return admin.execute("SELECT count(*) FROM pg_stat_activity WHERE usename = 'maha' "
                                 "AND application_name = 'annotator-listener'").fetchone()[0]

        assert listeners() == 1
        window.close()  # as when another project opens in its place
        qtbot.waitUntil(lambda: listeners() == 0, timeout=LIVE_MS)


def test_two_windows_on_one_project_file_do_not_overwrite_each_others_gold(qtbot, tmp_path, warnings_shown):
    """The same guard where no server is: another program (a second window) on the same file."""
    db = tmp_path / "p.db"
    with open_store(db, OpenMode.CREATE) as store:
        import_paths(store, [ARTICLE], annotator="alice")
        document_id = store.document_ids()[0]
        at = store.document(document_id).text.index("سوريا")
        gold = store.create_span(document_id, "gold", "place", at, at + len("سوريا"))
    settings = app_settings()
    ANNOTATOR.write(settings, "alice")
    window = shown(qtbot, open_window(db, settings, ask_name=False))
    window.review_action.trigger()
    with open_store(db, OpenMode.WRITE) as other:
        other.update_span(gold.id, label="date")
    window.view.select_span(window.workspace.spans.get(gold.id))
    qtbot.keyClick(window.view, "4")
    assert len(warnings_shown) == 1 and "changed (now date" in warnings_shown[0]
    assert [s.label for s in stored_spans(db)] == ["date"] and window.workspace.spans.get(gold.id).label == "date"


def test_a_server_window_rebuilt_in_another_language_reconnects_with_its_password(qtbot, team, warnings_shown):
    window = server_window(qtbot, team["maha"])
    window.set_language("en")  # the window is rebuilt: the address it reopens must keep the password
    rebuilt = replacement_of(qtbot, window)
    assert rebuilt.workspace.annotator == "maha" and warnings_shown == []

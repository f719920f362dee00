"""Roles on a team server are the server's to enforce: an annotator's connection, through the
store or with bare SQL, reads and writes only what its role allows (annotator/store/server/roles.py)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

import psycopg
import pytest

from annotator.core.model import SUGGESTED
from annotator.store import OpenMode, open_store
from annotator.store.errors import StoreError
from annotator.store.server.errors import PermissionRefused
from annotator.store.server.roles import Groups, ProjectUsers, UserExistsError

TEXT = "قتل عشرون شخصا في دمشق أمس"
PASSWORDS = {"alice": "alice-pw", "bob": "bob-pw", "rita": "rita-pw", "olga": "olga-pw"}


@dataclass
class Project:
    url: str
    dbname: str
    server: object
    document_id: int

    def url_as(self, login: str) -> str:
        return self.server.url(self.dbname, user=login, password=PASSWORDS[login])

    def connect_as(self, login: str) -> psycopg.Connection:
        return psycopg.connect(self.url_as(login), autocommit=True)


def make_project(server, url: str) -> Project:
    """A project made by the superuser (its owner), with one document, annotators alice and bob
    and reviewer rita."""
    dbname = url.rsplit("/", 1)[1]
    with open_store(url, OpenMode.CREATE) as owner:
        document, _ = owner.add_document(TEXT, title="دمشق")
        users = ProjectUsers(owner)
        for name, role in (("alice", "annotator"), ("bob", "annotator"), ("rita", "reviewer")):
            users.add(name, role, PASSWORDS[name])
    return Project(url, dbname, server, document.id)


@pytest.fixture
def project(postgresql_server, server_database_url) -> Project:
    return make_project(postgresql_server, server_database_url)


@pytest.fixture
def other_database(postgresql_server):
    """A second project database on the same server, dropped afterwards."""
    dbname = f"test_{secrets.token_hex(6)}"
    with postgresql_server.admin_connect() as admin:
        admin.execute(f'CREATE DATABASE "{dbname}"')
    yield postgresql_server.url(dbname)
    with postgresql_server.admin_connect() as admin:
        admin.execute(f'DROP DATABASE "{dbname}" WITH (FORCE)')
        for group in Groups(dbname).all:
            admin.execute(f'DROP ROLE IF EXISTS "{group}"')


def test_an_annotator_reads_only_their_own_spans_and_the_suggestions(project):
    with open_store(project.url, OpenMode.WRITE) as owner:
        owner.create_span(project.document_id, "bob", "place", 18, 22)
        owner.create_span(project.document_id, SUGGESTED, "date", 23, 26)
    with open_store(project.url_as("alice"), OpenMode.WRITE) as alice:
        mine = alice.create_span(project.document_id, "alice", "casualty", 4, 14)
        seen = {(s.annotator, s.label) for s in alice.spans_for(project.document_id)}
        asked_for_bob = alice.spans_for(project.document_id, ["bob"])
    assert seen == {("alice", "casualty"), (SUGGESTED, "date")}
    assert asked_for_bob == []
    # Bare SQL, past any client: the same rows.
    with project.connect_as("alice") as raw:
        names = {row[0] for row in raw.execute(
            "SELECT a.name FROM spans s JOIN annotators a ON a.id = s.annotator_id")}
        assert names == {"alice", SUGGESTED}
        # Bob's span cannot be changed or deleted either (to alice it is not there), nor the suggestion.
        assert raw.execute("UPDATE spans SET label = 'date' WHERE label = 'place'").rowcount == 0
        assert raw.execute("DELETE FROM spans WHERE id <> %s", [mine.id]).rowcount == 0
    with open_store(project.url, OpenMode.READ) as owner:
        remaining = {(s.annotator, s.label) for s in owner.spans_for(project.document_id)}
    assert remaining == {("alice", "casualty"), ("bob", "place"), (SUGGESTED, "date")}


def test_an_annotator_writing_for_another_is_refused_naming_the_owner_role(project):
    owner_group = Groups(project.dbname).owner
    with open_store(project.url_as("alice"), OpenMode.WRITE) as alice:
        with pytest.raises(PermissionRefused) as refused:
            alice.create_span(project.document_id, "bob", "place", 18, 22)
    message = str(refused.value)
    assert "\n" not in message and "alice-pw" not in message
    assert f"needs the owner role ({owner_group})" in message
    with project.connect_as("alice") as raw:
        bob_id = raw.execute("SELECT id FROM annotators WHERE name = 'bob'").fetchone()[0]
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match=f"owner role \\({owner_group}\\)"):
            raw.execute("INSERT INTO spans (id, document_id, annotator_id, label, start, \"end\", text, created_at, "
                        "updated_at) VALUES ('x1', %s, %s, 'place', 18, 22, 'دمشق', '', '')",
                        [project.document_id, bob_id])
    with open_store(project.url, OpenMode.READ) as owner:
        assert owner.spans_for(project.document_id) == []


def test_importing_a_document_needs_the_owner(project):
    with open_store(project.url_as("rita"), OpenMode.WRITE) as rita:
        with pytest.raises(PermissionRefused, match="importing or changing documents needs the owner role"):
            rita.add_document("نص آخر", title="آخر")
    with open_store(project.url, OpenMode.READ) as owner:
        assert owner.document_count() == 1


def test_a_reviewer_writes_gold_and_an_annotator_may_not(project):
    refusal = f"gold layer needs the reviewer role \\({Groups(project.dbname).reviewer}\\)"
    with open_store(project.url_as("alice"), OpenMode.WRITE) as alice:
        with pytest.raises(PermissionRefused, match=refusal):  # the first gold span of the project
            alice.create_span(project.document_id, "gold", "date", 23, 26)
    with open_store(project.url_as("rita"), OpenMode.WRITE) as rita:
        gold = rita.create_span(project.document_id, "gold", "place", 18, 22)
    with open_store(project.url_as("alice"), OpenMode.WRITE) as alice:
        with pytest.raises(PermissionRefused, match=refusal):  # and once the gold layer exists
            alice.create_span(project.document_id, "gold", "date", 23, 26)
        assert alice.span(gold.id) is None  # blind: annotators do not see the gold layer
    with open_store(project.url, OpenMode.READ) as owner:
        assert [(s.annotator, s.label) for s in owner.spans_for(project.document_id)] == [("gold", "place")]


def test_a_reviewer_reads_everyone_and_the_owner_does_everything(project):
    with open_store(project.url_as("alice"), OpenMode.WRITE) as alice:
        alice.create_span(project.document_id, "alice", "place", 18, 22)
    with open_store(project.url_as("bob"), OpenMode.WRITE) as bob:
        bob.create_span(project.document_id, "bob", "date", 23, 26)
    with open_store(project.url_as("rita"), OpenMode.READ) as rita:
        assert {s.annotator for s in rita.spans_for(project.document_id)} == {"alice", "bob"}
    with open_store(project.url, OpenMode.WRITE) as owner:
        owner.create_span(project.document_id, "alice", "casualty", 4, 14)  # importing for anyone
        assert len(owner.spans_for(project.document_id, ["alice"])) == 2


def test_users_are_listed_changed_and_removed(project):
    with open_store(project.url, OpenMode.WRITE) as owner:
        users = ProjectUsers(owner)
        listed = {(u.name, u.role) for u in users.list()}
        assert {("alice", "annotator"), ("bob", "annotator"), ("rita", "reviewer")} <= listed
        with pytest.raises(UserExistsError):
            users.add("alice", "reviewer", None)
        with pytest.raises(StoreError, match="a group role of the server, not a login"):
            users.add(Groups(project.dbname).reviewer, "annotator", None)
        with project.server.admin_connect() as admin:
            admin.execute("CREATE ROLE second_admin LOGIN SUPERUSER")
        with pytest.raises(StoreError, match="a superuser of the server, whom no role restricts"):
            users.add("second_admin", "annotator", None)
        owner.create_span(project.document_id, "bob", "place", 18, 22)
        users.set_role("alice", "reviewer")
    with open_store(project.url_as("alice"), OpenMode.READ) as alice:
        assert [s.annotator for s in alice.spans_for(project.document_id)] == ["bob"]  # a reviewer now
    with open_store(project.url, OpenMode.WRITE) as owner:
        assert ProjectUsers(owner).remove("bob") is True  # the login belonged to nothing else
        assert [s.annotator for s in owner.spans_for(project.document_id)] == ["bob"]  # the work stays
        assert "bob" not in {u.name for u in ProjectUsers(owner).list()}
    with pytest.raises(StoreError, match="refused the login"):
        open_store(project.url_as("bob"), OpenMode.READ)


def test_only_the_owner_manages_users(project):
    with open_store(project.url_as("rita"), OpenMode.WRITE) as rita:
        with pytest.raises(PermissionRefused, match="managing users needs the owner role"):
            ProjectUsers(rita).add("mallory", "owner", "pw")
        with pytest.raises(PermissionRefused, match="managing users needs the owner role"):
            ProjectUsers(rita).set_role("rita", "owner")


def test_two_projects_on_one_server_do_not_clash(project, postgresql_server, other_database):
    other_name = other_database.rsplit("/", 1)[1]
    with open_store(other_database, OpenMode.CREATE) as other_owner:
        other_document, _ = other_owner.add_document("نص المشروع الثاني", title="ثان")
        # alice's login is the server's: in the second project she reviews, with her own password kept.
        assert ProjectUsers(other_owner).add("alice", "reviewer", None) is False
        other_owner.create_span(other_document.id, "carol", "place", 0, 2)
    assert set(Groups(project.dbname).all).isdisjoint(Groups(other_name).all)
    with open_store(postgresql_server.url(other_name, user="alice", password=PASSWORDS["alice"]),
                    OpenMode.READ) as alice_there:
        assert [s.annotator for s in alice_there.spans_for(other_document.id)] == ["carol"]
    with open_store(project.url, OpenMode.WRITE) as owner:
        owner.create_span(project.document_id, "bob", "place", 18, 22)
    with open_store(project.url_as("alice"), OpenMode.READ) as alice_here:  # still an annotator here
        assert alice_here.spans_for(project.document_id) == []
    # bob belongs to the first project only: the second does not even let him connect.
    with pytest.raises(StoreError, match="bob"):
        open_store(postgresql_server.url(other_name, user="bob", password=PASSWORDS["bob"]), OpenMode.READ)


def test_policies_cover_every_table_that_holds_someones_work(project, postgresql_server):
    from annotator.store.server.roles import OWN_ROWS

    with postgresql_server.admin_connect(project.dbname) as admin:
        guarded = {row[0] for row in admin.execute(
            "SELECT relname FROM pg_class WHERE relrowsecurity AND relnamespace = 'public'::regnamespace")}
        owners = {row[0] for row in admin.execute("SELECT DISTINCT tableowner FROM pg_tables "
                                                  "WHERE schemaname = 'public'")}
    assert set(OWN_ROWS) | {"annotators"} <= guarded
    assert owners == {Groups(project.dbname).owner}


def _database_owned_by(server, url: str, login: str, password: str, *attributes: str) -> str:
    dbname = url.rsplit("/", 1)[1]
    with server.admin_connect() as admin:
        admin.execute(f"CREATE ROLE {login} LOGIN {' '.join(attributes)} PASSWORD '{password}'")
        admin.execute(f'ALTER DATABASE "{dbname}" OWNER TO {login}')
    return server.url(dbname, user=login, password=password)


def test_a_team_set_up_as_the_readme_says(postgresql_server, server_database_url):
    """The administrator makes a login that may create roles and gives it the database; that login
    imports (creating the project) and adds the team; nobody is a superuser."""
    team_url = _database_owned_by(postgresql_server, server_database_url, "newsteam", "team-pw", "CREATEROLE")
    with open_store(team_url, OpenMode.CREATE) as owner:
        document, _ = owner.add_document(TEXT, title="دمشق")
        ProjectUsers(owner).add("alice", "annotator", PASSWORDS["alice"])
    alice_url = postgresql_server.url(team_url.rsplit("/", 1)[1], user="alice", password=PASSWORDS["alice"])
    with open_store(alice_url, OpenMode.WRITE) as alice:
        alice.create_span(document.id, "alice", "place", 18, 22)
        with pytest.raises(PermissionRefused, match="importing or changing documents needs the owner role"):
            alice.add_document("نص آخر", title="آخر")
    with open_store(team_url, OpenMode.WRITE) as owner:
        owner.create_span(document.id, "bob", "date", 23, 26)  # the owner writes for anyone
        assert {s.annotator for s in owner.spans_for(document.id)} == {"alice", "bob"}
        assert {(u.name, u.role) for u in ProjectUsers(owner).list()} == {("newsteam", "owner"), ("alice", "annotator")}


def test_a_creator_that_may_not_create_roles_keeps_the_project_until_someone_may(postgresql_server,
                                                                                  server_database_url):
    solo_url = _database_owned_by(postgresql_server, server_database_url, "solo", "solo-pw")
    with open_store(solo_url, OpenMode.CREATE) as solo:
        document, _ = solo.add_document(TEXT, title="دمشق")
        with pytest.raises(PermissionRefused, match="needs a login that may create roles"):
            ProjectUsers(solo).add("alice", "annotator", PASSWORDS["alice"])
    with open_store(server_database_url, OpenMode.WRITE) as administrator:  # a superuser finishes the work
        ProjectUsers(administrator).add("alice", "annotator", PASSWORDS["alice"])
    with open_store(solo_url, OpenMode.WRITE) as solo:  # still the project's owner, with the tables' group
        solo.create_span(document.id, "alice", "place", 18, 22)
        assert ("solo", "owner") in {(u.name, u.role) for u in ProjectUsers(solo).list()}


def test_an_arabic_login_is_an_annotator_like_any_other(project):
    with open_store(project.url, OpenMode.WRITE) as owner:
        assert ProjectUsers(owner).add("مها", "annotator", "كلمة-سر") is True
    url = project.server.url(project.dbname, user="مها", password="كلمة-سر")
    with open_store(url, OpenMode.WRITE) as maha:
        assert maha.login == "مها"
        maha.create_span(project.document_id, "مها", "place", 18, 22)
        with pytest.raises(PermissionRefused, match="writing spans of alice needs the owner role"):
            maha.create_span(project.document_id, "alice", "date", 23, 26)
        assert [s.annotator for s in maha.spans_for(project.document_id)] == ["مها"]


def test_events_belong_to_their_annotator_too(project):
    from annotator.core.model import Event

    with open_store(project.url, OpenMode.WRITE) as owner:
        bobs_place = owner.create_span(project.document_id, "bob", "place", 18, 22)
        bobs_event = owner.create_span(project.document_id, "bob", "event", 0, 3)
        owner.save_event(Event("E1", project.document_id, "bob", (bobs_event.id,), {"place": (bobs_place.id,)}))
    with open_store(project.url_as("alice"), OpenMode.WRITE) as alice:
        mention = alice.create_span(project.document_id, "alice", "event", 0, 3)
        alice.save_event(Event("E2", project.document_id, "alice", (mention.id,)))
        assert [e.id for e in alice.events_for(project.document_id)] == ["E2"]  # bob's E1 unseen
    with project.connect_as("alice") as raw:  # past the client's own checks
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="writing events of bob needs the owner role"):
            raw.execute("INSERT INTO events (document_id, id, annotator_id, created_at, updated_at) "
                        "SELECT %s, 'E3', id, '', '' FROM annotators WHERE name = 'bob'", [project.document_id])
        # bob's links are neither seen nor deletable
        assert raw.execute("SELECT count(*) FROM event_arguments").fetchone()[0] == 0
        assert raw.execute("DELETE FROM event_mentions WHERE event_id = 'E1'").rowcount == 0
    with open_store(project.url_as("rita"), OpenMode.READ) as rita:
        assert {(e.id, e.annotator) for e in rita.events_for(project.document_id)} == {("E1", "bob"),
                                                                                      ("E2", "alice")}
        assert rita.event(project.document_id, "E1").roles == {"place": (bobs_place.id,)}


def test_an_added_owner_imports_and_reads_everything_but_makes_no_logins(project):
    with open_store(project.url, OpenMode.WRITE) as owner:
        ProjectUsers(owner).add("olga", "owner", PASSWORDS["olga"])
        owner.create_span(project.document_id, "bob", "place", 18, 22)
    with open_store(project.url_as("olga"), OpenMode.WRITE) as olga:
        olga.add_document("نص مستورد آخر", title="آخر")
        olga.create_span(project.document_id, "alice", "date", 23, 26)  # for anyone
        assert {s.annotator for s in olga.spans_for(project.document_id)} == {"alice", "bob"}
        with pytest.raises(PermissionRefused, match="may create roles \\(CREATEROLE\\)"):
            ProjectUsers(olga).add("newcomer", "annotator", "pw")


def test_group_names_fit_the_servers_limit_and_stay_apart():
    first, second = "a" * 60 + "_news", "a" * 60 + "_sport"
    for name in (first, second, "news"):
        assert all(len(group.encode()) <= 63 for group in Groups(name).all)
    assert set(Groups(first).all).isdisjoint(Groups(second).all)
    assert Groups("news").all == ("news_annotator", "news_reviewer", "news_owner")


def test_a_reviewer_stores_models_of_anyone_an_annotator_only_their_own(project):
    from annotator.store.interface import StoredModel

    def model(of: str) -> StoredModel:
        return StoredModel(f"crf-{of}", of, ("place",), {"documents": 1}, b"\x00model")

    with open_store(project.url_as("rita"), OpenMode.WRITE) as rita:
        rita.save_model(model("alice"))  # a suggester's state, as reviewers write the suggestions
        assert rita.model("crf-alice").data == b"\x00model"
    with open_store(project.url_as("alice"), OpenMode.WRITE) as alice:
        alice.save_model(model("alice"))
        with pytest.raises(PermissionRefused) as refused:
            alice.save_model(model("bob"))
    assert str(refused.value).count("\n") == 0
    assert f"writing models of bob needs the reviewer role ({Groups(project.dbname).reviewer})" in str(refused.value)
    with open_store(project.url, OpenMode.READ) as owner:
        assert owner.model("crf-bob") is None

"""The reserved annotator `suggested`: `annotator suggest` stores and replaces it, and it stays out
of agreement, exports, progress, review mode and side by side unless named; nobody imports or
logs in as it."""

from __future__ import annotations

import io
import json

import pytest

from annotator.cli import main
from annotator.core.model import SUGGESTED
from annotator.formats.exporting import ExportOptions, write_stream
from annotator.review.agreement import labelling_annotators
from annotator.store import Store


def run(*argv):
    return main([str(a) for a in argv])


@pytest.fixture
def project(tmp_path, reference_path, capsys):
    """The reference article (published 2018-06-07) with one span of alice's, suggested for."""
    db = tmp_path / "p.db"
    assert run("import", "--db", db, "--annotator", "alice", "--published", "2018-06-07", reference_path) == 0
    with Store.open(db) as store:
        document_id = store.document_ids()[0]
        store.create_span(document_id, "alice", "place", 90, 95)
    capsys.readouterr()
    assert run("suggest", "--db", db) == 0
    return db, document_id


def suggested(db, document_id):
    with Store.open(db) as store:
        return store.spans_for(document_id, [SUGGESTED])


def test_suggest_stores_each_label_with_origin_score_and_value_and_prints_the_counts(project, capsys):
    db, document_id = project
    assert run("suggest", "--db", db) == 0
    out = capsys.readouterr().out
    spans = suggested(db, document_id)
    by = {}
    for span in spans:
        by[(span.label, span.origin)] = by.get((span.label, span.origin), 0) + 1
        assert 0 < span.attrs["score"] <= 1
    for (label, origin), count in by.items():  # what is printed is what is stored
        assert any(line.split() == [label, origin, str(count)] for line in out.splitlines())
    assert {label for label, _ in by} == {"event", "place", "date", "casualty", "source"}
    dates = {s.text: s.value for s in spans if s.label == "date"}
    assert dates["أمس الأربعاء"] == {"iso": "2018-06-06"}  # valued with the document's publication date
    casualty = next(s for s in spans if s.text == "مقتل 36 عنصرا")
    assert casualty.value == {"killed": 36, "injured": None, "approximate": False}


def test_running_again_replaces_suggestions_and_never_touches_an_annotators_spans(project):
    db, document_id = project
    first = suggested(db, document_id)
    assert run("suggest", "--db", db) == 0
    again = suggested(db, document_id)
    assert sorted((s.start, s.end, s.label) for s in again) == sorted((s.start, s.end, s.label) for s in first)
    assert not {s.id for s in again} & {s.id for s in first}  # replaced, not added to
    with Store.open(db) as store:
        assert [(s.start, s.end) for s in store.spans_for(document_id, ["alice"])] == [(90, 95)]


def test_label_and_doc_narrow_what_is_replaced(project):
    db, document_id = project
    before = suggested(db, document_id)
    assert run("suggest", "--db", db, "--label", "date", "--doc", document_id) == 0
    after = suggested(db, document_id)
    assert {s.id for s in after if s.label != "date"} == {s.id for s in before if s.label != "date"}
    assert not {s.id for s in after if s.label == "date"} & {s.id for s in before if s.label == "date"}


@pytest.mark.parametrize("argv", [("--doc", 99), ("--label", "weather"), ("--learn-from", "nobody")])
def test_a_mistyped_filter_is_one_line_and_stores_nothing(project, argv, capsys):
    db, document_id = project
    before = suggested(db, document_id)
    assert run("suggest", "--db", db, *argv) != 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(argv[1]) in err[0]
    assert {s.id for s in suggested(db, document_id)} == {s.id for s in before}


def test_suggest_on_no_project_creates_none(tmp_path, capsys):
    assert run("suggest", "--db", tmp_path / "none.db") != 0
    assert not (tmp_path / "none.db").exists()


def test_import_as_suggested_is_refused(tmp_path, reference_path, capsys):
    db = tmp_path / "p.db"
    assert run("import", "--db", db, "--annotator", SUGGESTED, reference_path) != 0
    assert "reserved" in capsys.readouterr().err
    assert not db.exists()


def test_agreement_leaves_suggestions_out(project):
    db, _ = project
    with Store.open(db) as store:
        assert labelling_annotators(store) == ["alice"]


def test_exports_leave_suggestions_out_unless_named(project):
    db, document_id = project
    with Store.open(db) as store:
        out = io.StringIO()
        write_stream(store, "jsonl", out)
        exported = [json.loads(line) for line in out.getvalue().splitlines()]
        assert [(s["start"], s["end"]) for s in exported[0]["spans"]] == [(90, 95)]
        named = io.StringIO()
        write_stream(store, "jsonl", named, ExportOptions(annotators=[SUGGESTED]))
        assert len(json.loads(named.getvalue().splitlines()[0])["spans"]) == len(suggested(db, document_id))


def test_progress_and_the_document_list_leave_suggestions_out_unless_named(project):
    db, document_id = project
    with Store.open(db) as store:
        assert SUGGESTED not in store.status_counts()
        assert store.document_summaries()[0].span_count == 1  # alice's, not the suggestions
        assert store.document_summaries(SUGGESTED)[0].span_count == len(suggested(db, document_id))


def test_export_with_only_suggestions_in_a_document_gives_it_no_spans(tmp_path, reference_path, capsys):
    db = tmp_path / "p.db"
    assert run("import", "--db", db, "--annotator", "alice", reference_path) == 0
    assert run("suggest", "--db", db) == 0
    with Store.open(db) as store:
        out = io.StringIO()
        write_stream(store, "jsonl", out)
        assert json.loads(out.getvalue())["spans"] == []


def test_review_mode_and_side_by_side_show_people_not_suggestions(project, qtbot):
    from annotator.ui.workspace import Workspace

    db, document_id = project
    with Store.open(db) as store:
        workspace = Workspace(store, "bob")
        workspace.open_document(document_id)
        workspace.set_review_mode(True)
        assert {s.annotator for s in workspace.spans} == {"alice"}  # side by side draws these
        workspace.set_review_mode(False)
        assert list(workspace.spans) == []  # bob's own: none


def test_the_stored_name_suggested_is_asked_again_at_start(qtbot, monkeypatch):
    from PySide6.QtCore import QSettings

    from annotator.ui import app
    from annotator.ui.settings import ANNOTATOR

    settings = QSettings()
    ANNOTATOR.write(settings, SUGGESTED)
    monkeypatch.setattr("getpass.getuser", lambda: "carol")
    assert app.annotator_name(settings, ask=False) == "carol"


def test_replace_suggestions_refuses_another_annotators_span_and_keeps_what_was_stored(store, reference_text):
    from annotator.core.model import Span

    document, _ = store.add_document(reference_text, "ref")
    kept = store.create_span(document.id, "alice", "place", 90, 95)
    foreign = Span("x1", document.id, "alice", "place", 90, 95, "سوريا")
    with pytest.raises(ValueError, match="not a suggestion"):
        store.replace_suggestions(document.id, [foreign])
    assert store.spans_for(document.id) == [kept]

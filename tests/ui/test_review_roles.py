"""Review mode makes the user a reviewer, and the dashboard shows the agreement figures the
command line prints, over the same annotators (issue 11, item 6)."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from annotator.cli import main
from annotator.review.agreement import as_dicts
from tests.ui.conftest import open_window
from tests.ui.test_review import annotate, review_project


def roles(window) -> dict[str, str]:
    return {a.name: a.role for a in window.workspace.store.annotators()}


def test_review_mode_makes_the_user_a_reviewer_and_keeps_them_out_of_agreement(qtbot, tmp_path, reference_text,
                                                                              capsys):
    db = review_project(tmp_path, reference_text)
    window = open_window(qtbot, db, annotator="reviewer")
    assert roles(window)["reviewer"] == "annotator"  # opening the project registers the user
    qtbot.keyClick(window.view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert window.review_action.isChecked() and roles(window)["reviewer"] == "reviewer"
    qtbot.keyClick(window.view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert not window.review_action.isChecked() and roles(window)["reviewer"] == "reviewer"  # a role stays
    qtbot.keyClick(window.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)

    assert main(["users", "--db", str(db)]) == 0
    listed = {tuple(line.split()) for line in capsys.readouterr().out.splitlines()}
    assert ("reviewer", "reviewer", "0") in listed and ("alice", "annotator", "4") in listed
    assert main(["agreement", "--db", str(db), "--json"]) == 0
    assert {tuple(r["annotators"]) for r in json.loads(capsys.readouterr().out)["rows"]} == {("alice", "bob")}


def test_the_dashboard_and_the_command_line_give_the_same_figures(qtbot, tmp_path, reference_text, capsys):
    db = review_project(tmp_path, reference_text)
    annotate(tmp_path / "carol.db", "carol", reference_text, [("قصفت", "event"), ("سوريا", "place"),
                                                                ("شهود عيان", "source")])
    assert main(["merge", "--db", str(db), str(tmp_path / "carol.db")]) == 0
    window = open_window(qtbot, db, annotator="reviewer")
    qtbot.keyClick(window.view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    window.dashboard_action.trigger()
    dashboard = window.dashboard
    qtbot.addWidget(dashboard)
    capsys.readouterr()
    assert main(["agreement", "--db", str(db), "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)["rows"]
    assert dashboard.annotators == ["alice", "bob", "carol"]  # not the reviewer, not the gold layer
    assert as_dicts(dashboard.rows) == printed
    fleiss = next(r["value"] for r in printed if r["measure"] == "fleiss_kappa" and r["label"] is None)
    assert fleiss is not None and dashboard.value("fleiss_kappa", ["alice", "bob", "carol"]) == fleiss

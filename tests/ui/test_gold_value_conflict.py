"""A gold span's value typed by a reviewer over another reviewer's newer change is refused, not
written over it (issue 16: no lost update), on a project file as on a server."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from annotator.formats.importer import import_paths
from annotator.store import OpenMode, open_store
from annotator.ui.app import open_window
from annotator.ui.settings import ANNOTATOR, app_settings
from tests.ui.test_server_window import ARTICLE, shown


@pytest.fixture
def warnings_shown(monkeypatch):
    said: list[str] = []

    def warning(parent, title, text, *args):
        said.append(text)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "warning", warning)
    monkeypatch.setattr(QMessageBox, "critical", warning)
    return said


def type_value(qtbot, window, span_id: str, value: str) -> None:
    model, table = window.span_model, window.span_table
    row = next(r for r in range(model.rowCount()) if model.span_at(r).id == span_id)
    table.setFocus()
    table.setCurrentIndex(model.index(row, model.value_column))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, value)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != table.State.EditingState)


def test_a_gold_value_changed_meanwhile_by_another_reviewer_is_not_overwritten(qtbot, tmp_path, warnings_shown):
    db = tmp_path / "p.db"
    with open_store(db, OpenMode.CREATE) as store:
        import_paths(store, [ARTICLE], annotator="alice")
        document_id = store.document_ids()[0]
        text = store.document(document_id).text
        at = text.index("صباح الخميس")
        gold = store.create_span(document_id, "gold", "date", at, at + len("صباح الخميس"))
    settings = app_settings()
    ANNOTATOR.write(settings, "rita")
    window = shown(qtbot, open_window(db, settings, ask_name=False))
    window.review_action.trigger()
    with open_store(db, OpenMode.WRITE) as other:  # a second reviewer, after this window read the span
        other.set_span_value(gold.id, {"iso": "2018-04-19"})
    type_value(qtbot, window, gold.id, "2018-04-20")
    assert len(warnings_shown) == 1 and "by someone else" in warnings_shown[0]
    with open_store(db, OpenMode.READ) as store:
        assert store.span(gold.id).value == {"iso": "2018-04-19"}  # the other reviewer's value stands
    qtbot.waitUntil(lambda: window.workspace.spans.get(gold.id).value == {"iso": "2018-04-19"})  # re-read
    type_value(qtbot, window, gold.id, "2018-04-20")  # now it has been seen, the change goes through
    with open_store(db, OpenMode.READ) as store:
        assert store.span(gold.id).value == {"iso": "2018-04-20"}


def test_accepting_a_span_another_reviewer_accepted_meanwhile_adds_no_second_gold_copy(qtbot, tmp_path,
                                                                                      warnings_shown):
    from annotator.core.model import Span, new_span_id

    db = tmp_path / "p.db"
    with open_store(db, OpenMode.CREATE) as store:
        import_paths(store, [ARTICLE], annotator="alice")
        document_id = store.document_ids()[0]
        at = store.document(document_id).text.index("سوريا")
        proposal = store.create_span(document_id, "alice", "place", at, at + len("سوريا"))
    settings = app_settings()
    ANNOTATOR.write(settings, "rita")
    window = shown(qtbot, open_window(db, settings, ask_name=False))
    window.review_action.trigger()
    with open_store(db, OpenMode.WRITE) as other:  # omar accepts it first, unseen by this window
        other.insert_span(Span(new_span_id(), document_id, "gold", "place", proposal.start, proposal.end,
                               proposal.text, {"accepted_by": "omar"}, "review"))
    window.view.select_span(window.workspace.spans.get(proposal.id))
    qtbot.keyClick(window.view, Qt.Key.Key_A)
    assert len(warnings_shown) == 1 and "already in the gold layer" in warnings_shown[0]
    with open_store(db, OpenMode.READ) as store:
        gold = store.spans_for(document_id, ["gold"])
    assert [s.attrs["accepted_by"] for s in gold] == ["omar"]
    qtbot.waitUntil(lambda: any(s.annotator == "gold" for s in window.workspace.spans))  # shown after the re-read
    assert window.workspace.undo_stack.count() == 0  # nothing was made, nothing to undo

"""Event edits through the window's real undo stack (the workspace's QUndoStack): each change is
on disk when shown, undo and redo go back and forth any number of times, a refused change pushes
nothing, and deleting a span that fills roles in two events comes back into both."""

from __future__ import annotations

import pytest

from annotator.core.model import Event
from annotator.store import EventError, Store
from annotator.ui.commands import DeleteSpanCommand
from annotator.ui.record_commands import ChangeEventsCommand
from annotator.ui.workspace import Workspace
from tests.store.event_samples import project_with_events


@pytest.fixture
def workspace(qtbot, tmp_path):
    path = tmp_path / "events.db"
    document_id, spans = project_with_events(path)
    store = Store.open(path)
    opened = Workspace(store, "alice")
    opened.open_document(document_id)
    yield opened, spans["alice"]
    store.close()


def on_disk(workspace) -> list[Event]:
    with Store.open(workspace.store.path) as other:  # another connection: what is stored
        return other.events_for(workspace.document.id)


def test_a_link_is_undone_and_redone_through_the_stack(qtbot, workspace):
    workspace, spans = workspace
    before = on_disk(workspace)
    e1 = next(e for e in workspace.events if e.id == "E1")
    linked = e1._replace(roles={**e1.roles, "casualty": (spans["toll"].id,)})  # the toll serves both events
    with qtbot.waitSignal(workspace.eventsChanged):
        ChangeEventsCommand(workspace, [e1], [linked], "link").run_and_push()
    after = on_disk(workspace)
    assert next(e for e in after if e.id == "E1") == linked and workspace.events == after
    for _ in range(2):
        workspace.undo_stack.undo()
        assert on_disk(workspace) == before == workspace.events
        workspace.undo_stack.redo()
        assert on_disk(workspace) == after == workspace.events


def test_a_refused_change_pushes_nothing_and_stores_nothing(qtbot, workspace):
    workspace, spans = workspace
    before = on_disk(workspace)
    e1 = next(e for e in workspace.events if e.id == "E1")
    own = e1._replace(roles={"source": e1.mentions})  # an event as its own argument
    with pytest.raises(EventError, match="its own argument"):
        ChangeEventsCommand(workspace, [e1], [own], "link").run_and_push()
    assert workspace.undo_stack.count() == 0
    assert on_disk(workspace) == before


def test_deleting_a_span_of_two_events_and_of_a_lone_mention_undoes_whole(qtbot, workspace):
    workspace, spans = workspace
    e1 = next(e for e in workspace.events if e.id == "E1")
    shared = e1._replace(roles={**e1.roles, "source": (spans["centre"].id, spans["witnesses"].id)})
    ChangeEventsCommand(workspace, [e1], [shared], "link").run_and_push()
    before = on_disk(workspace)
    DeleteSpanCommand(workspace, workspace.spans.get(spans["witnesses"].id)).run_and_push()
    DeleteSpanCommand(workspace, workspace.spans.get(spans["blasts"].id)).run_and_push()  # E2's only mention
    assert [e.id for e in on_disk(workspace)] == ["E1"]
    assert on_disk(workspace)[0].roles["source"] == (spans["centre"].id,)
    for _ in range(2):
        workspace.undo_stack.undo()
        workspace.undo_stack.undo()
        assert on_disk(workspace) == before == workspace.events
        workspace.undo_stack.redo()
        workspace.undo_stack.redo()
        assert [e.id for e in on_disk(workspace)] == ["E1"] and workspace.events == on_disk(workspace)

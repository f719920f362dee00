"""The incident table in the window's Export menu, which is built from the format registry."""

from __future__ import annotations

import pandas
from PySide6.QtWidgets import QFileDialog

from annotator.core.model import Event
from tests.ui.conftest import drag


def test_the_export_menu_offers_the_incident_table_and_writes_it(qtbot, window, tmp_path, monkeypatch):
    view, text = window.view, window.workspace.document.text
    at = text.index("قصفت")
    drag(qtbot, view, at, at + len("قصفت"))
    qtbot.keyClick(view, "1")  # an event span, labelled with the mouse and a key
    store, document_id = window.workspace.store, window.workspace.document.id
    (mention,) = store.spans_for(document_id)
    place_at = text.index("سوريا")
    place = store.create_span(document_id, "alice", "place", place_at, place_at + len("سوريا"))
    store.save_event(Event("e1", document_id, "alice", (mention.id,), {"place": (place.id,)}))

    window.export_menu.aboutToShow.emit()
    titles = [a.text() for a in window.export_menu.actions()]
    assert "Incident table (one row per event)…" in titles
    target = tmp_path / "incidents.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.export_actions["events"].trigger()
    frame = pandas.read_csv(target, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert frame[["event_id", "event_text", "place"]].values.tolist() == [["e1", "قصفت", "سوريا"]]
    assert window.statusBar().currentMessage().startswith("Exported 1 event(s) to ")

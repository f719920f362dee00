"""The shortcut sheet, the settings dialog and the desktop integration files."""

from __future__ import annotations

import configparser
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from annotator.cli import main
from annotator.store import Store

REPO = Path(__file__).resolve().parents[2]


def answer_dialog(check):
    """Run ``check(dialog)`` on the modal dialog as soon as it is shown."""
    def poll():
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog):
            check(dialog)
        else:
            QTimer.singleShot(10, poll)
    QTimer.singleShot(0, poll)


def test_f1_lists_every_shortcut(qtbot, window):
    seen = {}

    def read(dialog):
        table = dialog.table
        seen.update({table.item(r, 1).text(): table.item(r, 0).text() for r in range(table.rowCount())})
        dialog.reject()

    answer_dialog(read)
    qtbot.keyClick(window.view, Qt.Key.Key_F1)
    assert seen["Undo"] == "Ctrl+Z"
    assert seen["Next document"] == "PgDown"
    assert "1 – 5, ١ – ٥" in seen.values()
    assert "Strip clitic" in seen and "Find" in seen


def test_settings_change_font_colours_snapping_and_name(qtbot, window):
    def change(dialog):
        dialog.size_box.setValue(24)
        dialog.colors["place"] = "#112233"
        dialog.snap_box.setChecked(False)
        dialog.name_edit.setText("مها")
        dialog.accept()

    answer_dialog(change)
    window.settings_action.trigger()
    assert window.view.point_size == 24
    assert window.workspace.label("place").color == "#112233"
    assert window.workspace.store.labels()[1].color == "#112233"  # kept in the project
    assert window.view.exact_mode and window.exact_action.isChecked()
    assert window.workspace.annotator == "مها" and "مها" in window.annotator_label.text()


def test_desktop_entry_and_appstream_metainfo():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(REPO / "packaging" / "linux" / "org.annotator.Annotator.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Exec"].startswith("annotator gui") and desktop["Icon"] == "org.annotator.Annotator"
    assert desktop["Name[ar]"]
    root = ET.parse(REPO / "packaging" / "linux" / "org.annotator.Annotator.metainfo.xml").getroot()
    assert root.findtext("id") == "org.annotator.Annotator"
    assert root.find("launchable").text == "org.annotator.Annotator.desktop"
    for size in (16, 32, 48, 64, 128, 256, 512):
        assert (REPO / "annotator" / "resources" / "icons" / f"annotator-{size}.png").exists()


def test_gui_screenshot_from_the_command_line(tmp_path, reference_path, qapp):
    db = tmp_path / "p.db"
    out = tmp_path / "window.png"
    assert main(["gui", "--db", str(db), str(reference_path), "--screenshot", str(out)]) == 0
    assert out.stat().st_size > 10_000
    with Store.open(db) as store:
        assert store.document_count() == 1

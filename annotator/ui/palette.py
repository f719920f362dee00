"""Light and dark palettes. Span tints are translucent, so both stay readable."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication


def dark_palette() -> QPalette:
    palette = QPalette()
    role = QPalette.ColorRole
    for r, color in (
        (role.Window, "#2b2b2b"), (role.WindowText, "#e8e8e8"), (role.Base, "#1e1e1e"),
        (role.AlternateBase, "#262626"), (role.Text, "#eeeeee"), (role.Button, "#353535"),
        (role.ButtonText, "#e8e8e8"), (role.Highlight, "#3d6fb4"), (role.HighlightedText, "#ffffff"),
        (role.ToolTipBase, "#3a3a3a"), (role.ToolTipText, "#f0f0f0"), (role.PlaceholderText, "#9a9a9a"),
        (role.Link, "#8ab4f8"),
    ):
        palette.setColor(r, QColor(color))
    return palette


def apply_palette(dark: bool) -> None:
    app = QApplication.instance()
    app.setPalette(dark_palette() if dark else app.style().standardPalette())

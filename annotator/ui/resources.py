"""Finding bundled files (fonts, icons, sample, translations): they are package data in
``annotator/resources``, the same place in a checkout, an installed wheel and a PyInstaller
build (which keeps each module's ``__file__`` relative to its own folder)."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QFont, QFontDatabase, QIcon

ARTICLE_FONT_FAMILY = "Amiri"


def resources_dir() -> Path:
    bundled = getattr(sys, "_MEIPASS", None)  # PyInstaller unpacks data here
    if bundled:
        return Path(bundled) / "annotator" / "resources"
    return Path(__file__).resolve().parents[1] / "resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def app_icon() -> QIcon:
    """The app's icon from its PNG renderings (packaging/render_icons.py draws them from
    annotator.svg): made from the SVG, it had Qt load its SVG plugin and library at start-up."""
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        icon.addFile(str(resource_path("icons", f"annotator-{size}.png")), QSize(size, size))
    return icon


def sample_article_path() -> Path:
    return resource_path("sample", "sample_article.txt")


@cache
def load_fonts() -> str:
    """Register the bundled Arabic font, so the app never depends on the system's fonts."""
    family = ARTICLE_FONT_FAMILY
    for path in sorted(resource_path("fonts").glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            raise RuntimeError(f"{path}: Qt could not load the bundled font")
        family = QFontDatabase.applicationFontFamilies(font_id)[0]
    return family


def article_font(point_size: float = 16, family: str | None = None) -> QFont:
    font = QFont(family or load_fonts())
    font.setPointSizeF(point_size)
    return font

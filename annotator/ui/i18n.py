"""The interface language: Arabic or English, following the system unless the user chose.

In Arabic the whole window mirrors (docks, menus, toolbars); the article view keeps its
own right-to-left direction in either language.
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from annotator.ui.resources import resource_path

LANGUAGES = ("en", "ar")
_installed: list[QTranslator] = []


def interface_language(choice: str | None) -> str:
    if choice in LANGUAGES:
        return choice
    system = QLocale.system().name().split("_")[0]
    return system if system in LANGUAGES else "en"


def apply_language(app: QApplication, choice: str | None) -> str:
    """Install the translations for ``choice`` ("", "en" or "ar"); returns the language used."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = interface_language(choice)
    if language != "en":
        ours = QTranslator(app)
        if not ours.load(str(resource_path("translations", f"annotator_{language}.qm"))):
            raise RuntimeError(f"the {language} translation is missing from {resource_path('translations')}")
        qt = QTranslator(app)  # Qt's own strings: dialog buttons, context menus
        if qt.load(QLocale(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            _installed.append(qt)
        _installed.append(ours)
        for translator in _installed:
            app.installTranslator(translator)
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if language == "ar" else Qt.LayoutDirection.LeftToRight)
    return language

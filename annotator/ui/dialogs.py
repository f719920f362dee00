"""Qt's message and input dialogs, imported where one is shown: PySide builds a class (and its
enums) on its first import, a cost start-up, which shows no dialog, need not pay."""

from __future__ import annotations


def message_box():
    from PySide6.QtWidgets import QMessageBox

    return QMessageBox


def input_dialog():
    from PySide6.QtWidgets import QInputDialog

    return QInputDialog


def progress_dialog():
    from PySide6.QtWidgets import QProgressDialog

    return QProgressDialog

"""File ▸ Merge asks what to do with near-duplicate documents: join them or keep them apart."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QMessageBox, QWidget

from annotator.review.near_duplicates import NearDuplicate, best_matches, percent

SHOWN_PAIRS = 20


def _fill(template: str, *values: object) -> str:
    """``%1``, ``%2``, ... replaced in one pass: a title holding "%2" stays as it is."""
    return re.sub(r"%(\d)", lambda m: str(values[int(m.group(1)) - 1]), template)


class NearDuplicatesQuestion(QMessageBox):
    """Lists the pairs; "Join them" joins each document of the other file to its most
    similar document here, "Keep separate" merges them as separate documents."""

    def __init__(self, file_name: str, pairs: list[NearDuplicate], parent: QWidget | None = None):
        super().__init__(parent)
        self.pairs = pairs
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(self.tr("Near-duplicate documents"))
        self.setText(_fill(self.tr("%1 has documents that are almost documents of this project. Joined, their "
                                   "spans move to the document here where their text is unchanged; the others "
                                   "are listed and not merged."), file_name))
        lines = [self._describe(pair) for pair in pairs[:SHOWN_PAIRS]]
        if len(pairs) > SHOWN_PAIRS:
            lines.append("…")
        self.setInformativeText("\n".join(lines))
        self.join_button = self.addButton(self.tr("Join them"), QMessageBox.ButtonRole.AcceptRole)
        self.separate_button = self.addButton(self.tr("Keep separate"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.separate_button)

    def _describe(self, pair: NearDuplicate) -> str:
        if pair.similarity is None:
            how = self.tr("same title")
        else:
            how = _fill(self.tr("%1% similar"), percent(pair.similarity))
        return _fill(self.tr("%1 (document %2 there) and %3 (document %4 here): %5"),
                     pair.source_title, pair.source_id, pair.target_title, pair.target_id, how)

    def joined(self) -> dict[int, int]:
        """The documents to join, once answered: {id in the other file: id here}."""
        return best_matches(self.pairs) if self.clickedButton() is self.join_button else {}

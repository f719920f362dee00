"""Labels and annotators: the schema a project's spans are checked against, and who made them."""

from __future__ import annotations

import dataclasses

from annotator.core.model import Annotator, Label, check_color, clean_name
from annotator.store.errors import AnnotatorNotFound, InvalidValueError
from annotator.store.interface import ANNOTATOR_ROLES


class LabelQueries:
    """Part of ``Store``: needs its connection, ``transaction`` and ``_write_one``."""

    def labels(self) -> list[Label]:
        rows = self._conn.execute(
            "SELECT name, color, key, title_ar, title_en FROM labels ORDER BY position, name"
        ).fetchall()
        return [Label(*row) for row in rows]

    def label_names(self) -> set[str]:
        return {row[0] for row in self._conn.execute("SELECT name FROM labels")}

    def _check_label(self, name: str) -> None:
        # Labels are added, never taken away: the names seen once stay good, and a name not seen
        # is looked up again (another client may have added it). Read per span, they were one
        # round trip of every key press on a server. (A label whose adding was rolled back is
        # still refused: by the spans' foreign key.)
        known: set[str] = getattr(self, "_known_labels", set())
        if name not in known:
            known = self._known_labels = self.label_names()
            if name not in known:
                raise InvalidValueError(f"{self.path}: unknown label {name!r} (not in the project's labels)")

    def add_label(self, label: Label) -> None:
        """Raises InvalidName for a name no format could carry or a colour not #rgb/#rrggbb
        (a colour goes into HTML and Qt style strings)."""
        label = dataclasses.replace(label, name=clean_name(label.name, "label"), color=check_color(label.color))
        with self.transaction():
            position = self._conn.execute("SELECT coalesce(max(position), -1) + 1 FROM labels").fetchone()[0]
            self._conn.execute("INSERT INTO labels (name, color, key, title_ar, title_en, position) "
                               "VALUES (?, ?, ?, ?, ?, ?)",
                               [label.name, label.color, label.key, label.title_ar, label.title_en, position])

    def set_label_color(self, name: str, color: str) -> None:
        self._check_label(name)
        self._write_one("UPDATE labels SET color = ? WHERE name = ?", [check_color(color), name])


class AnnotatorQueries:
    """Part of ``Store``: needs its connection, ``transaction`` and ``_write_one``."""

    def ensure_annotator(self, name: str, role: str = "annotator") -> Annotator:
        """The annotator called ``name``, recorded with ``role`` if the project does not know
        them yet (an existing one keeps their role). Surrounding whitespace is dropped; a
        name with a control character raises InvalidName (core's one rule)."""
        name = clean_name(name, "annotator")
        row = self._conn.execute("SELECT id, name, role FROM annotators WHERE name = ?", [name]).fetchone()
        if row is None:
            with self.transaction():
                self._conn.execute("INSERT INTO annotators (name, role) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
                                   [name, role])
            row = self._conn.execute("SELECT id, name, role FROM annotators WHERE name = ?", [name]).fetchone()
        self._annotator_ids[name] = row[0]
        return Annotator(*row)

    def _annotator_id(self, name: str) -> int:
        found = self._annotator_ids.get(name)
        if found is None:  # also cached under the name as given: "alice " is alice
            found = self._annotator_ids[name] = self.ensure_annotator(name).id
        return found

    def annotators(self) -> list[Annotator]:
        return [Annotator(*row) for row in self._conn.execute("SELECT id, name, role FROM annotators ORDER BY name")]

    def annotator_span_counts(self) -> list[tuple[Annotator, int]]:
        """Every annotator by name with how many spans they have (0 for one who only
        opened the project, or only reviewed)."""
        counts = dict(self._conn.execute("SELECT annotator_id, count(*) FROM spans GROUP BY annotator_id"))
        return [(annotator, counts.get(annotator.id, 0)) for annotator in self.annotators()]

    def set_annotator_role(self, name: str, role: str) -> Annotator:
        """Give an existing annotator another role; AnnotatorNotFound when nobody has that name."""
        if role not in ANNOTATOR_ROLES:
            raise InvalidValueError(f"unknown role {role!r} (one of {', '.join(ANNOTATOR_ROLES)})")
        if self._write_one("UPDATE annotators SET role = ? WHERE name = ?", [role, name]).rowcount == 0:
            raise AnnotatorNotFound(f"{self.path}: no annotator called {name}")
        return next(a for a in self.annotators() if a.name == name)

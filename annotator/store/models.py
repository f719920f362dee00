"""Learned suggesters' models, kept in the project (table ``models``, schema 5) so a model
travels with its project: which annotator's labels it learned, which labels, from which
documents (as the suggester fingerprints them, so it knows when to learn again), and the
serialised model itself."""

from __future__ import annotations

import json

from annotator.store.interface import StoredModel
from annotator.store.rows import now

_COLUMNS = "name, annotator, labels, trained_on, data, created_at"


def _model_from_row(row: tuple) -> StoredModel:
    name, annotator, labels, trained_on, data, created_at = row
    return StoredModel(name, annotator, tuple(json.loads(labels)), json.loads(trained_on), bytes(data), created_at)


class ModelQueries:
    """Part of ``Store``: needs its connection and ``_write_one``."""

    def model(self, name: str) -> StoredModel | None:
        row = self._conn.execute(f"SELECT {_COLUMNS} FROM models WHERE name = ?", [name]).fetchone()
        return None if row is None else _model_from_row(row)

    def models(self) -> list[StoredModel]:
        """Every stored model, by name."""
        return [_model_from_row(row) for row in self._conn.execute(f"SELECT {_COLUMNS} FROM models ORDER BY name")]

    def save_model(self, model: StoredModel) -> StoredModel:
        """Store ``model`` under its name, replacing the one stored there (a model retrained);
        returns it as stored, stamped now unless it carries a time."""
        stored = model if model.created_at else StoredModel(model.name, model.annotator, tuple(model.labels),
                                                             model.trained_on, model.data, now())
        self._write_one(
            f"INSERT INTO models ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET "
            "annotator = excluded.annotator, labels = excluded.labels, trained_on = excluded.trained_on, "
            "data = excluded.data, created_at = excluded.created_at",
            [stored.name, stored.annotator, json.dumps(list(stored.labels), ensure_ascii=False),
             json.dumps(stored.trained_on, ensure_ascii=False, sort_keys=True), stored.data, stored.created_at])
        return stored

    def delete_model(self, name: str) -> bool:
        """Forget the model called ``name``; whether there was one."""
        return self._write_one("DELETE FROM models WHERE name = ?", [name]).rowcount > 0

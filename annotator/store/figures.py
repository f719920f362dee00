"""A project's figures (``annotator stats``): counts by label and annotator, read the same way
from either store."""

from __future__ import annotations

from typing import Any


class FigureQueries:
    """Part of a store: needs its connection and the label and document queries."""

    def stats(self) -> dict[str, Any]:
        by_label = dict(self._conn.execute(
            "SELECT label, count(*) FROM spans GROUP BY label ORDER BY label").fetchall())
        by_annotator = dict(
            self._conn.execute(
                "SELECT a.name, count(*) FROM spans s JOIN annotators a ON a.id = s.annotator_id "
                "GROUP BY a.name ORDER BY a.name"
            ).fetchall()
        )
        names = self.label_names()
        events_by_annotator = dict(self._conn.execute(
            "SELECT a.name, count(*) FROM events e JOIN annotators a ON a.id = e.annotator_id "
            "GROUP BY a.name ORDER BY a.name").fetchall())
        return {
            "documents": self.document_count(),
            "spans": sum(by_label.values()),
            "spans_by_label": {label.name: by_label.get(label.name, 0) for label in self.labels()}
            | {k: v for k, v in by_label.items() if k not in names},
            "spans_by_annotator": by_annotator,
            "event_count": sum(events_by_annotator.values()),
            "events_by_annotator": events_by_annotator,
        }

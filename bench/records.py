"""Event records' figures for the benchmark table (issue 14).

- value accuracy per kind on the judged gold sets (tests/data/*-gold), our normalisers
  against a baseline where one exists: dateparser alone for dates; for casualties and places
  the baseline column is the number of gold items;
- normalising every span of 10,000 documents (``normalise --all``: compute and compare
  every value) against exporting the same project to JSON Lines (target: within 2x).

    python -m bench.records
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from bench import normalise_accuracy
from bench.interchange import project_with_export_time, timed


def accuracy_rows() -> list[dict]:
    dates, casualties, places = (normalise_accuracy.date_accuracy(), normalise_accuracy.casualty_accuracy(),
                                 normalise_accuracy.place_accuracy())
    return [
        {"figure": f"date values right, {dates['dates']} judged dates", "value": dates["ours"],
         "baseline": dates["dateparser"], "ratio": round(dates["ours"] / dates["dateparser"], 2),
         "target": "measured", "baseline_is": "dateparser alone, same publication dates"},
        {"figure": f"casualty values exactly right, {casualties['casualties']} judged phrases",
         "value": casualties["exact"], "baseline": casualties["casualties"], "ratio": "", "target": "measured",
         "baseline_is": "number of phrases"},
        {"figure": f"place country right, {places['places']} judged places", "value": places["country"],
         "baseline": places["places"], "ratio": "", "target": "measured", "baseline_is": "number of places"},
        {"figure": f"place GeoNames id right, {places['places']} judged places", "value": places["geonameid"],
         "baseline": places["places"], "ratio": "", "target": "measured", "baseline_is": "number of places"},
    ]


def normalise_rows(documents: int = 10_000) -> list[dict]:
    from annotator.review.normalising import normalise_project
    from annotator.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db, export = project_with_export_time(folder, documents)
        cleared = folder / "cleared.db"
        shutil.copy(db, cleared)
        with Store.open(cleared) as store:  # no values yet: every span of a normalised label gets one
            store.set_span_values({s.id: None for _, spans in store.iter_documents_with_spans() for s in spans})
        with Store.open(cleared) as store:
            fill = timed(lambda: normalise_project(store, everything=True), repeat=1)
        with Store.open(db) as store:
            again = timed(lambda: normalise_project(store, everything=True), repeat=2)
    return [
        {"figure": f"normalise {documents:,} documents x 50 spans, values written (s)", "value": round(fill, 2),
         "baseline": round(export, 2), "ratio": round(fill / export, 2), "target": "ratio <= 2",
         "baseline_is": "export of the same project to JSON Lines"},
        {"figure": f"normalise --all again, {documents:,} documents, nothing changed (s)", "value": round(again, 2),
         "baseline": round(export, 2), "ratio": round(again / export, 2), "target": "ratio <= 2",
         "baseline_is": "export of the same project to JSON Lines"},
    ]


def run() -> list[dict]:
    return accuracy_rows() + normalise_rows()


if __name__ == "__main__":
    for row in run():
        print(row)

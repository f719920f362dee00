"""Screenshots for the README: the window on the reference article with spans of every
label (one inside a word, one nested), in the light and the dark palette.

    python -m bench.screenshots OUT_DIR
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench import REFERENCE  # noqa: E402

SPANS = [
    ("قصفت", "event"), ("تفجيرات", "event"), ("سوريا", "place"), ("مدينة الصدر", "place"),
    ("صباح الخميس", "date"), ("أمس", "date"), ("نحو عشرين قتيلا ومئة جريح", "casualty"),
    ("مركز الإعلام الأمني العراقي", "source"), ("شهود عيان", "source"), ("الإعلام الأمني", "place"),
]


def build_project(folder: Path):
    from annotator.formats.importer import import_paths
    from annotator.store import Store

    store = Store.open(folder / "demo.db")
    import_paths(store, [REFERENCE], annotator="reviewer")
    doc_id = store.document_ids()[0]
    text = store.document_text(doc_id)
    for words, label in SPANS:
        at = text.index(words)
        store.create_span(doc_id, "مها", label, at, at + len(words))
    at = text.index("للجزيرة") + 2  # a place inside a word that carries a clitic
    store.create_span(doc_id, "مها", "place", at, at + len("جزيرة"))
    # An event record: the strike on Syria, with its place, date and source; values normalised
    # against the article's publication date (judged from its text: tests/data/dates-gold).
    from annotator.core.model import Event
    from annotator.review.normalising import normalise_project

    store.set_document_meta(doc_id, {"published": "2018-06-07"})
    ids = {s.text: s.id for s in store.spans_for(doc_id)}
    store.save_event(Event("E1", doc_id, "مها", (ids["قصفت"],), {
        "place": (ids["سوريا"],), "date": (ids["صباح الخميس"],), "source": (ids["مركز الإعلام الأمني العراقي"],)}))
    store.save_event(Event("E2", doc_id, "مها", (ids["تفجيرات"],), {
        "date": (ids["أمس"],), "casualty": (ids["نحو عشرين قتيلا ومئة جريح"],), "source": (ids["شهود عيان"],)}))
    normalise_project(store)
    return store


def build_review_project(folder: Path):
    """Two annotators who agree in places and disagree in others, merged for review."""
    from annotator.review.merge import merge_into
    from annotator.store import Store

    layers = {
        "مها": SPANS[:8],
        "سارة": [(words, label) for words, label in SPANS[:8] if words not in ("أمس", "تفجيرات")]
        + [("سوريا", "date"), ("شهود عيان", "source"), ("مدينة", "place")],
    }
    for name, spans in layers.items():
        with Store.open(folder / f"{name}.db") as store:
            doc, _ = store.add_document(REFERENCE.read_text(encoding="utf-8"), "000_dd904abe3b3d7368")
            for words, label in spans:
                at = doc.text.index(words)
                store.create_span(doc.id, name, label, at, at + len(words))
    review = Store.open(folder / "review.db")
    for name in layers:
        merge_into(review, folder / f"{name}.db")
    return review


def main(out_dir: str) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        from annotator.ui.app import ensure_app
        from annotator.ui.main_window import MainWindow
        from annotator.ui.settings import app_settings
        from annotator.ui.snapshot import render_png

        app = ensure_app()
        store = build_project(Path(tmp))
        window = MainWindow(store, "مها", app_settings())
        window.resize(1400, 860)
        window.show()
        app.processEvents()
        spans = list(window.workspace.spans)
        window.view.select_span(next(s for s in spans if s.label == "date"), scroll=False)
        app.processEvents()
        window.grab().save(str(out / "window.png"))
        window.dark_action.trigger()
        app.processEvents()
        window.grab().save(str(out / "window-dark.png"))
        window.dark_action.trigger()
        window.view.select_span(next(s for s in spans if s.text == "قصفت"), scroll=False)
        window.events_panel_action.trigger()
        app.processEvents()
        window.grab().save(str(out / "events.png"))
        window.spans_dock.raise_()
        from annotator.ui.i18n import apply_language

        apply_language(app, "ar")
        arabic = MainWindow(store, "مها", app_settings())
        arabic.resize(1400, 860)
        arabic.show()
        app.processEvents()
        arabic.grab().save(str(out / "window-ar.png"))
        arabic.close()
        apply_language(app, "en")
        review_store = build_review_project(Path(tmp))
        review = MainWindow(review_store, "reviewer", app_settings())
        review.resize(1400, 860)
        review.show()
        review.review_action.trigger()
        review.accept_agreed_action.trigger()
        review.next_disagreement_action.trigger()
        app.processEvents()
        review.grab().save(str(out / "window-review.png"))
        review.show_side_by_side()
        review.side_by_side.resize(1400, 520)
        review.side_by_side.show()
        app.processEvents()
        review.side_by_side.grab().save(str(out / "side-by-side.png"))
        review.side_by_side.close()
        review.show_dashboard()
        review.dashboard.show_pair("سارة", "مها")
        app.processEvents()
        review.dashboard.grab().save(str(out / "dashboard.png"))
        review.dashboard.close()
        review.close()
        review_store.close()
        document = store.document(store.document_ids()[0])
        render_png(document, store.spans_for(document.id), store.labels(), out / "render.png")
        window.close()
        store.close()
        QApplication.processEvents()
    print(f"screenshots written to {out}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "resources/screenshots")

"""A project holding the reference article with the spans of its first two events, by one or
more annotators: what the event tests (store, review, window) build on."""

from __future__ import annotations

from pathlib import Path

from annotator.core.model import Event, Span
from annotator.store import OpenMode, ProjectStore, open_store
from tests.conftest import REFERENCE_ARTICLE

# (label, the words as written); each is found at its first place in the article.
PARTS = {
    "strike": ("event", "قصفت"),
    "syria": ("place", "سوريا"),
    "thursday": ("date", "صباح الخميس"),
    "blasts": ("event", "تفجيرات"),
    "sadr": ("place", "مدينة الصدر"),
    "yesterday": ("date", "أمس"),
    "toll": ("casualty", "نحو عشرين قتيلا ومئة جريح"),
    "witnesses": ("source", "شهود عيان"),
    "centre": ("source", "مركز الإعلام الأمني العراقي"),
}


def reference_text() -> str:
    return REFERENCE_ARTICLE.read_text(encoding="utf-8")


def add_parts(store: ProjectStore, document_id: int, annotator: str, names=PARTS) -> dict[str, Span]:
    """The named spans of the reference article for ``annotator``, stored; by part name."""
    text = store.document_text(document_id)
    spans = {}
    for name in names:
        label, words = PARTS[name]
        start = text.index(words)
        spans[name] = store.create_span(document_id, annotator, label, start, start + len(words))
    return spans


def the_two_events(document_id: int, annotator: str, spans: dict[str, Span]) -> list[Event]:
    """The strike on Syria on Thursday (said by the security centre), and the Sadr City blasts
    of yesterday with their toll (said by witnesses). Ids are unique in the document, whoever
    made the event: alice's are E1 and E2, another's carry their name (E1-bob)."""
    suffix = "" if annotator == "alice" else f"-{annotator}"
    return [
        Event(f"E1{suffix}", document_id, annotator, (spans["strike"].id,),
              {"place": (spans["syria"].id,), "date": (spans["thursday"].id,), "source": (spans["centre"].id,)}),
        Event(f"E2{suffix}", document_id, annotator, (spans["blasts"].id,),
              {"place": (spans["sadr"].id,), "date": (spans["yesterday"].id,),
               "casualty": (spans["toll"].id,), "source": (spans["witnesses"].id,)}),
    ]


def project_with_events(path: Path, annotators=("alice",)) -> tuple[int, dict[str, dict[str, Span]]]:
    """A project at ``path`` (a file's path or a server's URL): the article, each annotator's
    spans and two events; returns the document id and each annotator's spans by part name."""
    with open_store(path, OpenMode.CREATE) as store:
        document, _ = store.add_document(reference_text(), "reference", meta={"published": "2018-05-10"})
        spans = {}
        for annotator in annotators:
            spans[annotator] = add_parts(store, document.id, annotator)
            store.insert_events(the_two_events(document.id, annotator, spans[annotator]))
    return document.id, spans

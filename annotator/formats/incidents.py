"""The incident table: one row per event, the record the datasets users build are made of
(ACLED's event_date, time precision, location, latitude/longitude, fatalities, source;
Iraq Body Count's date, place, deaths).

``--out incidents.csv`` writes CSV, UTF-8 with a BOM and no live formulas (as the span CSV);
``--out incidents.jsonl`` one JSON object a line, with numbers and nulls as such. Export only.

Within a row: ``event_text``, ``place``, ``source``, ``date_text`` and ``casualty_text`` are the
spans' texts as written, joined with "; "; ``country`` the one country of the event's places
(blank when they name two); ``latitude``/``longitude`` those of its first place that has them;
``killed``/``injured`` the largest report among its casualty spans, never their sum (two
mentions of one toll are one toll), and ``approximate`` whether a report giving them is;
``event_date`` the ISO value of its most precise date; ``sentence`` the sentence of its first
mention, cut as the CoNLL export cuts sentences and never inside the mention.
"""

from __future__ import annotations

import csv
import json
from bisect import bisect_right
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from annotator.core.model import Document, Event, Span
from annotator.formats.csv_table import neutralise
from annotator.formats.event_links import EventsOf, events_by_document, exported_events
from annotator.formats.output_files import write_stream_replacing
from annotator.formats.spec import EVENTS, QT_TRANSLATE_NOOP, ExportContext, FileFormat, Target, first_line_object

COLUMNS = ("event_id", "document_id", "annotator", "title", "published", "event_text", "event_date",
           "date_precision", "date_text", "place", "country", "latitude", "longitude", "killed", "injured",
           "approximate", "casualty_text", "source", "sentence")
NUMBERS = frozenset({"document_id", "latitude", "longitude", "killed", "injured"})  # never neutralised
JOINER = "; "
_PRECISION = {10: "day", 7: "month", 4: "year"}  # by the length of the ISO value
JSON_SUFFIXES = (".jsonl", ".ndjson")


def _texts(spans: list[Span]) -> str:
    return JOINER.join(s.text for s in spans)


def _most_precise_date(dates: list[Span]) -> tuple[str | None, str | None]:
    best: tuple[str | None, str | None] = (None, None)
    for span in dates:
        iso = (span.value or {}).get("iso")
        if not isinstance(iso, str) or len(iso) not in _PRECISION:
            continue
        if best[0] is None or len(iso) > len(best[0]):  # the first of equally precise dates
            best = (iso, _PRECISION[len(iso)])
    return best


def _country(places: list[Span]) -> str | None:
    countries = {(s.value or {}).get("country") for s in places} - {None, ""}
    return countries.pop() if len(countries) == 1 else None


def _coordinates(places: list[Span]) -> tuple[float | None, float | None]:
    for span in places:
        value = span.value or {}
        lat, lon = value.get("lat"), value.get("lon")
        if isinstance(lat, (int, float)) and isinstance(lon, (int, float)):
            return lat, lon
    return None, None


def _whole(value: Any) -> int | None:
    """A count as a whole number; anything else (a vague count is null) as none."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != int(value):
        return None
    return int(value)


def _casualties(spans: list[Span]) -> tuple[int | None, int | None, bool | None]:
    """The largest killed and injured reports and whether one giving them is approximate;
    with no number at all, whether any report is (a vague "عشرات")."""
    values = [s.value for s in spans if s.value]
    killed = max((k for v in values if (k := _whole(v.get("killed"))) is not None), default=None)
    injured = max((i for v in values if (i := _whole(v.get("injured"))) is not None), default=None)
    giving = [v for v in values if (killed is not None and _whole(v.get("killed")) == killed)
              or (injured is not None and _whole(v.get("injured")) == injured)]
    flags = [v.get("approximate") for v in (giving or values) if isinstance(v.get("approximate"), bool)]
    return killed, injured, (any(flags) if flags else None)


class Sentences:
    """A document's sentences as the CoNLL export cuts them, made when first asked for."""

    def __init__(self, document: Document):
        self.document = document
        self.bounds: list[tuple[int, int]] | None = None
        self.starts: list[int] = []

    def around(self, span: Span) -> str:
        if self.bounds is None:
            from annotator.core.tokens import document_tokens

            tokens, sentences = document_tokens(self.document.text, self.document.meta)
            self.bounds = [(tokens[s.start][0], tokens[s.stop - 1][1]) for s in sentences if len(s)]
            self.starts = [start for start, _ in self.bounds]
        if not self.bounds:
            return span.text
        first = max(bisect_right(self.starts, span.start) - 1, 0)
        last = max(bisect_right(self.starts, span.end - 1) - 1, first)  # never cut the mention
        start, end = min(self.bounds[first][0], span.start), max(self.bounds[last][1], span.end)
        return self.document.text[start:end]


def _published(document: Document) -> str | None:
    from annotator.normalise.dates import publication_date

    found = publication_date(document.meta)
    return found.isoformat() if found is not None else None


def incident_rows(document: Document, spans: list[Span], events: list[Event]) -> list[dict[str, Any]]:
    """One row per event of ``document`` (``events`` restricted to ``spans``), in their order."""
    events = exported_events(events, spans)
    if not events:
        return []
    by_id = {s.id: s for s in spans}
    sentences = Sentences(document)
    published = _published(document)
    rows = []
    for event in events:
        mentions = [by_id[m] for m in event.mentions]
        role = {name: [by_id[s] for s in ids] for name, ids in event.roles.items()}
        places, dates = role.get("place", []), role.get("date", [])
        casualties, sources = role.get("casualty", []), role.get("source", [])
        event_date, precision = _most_precise_date(dates)
        latitude, longitude = _coordinates(places)
        killed, injured, approximate = _casualties(casualties)
        rows.append({
            "event_id": event.id, "document_id": document.id, "annotator": event.annotator,
            "title": document.title, "published": published, "event_text": _texts(mentions),
            "event_date": event_date, "date_precision": precision, "date_text": _texts(dates),
            "place": _texts(places), "country": _country(places), "latitude": latitude, "longitude": longitude,
            "killed": killed, "injured": injured, "approximate": approximate,
            "casualty_text": _texts(casualties), "source": _texts(sources), "sentence": sentences.around(mentions[0]),
        })
    return rows


def _cell(column: str, value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value if column in NUMBERS else neutralise(str(value))


def write_csv(items: Iterable[tuple[Document, list[Span]]], stream: IO[str], events: EventsOf) -> int:
    """Rows to ``stream`` (opened with newline=""); the caller writes the BOM."""
    writer = csv.writer(stream)
    writer.writerow(COLUMNS)
    count = 0
    for document, spans in items:
        for row in incident_rows(document, spans, events.get(document.id, [])):
            writer.writerow([_cell(column, row[column]) for column in COLUMNS])
            count += 1
    return count


def write_jsonl(items: Iterable[tuple[Document, list[Span]]], stream: IO[str], events: EventsOf) -> int:
    count = 0
    for document, spans in items:
        for row in incident_rows(document, spans, events.get(document.id, [])):
            stream.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    return count


def _write_path(items: Iterable[tuple[Document, list[Span]]], path: Path, context: ExportContext) -> int:
    events = events_by_document(context)
    if path.suffix.lower() in JSON_SUFFIXES:
        return write_stream_replacing(path, "utf-8", lambda stream: write_jsonl(items, stream, events))
    return write_stream_replacing(path, "utf-8-sig", lambda stream: write_csv(items, stream, events))


def _is_incident_table(head: str) -> bool:
    first = head.lstrip().split("\n", 1)[0]
    if first.startswith("event_id,document_id,"):
        return True
    found = first_line_object(head)
    return isinstance(found, dict) and "event_id" in found and "event_date" in found and "text" not in found


FORMAT = FileFormat(
    "events", QT_TRANSLATE_NOOP("Formats", "Incident table (one row per event)"), (".csv", ".jsonl"),
    Target.STREAM, "(no offsets)",
    write=lambda items, stream, context: write_csv(items, stream, events_by_document(context)),
    write_path=_write_path, unit=EVENTS, encoding="utf-8-sig", sniff=_is_incident_table, sniff_rank=1,
    not_importable="an incident table is export only: it keeps no article text to import; "
                   "import the JSON Lines export instead")

"""Events in interchange files: what every writer asks of the project, and how a JSON
object (JSON Lines, Label Studio's meta) becomes an ``EventRecord``.

An event names its spans by id; a writer exports only some spans (``--label``, a filter
of annotators), so each event is cut down to the spans that go out with it, and an event
none of whose mentions goes out is left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from annotator.core.model import Event, Span
from annotator.formats.records import EventRecord, FormatError, SpanRef

if TYPE_CHECKING:
    from annotator.formats.spec import ExportContext

EventsOf = dict[int, list[Event]]  # document id -> its events


def events_by_document(context: ExportContext | None) -> EventsOf:
    """The events of the documents an export selects, in one query (an export without
    events pays for one empty one)."""
    if context is None:
        return {}
    options = context.options
    found: EventsOf = {}
    documents = options.documents or None
    for event in context.store.iter_events(options.annotators, documents):
        found.setdefault(event.document_id, []).append(event)
    return found


def exported_events(events: list[Event] | None, spans: Iterable[Span]) -> list[Event]:
    """``events`` restricted to the spans written with them."""
    if not events:
        return []
    kept = {s.id for s in spans}
    out = []
    for event in events:
        mentions = tuple(m for m in event.mentions if m in kept)
        if not mentions:
            continue
        roles = {role: tuple(s for s in ids if s in kept) for role, ids in event.roles.items()}
        out.append(event._replace(mentions=mentions, roles={r: ids for r, ids in roles.items() if ids}))
    return out


def event_object(event: Event) -> dict[str, Any]:
    return {"id": event.id, "annotator": event.annotator, "mentions": list(event.mentions),
            "roles": {role: list(ids) for role, ids in event.roles.items()}}


def _kind(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "true or false",
            type(None): "null"}.get(type(value), "a number")


def _refs(raw: Any, where: str, index_of: dict[str, int], path: str, line: int | None) -> list[SpanRef]:
    if not isinstance(raw, list):
        raise FormatError(path, f"{where} must be a list of span ids, not {_kind(raw)}", line)
    refs: list[SpanRef] = []
    for item in raw:
        if not isinstance(item, str) or not item:
            raise FormatError(path, f"{where} must be a list of span ids; {item!r} is not one", line)
        index = index_of.get(item)
        refs.append(item if index is None else index)
    return refs


def event_records(raw: Any, index_of: dict[str, int], path: str, line: int | None) -> list[EventRecord]:
    """``"events"`` of a JSON document as records; a span id the document holds becomes
    that span's index, any other stays an id for the importer to look up (and refuse)."""
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise FormatError(path, f'"events" must be a list, not {_kind(raw)}', line)
    records = []
    for number, item in enumerate(raw, start=1):
        if not isinstance(item, dict):
            raise FormatError(path, f"event {number} must be an object, not {_kind(item)}", line)
        event_id, annotator = item.get("id"), item.get("annotator")
        name = f"event {event_id}" if isinstance(event_id, str) and event_id else f"event {number}"
        for key, value in (("id", event_id), ("annotator", annotator)):
            if value is not None and not isinstance(value, str):
                raise FormatError(path, f"{name}: {key} must be a string, not {_kind(value)}", line)
        mentions = _refs(item.get("mentions"), f"{name}: mentions", index_of, path, line)
        if not mentions:
            raise FormatError(path, f"{name} has no mention (an event is named by at least one event span)", line)
        roles_raw = item.get("roles") or {}
        if not isinstance(roles_raw, dict):
            raise FormatError(path, f"{name}: roles must be an object, not {_kind(roles_raw)}", line)
        roles = {role: _refs(ids, f"{name}: role {role}", index_of, path, line) for role, ids in roles_raw.items()}
        records.append(EventRecord(event_id or None, mentions, roles, annotator or None, line))
    return records

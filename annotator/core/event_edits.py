"""Edits of one event, as new Event values (an Event is never changed in place): what the
window's linking gestures and an import's checks agree on."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from annotator.core.model import Event, Role

# The label whose spans are an event's mentions (the other four fill its roles).
EVENT_LABEL = "event"


def next_event_id(events: Iterable[Event]) -> str:
    """E1, E2, ...: one past the highest such id in the document (ids of every layer, so a
    gold event and an annotator's never share one)."""
    numbers = [int(e.id[1:]) for e in events if e.id[:1] == "E" and e.id[1:].isdigit()]
    return f"E{max(numbers, default=0) + 1}"


def new_event(event_id: str, document_id: int, annotator: str, mention: str) -> Event:
    return Event(event_id, document_id, annotator, (mention,), {})


def event_of_span(events: Iterable[Event], span_id: str) -> Event | None:
    """The event ``span_id`` mentions, else the first it fills a role of."""
    events = list(events)
    mentioned = next((e for e in events if span_id in e.mentions), None)
    return mentioned or next((e for e in events if any(span_id in ids for ids in e.roles.values())), None)


def role_for_label(roles: Sequence[Role], label: str) -> Role | None:
    """The role a span of ``label`` fills: the first whose label it is, else the first that
    takes any label; None when no role takes it."""
    return next((r for r in roles if r.label == label), None) or next((r for r in roles if not r.label), None)


def with_mention(event: Event, span_id: str) -> Event:
    if span_id in event.mentions:
        return event
    roles = {role: tuple(i for i in ids if i != span_id) for role, ids in event.roles.items()}
    return event._replace(mentions=(*event.mentions, span_id), roles={r: ids for r, ids in roles.items() if ids})


def with_argument(event: Event, role: str, span_id: str) -> Event:
    """``span_id`` added to ``role`` (an event's own mention is never its argument: refused
    by returning the event unchanged)."""
    if span_id in event.mentions or span_id in event.roles.get(role, ()):
        return event
    return event._replace(roles={**event.roles, role: (*event.roles.get(role, ()), span_id)})


def fits(roles: Sequence[Role], role: str, label: str) -> bool:
    """Whether a span of ``label`` may fill ``role`` ('' = a mention, which takes event spans)."""
    if not role:
        return label == EVENT_LABEL
    named = next((r.label for r in roles if r.name == role), "")
    return not named or named == label


def unlinked_misfits(events: Iterable[Event], span_id: str, label: str,
                     roles: Sequence[Role]) -> list[tuple[Event, Event | None]]:
    """(event, as it becomes) for each event that names ``span_id`` in a place its new ``label``
    no longer fits: a relabelled mention leaves its event, an argument its role."""
    changed = []
    for event in events:
        after: Event | None = event
        if span_id in event.mentions and not fits(roles, "", label):
            after = without(event, "", span_id)
        for role, ids in event.roles.items():
            if after is not None and span_id in ids and not fits(roles, role, label):
                after = without(after, role, span_id)
        if after != event:
            changed.append((event, after))
    return changed


def without(event: Event, role: str, span_id: str) -> Event | None:
    """The event with ``span_id`` taken out of ``role`` ('' = its mentions); None when its
    last mention went, which leaves no event."""
    if not role:
        mentions = tuple(i for i in event.mentions if i != span_id)
        return event._replace(mentions=mentions) if mentions else None
    kept = tuple(i for i in event.roles.get(role, ()) if i != span_id)
    roles = {r: ids for r, ids in event.roles.items() if r != role}
    if kept:
        roles[role] = kept
    return event._replace(roles=roles)

"""The events of an import: each span they name found (in the file, or already in the
project), the rules checked, and the events stored after their spans.

Refused, with the file and line: a span id no one holds, a span of another document, an
event among its own arguments, a span that mentions two events, an unknown role, one id
for two different events, a mention that is not an event span, an argument whose label is
not the one its role names. An event the project already holds as it is counts as existing.
(The store checks the same rules again; here they are said with the file and line.)
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from annotator.core.errors import AnnotatorError
from annotator.core.event_edits import EVENT_LABEL
from annotator.core.model import Event, InvalidName, Role, clean_name
from annotator.formats.records import DocumentRecord, EventRecord, FormatError, SpanRef

if TYPE_CHECKING:
    from annotator.formats.importer import ImportReport
    from annotator.store import ProjectStore

Stored = tuple[str, str, str] | tuple | None  # (id, annotator, label), a stored span's content, or None


class _Refused(Exception):
    pass


class EventTaker:
    def __init__(self, store: ProjectStore, report: ImportReport, skip_bad: bool, add_roles: bool = False):
        self.store, self.report, self.skip_bad, self.add_roles = store, report, skip_bad, add_roles
        self.pending: list[Event] = []
        self.role_names: list[str] | None = None
        self.role_labels: dict[str, str] = {}

    def flush(self) -> None:
        if self.pending:
            self.store.insert_events(self.pending)
            self.report.events_added += len(self.pending)
            self.pending = []

    def take(self, record: DocumentRecord, document_id: int, created: bool, stored: list[Stored], path: Path,
             pending_ids: dict[str, tuple]) -> None:
        if self.role_names is None:
            roles = self.store.roles()
            self.role_names = [role.name for role in roles]
            self.role_labels = {role.name: role.label for role in roles}
        existing = {} if created else {e.id: e for e in self.store.events_for(document_id)}
        mentioned = {m: e.id for e in existing.values() for m in e.mentions}
        lookup = _SpanLookup(self.store, document_id, stored, pending_ids, record)
        taken: dict[str, Event] = {}
        read_ids: set[str | None] = set()  # the ids this document's events give, existing ones too
        for number, raw in enumerate(record.events, start=1):
            line = raw.line if raw.line is not None else record.line
            try:
                event = self._event(raw, number, document_id, lookup, existing, taken, mentioned, read_ids)
            except _Refused as err:
                problem = FormatError(str(path), str(err), line)
                if not self.skip_bad:
                    raise problem from None
                self.report.skipped.append(str(problem))
                continue
            if event is None:
                self.report.events_existing += 1
                continue
            taken[event.id] = event
            for mention in event.mentions:
                mentioned[mention] = event.id
        self.pending += taken.values()

    def _event(self, raw: EventRecord, number: int, document_id: int, lookup: _SpanLookup,
               existing: dict[str, Event], taken: dict[str, Event], mentioned: dict[str, str],
               read_ids: set) -> Event | None:
        # As the file names it (brat's E3), else by its id, else by its place in the document.
        name = f"event {raw.written_as or raw.id or number}"
        if raw.where:
            name = f"{raw.where}: {name}"
        try:
            event_id = None if raw.id is None else clean_name(raw.id, "event id")
            annotator = None if raw.annotator is None else clean_name(raw.annotator, "annotator")
        except InvalidName as err:
            raise _Refused(f"{name}: {err}") from None
        if event_id is not None and event_id in read_ids:
            raise _Refused(f"{name}: a second event with the id {event_id} in this document")
        read_ids.add(event_id)
        mentions = [lookup.find(ref, name) for ref in raw.mentions]
        for ref, (_, _, label) in zip(raw.mentions, mentions):
            if label != EVENT_LABEL:
                raise _Refused(f"{name}: its mention {lookup.describe(ref)} is labelled {label}, not "
                               f"{EVENT_LABEL} (an event is mentioned by {EVENT_LABEL} spans)")
        annotator = annotator or mentions[0][1]
        roles: dict[str, tuple[str, ...]] = {}
        for role, refs in raw.roles.items():
            if role not in (self.role_names or []):
                self._add_role(role, name)
            found = [lookup.find(ref, name) for ref in refs]
            wanted = self.role_labels.get(role, "")
            for ref, (span_id, _, label) in zip(refs, found):
                # Its own mention as its argument is refused below, in those words.
                if wanted and label != wanted and all(span_id != m for m, _, _ in mentions):
                    raise _Refused(f"{name}: its {role} {lookup.describe(ref)} is labelled {label}, not {wanted} "
                                   f"(the role {role!r} takes {wanted} spans)")
            _same_annotator(found, annotator, name)
            ids = [span_id for span_id, _, _ in found]
            twice = next((i for i in ids if ids.count(i) > 1), None)
            if twice is not None:
                raise _Refused(f"{name}: role {role} names span {twice} twice")
            if ids:
                roles[role] = tuple(ids)
        _same_annotator(mentions, annotator, name)
        mention_ids = tuple(span_id for span_id, _, _ in mentions)
        for span_id in mention_ids:
            if mention_ids.count(span_id) > 1:
                raise _Refused(f"{name}: mentions span {span_id} twice")
            own = next((role for role, ids in roles.items() if span_id in ids), None)
            if own is not None:
                raise _Refused(f"{name}: its mention {span_id} is also its own {own} "
                               "(an event cannot be its own argument)")
        if event_id is None:
            event_id = _fresh_id(existing, taken)
        for span_id in mention_ids:
            other = mentioned.get(span_id)
            if other is not None and other != event_id:
                raise _Refused(f"{name}: span {span_id} already mentions event {other} (a span mentions one event)")
        event = Event(event_id, document_id, annotator, mention_ids, roles)
        held = existing.get(event_id)
        if held is not None:
            if _same(held, event):
                return None
            raise _Refused(f"{name}: the project already holds an event {event_id} in this document with other spans")
        return event


    def _add_role(self, role: str, name: str) -> None:
        """A role the project lacks: added (taking spans of any label) with --add-labels, else refused."""
        known = ", ".join(self.role_names or [])
        if not self.add_roles:
            raise _Refused(f"{name}: unknown role {role!r} (the project's roles: {known}; add it with "
                           "--add-labels or `annotator roles add`)")
        try:
            self.store.add_role(Role(role, "", "", ""))
        except AnnotatorError as err:  # a name equal to another's but for case, or one no format carries
            raise _Refused(f"{name}: role {role!r} cannot be added: {str(err).removeprefix(f'{self.store.path}: ')}") \
                from None
        assert self.role_names is not None
        self.role_names.append(role)
        self.role_labels[role] = ""


def _same_annotator(spans: list[tuple[str, str, str]], annotator: str, name: str) -> None:
    for span_id, owner, _ in spans:
        if owner != annotator:
            raise _Refused(f"{name} is {annotator}'s but its span {span_id} is {owner}'s "
                           "(an event links spans of its own annotator)")


def _same(a: Event, b: Event) -> bool:
    return (a.annotator, a.mentions) == (b.annotator, b.mentions) and \
        {r: set(ids) for r, ids in a.roles.items() if ids} == {r: set(ids) for r, ids in b.roles.items() if ids}


def _fresh_id(existing: dict[str, Event], taken: dict[str, Event]) -> str:
    number = len(existing) + len(taken) + 1
    while f"e{number}" in existing or f"e{number}" in taken:
        number += 1
    return f"e{number}"


class _SpanLookup:
    """Where a span an event names is stored, with its annotator and label."""

    def __init__(self, store: ProjectStore, document_id: int, stored: list[Stored], pending_ids: dict[str, tuple],
                 record: DocumentRecord):
        self.store, self.document_id, self.stored, self.pending_ids = store, document_id, stored, pending_ids
        self.record = record
        self.by_content: dict[tuple, str] | None = None

    def describe(self, ref: SpanRef) -> str:
        """A span as the file shows it: its words, offsets and line; or its id."""
        if isinstance(ref, str):
            return f"span {ref}"
        raw = self.record.spans[ref]
        words = raw.text if raw.text is not None else self.record.text[raw.start:raw.end]
        line = f", line {raw.line}" if raw.line is not None else ""
        return f"{words!r} ({raw.start}-{raw.end}{line})"

    def find(self, ref: SpanRef, name: str) -> tuple[str, str, str]:
        """(id, annotator, label) of the span ``ref`` names."""
        if isinstance(ref, int):
            found = self.stored[ref] if ref < len(self.stored) else None
            if found is None:
                raise _Refused(f"{name}: its span {ref + 1} was not imported")
            if len(found) == 3:
                return found  # type: ignore[return-value]
            return self._by_content(found, name)
        pending = self.pending_ids.get(ref)
        if pending is not None:
            document_id, annotator, label = pending[0], pending[1], pending[2]
        else:
            span = self.store.span(ref)
            if span is None:
                raise _Refused(f"{name}: no span with id {ref} in this document or the project")
            document_id, annotator, label = span.document_id, span.annotator, span.label
        if document_id != self.document_id:
            raise _Refused(f"{name}: span {ref} belongs to another document (document {document_id}), "
                           "an event's spans are of its own document")
        return ref, annotator, label

    def _by_content(self, content: tuple, name: str) -> tuple[str, str, str]:
        """A span that was already stored under another id (a format that keeps no ids)."""
        if self.by_content is None:
            self.by_content = {(s.annotator, s.label, s.start, s.end): s.id
                               for s in self.store.spans_for(self.document_id)}
        span_id = self.by_content.get(content)
        if span_id is None:
            raise _Refused(f"{name}: a span it names ({content[1]} at {content[2]}-{content[3]}) is not stored")
        return span_id, content[0], content[1]

"""Events (an event's mentions and the spans filling its roles), the roles themselves, and
spans' normalised values.

The rules an event keeps, checked here on every way in (``save_event``, ``insert_events``,
``restore_events``), so no caller can store a broken one:
- it belongs to one annotator, and every span it names (mentions and arguments) is a span of
  its document by that same annotator. An argument may not be another annotator's span: each
  layer (an annotator's, the gold layer's) is a whole record by itself, which agreement compares
  and which an export writes without reaching into another's spans;
- it has at least one mention, and a span mentions at most one event;
- a span may fill roles in several events, and several roles of one event, but is never an
  argument of an event it mentions;
- every mention is a span labelled ``event`` (``EVENT_LABEL``);
- every role is in the roles table, and when the role names a label ('' = any), each span
  filling it has that label: so an event span never fills a role that names another label.
  The window unlinks a span whose label changes, so a relabelled span keeps the rule too;
  ``check`` reports a link that breaks it (a file changed outside Annotator).
Deleting a span takes it out of every event (the schema's cascades); an event it alone
mentioned is deleted with it, and ``span_events`` / ``restore_events`` bring both back on undo.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from annotator.core.errors import AnnotatorError
from annotator.core.event_edits import EVENT_LABEL
from annotator.core.model import Event, Role, clean_name
from annotator.normalise.value_shapes import value_problem
from annotator.store.errors import EventError, EventNotFound, InvalidValueError, RoleError, SpanNotFound
from annotator.store.rows import later_than, now, value_text

_ROLE_COLUMNS = "name, label, title_ar, title_en"


def _key(event: Event) -> tuple[int, str]:
    return event.document_id, event.id


def _named(event: Event) -> str:
    return f"event {event.id!r} of document {event.document_id}"


def _ids(ids: Iterable[Any]) -> list[str]:
    return sorted({str(i) for i in ids})


class EventQueries:
    """Part of ``Store``: needs its connection, ``transaction``, ``_write_one``, the label
    check and the annotator ids it caches."""

    # -- roles -----------------------------------------------------------------------

    def roles(self) -> list[Role]:
        return [Role(*row) for row in self._conn.execute(
            f"SELECT {_ROLE_COLUMNS} FROM roles ORDER BY position, name")]

    def role_names(self) -> set[str]:
        return {row[0] for row in self._conn.execute("SELECT name FROM roles")}

    def add_role(self, role: Role) -> None:
        """A new role at the end of the list; its label ('' = any) must be one of the project's."""
        name = self._clean(role.name, "role")
        if role.label:
            self._check_label(role.label)
        with self.transaction():
            self._refuse_a_taken_role_name(name, self.role_names())
            position = self._conn.execute("SELECT coalesce(max(position), -1) + 1 FROM roles").fetchone()[0]
            self._conn.execute(f"INSERT INTO roles ({_ROLE_COLUMNS}, position) VALUES (?, ?, ?, ?, ?)",
                               [name, role.label, role.title_ar, role.title_en, position])

    def rename_role(self, old: str, new: str) -> None:
        """Give a role another name; the events it fills keep it (the schema's ON UPDATE CASCADE)."""
        new = self._clean(new, "role")
        with self.transaction():
            names = self.role_names()
            if old not in names:
                raise RoleError(f"{self.path}: no role called {old!r}")
            self._refuse_a_taken_role_name(new, names - {old})
            self._conn.execute("UPDATE roles SET name = ? WHERE name = ?", [new, old])

    def _refuse_a_taken_role_name(self, name: str, others: set[str]) -> None:
        # Names equal but for case would be one argument in brat (Place:T5) and one column
        # in a spreadsheet: two roles must differ by more than case.
        taken = next((other for other in sorted(others) if other.casefold() == name.casefold()), None)
        if taken is not None:
            same = "" if taken == name else " (role names must differ by more than upper and lower case)"
            raise RoleError(f"{self.path}: there is already a role called {taken!r}{same}")

    def remove_role(self, name: str) -> None:
        """Remove a role no event uses (unlink its arguments first: nothing goes silently)."""
        with self.transaction():
            if name not in self.role_names():
                raise RoleError(f"{self.path}: no role called {name!r}")
            used = self._conn.execute("SELECT count(*) FROM event_arguments WHERE role = ?", [name]).fetchone()[0]
            if used:
                raise RoleError(f"{self.path}: the role {name!r} links {used} span(s) to events; "
                                "unlink them before removing it")
            self._conn.execute("DELETE FROM roles WHERE name = ?", [name])

    # -- events: reading -------------------------------------------------------------

    def events_for(self, document_id: int, annotators: Iterable[str] | None = None) -> list[Event]:
        """The document's events (of the named annotators, or of all), by id."""
        return list(self._events(annotators, [document_id]))

    def iter_events(self, annotators: Iterable[str] | None = None,
                    documents: Iterable[int] | None = None) -> Iterator[Event]:
        """Every event (or those of the named annotators / documents), streamed by document id
        then event id, holding one event at a time."""
        yield from self._events(annotators, documents)

    def event(self, document_id: int, event_id: str) -> Event | None:
        return next((e for e in self.events_for(document_id) if e.id == event_id), None)

    def span_events(self, span_id: str) -> list[Event]:
        """The events ``span_id`` mentions or fills a role of, as they are now: what an undo of
        the span's deletion gives ``restore_events`` (after putting the span back)."""
        keys = self._conn.execute(
            "SELECT document_id, event_id FROM event_mentions WHERE span_id = ? UNION "
            "SELECT document_id, event_id FROM event_arguments WHERE span_id = ?", [span_id, span_id]).fetchall()
        if not keys:
            return []
        wanted = set(keys)
        documents = {document for document, _ in keys}
        return [e for e in self._events(None, documents) if _key(e) in wanted]

    def _events(self, annotators: Iterable[str] | None, documents: Iterable[int] | None) -> Iterator[Event]:
        # Three cursors ordered by (document, event), walked side by side.
        names = None if annotators is None else list(annotators)
        event_sql = ("SELECT e.document_id, e.id, a.name FROM events e JOIN annotators a ON a.id = e.annotator_id")
        mention_sql = "SELECT document_id, event_id, span_id FROM event_mentions"
        argument_sql = ("SELECT ea.document_id, ea.event_id, ea.role, ea.span_id FROM event_arguments ea "
                        "JOIN roles r ON r.name = ea.role")
        event_conditions: list[str] = []
        event_params: list[Any] = []
        part_params: list[Any] = []
        if names is not None:
            event_conditions.append(f"a.name IN ({', '.join('?' * len(names))})")
            event_params += names
        if documents is not None:
            ids = self._dialect.values(sorted({int(d) for d in documents}))
            event_conditions.append(self._dialect.any_of("e.document_id"))
            event_params.append(ids)
            mention_sql += " WHERE " + self._dialect.any_of("document_id")
            argument_sql += " WHERE " + self._dialect.any_of("ea.document_id")
            part_params.append(ids)
        if event_conditions:
            event_sql += " WHERE " + " AND ".join(event_conditions)
        event_sql += " ORDER BY e.document_id, e.id"
        mention_sql += " ORDER BY document_id, event_id, position, span_id"
        argument_sql += " ORDER BY ea.document_id, ea.event_id, r.position, ea.role, ea.position, ea.span_id"
        # SQLite orders text by its UTF-8 bytes, which is Python's code-point order (and so does
        # the server: its text columns collate "C").
        with self._snapshot():
            mentions = iter(self._conn.execute(mention_sql, part_params))
            arguments = iter(self._conn.execute(argument_sql, part_params))
            event_rows = self._conn.execute(event_sql, event_params)
        mention = next(mentions, None)
        argument = next(arguments, None)
        for document_id, event_id, annotator in event_rows:
            key = (document_id, event_id)
            spans: list[str] = []
            while mention is not None and (mention[0], mention[1]) <= key:
                if (mention[0], mention[1]) == key:
                    spans.append(mention[2])
                mention = next(mentions, None)
            roles: dict[str, list[str]] = {}
            while argument is not None and (argument[0], argument[1]) <= key:
                if (argument[0], argument[1]) == key:
                    roles.setdefault(argument[2], []).append(argument[3])
                argument = next(arguments, None)
            yield Event(event_id, document_id, annotator, tuple(spans),
                        {role: tuple(filled) for role, filled in roles.items()})

    # -- events: writing -------------------------------------------------------------

    def save_event(self, event: Event) -> None:
        """Store ``event`` whole, in place of any event with its id in its document."""
        with self.transaction():
            (checked,) = self._checked_events([event], replacing=True)
            self._write_events([checked], now())

    def restore_events(self, events: Iterable[Event]) -> None:
        """Put events back as they were (an undo), each in place of the one with its id; one
        transaction, checked like ``save_event``."""
        events = list(events)
        if events:
            with self.transaction():
                self._write_events(self._checked_events(events, replacing=True), now())

    def insert_events(self, events: Iterable[Event]) -> None:
        """Store new events (an import, a merge) in one transaction, all or nothing. An event
        the project already holds unchanged is left as it is; an id its document already uses
        for another event is refused."""
        events = list(events)
        if not events:
            return
        with self.transaction():
            checked = self._checked_events(events, replacing=False)
            stored = self._stored_among(checked)
            fresh = []
            for event in checked:
                kept = stored.get(_key(event))
                if kept is None:
                    fresh.append(event)
                elif kept != event:
                    raise EventError(f"{self.path}: {_named(event)} is already there with other spans "
                                     "(an event id is unique in its document)")
            self._write_events(fresh, now())

    def delete_event(self, document_id: int, event_id: str) -> None:
        with self.transaction():
            if self._write_one("DELETE FROM events WHERE document_id = ? AND id = ?",
                               [document_id, event_id]).rowcount == 0:
                raise EventNotFound(f"{self.path}: no event {event_id!r} in document {document_id}")
            # Also without the schema's cascades (a connection without foreign keys).
            self._conn.execute("DELETE FROM event_mentions WHERE document_id = ? AND event_id = ?",
                               [document_id, event_id])
            self._conn.execute("DELETE FROM event_arguments WHERE document_id = ? AND event_id = ?",
                               [document_id, event_id])

    def _delete_events_mentioned_only_by(self, span_id: str) -> None:
        """Inside ``delete_span``'s transaction: an event with no mention left is no event."""
        for document_id, event_id in self._conn.execute(
                "SELECT m.document_id, m.event_id FROM event_mentions m WHERE m.span_id = ? AND NOT EXISTS ("
                "SELECT 1 FROM event_mentions o WHERE o.document_id = m.document_id AND o.event_id = m.event_id "
                "AND o.span_id != m.span_id)", [span_id]).fetchall():
            self._conn.execute("DELETE FROM events WHERE document_id = ? AND id = ?", [document_id, event_id])

    def _write_events(self, events: list[Event], stamp: str) -> None:
        conn = self._conn
        for event in events:
            key = [event.document_id, event.id]
            conn.execute("DELETE FROM event_mentions WHERE document_id = ? AND event_id = ?", key)
            conn.execute("DELETE FROM event_arguments WHERE document_id = ? AND event_id = ?", key)
            conn.execute(
                "INSERT INTO events (document_id, id, annotator_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (document_id, id) DO UPDATE SET annotator_id = excluded.annotator_id, "
                "updated_at = excluded.updated_at", [*key, self._annotator_id(event.annotator), stamp, stamp])
            conn.executemany(
                "INSERT INTO event_mentions (span_id, document_id, event_id, position) VALUES (?, ?, ?, ?)",
                [(span, *key, position) for position, span in enumerate(event.mentions)])
            conn.executemany(
                "INSERT INTO event_arguments (document_id, event_id, role, span_id, position) VALUES (?, ?, ?, ?, ?)",
                [(*key, role, span, position) for role, filled in event.roles.items()
                 for position, span in enumerate(filled)])

    def _stored_among(self, events: list[Event]) -> dict[tuple[int, str], Event]:
        """The stored events having the keys of ``events``."""
        keys = {_key(e) for e in events}
        taken = {row for row in self._conn.execute(
            "SELECT document_id, id FROM events WHERE " + self._dialect.any_of("document_id"),
            [self._dialect.values(sorted({d for d, _ in keys}))]) if (row[0], row[1]) in keys}
        if not taken:
            return {}
        return {_key(e): e for e in self._events(None, {d for d, _ in taken}) if _key(e) in taken}

    def _checked_events(self, events: list[Event], replacing: bool) -> list[Event]:
        """``events`` with their fields cleaned (ids as text, roles as tuples), or EventError
        naming the first broken rule."""
        roles = self.role_names()
        cleaned = [self._cleaned(event, roles) for event in events]
        spans = {sid for e in cleaned for sid in (*e.mentions, *(s for f in e.roles.values() for s in f))}
        owners = {row[0]: (row[1], row[2], row[3]) for row in self._conn.execute(
            "SELECT s.id, s.document_id, a.name, s.label FROM spans s JOIN annotators a ON a.id = s.annotator_id "
            "WHERE " + self._dialect.any_of("s.id"), [self._dialect.values(_ids(spans))])}
        role_labels = dict(self._conn.execute("SELECT name, label FROM roles").fetchall())
        mentioned = {row[0]: (row[1], row[2]) for row in self._conn.execute(
            "SELECT span_id, document_id, event_id FROM event_mentions "
            "WHERE " + self._dialect.any_of("span_id"),
            [self._dialect.values(_ids(s for e in cleaned for s in e.mentions))])}
        documents = {row[0] for row in self._conn.execute(
            "SELECT id FROM documents WHERE " + self._dialect.any_of("id"),
            [self._dialect.values(sorted({e.document_id for e in cleaned}))])}
        seen: set[tuple[int, str]] = set()
        for event in cleaned:
            named = _named(event)
            if event.document_id not in documents:
                raise EventError(f"{self.path}: {named}: no such document")
            if _key(event) in seen:
                raise EventError(f"{self.path}: {named} is given twice")
            seen.add(_key(event))
            for span_id in (*event.mentions, *(s for filled in event.roles.values() for s in filled)):
                owner = owners.get(span_id)
                if owner is None:
                    raise EventError(f"{self.path}: {named} names span {span_id}, which the project does not hold")
                if owner[0] != event.document_id:
                    raise EventError(f"{self.path}: {named} names span {span_id} of another document, {owner[0]}")
                if owner[1] != event.annotator:
                    raise EventError(f"{self.path}: {named} is {event.annotator}'s but names span {span_id} of "
                                     f"another annotator, {owner[1]} (an event's spans are its annotator's)")
            for span_id in event.mentions:
                label = owners[span_id][2]
                if label != EVENT_LABEL:
                    raise EventError(f"{self.path}: {named}: its mention {span_id} is labelled {label}, not "
                                     f"{EVENT_LABEL} (an event is mentioned by {EVENT_LABEL} spans)")
            for role, filled in event.roles.items():
                wanted = role_labels.get(role, "")
                for span_id in filled:
                    label = owners[span_id][2]
                    if wanted and label != wanted:
                        raise EventError(f"{self.path}: {named}: its {role} {span_id} is labelled {label}, not "
                                         f"{wanted} (the role {role!r} takes {wanted} spans)")
            for span_id in event.mentions:
                other = mentioned.get(span_id)
                if other is not None and other != _key(event):
                    raise EventError(f"{self.path}: span {span_id} already mentions event {other[1]!r}; "
                                     f"it cannot also mention {event.id!r}")
                mentioned[span_id] = _key(event)
        return cleaned

    def _cleaned(self, event: Event, roles: set[str]) -> Event:
        if not isinstance(event, Event):
            raise EventError(f"{self.path}: not an event: {event!r}")
        event_id = self._clean(event.id, "event id", EventError)
        named = f"event {event_id!r} of document {event.document_id}"
        if type(event.document_id) is not int:
            raise EventError(f"{self.path}: {named}: the document id must be a whole number")
        annotator = self._clean(event.annotator, "annotator", EventError)
        mentions = self._span_ids(event.mentions, f"{named}: mentions")
        if not mentions:
            raise EventError(f"{self.path}: {named} has no mention (an event is mentioned by one span at least)")
        if not isinstance(event.roles, Mapping):
            raise EventError(f"{self.path}: {named}: roles must map a role to span ids")
        filled: dict[str, tuple[str, ...]] = {}
        for role, spans in event.roles.items():
            if role not in roles:
                raise EventError(f"{self.path}: {named} fills the unknown role {role!r} "
                                 f"(the project's roles: {', '.join(sorted(roles))})")
            spans = self._span_ids(spans, f"{named}: role {role}")
            own = set(spans) & set(mentions)
            if own:
                raise EventError(f"{self.path}: {named} has its own mention {min(own)} as its {role} "
                                 "(an event is never its own argument)")
            if spans:
                filled[role] = spans
        return Event(event_id, event.document_id, annotator, mentions, filled)

    def _span_ids(self, spans: object, what: str) -> tuple[str, ...]:
        if isinstance(spans, str) or not isinstance(spans, Iterable):
            raise EventError(f"{self.path}: {what} must be a list of span ids, not {spans!r}")
        ids = tuple(spans)
        for span_id in ids:
            if not isinstance(span_id, str) or not span_id:
                raise EventError(f"{self.path}: {what}: {span_id!r} is not a span id")
        if len(set(ids)) != len(ids):
            twice = next(s for s in ids if ids.count(s) > 1)
            raise EventError(f"{self.path}: {what} names span {twice} twice")
        return ids

    def _clean(self, value: object, what: str, error: type[AnnotatorError] = RoleError) -> str:
        try:
            return clean_name(value, what)
        except AnnotatorError as err:
            raise error(f"{self.path}: {err}") from None

    # -- values ----------------------------------------------------------------------

    def set_span_value(self, span_id: str, value: dict[str, Any] | None, edited: bool = True,
                       expected_updated_at: str | None = None) -> None:
        """Give a span its normalised value (None: none); ``edited`` says a person set it, so
        ``normalise --all`` leaves it alone. With ``expected_updated_at`` (its updated_at as
        read), a span another client changed or deleted since is refused (ConflictError)."""
        if value is not None:
            row = self._conn.execute("SELECT label FROM spans WHERE id = ?", [span_id]).fetchone()
            if row is None and expected_updated_at is None:
                raise SpanNotFound(f"{self.path}: no span with id {span_id}")
            if row is not None:
                self._check_value(span_id, row[0], value)
        text = self._value_text(value, span_id)
        with self.transaction():
            self._claim(span_id, expected_updated_at)
            if self._conn.execute("UPDATE spans SET value = ?, value_edited = ?, updated_at = ? WHERE id = ?",
                                  [text, int(bool(edited)), later_than(self.span_updated_at(span_id)),
                                   span_id]).rowcount == 0:
                raise SpanNotFound(f"{self.path}: no span with id {span_id}")

    def set_span_values(self, values: Mapping[str, dict[str, Any] | None], edited: bool = False) -> int:
        """Many values in one transaction (``normalise``); a span gone meanwhile is skipped.
        Returns how many spans were changed."""
        given = {span_id: value for span_id, value in values.items() if value is not None}
        if given:
            for span_id, label in self._conn.execute(
                    "SELECT id, label FROM spans WHERE " + self._dialect.any_of("id"),
                    [self._dialect.values(_ids(given))]):
                self._check_value(span_id, label, given[span_id])
        rows = [(self._value_text(value, span_id), int(bool(edited)), span_id) for span_id, value in values.items()]
        with self.transaction():
            before = self._conn.total_changes
            self._conn.executemany("UPDATE spans SET value = ?, value_edited = ? WHERE id = ?", rows)
            return self._conn.total_changes - before

    def _check_value(self, span_id: str, label: str, value: object) -> None:
        """A value of the shape its span's label asks (``value_shapes``), or InvalidValueError."""
        problem = value_problem(label, value)
        if problem is not None:
            raise InvalidValueError(f"{self.path}: the value of span {span_id} ({label}) is refused: {problem}")

    def _value_text(self, value: object, span_id: str) -> str | None:
        if value is not None and not isinstance(value, dict):
            raise InvalidValueError(f"{self.path}: the value of span {span_id} must be a JSON object, not {value!r}")
        try:
            return value_text(value)
        except (TypeError, ValueError) as err:
            raise InvalidValueError(f"{self.path}: the value of span {span_id} is not JSON ({err})") from None


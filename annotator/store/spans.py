"""Spans: checked on the way in, streamed on the way out; and the deletions merges respect."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from annotator.core.model import GOLD, Document, Span, check_span, new_span_id
from annotator.store.errors import ConflictError, SpanNotFound
from annotator.store.interface import Deletion, LeanSpanRow
from annotator.store.rows import (
    DOCUMENT_COLUMNS,
    LEAN_SPAN_COLUMNS,
    SPAN_COLUMNS,
    document_from_row,
    json_object,
    json_text,
    later_than,
    lean_span_from_row,
    now,
    span_from_row,
    value_text,
)

_NO_VALUE = (None, 0)
_INSERT_SPAN = ('INSERT INTO spans (id, document_id, annotator_id, label, start, "end", text, attrs, origin, '
                "created_at, updated_at, value, value_edited) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
_SPAN_BY_ID = f"SELECT {SPAN_COLUMNS} FROM spans s JOIN annotators a ON a.id = s.annotator_id WHERE s.id = ?"


class SpanQueries:
    """Part of ``Store``: needs its connection, ``transaction``, the label check and the
    annotator ids it caches."""

    def create_span(
        self,
        document_id: int,
        annotator: str,
        label: str,
        start: int,
        end: int,
        text: str | None = None,
        attrs: dict[str, Any] | None = None,
        origin: str = "manual",
        span_id: str | None = None,
    ) -> Span:
        """A new span over ``start``-``end`` (a new id unless one is given), checked and stored."""
        covered = check_span(self.document_text(document_id), start, end, text)
        self._check_label(label)
        span = Span(span_id or new_span_id(), document_id, annotator, label, start, end, covered,
                    dict(attrs or {}), origin)
        self.insert_checked_spans([span])
        return span

    def insert_span(self, span: Span) -> None:
        """Store ``span`` as it is (a new one, or one put back by undo), after checking it
        against the document's text and the project's labels. A gold span the gold layer already
        has (the same edges and label: another reviewer accepted it meanwhile) is a ConflictError."""
        check_span(self.document_text(span.document_id), span.start, span.end, span.text)
        self._check_label(span.label)
        if span.annotator != GOLD:
            self.insert_checked_spans([span])
            return
        with self.transaction():
            self._dialect.hold_document(self._conn, span.document_id)
            twin = self._conn.execute(
                'SELECT s.id, s.attrs FROM spans s JOIN annotators a ON a.id = s.annotator_id WHERE a.name = ? '
                'AND s.document_id = ? AND s.start = ? AND s."end" = ? AND s.label = ?',
                [GOLD, span.document_id, span.start, span.end, span.label]).fetchone()
            if twin is not None:
                by = json_object(twin[1]).get("accepted_by")
                raise ConflictError(f"{self.path}: {span.label} {span.start}-{span.end} is already in the gold layer "
                                    f"(span {twin[0]}{f', accepted by {by}' if by else ''}); nothing was added")
            self.insert_checked_spans([span])

    def insert_checked_spans(self, spans: Iterable[Span | tuple],
                             times: dict[str, tuple[str, str]] | None = None) -> int:
        """Insert spans the caller has already checked, in one transaction; returns how many.

        Takes Spans, or plain tuples in Span's field order ``(id, document_id, annotator,
        label, start, end, text, attrs, origin)``: the import's bulk path, which builds no
        Span for each row. ``times`` keeps (created_at, updated_at) by span id (a merge
        keeps the other copy's); others are stamped now. A span stored again is no longer
        deleted: its deletion record goes."""
        stamp = (now(),) * 2
        times = times or {}
        # A Span (or a longer tuple) carries its value and whether a person set it; the
        # import's 9-field tuples carry none.
        spans = list(spans)
        for r in spans:  # only the spans that carry a value pay for its check
            if len(r) > 9 and r[9] is not None:
                self._check_value(r[0], r[3], r[9])
        rows = [(r[0], r[1], self._annotator_id(r[2]), r[3], r[4], r[5], r[6], json_text(r[7]), r[8],
                 *times.get(r[0], stamp), *((value_text(r[9]), int(r[10])) if len(r) > 9 else _NO_VALUE))
                for r in spans]
        if len(rows) == 1 and self._conn.in_transaction:
            # A key press inside the window's transaction: two statements, no savepoint and no
            # probe (each is a round trip on a server). If the second fails, the exception
            # undoes the caller's whole transaction, as the savepoint's would.
            self._conn.execute(_INSERT_SPAN, rows[0])
            self._conn.execute("DELETE FROM deleted_spans WHERE span_id = ?", [rows[0][0]])
            return 1
        with self.transaction():
            self._conn.executemany(_INSERT_SPAN, rows)
            if self._conn.execute("SELECT 1 FROM deleted_spans LIMIT 1").fetchone():
                self._conn.executemany("DELETE FROM deleted_spans WHERE span_id = ?", [(r[0],) for r in rows])
        return len(rows)

    def span(self, span_id: str) -> Span | None:
        row = self._conn.execute(_SPAN_BY_ID, [span_id]).fetchone()
        return None if row is None else span_from_row(row)

    def _existing_span(self, span_id: str) -> Span:
        found = self.span(span_id)
        if found is None:
            raise SpanNotFound(f"{self.path}: no span with id {span_id}")
        return found

    def _claim(self, span_id: str, expected_updated_at: str | None) -> None:
        """Inside a transaction: hold the span for a change, or ConflictError when it is no longer
        as the caller read it (``expected_updated_at``). The no-op UPDATE takes the row's lock,
        so a client changing it at the same moment waits, then finds it changed."""
        if expected_updated_at is None:
            return
        claimed = self._conn.execute("UPDATE spans SET updated_at = updated_at WHERE id = ? AND updated_at = ?",
                                     [span_id, expected_updated_at]).rowcount
        if claimed == 0:
            now_there = self.span(span_id)
            what = "deleted" if now_there is None else (
                f"changed (now {now_there.label} {now_there.start}-{now_there.end})")
            raise ConflictError(f"{self.path}: span {span_id} was {what} by someone else since you read it; "
                                "nothing was changed: look again and redo your change")

    def update_span(self, span_id: str, *, label: str | None = None, start: int | None = None,
                    end: int | None = None, expected_updated_at: str | None = None) -> Span:
        """Change a span's label or edges; returns the span as stored now. With
        ``expected_updated_at`` (its updated_at as read), a span another client changed or deleted
        since is refused (ConflictError) rather than overwritten."""
        old = self.span(span_id)
        if old is None and expected_updated_at is not None:
            self._claim(span_id, expected_updated_at)  # says it was deleted meanwhile
        old = old or self._existing_span(span_id)
        start = old.start if start is None else start
        end = old.end if end is None else end
        label = old.label if label is None else label
        covered = check_span(self.document_text(old.document_id), start, end)
        self._check_label(label)
        with self.transaction():
            self._claim(span_id, expected_updated_at)
            self._conn.execute(
                'UPDATE spans SET label = ?, start = ?, "end" = ?, text = ?, updated_at = ? WHERE id = ?',
                [label, start, end, covered, later_than(self.span_updated_at(span_id)), span_id],
            )
        return old._replace(label=label, start=start, end=end, text=covered)

    def delete_span(self, span_id: str, by: str | None = None, at: str | None = None,
                    expected_updated_at: str | None = None) -> Span:
        """Remove a span and record who removed it (``by``, else its annotator) and when
        (``at``, else now); returns it as it was, so the removal can be undone. With
        ``expected_updated_at``, as ``update_span``."""
        old = self.span(span_id)
        if old is None and expected_updated_at is not None:
            self._claim(span_id, expected_updated_at)
        old = old or self._existing_span(span_id)
        with self.transaction():
            self._claim(span_id, expected_updated_at)
            # The schema takes the span out of every event (cascades); an event it alone
            # mentioned goes with it (``span_events`` keeps them for an undo).
            self._delete_events_mentioned_only_by(span_id)
            self._conn.execute("DELETE FROM spans WHERE id = ?", [span_id])
            self._conn.execute(
                "INSERT INTO deleted_spans (span_id, annotator, deleted_by, deleted_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (span_id) DO UPDATE SET annotator = excluded.annotator, "
                "deleted_by = excluded.deleted_by, deleted_at = excluded.deleted_at",
                [span_id, old.annotator, by or old.annotator, at or now()])
        return old

    def deletions(self) -> list[Deletion]:
        return [Deletion(*row) for row in self._conn.execute(
            "SELECT span_id, annotator, deleted_by, deleted_at FROM deleted_spans ORDER BY deleted_at, span_id")]

    def record_deletions(self, deletions: Iterable[Deletion]) -> int:
        """Keep deletions made in another copy (a merge); one already recorded stays as it is.
        Returns how many were new."""
        with self.transaction():
            before = self._conn.total_changes
            self._conn.executemany(
                "INSERT INTO deleted_spans (span_id, annotator, deleted_by, deleted_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (span_id) DO NOTHING",
                [(d.span_id, d.annotator, d.deleted_by, d.deleted_at) for d in deletions])
            return self._conn.total_changes - before

    def span_times(self, document_id: int) -> dict[str, tuple[str, str]]:
        """(created_at, updated_at) of the document's spans, by span id."""
        return {row[0]: (row[1], row[2]) for row in self._conn.execute(
            "SELECT id, created_at, updated_at FROM spans WHERE document_id = ?", [document_id])}

    def span_updated_at(self, span_id: str) -> str | None:
        row = self._conn.execute("SELECT updated_at FROM spans WHERE id = ?", [span_id]).fetchone()
        return None if row is None else row[0]

    def spans_for(self, document_id: int, annotators: Iterable[str] | None = None) -> list[Span]:
        """The document's spans in text order, of the named annotators or of all."""
        sql = f"SELECT {SPAN_COLUMNS} FROM spans s JOIN annotators a ON a.id = s.annotator_id WHERE s.document_id = ?"
        params: list[Any] = [document_id]
        if annotators is not None:
            names = list(annotators)
            sql += f" AND a.name IN ({', '.join('?' * len(names))})"
            params += names
        sql += ' ORDER BY s.start, s."end" DESC, s.label, s.id'
        return [span_from_row(row) for row in self._conn.execute(sql, params)]

    def has_span(self, document_id: int, annotator: str, label: str, start: int, end: int) -> bool:
        return self._conn.execute(
            'SELECT 1 FROM spans s JOIN annotators a ON a.id = s.annotator_id WHERE s.document_id = ? '
            'AND a.name = ? AND s.label = ? AND s.start = ? AND s."end" = ? LIMIT 1',
            [document_id, annotator, label, start, end],
        ).fetchone() is not None

    def iter_documents_with_spans(
        self, annotators: Iterable[str] | None = None, documents: Iterable[int] | None = None
    ) -> Iterator[tuple[Document, list[Span]]]:
        """Every document (or those with the ids given) with its spans, streamed in id order,
        holding one document at a time however large the corpus."""
        # A generator itself, not a function returning one: errors while the caller iterates
        # pass through the store's translation of SQLite errors.
        yield from self._stream(SPAN_COLUMNS, span_from_row, annotators, documents, join_always=True)

    def iter_documents_with_lean_spans(
        self, annotators: Iterable[str] | None = None, documents: Iterable[int] | None = None
    ) -> Iterator[tuple[Document, list[LeanSpanRow]]]:
        """As ``iter_documents_with_spans``, with each span only as token exports read it
        (label, edges, attributes): in little more than half the time."""
        yield from self._stream(LEAN_SPAN_COLUMNS, lean_span_from_row, annotators, documents, join_always=False)

    def _stream(self, columns: str, make: Callable[[tuple], Any], annotators: Iterable[str] | None,
                documents: Iterable[int] | None, join_always: bool) -> Iterator[tuple[Document, list[Any]]]:
        # Two ordered cursors are walked side by side; both rows carry the document id second.
        names = None if annotators is None else list(annotators)
        span_sql = f"SELECT {columns} FROM spans s"
        document_sql = f"SELECT {DOCUMENT_COLUMNS} FROM documents"
        params: list[Any] = []
        document_params: list[Any] = []
        if names is not None or join_always:
            span_sql += " JOIN annotators a ON a.id = s.annotator_id"
        conditions = []
        if names is not None:
            conditions.append(f"a.name IN ({', '.join('?' * len(names))})")
            params += names
        if documents is not None:
            # The ids go in as one parameter: no limit on how many, one statement either way.
            ids = self._dialect.values(sorted({int(d) for d in documents}))
            conditions.append(self._dialect.any_of("s.document_id"))
            params.append(ids)
            document_sql += " WHERE " + self._dialect.any_of("id")
            document_params.append(ids)
        if conditions:
            span_sql += " WHERE " + " AND ".join(conditions)
        # The index's order, then the text order spans are handed out in: SQLite sorts
        # only the spans that share a start, not the whole table.
        span_sql += ' ORDER BY s.document_id, s.start, s."end" DESC, s.label, s.id'
        # Both read one consistent snapshot even while others write: in SQLite both cursors
        # stay open together in one read transaction; a server reads both in one snapshot.
        with self._snapshot():
            span_rows = iter(self._conn.execute(span_sql, params))
            document_rows = self._conn.execute(document_sql + " ORDER BY id", document_params)
        pending = next(span_rows, None)
        for row in document_rows:
            document = document_from_row(row)
            doc_id = document.id
            spans = []
            while pending is not None and pending[1] <= doc_id:
                if pending[1] == doc_id:
                    spans.append(make(pending))
                pending = next(span_rows, None)
            yield document, spans

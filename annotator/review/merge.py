"""Bringing other annotators' project files into this one.

Documents are matched by the SHA-256 of their text, spans by id, or by annotator, label and
edges when the id is new here (two copies that imported the same file without span ids); each
span keeps its annotator and its times. Merging the same file twice changes nothing. Nothing is moved,
dropped or brought back without a line in the report:

* A span whose id is already here with different content is a conflict: it is reported,
  and neither copy is changed.
* A document that is almost one here (near_duplicates.py) is listed and kept separate,
  unless ``same`` joins it to that document: then its spans are moved through an alignment
  of the two texts, and a span whose text is not found unchanged there is reported by id
  and not merged. The join is remembered, so later merges of that copy find it again.
* Deletions are recorded with who and when. The later change wins, by those times (UTC,
  as each machine's clock gave them): a copy of a deleted span last changed at or before
  the deletion is not brought back (a re-add refused); a deletion in the other file
  deletes the span here unless this copy was changed after it. Either exception, a copy
  changed after the deletion, is reported by id.

Events come across after the spans, whole or reported by id (merge_events.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.errors import AnnotatorError
from annotator.core.model import DONE, Document, Label, Span
from annotator.core.text_alignment import OffsetMap, matching_blocks
from annotator.normalise.dates import publication_date
from annotator.review.merge_events import EventMerge
from annotator.review.near_duplicates import NearDuplicate, find_near_duplicates
from annotator.store import Deletion, DocumentNotFound, OpenMode, ProjectStore, open_store


class MergeError(AnnotatorError, ValueError):
    """A merge that cannot be done as asked (``--same`` naming a missing document, ...);
    nothing was written."""


@dataclass
class MergeReport:
    documents_added: int = 0
    documents_matched: int = 0
    documents_joined: int = 0
    spans_added: int = 0
    spans_present: int = 0
    deletions_applied: int = 0
    readds_refused: int = 0
    conflicts: list[str] = field(default_factory=list)
    not_mapped: list[str] = field(default_factory=list)  # spans of a joined document left out
    later_than_deletion: list[str] = field(default_factory=list)
    near_duplicates: list[NearDuplicate] = field(default_factory=list)
    events_added: int = 0
    events_present: int = 0
    events_renamed: list[str] = field(default_factory=list)  # merged under a new id: theirs was taken here
    events_removed: list[str] = field(default_factory=list)  # here, with their only mention, deleted there
    publication_dates_added: int = 0  # documents here that had none and took the other copy's
    same_under_other_ids: int = 0  # spans already here with the same annotator, label and edges (in spans_present)

    @property
    def problems(self) -> list[str]:
        """What needs a person's eye: conflicts, and spans and events not merged."""
        return self.conflicts + self.not_mapped


def _describe(span: Span) -> str:
    return f"span {span.id} ({span.annotator}, {span.label} {span.start}-{span.end} {span.text!r})"


def _check_same(target: ProjectStore, source: ProjectStore, source_path: Path, same: dict[int, int]) -> None:
    for source_id, target_id in same.items():
        pair = f"--same {source_id}={target_id}"
        try:
            theirs = source.document(source_id)
        except DocumentNotFound:
            raise MergeError(f"{pair}: {source_path} has no document {source_id}") from None
        try:
            target.document(target_id)
        except DocumentNotFound:
            raise MergeError(f"{pair}: {target.path} has no document {target_id}") from None
        twin = target.document_by_sha256(theirs.text_sha256)
        if twin is not None and twin.id != target_id:
            raise MergeError(f"{pair}: document {source_id} of {source_path} is already the same text as "
                             f"document {twin.id} of {target.path}")


def _place(target: ProjectStore, document: Document, same: dict[int, int], joined: dict[str, int],
           source_path: Path, report: MergeReport) -> tuple[Document, OffsetMap | None]:
    """The document here that ``document`` goes to, and how offsets move there (None: as they are)."""
    twin = target.document_by_sha256(document.text_sha256)
    target_id = None if twin is not None else same.get(document.id, joined.get(document.text_sha256))
    if target_id is None:
        mine, created = target.add_document(document.text, document.title, document.source, document.meta)
        report.documents_added += created
        report.documents_matched += not created
        if not created:
            mine = _settle_publication_date(target, mine, document, source_path, report)
        return mine, None
    mine = target.document(target_id)
    if document.id in same:
        target.join_text(document.text_sha256, target_id)
    report.documents_joined += 1
    mine = _settle_publication_date(target, mine, document, source_path, report)
    return mine, OffsetMap(matching_blocks(document.text, mine.text))


def _settle_publication_date(target: ProjectStore, mine: Document, theirs: Document, source_path: Path,
                             report: MergeReport) -> Document:
    """The publication date anchors every relative date of the document's values: a copy that
    has one gives it to a document here that has none; two different ones are a conflict, and
    the one here stays."""
    here, there = publication_date(mine.meta), publication_date(theirs.meta)
    if there is None or here == there:
        return mine
    if here is None:
        report.publication_dates_added += 1
        return target.set_document_meta(mine.id, {**mine.meta, "published": there.isoformat()})
    report.conflicts.append(
        f"{source_path}: document {theirs.id} was published {there.isoformat()} there and document {mine.id} "
        f"{here.isoformat()} here; the date here was kept")
    return mine


def merge_into(target: ProjectStore, source_path: Path, same: dict[int, int] | None = None,
               progress: Callable[[int, int], None] | None = None) -> MergeReport:
    """Merge one project file into ``target``, in one transaction.

    ``same`` joins documents: {document id in the source file: document id here}.
    ``progress(done, total)`` is told after each document of the source; an exception it
    raises (the window's Cancel) rolls the whole merge back.
    """
    same = dict(same or {})
    report = MergeReport()
    with open_store(source_path, OpenMode.READ) as source:  # another annotator's file: only read
        _check_same(target, source, source_path, same)
        report.near_duplicates = find_near_duplicates(target, source, skip=set(same))
        with target.bulk_writes():
            known_labels = target.label_names()
            for label in source.labels():
                if label.name not in known_labels:
                    target.add_label(Label(label.name, label.color, "", label.title_ar, label.title_en))
            known_roles = target.role_names()
            for role in source.roles():  # the slots its events fill, after the labels they name
                if role.name not in known_roles:
                    target.add_role(role)
            for annotator in source.annotators():
                target.ensure_annotator(annotator.name, annotator.role)
            deleted_here = {d.span_id: d for d in target.deletions()}
            joined = target.joined_texts()
            rows: list[Span] = []
            times: dict[str, tuple[str, str]] = {}
            total = source.document_count() if progress else 0
            placed: dict[int, int] = {}  # source document id -> the one here
            same_spans: dict[str, str] = {}  # span id there -> the id of the same span here
            for done, (document, spans) in enumerate(source.iter_documents_with_spans(), 1):
                if progress:
                    progress(done, total)
                mine, offsets = _place(target, document, same, joined, source_path, report)
                placed[document.id] = mine.id
                span_times = source.span_times(document.id) if spans else {}
                # The same span stored under another id here (both copies imported the same file,
                # whose spans had no ids): already here, not a second copy.
                here = {(s.annotator, s.label, s.start, s.end): s.id
                        for s in (target.spans_for(mine.id) if spans else ())}
                for span in spans:
                    if offsets is not None:
                        moved = offsets.range(span.start, span.end)
                        if moved is None or mine.text[moved[0]:moved[1]] != span.text:
                            report.not_mapped.append(
                                f"{source_path}: {_describe(span)} of document {document.id}: its text is not in "
                                f"document {mine.id} here unchanged; not merged")
                            continue
                        span = span._replace(start=moved[0], end=moved[1])
                    span = span._replace(document_id=mine.id)
                    deletion = deleted_here.get(span.id)
                    if deletion is not None:
                        changed = span_times[span.id][1]
                        if changed <= deletion.deleted_at:
                            report.readds_refused += 1
                            continue
                        report.later_than_deletion.append(
                            f"{source_path}: {_describe(span)} was changed there ({changed}) after "
                            f"{deletion.deleted_by} deleted it here ({deletion.deleted_at}); brought back")
                    existing = target.span(span.id)
                    key = (span.annotator, span.label, span.start, span.end)
                    if existing is None and key in here:
                        report.spans_present += 1
                        report.same_under_other_ids += 1
                        same_spans[span.id] = here[key]  # its events name the one here
                    elif existing is None:
                        rows.append(span)
                        times[span.id] = span_times[span.id]
                        here[key] = span.id
                    elif (existing.document_id, existing.annotator, existing.label, existing.start, existing.end,
                          existing.attrs) == (mine.id, span.annotator, span.label, span.start, span.end, span.attrs):
                        report.spans_present += 1
                    else:
                        report.conflicts.append(
                            f"{source_path}: {_describe(span)} differs from the one here ({existing.annotator}, "
                            f"{existing.label} {existing.start}-{existing.end} {existing.text!r}); "
                            "both kept as they were")
                for annotator in {s.annotator for s in spans}:
                    if source.status(document.id, annotator) == DONE:
                        target.set_status(mine.id, annotator, DONE)
            target.insert_checked_spans(rows, times)
            report.spans_added = len(rows)
            _apply_deletions(target, source, source_path, report)
            _merge_events(target, source, source_path, placed, same_spans, report)
    return report


def _merge_events(target: ProjectStore, source: ProjectStore, source_path: Path, placed: dict[int, int],
                  same_spans: dict[str, str], report: MergeReport) -> None:
    events = EventMerge(target, source_path)
    batch: list = []
    for event in source.iter_events():  # by document
        if same_spans:
            event = event._replace(mentions=tuple(same_spans.get(m, m) for m in event.mentions),
                                   roles={role: tuple(same_spans.get(s, s) for s in ids)
                                          for role, ids in event.roles.items()})
        if batch and batch[0].document_id != event.document_id:
            events.add_document(batch[0].document_id, placed[batch[0].document_id], batch)
            batch = []
        batch.append(event)
    if batch:
        events.add_document(batch[0].document_id, placed[batch[0].document_id], batch)
    events.store()
    report.events_added, report.events_present = events.added, events.present
    report.events_renamed = events.renamed
    report.conflicts += events.conflicts
    report.not_mapped += events.not_merged


def _apply_deletions(target: ProjectStore, source: ProjectStore, source_path: Path, report: MergeReport) -> None:
    unseen: list[Deletion] = []
    for deletion in source.deletions():
        changed = target.span_updated_at(deletion.span_id)
        if changed is None:
            unseen.append(deletion)  # kept, so that an older copy merged later cannot bring it back
        elif changed <= deletion.deleted_at:
            report.events_removed += [
                f"{target.path}: event {e.id!r} of document {e.document_id} ({e.annotator}) went with its only "
                f"mention, span {deletion.span_id}, which {deletion.deleted_by} deleted in {source_path}"
                for e in target.span_events(deletion.span_id) if e.mentions == (deletion.span_id,)]
            target.delete_span(deletion.span_id, by=deletion.deleted_by, at=deletion.deleted_at)
            report.deletions_applied += 1
        else:
            report.later_than_deletion.append(
                f"{source_path}: span {deletion.span_id} ({deletion.annotator}) was deleted there by "
                f"{deletion.deleted_by} ({deletion.deleted_at}) and changed here later ({changed}); kept")
    target.record_deletions(unseen)

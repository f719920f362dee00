"""Bringing other annotators' project files into this one.

Documents are matched by the SHA-256 of their text, spans by id; each span keeps its
annotator. Merging the same file twice changes nothing. A span whose id is already here
with different content is a conflict: it is reported, and neither copy is changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.model import Label
from annotator.store import Store


@dataclass
class MergeReport:
    documents_added: int = 0
    documents_matched: int = 0
    spans_added: int = 0
    spans_present: int = 0
    conflicts: list[str] = field(default_factory=list)


def merge_into(target: Store, source_path: Path) -> MergeReport:
    """Merge one project file into ``target``, in one transaction."""
    report = MergeReport()
    with Store.open(source_path) as source, target.bulk_writes():
        known_labels = target.label_names()
        for label in source.labels():
            if label.name not in known_labels:
                target.add_label(Label(label.name, label.color, "", label.title_ar, label.title_en))
        for annotator in source.annotators():
            target.annotator(annotator.name, annotator.role)
        rows = []
        for document, spans in source.iter_documents_with_spans():
            mine, created = target.add_document(document.text, document.title, document.source, document.meta)
            report.documents_added += created
            report.documents_matched += not created
            for span in spans:
                existing = target.span(span.id)
                if existing is None:
                    rows.append((span.id, mine.id, span.annotator, span.label, span.start, span.end, span.text,
                                 span.attrs, span.origin))
                elif (existing.document_id == mine.id and existing.annotator == span.annotator
                      and (existing.label, existing.start, existing.end, existing.attrs)
                      == (span.label, span.start, span.end, span.attrs)):
                    report.spans_present += 1
                else:
                    report.conflicts.append(
                        f"{source_path}: span {span.id} ({span.annotator}, {span.label} {span.start}-{span.end} "
                        f"{span.text!r}) differs from the one here ({existing.annotator}, {existing.label} "
                        f"{existing.start}-{existing.end} {existing.text!r}); both kept as they were")
            for annotator in {s.annotator for s in spans}:
                status = source.status(document.id, annotator)
                if status == "done":
                    target.set_status(mine.id, annotator, status)
        target.add_spans(rows)
        report.spans_added = len(rows)
    return report

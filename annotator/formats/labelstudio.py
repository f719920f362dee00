"""Label Studio tasks (JSON): ``data.text`` and, per annotator, an annotation whose
``result`` holds one ``labels`` region per span. Offsets are code points.

``label_config()`` gives the labelling configuration whose names the regions use; the
export writes it beside the tasks so a project can be set up to match.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from itertools import groupby
from typing import IO, Any
from xml.sax.saxutils import quoteattr

from annotator.core.model import Document, Label, Span
from annotator.formats.records import DocumentRecord, FormatError, SpanRecord

FROM_NAME, TO_NAME = "label", "text"


def label_config(labels: Iterable[Label]) -> str:
    choices = "\n".join(f"    <Label value={quoteattr(l.name)} background={quoteattr(l.color)}/>" for l in labels)
    return (f'<View>\n  <Labels name="{FROM_NAME}" toName="{TO_NAME}">\n{choices}\n  </Labels>\n'
            f'  <Text name="{TO_NAME}" value="$text"/>\n</View>\n')


def _region(span: Span) -> dict[str, Any]:
    return {"id": span.id.replace("-", "")[:10], "from_name": FROM_NAME, "to_name": TO_NAME, "type": "labels",
            "origin": "manual", "value": {"start": span.start, "end": span.end, "text": span.text, "labels": [span.label]}}


def write(items: Iterable[tuple[Document, list[Span]]], stream: IO[str]) -> int:
    """A JSON array of tasks, written one task at a time."""
    count = 0
    stream.write("[")
    for document, spans in items:
        by_annotator = groupby(sorted(spans, key=lambda s: s.annotator), key=lambda s: s.annotator)
        annotations = [{"id": n + 1, "completed_by": {"email": name}, "result": [_region(s) for s in group]}
                       for n, (name, group) in enumerate(by_annotator)]
        task = {"id": document.id, "data": {"text": document.text, "title": document.title}, "annotations": annotations}
        stream.write(("," if count else "") + "\n" + json.dumps(task, ensure_ascii=False))
        count += 1
    stream.write("\n]\n")
    return count


def _annotator(raw: Any, fallback: str) -> str:
    if isinstance(raw, dict):
        return str(raw.get("email") or raw.get("username") or raw.get("id") or fallback)
    if isinstance(raw, int):
        return f"labelstudio-user-{raw}"
    return str(raw) if raw else fallback


def read(stream: IO[str], path: str) -> Iterator[DocumentRecord]:
    try:
        tasks = json.load(stream)
    except json.JSONDecodeError as err:
        raise FormatError(path, f"malformed JSON ({err.msg})", err.lineno) from None
    if isinstance(tasks, dict):
        tasks = [tasks]
    if not isinstance(tasks, list):
        raise FormatError(path, "expected a list of Label Studio tasks")
    for number, task in enumerate(tasks, start=1):
        where = f"task {number}"
        data = task.get("data") if isinstance(task, dict) else None
        if not isinstance(data, dict) or not isinstance(data.get("text"), str) or not data["text"]:
            raise FormatError(path, f'{where}: "data" must hold a non-empty "text"')
        spans: list[SpanRecord] = []
        layers = [("annotations", a) for a in task.get("annotations") or task.get("completions") or []]
        layers += [("predictions", p) for p in task.get("predictions") or []]
        for kind, annotation in layers:
            if annotation.get("was_cancelled"):
                continue
            if kind == "annotations":
                name, origin = _annotator(annotation.get("completed_by"), "labelstudio"), "imported"
            else:
                name, origin = str(annotation.get("model_version") or "prediction"), "prediction"
            for region in annotation.get("result") or []:
                value = region.get("value") or {}
                labels = value.get("labels") or []
                if region.get("type") not in (None, "labels") or not labels:
                    continue
                if "start" not in value or "end" not in value:
                    raise FormatError(path, f"{where}: a region has no start or end")
                for label in labels:
                    spans.append(SpanRecord(value["start"], value["end"], label, value.get("text"), name,
                                            origin=origin))
        yield DocumentRecord(text=data["text"], title=str(data.get("title") or ""), spans=spans, line=None,
                             meta={k: v for k, v in data.items() if k not in ("text", "title")})

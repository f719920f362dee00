"""Label Studio tasks (JSON): ``data.text`` and, per annotator, an annotation whose
``result`` holds one ``labels`` region per span. Offsets are code points.

``label_config()`` gives the labelling configuration whose names the regions use; the
export writes it beside the tasks so a project can be set up to match.

Label Studio ties an annotation's ``completed_by`` to a user account of the importing
server and refuses an address it does not know, so the export leaves it out (the import
is credited to the importing user) and keeps what is ours in each region: the span id as
the region id, and the annotator, origin and attributes in the region's ``meta``, which
Label Studio stores and exports unchanged. Reading, a region with that ``meta`` gives
back the span as it was, id included; any other region is credited to its annotation's
``completed_by`` and gets a fresh id, because Label Studio's own region ids are not
unique (an annotation started from a prediction reuses the prediction's ids).

The document's meta (its publication date, ``published``) goes in ``data.meta`` and is
read back from there.

Events are relations in the same ``result`` list: from an event's first mention to each
further mention (labelled ``mention``) and to each span filling a role (labelled with the
role); the event's id goes in its mentions' ``meta``. Reading, each relation's regions must
be of its annotation; ``mention`` joins a region to the event of its source, any other label
is a role of that event.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Iterator
from itertools import groupby
from pathlib import Path
from typing import IO, Any

from annotator.core.model import Document, Event, InvalidName, Label, Role, Span, clean_name
from annotator.formats.event_links import EventsOf, events_by_document, exported_events
from annotator.formats.output_files import write_text_replacing
from annotator.formats.records import (
    DocumentRecord,
    EventRecord,
    FormatError,
    SpanRecord,
    load_json,
    refuse_lone_surrogates,
)
from annotator.formats.spec import QT_TRANSLATE_NOOP, TASKS, ExportContext, FileFormat, Target, read_text_stream

FROM_NAME, TO_NAME = "label", "text"
MENTION = "mention"  # the relation joining an event's further mentions to its first
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _attribute(value: str) -> str:
    """An XML attribute value, quoted. (xml.sax.saxutils.quoteattr would do, but importing it
    pulls in urllib and http: 30 ms of the window's start-up, which builds the Export menu.)"""
    return '"' + html.escape(value, quote=True).replace("\n", "&#10;").replace("\t", "&#9;") + '"'


def label_config(labels: Iterable[Label], roles: Iterable[Role] = ()) -> str:
    choices = "\n".join(f"    <Label value={_attribute(label.name)} background={_attribute(label.color)}/>"
                        for label in labels)
    relations = "\n".join(f"    <Relation value={_attribute(name)}/>" for name in [MENTION, *(r.name for r in roles)])
    return (f'<View>\n  <Labels name="{FROM_NAME}" toName="{TO_NAME}">\n{choices}\n  </Labels>\n'
            f'  <Relations>\n{relations}\n  </Relations>\n'
            f'  <Text name="{TO_NAME}" value="$text"/>\n</View>\n')


def _region(span: Span, event_of: dict[str, str]) -> dict[str, Any]:
    meta: dict[str, Any] = {"annotator": span.annotator, "origin": span.origin}
    if span.attrs:
        meta["attrs"] = span.attrs
    if span.value is not None:
        meta["value"] = span.value
        if span.value_edited:
            meta["value_edited"] = True
    if span.id in event_of:
        meta["event"] = event_of[span.id]
    return {"id": span.id, "from_name": FROM_NAME, "to_name": TO_NAME, "type": "labels", "origin": "manual",
            "value": {"start": span.start, "end": span.end, "text": span.text, "labels": [span.label]}, "meta": meta}


def _relation(source: str, target: str, label: str) -> dict[str, Any]:
    return {"type": "relation", "from_id": source, "to_id": target, "direction": "right", "labels": [label]}


def _relations(events: list[Event]) -> list[dict[str, Any]]:
    found = []
    for event in events:
        trigger, *more = event.mentions
        found += [_relation(trigger, mention, MENTION) for mention in more]
        found += [_relation(trigger, span_id, role) for role, ids in event.roles.items() for span_id in ids]
    return found


def write(items: Iterable[tuple[Document, list[Span]]], stream: IO[str], events: EventsOf | None = None) -> int:
    """A JSON array of tasks, written one task at a time."""
    count = 0
    stream.write("[")
    for document, spans in items:
        kept = exported_events((events or {}).get(document.id), spans)
        event_of = {mention: e.id for e in kept for mention in e.mentions}
        by_annotator = groupby(sorted(spans, key=lambda s: s.annotator), key=lambda s: s.annotator)
        annotations = [{"result": [_region(s, event_of) for s in group]
                        + _relations([e for e in kept if e.annotator == name])} for name, group in by_annotator]
        data: dict[str, Any] = {"text": document.text, "title": document.title}
        if document.meta:  # the publication date above all: relative dates are counted from it
            data["meta"] = document.meta
        task = {"id": document.id, "data": data, "annotations": annotations}
        stream.write(("," if count else "") + "\n" + json.dumps(task, ensure_ascii=False))
        count += 1
    stream.write("\n]\n")
    return count


def _kind(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "true or false",
            type(None): "null"}.get(type(value), "a number")


class _TaskReader:
    """The spans of one task; every problem is a FormatError naming the file and the task."""

    def __init__(self, path: str, number: int, text: str, ids: dict[str, tuple], skipped: list[str] | None = None):
        self.path, self.where, self.text, self.ids = path, f"task {number}", text, ids
        self.skipped = skipped  # given (--skip-bad-lines): a relation without a label is listed here, not refused
        self.spans: list[SpanRecord] = []
        self.notes: list[str] = []
        self.events: list[EventRecord] = []
        self.regions: dict[str, int] = {}  # of the annotation being read: region id -> its first span's index
        self.event_ids: dict[int, str] = {}  # span index -> the event id our export put in its meta

    def fail(self, problem: str) -> FormatError:
        return FormatError(self.path, f"{self.where}: {problem}")

    def name(self, value: Any, what: str, place: str) -> str:
        try:
            return clean_name(value, what)
        except InvalidName as err:
            raise self.fail(f"{place}: {err}") from None

    def items(self, holder: dict[str, Any], key: str, place: str) -> list[Any]:
        found = holder.get(key)
        if found is None:
            return []
        if not isinstance(found, list):
            raise self.fail(f'{place}"{key}" must be a list, not {_kind(found)}')
        return found

    def read(self, task: dict[str, Any]) -> None:
        key = "completions" if task.get("completions") and not task.get("annotations") else "annotations"  # 0.x
        layers = [("annotations", a) for a in self.items(task, key, "")]
        layers += [("predictions", p) for p in self.items(task, "predictions", "")]
        counts = {"annotations": 0, "predictions": 0}
        for kind, annotation in layers:
            counts[kind] += 1
            place = f"{kind[:-1]} {counts[kind]}"
            if not isinstance(annotation, dict):
                raise self.fail(f"{place} must be an object, not {_kind(annotation)}")
            if annotation.get("was_cancelled"):  # a skipped task: no labelling to take
                continue
            if kind == "annotations":
                name, origin = self.completed_by(annotation.get("completed_by"), place), "imported"
            else:
                name = self.name(str(annotation.get("model_version") or "prediction"), "model version", place)
                origin = "prediction"
            self.regions = {}
            relations = []
            for number, region in enumerate(self.items(annotation, "result", f"{place}: "), start=1):
                if not isinstance(region, dict):
                    raise self.fail(f"{place}, region {number} must be an object, not {_kind(region)}")
                if region.get("type") == "relation":
                    relations.append((number, region))
                    continue
                self.region(region, f"{place}, region {region.get('id') or number}", name, origin)
            self.relations(relations, place)

    def relations(self, relations: list[tuple[int, dict[str, Any]]], place: str) -> None:
        """The events of one annotation, from its relations."""
        event_of: dict[int, EventRecord] = {}  # span index of a mention -> its event
        for number, relation in relations:
            where = f"{place}, relation {number}"
            ends = []
            for key in ("from_id", "to_id"):
                region_id = relation.get(key)
                if not isinstance(region_id, str) or region_id not in self.regions:
                    raise self.fail(f"{where}: {key} {region_id!r} names no labelled region of this annotation")
                ends.append(self.regions[region_id])
            labels = relation.get("labels")
            if not labels:
                problem = self.fail(f"{where} has no label (a role or {MENTION}), so it links nothing; "
                                    "--skip-bad-lines imports the rest without it")
                if self.skipped is None:
                    raise problem  # the link would be lost without a word
                self.skipped.append(str(problem))
                continue
            if not isinstance(labels, list) or len(labels) != 1 or not isinstance(labels[0], str):
                raise self.fail(f'{where}: "labels" must be a list of one role name')
            source, target = ends
            event = event_of.get(source)
            if event is None:
                event = event_of[source] = EventRecord(self.event_ids.get(source), [source],
                                                       where=f"{self.where}, {place}")
                self.events.append(event)
            if labels[0] == MENTION:
                if target in event_of and event_of[target] is not event:
                    raise self.fail(f"{where}: its region is already a mention of another event "
                                    "(a span mentions one event)")
                event_of[target] = event
                event.mentions.append(target)
            else:
                event.roles.setdefault(labels[0], []).append(target)

    def completed_by(self, raw: Any, place: str) -> str:
        if isinstance(raw, dict):
            raw = raw.get("email") or raw.get("username") or raw.get("id")
        if raw is None or raw == "":
            return "labelstudio"
        if isinstance(raw, int) and not isinstance(raw, bool):
            return f"labelstudio-user-{raw}"
        return self.name(raw, "annotator", f"{place}: completed_by")

    def region(self, region: dict[str, Any], place: str, name: str, origin: str) -> None:
        value = region.get("value")
        if not isinstance(value, dict):
            raise self.fail(f'{place}: "value" must be an object, not {_kind(value)}')
        kind = region.get("type")
        if kind != "labels" and not (kind is None and "labels" in value):
            what = f"a {kind}" if kind else "an untyped"
            self.notes.append(f"{self.path}: {self.where}: {place} is {what} region, not imported "
                              "(only labels regions on the text are spans)")
            return
        labels = value.get("labels")
        if labels is None or labels == []:
            self.notes.append(f"{self.path}: {self.where}: {place} has no label, not imported")
            return
        if not isinstance(labels, list):
            raise self.fail(f'{place}: "labels" must be a list of label names, not {_kind(labels)}')
        labels = [self.name(label, "label", place) for label in labels]
        if "start" not in value or "end" not in value:
            raise self.fail(f"{place}: the region has no start or end")
        text = value.get("text")
        if text is not None and not isinstance(text, str):
            raise self.fail(f'{place}: "text" must be a string, not {_kind(text)}')
        meta = region.get("meta")
        if meta is not None and not isinstance(meta, dict):
            raise self.fail(f'{place}: "meta" must be an object, not {_kind(meta)}')
        span_id = None
        attrs: dict[str, Any] = {}
        normalised, edited, event_id = None, False, None
        if meta and "annotator" in meta:  # written by us: the span as it was
            name = self.name(meta["annotator"], "annotator", place)
            origin, attrs = meta.get("origin", origin), meta.get("attrs") or {}
            if not isinstance(origin, str) or not isinstance(attrs, dict):
                raise self.fail(f'{place}: "meta" holds an origin that is not a string or attrs that are not an object')
            normalised, edited, event_id = meta.get("value"), meta.get("value_edited") is True, meta.get("event")
            if normalised is not None and not isinstance(normalised, dict):
                raise self.fail(f'{place}: "meta" holds a value that is not an object')
            raw_id = region.get("id")
            if isinstance(raw_id, str) and raw_id and len(labels) == 1:
                span_id = self.unique_id(raw_id, (self.text, value["start"], value["end"], labels[0], name), place)
        region_id = region.get("id")
        if isinstance(region_id, str) and region_id not in self.regions:
            self.regions[region_id] = len(self.spans)
            if isinstance(event_id, str) and event_id:
                self.event_ids[len(self.spans)] = event_id
        for label in labels:
            self.spans.append(SpanRecord(value["start"], value["end"], label, text, name, attrs, span_id, origin,
                                         value=normalised, value_edited=edited))

    def unique_id(self, span_id: str, content: tuple, place: str) -> str:
        """The same id twice in a file is the same span written twice, or a conflict."""
        earlier = self.ids.setdefault(span_id, (self.where, content))
        if earlier[1] != content:
            raise self.fail(f"{place}: the region id {span_id} is also used by a different region in {earlier[0]}")
        return span_id


def _meta(data: dict[str, Any]) -> dict[str, Any]:
    """A task's document meta: ``data.meta`` as our export writes it, with the task's other
    data fields (another tool's) beside it."""
    meta = {k: v for k, v in data.items() if k not in ("text", "title", "meta")}
    ours = data.get("meta")
    if isinstance(ours, dict):
        meta.update(ours)
    elif ours is not None:
        meta["meta"] = ours
    return meta


def read(stream: IO[str], path: str, skipped: list[str] | None = None) -> Iterator[DocumentRecord]:
    raw = stream.read()
    tasks = load_json(raw, path)
    if _SURROGATE_ESCAPE.search(raw):  # only an escape can make one: most files skip the walk
        refuse_lone_surrogates(tasks, path, None)
    if isinstance(tasks, dict):
        tasks = [tasks]
    if not isinstance(tasks, list):
        raise FormatError(path, f"expected a list of Label Studio tasks, not {_kind(tasks)}")
    ids: dict[str, tuple] = {}
    for number, task in enumerate(tasks, start=1):
        if not isinstance(task, dict):
            raise FormatError(path, f"task {number}: a task must be an object, not {_kind(task)}")
        data = task.get("data")
        if not isinstance(data, dict) or not isinstance(data.get("text"), str) or not data["text"]:
            raise FormatError(path, f'task {number}: "data" must hold a non-empty "text"')
        reader = _TaskReader(path, number, data["text"], ids, skipped)
        reader.read(task)
        yield DocumentRecord(text=data["text"], title=str(data.get("title") or ""), spans=reader.spans, line=None,
                             meta=_meta(data), notes=reader.notes,
                             events=reader.events)


def _write_label_config(path: Path, context: ExportContext) -> None:
    write_text_replacing(path.with_suffix(".label_config.xml"),
                         label_config(context.store.labels(), context.store.roles()))


FORMAT = FileFormat(
    "labelstudio", QT_TRANSLATE_NOOP("Formats", "Label Studio"), (".json",), Target.STREAM, "code points",
    read=read_text_stream(read, keeps_going=True),
    write=lambda items, stream, context: write(items, stream, events_by_document(context)),
    write_beside=_write_label_config, unit=TASKS, sniff=lambda head: head.lstrip().startswith("["), sniff_rank=2)

"""brat standoff: a folder of ``NAME.txt`` with ``NAME.ann`` beside it.

``T1<TAB>LABEL START END<TAB>text``, code points, end exclusive; discontinuous
fragments ``START END;START END``. The .txt is written with LF line ends and read with
``newline=""``, because brat counts every character, CR included, and readers that fold
CRLF would shift every later offset; stored text with CRLF is written with LF and its
offsets moved to match. The span's annotator and id go in two ``AnnotatorNotes`` lines,
so they survive the round trip, and its normalised value in a third of its own
(``value={"iso": "2018-04-19"}``, then ``value_edited`` when a person set it).

An event is one ``E`` line: its first mention is the trigger, further mentions are
``Mention2:T…``, ``Mention3:T…`` arguments and each role is an argument named as the role
with a capital (``Place:T5``), numbered when repeated (``Place2:T9``), as brat numbers
repeated roles; its annotator and id go in notes on the ``E`` as a span's do. Reading,
``Mention`` arguments join the trigger, and a role is its name without the number, first
letter lower case, unless the manifest says which role it stands for.

A type is one word of letters, digits, ``_``, ``-`` and ``/`` (brat splits on the space;
bratly's grammar allows no more): any other character of a label becomes ``_`` (``car
bomb`` is ``car_bomb``, numbered if that is taken) and the manifest records which label
each such type stands for, so the reader restores it.

Beside the files, ``annotator-manifest.json`` records which stored text each file came
from, so that importing the folder back puts the spans on the original text, CRLF and
all, and each document's meta (its publication date); other tools ignore it.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from annotator.core.decoding import NO_TEXT, is_blank
from annotator.core.model import Document, Event, Span
from annotator.formats.event_links import EventsOf, events_by_document, exported_events
from annotator.formats.output_files import replaced_on_success
from annotator.formats.records import DocumentRecord, EventRecord, FormatError, SpanRecord, load_json
from annotator.formats.spec import QT_TRANSLATE_NOOP, ExportContext, FileFormat, Target

_TEXTBOUND = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$")
_EVENT = re.compile(r"^(E\d+)\t([^\s:]+):([TE]\d+)((?: [^\s:]+:[TE]\d+)*) *$")
_ARGUMENT = re.compile(r"^(.*?)(\d*)$")  # a role and its number: Place2 -> Place, 2
_NOT_IN_A_TYPE = re.compile(r"[^\w/-]")
_NOT_IN_A_ROLE = re.compile(r"\W")  # brat's argument names are word characters (bratly's grammar)
MENTION = "Mention"
# After CRLF became LF, a lone CR is still a break: brat keeps one line per annotation.
_LINE_BREAK = re.compile(r"[\r\n]")


def _lf_offsets(text: str) -> tuple[str, list[int]]:
    """Text with CRLF as LF, and for each code point its offset in that text."""
    shift, table = 0, []
    for i, ch in enumerate(text):
        table.append(i - shift)
        if ch == "\r" and text[i + 1:i + 2] == "\n":
            shift += 1
    table.append(len(text) - shift)
    return text.replace("\r\n", "\n"), table


MANIFEST = "annotator-manifest.json"
LABELS_KEY = "labels"  # in the manifest: {type: label} for each label written as another type
ROLES_KEY = "roles"  # in the manifest: {argument name: role} for each role an event is written with


def role_argument(role: str) -> str:
    """A role as brat names an argument: word characters, first letter upper case."""
    name = _NOT_IN_A_ROLE.sub("_", role).rstrip("0123456789") or "Role"
    name = name[:1].upper() + name[1:]
    return f"{name}_" if name == MENTION else name


def _event_line(key: str, event: Event, type_name: str, number_of: dict[str, int],
                roles: dict[str, str]) -> str:
    trigger, *more = event.mentions
    parts = [f"{type_name}:T{number_of[trigger]}"]
    parts += [f"{MENTION}{i}:T{number_of[m]}" for i, m in enumerate(more, start=2)]
    for role, ids in event.roles.items():
        name = role_argument(role)
        roles[name] = role
        parts += [f"{name}{i if i > 1 else ''}:T{number_of[s]}" for i, s in enumerate(ids, start=1)]
    return f"{key}\t{' '.join(parts)}"


class _TypeNames:
    """Each label's brat type: the label itself where it is one, else a new name, unique
    in the export; ``renamed`` is what the manifest records."""

    def __init__(self) -> None:
        self.of_label: dict[str, str] = {}
        self.renamed: dict[str, str] = {}
        self.taken: set[str] = set()

    def __call__(self, label: str) -> str:
        name = self.of_label.get(label)
        if name is None:
            base = name = _NOT_IN_A_TYPE.sub("_", label)
            number = 1
            while name in self.taken:  # "car bomb" and "car_bomb" both in one export
                number += 1
                name = f"{base}-{number}"
            self.of_label[label] = name
            self.taken.add(name)
            if name != label:
                self.renamed[name] = label
        return name


def write(items: Iterable[tuple[Document, list[Span]]], folder: Path, events: EventsOf | None = None) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    count = 0
    manifest: dict = {}
    type_of = _TypeNames()
    roles: dict[str, str] = {}
    for document, spans in items:
        name = f"{document.id:05d}"
        text, table = _lf_offsets(document.text)
        lines = []
        notes = itertools.count(1)
        for n, span in enumerate(spans, start=1):
            start, end = table[span.start], table[span.end]
            covered = text[start:end]
            if _LINE_BREAK.search(covered):  # brat keeps one line per annotation: split at line breaks
                pieces, at = [], start
                for part in _LINE_BREAK.split(covered):
                    if part:
                        pieces.append((at, at + len(part)))
                    at += len(part) + 1
                offsets = ";".join(f"{a} {b}" for a, b in pieces)
                shown = " ".join(text[a:b] for a, b in pieces)
            else:
                offsets, shown = f"{start} {end}", covered
            lines.append(f"T{n}\t{type_of(span.label)} {offsets}\t{shown}")
            lines.append(f"#{next(notes)}\tAnnotatorNotes T{n}\tannotator={span.annotator}")
            lines.append(f"#{next(notes)}\tAnnotatorNotes T{n}\tid={span.id}")
            if span.value is not None:
                lines.append(f"#{next(notes)}\tAnnotatorNotes T{n}\tvalue={json.dumps(span.value, ensure_ascii=False)}")
                if span.value_edited:
                    lines.append(f"#{next(notes)}\tAnnotatorNotes T{n}\tvalue_edited")
        document_events = exported_events((events or {}).get(document.id), spans)
        if document_events:
            number_of = {span.id: n for n, span in enumerate(spans, start=1)}
            by_id = {span.id: span for span in spans}
            for n, event in enumerate(document_events, start=1):
                trigger_type = type_of(by_id[event.mentions[0]].label)
                lines.append(_event_line(f"E{n}", event, trigger_type, number_of, roles))
                lines.append(f"#{next(notes)}\tAnnotatorNotes E{n}\tannotator={event.annotator}")
                lines.append(f"#{next(notes)}\tAnnotatorNotes E{n}\tid={event.id}")
        (folder / f"{name}.txt").write_text(text, encoding="utf-8", newline="")
        (folder / f"{name}.ann").write_text("".join(line + "\n" for line in lines), encoding="utf-8", newline="")
        if "\r\n" in document.text:
            manifest[name] = {"text_sha256": document.text_sha256, "newline": "crlf"}
        if document.meta:  # the publication date above all: relative dates are counted from it
            manifest.setdefault(name, {})["meta"] = document.meta
        count += 1
    if type_of.renamed:
        manifest[LABELS_KEY] = type_of.renamed
    if roles:
        manifest[ROLES_KEY] = roles
    if manifest:
        (folder / MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return count


def _restore_crlf(record: DocumentRecord, expected_sha: str) -> DocumentRecord:
    """Our own export of a CRLF text: put the CRs back and move the offsets with them."""
    from annotator.core.model import text_sha256

    original = record.text.replace("\n", "\r\n")
    if text_sha256(original) != expected_sha:
        return record  # edited since: keep it as it is
    table, shift = [], 0
    for i, ch in enumerate(record.text):
        table.append(i + shift)
        if ch == "\n":
            shift += 1
    table.append(len(record.text) + shift)
    for span in record.spans:
        span.start, span.end = table[span.start], table[span.end]
        span.text = original[span.start:span.end]
    record.text = original
    return record


def _role(argument: str, roles: dict) -> str:
    named = roles.get(argument)
    if isinstance(named, str):
        return named
    return argument[:1].lower() + argument[1:]


def _event_record(match: re.Match[str], spans: dict[str, SpanRecord], roles: dict, ann: Path,
                  number: int) -> EventRecord:
    key, _type, trigger, rest = match.groups()
    index = {k: i for i, k in enumerate(spans)}  # made per event: files hold few
    arguments = [("", trigger)] + [tuple(part.split(":", 1)) for part in rest.split()]

    def ref(target: str) -> int:
        if target.startswith("E"):
            raise FormatError(str(ann), f"{key}: an event as an argument ({target}) is not supported "
                                        "(an event's arguments are text spans)", number)
        if target not in index:
            raise FormatError(str(ann), f"{key}: refers to {target}, which is not in this file", number)
        return index[target]

    mentions: list[int | str] = [ref(trigger)]
    found: dict[str, list[int | str]] = {}
    for argument, target in arguments[1:]:
        base = _ARGUMENT.match(argument).group(1)  # type: ignore[union-attr]
        if base == MENTION:
            mentions.append(ref(target))
        else:
            found.setdefault(_role(base, roles), []).append(ref(target))
    return EventRecord(None, mentions, found, line=number, written_as=key)


def read_pair(ann: Path, roles: dict | None = None) -> DocumentRecord:
    txt = ann.with_suffix(".txt")
    if not txt.exists():
        raise FormatError(str(ann), f"no text file {txt.name} beside it")
    reading = txt
    try:
        # newline="": brat counts a CR as a character, so CRLF and a lone CR stay as they are.
        with txt.open(encoding="utf-8-sig", newline="") as stream:
            text = stream.read()
        reading = ann
        with ann.open(encoding="utf-8", newline="") as stream:
            lines = stream.read().split("\n")
    except UnicodeDecodeError as err:
        raise FormatError(str(reading), f"not valid UTF-8 at byte {err.start}") from None
    if is_blank(text):
        raise FormatError(str(txt), NO_TEXT)
    spans: dict[str, SpanRecord] = {}
    annotators: dict[str, str] = {}
    ids: dict[str, str] = {}
    values: dict[str, tuple[dict, int]] = {}
    edited: set[str] = set()
    pending: list[tuple[re.Match[str], int]] = []
    for number, line in enumerate(lines, start=1):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        if line.startswith("#") and "\tAnnotatorNotes " in line:
            _, target, note = (line.split("\t") + ["", ""])[:3]
            target = target.removeprefix("AnnotatorNotes ").strip()
            if note.startswith("annotator="):
                annotators[target] = note.removeprefix("annotator=")
            elif note.startswith("id="):
                ids[target] = note.removeprefix("id=")
            elif note.startswith("value="):
                value = load_json(note.removeprefix("value="), str(ann), number)
                if not isinstance(value, dict):
                    raise FormatError(str(ann), f"{target}: the value note must hold a JSON object", number)
                values[target] = (value, number)
            elif note == "value_edited":
                edited.add(target)
            continue
        if line.startswith("E"):
            event = _EVENT.match(line)
            if not event:
                raise FormatError(str(ann), "not an event (E<n> TAB TYPE:T<n> ROLE:T<n> ...)", number)
            pending.append((event, number))  # resolved once every text-bound annotation is read
            continue
        if not line.startswith("T"):
            continue  # relations, attributes: not part of this schema
        match = _TEXTBOUND.match(line)
        if not match:
            raise FormatError(str(ann), "not a text-bound annotation (T<n> TAB LABEL START END TAB text)", number)
        key, label, offsets, shown = match.groups()
        fragments = [tuple(map(int, part.split())) for part in offsets.split(";")]
        start, end = fragments[0][0], fragments[-1][1]
        if any(b > len(text) for _, b in fragments):
            raise FormatError(str(ann), f"{key}: offsets {offsets} point past the end of {txt.name} "
                                        f"({len(text)} characters)", number)
        expected = " ".join(text[a:b] for a, b in fragments)
        if expected != shown:
            raise FormatError(str(ann), f"{key}: text {shown!r} does not match {txt.name} at {offsets} "
                                        f"({expected!r})", number)
        attrs = {"fragments": [list(f) for f in fragments]} if len(fragments) > 1 else {}
        spans[key] = SpanRecord(start, end, label, text[start:end], attrs=attrs, line=number)
    for key, span in spans.items():
        span.annotator = annotators.get(key)
        span.id = ids.get(key)
        span.value, _ = values.pop(key, (None, 0))
        span.value_edited = key in edited
    events = {match.group(1): _event_record(match, spans, roles or {}, ann, number) for match, number in pending}
    for key, event in events.items():
        event.annotator, event.id = annotators.get(key), ids.get(key)
    if values:
        target, (_, number) = next(iter(values.items()))
        raise FormatError(str(ann), f"a value note for {target}, which is not a text-bound annotation here", number)
    return DocumentRecord(text=text, title=txt.stem, spans=list(spans.values()), source=txt.name, path=str(ann),
                          events=list(events.values()))


def _manifest(folder: Path) -> dict:
    """Our manifest beside the files, or {} (none, or not ours to read: other tools ignore it, so do we)."""
    path = folder / MANIFEST
    if not path.exists():
        return {}
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError):
        return {}
    return found if isinstance(found, dict) else {}


def read(folder: Path) -> Iterator[DocumentRecord]:
    files = sorted(folder.rglob("*.ann")) if folder.is_dir() else [folder]
    if not files:
        raise FormatError(str(folder), "no .ann files in this folder")
    manifests: dict[Path, dict] = {}
    for ann in files:
        manifest = manifests.get(ann.parent)
        if manifest is None:
            manifest = manifests[ann.parent] = _manifest(ann.parent)
        roles = manifest.get(ROLES_KEY)
        record = read_pair(ann, roles if isinstance(roles, dict) else None)
        labels = manifest.get(LABELS_KEY)
        if isinstance(labels, dict):
            for span in record.spans:
                original = labels.get(span.label)
                if isinstance(original, str):
                    span.label = original
        entry = manifest.get(ann.stem)
        if isinstance(entry, dict) and isinstance(entry.get("meta"), dict):
            record.meta = entry["meta"]
        if isinstance(entry, dict) and entry.get("newline") == "crlf":
            record = _restore_crlf(record, str(entry.get("text_sha256")))
        yield record


def _write(items: Iterable[tuple[Document, list[Span]]], folder: Path, context: ExportContext) -> int:
    events = events_by_document(context)
    with replaced_on_success(folder) as staged:
        return write(items, staged, events)


FORMAT = FileFormat(
    "brat", QT_TRANSLATE_NOOP("Formats", "brat standoff (folder)"), (".ann",), Target.FOLDER,
    "code points (text with LF line ends)", read=lambda source: read(source.path), write_path=_write,
    claims_folder=lambda folder: any(folder.rglob("*.ann")))

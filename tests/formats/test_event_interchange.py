"""Events and normalised values through JSON Lines, brat, Label Studio and CSV: written,
read back by the tool that consumes each format, imported back to the same records; every
reader refuses a broken event in one line naming the file, and stores nothing."""

from __future__ import annotations

import json

import pytest

from annotator.cli import main
from annotator.formats.exporting import ExportOptions, export_to_path
from annotator.formats.importer import import_paths
from annotator.formats.records import FormatError
from annotator.store import Store
from tests.formats.event_corpus import TOLL, documents, write_source


@pytest.fixture
def source(tmp_path):
    return write_source(tmp_path / "events.jsonl")


@pytest.fixture
def project(tmp_path, source):
    with Store.open(tmp_path / "events.db") as store:
        report = import_paths(store, [source], annotator="x")
        assert (report.spans_added, report.events_added) == (27, 5)
        yield store


def records(store):
    """Events and span values, named by text, not by the project's document ids."""
    texts = {d.id: d.text_sha256[:8] for d, _ in store.iter_documents_with_spans()}
    events = sorted((texts[e.document_id], e.id, e.annotator, e.mentions, tuple(sorted(e.roles.items())))
                    for e in store.iter_events())
    values = sorted((s.id, json.dumps(s.value, sort_keys=True), s.value_edited)
                    for _, spans in store.iter_documents_with_spans() for s in spans)
    return events, values


def import_back(tmp_path, name, path, **kwargs):
    with Store.open(tmp_path / f"{name}-back.db") as back:
        first = import_paths(back, [path], annotator="x", **kwargs)
        again = import_paths(back, [path], annotator="x", **kwargs)
        return records(back), first, again


def one_line_refusal(tmp_path, path, fmt="auto", expected_file=None, line=None):
    """Importing ``path`` into a project that holds the corpus already changes nothing and
    says why in one line naming the file (and the line, where the format has lines)."""
    db = tmp_path / "held.db"
    with Store.open(db) as store:
        import_paths(store, [write_source(tmp_path / "held.jsonl")], annotator="x")
        before = records(store), store.document_count()
        with pytest.raises(FormatError) as caught:
            import_paths(store, [path], annotator="x", fmt=fmt)
        assert (records(store), store.document_count()) == before
    message = str(caught.value)
    assert "\n" not in message
    where = str(expected_file or path) + (f":{line}:" if line is not None else ":")
    assert message.startswith(where), message
    return message


# -- JSON Lines ------------------------------------------------------------------------------


def test_jsonl_carries_events_and_values_both_ways(project, tmp_path):
    out = tmp_path / "out.jsonl"
    export_to_path(project, "jsonl", out)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    first = rows[0]
    assert [e["id"] for e in first["events"]] == ["e1", "e2", "e3"]
    e2 = first["events"][1]
    assert e2 == {"id": "e2", "annotator": "alice", "mentions": ["r-blasts", "r-blast"],
                  "roles": {"place": ["r-sadr"], "date": ["r-yesterday"], "casualty": ["r-toll", "r-toll2"],
                            "source": ["r-witnesses", "r-witnesses2"]}}
    spans = {s["id"]: s for s in first["spans"]}
    assert spans["r-toll"]["value"] == TOLL
    assert "value" not in spans["r-strike"]  # a span without a value stays as lean as before
    back, first_import, again = import_back(tmp_path, "jsonl", out)
    assert back == records(project)
    assert (first_import.events_added, again.events_added, again.events_existing, again.spans_added) == (5, 0, 5, 0)


def test_an_events_annotator_defaults_to_that_of_its_spans(project):
    (bob,) = [e for e in project.iter_events() if e.id == "b1"]
    assert bob.annotator == "bob"  # the source gave b1 no annotator


def test_a_value_a_person_set_survives_the_round_trip(project, tmp_path):
    project.set_span_value("r-syria", {"name": "Syria", "country": "SY", "lat": 35.0, "lon": 38.0,
                                       "geonameid": 163843}, edited=True)
    for fmt, name in (("jsonl", "out.jsonl"), ("brat", "brat"), ("labelstudio", "out.json")):
        export_to_path(project, fmt, tmp_path / name)
        (back, _, _) = import_back(tmp_path, fmt, tmp_path / name)
        assert back == records(project), fmt


def test_a_label_filter_keeps_events_to_the_spans_written(project, tmp_path):
    out = tmp_path / "places.jsonl"
    export_to_path(project, "jsonl", out, ExportOptions(labels=["event", "place"]))
    (first, _) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert first["events"][0] == {"id": "e1", "annotator": "alice", "mentions": ["r-strike"],
                                  "roles": {"place": ["r-syria", "r-hajin"]}}
    export_to_path(project, "jsonl", out, ExportOptions(labels=["place"]))
    assert all("events" not in json.loads(line) for line in out.read_text(encoding="utf-8").splitlines())


def _broken(tmp_path, change) -> object:
    docs = documents()
    change(docs)
    return write_source(tmp_path / "broken.jsonl", docs)


def _event(docs, index, number=0):
    return docs[index]["events"][number]


JSONL_BREAKAGES = {
    "unknown span id": (lambda d: _event(d, 0)["roles"]["place"].append("nobody"), 1, "no span with id nobody"),
    "span of another document": (lambda d: _event(d, 1)["roles"]["place"].append("r-syria"), 2,
                                 "span r-syria belongs to another document"),
    "own argument": (lambda d: _event(d, 0)["roles"]["date"].append("r-strike"), 1,
                     "cannot be its own argument"),
    "mention in two events": (lambda d: _event(d, 0, 2)["mentions"].append("r-blast"), 1,
                              "span r-blast already mentions event e2"),
    "unknown role": (lambda d: _event(d, 0)["roles"].update(weapon=["r-syria"]), 1, "unknown role 'weapon'"),
    "another annotator's span": (lambda d: _event(d, 1, 1)["roles"]["place"].append("s-mosul"), 2,
                                 "its span s-mosul is alice's"),
    "one id twice": (lambda d: _event(d, 0, 1).update(id="e1"), 1, "a second event with the id e1"),
    "events not a list": (lambda d: d[1].update(events={"e4": {}}), 2, '"events" must be a list'),
    "mentions not ids": (lambda d: _event(d, 0)["mentions"].__setitem__(0, 7), 1, "7 is not one"),
    "no mention": (lambda d: _event(d, 0).update(mentions=[]), 1, "has no mention"),
    "value not an object": (lambda d: d[0]["spans"][0].update(value="2018"), 1, "value must be an object"),
}


@pytest.mark.parametrize("breakage", list(JSONL_BREAKAGES))
def test_jsonl_refuses_a_broken_event_in_one_line(tmp_path, breakage):
    change, line, problem = JSONL_BREAKAGES[breakage]
    path = _broken(tmp_path, change)
    assert problem in one_line_refusal(tmp_path, path, line=line)


def test_the_command_line_says_it_in_one_line_and_stores_nothing(tmp_path, capsys):
    path = _broken(tmp_path, JSONL_BREAKAGES["own argument"][0])
    db = tmp_path / "fresh.db"
    assert main(["import", "--db", str(db), str(path)]) != 0
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and f"{path}:1:" in err and "Traceback" not in err
    if db.exists():
        with Store.open(db) as store:
            assert store.document_count() == 0 and not list(store.iter_events())


def test_skip_bad_lines_skips_the_broken_event_and_keeps_the_rest(tmp_path):
    path = _broken(tmp_path, JSONL_BREAKAGES["unknown span id"][0])
    with Store.open(tmp_path / "skip.db") as store:
        report = import_paths(store, [path], annotator="x", skip_bad_lines=True)
        assert report.events_added == 4 and len(report.skipped) == 1 and "nobody" in report.skipped[0]
        assert sorted(e.id for e in store.iter_events()) == ["b1", "e2", "e3", "e4"]


# -- brat --------------------------------------------------------------------------------------


def _bratly_parse(ann_path):
    from bratly import EntityAnnotation, EventAnnotation, NoteAnnotation

    lines = ann_path.read_text(encoding="utf-8").splitlines()
    parsed: dict = {}
    for line in lines:  # bratly raises on any malformed line
        if line.startswith("T"):
            entity = EntityAnnotation.from_line(line)
            parsed[entity.id] = entity
    for line in lines:
        if line.startswith("E"):
            event = EventAnnotation.from_line(line, parsed)
            parsed[event.id] = event
    notes = [NoteAnnotation.from_line(line, parsed) for line in lines if line.startswith("#")]
    return parsed, notes


def test_brat_writes_one_e_line_per_event_that_bratly_reads(project, tmp_path):
    out = tmp_path / "brat"
    export_to_path(project, "brat", out)
    first = min(out.glob("*.ann"))
    parsed, notes = _bratly_parse(first)
    events = {k: v for k, v in parsed.items() if k.startswith("E")}
    assert len(events) == 3
    by_trigger = {e.event_trigger.content: e for e in events.values()}
    blast = by_trigger["تفجيرات"]
    assert {role: arg.content for role, arg in blast.args.items()} == {
        "Mention2": "انفجارا", "Place": "مدينة الصدر", "Date": "أمس", "Casualty": "نحو عشرين قتيلا ومئة جريح",
        "Casualty2": "نحو عشرين قتيلا ومئة جريح", "Source": "شهود عيان", "Source2": "شهود عيان"}
    strike = by_trigger["قصفت"]
    assert [strike.args[r].content for r in ("Place", "Place2")] == ["سوريا", "هجين"]
    # The value has a note of its own beside the annotator and id notes of the same span.
    toll_key = next(k for k, v in parsed.items() if k.startswith("T") and v.content == "نحو عشرين قتيلا ومئة جريح")
    on_toll = [n.value for n in notes if getattr(n.component, "id", n.component) == toll_key]
    assert on_toll == ["annotator=alice", "id=r-toll", "value=" + json.dumps(TOLL, ensure_ascii=False)]
    on_event = [n.value for n in notes if getattr(n.component, "id", n.component) == blast.id]
    assert on_event == ["annotator=alice", "id=e2"]
    back, _, again = import_back(tmp_path, "brat", out)
    assert back == records(project)
    assert (again.spans_added, again.events_added) == (0, 0)


def test_brat_events_of_another_tool_are_read_by_their_arguments(tmp_path):
    text = "قتل 3 أشخاص في انفجار في الموصل.\n"
    folder = tmp_path / "other"
    folder.mkdir()
    (folder / "a.txt").write_text(text, encoding="utf-8")
    a, b, c = text.index("انفجار"), text.index("الموصل"), text.index("قتل 3 أشخاص")
    (folder / "a.ann").write_text(
        f"E1\tevent:T1 Place:T2 Casualty:T3\n"
        f"T1\tevent {a} {a + 6}\tانفجار\nT2\tplace {b} {b + 6}\tالموصل\nT3\tcasualty {c} {c + 11}\tقتل 3 أشخاص\n",
        encoding="utf-8")
    with Store.open(tmp_path / "other.db") as store:
        report = import_paths(store, [folder], annotator="carol")
        (event,) = store.iter_events()
        texts = {s.id: s.text for s in store.spans_for(event.document_id)}
    assert report.events_added == 1 and event.annotator == "carol" and event.id == "e1"
    assert [texts[m] for m in event.mentions] == ["انفجار"]
    assert {r: [texts[s] for s in ids] for r, ids in event.roles.items()} == {"place": ["الموصل"],
                                                                             "casualty": ["قتل 3 أشخاص"]}


BRAT_BREAKAGES = {
    "unknown T": ("E1\tevent:T1 Place:T9\n", "refers to T9, which is not in this file"),
    "event argument": ("E1\tevent:T1 Place:T2\nE2\tevent:T3 Cause:E1\n", "an event as an argument (E1)"),
    "malformed": ("E1\tevent T1\n", "not an event"),
    "own argument": ("E1\tevent:T1 Place:T1\n", "cannot be its own argument"),
    "mention in two events": ("E1\tevent:T1 Place:T2\nE2\tevent:T3 Mention2:T1\n", "already mentions event"),
    "bad value note": ("#1\tAnnotatorNotes T2\tvalue={\"iso\": \n", "malformed JSON"),
    "value note on nothing": ("#1\tAnnotatorNotes T7\tvalue={}\n", "a value note for T7"),
}


@pytest.mark.parametrize("breakage", list(BRAT_BREAKAGES))
def test_brat_refuses_a_broken_event_in_one_line(tmp_path, breakage):
    extra, problem = BRAT_BREAKAGES[breakage]
    text = "انفجار في الموصل وانفجار آخر.\n"
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "a.txt").write_text(text, encoding="utf-8")
    spans = [("event", 0, 6), ("place", 10, 16), ("event", 17, 24)]
    ann = "".join(f"T{n}\t{label} {a} {b}\t{text[a:b]}\n" for n, (label, a, b) in enumerate(spans, start=1))
    (folder / "a.ann").write_text(ann + extra, encoding="utf-8")
    line = len(spans) + len(extra.splitlines())
    if breakage == "event argument" or breakage == "mention in two events":
        line = len(spans) + 2
    elif breakage == "own argument":
        line = len(spans) + 1
    assert problem in one_line_refusal(tmp_path, folder, expected_file=folder / "a.ann", line=line)


# -- Label Studio ------------------------------------------------------------------------------


def test_label_studio_writes_relations_the_converter_reads_and_reads_them_back(project, tmp_path):
    from label_studio_converter import Converter

    out = tmp_path / "tasks.json"
    export_to_path(project, "labelstudio", out)
    config = (tmp_path / "tasks.label_config.xml").read_text(encoding="utf-8")
    assert '<Relation value="place"/>' in config and '<Relation value="mention"/>' in config
    tasks = json.loads(out.read_text(encoding="utf-8"))
    relations = [r for t in tasks for a in t["annotations"] for r in a["result"] if r["type"] == "relation"]
    regions = {r["id"]: r for t in tasks for a in t["annotations"] for r in a["result"] if r["type"] == "labels"}
    assert len(relations) == sum(len(e.mentions) - 1 + sum(map(len, e.roles.values())) for e in project.iter_events())
    assert {"type": "relation", "from_id": "r-blasts", "to_id": "r-blast", "direction": "right",
            "labels": ["mention"]} in relations
    assert all(r["from_id"] in regions and r["to_id"] in regions for r in relations)
    Converter(config=config, project_dir=None).convert_to_json_min(str(out), str(tmp_path / "min"), is_dir=False)
    converted = json.loads((tmp_path / "min" / "result.json").read_text(encoding="utf-8"))
    assert sum(len(r.get("label", [])) for r in converted) == len(regions)  # relations disturb no region
    back, _, again = import_back(tmp_path, "labelstudio", out)
    assert back == records(project)
    assert (again.spans_added, again.events_added) == (0, 0)


def _ls_task(result):
    text = "انفجار في الموصل.\n"
    regions = [{"id": "a", "from_name": "label", "to_name": "text", "type": "labels",
                "value": {"start": 0, "end": 6, "labels": ["event"]}},
               {"id": "b", "from_name": "label", "to_name": "text", "type": "labels",
                "value": {"start": 10, "end": 16, "labels": ["place"]}}]
    return [{"data": {"text": text}, "annotations": [{"completed_by": 3, "result": regions + result}]}]


def test_label_studio_relations_of_its_own_become_an_event(tmp_path):
    path = tmp_path / "ls.json"
    path.write_text(json.dumps(_ls_task([{"type": "relation", "from_id": "a", "to_id": "b", "labels": ["place"]}])),
                    encoding="utf-8")
    with Store.open(tmp_path / "ls.db") as store:
        import_paths(store, [path], annotator="x")
        (event,) = store.iter_events()
        texts = {s.id: s.text for s in store.spans_for(event.document_id)}
    assert event.annotator == "labelstudio-user-3"
    assert [texts[m] for m in event.mentions] == ["انفجار"] and [texts[s] for s in event.roles["place"]] == ["الموصل"]


LS_BREAKAGES = {
    "unknown region": ({"type": "relation", "from_id": "a", "to_id": "zz", "labels": ["place"]}, "to_id 'zz'"),
    "labels not a list": ({"type": "relation", "from_id": "a", "to_id": "b", "labels": "place"},
                          '"labels" must be a list of one role name'),
    "own argument": ({"type": "relation", "from_id": "a", "to_id": "a", "labels": ["place"]},
                     "cannot be its own argument"),
    "unknown role": ({"type": "relation", "from_id": "a", "to_id": "b", "labels": ["weapon"]}, "unknown role"),
}


@pytest.mark.parametrize("breakage", list(LS_BREAKAGES))
def test_label_studio_refuses_a_broken_relation_in_one_line(tmp_path, breakage):
    relation, problem = LS_BREAKAGES[breakage]
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(_ls_task([relation])), encoding="utf-8")
    message = one_line_refusal(tmp_path, path)
    assert problem in message and "task 1" in message


# -- CSV -----------------------------------------------------------------------------------------


def test_csv_has_a_value_column_pandas_reads_and_the_import_keeps(project, tmp_path):
    import pandas

    out = tmp_path / "spans.csv"
    export_to_path(project, "csv", out)
    frame = pandas.read_csv(out, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    values = {row.span_id: json.loads(row.value) for row in frame.itertuples() if row.value}
    assert values["r-toll"] == TOLL
    assert values["r-april19"] == {"iso": "2018-04-19"}
    assert values == {s.id: s.value for _, spans in project.iter_documents_with_spans() for s in spans if s.value}
    # Back onto the same articles in a project without the spans.
    bare = [{k: v for k, v in d.items() if k in ("title", "text", "meta")} for d in documents()]
    with Store.open(tmp_path / "csv-back.db") as back:
        import_paths(back, [write_source(tmp_path / "bare.jsonl", bare)], annotator="x")
        import_paths(back, [out], annotator="x")
        stored = {s.id: s.value for _, spans in back.iter_documents_with_spans() for s in spans}
    assert {k: v for k, v in stored.items() if v is not None} == values


def test_csv_refuses_a_value_that_is_not_an_object(project, tmp_path):
    out = tmp_path / "spans.csv"
    export_to_path(project, "csv", out)
    rows = out.read_text(encoding="utf-8-sig").splitlines()
    assert rows[1].endswith(",,false")  # the first span (r-centre) has no value: its cell is blank
    rows[1] = rows[1].removesuffix(",false") + "[1],false"
    broken = tmp_path / "broken.csv"
    broken.write_text("\n".join(rows) + "\n", encoding="utf-8-sig")
    assert "the value cell must be blank or a JSON object" in one_line_refusal(tmp_path, broken, line=2)


def test_the_command_line_counts_the_events_it_imports(tmp_path, source, capsys):
    db = tmp_path / "cli.db"
    assert main(["import", "--db", str(db), str(source)]) == 0
    assert "27 new span(s), 0 already present; 5 new event(s), 0 already present" in capsys.readouterr().err
    assert main(["import", "--db", str(db), str(source)]) == 0
    assert "0 new event(s), 5 already present" in capsys.readouterr().err

"""Defects an outside-in tester found in the event records (issue 14), each refused or kept as
the issue asks: invalid events and values never get in by any reader, custom roles move
between projects, nothing an export leaves out goes without a word, and the publication date
survives brat and Label Studio."""

from __future__ import annotations

import json

import pytest

from annotator.cli import main
from annotator.formats.exporting import export_to_path
from annotator.formats.importer import import_paths
from annotator.formats.records import FormatError
from annotator.store import Store
from tests.formats.event_corpus import documents, write_source
from tests.formats.test_event_interchange import _broken, _event, _ls_task, one_line_refusal, records

# -- 1. an event's mentions are event spans; an argument has its role's label -------------------

LABEL_BREAKAGES = {
    "a place span as a mention": (lambda d: _event(d, 0)["mentions"].append("r-deir"), 1,
                                  "event e1: its mention 'دير الزور'", "is labelled place, not event"),
    "a date span in the place role": (lambda d: _event(d, 0)["roles"]["place"].append("r-yesterday"), 1,
                                      "event e1: its place 'أمس'", "is labelled date, not place"),
    "another event's mention as an argument": (lambda d: _event(d, 0)["roles"]["source"].append("r-blasts"), 1,
                                               "event e1: its source 'تفجيرات'", "is labelled event, not source"),
}


@pytest.mark.parametrize("breakage", list(LABEL_BREAKAGES))
def test_jsonl_refuses_a_span_of_the_wrong_label_in_an_event(tmp_path, breakage):
    change, line, names, problem = LABEL_BREAKAGES[breakage]
    message = one_line_refusal(tmp_path, _broken(tmp_path, change), line=line)
    assert names in message and problem in message, message


def _brat_folder(tmp_path, events: str):
    text = "انفجار في الموصل يوم الخميس وانفجار آخر.\n"
    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / "a.txt").write_text(text, encoding="utf-8")
    spans = [("event", "انفجار"), ("place", "الموصل"), ("date", "يوم الخميس"), ("event", "وانفجار")]
    lines = []
    for number, (label, words) in enumerate(spans, start=1):
        start = text.index(words)
        lines.append(f"T{number}\t{label} {start} {start + len(words)}\t{words}\n")
    (folder / "a.ann").write_text("".join(lines) + events, encoding="utf-8")
    return folder


BRAT_CASES = {
    # The tester's line: a place as the trigger (brat's type says place too).
    "a place as the trigger": ("E1\tevent:T1 Place:T2\nE3\tplace:T2 Date:T3\n", 6,
                               "event E3: its mention 'الموصل' (", "is labelled place, not event"),
    # Its own argument too, but the first thing wrong is that it is no event span.
    "a place trigger that is its own place": ("E1\tplace:T2 Place:T2\n", 5,
                                              "event E1: its mention 'الموصل' (", "is labelled place, not event"),
    "a date as a place": ("E1\tevent:T1 Place:T3\n", 5, "event E1: its place 'يوم الخميس' (",
                          "is labelled date, not place"),
    # Named as the file names it, whatever id its note gives or its place among the events.
    "an id note of another number": ("E1\tevent:T1 Place:T2\nE3\tevent:T4 Place:T3\n#1\tAnnotatorNotes E3\tid=E4\n",
                                     6, "event E3: its place 'يوم الخميس' (", "is labelled date, not place"),
    "an added line": ("E1\tevent:T1 Place:T2\n#1\tAnnotatorNotes E1\tid=E1\nE9\tevent:T1 Place:T2\n", 7,
                      "event E9: ", "already mentions event E1"),
    "an unknown role": ("E1\tevent:T1 Place:T2\nE9\tevent:T4 Weapon:T2\n", 6, "event E9: ", "unknown role 'weapon'"),
}


@pytest.mark.parametrize("case", list(BRAT_CASES))
def test_brat_names_the_event_as_the_file_writes_it_and_its_line(tmp_path, case):
    events, line, names, problem = BRAT_CASES[case]
    folder = _brat_folder(tmp_path, events)
    message = one_line_refusal(tmp_path, folder, expected_file=folder / "a.ann", line=line)
    assert names in message and problem in message, message
    assert "event E4" not in message and "event 2" not in message


def test_the_command_line_refuses_a_place_trigger_in_one_line_and_stores_nothing(tmp_path, capsys):
    folder = _brat_folder(tmp_path, "E3\tplace:T2 Date:T3\n")
    db = tmp_path / "fresh.db"
    assert main(["import", "--db", str(db), str(folder)]) != 0
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and f"{folder / 'a.ann'}:5:" in err and "not event" in err, err
    assert not db.exists()


# -- 2. values of the wrong shape ------------------------------------------------------------------

VALUE_BREAKAGES = {
    "a date that is no date": ("r-thursday", {"iso": "not-a-date"}, '"iso"'),
    "a date as a number": ("r-thursday", {"iso": 5}, '"iso"'),
    "the 31st of April": ("r-april19", {"iso": "2018-04-31"}, "no date in the calendar"),
    "many killed": ("r-toll", {"killed": "many", "injured": 100, "approximate": True}, '"killed"'),
    "a negative toll": ("r-toll", {"killed": -1}, '"killed"'),
    "approximate as text": ("r-toll", {"killed": 1, "approximate": "yes"}, '"approximate"'),
    "a country in lower case": ("r-syria", {"name": "Syria", "country": "sy"}, '"country"'),
    "a latitude past the pole": ("r-syria", {"name": "Syria", "lat": 135.0, "lon": 38.0}, '"lat"'),
    "a geonameid as text": ("r-syria", {"name": "Syria", "geonameid": "163843"}, '"geonameid"'),
}


def _with_value(span_id, value):
    def change(docs):
        (span,) = [s for s in docs[0]["spans"] if s["id"] == span_id]
        span["value"] = value
    return change


@pytest.mark.parametrize("breakage", list(VALUE_BREAKAGES))
def test_jsonl_refuses_a_value_of_the_wrong_shape_in_one_line(tmp_path, breakage):
    span_id, value, problem = VALUE_BREAKAGES[breakage]
    message = one_line_refusal(tmp_path, _broken(tmp_path, _with_value(span_id, value)), line=1)
    assert problem in message and "value" in message, message


def test_brat_label_studio_and_csv_refuse_a_date_that_is_no_date(tmp_path):
    source = write_source(tmp_path / "events.jsonl")
    with Store.open(tmp_path / "events.db") as store:
        import_paths(store, [source], annotator="x")
        for fmt, name in (("brat", "brat"), ("labelstudio", "tasks.json"), ("csv", "spans.csv")):
            export_to_path(store, fmt, tmp_path / name)
    good = json.dumps({"iso": "2018-05-31"})
    bad = json.dumps({"iso": "not-a-date"})
    ann = min((tmp_path / "brat").glob("*.ann"))
    ann.write_text(ann.read_text(encoding="utf-8").replace(f"value={good}", f"value={bad}"), encoding="utf-8")
    tasks = tmp_path / "tasks.json"
    tasks.write_text(tasks.read_text(encoding="utf-8").replace(good, bad), encoding="utf-8")
    spreadsheet = tmp_path / "spans.csv"
    good_cell, bad_cell = ('"' + value.replace('"', '""') + '"' for value in (good, bad))
    rows = spreadsheet.read_text(encoding="utf-8-sig")
    spreadsheet.write_text(rows.replace(good_cell, bad_cell), encoding="utf-8-sig")
    for path, where in ((tmp_path / "brat", ann), (tasks, tasks), (spreadsheet, spreadsheet)):
        with Store.open(tmp_path / f"fresh-{path.name}.db") as store:
            if path is spreadsheet:  # a CSV holds spans of documents the project has
                import_paths(store, [source], annotator="x")
            before = records(store)
            with pytest.raises(FormatError) as caught:
                import_paths(store, [path], annotator="x")
            assert records(store) == before
        message = str(caught.value)
        assert message.startswith(str(where)) and "not-a-date" in message and "\n" not in message, message


# -- 3. custom roles move between projects ---------------------------------------------------------


@pytest.mark.parametrize("fmt,name", [("jsonl", "out.jsonl"), ("brat", "brat"), ("labelstudio", "out.json")])
def test_a_renamed_role_moves_to_a_new_project_with_add_labels(tmp_path, capsys, fmt, name):
    db = tmp_path / "p.db"
    assert main(["import", "--db", str(db), str(write_source(tmp_path / "events.jsonl"))]) == 0
    assert main(["roles", "rename", "--db", str(db), "date", "when"]) == 0
    out = tmp_path / name
    assert main(["export", "--db", str(db), "--format", fmt, "--out", str(out)]) == 0
    capsys.readouterr()
    fresh = tmp_path / "fresh.db"
    assert main(["import", "--db", str(fresh), str(out)]) != 0
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "unknown role 'when'" in err and "--add-labels" in err, err
    assert main(["import", "--db", str(fresh), "--add-labels", str(out)]) == 0
    with Store.open(db) as old, Store.open(fresh) as new:
        assert "when" in new.role_names()
        when = sorted(len(e.roles.get("when", ())) for e in new.iter_events())
        assert when == sorted(len(e.roles.get("when", ())) for e in old.iter_events()) and sum(when) == 5


def test_import_help_says_add_labels_adds_roles(capsys):
    with pytest.raises(SystemExit):
        main(["import", "--help"])
    assert "roles" in capsys.readouterr().out


# -- 4. a Label Studio relation without a label ----------------------------------------------------


def test_label_studio_refuses_a_relation_without_a_label_unless_skipping_bad_lines(tmp_path):
    path = tmp_path / "ls.json"
    path.write_text(json.dumps(_ls_task([{"type": "relation", "from_id": "a", "to_id": "b", "labels": []}])),
                    encoding="utf-8")
    message = one_line_refusal(tmp_path, path)
    assert "task 1: annotation 1, relation 3 has no label" in message and "--skip-bad-lines" in message
    with Store.open(tmp_path / "skip.db") as store:
        report = import_paths(store, [path], annotator="x", skip_bad_lines=True)
        assert report.spans_added == 2 and report.events_added == 0
        assert len(report.skipped) == 1 and "relation 3 has no label" in report.skipped[0]


# -- 6. CSV keeps the person-edited flag and says it drops events ----------------------------------


def test_csv_writes_value_edited_that_pandas_reads_and_the_import_keeps(tmp_path):
    import pandas

    with Store.open(tmp_path / "events.db") as store:
        import_paths(store, [write_source(tmp_path / "events.jsonl")], annotator="x")
        store.set_span_value("r-syria", {"name": "Syria", "country": "SY", "lat": 35.0, "lon": 38.0,
                                         "geonameid": 163843}, edited=True)
        out = tmp_path / "spans.csv"
        export_to_path(store, "csv", out)
        frame = pandas.read_csv(out, encoding="utf-8-sig")
        assert frame["value_edited"].dtype == bool
        assert set(frame.loc[frame["value_edited"], "span_id"]) == {"r-syria"}
        # Back into a project holding the documents but no spans: the flag comes back.
        with Store.open(tmp_path / "back.db") as back:
            docs = documents()
            for doc in docs:
                doc["spans"], doc["events"] = [], []
            import_paths(back, [write_source(tmp_path / "bare.jsonl", docs)], annotator="x")
            import_paths(back, [out], annotator="x")
            edited = {s.id for _, spans in back.iter_documents_with_spans() for s in spans if s.value_edited}
            assert edited == {"r-syria"}


def test_a_csv_export_of_a_project_with_events_says_it_leaves_them_out(tmp_path, capsys):
    db = tmp_path / "p.db"
    assert main(["import", "--db", str(db), str(write_source(tmp_path / "events.jsonl"))]) == 0
    capsys.readouterr()
    assert main(["export", "--db", str(db), "--format", "csv", "--out", str(tmp_path / "s.csv")]) == 0
    notes = [line for line in capsys.readouterr().err.splitlines() if "event" in line]
    assert notes == ["csv holds no events: 5 event(s) not written; use jsonl, brat, labelstudio or events to keep them"]
    assert main(["export", "--db", str(db), "--format", "jsonl", "--out", str(tmp_path / "s.jsonl")]) == 0
    assert "not written" not in capsys.readouterr().err


# -- 7. the publication date through brat and Label Studio ------------------------------------------


@pytest.mark.parametrize("fmt,name", [("brat", "brat"), ("labelstudio", "out.json")])
def test_the_publication_date_survives_brat_and_label_studio(tmp_path, fmt, name):
    with Store.open(tmp_path / "events.db") as store:
        import_paths(store, [write_source(tmp_path / "events.jsonl")], annotator="x")
        export_to_path(store, fmt, tmp_path / name)
        metas = sorted(json.dumps(d.meta, sort_keys=True) for d, _ in store.iter_documents_with_spans())
    with Store.open(tmp_path / "back.db") as back:
        import_paths(back, [tmp_path / name], annotator="x")
        published = sorted(d.meta.get("published") for d, _ in back.iter_documents_with_spans())
        assert published == ["2018-05-06", "2018-05-31"]
        assert sorted(json.dumps(d.meta, sort_keys=True) for d, _ in back.iter_documents_with_spans()) == metas


def test_label_studio_keeps_the_meta_in_data_and_other_data_fields_beside_it(tmp_path):
    from label_studio_converter import Converter  # the consumer reads tasks with data.meta as before

    with Store.open(tmp_path / "events.db") as store:
        import_paths(store, [write_source(tmp_path / "events.jsonl")], annotator="x")
        export_to_path(store, "labelstudio", tmp_path / "out.json")
    tasks = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert [t["data"]["meta"]["published"] for t in tasks] == ["2018-05-31", "2018-05-06"]
    config = (tmp_path / "out.label_config.xml").read_text(encoding="utf-8")
    Converter(config=config, project_dir=None).convert_to_json_min(str(tmp_path / "out.json"), str(tmp_path / "min"),
                                                                    is_dir=False)
    converted = json.loads((tmp_path / "min" / "result.json").read_text(encoding="utf-8"))
    assert {row["meta"]["published"] for row in converted} == {"2018-05-31", "2018-05-06"}
    tasks[0]["data"]["source_url"] = "http://example.org/a"
    (tmp_path / "other.json").write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    with Store.open(tmp_path / "other.db") as back:
        import_paths(back, [tmp_path / "other.json"], annotator="x")
        first = min(back.iter_documents_with_spans(), key=lambda item: item[0].id)[0]
        assert first.meta == {"published": "2018-05-31", "source_url": "http://example.org/a"}

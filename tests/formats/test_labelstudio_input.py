"""Label Studio tasks as they come: our own export back into its project, and files whose
annotations, regions or names are not what Label Studio writes."""

from __future__ import annotations

import json

import pytest

from annotator.cli import main
from annotator.formats.exporting import export_to_path
from annotator.formats.importer import import_paths
from annotator.store import Store
from tests.formats import test_interchange
from tests.formats.test_interchange import spans_of

source, project = test_interchange.source, test_interchange.project  # the fixtures, shared

TEXT = "قتل 25 شخصا حسب وكالة الأنباء"
CASUALTY = {"start": 4, "end": 11, "text": "25 شخصا", "labels": ["casualty"]}


def region(value=None, **more):
    return {"id": "r1", "from_name": "label", "to_name": "text", "type": "labels", "value": value or CASUALTY, **more}


def task(*results, **more):
    return {"data": {"text": TEXT}, "annotations": [{"completed_by": 1, "result": list(results)}], **more}


def ids_of(store):
    return sorted((s.id, s.annotator, s.origin, s.label, s.start, s.end)
                  for _, spans in store.iter_documents_with_spans() for s in spans)


def test_our_export_adds_nothing_to_its_own_project_and_keeps_ids_in_a_fresh_one(project, tmp_path):
    out = tmp_path / "tasks.json"
    export_to_path(project, "labelstudio", out)
    before = ids_of(project)
    report = import_paths(project, [out], annotator="someone-else")
    assert (report.documents_added, report.spans_added, report.spans_existing) == (0, 0, len(before))
    assert ids_of(project) == before
    with Store.open(tmp_path / "fresh.db") as fresh:
        import_paths(fresh, [out], annotator="someone-else")
        assert ids_of(fresh) == before  # span ids, annotators and origins, not the importing user
        assert spans_of(fresh) == spans_of(project)


def test_regions_of_label_studio_users_are_credited_to_completed_by(tmp_path):
    path = tmp_path / "tasks.json"
    path.write_text(json.dumps([task(region()), {"data": {"text": TEXT}, "annotations": [
        {"completed_by": {"email": "maha@example.org"}, "result": [region()]}]}]), encoding="utf-8")
    with Store.open(tmp_path / "p.db") as store:
        import_paths(store, [path], annotator="x")
        # Both regions sit on one extent of one document (same text): their order is the ids'.
        regions = [(s.annotator, s.label, s.text) for _, spans in store.iter_documents_with_spans() for s in spans]
        assert sorted(regions) == [
            ("labelstudio-user-1", "casualty", "25 شخصا"), ("maha@example.org", "casualty", "25 شخصا")]


def test_regions_that_are_no_span_are_reported_not_dropped_silently(tmp_path):
    path = tmp_path / "tasks.json"
    no_label = region({"start": 16, "end": 29, "labels": []}, id="empty")
    choice = {"id": "c1", "from_name": "kind", "to_name": "text", "type": "choices", "value": {"choices": ["war"]}}
    path.write_text(json.dumps([task(region(), no_label, choice)]), encoding="utf-8")
    with Store.open(tmp_path / "p.db") as store:
        report = import_paths(store, [path], annotator="x")
    assert report.spans_added == 1
    assert report.notes == [f"{path}: task 1: annotation 1, region empty has no label, not imported",
                            (f"{path}: task 1: annotation 1, region c1 is a choices region, not imported "
                             "(only labels regions on the text are spans)")]


ours = {"annotator": "alice", "origin": "manual"}
# name: (tasks, words the one-line message must hold after "task N: ")
BAD_TASKS = {
    "a task that is no object": ([TEXT], "task 1: a task must be an object, not a string"),
    "annotations that are no list": ([{"data": {"text": TEXT}, "annotations": "alice"}],
                                     'task 1: "annotations" must be a list, not a string'),
    "predictions that are no list": ([{"data": {"text": TEXT}, "predictions": {"result": []}}],
                                     'task 1: "predictions" must be a list, not an object'),
    "an annotation that is no object": ([{"data": {"text": TEXT}, "annotations": [[region()]]}],
                                        "task 1: annotation 1 must be an object, not a list"),
    "a result that is no list": ([{"data": {"text": TEXT}, "annotations": [{"result": region()}]}],
                                 'task 1: annotation 1: "result" must be a list, not an object'),
    "a region that is no object": ([task("r1")], "task 1: annotation 1, region 1 must be an object, not a string"),
    "a value that is no object": ([task(region([4, 11]))], 'region r1: "value" must be an object, not a list'),
    "labels given as a string": ([task(region({**CASUALTY, "labels": "casualty"}))],
                                 'region r1: "labels" must be a list of label names, not a string'),
    "a label that is a number": ([task(region({**CASUALTY, "labels": [4]}))], "the label must be a string"),
    "a label with a line break": ([task(region({**CASUALTY, "labels": ["casualty\nT9"]}))],
                                  "holds a control character (U+000A)"),
    "an annotator with a tab": ([task(region(meta={**ours, "annotator": "alice\tbob"}))],
                                "the annotator 'alice\\tbob' holds a control character (U+0009)"),
    "completed_by with a line break": ([{"data": {"text": TEXT}, "annotations": [
        {"completed_by": {"email": "a@b\nT1"}, "result": [region()]}]}], "completed_by: the annotator"),
    "meta that is no object": ([task(region(meta="alice"))], 'region r1: "meta" must be an object, not a string'),
    "one region id for two spans": ([task(region(meta=ours)), task(region({**CASUALTY, "end": 6, "text": "25"},
                                                                          meta=ours))],
                                    ("task 2: annotation 1, region r1: the region id r1 is also used by a "
                                     "different region in task 1")),
    "a lone surrogate in a label": (json.dumps([task(region({**CASUALTY, "labels": ["?"]}))]).replace("?", "\\ud800"),
                                    "lone surrogate"),
    "JSON nested too deeply": ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
}


@pytest.mark.parametrize("case", list(BAD_TASKS))
def test_bad_tasks_are_refused_whole_with_one_line(case, tmp_path, capsys):
    tasks, expected = BAD_TASKS[case]
    db = tmp_path / "p.db"
    good = tmp_path / "good.json"
    good.write_text(json.dumps([task(region())]), encoding="utf-8")
    assert main(["import", "--db", str(db), str(good)]) == 0
    with Store.open(db) as store:
        before = ids_of(store)
    path = tmp_path / "bad.json"
    path.write_text(tasks if isinstance(tasks, str) else json.dumps(tasks), encoding="utf-8")
    capsys.readouterr()
    assert main(["import", "--db", str(db), str(path)]) != 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"{path}: " in err and expected in err, err
    with Store.open(db) as store:
        assert ids_of(store) == before

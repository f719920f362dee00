import csv
import json

import pytest

from annotator.formats.exporting import export_to_path
from annotator.formats.importer import import_paths
from annotator.formats.records import FormatError
from tests.arabic_samples import CRLF, DIACRITICS, EMOJI, MARKS, PRESENTATION

REFERENCE_SPANS = [
    ("قصفت", "event"), ("سوريا", "place"), ("صباح الخميس", "date"),
    ("نحو عشرين قتيلا ومئة جريح", "casualty"), ("مركز الإعلام الأمني العراقي", "source"),
]


def write_jsonl(path, documents):
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in documents), encoding="utf-8")
    return path


def reference_document(text):
    spans = []
    for words, label in REFERENCE_SPANS:
        at = text.index(words)
        spans.append({"start": at, "end": at + len(words), "label": label, "text": words})
    return {"text": text, "title": "reference", "meta": {"source": "shared"}, "spans": spans}


def test_import_the_reference_article_as_text_keeps_it_exactly(store, reference_path, reference_text):
    report = import_paths(store, [reference_path], annotator="alice")
    assert report.documents_added == 1
    (summary,) = store.document_summaries()
    assert store.document(summary.id).text == reference_text
    again = import_paths(store, [reference_path.parent], annotator="alice")  # a folder, recursively
    assert (again.documents_added, again.documents_existing) == (0, 1)


def test_jsonl_round_trip_is_identical(store, tmp_path, reference_text):
    documents = [reference_document(reference_text)]
    for text in (EMOJI, CRLF, DIACRITICS, MARKS, PRESENTATION):
        documents.append({"text": text, "spans": [{"start": 0, "end": 3, "label": "place", "annotator": "bob",
                                                   "attrs": {"note": "أول"}}]})
    source = write_jsonl(tmp_path / "in.jsonl", documents)
    import_paths(store, [source], annotator="alice")
    first = export_to_path(store, "jsonl", tmp_path / "out.jsonl")
    assert first == len(documents)
    exported = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [d["text"] for d in exported] == [d["text"] for d in documents]
    for doc in exported:
        for span in doc["spans"]:
            assert doc["text"][span["start"]:span["end"]] == span["text"]
    # Importing our own export into a fresh project gives back identical spans.
    from annotator.store import Store

    with Store.open(tmp_path / "second.db") as second:
        import_paths(second, [tmp_path / "out.jsonl"], annotator="carol")
        export_to_path(second, "jsonl", tmp_path / "again.jsonl")
    again = [json.loads(line) for line in (tmp_path / "again.jsonl").read_text(encoding="utf-8").splitlines()]
    def key(d):
        return [(s["id"], s["start"], s["end"], s["label"], s["text"], s["annotator"], s["attrs"]) for s in d["spans"]]

    assert [key(d) for d in again] == [key(d) for d in exported]
    # And importing it again into the same project duplicates nothing.
    report = import_paths(store, [tmp_path / "out.jsonl"], annotator="alice")
    assert (report.documents_added, report.spans_added) == (0, 0)


def test_offsets_are_code_points_with_an_emoji(store, tmp_path):
    at = EMOJI.index("مدينة")
    source = write_jsonl(tmp_path / "e.jsonl",
                         [{"text": EMOJI, "spans": [{"start": at, "end": at + 5, "label": "place"}]}])
    import_paths(store, [source], annotator="alice")
    (doc_id,) = store.document_ids()
    (span,) = store.spans_for(doc_id)
    assert span.text == "مدينة" and EMOJI[span.start:span.end] == "مدينة"


@pytest.mark.parametrize(
    "line, problem",
    [
        ("{not json", "malformed JSON"),
        ('{"title": "no text"}', 'non-empty "text"'),
        ('{"text": "نص", "spans": [{"start": 0, "end": 9, "label": "place"}]}', "outside the text"),
        ('{"text": "نص قصير", "spans": [{"start": 0, "end": 2, "label": "place", "text": "غلط"}]}', "does not match"),
        ('{"text": "نص قصير", "spans": [{"start": 0, "end": 2, "label": "weapon"}]}', "unknown label"),
    ],
)
def test_bad_jsonl_names_file_and_line_and_imports_nothing(store, tmp_path, line, problem):
    good = json.dumps({"text": "نص سليم في السطر الأول"}, ensure_ascii=False)
    source = tmp_path / "bad.jsonl"
    source.write_text(good + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(FormatError) as caught:
        import_paths(store, [source], annotator="alice")
    assert f"{source}:2" in str(caught.value) and problem in str(caught.value)
    assert store.document_count() == 0  # the good first line was not half-imported


def test_csv_opens_with_the_csv_module_and_has_no_live_formulas(store, tmp_path):
    text = "=1+2 قتلى و -5 جرحى و @مصدر"
    source = write_jsonl(tmp_path / "f.jsonl", [{"text": text, "title": "=cmd|' /C calc'!A0", "spans": [
        {"start": 0, "end": 4, "label": "casualty"},
        {"start": text.index("-5"), "end": text.index("-5") + 2, "label": "casualty"},
        {"start": text.index("@"), "end": len(text), "label": "source"}]}])
    import_paths(store, [source], annotator="+alice")
    out = tmp_path / "spans.csv"
    assert export_to_path(store, "csv", out) == 3
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # spreadsheets need the BOM to read UTF-8
    with out.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert [r["text"] for r in rows] == ["'=1+2", "'-5", "'@مصدر"]
    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for r in rows for cell in r.values())
    assert rows[0]["start"] == "0" and rows[0]["annotator"] == "'+alice"


def test_non_utf8_text_is_refused_with_the_byte_offset(store, tmp_path):
    bad = tmp_path / "old.txt"
    bad.write_bytes("مقال قديم".encode("cp1256"))
    with pytest.raises(FormatError, match=r"old\.txt: not valid utf-8 at byte 0"):
        import_paths(store, [bad], annotator="alice")
    import_paths(store, [bad], annotator="alice", encoding="cp1256")
    assert store.document(store.document_ids()[0]).text == "مقال قديم"


def test_missing_paths_and_empty_folders_are_named(store, tmp_path):
    with pytest.raises(FormatError, match="no such file"):
        import_paths(store, [tmp_path / "nope.txt"], annotator="a")
    (tmp_path / "empty").mkdir()
    with pytest.raises(FormatError, match="holds no .txt"):
        import_paths(store, [tmp_path / "empty"], annotator="a")

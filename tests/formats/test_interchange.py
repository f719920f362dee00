"""Every export format, read back by Annotator and by the third-party tool that consumes it."""

from __future__ import annotations

import csv
import json
import os

import pytest

from annotator.formats.conll import TagOptions
from annotator.formats.exporting import ExportOptions, export_to_path, split_documents
from annotator.formats.importer import import_paths
from annotator.formats.records import FormatError
from annotator.formats.tagging import AlignmentError, AlignmentReport
from annotator.store import Store
from tests.arabic_samples import CRLF, DIACRITICS, EMOJI, PRESENTATION
from tests.conftest import WOJOOD_SAMPLE
from tests.formats.test_import_export import REFERENCE_SPANS, write_jsonl

os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

WOJOOD = WOJOOD_SAMPLE
TRICKY = (EMOJI, CRLF, DIACRITICS, PRESENTATION)


def span(text, words, label, annotator="alice", occurrence=0, inner=None):
    at = -1
    for _ in range(occurrence + 1):
        at = text.index(words, at + 1)
    if inner:
        at += words.index(inner)
        words = inner
    return {"start": at, "end": at + len(words), "label": label, "annotator": annotator}


@pytest.fixture
def source(tmp_path, reference_text):
    """The reference article (two annotators, a nested span, a sub-word span) and tricky texts."""
    ref = [span(reference_text, words, label) for words, label in REFERENCE_SPANS]
    ref.append(span(reference_text, "الإعلام الأمني", "place"))  # nested in the source span
    ref.append(span(reference_text, "للجزيرة", "place", inner="جزيرة"))  # inside a word
    ref += [span(reference_text, "سوريا", "place", "bob"), span(reference_text, "قصفت", "date", "bob")]
    docs = [{"text": reference_text, "title": "reference", "spans": ref}]
    docs.append({"text": EMOJI, "spans": [span(EMOJI, "مدينة الصدر", "place"), span(EMOJI, "36 قتيلا", "casualty")]})
    docs.append({"text": CRLF, "spans": [span(CRLF, "البصرة", "place"), span(CRLF, "بغداد", "place")]})
    docs.append({"text": DIACRITICS, "spans": [span(DIACRITICS, "كَتَبَ", "event")]})
    docs.append({"text": PRESENTATION, "spans": [span(PRESENTATION, "\ufefbجئون", "casualty")]})
    return write_jsonl(tmp_path / "source.jsonl", docs)


@pytest.fixture
def project(tmp_path, source):
    with Store.open(tmp_path / "a.db") as store:
        import_paths(store, [source], annotator="alice")
        yield store


def spans_of(store):
    return sorted((d.text_sha256[:12], s.label, s.start, s.end, s.text, s.annotator)
                  for d, spans in store.iter_documents_with_spans() for s in spans)


def round_trip(tmp_path, tag, out, annotator="x", **import_options):
    with Store.open(tmp_path / f"{tag}-back.db") as back:
        import_paths(back, [out], annotator=annotator, **import_options)
        return spans_of(back), [d.text for d, _ in back.iter_documents_with_spans()]


# -- formats that carry the text: exact round trips -------------------------------------


@pytest.mark.parametrize("fmt, name", [("jsonl", "out.jsonl"), ("doccano", "out.jsonl"),
                                       ("labelstudio", "out.json"), ("brat", "brat"), ("spacy", "out-spacy.jsonl")])
def test_text_formats_round_trip_every_tricky_text_and_span(project, tmp_path, fmt, name):
    out = tmp_path / name
    export_to_path(project, fmt, out)
    kwargs = {"fmt": "spacy"} if fmt == "spacy" else {}
    spans, texts = round_trip(tmp_path, fmt, out, **kwargs)
    assert set(texts) == {d.text for d, _ in project.iter_documents_with_spans()}  # CRLF, emoji, marks intact
    mine = spans_of(project)
    if fmt == "spacy":  # no annotator in it: identical spans of two annotators become one
        mine = sorted({s[:5] + ("x",) for s in mine})
    assert spans == mine


def test_doccano_offsets_are_utf16_code_units(project, tmp_path):
    out = tmp_path / "doccano.jsonl"
    export_to_path(project, "doccano", out)
    for line in out.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        units = row["text"].encode("utf-16-le")
        entries = [(e["start_offset"], e["end_offset"], e["label"]) for e in row["label"]]
        for start, end, _label in entries:
            covered = units[2 * start:2 * end].decode("utf-16-le")
            assert covered  # a slice in UTF-16 units is a whole piece of text
        if "💥" in row["text"]:
            (start, end, _), = [entry for entry in entries if entry[2] == "place"]
            assert units[2 * start:2 * end].decode("utf-16-le") == "مدينة الصدر"
            assert start == EMOJI.index("مدينة") + 1  # one more than the code-point offset


def test_label_studio_export_reads_with_label_studio_converter(project, tmp_path):
    from label_studio_converter import Converter

    out = tmp_path / "tasks.json"
    export_to_path(project, "labelstudio", out)
    config = (tmp_path / "tasks.label_config.xml").read_text(encoding="utf-8")
    Converter(config=config, project_dir=None).convert_to_json_min(str(out), str(tmp_path / "min"), is_dir=False)
    records = json.loads((tmp_path / "min" / "result.json").read_text(encoding="utf-8"))
    regions = [(region["start"], region["end"], region["text"], tuple(region["labels"]))
               for r in records for region in r.get("label", [])]
    reference = next(r["text"] for r in records if r["text"].startswith("أعلن"))
    at = reference.index("للجزيرة") + 2
    assert (at, at + 5, "جزيرة", ("place",)) in regions
    assert len(regions) == len(spans_of(project))
    # The converter reads annotators from completed_by, which Label Studio ties to its own
    # accounts: ours are in each region's meta (tests/formats/test_labelstudio_server.py
    # checks that Label Studio itself keeps them).
    tasks = json.loads(out.read_text(encoding="utf-8"))
    assert {r["meta"]["annotator"] for t in tasks for a in t["annotations"] for r in a["result"]} == {"alice", "bob"}


def test_brat_export_reads_with_bratly_and_keeps_offsets_on_lf_text(project, tmp_path):
    from bratly import AnnotationCollection, Document, EntityAnnotation, NoteAnnotation

    out = tmp_path / "brat"
    export_to_path(project, "brat", out)
    entities = 0
    for txt in sorted(out.glob("*.txt")):
        assert b"\r" not in txt.read_bytes()
        lines = txt.with_suffix(".ann").read_text(encoding="utf-8").splitlines()
        parsed: dict = {}
        for line in lines:  # bratly's grammar: it raises on any malformed line
            if line.startswith("T"):
                entity = EntityAnnotation.from_line(line)
                parsed[entity.id] = entity
            else:
                NoteAnnotation.from_line(line, parsed)
        entities += len(parsed)
        document = Document(fullpath=str(txt), text=txt.read_text(encoding="utf-8"),
                            annotation_collections=[AnnotationCollection(annotations=list(parsed.values()))])
        assert document.check_ann_compatibility_with_txt()  # every mention matches the text at its offsets
    assert entities == len(spans_of(project))


# -- CSV ----------------------------------------------------------------------------------


def test_csv_reads_with_pandas_and_imports_back(project, tmp_path, source):
    import pandas

    out = tmp_path / "spans.csv"
    assert export_to_path(project, "csv", out) == len(spans_of(project))
    frame = pandas.read_csv(out, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert list(frame.columns)[:6] == ["document_id", "document_title", "span_id", "start", "end", "label"]
    assert "جزيرة" in set(frame["text"])
    with out.open(encoding="utf-8-sig", newline="") as stream:
        assert len(list(csv.DictReader(stream))) == len(frame)
    # Into a project that holds the same articles (no spans), the CSV brings every span back.
    bare = tmp_path / "bare.jsonl"
    bare.write_text("".join(json.dumps({"text": json.loads(line)["text"]}, ensure_ascii=False) + "\n"
                            for line in source.read_text(encoding="utf-8").splitlines()), encoding="utf-8")
    with Store.open(tmp_path / "csv-back.db") as back:
        import_paths(back, [bare], annotator="x")
        import_paths(back, [out], annotator="x")
        assert spans_of(back) == spans_of(project)


# -- token formats -----------------------------------------------------------------------


def read_conll(path):
    sentences, current = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if current:
                sentences.append(current)
            current = []
        elif not line.startswith("-DOCSTART-"):
            current.append(line.split(" "))
    if current:
        sentences.append(current)
    return sentences


@pytest.mark.parametrize("scheme, seqeval_scheme", [("iob2", "IOB2"), ("bilou", "BILOU")])
def test_conll_tags_are_valid_for_seqeval_strict_mode(project, tmp_path, scheme, seqeval_scheme):
    from seqeval import scheme as schemes
    from seqeval.metrics import f1_score

    out = tmp_path / "out.conll"
    report = AlignmentReport()
    export_to_path(project, "conll", out, ExportOptions(tags=TagOptions(scheme=scheme, flat=True)), report)
    sentences = read_conll(out)
    tags = [[fields[1] for fields in sentence] for sentence in sentences]
    assert all(len(fields) == 2 for sentence in sentences for fields in sentence)
    # Strict mode drops any entity that breaks the scheme: nothing may be lost.
    assert f1_score(tags, tags, mode="strict", scheme=getattr(schemes, seqeval_scheme)) == 1.0
    flat_tags = [t for sentence in tags for t in sentence]
    assert not any(t.startswith("I-") and (i == 0 or flat_tags[i - 1] == "O") for i, t in enumerate(flat_tags))
    found = schemes.Entities(tags, getattr(schemes, seqeval_scheme)).entities  # the strict-mode reader
    words = {" ".join(f[0] for f in sentences[e.sent_id][e.start:e.end]) for sentence in found for e in sentence}
    assert {"قصفت", "سوريا", "صباح الخميس", "مركز الإعلام الأمني العراقي", "كَتَبَ", "36 قتيلا"} <= words
    # The sub-word span was widened to its token, and said so.
    assert "للجزيرة" in words
    assert any(s.text == "جزيرة" for s, _, _ in report.widened)


def test_conll_nested_columns_and_strict_mode(project, tmp_path):
    out = tmp_path / "nested.conll"
    export_to_path(project, "conll", out)
    rows = {fields[0]: fields[1:] for sentence in read_conll(out) for fields in sentence}
    assert rows["الإعلام"] == ["I-source", "B-place"]  # the nested span in a second column
    assert rows["مركز"] == ["B-source"]  # trailing O columns left out, as in Wojood
    with pytest.raises(AlignmentError, match="token edges"):
        export_to_path(project, "conll", tmp_path / "strict.conll", ExportOptions(tags=TagOptions(strict=True)))
    assert not (tmp_path / "strict.conll").exists()


def test_conll_round_trip_through_annotator_is_stable(project, tmp_path):
    first = tmp_path / "first.conll"
    export_to_path(project, "conll", first)
    with Store.open(tmp_path / "conll-back.db") as back:
        import_paths(back, [first], annotator="x")
        export_to_path(back, "conll", tmp_path / "second.conll")
    assert (tmp_path / "second.conll").read_text(encoding="utf-8") == first.read_text(encoding="utf-8")


def test_wojood_sample_imports_with_nested_columns_and_exports_the_same_tags(tmp_path):
    with Store.open(tmp_path / "wojood.db") as store:
        report = import_paths(store, [WOJOOD / "train.txt", WOJOOD / "val.txt", WOJOOD / "test.txt"],
                              annotator="wojood", add_labels=True)
        assert report.documents_added > 500
        assert {"GPE", "ORG", "EVENT", "DATE"} <= store.label_names()
        nested = sum(1 for _, spans in store.iter_documents_with_spans() for s in spans if s.attrs.get("layer"))
        assert nested > 100
        for name in ("train", "val", "test"):
            with Store.open(tmp_path / f"{name}.db") as one:
                import_paths(one, [WOJOOD / f"{name}.txt"], annotator="wojood", add_labels=True)
                export_to_path(one, "conll", tmp_path / f"{name}.conll")
            original = [line for line in (WOJOOD / f"{name}.txt").read_text(encoding="utf-8").splitlines()
                        if line.strip() and not line.startswith("$#$")]
            exported = [line for line in (tmp_path / f"{name}.conll").read_text(encoding="utf-8").splitlines()
                        if line.strip() and not line.startswith("$#$")]
            assert len(exported) == len(original)
            differ = [(a, b) for a, b in zip(original, exported) if a != b]
            # The only changes: an entity the corpus starts with I- is written B-, as IOB2 requires.
            assert all(a.split()[0] == b.split()[0] and a.replace(" I-", " B-", 1) == b for a, b in differ), differ[:3]
            assert len(differ) <= 2


def test_spacy_docbin_loads_in_spacy(project, tmp_path):
    import spacy
    from spacy.tokens import DocBin

    out = tmp_path / "train.spacy"
    report = AlignmentReport()
    assert export_to_path(project, "spacy", out, report=report) == 5
    nlp = spacy.blank("ar")
    docs = list(DocBin().from_disk(out).get_docs(nlp.vocab))
    texts = {d.text for d in docs}
    assert texts == {d.text for d, _ in project.iter_documents_with_spans()}
    reference = next(d for d in docs if d.text.startswith("أعلن"))
    assert len(reference.spans["sc"]) == 9
    assert {e.text for e in reference.ents} >= {"مركز الإعلام الأمني العراقي", "صباح الخميس"}
    assert any(s.text == "جزيرة" for s, _, _ in report.widened)
    spans, _ = round_trip(tmp_path, "spacy", out)
    assert ("place", "للجزيرة") in {(s[1], s[4]) for s in spans}


def test_hugging_face_dataset_loads_offline_with_class_labels(project, tmp_path):
    from datasets import ClassLabel, Features, Sequence, Value, load_dataset

    out = tmp_path / "hf.jsonl"
    export_to_path(project, "hf", out)
    names = json.loads((tmp_path / "hf.labels.json").read_text(encoding="utf-8"))
    features = Features({"id": Value("string"), "document_id": Value("int64"),
                         "tokens": Sequence(Value("string")), "ner_tags": Sequence(ClassLabel(names=names))})
    dataset = load_dataset("json", data_files=str(out), features=features, split="train",
                           cache_dir=str(tmp_path / "cache"))
    assert all(len(row["tokens"]) == len(row["ner_tags"]) for row in dataset)
    tags = [names[i] for row in dataset for i in row["ner_tags"]]
    assert "B-source" in tags and "I-casualty" in tags


# -- choosing, splitting ----------------------------------------------------------------


def test_subsets_of_annotators_labels_and_documents(project, tmp_path):
    out = tmp_path / "bob.jsonl"
    export_to_path(project, "jsonl", out, ExportOptions(annotators=["bob"]))
    spans = [s for line in out.read_text(encoding="utf-8").splitlines() for s in json.loads(line)["spans"]]
    assert {s["annotator"] for s in spans} == {"bob"} and len(spans) == 2
    export_to_path(project, "jsonl", out, ExportOptions(labels=["place"], documents=[1]))
    docs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [d["id"] for d in docs] == [1] and {s["label"] for s in docs[0]["spans"]} == {"place"}


def test_split_by_document_is_seeded_and_complete(project, tmp_path):
    ids = list(range(1, 101))
    first = split_documents(ids, (80, 10, 10), seed=7)
    assert first == split_documents(ids, (80, 10, 10), seed=7)
    assert first != split_documents(ids, (80, 10, 10), seed=8)
    assert sorted(first["train"] | first["dev"] | first["test"]) == ids
    assert (len(first["train"]), len(first["dev"]), len(first["test"])) == (80, 10, 10)
    export_to_path(project, "jsonl", tmp_path / "corpus.jsonl", split=(60, 20, 20), seed=1)
    counts = [len((tmp_path / f"corpus-{part}.jsonl").read_text(encoding="utf-8").splitlines())
              for part in ("train", "dev", "test")]
    assert sum(counts) == 5 and counts[0] == 3


# -- bad input ------------------------------------------------------------------------------


def test_bad_conll_line_is_named_or_skipped_and_listed(tmp_path):
    bad = tmp_path / "bad.conll"
    bad.write_text("بغداد B-place\nفي O\nعاصمة\n العراق O\nوالبصرة B-place I-XX-\n", encoding="utf-8")
    with Store.open(tmp_path / "p.db") as store:
        with pytest.raises(FormatError, match=r"bad\.conll:3: expected a token"):
            import_paths(store, [bad], annotator="a")
        assert store.document_count() == 0
        report = import_paths(store, [bad], annotator="a", skip_bad_lines=True)
        assert [line.split(": ")[0] for line in report.skipped] == [f"{bad}:3", f"{bad}:4", f"{bad}:5"]
        assert store.document_count() == 1


def test_brat_annotation_past_the_text_is_refused(tmp_path):
    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / "a.txt").write_text("خبر قصير", encoding="utf-8")
    (folder / "a.ann").write_text("T1\tplace 0 3\tخبر\nT2\tplace 4 40\tقصير\n", encoding="utf-8")
    with Store.open(tmp_path / "p.db") as store:
        with pytest.raises(FormatError, match=r"a\.ann:2: T2: offsets 4 40 point past the end"):
            import_paths(store, [folder], annotator="a")
        assert store.document_count() == 0


def test_doccano_offset_inside_an_emoji_is_refused(tmp_path):
    bad = tmp_path / "d.jsonl"
    at = EMOJI.index("💥") + 1  # the low surrogate
    bad.write_text(json.dumps({"text": EMOJI, "label": [[0, at, "event"]]}, ensure_ascii=False) + "\n",
                   encoding="utf-8")
    with Store.open(tmp_path / "p.db") as store:
        with pytest.raises(FormatError, match="inside a character"):
            import_paths(store, [bad], annotator="a")

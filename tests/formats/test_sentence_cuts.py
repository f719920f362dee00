"""A sentence never cuts a span in the CoNLL and Hugging Face exports (issue 11, item 1).

Every export is read back with seqeval's strict IOB2 reader (and, for Hugging Face, loaded
with ``datasets``): each span that is not reported dropped comes back as exactly one entity
with its label, on its own edges or on the edges the report says it was widened to.
"""

from __future__ import annotations

import json
import os
import random
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from seqeval.metrics.sequence_labeling import get_entities
from seqeval.scheme import IOB2, Entities

from annotator.cli import main
from annotator.formats.conll import TagOptions
from annotator.formats.exporting import ExportOptions, export_to_path
from annotator.formats.importer import import_paths
from annotator.formats.tagging import AlignmentReport
from annotator.store import Store
from tests.arabic_samples import CRLF, DIACRITICS, EMOJI
from tests.formats.test_import_export import write_jsonl

os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

LABELS = ("event", "place", "date", "casualty", "source")
REPRODUCTION = {"text": "قتل 2.5 ألف شخص حسب أ.ف.ب",
                "spans": [{"start": 4, "end": 15, "label": "casualty"}, {"start": 20, "end": 25, "label": "source"}]}


def test_the_reported_round_trip_gives_back_two_spans(tmp_path, capsys):
    source = write_jsonl(tmp_path / "r1.jsonl", [REPRODUCTION])
    out = tmp_path / "r1.conll"
    assert main(["import", "--db", str(tmp_path / "r1.db"), str(source)]) == 0
    assert main(["export", "--db", str(tmp_path / "r1.db"), "--format", "conll", "--out", str(out)]) == 0
    assert main(["import", "--db", str(tmp_path / "r1b.db"), str(out)]) == 0
    with Store.open(tmp_path / "r1b.db") as back:
        ((document, spans),) = list(back.iter_documents_with_spans())
    assert document.text == REPRODUCTION["text"]
    assert sorted((s.label, s.text) for s in spans) == [("casualty", "2.5 ألف شخص"), ("source", "أ.ف.ب")]


def test_a_span_over_a_line_break_keeps_its_sentence_whole_and_is_listed(tmp_path, capsys):
    text = "قتل 2.5\r\nألف شخص. وقال المصدر إن القصف استمر"
    doc = {"text": text, "spans": [{"start": 4, "end": 16, "label": "casualty"},  # over the CRLF
                                   {"start": 13, "end": 26, "label": "event"}]}  # over the full stop
    db = tmp_path / "lines.db"
    assert main(["import", "--db", str(db), str(write_jsonl(tmp_path / "lines.jsonl", [doc]))]) == 0
    out = tmp_path / "lines.conll"
    assert main(["export", "--db", str(db), "--format", "conll", "--out", str(out), "--verbose"]) == 0
    err = capsys.readouterr().err
    assert "1 kept whole over a line break" in err and "casualty 4-16" in err
    sentences = read_conll(out)[0]
    assert len(sentences) == 1  # both breaks inside a span: one sentence
    assert [f[1:] for f in sentences[0][:6]] == [["O"], ["B-casualty"], ["I-casualty"], ["I-casualty", "B-event"],
                                                  ["O", "I-event"], ["O", "I-event"]]


# -- reading the exports back --------------------------------------------------------------


def read_conll(path: Path) -> list[list[list[list[str]]]]:
    """Documents, each a list of sentences, each a list of ``[token, tag, ...]`` rows."""
    documents: list[list[list[list[str]]]] = []
    sentence: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.startswith("-DOCSTART-"):
            documents.append([])
        elif not line.strip():
            if sentence:
                documents[-1].append(sentence)
            sentence = []
        else:
            sentence.append(line.split(" "))
    if sentence:
        documents[-1].append(sentence)
    return documents


def token_offsets(text: str, tokens: list[str]) -> list[tuple[int, int]]:
    """Each exported token found in the text in order: our tokenizer is not consulted."""
    offsets, at = [], 0
    for token in tokens:
        at = text.index(token, at)
        offsets.append((at, at + len(token)))
        at += len(token)
    return offsets


def strict_entities(sentences: list[list[str]], offsets: list[tuple[int, int]]) -> list[tuple[str, int, int]]:
    """Entities as seqeval's strict IOB2 reader sees them, in character offsets; the lenient
    (conlleval) reader must see the same ones, or an entity began with I-."""
    found, base = [], 0
    for tags, entities in zip(sentences, Entities(sentences, IOB2).entities):
        assert not tags or not tags[0].startswith("I-"), "a sentence begins inside an entity"
        lenient = get_entities(tags)
        assert sorted((e.tag, e.start, e.end - 1) for e in entities) == sorted(lenient), tags
        found += [(e.tag, offsets[base + e.start][0], offsets[base + e.end - 1][1]) for e in entities]
        base += len(tags)
    return found


def conll_entities(path: Path, texts: list[str]) -> list[tuple[int, str, int, int]]:
    documents = read_conll(path)
    assert len(documents) == len(texts)
    found = []
    for number, (text, sentences) in enumerate(zip(texts, documents), start=1):
        offsets = token_offsets(text, [row[0] for sentence in sentences for row in sentence])
        depth = max(len(row) - 1 for sentence in sentences for row in sentence)
        for column in range(1, depth + 1):
            tags = [[row[column] if column < len(row) else "O" for row in sentence] for sentence in sentences]
            found += [(number, *entity) for entity in strict_entities(tags, offsets)]
    return found


def hf_entities(rows: list[dict], names: list[str] | None, texts: list[str]) -> list[tuple[int, str, int, int]]:
    by_document: dict[int, list[dict]] = {}
    for row in rows:
        assert len(row["tokens"]) == len(row["ner_tags"])
        by_document.setdefault(row["document_id"], []).append(row)
    found = []
    for number, document_rows in sorted(by_document.items()):
        sentences = [[names[t] if names else t for t in row["ner_tags"]] for row in document_rows]
        offsets = token_offsets(texts[number - 1], [t for row in document_rows for t in row["tokens"]])
        found += [(number, *entity) for entity in strict_entities(sentences, offsets)]
    return found


def expected_entities(store: Store, report: AlignmentReport) -> set[tuple[int, str, int, int]]:
    """Every stored span on its edges, or on the edges the report says it was widened to;
    less the spans reported dropped."""
    widened = {(s.document_id, s.label, s.start, s.end): (a, b) for s, a, b in report.widened}
    dropped = {(s.document_id, s.label, s.start, s.end) for s, _ in report.dropped}
    expected = set()
    for document, spans in store.iter_documents_with_spans():
        for s in spans:
            key = (document.id, s.label, s.start, s.end)
            a, b = widened.get(key, (s.start, s.end))
            if key not in dropped and (document.id, s.label, a, b) not in dropped:
                expected.add((document.id, s.label, a, b))
    return expected


def check_conll_and_hf(store: Store, folder: Path, texts: list[str], load_with_datasets: bool = False) -> int:
    report = AlignmentReport()
    export_to_path(store, "conll", folder / "out.conll", report=report)
    found = conll_entities(folder / "out.conll", texts)
    assert len(found) == len(set(found))  # exactly one entity per span
    assert set(found) == expected_entities(store, report)

    flat = AlignmentReport()
    export_to_path(store, "hf", folder / "hf.jsonl", ExportOptions(tags=TagOptions(flat=True)), flat)
    names = json.loads((folder / "hf.labels.json").read_text(encoding="utf-8"))
    if load_with_datasets:
        from datasets import ClassLabel, Features, Sequence, Value, load_dataset

        features = Features({"id": Value("string"), "document_id": Value("int64"),
                             "tokens": Sequence(Value("string")), "ner_tags": Sequence(ClassLabel(names=names))})
        rows = list(load_dataset("json", data_files=str(folder / "hf.jsonl"), features=features, split="train",
                                 cache_dir=str(folder / "cache")))
        found = hf_entities(rows, names, texts)
    else:
        rows = [json.loads(line) for line in (folder / "hf.jsonl").read_text(encoding="utf-8").splitlines()]
        found = hf_entities(rows, None, texts)
    assert len(found) == len(set(found))
    assert set(found) == expected_entities(store, flat)
    return len(found)


# -- any text, any spans ---------------------------------------------------------------------

PIECES = ["قتل", "مدينة", "الصدر", "للجزيرة", "وقال", "2.5", "١٥٫٧", "15.7.2015", "1,000", "أ.ف.ب", "(أ.ف.ب)",
          "د.محمد", "U.S.", "https://www.example.com/a.b?x=1", "www.aljazeera.net", "ali.x@mail.co.uk",
          ".", "...", "!", "؟", "،", "«", "»", ":", "٣٦", "💥", "كَتَبَ"]
GAPS = [" ", " ", " ", "", "\n", "\r\n", "\n\n", ". ", ".\n"]


@st.composite
def documents(draw, reference: str):
    texts = []
    for _ in range(draw(st.integers(1, 4))):
        if draw(st.booleans()):
            start = draw(st.integers(0, len(reference) - 400))
            text = reference[start:start + draw(st.integers(40, 400))]
        else:
            parts = draw(st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(GAPS)), min_size=1, max_size=30))
            text = "".join(p + g for p, g in parts)
        if not re.search(r"\w", text):
            text += " قتل"
        spans = []
        for _ in range(draw(st.integers(0, 12))):
            a = draw(st.integers(0, len(text) - 1))
            b = draw(st.integers(a + 1, min(len(text), a + 80)))
            if text[a:b].strip():
                spans.append({"start": a, "end": b, "label": draw(st.sampled_from(LABELS)),
                              "annotator": draw(st.sampled_from(["alice", "bob"]))})
        texts.append({"text": text, "spans": spans})
    return texts


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                               HealthCheck.too_slow])
@given(data=st.data())
def test_every_span_comes_back_as_one_entity_for_any_text(data, reference_text):
    docs = data.draw(documents(reference_text))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with Store.open(folder / "p.db") as store:
            import_paths(store, [write_jsonl(folder / "in.jsonl", docs)], annotator="alice")
            texts = [d.text for d, _ in store.iter_documents_with_spans()]
            check_conll_and_hf(store, folder, texts)


def test_random_spans_on_many_articles_survive_and_load_in_datasets(tmp_path, reference_text):
    """Like the 500 articles of the report: slices of the reference article and tricky texts,
    random spans (any edges, across dots, digits and line breaks)."""
    rng = random.Random(11)
    docs = []
    for n in range(300):
        if n % 3:
            start = rng.randrange(0, len(reference_text) - 900)
            text = f"{n} " + reference_text[start:start + rng.randrange(200, 900)]
        else:
            text = "".join(rng.choice(PIECES) + rng.choice(GAPS) for _ in range(40))
            text += rng.choice((EMOJI, CRLF, DIACRITICS))
        spans = []
        for _ in range(8):
            a = rng.randrange(0, len(text) - 1)
            b = rng.randrange(a + 1, min(len(text), a + 60) + 1)
            if text[a:b].strip():
                spans.append({"start": a, "end": b, "label": rng.choice(LABELS)})
        docs.append({"text": text, "title": f"doc {n}", "spans": spans})
    with Store.open(tmp_path / "many.db") as store:
        import_paths(store, [write_jsonl(tmp_path / "many.jsonl", docs)], annotator="alice")
        texts = [d.text for d, _ in store.iter_documents_with_spans()]
        assert check_conll_and_hf(store, tmp_path, texts, load_with_datasets=True) > 1500

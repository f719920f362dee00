"""spaCy DocBin exports of large documents and large corpora (issue 11): a document over
spaCy's 1,000,000-character limit is exported, and a corpus past the shard size is written
as a folder of DocBins that spaCy's own training reader reads back whole."""

from __future__ import annotations

import re
import unicodedata

import pytest
import spacy  # a base dependency: DocBin export is a command of the base install
from spacy.tokens import DocBin
from spacy.training import Corpus

from annotator.cli import main
from annotator.formats.exporting import ExportOptions, export_to_path
from annotator.formats.importer import import_paths
from annotator.formats.records import FormatError
from annotator.formats.tagging import AlignmentReport
from annotator.store import Store
from tests.formats.test_import_export import write_jsonl

LABELS = ("event", "place", "date", "casualty", "source")


def word_spans(text: str, every: int, offset: int = 0) -> list[dict]:
    """Every ``every``-th word as a span: on token edges, so spaCy keeps each as it is."""
    words = [m.span() for m in re.finditer(r"\S+", text)
             if all(c.isalpha() or unicodedata.category(c) == "Mn" for c in m.group())]
    return [{"start": a, "end": b, "label": LABELS[(i // every) % len(LABELS)]}
            for i, (a, b) in enumerate(words) if i % every == offset]


def test_a_document_over_a_million_characters_exports_and_reads_back(tmp_path, reference_text, capsys):
    text = "\n".join([reference_text] * (1_000_000 // len(reference_text) + 2))
    assert len(text) > 1_000_000
    spans = word_spans(text, 997)
    db = tmp_path / "long.db"
    source = write_jsonl(tmp_path / "long.jsonl", [{"text": text, "spans": spans}])
    assert main(["import", "--db", str(db), str(source)]) == 0
    out = tmp_path / "long.spacy"
    assert main(["export", "--db", str(db), "--format", "spacy", "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert "over spaCy's nlp.max_length of 1,000,000: exported whole" in err and "Traceback" not in err
    (doc,) = DocBin().from_disk(out).get_docs(spacy.blank("ar").vocab)
    assert doc.text == text
    assert sorted((s.start_char, s.end_char, s.label_) for s in doc.spans["sc"]) == sorted(
        (s["start"], s["end"], s["label"]) for s in spans)


@pytest.fixture
def corpus(tmp_path, reference_text):
    """40 documents (slices of the reference article), each with spans on whole words."""
    docs = []
    for n in range(40):
        text = f"{n} " + reference_text[n * 40:n * 40 + 600]
        docs.append({"text": text, "title": f"doc {n}", "spans": word_spans(text, 7, n % 7)})
    with Store.open(tmp_path / "corpus.db") as store:
        import_paths(store, [write_jsonl(tmp_path / "corpus.jsonl", docs)], annotator="alice")
        yield store


def stored(store: Store) -> dict[str, set[tuple[int, int, str]]]:
    return {d.text: {(s.start, s.end, s.label) for s in spans} for d, spans in store.iter_documents_with_spans()}


def read_by_spacy(path) -> dict[str, set[tuple[int, int, str]]]:
    """What ``spacy train`` reads: spaCy's Corpus over the file or folder."""
    nlp = spacy.blank("ar")
    examples = list(Corpus(str(path))(nlp))
    found = {e.reference.text: {(s.start_char, s.end_char, s.label_) for s in e.reference.spans["sc"]}
             for e in examples}
    assert len(found) == len(examples)
    return found


def test_a_large_corpus_is_a_folder_of_shards_that_spacy_reads_whole(corpus, tmp_path):
    out = tmp_path / "train.spacy"
    report = AlignmentReport()
    assert export_to_path(corpus, "spacy", out, ExportOptions(docbin_shard_tokens=1_000), report) == 40
    assert out.is_dir()
    shards = sorted(p.name for p in out.iterdir())
    assert len(shards) > 3 and shards[0] == "00001.spacy" and all(re.fullmatch(r"\d{5}\.spacy", s) for s in shards)
    assert any(f"folder of {len(shards)} DocBin shards" in note for note in report.notes)
    assert read_by_spacy(out) == stored(corpus)
    # Annotator reads the folder back too.
    with Store.open(tmp_path / "back.db") as back:
        import_paths(back, [out], annotator="x")
        assert stored(back) == stored(corpus)


def test_a_small_corpus_stays_one_file_and_re_exports_replace_each_other(corpus, tmp_path, capsys):
    out = tmp_path / "train.spacy"
    export_to_path(corpus, "spacy", out, ExportOptions(docbin_shard_tokens=1_000))
    many = len(list(out.iterdir()))
    export_to_path(corpus, "spacy", out, ExportOptions(docbin_shard_tokens=3_000))  # fewer shards: none stale
    assert 1 < len(list(out.iterdir())) < many
    assert read_by_spacy(out) == stored(corpus)
    report = AlignmentReport()
    export_to_path(corpus, "spacy", out, report=report)  # the default size: one file where the folder was
    assert out.is_file() and not report.notes
    assert read_by_spacy(out) == stored(corpus)
    # From the command line, a shard folder is a valid --out; a folder of other things is not touched.
    export_to_path(corpus, "spacy", out, ExportOptions(docbin_shard_tokens=1_000))
    db = tmp_path / "corpus.db"
    assert main(["export", "--db", str(db), "--format", "spacy", "--out", str(out)]) == 0
    assert out.is_file()
    other = tmp_path / "mine"
    other.mkdir()
    (other / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(FormatError, match="holds other files"):
        export_to_path(corpus, "spacy", other, ExportOptions(docbin_shard_tokens=1_000))
    assert [p.name for p in other.iterdir()] == ["notes.txt"]

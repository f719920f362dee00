"""The format registry: one declaration per format, from which everything else is built."""

from __future__ import annotations

import ast
import json
import re
import tokenize
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pytest

from annotator.cli import build_parser, main
from annotator.formats import registry
from annotator.formats.detection import detect_format, sniff_content
from annotator.formats.importer import collect, import_paths
from annotator.formats.records import DocumentRecord, FormatError, SpanRecord
from annotator.formats.spec import FileFormat, ImportSource, Target
from annotator.store import OpenMode, open_store

REPO = Path(__file__).resolve().parents[2]


# -- the README's table ------------------------------------------------------------

def _readme_rows() -> dict[str, dict[str, str]]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("### Formats", 1)[1]
    rows = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 6 and cells[0].startswith("`") and cells[0] != "`--format`":
            name, _title, suffixes, can_import, can_export, offsets = cells
            rows[name.strip("`")] = {"suffixes": " ".join(s.strip("`") for s in suffixes.split()),
                                     "import": can_import, "export": can_export, "offsets": offsets}
    return rows


def _registry_rows() -> dict[str, dict[str, str]]:
    return {fmt.name: {"suffixes": " ".join(fmt.suffixes), "import": "yes" if fmt.can_import else "no",
                       "export": "yes" if fmt.can_export else "no", "offsets": fmt.offsets}
            for fmt in registry.FORMATS.values()}


def test_the_readme_table_lists_the_registry():
    readme, declared = _readme_rows(), _registry_rows()
    assert list(readme) == list(declared), "README's formats table and the registry name different formats"
    assert readme == declared


def test_the_table_check_catches_a_difference(monkeypatch):
    """Without a README row, a newly registered format makes the check fail."""
    monkeypatch.setattr(registry, "FORMATS", {**registry.FORMATS, "toy": TOY})
    with pytest.raises(AssertionError):
        test_the_readme_table_lists_the_registry()


# -- a toy format: one module (here, these lines) and one registry line ----------------

def _toy_read(source: ImportSource) -> Iterator[DocumentRecord]:
    """``TEXT<TAB>START-END:LABEL ...``, one document a line."""
    with source.text_stream() as stream:
        for number, line in enumerate(stream, start=1):
            text, _, marks = line.rstrip("\n").partition("\t")
            spans = []
            for mark in marks.split():
                edges, _, label = mark.partition(":")
                start, _, end = edges.partition("-")
                spans.append(SpanRecord(int(start), int(end), label))
            yield DocumentRecord(text=text, spans=spans, line=number)


def _toy_write(items, stream: IO[str], _context) -> int:
    count = 0
    for document, spans in items:
        marks = " ".join(f"{s.start}-{s.end}:{s.label}" for s in spans)
        stream.write(f"{document.text}\t{marks}\n")
        count += 1
    return count


TOY = FileFormat("toy", "Toy lines", (".toy",), Target.STREAM, "code points", read=_toy_read, write=_toy_write,
                 sniff=lambda head: head.startswith("TOY"), sniff_rank=0)


@pytest.fixture
def toy():
    registry.register(TOY)
    yield TOY
    del registry.FORMATS[TOY.name]


def _choices(command: str) -> list[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command").choices[command]
    return list(next(a for a in sub._actions if a.dest == "format").choices)


def test_the_command_line_offers_every_registered_format():
    assert _choices("import") == ["auto", "text", "jsonl", "csv", "conll", "spacy", "doccano", "labelstudio", "brat"]
    assert _choices("export") == ["jsonl", "csv", "conll", "spacy", "hf", "doccano", "labelstudio", "brat", "events"]


def test_a_registered_format_is_imported_exported_and_offered(toy, tmp_path, capsys):
    assert "toy" in _choices("import") and "toy" in _choices("export")
    assert "toy: Toy lines" in build_parser()._subparsers._group_actions[0].choices["export"].format_help()
    source = tmp_path / "news.toy"
    source.write_text("قتل ثلاثة في حلب\t13-16:place\n", encoding="utf-8")
    assert detect_format(source) == "toy"
    db = tmp_path / "p.db"
    assert main(["import", "--db", str(db), "--add-labels", str(source)]) == 0
    out = tmp_path / "out.toy"
    assert main(["export", "--db", str(db), "--format", "toy", "--out", str(out)]) == 0
    assert "exported 1 document(s) as toy" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == source.read_text(encoding="utf-8")
    with open_store(db, OpenMode.READ) as store:
        (span,) = [s for _, spans in store.iter_documents_with_spans(None) for s in spans]
    assert (span.text, span.label) == ("حلب", "place")


def test_registering_a_taken_name_is_refused():
    with pytest.raises(ValueError, match="already registered"):
        registry.register(registry.FORMATS["conll"])


# -- auto-detection, as it was before the registry -------------------------------

JSON_LINE = json.dumps({"text": "نص", "spans": []}, ensure_ascii=False)
DOCCANO_LINE = json.dumps({"text": "نص", "label": [[0, 2, "place"]]}, ensure_ascii=False)
HF_LINE = json.dumps({"tokens": ["نص"], "ner_tags": [0]})
CONLL = "قتل O\nفي O\nحلب B-place\n"
CSV = "document_id,start,end,label\n1,0,2,place\n"
LONG_DOCCANO = json.dumps({"text": "خبر " * 40_000, "label": []}, ensure_ascii=False)  # past the 64 KiB sniffed


@pytest.mark.parametrize(("name", "content", "expected"), [
    ("a.txt", "خبر عاجل", "text"),
    ("a.txt", CONLL, "conll"),
    ("a.txt", JSON_LINE, "text"),  # a .txt is an article or CoNLL, never JSON
    ("a.jsonl", JSON_LINE, "jsonl"),
    ("a.jsonl", "\n\n" + DOCCANO_LINE, "doccano"),
    ("a.jsonl", LONG_DOCCANO, "doccano"),
    ("a.ndjson", DOCCANO_LINE, "doccano"),
    ("a.jsonl", "not json", "jsonl"),  # the reader says what is wrong, with the line
    ("a.jsonl", "", "jsonl"),
    ("a.json", "[]", "labelstudio"),
    ("a.csv", "anything", "csv"),
    ("a.tsv", "anything", "conll"),
    ("a.ann", "", "brat"),
    ("a.spacy", "", "spacy"),
    ("a.md", CONLL, "text"),
    ("noext", "\ufeff" + JSON_LINE, "jsonl"),
    ("noext", DOCCANO_LINE, "doccano"),
    ("noext", "[{}]", "labelstudio"),
    ("noext", CONLL, "conll"),
    ("noext", CSV, "csv"),
    ("noext", "خبر", "text"),
])
def test_detection(tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert detect_format(path) == expected


@pytest.mark.parametrize("name", ["a.jsonl", "a.ndjson", "noext"])
def test_an_export_only_format_is_named_on_import(tmp_path, name):
    path = tmp_path / name
    path.write_text(HF_LINE + "\n", encoding="utf-8")
    with pytest.raises(FormatError, match="Hugging Face token files are export only"):
        detect_format(path)


def test_folders_and_standard_input(tmp_path):
    brat_folder = tmp_path / "brat"
    brat_folder.mkdir()
    (brat_folder / "a.ann").write_text("", encoding="utf-8")
    assert detect_format(brat_folder) == "brat"
    articles = tmp_path / "articles"
    (articles / "deep").mkdir(parents=True)
    (articles / "deep" / "a.txt").write_text("خبر", encoding="utf-8")
    (articles / "b.jsonl").write_text(JSON_LINE, encoding="utf-8")
    (articles / "c.csv").write_text(CSV, encoding="utf-8")  # spans, not articles: not picked up from a folder
    assert [(p.name, kind) for p, kind in collect([articles])] == [("b.jsonl", "jsonl"), ("a.txt", "text")]
    assert sniff_content(CONLL, "-") == "conll"
    with pytest.raises(FormatError, match="a brat import needs files"):
        collect(["-"], "brat", b"")
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(FormatError, match="holds no .txt or .jsonl files"):
        collect([empty])


def test_an_unknown_format_is_refused_in_one_line(tmp_path, store):
    path = tmp_path / "a.txt"
    path.write_text("خبر", encoding="utf-8")
    with pytest.raises(FormatError, match="cannot import the format 'hf'"):
        import_paths(store, [path], "alice", fmt="hf")


# -- format names stay inside annotator/formats ------------------------------------

def test_format_names_appear_only_in_the_formats_package():
    names = set(registry.FORMATS)
    found = []
    for path in sorted((REPO / "annotator").rglob("*.py")):
        if path.is_relative_to(REPO / "annotator" / "formats"):
            continue
        with tokenize.open(path) as source:
            for token in tokenize.generate_tokens(source.readline):
                if token.type == tokenize.STRING and re.fullmatch(r"[rbuRBU]?['\"][a-z]+['\"]", token.string):
                    if ast.literal_eval(token.string) in names:
                        found.append(f"{path.relative_to(REPO)}:{token.start[0]} {token.string}")
    assert found == []


def test_the_html_renderer_is_not_a_format():
    assert not (REPO / "annotator" / "formats" / "html.py").exists()
    assert "html" not in registry.FORMATS

"""Hostile and awkward input through the real command line (issue 11, items 3, 4 and 11):
names and labels that would forge or break a file, duplicate span ids, JSON that crashes a
parser, re-imports that must add nothing. Each bad file exits non-zero with one line that
names the file (and line), no traceback, and leaves the project exactly as it was."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.model import InvalidName, Label
from annotator.formats.csv_table import neutralise, restore
from annotator.formats.importer import import_paths
from annotator.formats.records import escape_label, unescape_label
from annotator.store import Store

ARTICLE = "أعلن مركز الإعلام الأمني العراقي أن طائرات قصفت مواقع في سوريا"
SECOND = "قال مصدر أمني إن سيارة مفخخة انفجرت في بغداد"


def at(text: str, words: str, label: str, annotator: str | None = None, **more) -> dict:
    start = text.index(words)
    found = {"start": start, "end": start + len(words), "label": label, **more}
    if annotator is not None:
        found["annotator"] = annotator
    return found


def write_jsonl(path: Path, *docs: dict) -> Path:
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    return path


def counts(db: Path) -> tuple[int, int, int, int]:
    """Documents, spans, annotators and labels, read with plain sqlite3."""
    with sqlite3.connect(db) as conn:
        return tuple(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                     for table in ("documents", "spans", "annotators", "labels"))


def span_rows(db: Path) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return sorted(conn.execute(
            'SELECT d.text_sha256, s.id, a.name, s.label, s.start, s."end", s.text FROM spans s '
            "JOIN annotators a ON a.id = s.annotator_id JOIN documents d ON d.id = s.document_id"))


@pytest.fixture
def project(tmp_path) -> Path:
    """A project with two articles, a label with a space and annotators with spaces and Arabic names."""
    source = write_jsonl(tmp_path / "source.jsonl",
                         {"text": ARTICLE, "spans": [at(ARTICLE, "طائرات قصفت", "car bomb", "Maha Ali"),
                                                     at(ARTICLE, "سوريا", "place", "مها"),
                                                     at(ARTICLE, "سوريا", "place", "alice")]},
                         {"text": SECOND, "spans": [at(SECOND, "سيارة مفخخة", "car bomb", "مها"),
                                                    at(SECOND, "بغداد", "place", "Maha Ali"),
                                                    at(SECOND, "مصدر أمني", "source", "alice")]})
    db = tmp_path / "project.db"
    assert main(["import", "--db", str(db), "--add-labels", str(source)]) == 0
    return db


def refused(capsys, db: Path, argv: list[str], *words: str) -> str:
    """Run the command, which must fail in one line holding ``words`` and change nothing."""
    before = counts(db)
    capsys.readouterr()
    assert main(argv) != 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    for word in words:
        assert word in err, err
    assert counts(db) == before
    return err


# -- item 11 and item 3: bad names, labels, JSON and ids, refused whole -------------------------

NL_NAME = "alice\nT9\tplace 0 4\tأعلن"
BAD_JSONL = {
    "annotator with a newline (a forged brat line)": (
        {"text": ARTICLE, "spans": [at(ARTICLE, "سوريا", "place", NL_NAME)]}, "control character (U+000A)"),
    "annotator with a tab": ({"text": ARTICLE, "spans": [at(ARTICLE, "سوريا", "place", "ali\tce")]}, "U+0009"),
    "label with a newline": ({"text": ARTICLE, "spans": [at(ARTICLE, "سوريا", "pla\nce")]}, "the label"),
    "annotator with a line separator": ({"text": ARTICLE, "spans": [at(ARTICLE, "سوريا", "place", "a\u2028b")]},
                                        "U+2028"),
}


@pytest.mark.parametrize("case", list(BAD_JSONL))
def test_names_and_labels_with_control_characters_are_refused(project, tmp_path, capsys, case):
    doc, words = BAD_JSONL[case]
    bad = write_jsonl(tmp_path / "bad.jsonl", {"text": SECOND}, doc)
    refused(capsys, project, ["import", "--db", str(project), "--add-labels", str(bad)], "bad.jsonl:2:", words)


def test_a_csv_annotator_with_a_newline_is_refused_with_its_line(project, tmp_path, capsys):
    import csv

    out = tmp_path / "spans.csv"
    with out.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["document_id", "start", "end", "label", "annotator"])
        writer.writerow([1, ARTICLE.index("مواقع"), ARTICLE.index("مواقع") + 5, "place", "alice"])
        writer.writerow([1, 0, 4, "event", NL_NAME])
    refused(capsys, project, ["import", "--db", str(project), str(out)], "spans.csv:3:", "control character")


def lone(text: str) -> str:
    """A JSON line whose strings hold the escape of a lone surrogate."""
    return text.replace("SURROGATE", "\\ud800")


LONE_SURROGATES = {
    "in the text": '{"text": "خبر SURROGATE عاجل"}',
    "in an annotator":
        '{"text": "خبر عاجل", "spans": [{"start": 0, "end": 3, "label": "place", "annotator": "SURROGATE"}]}',
    "in a label": '{"text": "خبر عاجل", "spans": [{"start": 0, "end": 3, "label": "plSURROGATEace"}]}',
    "in a title": '{"text": "خبر عاجل", "title": "SURROGATE"}',
}


@pytest.mark.parametrize("case", list(LONE_SURROGATES))
def test_a_lone_surrogate_is_refused_not_repaired(project, tmp_path, capsys, case):
    bad = tmp_path / "lone.jsonl"
    bad.write_text(json.dumps({"text": SECOND + " ثانية"}) + "\n" + lone(LONE_SURROGATES[case]) + "\n",
                   encoding="utf-8")
    refused(capsys, project, ["import", "--db", str(project), str(bad)], "lone.jsonl:2:", "lone surrogate (U+D800)")


def test_a_proper_surrogate_pair_escape_is_one_character_and_accepted(project, tmp_path, capsys):
    good = tmp_path / "pair.jsonl"
    good.write_text('{"text": "انفجار \\ud83d\\udca5 في بغداد"}\n', encoding="utf-8")
    assert main(["import", "--db", str(project), str(good)]) == 0
    with Store.open(project) as store:
        assert any("💥" in store.document_text(i) for i in store.document_ids())


@pytest.mark.parametrize("name, body", [
    ("deep.jsonl", '{"text": "خبر", "meta": ' + "[" * 100_000 + "]" * 100_000 + "}\n"),
    ("deep-doccano.jsonl", '{"text": "خبر", "label": ' + "[" * 100_000 + "]" * 100_000 + "}\n"),
    ("deep.json", "[" * 100_000 + "]" * 100_000),
])
def test_deeply_nested_json_is_refused_in_one_line(project, tmp_path, capsys, name, body):
    bad = tmp_path / name
    bad.write_text(body, encoding="utf-8")
    refused(capsys, project, ["import", "--db", str(project), str(bad)], name, "nested too deeply")


def test_the_same_span_id_twice_in_one_file_is_refused_naming_the_id(project, tmp_path, capsys):
    twice = [at(ARTICLE, "سوريا", "place", "alice", id="span-1")]
    bad = write_jsonl(tmp_path / "twice.jsonl", {"text": ARTICLE + " أمس", "spans": twice},
                      {"text": ARTICLE + " اليوم", "spans": [at(ARTICLE, "مواقع", "place", "alice", id="span-1")]})
    refused(capsys, project, ["import", "--db", str(project), str(bad)], "twice.jsonl:2:", "span id span-1",
            "already used")


def test_an_id_held_by_another_span_of_the_project_is_refused(project, tmp_path, capsys):
    (held,) = [row[1] for row in span_rows(project) if row[3] == "source"]
    bad = write_jsonl(tmp_path / "taken.jsonl",
                      {"text": ARTICLE, "spans": [at(ARTICLE, "مواقع", "place", "bob", id=held)]})
    refused(capsys, project, ["import", "--db", str(project), str(bad)], "taken.jsonl:1:", f"span id {held}",
            "in this project")


def test_an_annotator_with_surrounding_spaces_is_that_annotator(project, tmp_path, capsys):
    padded = write_jsonl(tmp_path / "padded.jsonl",
                         {"text": ARTICLE, "spans": [at(ARTICLE, "سوريا", "place", " alice ")]})
    before = counts(project)
    assert main(["import", "--db", str(project), str(padded)]) == 0
    err = capsys.readouterr().err
    assert "1 already present" in err and "annotator ' alice ' read as 'alice'" in err
    assert counts(project) == before
    with Store.open(project) as store:
        assert "alice " not in {a.name for a in store.annotators()}


def test_doccano_string_offsets_and_json_messages_read_well(project, tmp_path, capsys):
    bad = write_jsonl(tmp_path / "d.jsonl", {"text": ARTICLE, "label": [["0", "4", "place"]]})
    refused(capsys, project, ["import", "--db", str(project), str(bad)], "d.jsonl:1:", "whole numbers", "'0'")
    broken = tmp_path / "open.jsonl"
    broken.write_text('{"text": "خبر\n', encoding="utf-8")
    err = refused(capsys, project, ["import", "--db", str(project), str(broken)], "open.jsonl:1:", "malformed JSON")
    assert "at at" not in err


@pytest.mark.parametrize("content", [b"", b"   \n\t\n", "\u200f\u200b\n".encode()])
def test_empty_and_blank_text_files_are_refused_alike(project, tmp_path, capsys, content):
    bad = tmp_path / "blank.txt"
    bad.write_bytes(content)
    refused(capsys, project, ["import", "--db", str(project), str(bad)], "blank.txt:",
            "the file holds no text: it is empty, or holds only spaces and invisible characters")


# -- item 3: labels with spaces and names of every script survive every format ---------------

FILE_FORMATS = {"jsonl": "out.jsonl", "csv": "out.csv", "doccano": "doccano.jsonl", "brat": "brat",
                "labelstudio": "tasks.json"}


@pytest.mark.parametrize("fmt", list(FILE_FORMATS))
def test_export_into_its_own_project_adds_nothing_and_into_a_fresh_one_gives_the_same_spans(
        project, tmp_path, capsys, fmt):
    out = tmp_path / FILE_FORMATS[fmt]
    assert main(["export", "--db", str(project), "--format", fmt, "--out", str(out)]) == 0
    before, rows = counts(project), span_rows(project)
    assert main(["import", "--db", str(project), "--annotator", "reviewer", str(out)]) == 0
    assert "0 new span(s)" in capsys.readouterr().err
    assert counts(project) == before and span_rows(project) == rows

    fresh = tmp_path / "fresh.db"
    if fmt == "csv":  # a CSV holds spans, not articles: the articles come first (with no spans)
        bare = write_jsonl(tmp_path / "bare.jsonl", {"text": ARTICLE}, {"text": SECOND})
        assert main(["import", "--db", str(fresh), str(bare)]) == 0
    assert main(["import", "--db", str(fresh), "--add-labels", "--annotator", "reviewer", str(out)]) == 0
    assert span_rows(fresh) == rows  # ids, annotators, labels and offsets, all of them
    assert main(["import", "--db", str(fresh), str(out)]) == 0 and span_rows(fresh) == rows


def test_brat_and_conll_escape_a_spaced_label_reversibly(project, tmp_path):
    from bratly import EntityAnnotation, NoteAnnotation

    folder = tmp_path / "brat"
    assert main(["export", "--db", str(project), "--format", "brat", "--out", str(folder)]) == 0
    for ann in folder.glob("*.ann"):
        parsed: dict = {}
        for line in ann.read_text(encoding="utf-8").splitlines():  # bratly raises on a malformed line
            if line.startswith("T"):
                entity = EntityAnnotation.from_line(line)
                parsed[entity.id] = entity
                assert entity.label in {"car_bomb", "place", "source"}
            else:
                NoteAnnotation.from_line(line, parsed)
    conll = tmp_path / "alice.conll"
    # CoNLL keeps no annotator: one annotator's export comes back to that annotator.
    assert main(["export", "--db", str(project), "--format", "conll", "--annotator", "Maha Ali",
                 "--out", str(conll)]) == 0
    tags = {line.split()[-1] for line in conll.read_text(encoding="utf-8").splitlines() if line.strip()}
    assert {"B-car%20bomb", "I-car%20bomb", "B-place"} <= tags
    assert all(len(line.split()) == 2 for line in conll.read_text(encoding="utf-8").splitlines()
               if line.strip() and not line.startswith("-DOCSTART-"))
    before = counts(project)
    assert main(["import", "--db", str(project), "--annotator", "Maha Ali", str(conll)]) == 0
    assert counts(project) == before  # the texts are single-spaced, so CoNLL gives the same documents back
    with Store.open(tmp_path / "conll-back.db") as back:
        import_paths(back, [conll], annotator="Maha Ali", add_labels=True)
        assert sorted((s.label, s.text) for _, spans in back.iter_documents_with_spans() for s in spans) == \
            [("car bomb", "طائرات قصفت"), ("place", "بغداد")]


def test_label_escaping_reverses_and_leaves_other_percent_signs_alone():
    for label in ("car bomb", "car_bomb", "100%", "a%20b", "tab\there", "nbsp\u00a0x", "مكان عام"):
        assert unescape_label(escape_label(label)) == label
        assert not any(ch.isspace() for ch in escape_label(label))
    assert escape_label("place") == "place" and unescape_label("ORG%41") == "ORG%41"


# -- the store shares the rule -------------------------------------------------------------------


def test_the_store_refuses_bad_names_and_colours(tmp_path):
    with Store.open(tmp_path / "s.db") as store:
        with pytest.raises(InvalidName, match="control character"):
            store.ensure_annotator("bob\nT1")
        assert store.ensure_annotator("  bob ").name == "bob"
        with pytest.raises(InvalidName, match="#rgb or #rrggbb"):
            store.add_label(Label("weapon", 'red"><script>alert(1)</script>'))
        with pytest.raises(InvalidName, match="control character"):
            store.add_label(Label("wea\tpon", "#123456"))
        with pytest.raises(InvalidName, match="#rgb or #rrggbb"):
            store.set_label_color("place", "url(javascript:alert(1))")
        store.set_label_color("place", "#abc")
        assert "weapon" not in store.label_names()


def test_a_merged_label_colour_cannot_inject_markup(project, tmp_path, capsys):
    hostile = tmp_path / "hostile.db"
    with Store.open(hostile) as other:
        other.add_document(ARTICLE + " ثالث")
    with sqlite3.connect(hostile) as conn:  # as an older version, or a hand-edited file, could hold it
        conn.execute("UPDATE labels SET color = ? WHERE name = 'place'", ['#fff"><script>alert(1)</script>'])
        conn.execute("INSERT INTO labels (name, color, key, title_ar, title_en, position) "
                     "VALUES ('weapon', 'x\"><script>alert(2)</script>', '', '', '', 9)")
    refused(capsys, project, ["merge", "--db", str(project), str(hostile)], "hostile.db", "#rgb or #rrggbb")
    # Rendering the hostile project itself escapes what it finds.
    page = tmp_path / "page.html"
    assert main(["render", "--db", str(hostile), "--doc", "1", "--out", str(page)]) == 0
    assert "<script>" not in page.read_text(encoding="utf-8")


# -- CSV: formula neutralisation, reversible ------------------------------------------------------


def test_csv_neutralises_every_text_cell_and_gives_each_back_exactly(tmp_path):
    import pandas

    db = tmp_path / "csv.db"
    text = "=SUM(A1) '=قتلى '+5 ''@x -3 جرحى"
    cells = ["=SUM(A1)", "'=قتلى", "'+5", "''@x", "-3 جرحى"]
    spans = [{**at(text, cell, "place", cell), "id": cell} for cell in cells]
    source = write_jsonl(tmp_path / "f.jsonl", {"text": text, "spans": spans})
    assert main(["import", "--db", str(db), str(source)]) == 0
    out = tmp_path / "f.csv"
    assert main(["export", "--db", str(db), "--format", "csv", "--out", str(out)]) == 0
    frame = pandas.read_csv(out, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    for column in ("span_id", "label", "text", "annotator"):
        assert not any(cell[:1] in ("=", "+", "-", "@") for cell in frame[column]), column
    assert sorted(frame["span_id"]) == sorted(neutralise(c) for c in cells)
    rows = span_rows(db)
    with Store.open(tmp_path / "back.db") as back:
        import_paths(back, [write_jsonl(tmp_path / "bare.jsonl", {"text": text})], annotator="x")
    import_paths_cli = ["import", "--db", str(tmp_path / "back.db"), str(out)]
    assert main(import_paths_cli) == 0
    assert [r[1:] for r in span_rows(tmp_path / "back.db")] == [r[1:] for r in rows]  # ids, texts, annotators exact
    for cell in cells + ["'hello", "", "'", "plain"]:
        assert restore(neutralise(cell)) == cell


# -- brat: CR counted as brat counts it -----------------------------------------------------------


def test_an_external_brat_corpus_with_crlf_and_a_lone_cr_reads_exactly(tmp_path, capsys):
    from bratly import AnnotationCollection, Document, EntityAnnotation

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = "خبر عاجل\r\nقصف في بغداد\rمساء أمس"
    (corpus / "a.txt").write_bytes(text.encode("utf-8"))
    start = text.index("بغداد")
    line = f"T1\tplace {start} {start + 5}\tبغداد"
    (corpus / "a.ann").write_text(line + "\n", encoding="utf-8")
    entity = EntityAnnotation.from_line(line)
    document = Document(fullpath=str(corpus / "a.txt"), text=text,
                        annotation_collections=[AnnotationCollection(annotations=[entity])])
    # bratly's view of the file as brat reads it (CR counted): the mention is where the .ann says.
    counted = document.get_txt_content(untranslated_crlf=True)
    assert counted[entity.fragments[0].start:entity.fragments[0].end] == entity.content
    db = tmp_path / "brat.db"
    assert main(["import", "--db", str(db), str(corpus)]) == 0
    with Store.open(db) as store:
        ((doc, spans),) = list(store.iter_documents_with_spans())
    assert doc.text == text and [(s.start, s.text) for s in spans] == [(start, "بغداد")]
    # And back out: the lone CR stays, the text hash with it.
    out = tmp_path / "out"
    assert main(["export", "--db", str(db), "--format", "brat", "--out", str(out)]) == 0
    assert main(["import", "--db", str(tmp_path / "again.db"), str(out)]) == 0
    with Store.open(tmp_path / "again.db") as again:
        ((back, spans_back),) = list(again.iter_documents_with_spans())
    assert back.text_sha256 == doc.text_sha256 and [(s.start, s.text) for s in spans_back] == [(start, "بغداد")]


# -- standard input and files without an extension ------------------------------------------------


def run_cli(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "annotator", *args], input=stdin, capture_output=True, timeout=120,
                          check=False)


def test_import_dash_reads_standard_input_and_sniffs_its_format(tmp_path):
    db = tmp_path / "stdin.db"
    lines = json.dumps({"text": ARTICLE, "spans": [at(ARTICLE, "سوريا", "place", "alice")]}, ensure_ascii=False)
    done = run_cli("import", "--db", str(db), "-", stdin=lines.encode() + b"\n")
    assert done.returncode == 0, done.stderr.decode()
    conll = "بغداد B-place\nتحت O\nالقصف O\n".encode()
    done = run_cli("import", "--db", str(db), "-", stdin=conll)
    assert done.returncode == 0, done.stderr.decode()
    with Store.open(db) as store:
        texts = sorted(store.document_text(i) for i in store.document_ids())
        assert texts == sorted([ARTICLE, "بغداد تحت القصف"]) and store.stats()["spans"] == 2
    before = counts(db)
    bad = run_cli("import", "--db", str(db), "-", stdin=b'{"text": "x", "spans": 3}\n')
    err = bad.stderr.decode()
    assert bad.returncode != 0 and err.count("\n") == 1 and "<standard input>:1:" in err and "Traceback" not in err
    assert counts(db) == before


def test_an_extensionless_conll_file_is_read_as_conll(tmp_path, capsys):
    corpus = tmp_path / "train"
    corpus.write_text("-DOCSTART- -X- O O\n\nقصف B-event\nفي O\nبغداد B-place\n", encoding="utf-8")
    db = tmp_path / "c.db"
    assert main(["import", "--db", str(db), str(corpus)]) == 0
    with Store.open(db) as store:
        ((doc, spans),) = list(store.iter_documents_with_spans())
    assert doc.text == "قصف في بغداد" and sorted(s.label for s in spans) == ["event", "place"]


def test_brat_keeps_a_spaced_label_apart_from_its_underscored_twin(tmp_path):
    from bratly import EntityAnnotation

    source = write_jsonl(tmp_path / "twins.jsonl", {"text": SECOND, "spans": [
        at(SECOND, "سيارة مفخخة", "car bomb", "alice"), at(SECOND, "بغداد", "car_bomb", "alice"),
        at(SECOND, "مصدر أمني", "50% sure", "alice")]})
    db = tmp_path / "twins.db"
    assert main(["import", "--db", str(db), "--add-labels", str(source)]) == 0
    folder = tmp_path / "brat"
    assert main(["export", "--db", str(db), "--format", "brat", "--out", str(folder)]) == 0
    types = {EntityAnnotation.from_line(line).label
             for line in (folder / "00001.ann").read_text(encoding="utf-8").splitlines() if line.startswith("T")}
    assert len(types) == 3
    assert main(["import", "--db", str(tmp_path / "back.db"), "--add-labels", str(folder)]) == 0
    assert [r[1:] for r in span_rows(tmp_path / "back.db")] == [r[1:] for r in span_rows(db)]

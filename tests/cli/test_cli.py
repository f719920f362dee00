import json
import shutil
import subprocess
import sys
from pathlib import Path

from annotator.cli import main
from annotator.store import Store
from tests.formats.test_import_export import reference_document, write_jsonl


def run(*argv):
    return main([str(a) for a in argv])


def test_help_lists_every_command():
    exe = shutil.which("annotator", path=str(Path(sys.executable).parent))
    out = subprocess.run([exe, "--help"], capture_output=True, text=True, check=True).stdout
    for command in ("gui", "import", "export", "render", "stats"):
        assert command in out


def test_import_stats_export_from_the_command_line(tmp_path, reference_path, reference_text, capsys):
    db = tmp_path / "p.db"
    source = write_jsonl(tmp_path / "ref.jsonl", [reference_document(reference_text)])
    assert run("import", "--db", db, "--annotator", "alice", source) == 0
    assert run("--db", db, "import", reference_path) == 0  # --db before the command works too
    capsys.readouterr()
    assert run("stats", "--db", db, "--json") == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["documents"] == 1 and figures["spans"] == 5
    assert figures["spans_by_annotator"] == {"alice": 5}
    assert run("export", "--db", db, "--format", "jsonl", "--out", "-") == 0
    (line,) = capsys.readouterr().out.splitlines()
    assert json.loads(line)["text"] == reference_text


def test_database_path_from_the_environment(tmp_path, monkeypatch, reference_path):
    monkeypatch.setenv("ANNOTATOR_DB", str(tmp_path / "env.db"))
    assert run("import", reference_path) == 0
    assert (tmp_path / "env.db").exists()


def test_user_mistakes_give_one_line_and_a_nonzero_exit(tmp_path, capsys):
    db = tmp_path / "p.db"
    assert run("import", "--db", db, tmp_path / "missing.txt") == 1
    err = capsys.readouterr().err
    assert "missing.txt: no such file or folder" in err and "Traceback" not in err
    assert not db.exists()  # a refused import into a new path leaves no project behind
    Store.open(db).close()
    assert run("render", "--db", db, "--doc", 42, "--out", tmp_path / "x.png") == 1
    assert "no document with id 42" in capsys.readouterr().err
    (tmp_path / "junk.db").write_bytes(b"\x00" * 100)
    assert run("stats", "--db", tmp_path / "junk.db") == 1
    assert "not an SQLite database" in capsys.readouterr().err


def _blend(hex_color: str, alpha: int) -> tuple[int, int, int]:
    c = [int(hex_color[i:i + 2], 16) for i in (1, 3, 5)]
    return tuple(round(255 + (v - 255) * alpha / 255) for v in c)


def test_render_png_shows_every_label_colour_in_the_article(tmp_path, reference_text, qapp):
    from PySide6.QtGui import QColor, QImage

    from annotator.core.model import DEFAULT_LABELS
    from annotator.ui.highlights import FILL_ALPHA

    db = tmp_path / "p.db"
    source = write_jsonl(tmp_path / "r.jsonl", [reference_document(reference_text)])
    run("import", "--db", db, "--annotator", "alice", source)
    out = tmp_path / "ref.png"
    assert run("render", "--db", db, "--doc", 1, "--out", out) == 0
    image = QImage(str(out))
    assert image.width() == 900 and image.height() > 600
    header = 110  # legend swatches are above this line; tints must appear in the article below it
    seen = set()
    for y in range(header, image.height(), 2):
        for x in range(0, image.width(), 2):
            c = QColor(image.pixel(x, y))
            seen.add((c.red() // 4, c.green() // 4, c.blue() // 4))
    for label in DEFAULT_LABELS:
        r, g, b = _blend(label.color, FILL_ALPHA)
        assert any(abs(r // 4 - a) <= 1 and abs(g // 4 - b2) <= 1 and abs(b // 4 - c) <= 1
                   for a, b2, c in seen), label.name


def test_render_html_is_rtl_and_escaped(tmp_path, reference_text):
    db = tmp_path / "p.db"
    run("import", "--db", db, write_jsonl(tmp_path / "r.jsonl", [reference_document(reference_text)]))
    out = tmp_path / "ref.html"
    assert run("render", "--db", db, "--doc", 1, "--out", out) == 0
    page = out.read_text(encoding="utf-8")
    assert '<html lang="ar" dir="rtl">' in page and page.count("<mark") == 5 and "مركز الإعلام الأمني العراقي" in page


def test_export_every_format_from_the_command_line(tmp_path, reference_text, capsys):
    db = tmp_path / "p.db"
    doc = reference_document(reference_text)
    at = reference_text.index("للجزيرة") + 2
    doc["spans"].append({"start": at, "end": at + 5, "label": "place"})
    run("import", "--db", db, "--annotator", "alice", write_jsonl(tmp_path / "r.jsonl", [doc]))
    outputs = {"jsonl": "a.jsonl", "csv": "a.csv", "conll": "a.conll", "spacy": "a.spacy", "hf": "hf.jsonl",
               "doccano": "d.jsonl", "labelstudio": "ls.json", "brat": "brat"}
    for fmt, name in outputs.items():
        capsys.readouterr()
        assert run("export", "--db", db, "--format", fmt, "--out", tmp_path / name) == 0, fmt
        assert (tmp_path / name).exists()
        if fmt in ("conll", "spacy", "hf"):
            assert "1 span(s) widened to token edges" in capsys.readouterr().err
    assert run("export", "--db", db, "--format", "conll", "--strict", "--out", tmp_path / "s.conll") == 1
    assert "does not fall on token edges" in capsys.readouterr().err
    assert run("export", "--db", db, "--format", "conll", "--verbose", "--out", tmp_path / "v.conll") == 0
    assert "'جزيرة' ->" in capsys.readouterr().err
    # --format auto reads each back into a fresh project.
    for fmt, name in outputs.items():
        if fmt in ("csv", "hf"):
            continue
        assert run("import", "--db", tmp_path / f"{fmt}.db", "--annotator", "bob", tmp_path / name) == 0, fmt
        capsys.readouterr()
        run("stats", "--db", tmp_path / f"{fmt}.db", "--json")
        assert json.loads(capsys.readouterr().out)["spans"] == 6, fmt


def test_import_skip_bad_lines_lists_what_it_skipped(tmp_path, capsys):
    bad = tmp_path / "mixed.jsonl"
    bad.write_text('{"text": "خبر أول"}\n{oops\n'
                   '{"text": "خبر ثان", "spans": [{"start": 0, "end": 99, "label": "place"}]}\n', encoding="utf-8")
    assert run("import", "--db", tmp_path / "p.db", bad) == 1
    assert "mixed.jsonl:2: malformed JSON" in capsys.readouterr().err
    assert run("import", "--db", tmp_path / "p.db", "--skip-bad-lines", bad) == 0
    err = capsys.readouterr().err
    assert "2 new document(s)" in err and "skipped: 2" in err
    assert "mixed.jsonl:2: malformed JSON" in err and "mixed.jsonl:3: span 1" in err


def test_a_reader_that_leaves_early_is_not_an_error(tmp_path, reference_path):
    """``annotator export --format jsonl --out - | head -1``: the pipe closes, the command
    ends quietly with success."""
    db = tmp_path / "p.db"
    assert run("import", "--db", db, reference_path) == 0
    for n in range(30):  # enough documents that the output outgrows the pipe's buffer
        text = reference_path.read_text(encoding="utf-8") + f"\n{n}"
        (tmp_path / f"a{n}.txt").write_text(text, encoding="utf-8")
    assert run("import", "--db", db, *sorted(tmp_path.glob("a*.txt"))) == 0
    reader = subprocess.Popen([sys.executable, "-m", "annotator", "export", "--db", str(db), "--format", "jsonl",
                               "--out", "-"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    reader.stdout.readline()
    reader.stdout.close()
    assert reader.wait(timeout=60) == 0
    assert reader.stderr.read() == b""

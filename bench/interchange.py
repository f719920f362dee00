"""Import and export speed and memory (issue: training data in and out).

- export 10,000 documents x 50 spans to JSON Lines, CSV and CoNLL, each against a bare
  loop over the same database with sqlite3 and json/csv (target: within 2x)
- import 10,000 documents from JSON Lines, against a bare executemany of the same rows
  (target: within 2x)
- peak memory of a JSON Lines export of 10,000 and of 100,000 documents (target: the same)
"""

from __future__ import annotations

import csv
import json
import random
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from bench import REFERENCE, REPO  # noqa: E402

LABELS = ("event", "place", "date", "casualty", "source")
SPANS_PER_DOCUMENT = 50


def corpus(path: Path, documents: int, seed: int = 3) -> None:
    """JSON Lines of ``documents`` distinct articles (a slice of the reference article,
    numbered), each with 50 spans on words."""
    base = REFERENCE.read_text(encoding="utf-8")
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        for n in range(documents):
            start = rng.randrange(0, len(base) - 1200)
            text = f"{n} " + base[start:start + 1100]
            words = [(m.start(), m.end()) for m in re.finditer(r"\w+", text)]
            spans = []
            for a, b in rng.sample(words, min(SPANS_PER_DOCUMENT, len(words))):
                spans.append({"start": a, "end": b, "label": rng.choice(LABELS), "annotator": "bench"})
            out.write(json.dumps({"text": text, "title": f"doc {n}", "spans": spans}, ensure_ascii=False) + "\n")


def project_with_export_time(folder: Path, documents: int) -> tuple[Path, float]:
    """A project of ``documents`` corpus articles, and the best of three JSON Lines exports of it:
    the baseline the normalising and suggesting benchmarks are held to."""
    from annotator.formats.exporting import export_to_path
    from annotator.formats.importer import import_paths
    from annotator.store import Store

    source = folder / "corpus.jsonl"
    corpus(source, documents)
    db = folder / "project.db"
    with Store.open(db) as store:
        import_paths(store, [source], annotator="bench")
    with Store.open(db) as store:
        export = timed(lambda: export_to_path(store, "jsonl", folder / "out.jsonl"), repeat=3)
    return db, export


def timed(fn, repeat: int = 1) -> float:
    """The best of ``repeat`` runs: on a shared two-core machine the minimum is the
    figure least disturbed by other work."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def import_figures(folder: Path, source: Path, repeat: int = 2) -> tuple[float, float]:
    """The best of ``repeat`` imports each way, every one into a new database."""
    from annotator.formats.importer import import_paths
    from annotator.store import Store

    runs = iter(range(2 * repeat))

    def ours():
        with Store.open(folder / f"import-{next(runs)}.db") as store:
            import_paths(store, [source], annotator="bench")

    # The same rows, already in memory, inserted with executemany into the same schema.
    from annotator.core.model import text_sha256

    docs, spans = [], []
    for doc_id, line in enumerate(source.read_text(encoding="utf-8").splitlines(), start=1):
        d = json.loads(line)
        docs.append((doc_id, d["title"], "", d["text"], text_sha256(d["text"]), "{}", "now"))
        spans += [(str(uuid.uuid4()), doc_id, 1, s["label"], s["start"], s["end"], d["text"][s["start"]:s["end"]],
                   "{}", "imported", "now", "now") for s in d["spans"]]
    bare_dbs = []
    for n in range(repeat):
        bare_dbs.append(folder / f"bare-{n}.db")
        with Store.open(bare_dbs[-1]) as store:
            store.ensure_annotator("bench")
    empty = iter(bare_dbs)

    def bare():
        conn = sqlite3.connect(next(empty), isolation_level=None)
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO documents (id, title, source, text, text_sha256, meta, created_at) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?)", docs)
        conn.executemany('INSERT INTO spans (id, document_id, annotator_id, label, start, "end", text, attrs, origin, '
                         "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", spans)
        conn.execute("COMMIT")
        conn.close()

    return timed(ours, repeat), timed(bare, repeat)


def bare_export(db: Path, out: Path, fmt: str) -> None:
    conn = sqlite3.connect(db)
    docs = conn.execute("SELECT id, title, text FROM documents ORDER BY id")
    # Values too: the exports write each span's normalised value, which the import computed.
    span_rows = conn.execute('SELECT s.document_id, s.id, s.start, s."end", s.label, s.text, a.name, s.value, '
                             "s.value_edited FROM spans s JOIN annotators a ON a.id = s.annotator_id "
                             "ORDER BY s.document_id, s.start")
    pending = span_rows.fetchone()
    with out.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream) if fmt == "csv" else None
        for doc_id, title, text in docs:
            spans = []
            while pending is not None and pending[0] == doc_id:
                spans.append(pending)
                pending = span_rows.fetchone()
            if fmt == "jsonl":
                stream.write(json.dumps({"id": doc_id, "title": title, "text": text, "spans": [
                    {"id": s[1], "start": s[2], "end": s[3], "label": s[4], "text": s[5], "annotator": s[6],
                     **({"value": json.loads(s[7])} if s[7] is not None else {})}
                    for s in spans]}, ensure_ascii=False) + "\n")
            elif fmt == "csv":
                writer.writerows([doc_id, title, s[1], s[2], s[3], s[4], s[5], s[6], s[7] or "",
                                  "true" if s[8] else "false"] for s in spans)
            else:  # conll: whitespace tokens, IOB2 tags
                tokens = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
                tags = ["O"] * len(tokens)
                starts = {t[0]: i for i, t in enumerate(tokens)}
                for s in spans:
                    i = starts.get(s[2])
                    if i is not None:
                        tags[i] = f"B-{s[4]}"
                stream.write("".join(f"{text[a:b]} {tag}\n" for (a, b), tag in zip(tokens, tags)) + "\n")
    conn.close()


def export_figures(db: Path, folder: Path) -> dict[str, tuple[float, float]]:
    from annotator.formats.exporting import export_to_path
    from annotator.store import Store

    figures = {}
    with Store.open(db) as store:
        for fmt in ("jsonl", "csv", "conll"):
            ours = timed(lambda: export_to_path(store, fmt, folder / f"ours.{fmt}"), repeat=3)
            bare = timed(lambda: bare_export(db, folder / f"bare.{fmt}", fmt), repeat=3)
            figures[fmt] = (ours, bare)
    return figures


# VmHWM, not ru_maxrss: the latter carries the parent's peak across fork and exec.
PEAK = """
import sys
from pathlib import Path
from annotator.formats.exporting import export_to_path
from annotator.store import Store
with Store.open(sys.argv[1]) as store:
    export_to_path(store, "jsonl", Path(sys.argv[2]))
print(next(l for l in open("/proc/self/status") if l.startswith("VmHWM")).split()[1])
"""


def peak_memory_mib(db: Path, out: Path) -> float:
    done = subprocess.run([sys.executable, "-c", PEAK, str(db), str(out)], check=True, capture_output=True, text=True,
                          cwd=REPO)
    return int(done.stdout.split()[-1]) / 1024


def growth(folder: Path, sizes=(100, 1_000, 10_000)) -> list[dict]:
    """Import and JSON Lines export at growing corpus sizes, per document: the cost per
    document should stay flat as the corpus grows."""
    from annotator.formats.exporting import export_to_path
    from annotator.formats.importer import import_paths
    from annotator.store import Store

    rows = []
    first: dict[str, float] = {}
    for size in sizes:
        source = folder / f"growth-{size}.jsonl"
        corpus(source, size, seed=size)
        with Store.open(folder / f"growth-{size}.db") as store:
            seconds = timed(lambda: import_paths(store, [source], annotator="bench"))
            exported = timed(lambda: export_to_path(store, "jsonl", folder / f"growth-{size}-out.jsonl"))
        for what, total in (("import", seconds), ("export jsonl", exported)):
            per_doc = total / size * 1000
            first.setdefault(what, per_doc)
            rows.append({"figure": f"{what}, {size:,} documents (ms per document)", "value": round(per_doc, 3),
                         "baseline": round(first[what], 3), "ratio": round(per_doc / first[what], 2),
                         "target": "flat as the corpus grows", "baseline_is": f"{what} of {sizes[0]} documents"})
    return rows


def run(large: int = 100_000) -> list[dict]:
    from annotator.formats.importer import import_paths
    from annotator.store import Store

    results = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / "corpus.jsonl"
        corpus(source, 10_000)
        ours, bare = import_figures(folder, source)
        results.append({"figure": "import 10,000 documents x 50 spans (s)", "value": round(ours, 2),
                        "baseline": round(bare, 2), "ratio": round(ours / bare, 2), "target": "ratio <= 2",
                        "baseline_is": "executemany of the same rows, already parsed"})
        for fmt, (ours, bare) in export_figures(folder / "import-0.db", folder).items():
            results.append({"figure": f"export 10,000 documents to {fmt} (s)", "value": round(ours, 2),
                            "baseline": round(bare, 2), "ratio": round(ours / bare, 2), "target": "ratio <= 2",
                            "baseline_is": "sqlite3 + json/csv loop"})
        results += growth(folder)
        small = peak_memory_mib(folder / "import-0.db", folder / "peak-small.jsonl")
        big_source = folder / "big.jsonl"
        corpus(big_source, large, seed=4)
        with Store.open(folder / "big.db") as store:
            import_paths(store, [big_source], annotator="bench")
        big = peak_memory_mib(folder / "big.db", folder / "peak-big.jsonl")
        results.append({"figure": f"peak memory, JSON Lines export of {large:,} documents (MiB)",
                        "value": round(big, 1), "baseline": round(small, 1), "ratio": round(big / small, 2),
                        "target": "the same as 10,000",
                        "baseline_is": "the same export of 10,000 documents"})
    return results


if __name__ == "__main__":
    for row in run(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000):
        print(row)

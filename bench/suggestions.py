"""Rule suggestions (issue 15): precision and recall per label on a gold set judged by hand
(tests/data/suggest-gold: places scored by exact offsets, the other labels by overlap), the time
for one article, and the time to suggest for a 10,000-document project against exporting it to
JSON Lines (the project bench/records.py builds: bench.interchange.corpus)."""

from __future__ import annotations

import json
import tempfile
import time
from datetime import date
from pathlib import Path

from bench.interchange import project_with_export_time, timed

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
GOLD = DATA / "suggest-gold" / "gold.jsonl"  # development: the rules were written looking at these
HELD_OUT = DATA / "suggest-gold" / "held-out.jsonl"  # judged before the rules ever ran on them
# Judged and found to hold none of the five labels: every suggestion there is a false positive.
EMPTY_HELD_OUT = (("wojood-sample/train.txt", 211),)
PUBLISHED = {"articles/000_dd904abe3b3d7368.txt": date(2018, 6, 7)}  # see tests/data/dates-gold/README.md
LABELS = ("event", "place", "date", "casualty", "source")
EXACT = {"place"}


def gold_documents(split: str | None = None) -> dict[tuple[str, int], list[dict]]:
    """Gold spans by (source, document), of one split (development, held-out) or of all; a
    judged document without spans is there with none."""
    by_doc: dict[tuple[str, int], list[dict]] = {}
    if split in (None, "held-out"):
        by_doc.update({key: [] for key in EMPTY_HELD_OUT})
    for path in (GOLD, HELD_OUT):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if split is not None and row["split"] != split:
                continue
            by_doc.setdefault((row["source"], row["doc"]), []).append(row)
    return by_doc


def document_text(source: str, doc: int) -> str:
    path = DATA / source
    if source.startswith("wojood-sample/"):
        docs, current = [], []
        for line in path.read_text(encoding="utf-8").splitlines():
            token = line.split()[0] if line.strip() else ""
            if token == "$#$":
                docs.append(" ".join(current))
                current = []
            elif token:
                current.append(token)
        docs.append(" ".join(current))
        return [d for d in docs if d][doc]
    return path.read_text(encoding="utf-8")


def _matches(gold: tuple[int, int], found: tuple[int, int], exact: bool) -> bool:
    return gold == found if exact else gold[0] < found[1] and found[0] < gold[1]


def scores(split: str | None = None) -> dict[str, dict[str, float]]:
    """label (and "all") -> precision, recall, f1, gold, found: each gold span matched by at most
    one suggestion of its label and each suggestion by at most one gold span (greedy, in text order)."""
    from annotator.suggest.rules import rule_suggestions

    tally = {label: {"tp": 0, "gold": 0, "found": 0} for label in LABELS}
    for (source, doc), rows in gold_documents(split).items():
        text = document_text(source, doc)
        for row in rows:
            assert text[row["start"]:row["end"]] == row["text"], row
        found = rule_suggestions(text, PUBLISHED.get(source))
        for label in LABELS:
            gold = [(r["start"], r["end"]) for r in rows if r["label"] == label]
            mine = [(s.start, s.end) for s in found if s.label == label]
            used: set[int] = set()
            for g in gold:
                hit = next((k for k, m in enumerate(mine) if k not in used and _matches(g, m, label in EXACT)), None)
                if hit is not None:
                    used.add(hit)
            tally[label]["tp"] += len(used)
            tally[label]["gold"] += len(gold)
            tally[label]["found"] += len(mine)
    tally["all"] = {key: sum(t[key] for t in tally.values()) for key in ("tp", "gold", "found")}
    out = {}
    for label, t in tally.items():
        p = t["tp"] / t["found"] if t["found"] else 0.0
        r = t["tp"] / t["gold"] if t["gold"] else 0.0
        out[label] = {"precision": round(p, 3), "recall": round(r, 3),
                      "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0, "gold": t["gold"], "found": t["found"]}
    return out


def article_ms() -> float:
    """One 2,000-character article (the reference article), warm: the best of 20 runs."""
    from annotator.suggest.rules import rule_suggestions

    text = (DATA / "articles" / "000_dd904abe3b3d7368.txt").read_text(encoding="utf-8")
    rule_suggestions(text, date(2018, 6, 7))  # loads the gazetteer once, as a session does
    best = float("inf")
    for n in range(20):
        started = time.perf_counter()
        rule_suggestions(text + " " * (n + 1), date(2018, 6, 7))  # a new text each time: no cache hit on it
        best = min(best, time.perf_counter() - started)
    return best * 1000


def project_rows(documents: int = 10_000) -> list[dict]:
    from annotator.store import Store
    from annotator.suggest.runner import suggest

    with tempfile.TemporaryDirectory() as tmp:
        db, export = project_with_export_time(Path(tmp), documents)
        with Store.open(db) as store:
            took = timed(lambda: suggest(store), repeat=1)
    return [{"figure": f"suggest (rules) for {documents:,} documents, stored (s)", "value": round(took, 2),
             "baseline": round(export, 2), "ratio": round(took / export, 2), "target": "ratio <= 10",
             "baseline_is": "export of the same project to JSON Lines"}]


def run(documents: int = 10_000) -> list[dict]:
    rows = []
    for split in (None, "held-out"):
        rows += _score_rows(scores(split), "all gold" if split is None else split)
    ms = article_ms()
    rows.append({"figure": "rule suggestions, one 2,000-character article (ms)", "value": round(ms, 1),
                 "baseline": 100, "ratio": round(ms / 100, 2), "target": "value < 100 ms", "baseline_is": "the goal"})
    return rows + project_rows(documents)


def _score_rows(measured: dict[str, dict[str, float]], which: str) -> list[dict]:
    return [{"figure": f"rule suggestions {label}, {which}: recall / precision (gold {s['gold']})",
             "value": s["recall"], "baseline": s["precision"], "ratio": s["f1"],
             "target": {"date": "recall >= 0.9", "casualty": "recall >= 0.9", "place": "recall >= 0.8 (exact)",
                        "all": "overlap F1 >= 0.75"}.get(label, "measured"),
             "baseline_is": "value = recall, baseline = precision, ratio = F1"}
            for label, s in measured.items() if s["gold"]]


if __name__ == "__main__":
    for row in run(1_000):
        print(row)

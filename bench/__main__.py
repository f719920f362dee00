"""Run every benchmark, print each figure with its baseline and ratio, and write JSON.

    python -m bench [--quick] [OUT.json]

``--quick`` measures memory at 20,000 documents instead of 100,000 (a few minutes less).
"""

from __future__ import annotations

import json
import os
import platform
import sys
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def machine() -> str:
    cpus = os.cpu_count()
    memory = ""
    try:
        kb = int(next(line for line in open("/proc/meminfo") if line.startswith("MemTotal")).split()[1])
        memory = f", {kb / 2**20:.0f} GiB"
    except (OSError, StopIteration):
        pass
    return f"{platform.system()} {platform.machine()}, {cpus} cores{memory}, Python {platform.python_version()}"


def main() -> int:
    from PySide6 import __version__ as pyside_version

    from bench import effort, events, interchange, learned, records, review, server, suggestions, workspace

    args = [a for a in sys.argv[1:] if a != "--quick"]
    out = Path(args[0] if args else "bench/results/latest.json")
    results = workspace.run()
    results += events.run()
    results += records.run()
    results += learned.run()
    results += suggestions.run(2_000 if "--quick" in sys.argv else 10_000)
    results += effort.run()
    results += review.run()
    results += interchange.run(20_000 if "--quick" in sys.argv else 100_000)
    results += server.run(2_000 if "--quick" in sys.argv else 10_000)  # none, said in one line, without a server
    width = max(len(r["figure"]) for r in results)
    print(f"{'figure':<{width}}  {'value':>9}  {'baseline':>9}  {'ratio':>6}  target")
    for r in results:
        print(f"{r['figure']:<{width}}  {r['value']:>9}  {r['baseline']:>9}  {r['ratio']:>6}  {r['target']}")
    out.parent.mkdir(parents=True, exist_ok=True)
    report = {"when": datetime.now(UTC).isoformat(timespec="seconds"), "machine": machine(),
              "pyside6": pyside_version, "results": results}
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"\n{report['machine']}, PySide6 {pyside_version}; written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

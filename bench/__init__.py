"""Benchmarks and README figures. `make bench` runs them all and prints each figure
with the baseline measured in the same run."""

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# The reference article, read from shared/ beside the repository (never copied into it).
REFERENCE = REPO.parent / "shared" / "data" / "articles" / "000_dd904abe3b3d7368.txt"

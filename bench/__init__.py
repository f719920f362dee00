"""Benchmarks and README figures. `make bench` runs them all and prints each figure
with the baseline measured in the same run."""

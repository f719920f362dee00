"""The normalising bench's gazetteer probe runs against the gazetteer as it is (its index is read
under a lock since ddff930: the probe must clear and re-read the cached reader, not the locked door)."""

from bench.normalise_accuracy import gazetteer_load


def test_the_gazetteer_load_probe_measures_a_fresh_read():
    figures = gazetteer_load()
    assert figures["first look-up s"] > 0
    assert figures["held MiB"] > 1  # the index of some 34,000 places, not an empty dict
    assert figures["next look-up ms"] < figures["first look-up s"] * 1000

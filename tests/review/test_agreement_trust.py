"""Agreement figures that can be trusted (issue 11, items 6-10): over the annotators who
labelled, the same whatever Python's hash seed, the token rule as written for crossing
spans, and overlap F1 from a maximum matching."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys

import pytest

from annotator.cli import main
from annotator.review import measures
from annotator.review.agreement import agreement, collect, labelling_annotators
from annotator.store import Store
from tests.review.test_agreement import _reference_alpha_u, row

TEXT = "قصفت طائرات حربية مواقع في ريف حلب الشمالي صباح الخميس وقتل عشرة مدنيين حسب المرصد السوري"
LABELS = ("event", "place", "date", "casualty", "source")


def word_edges(text: str) -> list[tuple[int, int]]:
    edges, start = [], 0
    for word in text.split(" "):
        edges.append((start, start + len(word)))
        start += len(word) + 1
    return edges


@pytest.fixture
def reviewed(tmp_path, reference_text):
    """A merged project as the reviewer leaves it: three annotators who labelled, the
    reviewer registered with no spans of their own (as the window does), a gold layer."""
    db = tmp_path / "review.db"
    words = word_edges(reference_text)
    with Store.open(db) as store:
        doc, _ = store.add_document(reference_text, "ref")
        store.ensure_annotator("gold", "gold")
        for n, (start, end) in enumerate(words[:300]):
            if n % 4 or start == end:
                continue
            label = LABELS[n % 5]
            store.create_span(doc.id, "alice", label, start, end)
            if n % 12:
                store.create_span(doc.id, "bob", label, start, end)
            if n % 16:
                store.create_span(doc.id, "carol", label, start, words[n + 1][1] if n % 20 == 0 else end)
            if n % 8 == 0:
                store.create_span(doc.id, "gold", label, start, end)
        store.ensure_annotator("reviewer")  # what opening the window as "reviewer" records
    return db


def test_agreement_leaves_out_who_labelled_nothing_and_the_gold_layer(reviewed, capsys):
    assert main(["agreement", "--db", str(reviewed), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)["rows"]
    assert {tuple(r["annotators"]) for r in rows} == {("alice", "bob"), ("alice", "carol"), ("bob", "carol"),
                                                       ("alice", "bob", "carol")}
    fleiss = next(r["value"] for r in rows if r["measure"] == "fleiss_kappa" and r["label"] is None)
    with Store.open(reviewed) as store:
        assert labelling_annotators(store) == ["alice", "bob", "carol"]
        named = agreement(store, ["alice", "bob", "carol"])
        with_reviewer = agreement(store, ["alice", "bob", "carol", "reviewer"])  # what was reported before
    assert fleiss == row(named, "fleiss_kappa", ["alice", "bob", "carol"])
    assert row(with_reviewer, "fleiss_kappa", ["alice", "bob", "carol", "reviewer"]) < fleiss - 0.1


def test_users_lists_everyone_and_sets_a_role(reviewed, capsys):
    assert main(["users", "--db", str(reviewed)]) == 0
    listed = [line.split() for line in capsys.readouterr().out.splitlines()]
    assert listed[0] == ["name", "role", "spans"]
    with Store.open(reviewed) as store:
        gold_spans = store.stats()["spans_by_annotator"]["gold"]
    assert {tuple(line) for line in listed[1:]} >= {("reviewer", "annotator", "0"), ("gold", "layer", str(gold_spans))}
    assert main(["--db", str(reviewed), "users", "set", "reviewer", "--role", "reviewer"]) == 0
    capsys.readouterr()
    assert main(["users", "list", "--db", str(reviewed)]) == 0
    assert ["reviewer", "reviewer", "0"] in [line.split() for line in capsys.readouterr().out.splitlines()]
    assert main(["users", "set", "alice", "--role", "reviewer", "--db", str(reviewed)]) == 0
    with Store.open(reviewed) as store:
        assert {a.name: a.role for a in store.annotators()}["alice"] == "reviewer"
        assert "alice" in labelling_annotators(store)  # she labelled: her spans still count


def test_users_refuses_unknown_names_and_never_creates_a_project(reviewed, tmp_path, capsys):
    assert main(["users", "set", "nobody", "--role", "reviewer", "--db", str(reviewed)]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "no annotator called 'nobody'" in err
    assert main(["users", "set", "gold", "--role", "annotator", "--db", str(reviewed)]) == 1
    assert "gold layer" in capsys.readouterr().err
    missing = tmp_path / "typo" / "revew.db"
    for command in (["users"], ["users", "list"], ["users", "set", "alice", "--role", "reviewer"]):
        assert main([*command, "--db", str(missing)]) == 1
        err = capsys.readouterr().err
        assert len(err.strip().splitlines()) == 1 and str(missing) in err
    assert not missing.parent.exists()


def _awkward_project(path):
    """Spans that once made figures depend on the hash seed: one annotator with two labels
    on one extent, duplicates, nesting and crossing."""
    with Store.open(path) as store:
        doc, _ = store.add_document(TEXT, "1")
        second, _ = store.add_document(TEXT.replace("حلب", "إدلب"), "2")
        for d in (doc.id, second.id):
            store.create_span(d, "maha", "event", 0, 18)
            store.create_span(d, "maha", "place", 0, 18)  # the same extent, another label
            store.create_span(d, "maha", "place", 24, 34)
            store.create_span(d, "maha", "date", 30, 52)  # crosses her place
            store.create_span(d, "sara", "event", 0, 18)
            store.create_span(d, "sara", "place", 24, 34)
            store.create_span(d, "sara", "place", 24, 34)  # a duplicate
            store.create_span(d, "sara", "date", 43, 52)
            store.create_span(d, "noor", "place", 0, 18)
            store.create_span(d, "noor", "event", 0, 18)
            store.create_span(d, "noor", "date", 43, 56)


def units_by_the_rule(spans: list[tuple[int, int, str]], length: int) -> list[tuple[int, int, str]]:
    """alpha_u's units as the module's docstring words them, character by character: each
    character takes the span over it that starts first, then the longest, then the first
    label name; a unit is a run of characters taken by one span."""
    owner = [min((s for s in spans if s[0] <= p < s[1]), key=lambda s: (s[0], -s[1], s[2]), default=None)
             for p in range(length)]
    units, p = [], 0
    while p < length:
        q = p
        while q < length and owner[q] == owner[p]:
            q += 1
        if owner[p] is not None:
            units.append((p, q, owner[p][2]))
        p = q
    return units


def test_every_figure_is_the_same_whatever_the_hash_seed(tmp_path):
    db = tmp_path / "p.db"
    _awkward_project(db)
    outputs = set()
    for seed in range(6):
        done = subprocess.run([sys.executable, "-m", "annotator", "agreement", "--db", str(db), "--json",
                               "--by-document"], capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": str(seed)})
        outputs.add(done.stdout)
    assert len(outputs) == 1
    rows = json.loads(outputs.pop())["rows"]
    names = ["maha", "noor", "sara"]
    with Store.open(db) as store:
        texts = [store.document_text(d) for d in store.document_ids()]
        continua = {n: [] for n in names}
        offset = 0
        for d, text in zip(store.document_ids(), texts):
            for n in names:
                raw = {(s.start, s.end, s.label) for s in store.spans_for(d, [n])}
                continua[n] += [(offset + a, offset + b, v) for a, b, v in units_by_the_rule(sorted(raw), len(text))]
            offset += len(text)
    expected = _reference_alpha_u([continua[n] for n in names], offset)
    value = next(r["value"] for r in rows if r["measure"] == "krippendorff_alpha_u" and r["label"] is None
                 and r["annotators"] == names and r["document"] is None)
    assert value == pytest.approx(expected, abs=1e-9)


def tokens_by_the_rule(tokens: list[tuple[int, int]], spans: list[tuple[int, int, str]]) -> list[str]:
    """Token labels as the module's docstring words the rule, token by token: each span
    widened to the tokens it touches; each token takes the span over it that starts first
    (on the same token, the longest; then the first label name), or O."""
    widened = []
    for start, end, label in spans:
        touched = [i for i, (a, b) in enumerate(tokens) if a < end and start < b]
        if touched:
            widened.append((touched[0], touched[-1], label))
    return [min(((first, -last, lab) for first, last, lab in widened if first <= i <= last), default=(0, 0, "O"))[2]
            for i in range(len(tokens))]


def test_a_token_covered_only_by_a_crossing_span_takes_its_label(tmp_path):
    with Store.open(tmp_path / "p.db") as store:
        doc, _ = store.add_document(TEXT, "1")
        words = word_edges(TEXT)
        # maha's event (words 0-3) crosses her place (words 2-6); sara labels words 4-6 place.
        store.create_span(doc.id, "maha", "event", words[0][0], words[3][1])
        store.create_span(doc.id, "maha", "place", words[2][0], words[6][1])
        store.create_span(doc.id, "sara", "event", words[0][0], words[3][1])
        store.create_span(doc.id, "sara", "place", words[4][0], words[6][1])
        tokens = collect(store, ["maha", "sara"]).tokens
        rows = agreement(store, ["maha", "sara"])
    assert tokens["maha"][:8] == ["event"] * 4 + ["place"] * 3 + ["O"]  # words 4-6 were O before
    assert tokens["maha"] == tokens["sara"]
    assert row(rows, "cohen_kappa", ["maha", "sara"]) == 1.0
    # alpha_u: maha's place is a unit from where her event ends (the space included) to its own end.
    expected = _reference_alpha_u([[(0, words[3][1], "event"), (words[3][1], words[6][1], "place")],
                                   [(0, words[3][1], "event"), (words[4][0], words[6][1], "place")]], len(TEXT))
    assert row(rows, "krippendorff_alpha_u", ["maha", "sara"]) == pytest.approx(expected, abs=1e-9)
    assert expected > 0.95


def test_token_labels_follow_the_written_rule_on_random_nesting_and_crossing(tmp_path):
    from annotator.core.tokens import document_tokens

    rng = random.Random(11)
    with Store.open(tmp_path / "p.db") as store:
        expected = {"maha": [], "sara": []}
        for n in range(40):
            text = f"{n} {TEXT}"
            doc, _ = store.add_document(text, str(n))
            tokens, _ = document_tokens(text, doc.meta)
            for name in expected:
                spans = set()
                for _ in range(rng.randint(0, 6)):
                    start = rng.randrange(len(text) - 1)
                    end = min(len(text), start + rng.randint(1, 30))
                    if text[start:end].strip():  # a span over spaces only covers no token
                        spans.add((start, end, rng.choice(LABELS)))
                for start, end, label in spans:
                    store.create_span(doc.id, name, label, start, end)
                expected[name] += tokens_by_the_rule(tokens, sorted(spans))
        assert collect(store, ["maha", "sara"]).tokens == expected


def maximum_matching_by_scipy(mine: list[tuple[int, int]], theirs: list[tuple[int, int]]) -> int:
    import numpy as np
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import maximum_bipartite_matching

    if not mine or not theirs:
        return 0
    edges = np.array([[a < d and c < b for c, d in theirs] for a, b in mine], dtype=np.int8)
    return int((maximum_bipartite_matching(csr_matrix(edges), perm_type="column") >= 0).sum())


def test_overlap_f1_counts_a_maximum_one_to_one_matching():
    maha = {(1, 12, 20, "event"), (1, 18, 24, "event")}
    sara = {(1, 5, 20, "event"), (1, 12, 17, "event")}
    assert measures.f1_overlap(maha, sara) == measures.f1_overlap(sara, maha) == 1.0  # greedy pairing said 0.5
    rng = random.Random(3)
    for _ in range(3000):
        sides = []
        for _ in range(2):
            side = set()
            for _ in range(rng.randint(0, 9)):
                start = rng.randrange(60)
                side.add((start, start + rng.randint(1, 15)))
            sides.append(sorted(side))
        assert measures.overlap_matching_size(*sides) == maximum_matching_by_scipy(*sides), sides


def test_project_span_f1_equals_the_measures_on_each_scope(tmp_path):
    rng = random.Random(5)
    with Store.open(tmp_path / "p.db") as store:
        for n in range(6):
            text = f"{n} {TEXT}"
            doc, _ = store.add_document(text, str(n))
            for name in ("maha", "sara", "noor"):
                for _ in range(rng.randint(0, 8)):
                    start = rng.randrange(len(text) - 1)
                    store.create_span(doc.id, name, rng.choice(LABELS[:3]), start,
                                   min(len(text), start + rng.randint(1, 20)))
        names = ["maha", "noor", "sara"]
        rows = agreement(store, names, by_document=True)
        spans = collect(store, names).spans
        documents = store.document_ids()
    checked = 0
    for a, b in [("maha", "noor"), ("maha", "sara"), ("noor", "sara")]:
        for label in (None, *LABELS):
            for document in (None, *documents):
                mine, theirs = ({s for s in spans[name] if label in (None, s[3]) and document in (None, s[0])}
                                for name in (a, b))
                for measure, function in (("f1_exact", measures.f1_exact), ("f1_overlap", measures.f1_overlap)):
                    assert row(rows, measure, [a, b], label, document) == function(mine, theirs)
                    checked += 1
                # The overlap count is a maximum matching, per document and label, by scipy too.
                if mine or theirs:
                    matches = sum(maximum_matching_by_scipy(
                        [(s, e) for d, s, e, lab in mine if (d, lab) == key],
                        [(s, e) for d, s, e, lab in theirs if (d, lab) == key])
                        for key in {(d, lab) for d, _, _, lab in mine})
                    assert row(rows, "f1_overlap", [a, b], label, document) == 2 * matches / (len(mine) + len(theirs))
    assert checked == 2 * 3 * 6 * 7


def test_exact_f1_counts_nested_spans_that_token_tags_cannot_show(tmp_path):
    from seqeval.metrics import f1_score

    words = word_edges(TEXT)
    with Store.open(tmp_path / "p.db") as store:
        doc, _ = store.add_document(TEXT, "1")
        for name in ("maha", "sara"):
            store.create_span(doc.id, name, "event", words[0][0], words[6][1])
        store.create_span(doc.id, "maha", "place", words[5][0], words[6][1])  # nested in her event
        store.create_span(doc.id, "sara", "place", words[5][0], words[7][1])  # nested differently
        rows = agreement(store, ["maha", "sara"])
        tokens = collect(store, ["maha", "sara"]).tokens

    def iob2(values):
        return [[("O" if v == "O" else ("I-" if i and values[i - 1] == v else "B-") + v)
                 for i, v in enumerate(values)]]

    # Spans: the event agrees, the places do not: 2·1/(2+2). seqeval sees the outer
    # layer only (sara's place pokes out past the event), and says otherwise.
    assert row(rows, "f1_exact", ["maha", "sara"]) == 0.5
    assert f1_score(iob2(tokens["maha"]), iob2(tokens["sara"])) != 0.5

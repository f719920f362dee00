"""Agreement figures equal the reference implementations on the same data."""

from __future__ import annotations

import json
import math
import re

import pytest

from annotator.cli import main
from annotator.review import measures
from annotator.review.agreement import agreement, collect
from annotator.store import Store

LABELS = ("event", "place", "date", "casualty", "source")


@pytest.fixture
def three(tmp_path, reference_text):
    """Three annotators on the reference article: mostly agreeing, with label, edge and
    omission disagreements, all on word boundaries."""
    db = tmp_path / "p.db"
    words = [(m.start(), m.end()) for m in re.finditer(r"[^\s،.«»()\"]+", reference_text)]
    with Store.open(db) as store:
        doc, _ = store.add_document(reference_text, "ref")
        for n, (start, end) in enumerate(words[:300]):
            if n % 4:
                continue
            label = LABELS[n % 5]
            store.create_span(doc.id, "alice", label, start, end)
            if n % 12 != 0:
                store.create_span(doc.id, "bob", label, start, end)
            elif n % 24 == 0:
                store.create_span(doc.id, "bob", LABELS[(n + 1) % 5], start, end)  # another label
            carol_end = words[n + 1][1] if n % 20 == 0 else end  # a wider span now and then
            if n % 16:
                store.create_span(doc.id, "carol", label, start, carol_end)
        yield store


def row(rows, measure, annotators, label=None, document=None):
    (found,) = [r for r in rows if r.measure == measure and r.annotators == annotators and r.label == label
                and r.document == document]
    return found.value


def test_cohen_kappa_equals_scikit_learn(three):
    from sklearn.metrics import cohen_kappa_score

    rows = agreement(three, ["alice", "bob", "carol"])
    tokens = collect(three, ["alice", "bob", "carol"]).tokens
    expected = cohen_kappa_score(tokens["alice"], tokens["bob"])
    assert row(rows, "cohen_kappa", ["alice", "bob"]) == pytest.approx(expected, abs=1e-12)
    binary = lambda values: [v if v == "place" else "O" for v in values]  # noqa: E731
    expected = cohen_kappa_score(binary(tokens["alice"]), binary(tokens["carol"]))
    assert row(rows, "cohen_kappa", ["alice", "carol"], "place") == pytest.approx(expected, abs=1e-12)
    assert 0.3 < row(rows, "cohen_kappa", ["alice", "bob"]) < 1


def test_fleiss_kappa_and_alpha_equal_nltk_and_krippendorff(three):
    import krippendorff
    from nltk.metrics.agreement import AnnotationTask

    names = ["alice", "bob", "carol"]
    rows = agreement(three, names)
    tokens = collect(three, names).tokens
    task = AnnotationTask(data=[(coder, i, label) for coder in names for i, label in enumerate(tokens[coder])])
    assert row(rows, "fleiss_kappa", names) == pytest.approx(task.pi(), abs=1e-9)  # nltk's multi-rater pi is Fleiss
    codes = {label: n for n, label in enumerate(sorted({t for c in names for t in tokens[c]}))}
    data = [[codes[t] for t in tokens[c]] for c in names]
    expected = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
    assert row(rows, "krippendorff_alpha", names) == pytest.approx(expected, abs=1e-9)
    pair = AnnotationTask(data=[(coder, i, tag) for coder in ("alice", "bob") for i, tag in enumerate(tokens[coder])])
    assert row(rows, "krippendorff_alpha", ["alice", "bob"]) == pytest.approx(pair.alpha(), abs=1e-9)


def _reference_alpha_u(continua: list[list[tuple[int, int, str]]], length: int) -> float:
    """alpha_u by the krippendorff-unitized-alpha package, each coder's units given with the
    gaps between them spelt out as its empty tag (its own gap filler is off by one)."""
    from krippendorff_unitized_alpha.krippendorffs_unitized_alpha import EMPTY_TAG, KrippendorffUnitizedAlpha, Segment

    data = {}
    for coder, units in enumerate(continua):
        segments, last = [], 0
        for start, end, value in sorted(units):
            if start > last:
                segments.append(Segment(EMPTY_TAG, last, start))
            segments.append(Segment(value, start, end))
            last = end
        if last < length:
            segments.append(Segment(EMPTY_TAG, last, length))
        data[coder] = segments
    return KrippendorffUnitizedAlpha(data).result


def test_alpha_u_by_hand_on_a_small_continuum():
    # Ten positions, two coders: [0,5) and [0,4) are x, the rest gap. Observed coincidences
    # l_xx = 8, l_gap,gap = 10 of l.. = 20; margins x 9, gap 11; removed: 5² + 5 + 4² + 6 = 52;
    # expected diagonal 20 (81 + 121 - 52) / (400 - 52) = 3000/348.
    value = measures.krippendorff_alpha_u([measures.Unitisation([(0, 5, "x")], 10),
                                           measures.Unitisation([(0, 4, "x")], 10)])
    assert value == pytest.approx(1 - 2 / (20 - 3000 / 348), abs=1e-12)
    same = [measures.Unitisation([(2, 6, "x"), (7, 9, "y")], 10)] * 3
    assert measures.krippendorff_alpha_u(same) == pytest.approx(1.0)
    assert measures.krippendorff_alpha_u([measures.Unitisation([], 10)] * 2) is None  # all gap: undefined


def test_alpha_u_equals_the_krippendorff_unitized_alpha_package_on_random_continua():
    import random

    rng = random.Random(7)
    for _ in range(200):
        length, coders = rng.randint(5, 300), rng.randint(2, 4)
        continua = []
        for _ in range(coders):
            units, position = [], 0
            while (position := position + rng.randint(0, 20)) < length:
                end = min(length, position + rng.randint(1, 25))
                units.append((position, end, rng.choice("abc")))
                position = end
            continua.append(units)
        ours = measures.krippendorff_alpha_u([measures.Unitisation(u, length) for u in continua])
        if ours is None:  # one value only: the package divides by zero
            assert math.isnan(_reference_alpha_u(continua, length))
        else:
            assert ours == pytest.approx(_reference_alpha_u(continua, length), abs=1e-9)


def test_alpha_u_on_a_project_equals_the_package(three):
    names = ["alice", "bob", "carol"]
    rows = agreement(three, names)
    (document_id,) = three.document_ids()
    length = len(three.document_text(document_id))

    def continuum(annotator, label=None):
        return [(s.start, s.end, s.label) for s in three.spans_for(document_id)
                if s.annotator == annotator and label in (None, s.label)]

    expected = _reference_alpha_u([continuum(n) for n in names], length)
    assert row(rows, "krippendorff_alpha_u", names) == pytest.approx(expected, abs=1e-9)
    expected = _reference_alpha_u([continuum("alice"), continuum("bob")], length)
    assert row(rows, "krippendorff_alpha_u", ["alice", "bob"]) == pytest.approx(expected, abs=1e-9)
    expected = _reference_alpha_u([continuum(n, "place") for n in names], length)
    assert row(rows, "krippendorff_alpha_u", names, "place") == pytest.approx(expected, abs=1e-9)
    assert 0.5 < row(rows, "krippendorff_alpha_u", names) < 1


def test_alpha_u_keeps_the_outer_span_and_lays_documents_end_to_end(tmp_path):
    with Store.open(tmp_path / "p.db") as store:
        first, _ = store.add_document("قصفت طائرات مواقع في ريف حلب", "1")
        second, _ = store.add_document("سقط عشرة قتلى في دمشق", "2")
        store.create_span(first.id, "maha", "event", 0, 17)
        store.create_span(first.id, "maha", "place", 5, 11)  # nested in her event: not a unit of its own
        store.create_span(first.id, "sara", "event", 0, 17)
        store.create_span(second.id, "maha", "place", 16, 21)
        store.create_span(second.id, "sara", "place", 16, 21)
        rows = agreement(store, ["maha", "sara"], by_document=True)
        offset = len(first.text)
        expected = _reference_alpha_u([[(0, 17, "event"), (offset + 16, offset + 21, "place")]] * 2,
                                      offset + len(second.text))
    assert row(rows, "krippendorff_alpha_u", ["maha", "sara"]) == pytest.approx(expected) == pytest.approx(1.0)
    assert row(rows, "krippendorff_alpha_u", ["maha", "sara"], "place", second.id) == pytest.approx(1.0)
    # Per label, maha's nested place is a unit that sara lacks.
    assert row(rows, "krippendorff_alpha_u", ["maha", "sara"], "place", first.id) < 0.5


def test_span_f1_equals_seqeval_on_token_aligned_spans(three):
    from seqeval.metrics import f1_score

    rows = agreement(three, ["alice", "bob", "carol"])
    tokens = collect(three, ["alice", "bob", "carol"]).tokens

    def bio(values):  # one span per token here: every labelled token begins its span
        return [["O" if v == "O" else f"B-{v}" for v in values]]

    assert row(rows, "f1_exact", ["alice", "bob"]) == pytest.approx(f1_score(bio(tokens["alice"]), bio(tokens["bob"])))
    assert row(rows, "f1_overlap", ["alice", "carol"]) > row(rows, "f1_exact", ["alice", "carol"])


def test_undefined_when_everything_is_o():
    from sklearn.metrics import cohen_kappa_score

    assert math.isnan(cohen_kappa_score(["O"] * 5, ["O"] * 5))
    assert measures.cohen_kappa(["O"] * 5, ["O"] * 5) is None
    assert measures.fleiss_kappa([["O"] * 5] * 3) is None
    assert measures.krippendorff_alpha_nominal([("O", "O")] * 5) is None
    assert measures.f1_exact(set(), set()) is None
    assert measures.krippendorff_alpha_u([measures.Unitisation([], 5)] * 3) is None


def test_agreement_command_prints_rows_as_json_csv_and_a_table(three, capsys):
    db = str(three.path)
    assert main(["agreement", "--db", db, "--json", "--by-document"]) == 0
    rows = json.loads(capsys.readouterr().out)["rows"]
    assert {r["measure"] for r in rows} == {"f1_exact", "f1_overlap", "f1_links", "cohen_kappa", "fleiss_kappa",
                                            "krippendorff_alpha", "krippendorff_alpha_u"}
    assert set(rows[0]) == {"measure", "annotators", "label", "document", "value"}
    assert any(r["document"] == 1 for r in rows) and any(r["label"] == "place" for r in rows)
    assert main(["agreement", "--db", db, "--csv", "--annotator", "alice", "--annotator", "bob"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "measure,annotators,label,document,value" and "alice+bob" in lines[1]
    assert main(["agreement", "--db", db, "--annotator", "alice", "--annotator", "nobody"]) == 1
    assert "no annotator called nobody" in capsys.readouterr().err


def test_the_table_is_shaped_for_terminals_without_bidi(tmp_path, capsys):
    db = tmp_path / "p.db"
    with Store.open(db) as store:
        doc, _ = store.add_document("قصفت طائرات مواقع في سوريا", "t")
        store.create_span(doc.id, "مها", "event", 0, 4)
        store.create_span(doc.id, "سارة", "event", 0, 4)
    assert main(["agreement", "--db", str(db), "--bidi", "always"]) == 0
    out = capsys.readouterr().out
    assert "مها" not in out and "\ufe8e\ufeec\ufee3" in out  # joined presentation forms, in display order
    assert main(["agreement", "--db", str(db), "--bidi", "auto"]) == 0  # not a terminal: text as it is
    assert "مها" in capsys.readouterr().out


def test_review_status_is_the_same_for_everyone_who_proposed_a_span():
    from annotator.core.model import Span
    from annotator.review.adjudication import statuses

    spans = [Span("1", 1, "maha", "place", 0, 5, "سوريا"), Span("2", 1, "sara", "place", 0, 5, "سوريا"),
             Span("3", 1, "sara", "date", 0, 5, "سوريا"), Span("4", 1, "maha", "event", 10, 14, "قصفت"),
             Span("5", 1, "sara", "event", 10, 12, "قص"), Span("6", 1, "maha", "source", 20, 30, "مركز"),
             Span("7", 1, "gold", "place", 0, 5, "سوريا")]
    found = statuses(spans, {"maha", "sara"})
    assert found["1"] == found["2"] == "agree"  # both have it; sara's extra label does not undo that
    assert found["3"] == "conflict"  # maha labelled the same text otherwise
    assert found["4"] == found["5"] == "conflict"  # same label, other edges
    assert found["6"] == "some" and found["7"] == "gold"

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
            store.add_span(doc.id, "alice", label, start, end)
            if n % 12 != 0:
                store.add_span(doc.id, "bob", label, start, end)
            elif n % 24 == 0:
                store.add_span(doc.id, "bob", LABELS[(n + 1) % 5], start, end)  # another label
            carol_end = words[n + 1][1] if n % 20 == 0 else end  # a wider span now and then
            if n % 16:
                store.add_span(doc.id, "carol", label, start, carol_end)
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
    pair = AnnotationTask(data=[(c, i, l) for c in ("alice", "bob") for i, l in enumerate(tokens[c])])
    assert row(rows, "krippendorff_alpha", ["alice", "bob"]) == pytest.approx(pair.alpha(), abs=1e-9)


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


def test_agreement_command_prints_rows_as_json_csv_and_a_table(three, capsys):
    db = str(three.path)
    assert main(["agreement", "--db", db, "--json", "--by-document"]) == 0
    rows = json.loads(capsys.readouterr().out)["rows"]
    assert {r["measure"] for r in rows} == {"f1_exact", "f1_overlap", "cohen_kappa", "fleiss_kappa", "krippendorff_alpha"}
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
        store.add_span(doc.id, "مها", "event", 0, 4)
        store.add_span(doc.id, "سارة", "event", 0, 4)
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

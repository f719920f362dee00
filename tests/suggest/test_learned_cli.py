"""``annotator suggest --learn-from ANNOTATOR`` on a real project file: the model's proposals
stored as ``suggested`` beside the rules', never where ANNOTATOR labelled, replaced on a
second run, the model kept in the project; a refusal in one line."""

from collections import Counter

import pytest

from annotator.cli import main
from annotator.store import OpenMode, Store, open_store
from annotator.suggest.learned import ORIGIN, model_name
from bench.learned import SPLITS, WOJOOD, fill_project, read_sentences


def run(*argv):
    return main([str(a) for a in argv])


@pytest.fixture
def project(db_path):
    sentences = read_sentences([WOJOOD / name for name in SPLITS])
    with Store.open(db_path) as store:
        filled = fill_project(store, sentences[:200], sentences[200:240], learner="alice")
        alice = {d: store.spans_for(d, ["alice"]) for d in store.document_ids()}
    return filled, alice


def _suggested(db_path):
    with open_store(db_path, OpenMode.READ) as store:
        return {d: store.spans_for(d, ["suggested"]) for d in store.document_ids()}


def test_learn_from_stores_the_models_suggestions_beside_the_rules(db_path, project, capsys):
    filled, alice = project
    assert run("suggest", "--db", db_path, "--learn-from", "alice") == 0
    out = capsys.readouterr().out
    first = _suggested(db_path)
    learned = Counter(s.label for spans in first.values() for s in spans if s.origin == ORIGIN)
    assert sum(learned.values()) > 10
    for label, count in learned.items():  # the printed counts are what is stored
        assert any(line.split() == [label, ORIGIN, str(count)] for line in out.splitlines())
    for document_id, spans in first.items():
        by_model = [s for s in spans if s.origin == ORIGIN]
        if alice[document_id]:
            assert not by_model  # never proposed where it learned
        for s in by_model:
            assert 0 < s.attrs["score"] <= 1
    assert any(s.origin == ORIGIN for d in filled.test_documents for s in first[d])

    assert run("suggest", "--db", db_path, "--learn-from", "alice") == 0  # again: replaced, not added
    again = _suggested(db_path)
    assert {d: sorted((s.label, s.start, s.end, s.origin) for s in spans) for d, spans in again.items()} == \
        {d: sorted((s.label, s.start, s.end, s.origin) for s in spans) for d, spans in first.items()}
    with open_store(db_path, OpenMode.READ) as store:
        assert {d: store.spans_for(d, ["alice"]) for d in store.document_ids()} == alice  # alice's own untouched
        assert store.model(model_name("alice")).annotator == "alice"


def test_learning_from_an_annotator_without_spans_is_refused_in_one_line(db_path, project, capsys):
    with Store.open(db_path) as store:
        store.ensure_annotator("bob")
    before = _suggested(db_path)
    assert run("suggest", "--db", db_path, "--learn-from", "bob") != 0
    err = capsys.readouterr().err.strip()
    assert "bob" in err and "no span" in err and len(err.splitlines()) == 1 and "Traceback" not in err
    assert _suggested(db_path) == before
    with open_store(db_path, OpenMode.READ) as store:
        assert store.models() == []

"""What the window needs of a stored model (issue 15: retrained as labels accumulate): how many
spans it learned from and the annotator's clitic habit, stored with it; read back, it proposes
exactly as the model just trained does; and the retraining child process stores it, or says
there was nothing to learn, in a real project file."""

from __future__ import annotations

import pytest

from annotator.core.model import Span, new_span_id
from annotator.store import Store
from annotator.suggest import retraining
from annotator.suggest.learned import learned_model, propose, stored_learned
from annotator.suggest.learned_clitics import CliticHabits
from annotator.suggest.model_names import model_name

TEXT = ("قصفت طائرات مواقع لتنظيم الدولة في سوريا. وقال مسؤول إن تنظيم الدولة انسحب من بلدة قرب العراق. "
        "واتهمت الحكومة تنظيم الدولة بالهجوم على سوريا.")
OTHER = "وأفادت مصادر بأن تنظيم الدولة هاجم بلدة في سوريا، وأن لتنظيم الدولة مقرات قرب العراق."


@pytest.fixture
def project(db_path):
    """alice labelled the organisation (once with its ل left outside) and the places of one document."""
    with Store.open(db_path) as store:
        labelled = store.add_document(TEXT, "labelled")[0]
        store.add_document(OTHER, "other")
        store.ensure_annotator("alice")
        store.ensure_annotator("bob")
        spans = []
        for word, label in (("تنظيم الدولة", "source"), ("سوريا", "place"), ("العراق", "place")):
            at = TEXT.find(word)
            while at != -1:
                spans.append(Span(new_span_id(), labelled.id, "alice", label, at, at + len(word), word))
                at = TEXT.find(word, at + 1)
        store.insert_checked_spans(spans)
    return db_path, labelled.id, len(spans)


def test_the_stored_model_says_how_many_spans_and_proposes_as_the_trained_one(project):
    db, labelled, count = project
    with Store.open(db) as store:
        trained = learned_model(store, "alice")
        stored = store.model(model_name("alice"))
        other = store.document(2)
    assert stored.trained_on["spans"] == count and set(stored.trained_on["documents"]) == {str(labelled)}
    read = stored_learned(stored)
    assert read.trained_on == trained.trained_on == {labelled}
    assert read.habits == trained.habits and read.habits.left_out == {"ل": 1}
    assert propose(read.model, other, read.habits) == propose(trained.model, other, trained.habits)
    found = [(OTHER[s.start:s.end], s.label) for s in propose(read.model, other, read.habits)]
    assert found.count(("تنظيم الدولة", "source")) == 2  # لتنظيم: the ل outside, as alice leaves it


def test_a_model_stored_without_the_window_figures_is_kept_while_its_documents_are_the_same(project):
    """A model from before they were stored (only features and documents) is not trained again;
    its habits read back empty."""
    from annotator.store.interface import StoredModel

    db, _labelled, _count = project
    with Store.open(db) as store:
        first = learned_model(store, "alice")
        stored = store.model(model_name("alice"))
        older = {key: stored.trained_on[key] for key in ("features", "documents")}
        store.save_model(StoredModel(stored.name, stored.annotator, stored.labels, older, stored.data))
        again = learned_model(store, "alice")
    assert first.retrained and not again.retrained
    assert CliticHabits.from_json(None) == CliticHabits()


def test_the_retraining_child_stores_the_model_or_says_there_is_nothing_to_learn(project):
    db, _labelled, count = project
    child = retraining.start(db, "alice")
    child.join(120)
    assert child.exitcode == 0
    nobody = retraining.start(db, "bob")  # bob has no span
    nobody.join(120)
    assert nobody.exitcode == retraining.NOTHING_TO_LEARN
    with Store.open(db) as store:
        assert store.model(model_name("alice")).trained_on["spans"] == count
        assert store.model(model_name("bob")) is None

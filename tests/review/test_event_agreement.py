"""f1_links: agreement on event links, in the same rows as the other measures, checked against
a brute-force count read straight from the project file with sqlite3."""

from __future__ import annotations

import random
import sqlite3

import pytest

from annotator.cli import main
from annotator.core.model import Event
from annotator.review.agreement import agreement
from annotator.store import Store
from tests.store.event_samples import PARTS, add_parts, project_with_events, reference_text


def brute_force_links(path, annotator: str) -> list[tuple]:
    """Every (mention, role, argument) link of ``annotator``, spans as (document, start, end, label),
    by a join of the raw tables: no code of ours."""
    with sqlite3.connect(path) as conn:
        return conn.execute(
            'SELECT m.document_id, ms.start, ms."end", ms.label, ea.role, ars.start, ars."end", ars.label '
            "FROM event_mentions m JOIN events e ON e.document_id = m.document_id AND e.id = m.event_id "
            "JOIN annotators a ON a.id = e.annotator_id JOIN spans ms ON ms.id = m.span_id "
            "JOIN event_arguments ea ON ea.document_id = m.document_id AND ea.event_id = m.event_id "
            "JOIN spans ars ON ars.id = ea.span_id WHERE a.name = ?", [annotator]).fetchall()


def brute_force_f1(mine: list[tuple], theirs: list[tuple]) -> float | None:
    """2·matches / (|a| + |b|) over distinct links, each pair compared one by one."""
    a = [link for i, link in enumerate(mine) if link not in mine[:i]]
    b = [link for i, link in enumerate(theirs) if link not in theirs[:i]]
    if not a and not b:
        return None
    matches = sum(1 for x in a for y in b if x == y)
    return 2 * matches / (len(a) + len(b))


def random_project(path, seed: int, annotators=("alice", "bob", "carol")) -> None:
    """Two documents; each annotator marks a random part of the article's spans (sometimes with a
    shifted edge) and links them into events at random."""
    rng = random.Random(seed)
    text = reference_text()
    with Store.open(path) as store:
        documents = [store.add_document(text, "reference")[0].id,
                     store.add_document(text + "\nنسخة ثانية", "second")[0].id]
        roles = ["place", "date", "casualty", "source"]
        for annotator in annotators:
            for document_id in documents:
                names = [n for n in PARTS if rng.random() < 0.85]
                spans = add_parts(store, document_id, annotator, names)
                if rng.random() < 0.3 and "syria" in spans:  # a shifted edge: the same words, one more letter
                    old = spans["syria"]
                    store.delete_span(old.id)
                    spans["syria"] = store.create_span(document_id, annotator, "place", old.start, old.end + 1)
                mentions = [s for n, s in spans.items() if PARTS[n][0] == "event"]
                arguments = [s for n, s in spans.items() if PARTS[n][0] != "event"]
                for number, mention in enumerate(mentions):
                    chosen = {}
                    for role in roles:
                        picks = [s.id for s in arguments if s.label == role and rng.random() < 0.4]
                        if picks:
                            chosen[role] = tuple(picks)
                    store.save_event(Event(f"E{number}-{annotator}", document_id, annotator, (mention.id,), chosen))


@pytest.mark.parametrize("seed", range(12))
def test_f1_links_equals_a_brute_force_count_in_every_scope(tmp_path, seed):
    path = tmp_path / f"random-{seed}.db"
    random_project(path, seed)
    with Store.open(path) as store:
        rows = [r for r in agreement(store, ["alice", "bob", "carol"], by_document=True) if r.measure == "f1_links"]
    links = {a: brute_force_links(path, a) for a in ("alice", "bob", "carol")}
    # pairs x (all + the 4 labels an argument has: no argument is an event span) x (corpus + 2 documents)
    assert len(rows) == 3 * (1 + 4) * 3
    assert not any(row.label == "event" for row in rows)
    for row in rows:
        a, b = row.annotators

        def scope(link, row=row):
            return (row.label is None or link[7] == row.label) and (row.document is None or link[0] == row.document)

        expected = brute_force_f1([x for x in links[a] if scope(x)], [x for x in links[b] if scope(x)])
        assert row.value == pytest.approx(expected), row


def test_the_same_events_agree_fully_and_a_moved_argument_counts_as_a_miss(tmp_path, capsys):
    path = tmp_path / "p.db"
    document_id, spans = project_with_events(path, annotators=("alice", "bob"))
    with Store.open(path) as store:
        rows = agreement(store, ["alice", "bob"])
        assert next(r.value for r in rows if r.measure == "f1_links" and r.label is None) == 1.0
        # Bob says the toll was of the strike, not of the blasts: of 7 links each, 6 still match.
        bob = {e.id: e for e in store.events_for(document_id, ["bob"])}
        toll = spans["bob"]["toll"].id
        without_toll = {r: s for r, s in bob["E2-bob"].roles.items() if r != "casualty"}
        store.save_event(bob["E2-bob"]._replace(roles=without_toll))
        store.save_event(bob["E1-bob"]._replace(roles={**bob["E1-bob"].roles, "casualty": (toll,)}))
        rows = agreement(store, ["alice", "bob"])
        assert next(r.value for r in rows if r.measure == "f1_links" and r.label is None) == pytest.approx(12 / 14)
        assert next(r.value for r in rows if r.measure == "f1_links" and r.label == "casualty") == 0.0
        # No argument is an event span: f1_links has no row for that label (always undefined).
        assert not any(r.measure == "f1_links" and r.label == "event" for r in rows)
        assert any(r.measure == "f1_exact" and r.label == "event" for r in rows)
    assert main(["agreement", "--db", str(path), "--csv"]) == 0
    out = capsys.readouterr().out
    assert "f1_links,alice+bob,,,0.857143" in out
    assert main(["agreement", "--db", str(path)]) == 0
    assert any(line.startswith("f1_links") and line.rstrip().endswith("0.857")
               for line in capsys.readouterr().out.splitlines())

"""Two clients changing the same span: the second, which read it before the first changed it,
is refused (ConflictError) and changes nothing, in either store; a client that read it after
goes ahead."""

from __future__ import annotations

import pytest

from annotator.store import ConflictError, OpenMode, open_store


@pytest.fixture
def two_clients(store_location):
    with open_store(store_location, OpenMode.CREATE) as first:
        document, _ = first.add_document("قصفت طائرات مواقع قرب حلب", "gold")
        span = first.create_span(document.id, "gold", "place", 22, 25)
        with open_store(store_location, OpenMode.WRITE) as second:
            yield first, second, span


def test_the_second_change_of_a_span_read_before_the_first_is_refused(two_clients):
    first, second, span = two_clients
    read_by_first, read_by_second = first.span_updated_at(span.id), second.span_updated_at(span.id)
    first.update_span(span.id, label="event", expected_updated_at=read_by_first)
    with pytest.raises(ConflictError, match=rf"span {span.id} was changed \(now event 22-25\) by someone else"):
        second.update_span(span.id, start=18, expected_updated_at=read_by_second)
    with pytest.raises(ConflictError, match="by someone else"):
        second.delete_span(span.id, by="reviewer2", expected_updated_at=read_by_second)
    assert (second.span(span.id).label, second.span(span.id).start) == ("event", 22)  # the first change stands
    assert second.deletions() == []
    again = second.span_updated_at(span.id)  # read anew: now the second client may change it
    assert again > read_by_first
    second.update_span(span.id, start=18, expected_updated_at=again)
    assert first.span(span.id).text == "قرب حلب"


def test_a_span_deleted_by_one_client_is_a_conflict_for_the_other(two_clients):
    first, second, span = two_clients
    read = second.span_updated_at(span.id)
    first.delete_span(span.id, by="reviewer1", expected_updated_at=first.span_updated_at(span.id))
    with pytest.raises(ConflictError, match=f"span {span.id} was deleted by someone else"):
        second.update_span(span.id, label="date", expected_updated_at=read)
    assert second.span(span.id) is None and [d.deleted_by for d in second.deletions()] == ["reviewer1"]


def test_two_changes_in_the_same_millisecond_still_move_the_time_on(store):
    document, _ = store.add_document("قصفت طائرات مواقع قرب حلب", "gold")
    span = store.create_span(document.id, "gold", "place", 22, 25)
    seen = [store.span_updated_at(span.id)]
    for label in ("event", "place", "event"):
        store.update_span(span.id, label=label, expected_updated_at=seen[-1])
        seen.append(store.span_updated_at(span.id))
    assert seen == sorted(set(seen))  # each change a later time, however fast they come


def test_a_value_set_over_another_clients_change_is_refused(two_clients):
    first, second, span = two_clients
    read_by_second = second.span_updated_at(span.id)
    first.set_span_value(span.id, {"name": "حلب", "country": "SY"}, expected_updated_at=first.span_updated_at(span.id))
    with pytest.raises(ConflictError, match=f"span {span.id} was changed"):
        second.set_span_value(span.id, {"name": "حلب", "country": "TR"}, expected_updated_at=read_by_second)
    assert second.span(span.id).value["country"] == "SY"  # the first value stands
    second.set_span_value(span.id, {"name": "حلب", "country": "TR"},
                          expected_updated_at=second.span_updated_at(span.id))
    assert first.span(span.id).value["country"] == "TR"


def test_a_value_set_on_a_span_deleted_meanwhile_is_a_conflict(two_clients):
    first, second, span = two_clients
    read = second.span_updated_at(span.id)
    first.delete_span(span.id, by="reviewer1")
    with pytest.raises(ConflictError, match="deleted by someone else"):
        second.set_span_value(span.id, {"name": "حلب", "country": "SY"}, expected_updated_at=read)


def test_two_reviewers_accepting_the_same_span_make_one_gold_span(two_clients):
    """Each adds the gold copy it has not yet seen the other add: the second is refused, in
    either store, even when both transactions run at once (the server holds the document)."""
    from annotator.core.model import Span, new_span_id

    first, second, span = two_clients
    document_id = span.document_id
    proposal = first.create_span(document_id, "alice", "date", 0, 4)

    def gold_copy(reviewer: str) -> Span:
        return Span(new_span_id(), document_id, "gold", "date", 0, 4, proposal.text, {"accepted_by": reviewer},
                    "review")

    first.insert_span(gold_copy("rita"))
    with pytest.raises(ConflictError, match="already in the gold layer .*accepted by rita"):
        second.insert_span(gold_copy("omar"))
    assert [s.attrs["accepted_by"] for s in second.spans_for(document_id, ["gold"]) if s.label == "date"] == ["rita"]


def test_accepts_at_the_same_moment_on_a_server_wait_for_each_other(server_database_url):
    import threading

    from annotator.core.model import Span, new_span_id

    with open_store(server_database_url, OpenMode.CREATE) as owner:
        document, _ = owner.add_document("قصفت طائرات مواقع قرب حلب", "gold")
    outcomes: list[str] = []
    inside = threading.Barrier(2)

    def accept(reviewer: str) -> None:
        with open_store(server_database_url, OpenMode.WRITE) as store:
            with store.transaction():
                inside.wait()  # both transactions are open before either inserts
                try:
                    store.insert_span(Span(new_span_id(), document.id, "gold", "place", 22, 25, "حلب",
                                           {"accepted_by": reviewer}, "review"))
                    outcomes.append("added")
                except ConflictError:
                    outcomes.append("refused")

    threads = [threading.Thread(target=accept, args=(name,)) for name in ("rita", "omar")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == ["added", "refused"]
    with open_store(server_database_url, OpenMode.READ) as store:
        assert len(store.spans_for(document.id, ["gold"])) == 1

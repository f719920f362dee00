"""Deleted spans are recorded (who, when), so a merge does not bring them back."""

import shutil
from pathlib import Path

from annotator.store import Store
from annotator.store.migrations import SCHEMA_VERSION
from tests.arabic_samples import EMOJI

FIXTURES = Path(__file__).parent / "fixtures"


def test_a_version_2_project_migrates_and_records_deletions(tmp_path):
    db = tmp_path / "old.db"
    shutil.copy(FIXTURES / "schema-v2.db", db)
    with Store.open(db) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.setting("blind") == "true"  # version 2's data is still there
        span = store.span("11111111-1111-4111-8111-111111111111")
        assert span.text == "مدينة الصدر"
        store.delete_span(span.id, by="reviewer")
        (deletion,) = store.deletions()
        assert (deletion.span_id, deletion.annotator, deletion.deleted_by) == (span.id, span.annotator, "reviewer")
        assert deletion.deleted_at.endswith("+00:00")
        assert store.check() == []


def test_restoring_a_span_forgets_its_deletion(store):
    doc, _ = store.add_document(EMOJI, "e")
    span = store.create_span(doc.id, "alice", "place", 0, 6)
    kept = store.create_span(doc.id, "alice", "event", 0, 3)
    store.delete_span(span.id)
    store.delete_span(kept.id)
    assert {d.span_id: d.deleted_by for d in store.deletions()} == {span.id: "alice", kept.id: "alice"}
    store.insert_span(span)  # undo of the delete
    assert [d.span_id for d in store.deletions()] == [kept.id]
    assert store.span(span.id) == span

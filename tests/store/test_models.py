"""The models table (schema 5) behind the store: a learned suggester's model kept in the
project file, so it is there when the project is opened again or copied elsewhere."""

import shutil
from pathlib import Path

import pytest

from annotator.store import OpenMode, open_store
from annotator.store.interface import StoredModel


def _model(name: str = "crf:alice", data: bytes = b"\x00model\xff", documents=None) -> StoredModel:
    return StoredModel(name, "alice", ("place", "date"), {"features": 1, "documents": documents or {"1": "ab"}},
                       data)


def test_a_saved_model_reads_back_from_the_project_and_from_a_copy(store_location, tmp_path):
    with open_store(store_location, OpenMode.CREATE) as store:
        saved = store.save_model(_model())
        assert saved.created_at  # stamped when stored
    copy = tmp_path / "elsewhere" / "copy.db"
    copy.parent.mkdir()
    if isinstance(store_location, Path):
        shutil.copy(store_location, copy)
    else:  # a server's project travels as a project file
        with open_store(store_location, OpenMode.READ) as store:
            store.backup(copy)
    for path in (store_location, copy):
        with open_store(path, OpenMode.READ) as store:
            assert store.model("crf:alice") == saved
            assert store.models() == [saved]
            assert store.model("crf:bob") is None
    assert saved.data == b"\x00model\xff" and saved.labels == ("place", "date")


def test_saving_again_replaces_the_model_and_delete_forgets_it(store):
    store.save_model(_model())
    store.save_model(_model("crf:gold"))
    newer = store.save_model(_model(data=b"newer", documents={"1": "ab", "2": "cd"}))
    assert [m.name for m in store.models()] == ["crf:alice", "crf:gold"]
    assert store.model("crf:alice") == newer
    assert store.model("crf:alice").trained_on["documents"] == {"1": "ab", "2": "cd"}
    assert store.delete_model("crf:alice") is True
    assert store.delete_model("crf:alice") is False
    assert [m.name for m in store.models()] == ["crf:gold"]


def test_a_read_only_project_refuses_to_store_a_model_and_keeps_its_own(store_location):
    from annotator.store import StoreError

    with open_store(store_location, OpenMode.CREATE) as store:
        kept = store.save_model(_model())
    with open_store(store_location, OpenMode.READ) as store, pytest.raises(StoreError):
        store.save_model(_model(data=b"other"))
    with open_store(store_location, OpenMode.READ) as store:
        assert store.model("crf:alice") == kept

"""The store behind its interface: the layers above call only what ``ProjectStore`` declares,
nothing above the store touches SQLite, and whatever SQLite or a lookup refuses leaves the
store as one of its own errors (all of them ``AnnotatorError``s)."""

import ast
import socket
import sqlite3
from pathlib import Path

import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.model import Span
from annotator.store import (
    AnnotatorNotFound,
    ConstraintError,
    DocumentNotFound,
    InvalidValueError,
    OpenMode,
    ProjectStore,
    ServerProjectsUnsupported,
    SpanNotFound,
    Store,
    StoreError,
    open_store,
)

PACKAGE = Path(__file__).resolve().parents[2] / "annotator"
ABOVE_THE_STORE = [PACKAGE / "formats", PACKAGE / "rendering", PACKAGE / "review", PACKAGE / "ui", PACKAGE / "cli"]
STORE_TYPES = ("ProjectStore", "Store")


def _modules(*roots: Path) -> list[Path]:
    return sorted(p for root in roots for p in ([root] if root.is_file() else root.rglob("*.py")))


def _names_holding_a_store(function: ast.AST) -> set[str]:
    """Parameters annotated as a store, and names bound to ``open_store(...)``/``Store.open(...)``."""
    names = {"store"}
    if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
        arguments = function.args.posonlyargs + function.args.args + function.args.kwonlyargs
        names |= {a.arg for a in arguments if a.annotation is not None
                  and any(t in ast.unparse(a.annotation) for t in STORE_TYPES)}
    for node in ast.walk(function):
        if isinstance(node, ast.withitem) and isinstance(node.optional_vars, ast.Name):
            opened = ast.unparse(node.context_expr)
        elif isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            opened = ast.unparse(node.value)
        else:
            continue
        if "open_store(" in opened or "Store.open(" in opened:
            names.add(node.optional_vars.id if isinstance(node, ast.withitem) else node.targets[0].id)
    return names


def store_attributes_used(path: Path) -> set[str]:
    """Every attribute read on something that holds a store in ``path``: ``store.x``,
    ``self.store.x``, ``self.workspace.store.x``, ``target.x`` for ``target: ProjectStore``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    used = set()
    for function in [tree, *(n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)))]:
        names = _names_holding_a_store(function)
        for node in ast.walk(function):
            if not isinstance(node, ast.Attribute):
                continue
            holder = node.value
            if (isinstance(holder, ast.Name) and (holder.id in names or holder.id.endswith("_store"))) or \
                    (isinstance(holder, ast.Attribute) and holder.attr == "store"):
                used.add(node.attr)
    return used


def protocol_members() -> set[str]:
    members = set(ProjectStore.__annotations__)
    members |= {name for name in vars(ProjectStore) if not name.startswith("_")}
    return members | {"__enter__", "__exit__"}


def test_the_protocol_covers_every_store_call_of_the_layers_above():
    members = protocol_members()
    missing = {}
    for path in _modules(*ABOVE_THE_STORE):
        for name in store_attributes_used(path) - members:
            missing.setdefault(name, []).append(str(path.relative_to(PACKAGE.parent)))
    assert not missing, f"called on a store but not in ProjectStore: {missing}"


def test_the_scan_sees_calls_through_every_kind_of_holder():
    # The scan itself: a regression here would make the test above pass vacuously.
    assert {"insert_span", "ensure_annotator"} <= store_attributes_used(PACKAGE / "ui" / "workspace.py")
    assert {"record_deletions", "span_times"} <= store_attributes_used(PACKAGE / "review" / "merge.py")
    assert "document_shapes" in store_attributes_used(PACKAGE / "review" / "near_duplicates.py")


def test_each_store_has_everything_the_protocol_declares(store):
    assert isinstance(store, Store) or type(store).__name__ == "ServerStore"
    absent = sorted(name for name in protocol_members() if not hasattr(store, name))
    assert not absent


def test_no_module_outside_the_store_imports_sqlite3():
    offenders = []
    for path in _modules(PACKAGE):
        if (PACKAGE / "store") in path.parents:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module] if isinstance(node, ast.ImportFrom) else []
            if any(name and name.split(".")[0] == "sqlite3" for name in names):
                offenders.append(str(path.relative_to(PACKAGE.parent)))
    assert not offenders


def test_the_server_store_does_not_import_sqlite3():
    offenders = []
    for path in _modules(PACKAGE / "store" / "server"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module] if isinstance(node, ast.ImportFrom) else []
            if any(name and name.split(".")[0] == "sqlite3" for name in names):
                offenders.append(str(path.relative_to(PACKAGE.parent)))
    assert not offenders


def test_the_connection_is_private(store):
    assert not hasattr(store, "conn") and not hasattr(store, "db")


def test_a_span_id_taken_twice_is_a_store_error_and_nothing_of_the_batch_is_stored(store):
    doc, _ = store.add_document("قصفت طائرات مواقع في ريف حلب")
    first = store.create_span(doc.id, "alice", "event", 0, 4)
    fresh = Span("fresh-id", doc.id, "alice", "place", 21, 24, "ريف", {}, "manual")
    with pytest.raises(ConstraintError) as raised:
        store.insert_checked_spans([fresh, first])  # sqlite3.IntegrityError inside the transaction
    assert not isinstance(raised.value, sqlite3.Error) and str(store.path) in str(raised.value)
    assert "\n" not in str(raised.value)
    assert [s.id for s in store.spans_for(doc.id)] == [first.id]  # the batch was rolled back whole


def test_a_span_of_a_missing_document_is_refused_by_the_store(store):
    orphan = Span("orphan", 99, "alice", "event", 0, 4, "قصفت", {}, "manual")
    with pytest.raises(ConstraintError):  # the foreign key, not a bare IntegrityError
        store.insert_checked_spans([orphan])


def test_a_transaction_lets_no_sqlite_error_escape(store):
    doc, _ = store.add_document("نص")
    span = store.create_span(doc.id, "alice", "event", 0, 2)
    with pytest.raises(StoreError):
        with store.transaction():
            store.set_status(doc.id, "alice", "done")
            store.insert_checked_spans([span])
    assert store.status(doc.id, "alice") == "in_progress"  # the status set before it was undone too


@pytest.mark.parametrize("ask, error", [
    (lambda s: s.document(42), DocumentNotFound),
    (lambda s: s.document_text(42), DocumentNotFound),
    (lambda s: s.update_span("nope", label="event"), SpanNotFound),
    (lambda s: s.delete_span("nope"), SpanNotFound),
    (lambda s: s.set_annotator_role("nobody", "reviewer"), AnnotatorNotFound),
    (lambda s: s.set_annotator_role("alice", "boss"), InvalidValueError),
    (lambda s: s.set_label_color("weapon", "#fff"), InvalidValueError),
    (lambda s: s.set_status(1, "alice", "finished"), InvalidValueError),
    (lambda s: s.add_document(""), InvalidValueError),
    (lambda s: s.create_span(1, "alice", "weapon", 0, 2), InvalidValueError),
])
def test_lookups_and_bad_values_leave_as_store_errors_not_bare_key_or_value_errors(store, ask, error):
    store.add_document("نص")
    store.ensure_annotator("alice")
    with pytest.raises(error) as raised:
        ask(store)
    assert isinstance(raised.value, StoreError) and not isinstance(raised.value, KeyError)
    assert "\n" not in str(raised.value)


def test_another_kind_of_server_is_refused_and_never_taken_for_a_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ServerProjectsUnsupported, match="not a project file or a PostgreSQL server") as refused:
        open_store("mysql://u:secret@team.example/news", OpenMode.CREATE)
    assert "secret" not in str(refused.value)
    assert list(tmp_path.iterdir()) == []  # no "mysql:" folder, no file


@pytest.mark.parametrize("address", ["postgresql://u:secret@127.0.0.1:{port}/news", "postgres://u@localhost:{port}/db"])
def test_a_server_address_is_never_taken_for_a_file(tmp_path, monkeypatch, address):
    monkeypatch.chdir(tmp_path)
    with socket.socket() as unused:  # a port nothing listens on
        unused.bind(("127.0.0.1", 0))
        address = address.format(port=unused.getsockname()[1])
    with pytest.raises(StoreError, match="no PostgreSQL server answers") as refused:
        open_store(address, OpenMode.CREATE)
    assert "secret" not in str(refused.value) and "\n" not in str(refused.value)
    assert list(tmp_path.iterdir()) == []  # no "postgresql:" folder, no file


def test_every_error_of_ours_has_one_root():
    from annotator.cli import UserError
    from annotator.core.decoding import DecodeError
    from annotator.core.model import InvalidName, SpanError
    from annotator.formats.records import FormatError
    from annotator.formats.tagging import AlignmentError
    from annotator.review.merge import MergeError

    for error in (StoreError, FormatError, UserError, MergeError, AlignmentError, SpanError, InvalidName,
                  DecodeError):
        assert issubclass(error, AnnotatorError), error

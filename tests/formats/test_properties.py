"""For any input, every importer either imports cleanly or refuses with a FormatError that
names the file; nothing else escapes to the user. And offsets convert both ways for any text."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.offsets import Utf16Offsets
from annotator.formats.importer import import_paths
from annotator.formats.records import FormatError
from annotator.store import Store

ARABIC = st.text(alphabet="كتب لل جزيرة َُّ ـ\u200f💥\r\n ,.«»0٣ﻻ", max_size=40)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    with Store.open(tmp_path_factory.mktemp("props") / "p.db") as opened:
        yield opened


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("inputs")


def import_or_refuse(store, path, **options):
    before = store.document_count()
    try:
        import_paths(store, [path], annotator="h", **options)
    except FormatError as err:
        assert str(path.name) in str(err)
        assert store.document_count() == before  # a refused import stores nothing
        return False
    return True


@SETTINGS
@given(st.binary(max_size=200))
def test_any_bytes_as_a_text_file(store, folder, data):
    path = folder / "any.txt"
    path.write_bytes(data)
    import_or_refuse(store, path)


span_values = st.one_of(st.integers(-3, 60), st.text(max_size=3), st.none(), st.floats(allow_nan=False))
spans = st.lists(st.fixed_dictionaries({"start": span_values, "end": span_values,
                                         "label": st.sampled_from(["place", "event", "weapon", 3])}), max_size=4)


@SETTINGS
@given(st.one_of(
    st.fixed_dictionaries({"text": ARABIC, "spans": spans}),
    st.dictionaries(st.sampled_from(["text", "spans", "meta", "title"]),
                    st.one_of(ARABIC, st.integers(), st.lists(st.integers()))),
    st.fixed_dictionaries({"text": st.sampled_from(["   ", "\n", " \u200f "])}),  # text with no words
    st.lists(st.integers()),
))
def test_any_json_line(store, folder, value):
    path = folder / "any.jsonl"
    path.write_text(json.dumps(value, ensure_ascii=False) + "\n", encoding="utf-8")
    import_or_refuse(store, path)
    path.write_text(json.dumps(value, ensure_ascii=False)[:-1] + "\n", encoding="utf-8")  # truncated
    import_or_refuse(store, path)


@SETTINGS
@given(st.lists(st.one_of(
    st.tuples(ARABIC.filter(lambda t: t.strip() != ""), st.sampled_from(["O", "B-place", "I-place", "L-event", "U-date",
                                                                         "I-", "X-place", "B-place I-date"])),
    st.just(("", "")), st.just(("$#$", "O")), st.just(("-DOCSTART-", "-X- O O")),
), max_size=12), st.booleans())
def test_any_conll_file(store, folder, rows, skip_bad_lines):
    path = folder / "any.conll"
    path.write_text("".join(f"{a} {b}\n".lstrip(" ") if a else "\n" for a, b in rows), encoding="utf-8")
    import_or_refuse(store, path, add_labels=True, skip_bad_lines=skip_bad_lines)


@SETTINGS
@given(ARABIC,
       st.lists(st.tuples(st.integers(-2, 50), st.integers(-2, 50), st.sampled_from(["place", "x y"])), max_size=3))
def test_any_doccano_brat_and_label_studio_input(store, folder, text, entries):
    doccano = folder / "d.jsonl"
    doccano.write_text(json.dumps({"text": text, "label": [list(e) for e in entries]}, ensure_ascii=False) + "\n",
                       encoding="utf-8")
    import_or_refuse(store, doccano, add_labels=True)
    tasks = folder / "t.json"
    tasks.write_text(json.dumps([{"data": {"text": text}, "annotations": [{"result": [
        {"type": "labels", "value": {"start": s, "end": e, "labels": [label]}} for s, e, label in entries]}]}],
        ensure_ascii=False), encoding="utf-8")
    import_or_refuse(store, tasks, add_labels=True)
    brat = folder / "brat"
    brat.mkdir(exist_ok=True)
    (brat / "a.txt").write_text(text, encoding="utf-8", newline="")
    (brat / "a.ann").write_text("".join(f"T{i}\t{label} {s} {e}\t{text[max(s, 0):max(e, 0)]}\n"
                                        for i, (s, e, label) in enumerate(entries, 1)), encoding="utf-8", newline="")
    import_or_refuse(store, brat, add_labels=True)


@settings(max_examples=300)
@given(st.lists(st.sampled_from(["ا", "ب", "َ", "💥", "𝐀", "\r", "\n", "\r\n", " ", "\u200f"]),
                max_size=30).map("".join))
def test_offsets_convert_both_ways_for_any_text(text):
    from annotator.ui.qt_offsets import TextMapping

    mapping = TextMapping(text)
    assert mapping.qt_length == len(mapping.display.encode("utf-16-le")) // 2
    previous = -1
    for cp in range(len(text) + 1):
        qt = mapping.to_qt(cp)
        assert qt >= previous
        previous = qt
        if not (cp > 0 and text[cp - 1] == "\r" and text[cp:cp + 1] == "\n"):  # an LF shares its CR's position
            assert mapping.to_cp(qt) == cp
    units = Utf16Offsets(text)
    assert units.length == len(text.encode("utf-16-le")) // 2
    for cp in range(len(text) + 1):
        unit = units.to_utf16(cp)
        assert unit == len(text[:cp].encode("utf-16-le")) // 2  # Python's own UTF-16 encoder is the reference
        assert units.to_cp(unit) == cp
    inside_pairs = {units.to_utf16(cp) + 1 for cp, ch in enumerate(text) if ord(ch) > 0xFFFF}
    for unit in inside_pairs | {units.length + 1, -1}:
        with pytest.raises(ValueError):
            units.to_cp(unit)

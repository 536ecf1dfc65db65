"""Baseline: make, dump, load, apply, update."""

from __future__ import annotations

import copy
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.engine.baseline import (
    SCHEMA,
    apply_baseline,
    dumps_baseline,
    load_baseline,
    make_baseline,
    update_baseline,
)
from factcheck.errors import FactcheckError


def finding(fp: str, *docs: str, status: str | None = None) -> dict:
    out = {
        "id": "F" + fp,
        "fingerprint": fp,
        "rule": "FC101",
        "name": "value-conflict",
        "severity": "error",
        "message": f"message {fp}",
        "evidence": [{"doc": d, "line": 1, "column": 1, "quote": "q"} for d in docs or ("d1",)],
    }
    if status:
        out["status"] = status
    return out


def report(*findings: dict) -> dict:
    return {"schema": "factcheck.findings/1", "findings": list(findings)}


def write(tmp_path, text: str):
    path = tmp_path / "baseline.json"
    path.write_text(text, encoding="utf-8")
    return path


# make / dump / load


def test_make_baseline_entries_sorted_with_unique_docs():
    b = make_baseline(report(finding("bb", "d2", "d1", "d2"), finding("aa")))
    assert b["schema"] == SCHEMA
    assert [e["fingerprint"] for e in b["findings"]] == ["aa", "bb"]
    assert b["findings"][1] == {
        "fingerprint": "bb",
        "rule": "FC101",
        "name": "value-conflict",
        "severity": "error",
        "message": "message bb",
        "docs": ["d1", "d2"],
    }


def test_make_baseline_leaves_out_waived_and_duplicate_fingerprints():
    b = make_baseline(report(finding("aa"), finding("aa", "d9"), finding("cc", status="waived")))
    assert [(e["fingerprint"], e["docs"]) for e in b["findings"]] == [("aa", ["d1"])]


def test_dumps_is_canonical_ascii_with_trailing_newline():
    b = make_baseline(report(finding("bb"), finding("aa")))
    b["findings"][0]["message"] = "evil \u202e text"
    text = dumps_baseline({"schema": SCHEMA, "findings": list(reversed(b["findings"]))})
    assert text.endswith("}\n")
    assert text.isascii() and "\\u202e" in text
    assert text == json.dumps(json.loads(text), sort_keys=True, indent=2) + "\n"
    assert [e["fingerprint"] for e in json.loads(text)["findings"]] == ["aa", "bb"]


def test_load_round_trips(tmp_path):
    b = make_baseline(report(finding("bb"), finding("aa")))
    assert load_baseline(write(tmp_path, dumps_baseline(b))) == b


def test_load_missing_file_is_e301(tmp_path):
    with pytest.raises(FactcheckError) as err:
        load_baseline(tmp_path / "nope.json")
    assert err.value.code == "E301"


def test_load_invalid_json_is_e301_with_position(tmp_path):
    with pytest.raises(FactcheckError) as err:
        load_baseline(write(tmp_path, '{"schema": "factcheck.baseline/1",\n  "findings": [,]}'))
    assert (err.value.code, err.value.line, err.value.column) == ("E301", 2, 16)


@pytest.mark.parametrize(
    "data",
    [
        [],
        {"schema": SCHEMA},
        {"schema": SCHEMA, "findings": [{"fingerprint": "aa"}]},
        {"schema": SCHEMA, "findings": [], "extra": 1},
        {"schema": SCHEMA, "findings": [{**make_baseline(report(finding("a")))["findings"][0], "x": 1}]},
        {"schema": SCHEMA, "findings": [{**make_baseline(report(finding("a")))["findings"][0], "docs": "d1"}]},
    ],
)
def test_load_wrong_shape_is_e301(tmp_path, data):
    with pytest.raises(FactcheckError) as err:
        load_baseline(write(tmp_path, json.dumps(data)))
    assert err.value.code == "E301"
    assert err.value.path == str(tmp_path / "baseline.json")


@pytest.mark.parametrize("schema", [None, "factcheck.baseline/2", "factcheck.findings/1"])
def test_load_wrong_schema_is_e302(tmp_path, schema):
    data = {"findings": []} if schema is None else {"schema": schema, "findings": []}
    with pytest.raises(FactcheckError) as err:
        load_baseline(write(tmp_path, json.dumps(data)))
    assert err.value.code == "E302"
    assert err.value.hint


def test_load_dedupes_and_sorts(tmp_path):
    entries = make_baseline(report(finding("bb"), finding("aa")))["findings"]
    data = {"schema": SCHEMA, "findings": [entries[1], entries[0], entries[1]]}
    assert [e["fingerprint"] for e in load_baseline(write(tmp_path, json.dumps(data)))["findings"]] == [
        "aa",
        "bb",
    ]


# apply


def test_apply_classifies_new_unchanged_resolved():
    base = make_baseline(report(finding("aa"), finding("gone")))
    rep = report(finding("aa"), finding("nn"))
    before = copy.deepcopy(rep)
    out = apply_baseline(rep, base)
    assert {f["fingerprint"]: f["status"] for f in out["findings"]} == {"aa": "unchanged", "nn": "new"}
    assert [e["fingerprint"] for e in out["baseline"]["resolved"]] == ["gone"]
    assert out["baseline"]["resolved"][0]["rule"] == "FC101"
    assert rep == before  # input untouched


def test_apply_keeps_waived_status_and_other_baseline_keys():
    rep = report(finding("aa", status="waived"), finding("bb", status="waived"))
    rep["baseline"] = {"stale_waivers": [{"line": 3}]}
    out = apply_baseline(rep, make_baseline(report(finding("aa"))))
    assert [f["status"] for f in out["findings"]] == ["waived", "waived"]
    assert out["baseline"] == {"stale_waivers": [{"line": 3}], "resolved": []}


def test_apply_to_empty_report_resolves_everything():
    out = apply_baseline({"findings": []}, make_baseline(report(finding("aa"))))
    assert [e["fingerprint"] for e in out["baseline"]["resolved"]] == ["aa"]


# update


def test_update_only_shrinks():
    old = make_baseline(report(finding("aa"), finding("bb")))
    new = update_baseline(old, report(finding("bb"), finding("cc")))
    assert [e["fingerprint"] for e in new["findings"]] == ["bb"]


def test_update_keeps_old_entries_verbatim():
    old = make_baseline(report(finding("aa")))
    changed = finding("aa", "d7")
    changed["message"] = "reworded"
    assert update_baseline(old, report(changed)) == old


def test_update_with_reset_is_make_baseline():
    old = make_baseline(report(finding("aa"), finding("bb")))
    rep = report(finding("bb"), finding("cc"))
    assert update_baseline(old, rep, reset=True) == make_baseline(rep)


# properties

fingerprints = st.lists(st.text("0123456789abcdef", min_size=1, max_size=8), max_size=12)


@given(fingerprints)
def test_property_own_baseline_marks_all_unchanged(fps):
    rep = report(*(finding(fp) for fp in fps))
    out = apply_baseline(rep, make_baseline(rep))
    assert all(f["status"] == "unchanged" for f in out["findings"])
    assert out["baseline"]["resolved"] == []


@given(fingerprints, fingerprints)
def test_property_update_never_grows_without_reset(old_fps, new_fps):
    old = make_baseline(report(*(finding(fp) for fp in old_fps)))
    new = update_baseline(old, report(*(finding(fp) for fp in new_fps)))
    kept = {e["fingerprint"] for e in new["findings"]}
    assert kept <= {e["fingerprint"] for e in old["findings"]}
    assert kept == set(old_fps) & set(new_fps)

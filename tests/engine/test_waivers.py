"""Waivers: loading with positioned errors, applying with expiry and staleness."""

from __future__ import annotations

import copy
import datetime
import textwrap

import pytest

from factcheck.engine.baseline import apply_baseline, make_baseline
from factcheck.engine.waivers import Waiver, apply_waivers, load_waivers
from factcheck.errors import FactcheckError

TODAY = datetime.date(2026, 6, 1)


def waiver_file(tmp_path, text: str):
    path = tmp_path / "factcheck-waivers.yaml"
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def load_error(tmp_path, text: str) -> FactcheckError:
    with pytest.raises(FactcheckError) as err:
        load_waivers(waiver_file(tmp_path, text))
    return err.value


def finding(fp: str, doc: str = "d1", rule: str = "FC101") -> dict:
    return {
        "fingerprint": fp,
        "rule": rule,
        "name": "value-conflict" if rule == "FC101" else "other-rule",
        "severity": "error",
        "message": "m",
        "evidence": [{"doc": doc, "line": 2, "column": 1, "quote": "q"}],
    }


# load


def test_load_valid_file(tmp_path):
    path = waiver_file(
        tmp_path,
        """
        # accepted findings
        waivers:
          - fingerprint: aa11
            reason: "Both are right: different years."
            expires: 2027-01-01
            rule: FC101
          - rule: value-conflict
            doc: d2
            reason: |
              OCR damage
            expires: "2027-02-03"
        """,
    )
    first, second = load_waivers(path)
    assert first == Waiver(
        reason="Both are right: different years.",
        fingerprint="aa11",
        rule="FC101",
        expires=datetime.date(2027, 1, 1),
        path=str(path),
        line=3,
    )
    assert (second.fingerprint, second.rule, second.doc) == (None, "value-conflict", "d2")
    assert second.reason == "OCR damage"
    assert second.expires == datetime.date(2027, 2, 3)
    assert second.line == 7


@pytest.mark.parametrize("text", ["", "# nothing yet\n", "waivers:\n", "waivers: []\n"])
def test_load_empty_waives_nothing(tmp_path, text):
    assert load_waivers(waiver_file(tmp_path, text)) == []


def test_missing_reason_is_e311_at_entry(tmp_path):
    err = load_error(
        tmp_path,
        """
        waivers:
          - fingerprint: aa
            reason: fine
          - fingerprint: bb
            expires: 2027-01-01
        """,
    )
    assert (err.code, err.line, err.column) == ("E311", 4, 5)
    assert err.path.endswith("factcheck-waivers.yaml")


@pytest.mark.parametrize("value", ['"   "', "", "''"])
def test_blank_reason_is_e311(tmp_path, value):
    err = load_error(tmp_path, f"waivers:\n  - fingerprint: aa\n    reason: {value}\n")
    assert (err.code, err.line) == ("E311", 3)


def test_yaml_syntax_error_is_e310_with_position(tmp_path):
    err = load_error(
        tmp_path,
        """
        waivers:
          - fingerprint: [aa, bb
            reason: x
        """,
    )
    assert err.code == "E310"
    assert (err.line, err.column) == (3, 11)


def test_duplicate_key_is_e310(tmp_path):
    err = load_error(tmp_path, "waivers:\n  - fingerprint: aa\n    fingerprint: bb\n    reason: x\n")
    assert (err.code, err.line) == ("E310", 3)


@pytest.mark.parametrize(
    "value", ["soon", "2027", "2027-01-01 10:00:00", "01/02/2027", '"2027-02-30"', "[2027]"]
)
def test_bad_expiry_is_e312_at_key(tmp_path, value):
    text = f"waivers:\n  - fingerprint: aa\n    reason: x\n    expires: {value}\n"
    err = load_error(tmp_path, text)
    assert (err.code, err.line, err.column) == ("E312", 4, 5)


def test_impossible_unquoted_date_is_e312(tmp_path):
    err = load_error(tmp_path, "waivers:\n  - fingerprint: aa\n    reason: x\n    expires: 2027-13-01\n")
    assert err.code == "E312" and err.hint


def test_unknown_key_is_e313_at_key(tmp_path):
    err = load_error(
        tmp_path, "waivers:\n  - fingerprint: aa\n    reason: x\n    expries: 2027-01-01\n"
    )
    assert (err.code, err.line, err.column) == ("E313", 4, 5)
    assert "expries" in err.message


def test_unknown_top_level_key_is_e313(tmp_path):
    err = load_error(tmp_path, "waivers: []\nwaiver: []\n")
    assert (err.code, err.line, err.column) == ("E313", 2, 1)


@pytest.mark.parametrize(
    "text, line",
    [
        ("waivers:\n  - rule: FC101\n    reason: x\n", 2),  # rule without doc
        ("waivers:\n  - just a string\n", 2),
        ("waivers:\n  - fingerprint: 123\n    reason: x\n", 2),
        ("waivers: {fingerprint: aa}\n", 1),
        ("- fingerprint: aa\n", 1),
    ],
)
def test_other_shape_problems_are_e314(tmp_path, text, line):
    err = load_error(tmp_path, text)
    assert (err.code, err.line) == ("E314", line)


def test_unreadable_file_is_e310(tmp_path):
    with pytest.raises(FactcheckError) as err:
        load_waivers(tmp_path / "missing.yaml")
    assert err.value.code == "E310"


# apply


def test_apply_marks_matched_findings():
    rep = {"findings": [finding("aa"), finding("bb")]}
    before = copy.deepcopy(rep)
    w = Waiver(reason="ok", fingerprint="aa", expires=datetime.date(2027, 1, 1), line=2)
    out = apply_waivers(rep, [w], TODAY)
    assert out["findings"][0]["status"] == "waived"
    assert out["findings"][0]["waiver"] == {"reason": "ok", "expires": "2027-01-01"}
    assert "status" not in out["findings"][1]
    assert out["baseline"] == {"expired_waivers": [], "stale_waivers": []}
    assert rep == before


def test_rule_and_doc_must_both_match():
    rep = {"findings": [finding("aa", "d1"), finding("bb", "d2"), finding("cc", "d1", rule="FC202")]}
    out = apply_waivers(rep, [Waiver(reason="r", rule="value-conflict", doc="d1")], TODAY)
    assert [f.get("status") for f in out["findings"]] == ["waived", None, None]
    out = apply_waivers(rep, [Waiver(reason="r", rule="FC202", doc="d1")], TODAY)
    assert [f.get("status") for f in out["findings"]] == [None, None, "waived"]


def test_expired_waiver_does_not_apply_and_is_listed():
    rep = {"findings": [finding("aa")]}
    w = Waiver(reason="old", fingerprint="aa", expires=TODAY, path="w.yaml", line=5)
    out = apply_waivers(rep, [w], TODAY)
    assert "status" not in out["findings"][0]
    assert out["baseline"]["expired_waivers"] == [
        {
            "fingerprint": "aa",
            "rule": None,
            "doc": None,
            "reason": "old",
            "expires": TODAY.isoformat(),
            "path": "w.yaml",
            "line": 5,
        }
    ]
    assert out["baseline"]["stale_waivers"] == []
    # The day before it expires it still applies.
    out = apply_waivers(rep, [w], TODAY - datetime.timedelta(days=1))
    assert out["findings"][0]["status"] == "waived"


def test_stale_waiver_is_listed_with_its_line(tmp_path):
    path = waiver_file(
        tmp_path,
        """
        waivers:
          - fingerprint: aa
            reason: used
          - fingerprint: zz
            reason: matches nothing
        """,
    )
    out = apply_waivers({"findings": [finding("aa")]}, load_waivers(path), TODAY)
    stale = out["baseline"]["stale_waivers"]
    assert [(s["fingerprint"], s["line"], s["path"]) for s in stale] == [("zz", 4, str(path))]


def test_first_matching_waiver_gives_the_reason():
    ws = [Waiver(reason="broad", rule="FC101", doc="d1"), Waiver(reason="exact", fingerprint="aa")]
    out = apply_waivers({"findings": [finding("aa")]}, ws, TODAY)
    assert out["findings"][0]["waiver"]["reason"] == "broad"
    assert out["baseline"]["stale_waivers"] == []


def test_waivers_and_baseline_commute():
    rep = {"findings": [finding("aa"), finding("bb"), finding("cc")]}
    base = make_baseline({"findings": [finding("aa"), finding("gone")]})
    ws = [Waiver(reason="r", fingerprint="bb"), Waiver(reason="r", fingerprint="nope")]
    one = apply_baseline(apply_waivers(rep, ws, TODAY), base)
    two = apply_waivers(apply_baseline(rep, base), ws, TODAY)
    assert one == two
    assert [f["status"] for f in one["findings"]] == ["unchanged", "waived", "new"]
    assert set(one["baseline"]) == {"resolved", "expired_waivers", "stale_waivers"}

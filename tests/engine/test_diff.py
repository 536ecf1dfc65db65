"""Diff of two findings reports by fingerprint."""

from __future__ import annotations

from factcheck.engine.diff import Diff, diff_reports


def finding(fp: str, doc: str = "d1", line: int = 1, message: str = "m") -> dict:
    return {
        "fingerprint": fp,
        "rule": "FC101",
        "name": "value-conflict",
        "severity": "error",
        "message": message,
        "evidence": [{"doc": doc, "line": line, "column": 1, "quote": "q"}],
    }


def fps(findings: list[dict]) -> list[str]:
    return [f["fingerprint"] for f in findings]


def test_new_resolved_unchanged():
    old = {"findings": [finding("aa"), finding("gone")]}
    new = {"findings": [finding("aa"), finding("nn")]}
    d = diff_reports(old, new)
    assert (fps(d.new), fps(d.resolved), fps(d.unchanged)) == (["nn"], ["gone"], ["aa"])


def test_moved_finding_is_unchanged_and_shown_as_it_is_now():
    d = diff_reports({"findings": [finding("aa", line=3)]}, {"findings": [finding("aa", line=40)]})
    assert d.new == [] and d.resolved == []
    assert d.unchanged[0]["evidence"][0]["line"] == 40


def test_lists_are_sorted_by_location_then_fingerprint():
    new = {
        "findings": [finding("c", "d2", 1), finding("b", "d1", 9), finding("a", "d1", 9), finding("z", "d1", 2)]
    }
    assert fps(diff_reports({"findings": []}, new).new) == ["z", "a", "b", "c"]


def test_empty_reports():
    assert diff_reports({}, {"findings": []}) == Diff(new=[], resolved=[], unchanged=[])


def test_to_dict_and_inputs_are_independent_copies():
    old = {"findings": [finding("gone")]}
    new = {"findings": [finding("nn")]}
    d = diff_reports(old, new)
    out = d.to_dict()
    assert out == {"new": [finding("nn")], "resolved": [finding("gone")], "unchanged": []}
    out["new"][0]["message"] = "changed"
    d.new[0]["severity"] = "info"
    assert d.new[0]["message"] == "m"
    assert new["findings"][0]["severity"] == "error"

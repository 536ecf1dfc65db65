"""SARIF 2.1.0 view of the findings JSON."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import jsonschema
import pytest

from factcheck.report.sarif import render_sarif

DATA = Path(__file__).resolve().parents[1] / "data" / "report_small.json"
SCHEMA = Path("/work/shared/schemas/sarif-schema-2.1.0.json")


@pytest.fixture()
def report() -> dict:
    return json.loads(DATA.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    if not SCHEMA.exists():
        pytest.skip(f"SARIF schema not found at {SCHEMA}")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)  # draft-04, as its $schema says
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def _results(sarif: dict) -> dict[str, dict]:
    """Results keyed by fingerprint (the report's findings are keyed the same way)."""
    return {r["partialFingerprints"]["factcheck/v1"]: r for r in sarif["runs"][0]["results"]}


def _finding(report: dict, rule: str) -> dict:
    return next(f for f in report["findings"] if f["rule"] == rule)


def test_output_validates_against_the_sarif_schema(report: dict, validator) -> None:
    validator.validate(render_sarif(report))


def test_log_header_and_driver(report: dict) -> None:
    sarif = render_sarif(report)
    assert sarif["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert sarif["version"] == "2.1.0"
    assert len(sarif["runs"]) == 1
    driver = sarif["runs"][0]["tool"]["driver"]
    assert driver["name"] == "factcheck"
    assert driver["version"] == report["tool"]["version"]
    assert "informationUri" not in driver


def test_rules_come_from_the_report(report: dict) -> None:
    rules = render_sarif(report)["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r["code"] for r in report["rules"]]
    assert [r["name"] for r in rules] == [r["name"] for r in report["rules"]]
    levels = {r["id"]: r["defaultConfiguration"]["level"] for r in rules}
    assert levels == {"FC101": "error", "FC301": "warning", "FC401": "note", "FC102": "warning"}
    fc101 = rules[0]
    assert fc101["fullDescription"]["text"] == report["rules"][0]["description"]
    assert fc101["shortDescription"]["text"] == "Two documents state different values for the same fact."
    assert fc101["help"]["text"] == report["rules"][0]["help"]
    # Paragraphs survive in the Markdown help; punctuation is escaped.
    assert fc101["help"]["markdown"].split("\n\n") == [
        "Compare the quoted sentences\\.",
        "Prefer the value with more independent support\\.",
    ]


def test_results_point_at_their_rule_with_the_right_level(report: dict) -> None:
    sarif = render_sarif(report)
    rules = sarif["runs"][0]["tool"]["driver"]["rules"]
    results = sarif["runs"][0]["results"]
    assert len(results) == len(report["findings"])
    for result, finding in zip(results, report["findings"]):
        assert result["ruleId"] == finding["rule"]
        assert rules[result["ruleIndex"]]["id"] == finding["rule"]
    assert [r["level"] for r in results] == ["error", "warning", "note"]


def test_regions_are_one_based_and_match_the_evidence(report: dict) -> None:
    results = _results(render_sarif(report))
    for finding in report["findings"]:
        result = results[finding["fingerprint"]]
        locations = result["locations"] + result.get("relatedLocations", [])
        assert len(locations) == len(finding["evidence"])
        for location, item in zip(locations, finding["evidence"]):
            region = location["physicalLocation"]["region"]
            assert region["startLine"] == item["line"] >= 1
            assert region["startColumn"] == item["column"] >= 1
            assert region["snippet"]["text"] == item["quote"]
            assert (region["endLine"], region["endColumn"]) > (region["startLine"], region["startColumn"])


def test_related_locations_hold_the_other_side_of_a_conflict(report: dict) -> None:
    conflict = _finding(report, "FC101")
    result = _results(render_sarif(report))[conflict["fingerprint"]]
    first, other = conflict["evidence"]
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "corpus/a_first.txt"
    assert location["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
    [related] = result["relatedLocations"]
    assert related["id"] == 1
    assert related["message"]["text"] == f"other side: {other['value']}"
    physical = related["physicalLocation"]
    # A relative URI reference: forward slashes, reserved characters encoded.
    assert physical["artifactLocation"]["uri"] == "corpus/b%20odd%2C%2050%25%3A%20name.txt"
    assert physical["region"]["startLine"] == other["line"]
    # The message links to the related location, so code scanning shows it.
    assert result["message"]["text"].endswith("(other side: [corpus/b odd, 50%: name.txt:7](1))")


def test_single_evidence_findings_have_no_related_locations(report: dict) -> None:
    results = _results(render_sarif(report))
    assert "relatedLocations" not in results[_finding(report, "FC301")["fingerprint"]]


def test_fingerprints_map_to_partial_fingerprints(report: dict) -> None:
    results = render_sarif(report)["runs"][0]["results"]
    assert [r["partialFingerprints"] for r in results] == [
        {"factcheck/v1": f["fingerprint"]} for f in report["findings"]
    ]


def test_baseline_state_and_suppressions_follow_status(report: dict) -> None:
    results = _results(render_sarif(report))
    new = results[_finding(report, "FC101")["fingerprint"]]
    unchanged = results[_finding(report, "FC301")["fingerprint"]]
    waived_finding = _finding(report, "FC401")
    waived = results[waived_finding["fingerprint"]]
    assert new["baselineState"] == "new" and "suppressions" not in new
    assert unchanged["baselineState"] == "unchanged" and "suppressions" not in unchanged
    [suppression] = waived["suppressions"]
    assert suppression["kind"] == "external"
    assert suppression["justification"] == waived_finding["waiver"]["reason"]
    assert suppression["properties"] == {"expires": "2027-01-01"}


def test_no_status_means_no_baseline_state(report: dict) -> None:
    for finding in report["findings"]:
        finding.pop("status")
        finding.pop("waiver", None)
    for result in render_sarif(report)["runs"][0]["results"]:
        assert "baselineState" not in result
        assert "suppressions" not in result


def test_properties_carry_what_is_present(report: dict) -> None:
    results = _results(render_sarif(report))
    conflict = _finding(report, "FC101")
    arithmetic = _finding(report, "FC301")
    props = results[conflict["fingerprint"]]["properties"]
    assert props["kind"] == "conflict"
    assert props["claims"] == conflict["claims"]
    assert props["support"] == conflict["support"]
    assert "arithmetic" not in props  # null in the report
    props = results[arithmetic["fingerprint"]]["properties"]
    assert props["arithmetic"] == arithmetic["arithmetic"]
    assert "support" not in props


def test_artifacts_list_the_documents(report: dict) -> None:
    run = render_sarif(report)["runs"][0]
    uris = [a["location"]["uri"] for a in run["artifacts"]]
    assert uris == ["corpus/a_first.txt", "corpus/b%20odd%2C%2050%25%3A%20name.txt"]
    for result in run["results"]:
        for location in result["locations"] + result.get("relatedLocations", []):
            artifact = location["physicalLocation"]["artifactLocation"]
            assert run["artifacts"][artifact["index"]]["location"]["uri"] == artifact["uri"]


def test_input_problems_become_notifications(report: dict) -> None:
    [invocation] = render_sarif(report)["runs"][0]["invocations"]
    [note] = invocation["toolExecutionNotifications"]
    assert note["descriptor"]["id"] == "W101"
    assert note["level"] == "warning"
    assert note["message"]["text"] == "binary file skipped"


def test_hostile_text_cannot_form_links_or_escape_sequences(report: dict) -> None:
    sarif = render_sarif(report)
    texts = []
    for result in sarif["runs"][0]["results"]:
        texts.append(result["message"]["text"])
        texts += [r["message"]["text"] for r in result.get("relatedLocations", [])]
        # A justification is a plain string, not a message: no links there.
        for suppression in result.get("suppressions", []):
            assert "\x1b" not in suppression["justification"]
    for text in texts:
        assert "\x1b" not in text and "\u202e" not in text
        # Brackets from documents are escaped, so "[x](javascript:...)" is no
        # embedded link; the only link is the one to the related location.
        assert "[x](javascript" not in text
    waived = _results(sarif)[_finding(report, "FC401")["fingerprint"]]
    assert waived["message"]["text"].endswith("\\[x\\](javascript:alert(1))")
    # The snippet is the document's own text, kept exactly.
    snippet = waived["locations"][0]["physicalLocation"]["region"]["snippet"]["text"]
    assert snippet == _finding(report, "FC401")["evidence"][0]["quote"]


def test_output_is_deterministic_and_leaves_the_report_alone(report: dict) -> None:
    before = copy.deepcopy(report)
    first = json.dumps(render_sarif(report))
    second = json.dumps(render_sarif(copy.deepcopy(report)))
    assert first == second
    assert report == before


def test_degenerate_findings_still_validate(report: dict, validator) -> None:
    report["findings"].append(
        {"id": "F0009", "fingerprint": "9" * 64, "rule": "FC999", "name": "unknown",
         "kind": "event", "severity": "bogus", "message": "no evidence", "claims": [],
         "evidence": []}
    )
    report["findings"].append(
        {"id": "F0010", "fingerprint": "a" * 64, "rule": "FC101", "name": "value-conflict",
         "kind": "conflict", "severity": "error", "message": "bad positions", "claims": [],
         "evidence": [{"doc": "missing", "line": 0, "column": None, "quote": "", "value": None}]}
    )
    sarif = render_sarif(report)
    validator.validate(sarif)
    results = _results(sarif)
    assert "locations" not in results["9" * 64]
    assert "ruleIndex" not in results["9" * 64]
    location = results["a" * 64]["locations"][0]["physicalLocation"]
    assert "region" not in location
    assert location["artifactLocation"]["uri"] == "missing"


def test_empty_report_gives_an_empty_run(validator) -> None:
    sarif = render_sarif({"tool": {"name": "factcheck", "version": "0.1.0"}, "findings": [], "rules": []})
    validator.validate(sarif)
    assert sarif["runs"][0]["results"] == []

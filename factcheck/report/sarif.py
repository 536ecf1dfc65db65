"""SARIF 2.1.0 view of the findings JSON, for GitHub code scanning and IDEs.

A contradiction has two sides: the first evidence item is the result's
location and the others are ``relatedLocations``, linked from the message so
that code scanning shows them. Fingerprints go in ``partialFingerprints``
(they hold no line numbers, so an unrelated edit does not make an old finding
look new), and waived findings carry an external suppression.

The output is built from the report alone, in the report's order, with no
timestamps, so the same report always gives the same SARIF.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

from factcheck.report.sanitize import (
    document_paths,
    evidence_where,
    markdown_safe,
    positive_int,
    terminal_safe,
)

__all__ = ["SARIF_SCHEMA", "SARIF_VERSION", "render_sarif"]

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
FINGERPRINT_KEY = "factcheck/v1"
URI_BASE = "%SRCROOT%"

_LEVELS = {"error": "error", "warning": "warning", "info": "note"}
_BASELINE_STATES = {"new": "new", "unchanged": "unchanged"}
# SARIF plain-text messages give "[text](id)" the meaning of an embedded
# link (spec 3.11.6), so literal brackets from documents must be escaped,
# and so must a backslash that would otherwise escape a bracket.
_SARIF_LINK_CHARS = re.compile(r"\\(?=[\[\]])|[\[\]]")
_FIRST_SENTENCE = re.compile(r"(?<=[.!?])\s")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def render_sarif(report: dict) -> dict:
    """Return the SARIF 2.1.0 log (a JSON-ready dict) for *report*.

    One run; the driver's rules come from ``report["rules"]``, its results
    from ``report["findings"]`` in report order, its artifacts from
    ``report["documents"]``. Nothing is filtered: waived findings appear as
    suppressed results so that code scanning can show them as dismissed.
    """
    rules = report.get("rules") or []
    documents = report.get("documents") or []
    rule_index = {rule["code"]: i for i, rule in enumerate(rules)}
    artifact_index = {doc["id"]: i for i, doc in enumerate(documents)}
    paths = document_paths(report)
    claims = {claim["id"]: claim for claim in report.get("claims") or []}
    tool = report.get("tool") or {}

    driver: dict[str, Any] = {"name": "factcheck"}
    if tool.get("version"):
        driver["version"] = str(tool["version"])
    driver["rules"] = [_rule(rule) for rule in rules]

    run: dict[str, Any] = {
        "tool": {"driver": driver},
        # Columns in the report count Python characters, i.e. code points.
        "columnKind": "unicodeCodePoints",
        "artifacts": [_artifact(doc) for doc in documents],
        "results": [
            _result(finding, rule_index, artifact_index, paths, claims)
            for finding in report.get("findings") or []
        ],
    }
    invocation = _invocation(report.get("problems") or [])
    if invocation:
        run["invocations"] = [invocation]
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def _rule(rule: dict) -> dict:
    description = rule.get("description") or rule.get("name") or rule["code"]
    help_text = rule.get("help") or description
    descriptor: dict[str, Any] = {
        "id": rule["code"],
        "name": rule.get("name") or rule["code"],
        "shortDescription": {"text": _first_sentence(description)},
        "fullDescription": {"text": description},
        "help": {"text": help_text, "markdown": _markdown_paragraphs(help_text)},
        "defaultConfiguration": {"level": _level(rule.get("severity"))},
    }
    if rule.get("kind"):
        descriptor["properties"] = {"kind": rule["kind"], "tags": ["factcheck", rule["kind"]]}
    return descriptor


def _first_sentence(text: str) -> str:
    return _FIRST_SENTENCE.split(text.strip(), maxsplit=1)[0]


def _markdown_paragraphs(text: str) -> str:
    """Help text as inert Markdown that keeps its paragraph breaks."""
    paragraphs = (p.strip() for p in _PARAGRAPH_BREAK.split(text))
    return "\n\n".join(markdown_safe(p) for p in paragraphs if p)


def _level(severity: str | None) -> str:
    return _LEVELS.get(severity or "", "warning")


def _uri(path: str) -> str:
    """A relative URI reference for a document path (forward slashes, %-encoded)."""
    return quote(path.replace("\\", "/"), safe="/")


def _artifact(doc: dict) -> dict:
    artifact: dict[str, Any] = {
        "location": {"uri": _uri(doc.get("path") or doc["id"]), "uriBaseId": URI_BASE}
    }
    if doc.get("title"):
        artifact["description"] = {"text": terminal_safe(doc["title"])}
    return artifact


def _link_text(text: str) -> str:
    """Message text from documents: no control characters, no embedded links."""
    return _SARIF_LINK_CHARS.sub(lambda m: "\\" + m.group(0), terminal_safe(text))


def _result(
    finding: dict,
    rule_index: dict[str, int],
    artifact_index: dict[str, int],
    paths: dict[str, str],
    claims: dict[str, dict],
) -> dict:
    evidence = finding.get("evidence") or []
    result: dict[str, Any] = {"ruleId": finding["rule"]}
    if finding["rule"] in rule_index:
        result["ruleIndex"] = rule_index[finding["rule"]]
    result["level"] = _level(finding.get("severity"))

    text = _link_text(finding.get("message") or "")
    others = evidence[1:]
    if others:
        links = ", ".join(
            f"[{_link_text(evidence_where(item, paths))}]({i})" for i, item in enumerate(others, 1)
        )
        text = f"{text} (other side: {links})"
    result["message"] = {"text": text}

    if evidence:
        result["locations"] = [
            _location(evidence[0], artifact_index, paths, claims)
        ]
    if others:
        result["relatedLocations"] = [
            {
                "id": i,
                **_location(item, artifact_index, paths, claims),
                "message": {"text": "other side: " + _link_text(_other_value(item))},
            }
            for i, item in enumerate(others, 1)
        ]
    if finding.get("fingerprint"):
        result["partialFingerprints"] = {FINGERPRINT_KEY: finding["fingerprint"]}

    status = finding.get("status")
    if status in _BASELINE_STATES:
        result["baselineState"] = _BASELINE_STATES[status]
    if status == "waived":
        result["suppressions"] = [_suppression(finding.get("waiver") or {})]

    properties = {
        key: finding[key]
        for key in ("kind", "claims", "support", "arithmetic", "resolution", "cluster", "match")
        if finding.get(key) is not None
    }
    if properties:
        result["properties"] = properties
    return result


def _other_value(item: dict) -> str:
    value = item.get("value")
    return str(value) if value not in (None, "") else item.get("quote") or ""


def _location(
    item: dict,
    artifact_index: dict[str, int],
    paths: dict[str, str],
    claims: dict[str, dict],
) -> dict:
    doc = item.get("doc") or ""
    artifact: dict[str, Any] = {"uri": _uri(paths.get(doc, doc)), "uriBaseId": URI_BASE}
    if doc in artifact_index:
        artifact["index"] = artifact_index[doc]
    physical: dict[str, Any] = {"artifactLocation": artifact}
    region = _region(item, claims.get(item.get("claim") or ""))
    if region:
        physical["region"] = region
    location: dict[str, Any] = {"physicalLocation": physical}
    page = positive_int(item.get("page"))
    if page:  # a PDF: the region's lines are those of its extracted text; the page is what a reader opens
        location["properties"] = {"page": page, **({"pageLine": positive_int(item.get("page_line"))}
                                                   if positive_int(item.get("page_line")) else {})}
    return location


def _region(item: dict, claim: dict | None) -> dict:
    """1-based region of one evidence item; positions that are not valid are left out."""
    line, column = positive_int(item.get("line")), positive_int(item.get("column"))
    if not line:
        return {}
    region: dict[str, Any] = {"startLine": line}
    if column:
        region["startColumn"] = column
        # The claim knows where the mention ends (end_column is exclusive,
        # like SARIF's); use it only when it lies after the start.
        if claim is not None:
            end_line = positive_int(claim.get("end_line"))
            end_column = positive_int(claim.get("end_column"))
            if end_line and end_column and (end_line, end_column) > (line, column):
                region["endLine"] = end_line
                region["endColumn"] = end_column
    if item.get("quote"):
        region["snippet"] = {"text": item["quote"]}
    return region


def _suppression(waiver: dict) -> dict:
    suppression: dict[str, Any] = {"kind": "external", "status": "accepted"}
    if waiver.get("reason"):
        suppression["justification"] = terminal_safe(waiver["reason"])
    if waiver.get("expires"):
        suppression["properties"] = {"expires": waiver["expires"]}
    return suppression


def _invocation(problems: list[dict]) -> dict:
    """Input problems (skipped files, ...) as tool execution notifications."""
    if not problems:
        return {}
    notifications = []
    for problem in problems:
        notification: dict[str, Any] = {
            "descriptor": {"id": problem.get("code") or "problem"},
            "message": {"text": _link_text(problem.get("message") or "")},
            # errors.py: E-codes are errors, W-codes warnings.
            "level": "error" if str(problem.get("code", "")).startswith("E") else "warning",
        }
        if problem.get("path"):
            notification["locations"] = [
                {"physicalLocation": {"artifactLocation": {"uri": _uri(problem["path"]), "uriBaseId": URI_BASE}}}
            ]
        notifications.append(notification)
    return {"executionSuccessful": True, "toolExecutionNotifications": notifications}

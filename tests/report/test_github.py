"""GitHub Actions workflow-command annotations."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.report.github import escape_data, escape_property, render_github
from factcheck.report.sanitize import terminal_safe

DATA = Path(__file__).resolve().parents[1] / "data" / "report_small.json"
COMMAND = re.compile(r"^::(error|warning|notice) ([^:]*)::(.*)$")
KEYS = ("file", "line", "col", "title")


@pytest.fixture()
def report() -> dict:
    return json.loads(DATA.read_text(encoding="utf-8"))


def _unescape(text: str, prop: bool) -> str:
    """What the runner does to a value (the inverse of @actions/core's escaping)."""
    if prop:
        text = text.replace("%3A", ":").replace("%2C", ",")
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def _parse(line: str) -> tuple[str, dict[str, str], str]:
    match = COMMAND.match(line)
    assert match, line
    level, props, message = match.groups()
    pairs = [p.split("=", 1) for p in props.split(",")]
    assert all(len(p) == 2 and p[0] in KEYS for p in pairs), props
    return level, {k: _unescape(v, prop=True) for k, v in pairs}, _unescape(message, prop=False)


def test_one_command_per_finding(report: dict) -> None:
    out = render_github(report)
    assert out.endswith("\n")
    lines = out.splitlines()
    assert len(lines) == len(report["findings"])
    assert [_parse(line)[0] for line in lines] == ["error", "warning", "notice"]


def test_conflict_line_names_the_location_and_the_other_side(report: dict) -> None:
    first = render_github(report).splitlines()[0]
    assert first.startswith(
        "::error file=corpus/a_first.txt,line=3,col=10,title=FC101 value-conflict (new)::"
    )
    _, props, message = _parse(first)
    assert props == {"file": "corpus/a_first.txt", "line": "3", "col": "10", "title": "FC101 value-conflict (new)"}
    assert message.endswith("(other side: corpus/b odd, 50%: name.txt:7)")


def test_message_escapes_percent_and_newlines(report: dict) -> None:
    second = render_github(report).splitlines()[1]
    assert "10-12%25 per year" in second
    assert "recompute%0Asecond line" in second
    assert ":: recompute" in second  # "::" in the message part needs no escape
    assert _parse(second)[2] == report["findings"][1]["message"]


def test_property_values_escape_colon_comma_and_percent(report: dict) -> None:
    conflict = report["findings"][0]
    conflict["evidence"].reverse()
    first = render_github(report).splitlines()[0]
    assert "file=corpus/b odd%2C 50%25%3A name.txt,line=7,col=41," in first
    assert _parse(first)[1]["file"] == "corpus/b odd, 50%: name.txt"


def test_escape_functions() -> None:
    assert escape_data("50%\r\n::x,y:") == "50%25%0D%0A::x,y:"
    assert escape_property("50%\r\n::x,y:") == "50%25%0D%0A%3A%3Ax%2Cy%3A"
    # "%" first, so an existing escape is not decoded by the runner.
    assert escape_data("%0A") == "%250A"


def test_hostile_text_cannot_inject_commands_or_escapes(report: dict) -> None:
    report["findings"][0]["message"] = "x\n::add-mask::secret\r\n::stop-commands::tok\x1b[31m\u202e"
    report["findings"][0]["name"] = "name,with:colon\n::warning::"
    out = render_github(report)
    lines = out.splitlines()
    assert len(lines) == len(report["findings"])
    assert all(COMMAND.match(line) for line in lines)
    assert "\x1b" not in out and "\u202e" not in out and "\x07" not in out
    _, props, message = _parse(lines[0])
    assert props["title"] == "FC101 name,with:colon\n::warning:: (new)"
    assert message.startswith(terminal_safe("x\n::add-mask::secret\r\n::stop-commands::tok\x1b[31m\u202e"))


def test_waived_and_info_findings_are_notices_with_status(report: dict) -> None:
    level, props, message = _parse(render_github(report).splitlines()[2])
    assert level == "notice"
    assert props["title"] == "FC401 citation-future (waived)"
    assert message == report["findings"][2]["message"]


def test_no_status_no_suffix(report: dict) -> None:
    for finding in report["findings"]:
        finding.pop("status")
    _, props, _ = _parse(render_github(report).splitlines()[0])
    assert props["title"] == "FC101 value-conflict"


def test_findings_without_positions_omit_them(report: dict) -> None:
    report["findings"] = [
        {**report["findings"][0], "evidence": []},
        {**report["findings"][1], "evidence": [{"doc": "a_first.txt", "line": 0, "column": 3}]},
    ]
    first, second = render_github(report).splitlines()
    assert first.startswith("::error title=FC101 value-conflict (new)::")
    assert second.startswith("::warning file=corpus/a_first.txt,title=")


def test_empty_report_gives_nothing() -> None:
    assert render_github({"findings": []}) == ""


def test_deterministic_and_pure(report: dict) -> None:
    before = copy.deepcopy(report)
    assert render_github(report) == render_github(copy.deepcopy(report))
    assert report == before


@given(st.text())
def test_any_message_stays_one_parseable_line(text: str) -> None:
    report = {
        "documents": [{"id": "d", "path": text or "p"}],
        "findings": [{"rule": "FC1", "name": text, "severity": "warning", "message": text,
                      "evidence": [{"doc": "d", "line": 1, "column": 1}]}],
    }
    out = render_github(report)
    assert out.count("\n") == 1 and out.endswith("\n")
    assert "\r" not in out and "\x1b" not in out
    _, props, message = _parse(out[:-1])
    assert message == terminal_safe(text)
    assert props["title"] == terminal_safe(f"FC1 {text}".strip())

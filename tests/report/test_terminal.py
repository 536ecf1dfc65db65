"""Rich terminal summary of the findings JSON."""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path

import pytest
from rich.console import Console

from factcheck.report.terminal import render_terminal

DATA = Path(__file__).resolve().parents[1] / "data" / "report_small.json"


@pytest.fixture()
def report() -> dict:
    return json.loads(DATA.read_text(encoding="utf-8"))


def _render(report: dict, **kwargs) -> str:
    console = Console(record=True, width=120, force_terminal=False)
    render_terminal(report, console, **kwargs)
    return console.export_text()


def test_summary_counts(report: dict) -> None:
    text = _render(report)
    assert "2 documents, 5 claims (4 checked), 3 findings" in text
    assert "factcheck 0.1.0" in text
    rows = {line.split()[0]: line.split()[1:] for line in text.splitlines() if line.strip()}
    # kind -> error, warning, info, total
    assert rows["kind"] == ["error", "warning", "info", "total"]
    assert rows["conflict"] == ["1", "-", "-", "1"]
    assert rows["arithmetic"] == ["-", "1", "-", "1"]
    assert rows["citation"] == ["-", "-", "1", "1"]
    assert rows["total"] == ["1", "1", "1", "3"]


@pytest.mark.parametrize(
    "expected",
    [
        "Status: new 1, unchanged 1, waived 1",
        "Baseline: 1 resolved, 0 stale waivers",
        "Input problems: 1",
        "W101 corpus/x.pdf.txt: binary file skipped",
        "ERROR  FC101 value-conflict  [NEW]",
        "WARNING  FC301 growth-arithmetic  [UNCHANGED]",
        "INFO  FC401 citation-future  [WAIVED]",
        "first opening year differs: 2007 vs 2009",
        "arithmetic: (28.6/25.68)^(1/5) - 1 = 2.2% per year, stated 10-12%",
        "waived: known typo in the source",
    ],
)
def test_summary_and_finding_lines(report: dict, expected: str) -> None:
    assert expected in _render(report)


def test_evidence_shows_place_value_and_quote(report: dict) -> None:
    text = _render(report)
    # Both sides of the conflict, with doc:line and the value.
    lines = text.splitlines()
    first = lines.index("   corpus/a_first.txt:3  = 2007 (year)")
    assert lines[first + 1].startswith("     \u201copened in 2007")
    other = lines.index("   corpus/b odd, 50%: name.txt:7  = 2009 (year)")
    assert lines[other + 1].startswith("     \u201cin 2009")


def test_findings_are_ordered_by_severity_then_rule_then_place(report: dict) -> None:
    findings = report["findings"]
    extra = copy.deepcopy(findings[0])
    extra.update(id="F0009", rule="FC100", name="early-rule", fingerprint="9" * 64)
    later_line = copy.deepcopy(findings[0])
    later_line.update(id="F0008", fingerprint="8" * 64, message="the later one")
    later_line["evidence"][0]["line"] = 99
    report["findings"] = list(reversed(findings)) + [later_line, extra]
    text = _render(report)
    order = [
        text.index("FC100 early-rule"),
        text.index("first opening year differs"),
        text.index("the later one"),
        text.index("FC301 growth-arithmetic  ["),
        text.index("FC401 citation-future  ["),
    ]
    assert order == sorted(order)


def test_top_limits_the_findings_shown(report: dict) -> None:
    text = _render(report, top=1)
    assert "Top 1 of 3 findings" in text
    assert "FC101 value-conflict  [NEW]" in text
    assert "FC301 growth-arithmetic  [" not in text
    assert "... and 2 more findings in the full report" in text


def test_outputs_are_listed_last(report: dict) -> None:
    report["outputs"] = {"json": "reports/findings.json", "html": "reports/findings.html"}
    text = _render(report)
    last = [line for line in text.splitlines() if line.strip()][-1]
    assert last == "Reports: json reports/findings.json, html reports/findings.html"


def test_no_outputs_no_reports_line(report: dict) -> None:
    assert "Reports:" not in _render(report)


def test_quotes_are_shortened_to_one_line(report: dict) -> None:
    report["findings"][1]["evidence"][0]["quote"] = "word " * 60 + "\nEND"
    text = _render(report)
    lines = text.splitlines()
    where = next(i for i, line in enumerate(lines) if "corpus/a_first.txt:12" in line)
    quote_line = lines[where + 1]
    assert quote_line.startswith("     \u201cword word")
    assert quote_line.endswith("\u2026\u201d")
    assert len(quote_line) <= 120
    assert "END" not in text


def test_markup_in_document_text_is_shown_literally(report: dict) -> None:
    report["findings"][0]["message"] = "[red]not red[/red] :smile: [link=http://evil]x[/link]"
    text = _render(report)
    assert "[bold]x[/bold]" in text
    assert "[red]not red[/red] :smile: [link=http://evil]x[/link]" in text
    assert "<script>alert(1)</script>" in text


def test_hostile_text_has_no_escape_characters(report: dict) -> None:
    text = _render(report)
    assert "\x1b" not in text
    assert "\u202e" not in text and "\u2066" not in text
    # The hidden characters are made visible instead of dropped.
    assert "\\x1b[31mRED\\x1b[0m" in text
    assert "\\u202eevil\\u202c" in text
    assert "\\x1b]8;;http://evil\\x07click" in text


def test_hostile_text_on_a_colour_terminal(report: dict) -> None:
    # On a real terminal rich emits its own styling escapes; none of the
    # document's sequences may get through.
    out = io.StringIO()
    console = Console(file=out, width=120, force_terminal=True, color_system="truecolor")
    render_terminal(report, console)
    raw = out.getvalue()
    assert "\x1b[" in raw  # rich's own styling is there
    assert "\x1b]8;;http://evil" not in raw
    assert "\x1b[31mRED" not in raw
    assert "\x07" not in raw
    assert "\u202e" not in raw


def test_lone_surrogates_do_not_crash_the_console(report: dict) -> None:
    report["findings"][0]["evidence"][0]["quote"] = "bad \ud800 surrogate"
    out = io.BytesIO()
    wrapper = io.TextIOWrapper(out, encoding="utf-8")
    console = Console(file=wrapper, width=120, force_terminal=False)
    render_terminal(report, console)
    wrapper.flush()
    assert "bad \\ud800 surrogate" in out.getvalue().decode("utf-8")


def test_empty_report(report: dict) -> None:
    report["findings"] = []
    text = _render(report)
    assert "0 findings" in text
    assert "No findings." in text


def test_pure(report: dict) -> None:
    before = copy.deepcopy(report)
    assert _render(report) == _render(copy.deepcopy(report))
    assert report == before

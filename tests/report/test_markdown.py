"""Markdown PR comment of a findings diff: structure and inert document text."""

from __future__ import annotations

import re

import pytest

from factcheck.engine.diff import diff_reports
from factcheck.report.markdown import render_diff_markdown


def finding(fp: str, message: str = "m", quote: str = "q", severity: str = "error", docs=("d1",)) -> dict:
    return {
        "fingerprint": fp,
        "rule": "FC101",
        "name": "value-conflict",
        "severity": severity,
        "message": message,
        "evidence": [{"doc": d, "line": 7, "column": 1, "quote": quote} for d in docs],
    }


def render(old: list[dict], new: list[dict], **kw) -> str:
    return render_diff_markdown(diff_reports({"findings": old}, {"findings": new}), **kw)


def unescaped_pipes(line: str) -> int:
    """Pipes a GFM table would split on: those not preceded by an odd run of backslashes."""
    return sum(1 for m in re.finditer(r"(\\*)\|", line) if len(m.group(1)) % 2 == 0)


def table_rows(md: str) -> list[str]:
    return [line for line in md.splitlines() if line.startswith("| ") and "---" not in line][1:]


def test_heading_table_and_details():
    md = render([finding("aa"), finding("gone")], [finding("aa"), finding("nn", "new thing")])
    assert md.startswith("## factcheck: 1 new finding, 1 resolved, 1 unchanged\n")
    assert "| Severity | Rule | Message | Location | Quote |" in md
    assert table_rows(md) == ["| error | FC101 value\\-conflict | new thing | d1:7 | q |"]
    assert "<details>\n<summary>Resolved (1)</summary>\n\n- **error**" in md
    assert "<summary>Unchanged (1)</summary>" in md
    assert md.endswith("</details>\n")


def test_no_new_findings():
    md = render([finding("aa")], [finding("aa")])
    assert "0 new findings" in md and "No new findings." in md and "| Severity" not in md


def test_errors_first_and_limit():
    new = [finding(f"f{i}", severity="info") for i in range(3)] + [finding("zz", severity="error")]
    md = render([], new, limit=2)
    rows = table_rows(md)
    assert len(rows) == 2 and rows[0].startswith("| error |")
    assert "… and 2 more" in md


def test_two_sided_evidence_in_one_cell():
    md = render([], [finding("aa", docs=("d1", "d2", "d3", "d4"))])
    (row,) = table_rows(md)
    assert "d1:7<br>d2:7<br>d3:7<br>+1 more" in row


HOSTILE = (
    "<script>alert(1)</script> [x](javascript:alert(1)) ![i](http://e/x.png) "
    "@user a|b \x1b[31mRED\x1b[0m \u202eevil\u202c **bold** <!-- c --> &amp; `code`\n# heading\r\n- item"
)


def test_hostile_text_is_inert_in_table_and_details():
    md = render([finding("gone", HOSTILE, HOSTILE)], [finding("nn", HOSTILE, HOSTILE, docs=("a|b <i>",))])
    for raw in ("<script>", "](javascript:", "![i](", "@user", "<!--", "**bold**", "`code`", "<i>"):
        assert raw not in md, raw
    assert not re.search(r"(?<!\\)&amp;", md)  # "\&amp;" shows the text, not an entity
    assert "\x1b" not in md and "\u202e" not in md and "\r" not in md
    # Newlines in document text never start a new block.
    assert not re.search(r"^(# heading|- item)", md, re.M)
    # A pipe in document text does not add table cells: 6 delimiters for 5 cells.
    (row,) = table_rows(md)
    assert unescaped_pipes(row) == 6
    # The only HTML is ours.
    tags = set(re.findall(r"(?<!\\)</?[a-z]+>", md))
    assert tags <= {"<br>", "<details>", "</details>", "<summary>", "</summary>"}


def test_long_quote_is_cut():
    md = render([], [finding("nn", quote="word " * 200)])
    (row,) = table_rows(md)
    assert len(row) < 500 and "…" in row


def test_accepts_to_dict_and_baseline_style_resolved_entries():
    resolved = [{"fingerprint": "gone", "rule": "FC101", "message": "old", "docs": ["d9"]}]
    md = render_diff_markdown({"new": [], "resolved": resolved, "unchanged": []})
    assert "FC101" in md and "old (d9)" in md


def test_hostile_text_renders_as_plain_text():
    markdown_it = pytest.importorskip("markdown_it")
    md = render([finding("gone", HOSTILE, HOSTILE)], [finding("nn", HOSTILE, HOSTILE)])
    # Raw HTML on, as GitHub allows some: only the escaping keeps it out.
    html = markdown_it.MarkdownIt("commonmark", {"html": True}).enable("table").render(md)
    for tag in ("<script", "<a ", "<img", "<em>", "<code>", "<h1>", "<!--", "<i>"):
        assert tag not in html, tag
    assert html.count("<strong>") == 1  # the severity of the one folded (resolved) item
    assert html.count("<tr>") == 2 and html.count("<td>") == 5
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "[x](javascript:alert(1))" in html

"""The HTML report without a browser: self-contained, escaped, counts right."""

from __future__ import annotations

import base64
import copy
import hashlib
import json
import re
from collections import Counter
from html.parser import HTMLParser

from conftest import load_sample, odd_report
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.report.html import render_html

DATA_BLOCK = re.compile(r'<script type="application/json" id="data">(.*?)</script>', re.S)
RESOURCE_ATTRS = {"src", "href", "xlink:href", "action", "formaction", "data", "poster", "srcset", "background"}
INJECTIONS = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>")
NASTY = ("</script><script>alert(1)//", "<!--", "]]>", "\"'><svg onload=x>", "&lt;b&gt;", "\u2028\u202e")


class Tags(HTMLParser):
    """Start/end tags with their attribute names, plus text per element id."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.shape: list[tuple] = []
        self.attrs: list[tuple[str, str, str | None]] = []
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.text_by_class: dict[str, list[str]] = {}
        self._open: list[str | None] = []
        self._raw: str | None = None

    def handle_starttag(self, tag, attrs):
        self.shape.append(("start", tag, tuple(sorted(name for name, _ in attrs))))
        self.attrs.extend((tag, name, value) for name, value in attrs)
        classes = dict(attrs).get("class") or ""
        self._open.append(classes.split()[0] if classes else None)
        if tag in ("script", "style"):
            self._raw = tag
            (self.scripts if tag == "script" else self.styles).append("")

    def handle_startendtag(self, tag, attrs):
        self.shape.append(("start", tag, tuple(sorted(name for name, _ in attrs))))
        self.attrs.extend((tag, name, value) for name, value in attrs)

    def handle_endtag(self, tag):
        self.shape.append(("end", tag))
        if self._open:
            self._open.pop()
        self._raw = None

    def handle_data(self, data):
        if self._raw == "script":
            self.scripts[-1] += data
        elif self._raw == "style":
            self.styles[-1] += data
        cls = next((c for c in reversed(self._open) if c), None)
        if cls:
            self.text_by_class.setdefault(cls, []).append(data)


def parse(html: str) -> Tags:
    tags = Tags()
    tags.feed(html)
    tags.close()
    return tags


def data_block(html: str) -> str:
    blocks = DATA_BLOCK.findall(html)
    assert len(blocks) == 1
    return blocks[0]


def without_data(html: str) -> str:
    return DATA_BLOCK.sub('<script type="application/json" id="data"></script>', html)


def count(html: str, element_id: str) -> int:
    match = re.search(rf'id="{re.escape(element_id)}">(\d+)<', html)
    assert match, element_id
    return int(match.group(1))


# ---------------------------------------------------------------- self-contained


def test_page_is_one_document_and_rendering_is_pure(report_sample):
    before = copy.deepcopy(report_sample)
    html = render_html(report_sample)
    assert html.startswith("<!DOCTYPE html>")
    assert html.count("<html") == 1 and html.rstrip().endswith("</html>")
    assert report_sample == before, "render_html must not change its input"
    assert render_html(report_sample) == html, "same report, same bytes"


def test_no_resource_is_referenced_outside_the_page(report_sample):
    html = render_html(report_sample)
    tags = parse(html)
    for tag, name, value in tags.attrs:
        if name in RESOURCE_ATTRS:
            assert value is not None and (value.startswith("#") or value.startswith("data:")), (tag, name, value)
    assert not any(tag == "link" and name == "rel" and value == "stylesheet" for tag, name, value in tags.attrs)
    # Only the JSON block and the one inline script; no script has a src.
    assert [s for s in re.findall(r"<script\b[^>]*>", html)] == [
        '<script type="application/json" id="data">',
        "<script>",
    ]
    css = "".join(tags.styles)
    assert "@import" not in css and "url(" not in css
    # Links in document text stay text (they are in the data only).
    assert "http://stat.example.org/edu" in data_block(html)
    assert "http://stat.example.org" not in without_data(html)


def test_content_security_policy_allows_only_the_inline_blocks(report_sample):
    html = render_html(report_sample)
    tags = parse(html)
    csp = next(v for t, n, v in tags.attrs if t == "meta" and n == "content" and "default-src" in (v or ""))
    assert "default-src 'none'" in csp

    def digest(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"

    js = tags.scripts[-1]
    assert f"script-src {digest(js)};" in csp
    assert f"style-src {digest(tags.styles[0])};" in csp
    assert "'unsafe-inline'" not in csp


# ---------------------------------------------------------------- escaping


def test_injected_markup_appears_only_escaped(report_sample):
    html = render_html(report_sample)
    outside = without_data(html)
    for raw in INJECTIONS:
        assert raw in json.dumps(report_sample), "the sample must carry the injection"
        assert raw not in outside
    assert "<img" not in outside
    assert "&lt;img src=x onerror=alert(1)&gt;" in outside  # title, server-rendered
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in outside  # quote in a chart tooltip
    block = data_block(html)
    assert "</script" not in block.lower()
    assert "<" not in block and ">" not in block
    assert "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e" in block


def test_data_block_round_trips_and_holds_every_finding(report_sample):
    html = render_html(report_sample)
    data = json.loads(data_block(html))
    assert data == report_sample
    assert {f["id"] for f in data["findings"]} == {f["id"] for f in report_sample["findings"]}
    for finding in report_sample["findings"]:
        assert f'"id":"{finding["id"]}"' in html


def test_separators_and_ampersands_are_escaped_in_the_data(report_sample):
    report_sample["documents"][0]["paragraphs"][0]["text"] += " a\u2028b\u2029c & <!-- d"
    block = data_block(render_html(report_sample))
    assert "\u2028" not in block and "\u2029" not in block and "&" not in block and "<!--" not in block
    assert json.loads(block)["documents"][0]["paragraphs"][0]["text"].endswith(" a\u2028b\u2029c & <!-- d")


def test_hidden_characters_in_server_rendered_text_are_shown(report_sample):
    report_sample["documents"][0]["title"] = "Safe\u202etxt.exe"
    html = without_data(render_html(report_sample))
    assert "\u202e" not in html
    assert "Safe\\u202etxt.exe" in html


def _inject(report: dict, text: str) -> dict:
    """Put *text* everywhere the page shows document-derived strings."""
    report = copy.deepcopy(report)
    doc = report["documents"][0]
    doc["title"] = text
    doc["published_evidence"] = text
    doc["paragraphs"][0]["text"] = text
    doc["skipped"] = [{"line": 1, "end_line": 2, "label": "skipped", "reason": text}]
    clustered = report["clusters"][0]["points"][0]["claim"]
    for claim in report["claims"]:
        if claim["id"] == clustered:
            claim["quote"] = text
            claim["sentence"] = text
    finding = report["findings"][0]
    finding["message"] = text
    finding["evidence"][0]["quote"] = text
    report["problems"][0]["message"] = text
    report["baseline"]["resolved"][0]["message"] = text
    return report


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=80) | st.sampled_from(INJECTIONS + NASTY))
def test_arbitrary_text_never_becomes_markup(text):
    sample = load_sample()
    # Wrapped so empty text does not switch template branches ("no title found").
    wrapped = f"[{text}]"
    html = render_html(_inject(sample, wrapped))
    reference = render_html(_inject(sample, "[x]"))

    block = data_block(html)
    assert "<" not in block and ">" not in block
    assert json.loads(block) == _inject(sample, wrapped)

    tags = parse(without_data(html))
    assert tags.shape == parse(without_data(reference)).shape, "text from the data created or broke a tag"
    # And it reads back as the text itself (hidden characters made visible).
    from factcheck.report.sanitize import terminal_safe

    assert "".join(tags.text_by_class["doc-title"]).count(terminal_safe(wrapped)) >= 1


# ---------------------------------------------------------------- overview


def test_overview_counts_match_the_findings(report_sample):
    html = render_html(report_sample)
    findings = report_sample["findings"]
    severities = Counter(f["severity"] for f in findings)
    for severity in ("error", "warning", "info"):
        assert count(html, f"count-severity-{severity}") == severities[severity]
    assert count(html, "count-total") == len(findings)
    for kind, n in Counter(f["kind"] for f in findings).items():
        assert count(html, f"count-kind-{kind}") == n
    for rule, n in Counter(f["rule"] for f in findings).items():
        assert count(html, f"count-rule-{rule}") == n
    for status, n in Counter(f["status"] for f in findings).items():
        assert count(html, f"count-status-{status}") == n
    for key, n in report_sample["coverage"].items():
        assert count(html, f"coverage-{key}") == n


def test_coverage_says_silence_is_not_all_clear(report_sample):
    html = render_html(report_sample)
    note = re.search(r'<p class="silence" id="coverage-note">(.*?)</p>', html, re.S).group(1)
    cov = report_sample["coverage"]
    unchecked = cov["claims_extracted"] - cov["claims_checked"]
    assert f"The other {unchecked} were not checked" in note
    assert "Silence is not" in note and "all clear" in note


def test_corpus_table_shows_dates_sources_segments_and_skips(report_sample):
    html = render_html(report_sample)
    table = re.search(r'<table class="corpus" id="corpus-table">(.*?)</table>', html, re.S).group(1)
    rows = re.findall(r"<tr>(.*?)</tr>", table.split("<tbody>")[1], re.S)
    assert len(rows) == len(report_sample["documents"])
    for doc, row in zip(report_sample["documents"], rows, strict=True):
        assert doc["id"] in row
        if doc["published"]:
            assert doc["published"] in row and f"from {doc['published_source']}" in row
        else:
            assert "unknown" in row
        for label, n in doc["segments"].items():
            assert f"{label}: {n}" in row
        for skip in doc["skipped"]:
            assert skip["reason"].replace("(", "(") in row
    assert "Received 12 March 2019" in html


def test_problems_and_baseline_are_listed(report_sample):
    html = render_html(report_sample)
    problems = re.search(r'<table class="problems" id="problems-table">(.*?)</table>', html, re.S).group(1)
    for problem in report_sample["problems"]:
        assert problem["code"] in problems and problem["message"] in problems
    resolved = re.search(r'<table class="baseline" id="baseline-resolved">(.*?)</table>', html, re.S).group(1)
    for item in report_sample["baseline"]["resolved"]:
        assert item["message"] in resolved and item["fingerprint"][:12] in resolved
    assert 'id="baseline-stale"' in html


def test_status_filter_only_when_findings_have_a_status(report_sample):
    html = render_html(report_sample)
    assert 'id="f-status"' in html
    assert '<option value="waived">waived (1)</option>' in html
    for finding in report_sample["findings"]:
        finding.pop("status", None)
        finding.pop("waiver", None)
    del report_sample["baseline"]
    html = render_html(report_sample)
    assert 'id="f-status"' not in html and "count-status-" not in html and "baseline-resolved" not in html


def test_filter_options_list_what_the_findings_have(report_sample):
    html = render_html(report_sample)
    select = re.search(r'<select id="f-rule" name="rule">(.*?)</select>', html, re.S).group(1)
    assert re.findall(r'<option value="(FC\d+)"', select) == sorted({f["rule"] for f in report_sample["findings"]})
    select = re.search(r'<select id="f-doc" name="doc">(.*?)</select>', html, re.S).group(1)
    docs = {e["doc"] for f in report_sample["findings"] for e in f["evidence"]}
    assert set(re.findall(r'<option value="([^"]+)"', select)) == docs


def test_empty_report_renders_and_does_not_claim_all_clear():
    html = render_html({"schema": "factcheck.findings/1", "documents": [], "claims": [], "findings": []})
    assert "No findings" in html and "not that the corpus is right" in html
    assert 'id="findings-list"' not in html
    assert "Silence is not" in html
    assert json.loads(data_block(html))["findings"] == []


def test_unknown_schema_is_flagged(report_sample):
    report_sample["schema"] = "factcheck.findings/9"
    assert "Some parts may be missing" in render_html(report_sample)


# ---------------------------------------------------------------- clusters and anchors


def _cluster_svg(html: str, cluster_id: str) -> str:
    figure = re.search(rf'<figure class="cluster" id="cluster-{cluster_id}".*?</figure>', html, re.S).group(0)
    return re.search(r"<svg.*?</svg>", figure, re.S).group(0)


def test_cluster_chart_has_one_mark_per_claim_and_marks_conflicts(report_sample):
    html = render_html(report_sample)
    cluster = report_sample["clusters"][0]
    svg = _cluster_svg(html, cluster["id"])
    marks = re.findall(r'<a href="[^"]*" class="mark([^"]*)"', svg)
    assert len(marks) == len(cluster["points"])
    assert sum("conflict" in m for m in marks) == sum(p["conflict"] for p in cluster["points"])
    assert svg.count("<path class=\"m-conflict") == sum(p["conflict"] for p in cluster["points"]) + 1  # + legend
    assert 'role="img"' in svg and "aria-labelledby" in svg
    assert "Year the value refers to" in svg and ">count</text>" in svg
    assert "conflicting claim" in svg and "interval (low–high)" in svg
    # Year ticks cover the points' dates.
    years = sorted(int(p["date"][:4]) for p in cluster["points"])
    assert f">{years[0]}</text>" in svg and f">{years[-1]}</text>" in svg
    # Every mark has a tooltip naming its document.
    titles = re.findall(r"<title>(.*?)</title>", svg, re.S)  # the chart's own title has an id
    assert len(titles) == len(cluster["points"])
    for point, title in zip(cluster["points"], titles, strict=True):
        assert point["doc"] in title


def test_chart_marks_link_to_the_paragraph_holding_the_claim(report_sample):
    html = render_html(report_sample)
    claims = {c["id"]: c for c in report_sample["claims"]}
    docs = {d["id"]: d for d in report_sample["documents"]}
    cluster = report_sample["clusters"][0]
    svg = _cluster_svg(html, cluster["id"])
    hrefs = re.findall(r'<a href="#([^"]*)" class="mark', svg)
    for point, href in zip(cluster["points"], hrefs, strict=True):
        claim = claims[point["claim"]]
        para = next(p for p in docs[claim["doc"]]["paragraphs"] if p["start"] <= claim["start"] < p["end"])
        assert href == f"doc-{claim['doc']}-L{para['line']}"
    # ... and the document view has a container with that document's anchor.
    for doc in report_sample["documents"]:
        assert f'<details class="doc-view" id="doc-{doc["id"]}" data-doc="{doc["id"]}">' in html


def test_undated_and_valueless_points(report_sample):
    cluster = report_sample["clusters"][1]
    cluster["points"][0]["date"] = None
    for key in ("value", "low", "high"):
        cluster["points"][1][key] = None
    html = render_html(report_sample)
    svg = _cluster_svg(html, cluster["id"])
    assert ">n.d.</text>" in svg
    assert len(re.findall(r'<a href="[^"]*" class="mark', svg)) == len(cluster["points"]) - 1
    assert "1 without a number not drawn" in html


def test_unsafe_document_ids_make_safe_anchors(report_sample):
    old = report_sample["documents"][0]["id"]
    new = 'my "paper" #1.txt'
    report_sample["documents"][0]["id"] = new
    for claim in report_sample["claims"]:
        if claim["doc"] == old:
            claim["doc"] = new
    for cluster in report_sample["clusters"]:
        for point in cluster["points"]:
            if point["doc"] == old:
                point["doc"] = new
    html = render_html(report_sample)
    assert 'id="doc-my__paper___1.txt"' in html
    assert 'href="#doc-my__paper___1.txt-L' in html
    assert 'data-doc="my &#34;paper&#34; #1.txt"' in html


def test_values_orders_of_magnitude_apart_get_a_log_axis(report_sample):
    cluster = report_sample["clusters"][1]
    cluster["points"][0].update(value=3.0, low=3.0, high=3.0)
    cluster["points"][1].update(value=1073.0, low=1073.0, high=1073.0)
    svg = _cluster_svg(render_html(report_sample), cluster["id"])
    assert "(log scale)</text>" in svg
    ticks = re.findall(r'text-anchor="end" dominant-baseline="middle">([^<]+)</text>', svg)
    assert ticks == ["1", "10", "100", "1,000", "10,000"]
    # Linear otherwise, starting at zero for counts.
    linear = _cluster_svg(render_html(load_sample()), report_sample["clusters"][0]["id"])
    assert "(log scale)" not in linear
    assert re.findall(r'text-anchor="end" dominant-baseline="middle">([^<]+)</text>', linear)[0] == "0"


def test_partial_and_odd_reports_still_render():
    report = odd_report()
    html = render_html(report)
    assert count(html, "count-total") == 2
    assert count(html, "count-rule-FC999") == 1
    assert ">n.d.</text>" not in html  # the only numbered point has a (bad) date: placed in its year
    assert ">2020</text>" in html
    assert json.loads(data_block(html)) == report

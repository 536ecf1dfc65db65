"""The HTML report in a real browser (headless chromium via Playwright).

Skipped, with the reason, when /usr/bin/chromium is missing or cannot start.
Screenshots go to test-output/screenshots/.
"""

from __future__ import annotations

from collections import Counter

import pytest
from conftest import odd_report, scale_report

pytestmark = pytest.mark.browser

INJECTED_DOC = "003_fe4cccf1a412bc07.txt"


def _finding(report: dict, predicate) -> dict:
    return next(f for f in report["findings"] if predicate(f))


def _mentions(finding: dict, term: str) -> bool:
    """What the search box looks in: message, rule, evidence quotes, sentences, values."""
    parts = [finding["message"], finding["rule"], finding["name"]]
    parts += [finding.get("arithmetic") or "", finding.get("resolution") or ""]
    for e in finding["evidence"]:
        parts += [e["doc"], e["quote"], e["sentence"], e["value"]]
    return term in " ".join(parts).lower()


def _wait_status(opened, before: str) -> str:
    """Wait until the status line changes (search is debounced)."""
    opened.page.wait_for_function(
        "before => document.getElementById('findings-status').textContent !== before", arg=before
    )
    return opened.status()


def test_loads_offline_without_errors(open_report, report_sample, screenshots):
    opened = open_report(report_sample)
    assert opened.errors == []
    assert opened.requests == [opened.url], "the page must fetch nothing but itself"
    assert opened.dialogs == []
    assert opened.visible_findings() == len(report_sample["findings"])
    assert opened.status() == f"{len(report_sample['findings'])} findings."
    opened.page.screenshot(path=str(screenshots / "overview.png"))


def test_severity_kind_rule_and_document_filters(open_report, report_sample):
    opened = open_report(report_sample)
    page = opened.page
    findings = report_sample["findings"]
    severities = Counter(f["severity"] for f in findings)

    page.select_option("#f-severity", "error")
    assert opened.visible_findings() == severities["error"]
    classes = page.locator("#findings-list > li").evaluate_all("ls => ls.map(l => l.className)")
    assert all("sev-error" in c for c in classes)

    page.select_option("#f-kind", "arithmetic")
    expected = sum(1 for f in findings if f["severity"] == "error" and f["kind"] == "arithmetic")
    assert opened.visible_findings() == expected

    page.click("#f-reset")
    page.wait_for_function(f"() => document.querySelectorAll('#findings-list > li').length === {len(findings)}")

    page.select_option("#f-rule", "FC101")
    assert opened.visible_findings() == sum(1 for f in findings if f["rule"] == "FC101")
    page.select_option("#f-rule", "")

    page.select_option("#f-doc", "002_c59ff3a5fbf1d2f8.txt")
    in_doc = sum(1 for f in findings if any(e["doc"] == "002_c59ff3a5fbf1d2f8.txt" for e in f["evidence"]))
    assert 0 < opened.visible_findings() == in_doc < len(findings)


def test_search_is_debounced_and_narrows_the_list(open_report, report_sample):
    opened = open_report(report_sample)
    page = opened.page
    before = opened.status()
    page.fill("#f-search", "kurmangali")
    _wait_status(opened, before)
    expected = [f for f in report_sample["findings"] if _mentions(f, "kurmangali")]
    assert 0 < opened.visible_findings() == len(expected) < len(report_sample["findings"])
    shown = page.locator("#findings-list > li").evaluate_all("ls => ls.map(l => l.dataset.id)")
    assert sorted(shown) == sorted(f["id"] for f in expected)

    # Terms are ANDed and also match quotes inside the evidence.
    before = opened.status()
    page.fill("#f-search", "students embassy")
    _wait_status(opened, before)
    expected = [f for f in report_sample["findings"] if _mentions(f, "students") and _mentions(f, "embassy")]
    assert opened.visible_findings() == len(expected) > 0

    before = opened.status()
    page.fill("#f-search", "zzzz-no-such-text")
    assert _wait_status(opened, before).startswith("No finding matches")
    assert opened.visible_findings() == 0


def test_status_filter_and_badges(open_report, report_sample):
    opened = open_report(report_sample)
    page = opened.page
    page.select_option("#f-status", "waived")
    waived = [f for f in report_sample["findings"] if f.get("status") == "waived"]
    assert opened.visible_findings() == len(waived)
    item = page.locator("#findings-list > li").first
    assert item.locator(".badge.status-waived").text_content() == "waived"
    item.locator(".f-toggle").click()
    assert waived[0]["waiver"]["reason"] in item.locator(".evidence").text_content()


def test_sort_by_document_and_by_rule(open_report, report_sample):
    opened = open_report(report_sample)
    page = opened.page
    page.select_option("#f-sort", "document")
    ids = page.locator("#findings-list > li").evaluate_all("ls => ls.map(l => l.dataset.id)")
    by_id = {f["id"]: f for f in report_sample["findings"]}
    keys = [(by_id[i]["evidence"][0]["doc"], by_id[i]["evidence"][0]["line"]) for i in ids]
    assert keys == sorted(keys)
    page.select_option("#f-sort", "rule")
    ids = page.locator("#findings-list > li").evaluate_all("ls => ls.map(l => l.dataset.id)")
    rules = [by_id[i]["rule"] for i in ids]
    assert rules == sorted(rules)


def test_opening_a_conflict_shows_both_quotes_highlighted(open_report, report_sample, screenshots):
    conflict = _finding(
        report_sample, lambda f: f["kind"] == "conflict" and len(f["evidence"]) == 2 and f["severity"] == "error"
    )
    opened = open_report(report_sample)
    item = opened.page.locator(f"#finding-{conflict['id']}")
    toggle = item.locator(".f-toggle")
    panel = item.locator(".evidence")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert panel.is_hidden()
    assert panel.inner_html() == "", "evidence is built only when opened"

    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert panel.is_visible()
    cards = panel.locator(".quote-card")
    assert cards.count() == 2
    for n, evidence in enumerate(conflict["evidence"]):
        card = cards.nth(n)
        assert card.locator("mark").text_content() == evidence["quote"]
        assert card.locator("blockquote").text_content() == evidence["sentence"]
        assert evidence["value"] in card.text_content()
        assert card.locator("a").get_attribute("href").startswith(f"#doc-{evidence['doc']}-L")
    text = panel.text_content()
    assert conflict["resolution"] in text
    for value in conflict["support"]["values"]:
        assert value["value"] in text
    item.screenshot(path=str(screenshots / "conflict-opened.png"))

    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "false" and panel.is_hidden()


def test_findings_open_with_the_keyboard(open_report, report_sample):
    opened = open_report(report_sample)
    page = opened.page
    first = page.locator("#findings-list > li").first.locator(".f-toggle")
    first.focus()
    page.keyboard.press("Enter")
    assert first.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Space")
    assert first.get_attribute("aria-expanded") == "false"
    # "/" jumps to the search box.
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "f-search"


def test_arithmetic_finding_shows_its_computation(open_report, report_sample):
    finding = _finding(report_sample, lambda f: f["kind"] == "arithmetic")
    opened = open_report(report_sample)
    item = opened.page.locator(f"#finding-{finding['id']}")
    item.locator(".f-toggle").click()
    assert item.locator("code.arith").text_content() == finding["arithmetic"]
    assert item.locator(".quote-card").count() == len(finding["evidence"])


def test_injected_markup_does_not_run_and_shows_as_text(open_report, report_sample):
    opened = open_report(report_sample)
    page = opened.page
    page.locator(f'details.doc-view[data-doc="{INJECTED_DOC}"] > summary').click()
    body = page.locator(f'details.doc-view[data-doc="{INJECTED_DOC}"] .doc-body')
    body.locator(".para").first.wait_for()
    assert "<script>alert(1)</script>" in body.text_content()
    assert "<img src=x onerror=alert(1)>" in body.text_content()
    assert "<img src=x onerror=alert(1)>" in page.locator("#corpus-table").text_content()

    injected = _finding(report_sample, lambda f: any("<script>" in e["quote"] for e in f["evidence"]))
    item = page.locator(f"#finding-{injected['id']}")
    item.locator(".f-toggle").click()
    assert "<script>alert(1)</script>" in item.locator(".quote-card mark").first.text_content()

    assert page.evaluate("document.querySelectorAll('img').length") == 0
    assert page.evaluate("document.scripts.length") == 2
    assert opened.dialogs == [] and opened.errors == []


def test_evidence_link_opens_the_document_at_the_paragraph(open_report, report_sample):
    finding = _finding(report_sample, lambda f: f["evidence"][0]["doc"] == INJECTED_DOC and len(f["evidence"]) > 2)
    claim = next(c for c in report_sample["claims"] if c["id"] == finding["evidence"][0]["claim"])
    doc = next(d for d in report_sample["documents"] if d["id"] == claim["doc"])
    para = next(p for p in doc["paragraphs"] if p["start"] <= claim["start"] < p["end"])

    opened = open_report(report_sample)
    page = opened.page
    details = page.locator(f'details.doc-view[data-doc="{INJECTED_DOC}"]')
    assert details.get_attribute("open") is None
    assert details.locator(".para").count() == 0, "documents are built when opened"

    item = page.locator(f"#finding-{finding['id']}")
    item.locator(".f-toggle").click()
    item.locator(".quote-card a").first.click()
    target = page.locator(f'[id="doc-{INJECTED_DOC}-L{para["line"]}"]')
    target.wait_for(state="visible")
    assert details.get_attribute("open") is not None
    assert details.locator(".para").count() == len(doc["paragraphs"])
    mark = target.locator(f"#claim-{claim['id']}")
    assert mark.text_content() == claim["quote"]
    assert "flagged" in mark.get_attribute("class")
    assert "target" in mark.get_attribute("class"), "the claim the link was followed for is pointed out"
    assert claim["value"]["display"] in mark.get_attribute("title")
    assert page.evaluate("document.activeElement.id") == f"doc-{INJECTED_DOC}-L{para['line']}"


def test_document_view_marks_every_claim(open_report, report_sample):
    opened = open_report(report_sample)
    page = opened.page
    for doc in report_sample["documents"]:
        page.locator(f'details.doc-view[data-doc="{doc["id"]}"] > summary').click()
        page.locator(f'details.doc-view[data-doc="{doc["id"]}"] .para').first.wait_for()
    marks = page.locator("mark.claim").evaluate_all("ms => ms.map(m => [m.id, m.textContent])")
    assert sorted(marks) == sorted([f"claim-{c['id']}", c["quote"]] for c in report_sample["claims"])
    labels = page.locator(".seg-label").all_text_contents()
    assert len(labels) == sum(len(d["paragraphs"]) for d in report_sample["documents"])
    assert any(label.startswith("references") for label in labels)


def test_marks_use_code_point_offsets(open_report, report_sample):
    # Offsets count code points; an astral character (two UTF-16 units in JS,
    # common in PDF text as math letters) before a claim must not shift it.
    doc = next(d for d in report_sample["documents"] if d["id"] == INJECTED_DOC)
    para = doc["paragraphs"][0]
    para["text"] = para["text"].replace("2019.", "2019\U0001d465", 1)  # same length in code points
    astral_at = para["start"] + para["text"].index("\U0001d465")
    after = [c for c in report_sample["claims"] if c["doc"] == INJECTED_DOC and astral_at < c["start"] < para["end"]]
    assert after, "the sample needs a claim after the replaced character"
    opened = open_report(report_sample)
    page = opened.page
    page.locator(f'details.doc-view[data-doc="{INJECTED_DOC}"] > summary').click()
    page.locator(f'details.doc-view[data-doc="{INJECTED_DOC}"] .para').first.wait_for()
    for claim in after:
        assert page.locator(f"#claim-{claim['id']}").text_content() == claim["quote"]
    assert "\U0001d465" in page.locator(f'details.doc-view[data-doc="{INJECTED_DOC}"] .para p').first.text_content()


def test_cluster_chart_renders_with_marks_and_tooltips(open_report, report_sample, screenshots):
    cluster = report_sample["clusters"][0]
    opened = open_report(report_sample)
    page = opened.page
    figure = page.locator(f"#cluster-{cluster['id']}")
    svg = figure.locator("svg.chart")
    assert svg.is_visible()
    box = svg.bounding_box()
    assert box["width"] > 300 and box["height"] > 150
    assert figure.locator("a.mark").count() == len(cluster["points"])
    assert figure.locator("a.mark.conflict").count() == sum(p["conflict"] for p in cluster["points"])
    titles = figure.locator("a.mark > title").all_text_contents()
    assert all(any(p["doc"] in t for p in cluster["points"]) for t in titles)
    figure.screenshot(path=str(screenshots / "cluster-chart.png"))

    # A mark is a link to its claim's paragraph.
    figure.locator("a.mark.conflict").first.click()
    page.wait_for_function("() => document.querySelector('details.doc-view[open]') !== null")


def test_link_from_a_cluster_to_a_finding_and_hash_on_load(open_report, report_sample):
    cluster = report_sample["clusters"][0]
    opened = open_report(report_sample)
    page = opened.page
    page.select_option("#f-severity", "info")  # hides most findings
    target = next(f for f in report_sample["findings"] if f["id"] in cluster["findings"] and f["severity"] != "info")
    page.locator(f"#cluster-{cluster['id']} details.cluster-data > summary").click()
    page.locator(f"#cluster-{cluster['id']} a.finding-link", has_text=target["id"]).click()
    toggle = page.locator(f"#finding-{target['id']} .f-toggle")
    toggle.wait_for(state="visible")
    assert toggle.get_attribute("aria-expanded") == "true"
    assert page.evaluate("document.activeElement.closest('li').id") == f"finding-{target['id']}"

    last = report_sample["findings"][-1]["id"]
    other = open_report(report_sample, name="hash.html", fragment=f"#finding-{last}")
    assert other.page.locator(f"#finding-{last} .f-toggle").get_attribute("aria-expanded") == "true"


def test_print_expands_everything_and_hides_filters(open_report, report_sample):
    opened = open_report(report_sample)
    page = opened.page
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.locator("#filters").is_hidden()
    panels = page.locator("#findings-list .evidence")
    assert panels.count() == len(report_sample["findings"])
    assert all(panels.nth(i).is_visible() for i in range(panels.count()))
    assert page.locator("details.doc-view[open]").count() == len(report_sample["documents"])


def test_five_thousand_findings_load_lazily_and_filter(open_report, report_sample, screenshots):
    big = scale_report(report_sample, 5000)
    opened = open_report(big, name="big.html")
    page = opened.page
    assert opened.errors == [] and opened.requests == [opened.url]
    assert opened.status() == "5000 findings, showing the first 200."
    assert opened.visible_findings() == 200
    assert page.locator("#findings-list .evidence .quote-card").count() == 0

    # Scrolling to the end of the list renders the next chunk.
    page.locator("#findings-sentinel").scroll_into_view_if_needed()
    page.wait_for_function("() => document.querySelectorAll('#findings-list > li').length >= 400")
    # A filter change scrolls back to the top of the list.

    errors = sum(1 for f in big["findings"] if f["severity"] == "error")
    page.select_option("#f-severity", "error")
    assert opened.status() == f"{errors} of 5000 findings match, showing the first 200."
    assert opened.visible_findings() == 200

    expected = [f for f in big["findings"] if f["severity"] == "error" and "#4999" in f["message"]]
    page.fill("#f-search", "#4999")
    page.wait_for_function(
        "text => document.getElementById('findings-status').textContent === text",
        arg=f"{len(expected)} of 5000 findings match.",
    )
    assert opened.visible_findings() == len(expected)
    page.locator("#findings-list .f-toggle").first.click()
    assert page.locator("#findings-list .quote-card").count() == len(expected[0]["evidence"])
    page.screenshot(path=str(screenshots / "five-thousand-filtered.png"))


def test_odd_report_works_without_script_errors(open_report):
    opened = open_report(odd_report())
    page = opened.page
    assert opened.visible_findings() == 2
    for toggle in page.locator(".f-toggle").all():
        toggle.click()
        assert toggle.get_attribute("aria-expanded") == "true"
    page.locator("details.doc-view > summary").click()
    page.locator("details.doc-view .para").first.wait_for()
    assert "no offsets" in page.locator("details.doc-view .para").text_content()
    assert opened.errors == []


def test_expand_shown_opens_and_closes_every_shown_finding(open_report, report_sample):
    opened = open_report(report_sample)
    page = opened.page
    page.select_option("#f-severity", "warning")
    page.click("#f-expand")
    assert page.get_attribute("#f-expand", "aria-pressed") == "true"
    toggles = page.locator("#findings-list .f-toggle")
    states = toggles.evaluate_all("ts => ts.map(t => t.getAttribute('aria-expanded'))")
    assert states == ["true"] * sum(1 for f in report_sample["findings"] if f["severity"] == "warning")
    page.click("#f-expand")
    states = toggles.evaluate_all("ts => ts.map(t => t.getAttribute('aria-expanded'))")
    assert set(states) == {"false"}


def test_a_pdfs_text_view_shows_its_pages(open_report, report_sample, screenshots):
    doc = next(d for d in report_sample["documents"] if d["id"] == INJECTED_DOC)
    doc["format"], doc["pages"] = "pdf", 2
    half = len(doc["paragraphs"]) // 2
    for i, p in enumerate(doc["paragraphs"]):
        p["page"], p["page_line"] = (1, i + 1) if i < half else (2, i - half + 1)
    opened = open_report(report_sample)
    page = opened.page
    view = page.locator(f'details.doc-view[data-doc="{INJECTED_DOC}"]')
    assert "PDF, 2 pages" in view.locator("summary").text_content()
    view.locator("summary").click()
    view.locator(".para").first.wait_for()
    assert view.locator(".page-break").all_text_contents() == ["page 1", "page 2"]
    labels = view.locator(".seg-label").all_text_contents()
    assert labels[0].endswith("page 1 · L1") and labels[half].endswith("page 2 · L1")
    assert opened.errors == []
    view.screenshot(path=str(screenshots / "pdf-pages.png"))

"""The bundled corpus's real report in a real browser (Debian chromium).

Saves the screenshots the README links to (test-output/screenshots/corpus-*.png;
`python bench/report_screenshots.py` copies fresh ones into docs/screenshots/).
"""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.model]


def test_corpus_report_overview_conflict_and_cluster(open_report, corpus_report, screenshots):
    opened = open_report(corpus_report, name="corpus-report.html")
    page = opened.page
    assert not opened.errors, opened.errors
    assert all(r.startswith("file://") for r in opened.requests), opened.requests
    assert opened.visible_findings() == len(corpus_report["findings"])
    page.screenshot(path=str(screenshots / "corpus-overview.png"), full_page=False)

    event = next(f for f in corpus_report["findings"] if f["rule"] == "FC201")
    item = page.locator(f"#finding-{event['id']}")
    item.locator(".f-toggle").click()
    cards = item.locator(".evidence .quote-card")
    assert cards.count() == 2
    assert {cards.nth(i).locator("mark").text_content() for i in range(2)} == {"2002", "2007"}
    item.screenshot(path=str(screenshots / "corpus-conflict.png"))

    cluster = next(c for c in corpus_report["clusters"] if c["property"] == "student")
    figure = page.locator(f"#cluster-{cluster['id']}")
    assert figure.locator("a.mark").count() == len(cluster["points"])
    figure.scroll_into_view_if_needed()
    figure.screenshot(path=str(screenshots / "corpus-cluster.png"))

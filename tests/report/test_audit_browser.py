"""The audit's HTML page in a real browser: offline, no script, each figure linked to its evidence."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.model]

ROOT = Path(__file__).resolve().parents[2]
MANUSCRIPT = """# Notes on cultural diplomacy

In one survey, 75 percent held a favorable opinion of Russia (Demircioğlu & Deniş, 2024).
Those institutes counted more than 480 establishments worldwide as of 2019 (Demircioğlu & Deniş, 2024).
The share of students who favoured Russian universities was 74 percent (Okonkwo, 2017).

## References

Demircioğlu, F., & Deniş, H. E. (2024). The use of soft power by Russia and China in Central Asia: The case of Kazakhstan. International Malatya Scientific Research Congress.
Okonkwo, T. (2017). Scholarships and their students on the steppe. Harbour Books.
"""


def test_the_audit_page_marks_each_figure_and_links_it_to_its_evidence(browser, tmp_path):
    from factcheck.audit import audit
    from factcheck.report.audit import render_html

    (tmp_path / "review.md").write_text(MANUSCRIPT, encoding="utf-8")
    report = audit(tmp_path / "review.md", ROOT / "corpus")
    page_path = tmp_path / "audit.html"
    page_path.write_text(render_html(report), encoding="utf-8")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors, requests = [], []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("request", lambda r: requests.append(r.url))
    page.goto(page_path.as_uri())
    assert errors == [] and requests == [page_path.as_uri()]
    marks = page.locator("a.mark")
    statuses = {page.locator("a.mark").nth(i).get_attribute("class").split("st-")[1]: page.locator("a.mark").nth(i).text_content()
                for i in range(marks.count())}
    assert statuses["contradicted"] == "75 percent" and statuses["source_missing"] == "74 percent"
    page.locator("a.mark.st-contradicted").click()
    target = page.evaluate("location.hash")
    card = page.locator(f"article.card{target}")
    assert card.is_visible() and "68 percent" in card.text_content()
    assert page.locator(".counts li").count() == 5
    page.screenshot(path=str(ROOT / "test-output" / "screenshots" / "audit.png"), full_page=True)
    context.close()

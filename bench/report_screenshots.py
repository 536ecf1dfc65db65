"""Render the bundled corpus's report and save screenshots into docs/screenshots/.

    python bench/report_screenshots.py

Uses Debian's chromium through Playwright (no downloaded browser).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    from playwright.sync_api import sync_playwright

    import factcheck
    from factcheck.report.html import render_html
    from tests.report.conftest import launch_chromium

    report = factcheck.check([ROOT / "corpus"], ROOT / "rules")
    out = ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        html = Path(tmp) / "report.html"
        html.write_text(render_html(report), encoding="utf-8")
        with sync_playwright() as pw:
            browser = launch_chromium(pw)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(html.as_uri())
            page.wait_for_function("() => document.querySelectorAll('#findings-list > li').length > 0")
            page.screenshot(path=str(out / "overview.png"))
            event = next(f for f in report["findings"] if f["rule"] == "FC201")
            item = page.locator(f"#finding-{event['id']}")
            item.locator(".f-toggle").click()
            item.screenshot(path=str(out / "conflict-opened.png"))
            cluster = next(c for c in report["clusters"] if c["property"] == "student")
            fig = page.locator(f"#cluster-{cluster['id']}")
            fig.scroll_into_view_if_needed()
            fig.screenshot(path=str(out / "cluster-chart.png"))
            browser.close()
    print("wrote", *sorted(p.name for p in out.glob("*.png")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

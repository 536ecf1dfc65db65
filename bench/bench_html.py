"""Benchmark of the HTML report: small sample vs a 5,000-finding report.

Measures, for tests/data/report_sample.json and a copy scaled to 5,000
findings: render_html() time in Python, page size, load time in headless
chromium until the first findings are in the list, and the time for a
severity filter and for a (debounced) search to apply. Prints the numbers
and the big/small ratios.

    python bench/bench_html.py [--findings 5000] [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "report"))

from conftest import CHROMIUM, launch_chromium, load_sample, scale_report  # noqa: E402

from factcheck.report.html import render_html  # noqa: E402

DEBOUNCE_MS = 150  # report.js DEBOUNCE_MS

# Runs in the page. Waits for the list to be rebuilt (a childList mutation),
# then for the next frame, so the time includes layout of the new list.
FILTER_AND_SEARCH = """
async () => {
  const list = document.getElementById('findings-list');
  const rebuilt = () => new Promise(resolve => {
    const mo = new MutationObserver(() => { mo.disconnect(); requestAnimationFrame(() => setTimeout(resolve, 0)); });
    mo.observe(list, {childList: true});
  });
  let done = rebuilt();
  const t0 = performance.now();
  const sel = document.getElementById('f-severity');
  sel.value = 'error';
  sel.dispatchEvent(new Event('change'));
  await done;
  const t1 = performance.now();
  done = rebuilt();
  const q = document.getElementById('f-search');
  q.value = 'students 2016';
  q.dispatchEvent(new Event('input'));
  await done;
  const t2 = performance.now();
  const btn = list.querySelector('.f-toggle');
  const t3 = performance.now();
  if (btn) btn.click();
  await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  const t4 = performance.now();
  return {filter: t1 - t0, search: t2 - t1, open: t4 - t3,
          shown: list.children.length, status: document.getElementById('findings-status').textContent};
}
"""


def time_render(report: dict, runs: int) -> tuple[float, str]:
    times = []
    html = ""
    for _ in range(runs):
        t0 = time.perf_counter()
        html = render_html(report)
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000, html


def time_page(browser, path: Path, runs: int) -> dict:
    loads, ready, filters, searches, opens = [], [], [], [], []
    last = {}
    for _ in range(runs):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        requests = []
        page.on("request", lambda r, seen=requests: seen.append(r.url))
        t0 = time.perf_counter()
        page.goto(path.as_uri(), wait_until="commit")
        page.wait_for_selector("#findings-list > li")
        loads.append((time.perf_counter() - t0) * 1000)
        ready.append(page.evaluate("performance.getEntriesByName('factcheck-ready')[0].startTime"))
        result = page.evaluate(FILTER_AND_SEARCH)
        filters.append(result["filter"])
        searches.append(result["search"])
        opens.append(result["open"])
        last = result | {"requests": len(requests)}
        context.close()
    return {
        "load_ms": statistics.median(loads),
        "ready_ms": statistics.median(ready),
        "filter_ms": statistics.median(filters),
        "search_ms": statistics.median(searches),
        "open_ms": statistics.median(opens),
        "last": last,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--findings", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    small = load_sample()
    big = scale_report(small, args.findings)
    rows = {}
    with tempfile.TemporaryDirectory() as tmp:
        paths = {}
        for name, report, runs in (("sample", small, 10), (f"{args.findings}", big, args.runs)):
            ms, html = time_render(report, runs)
            paths[name] = Path(tmp) / f"{name}.html"
            paths[name].write_text(html, encoding="utf-8")
            rows[name] = {"findings": len(report["findings"]), "render_ms": ms, "bytes": len(html.encode())}

        if not CHROMIUM.exists():
            print(f"no chromium at {CHROMIUM}: browser timings skipped")
        else:
            from playwright.sync_api import sync_playwright

            with sync_playwright() as playwright:
                browser = launch_chromium(playwright)
                for name, path in paths.items():
                    rows[name].update(time_page(browser, path, args.runs))
                browser.close()

    small_name, big_name = list(rows)
    print(f"HTML report benchmark (median of runs; browser: {CHROMIUM})")
    header = f"{'':34}{'sample':>12}{big_name + ' findings':>18}{'ratio':>9}"
    print(header)
    print("-" * len(header))
    lines = [
        ("findings", "findings", "{:.0f}"),
        ("page size (KB)", "bytes", "{:.0f}"),
        ("render_html (ms)", "render_ms", "{:.1f}"),
        ("load to first findings, wall (ms)", "load_ms", "{:.0f}"),
        ("script ready after nav start (ms)", "ready_ms", "{:.0f}"),
        ("severity filter applied (ms)", "filter_ms", "{:.1f}"),
        (f"search applied, incl. {DEBOUNCE_MS} ms debounce", "search_ms", "{:.1f}"),
        ("open one finding (ms)", "open_ms", "{:.1f}"),
    ]
    for label, key, fmt in lines:
        if key not in rows[small_name]:
            continue
        a, b = rows[small_name][key], rows[big_name][key]
        if key == "bytes":
            a, b = a / 1024, b / 1024
        ratio = f"{b / a:.1f}x" if a else "-"
        print(f"{label:34}{fmt.format(a):>12}{fmt.format(b):>18}{ratio:>9}")
    if "last" in rows[big_name]:
        last = rows[big_name]["last"]
        print(f"\n{big_name}: after filter+search {last['shown']} shown ({last['status']})")
        print(f"requests made by the page: {last['requests']} (the file itself)")


if __name__ == "__main__":
    main()

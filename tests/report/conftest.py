"""Fixtures for the report tests: the sample findings JSON, a scaled-up copy of
it, and a headless chromium for the browser tests (bench/bench_html.py uses
the same helpers)."""

from __future__ import annotations

import copy
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "tests" / "data" / "report_sample.json"
SCREENSHOTS = ROOT / "test-output" / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def load_sample() -> dict:
    """A fresh copy of tests/data/report_sample.json."""
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


def scale_report(report: dict, n: int) -> dict:
    """A copy of *report* with *n* findings, cycled from its own.

    Each copy gets a new id, fingerprint and status and a ``#<n>`` suffix on
    its message (so a search can pick out a few); evidence and claims stay
    valid references into the same documents.
    """
    big = copy.deepcopy(report)
    base = report["findings"]
    statuses = ("new", "unchanged", "waived")
    findings = []
    for i in range(n):
        f = copy.deepcopy(base[i % len(base)])
        f["id"] = f"F{i + 1:05d}"
        f["fingerprint"] = hashlib.sha256(f"{f['fingerprint']}:{i}".encode()).hexdigest()
        f["message"] = f"{f['message']} #{i + 1}"
        f["status"] = statuses[i % 7 % 3]
        if f["status"] != "waived":
            f.pop("waiver", None)
        findings.append(f)
    big["findings"] = findings
    return big


def odd_report() -> dict:
    """A partial, hand-edited-looking report: missing keys, wrong types, bad dates."""
    return {
        "schema": "factcheck.findings/1",
        "tool": "factcheck",
        "documents": [{"id": "a.txt", "paragraphs": [{"text": "no offsets"}], "segments": None, "skipped": [{}]}],
        "claims": [{"id": "c1", "doc": "a.txt"}],
        "findings": [
            {"id": "F1", "evidence": None, "claims": [["not", "an", "id"]]},
            {"id": "F2", "severity": "error", "kind": "conflict", "rule": "FC999", "message": "m",
             "evidence": [{"doc": "a.txt", "line": "x", "quote": "q"}], "claims": ["c1"]},
        ],
        "clusters": [{"id": "K1", "points": [
            {"claim": "c1", "date": "n/a", "value": "12"},
            {"claim": "zz", "date": "2020-13-40", "value": 5},
        ]}],
        "coverage": {"mentions_seen": "many"},
        "problems": [{"code": "W1"}],
        "baseline": {"resolved": [{}], "stale_waivers": ["abc"]},
    }


def launch_chromium(playwright):
    """Launch the system chromium the way CI does."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


@pytest.fixture
def report_sample() -> dict:
    return load_sample()


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"no chromium at {CHROMIUM} (apt-get install -y chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("the playwright python package is not installed")
    playwright = sync_playwright().start()
    try:
        browser = launch_chromium(playwright)
    except Exception as exc:  # any launch failure means: no usable browser here
        playwright.stop()
        pytest.skip(f"playwright cannot launch {CHROMIUM}: {exc}")
    yield browser
    browser.close()
    playwright.stop()


@dataclass
class OpenReport:
    """A loaded report page plus everything it did while we watched."""

    page: object
    url: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def visible_findings(self) -> int:
        return self.page.locator("#findings-list > li").count()

    def status(self) -> str:
        return self.page.locator("#findings-status").text_content()


@pytest.fixture
def open_report(browser, tmp_path):
    """open_report(report, name="report.html", fragment="") -> OpenReport, loaded and ready."""
    from factcheck.report.html import render_html

    contexts = []

    def _open(report: dict, name: str = "report.html", fragment: str = "") -> OpenReport:
        path = tmp_path / name
        path.write_text(render_html(report), encoding="utf-8")
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        contexts.append(context)
        page = context.new_page()
        opened = OpenReport(page=page, url=path.as_uri())
        page.on("request", lambda r: opened.requests.append(r.url))
        page.on("console", lambda m: opened.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: opened.errors.append(str(e)))

        def on_dialog(dialog):
            opened.dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", on_dialog)
        page.goto(opened.url + fragment)
        page.wait_for_selector("html[data-ready]")
        return opened

    yield _open
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS

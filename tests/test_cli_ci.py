"""CI mode end to end: baseline, a new contradicting document, a waiver, removal.

Runs the real CLI (python -m factcheck) over a temporary, git-free copy of
the corpus.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from tests.conftest import CORPUS, RULES

pytestmark = pytest.mark.model


def _run(*args, cwd):
    return subprocess.run([sys.executable, "-m", "factcheck", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=600)


def _check(tmp, *extra):
    return _run("check", "corpus", "--rules", str(RULES), "--json", "out/findings.json", "--html", "out/report.html",
                "--cache-dir", "cache", "--format", "none", "--fail-on", "warning", *extra, cwd=tmp)


NEW_DOC = """Education links in the region

In Kazakhstan, the first Confucius Institute was opened in 2011 at a university in Almaty.
"""


def test_baseline_new_finding_waiver_and_resolution(tmp_path):
    shutil.copytree(CORPUS, tmp_path / "corpus")
    # 1. baseline the current findings
    r = _run("baseline", "corpus", "--rules", str(RULES), "-o", "baseline.json", "--cache-dir", "cache", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    base = json.loads((tmp_path / "baseline.json").read_text())
    assert base["schema"] == "factcheck.baseline/1" and base["findings"]
    # 2. with the baseline, nothing is new: exit 0 even with --fail-on warning
    r = _check(tmp_path, "--baseline", "baseline.json")
    assert r.returncode == 0, r.stdout + r.stderr
    report = json.loads((tmp_path / "out/findings.json").read_text())
    assert {f["status"] for f in report["findings"]} == {"unchanged"}
    # 3. add a document that contradicts an existing one: exactly the new findings, exit 1
    (tmp_path / "corpus" / "zz_new.txt").write_text(NEW_DOC, encoding="utf-8")
    r = _check(tmp_path, "--baseline", "baseline.json")
    assert r.returncode == 1, r.stdout + r.stderr
    report = json.loads((tmp_path / "out/findings.json").read_text())
    new = [f for f in report["findings"] if f["status"] == "new"]
    assert new and all(any(e["doc"] == "zz_new.txt" for e in f["evidence"]) for f in new)
    assert all(f["rule"] == "FC201" for f in new)
    # 4. waive them with a reason: exit 0, still visible as waived
    waivers = "waivers:\n" + "".join(
        f"  - fingerprint: {f['fingerprint']}\n    reason: \"new source under review by the editor\"\n" for f in new)
    (tmp_path / "waivers.yaml").write_text(waivers, encoding="utf-8")
    r = _check(tmp_path, "--baseline", "baseline.json", "--waivers", "waivers.yaml")
    assert r.returncode == 0, r.stdout + r.stderr
    report = json.loads((tmp_path / "out/findings.json").read_text())
    assert {f["fingerprint"] for f in report["findings"] if f["status"] == "waived"} == {f["fingerprint"] for f in new}
    # 5. remove a document with a baselined finding: its entries are reported resolved
    (tmp_path / "corpus" / "zz_new.txt").unlink()
    (tmp_path / "corpus" / "003_fe4cccf1a412bc07.txt").unlink()
    r = _check(tmp_path, "--baseline", "baseline.json", "--waivers", "waivers.yaml")
    report = json.loads((tmp_path / "out/findings.json").read_text())
    resolved = report["baseline"]["resolved"]
    assert resolved and any("003_fe4cccf1a412bc07.txt" in e["docs"] for e in resolved)
    assert report["baseline"]["stale_waivers"]  # the waiver now matches nothing
    # 6. diff of two runs
    r = _run("diff", "out/findings.json", "out/findings.json", "--markdown", "out/diff.md", cwd=tmp_path)
    assert r.returncode == 0 and "new: 0" in r.stdout


def test_exit_codes(tmp_path):
    shutil.copytree(CORPUS, tmp_path / "corpus")
    r = _run("check", "corpus", "--rules", str(RULES), "--json", "f.json", "--html", "r.html", "--no-cache",
             "--format", "none", cwd=tmp_path)
    assert r.returncode == 1  # the corpus has errors
    r = _run("check", "corpus", "--rules", str(RULES), "--json", "f.json", "--html", "r.html", "--no-cache",
             "--format", "none", "--fail-on", "never", cwd=tmp_path)
    assert r.returncode == 0
    r = _run("check", "corpus", "--rules", str(tmp_path / "missing"), "--no-cache", cwd=tmp_path)
    assert r.returncode == 2 and "[E200]" in r.stderr and "Traceback" not in r.stderr
    r = _run("check", "--fail-on", "sometimes", cwd=tmp_path)
    assert r.returncode == 2


def test_github_and_sarif_formats(tmp_path):
    shutil.copytree(CORPUS, tmp_path / "corpus")
    r = _run("check", "corpus", "--rules", str(RULES), "--json", "f.json", "--html", "r.html", "--sarif", "f.sarif",
             "--no-cache", "--format", "github", "--fail-on", "never", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    lines = [x for x in r.stdout.splitlines() if x]
    report = json.loads((tmp_path / "f.json").read_text())
    assert len(lines) == len(report["findings"])
    assert all(x.startswith(("::error ", "::warning ", "::notice ")) for x in lines)
    sarif = json.loads((tmp_path / "f.sarif").read_text())
    assert sarif["version"] == "2.1.0" and len(sarif["runs"][0]["results"]) == len(report["findings"])


def test_progress_lines_count_documents_and_give_the_rate_and_time_left():
    from factcheck.cli import Progress

    lines: list[str] = []
    now = [100.0]
    progress = Progress(lines.append, clock=lambda: now[0])
    progress.start(5)
    for doc in ("a.txt", "b.txt", "c.txt"):
        progress(doc)
        now[0] += 2.0
    assert lines[0] == "reading a.txt (1 of 5)"
    assert lines[1] == "reading b.txt (2 of 5, 0.5 a second, about 8 s left)"
    assert lines[2] == "reading c.txt (3 of 5, 0.5 a second, about 6 s left)"
    single = []
    Progress(single.append)("only.txt")  # a run without a known total: the document alone
    assert single == ["reading only.txt"]

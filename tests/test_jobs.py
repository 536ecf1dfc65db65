"""--jobs: extraction in several processes gives byte-identical reports, cold or warm."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.model


def _check(tmp_path: Path, name: str, *extra: str) -> bytes:
    out = tmp_path / f"{name}.json"
    proc = subprocess.run([sys.executable, "-m", "factcheck", "check", str(ROOT / "corpus"), "--json", str(out),
                           "--html", str(tmp_path / f"{name}.html"), "--fail-on", "never", "-q", *extra],
                          capture_output=True, text=True, cwd=tmp_path, timeout=600)
    assert proc.returncode == 0, proc.stderr
    return out.read_bytes()


def test_one_two_and_three_processes_give_the_same_bytes(tmp_path):
    one = _check(tmp_path, "one", "--no-cache", "--jobs", "1")
    assert _check(tmp_path, "two", "--no-cache", "--jobs", "2") == one
    assert _check(tmp_path, "three", "--no-cache", "-j", "3") == one
    assert (tmp_path / "one.html").read_bytes() == (tmp_path / "two.html").read_bytes()


def test_a_cache_written_by_several_processes_serves_a_serial_run(tmp_path):
    cache = str(tmp_path / "cache")
    cold = _check(tmp_path, "cold", "--cache-dir", cache, "--jobs", "2")
    warm = _check(tmp_path, "warm", "--cache-dir", cache, "--jobs", "1")
    assert cold == warm


def test_jobs_must_be_positive(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "factcheck", "check", str(ROOT / "corpus"), "--jobs", "0"],
                          capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert proc.returncode == 2

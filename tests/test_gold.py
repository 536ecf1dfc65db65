"""Extraction quality against the hand-annotated gold set stays above the targets.

The numbers themselves are printed by `python bench/gold_eval.py`; this test
guards the targets of the extraction issue (mention precision >= 0.90,
recall >= 0.85, normalized value correct for >= 0.95 of matched mentions).
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def test_gold_set_targets():
    from bench.gold_eval import GOLD, evaluate, load_gold
    from factcheck.api import claim_rows, prepare
    from tests.conftest import CORPUS, RULES

    gold = load_gold(GOLD)
    assert len(gold) >= 2
    prepared = prepare([CORPUS / d for d in gold], RULES)
    rows: dict[str, list[dict]] = {}
    for r in claim_rows(prepared):
        rows.setdefault(r["doc"], []).append(r)
    for c in prepared.claims:
        if c.kind == "date" and c.time is not None and c.time.relative:
            for r in rows[c.doc]:
                if r["start"] == c.start:
                    r["offset_years"] = c.time.offset_years
    total = evaluate(rows, gold)["total"]
    precision = total["tp"] / (total["tp"] + total["fp"])
    recall = total["tp"] / (total["tp"] + total["fn"])
    value = total["value_ok"] / total["tp"]
    assert precision >= 0.90 and recall >= 0.85 and value >= 0.95, (precision, recall, value)

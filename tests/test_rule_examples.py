"""Every rule's examples (rules/*.yaml: examples.pass / examples.fail) run end to end.

A fail example must produce at least one finding of that rule; a pass
example none. This is how a rule documents and tests itself (sqlfluff-style
YAML test cases).
"""

from __future__ import annotations

import pytest

from factcheck.api import check_texts
from factcheck.engine.spec import load_rules
from tests.conftest import RULES


def _cases():
    for rule in load_rules(RULES):
        for outcome in ("fail", "pass"):
            for i, example in enumerate(rule.examples.get(outcome, [])):
                yield pytest.param(rule.code, outcome, example, id=f"{rule.code}-{rule.name}-{outcome}{i}")


def _texts(example) -> dict:
    if isinstance(example, str):
        return {"example.txt": example}
    return dict(example["docs"])


def test_every_rule_has_pass_and_fail_examples():
    for rule in load_rules(RULES):
        assert rule.examples.get("fail"), f"{rule.code} has no fail example"
        assert rule.examples.get("pass"), f"{rule.code} has no pass example"


@pytest.mark.model
@pytest.mark.parametrize(("code", "outcome", "example"), list(_cases()))
def test_rule_example(code, outcome, example):
    report = check_texts(_texts(example), RULES, only=[code])
    hits = [f for f in report["findings"] if f["rule"] == code]
    if outcome == "fail":
        assert hits, f"{code} should flag this example; claims: {[(c['quote'], c['property'], c['qualifiers']) for c in report['claims']]}"
        for f in hits:
            assert f["evidence"], "a finding carries its evidence"
            assert all(e["line"] >= 1 and e["column"] >= 1 for e in f["evidence"])
    else:
        assert not hits, f"{code} should not flag this example: {[f['message'] for f in hits]}"

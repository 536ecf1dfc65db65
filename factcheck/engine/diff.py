"""Compare two findings reports by fingerprint: what is new, resolved, unchanged.

Fingerprints carry no line numbers, so a finding that merely moved (an edit
above it in the document) counts as unchanged. Used for pull-request
comments: the old report comes from the base branch, the new from the head.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

__all__ = ["Diff", "diff_reports", "finding_sort_key"]


def finding_sort_key(finding: dict) -> tuple:
    """Order findings by where they first point (doc, line, column), then rule and fingerprint."""
    evidence = finding.get("evidence") or [{}]
    first = evidence[0]
    return (
        first.get("doc") or "",
        first.get("line") or 0,
        first.get("column") or 0,
        finding.get("rule") or "",
        finding.get("fingerprint") or "",
    )


@dataclass(frozen=True, slots=True)
class Diff:
    """Findings of two reports matched by fingerprint.

    ``new`` and ``unchanged`` hold findings as they are in the new report
    (current lines); ``resolved`` holds findings as they were in the old one.
    Each list is sorted by :func:`finding_sort_key`.
    """

    new: list[dict]
    resolved: list[dict]
    unchanged: list[dict]

    def to_dict(self) -> dict:
        """The diff as JSON-ready data (copies, so callers cannot alter the diff)."""
        return copy.deepcopy(
            {"new": self.new, "resolved": self.resolved, "unchanged": self.unchanged}
        )


def diff_reports(old: dict, new: dict) -> Diff:
    """Return the :class:`Diff` from report *old* to report *new*."""
    old_findings = old.get("findings", ())
    new_findings = new.get("findings", ())
    before = {f["fingerprint"] for f in old_findings}
    after = {f["fingerprint"] for f in new_findings}

    def pick(findings, keep) -> list[dict]:
        return sorted(
            (copy.deepcopy(f) for f in findings if keep(f["fingerprint"])), key=finding_sort_key
        )

    return Diff(
        new=pick(new_findings, lambda fp: fp not in before),
        resolved=pick(old_findings, lambda fp: fp not in after),
        unchanged=pick(new_findings, lambda fp: fp in before),
    )

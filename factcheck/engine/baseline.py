"""The baseline: a committed file of known findings, keyed by fingerprint.

CI mode fails only on findings that are not in the baseline (detekt's
"current issues" half; the hand-kept half with reasons is ``waivers.py``).
Fingerprints carry no line numbers, so an unrelated edit to a document does
not make an old finding look new.

File format (``factcheck.baseline/1``), written with ``sort_keys``, indent 2,
ASCII only and a trailing newline, entries sorted by fingerprint, so the same
findings give the same bytes and a review diff shows exactly which entries
went away::

    {"schema": "factcheck.baseline/1",
     "findings": [{"fingerprint": "...", "rule": "FC101", "name": "value-conflict",
                   "severity": "error", "message": "...", "docs": ["003_..."]}]}

Everything here is a pure function over findings-JSON dicts; only
:func:`load_baseline` touches the file system.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from factcheck.errors import FactcheckError

__all__ = [
    "SCHEMA",
    "apply_baseline",
    "dumps_baseline",
    "load_baseline",
    "make_baseline",
    "update_baseline",
]

SCHEMA = "factcheck.baseline/1"

_REGENERATE = "regenerate the baseline from a current findings report"


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    fingerprint: str = Field(min_length=1)
    rule: str
    name: str
    severity: str
    message: str
    docs: list[str]


class _Baseline(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    schema_: str = Field(alias="schema")
    findings: list[_Entry]


def _entry(finding: dict) -> dict:
    """The baseline entry of one finding: enough to tell a reviewer what it was."""
    return {
        "fingerprint": finding["fingerprint"],
        "rule": finding["rule"],
        "name": finding["name"],
        "severity": finding["severity"],
        "message": finding["message"],
        "docs": sorted({e["doc"] for e in finding.get("evidence", ()) if e.get("doc")}),
    }


def _canonical(entries: list[dict]) -> dict:
    """A baseline dict with one entry per fingerprint, sorted by fingerprint.

    The first entry of a fingerprint wins, so a union-merged baseline file
    (two branches that both kept an entry) loads instead of failing CI.
    """
    by_fingerprint: dict[str, dict] = {}
    for entry in entries:
        by_fingerprint.setdefault(entry["fingerprint"], entry)
    return {"schema": SCHEMA, "findings": [by_fingerprint[k] for k in sorted(by_fingerprint)]}


def make_baseline(report: dict) -> dict:
    """Return a baseline that accepts every finding of *report*.

    Waived findings (``status == "waived"``) are left out: the waiver file
    already accounts for them, and baselining them too would make the
    waiver's expiry date toothless.
    """
    return _canonical(
        [_entry(f) for f in report.get("findings", ()) if f.get("status") != "waived"]
    )


def load_baseline(path: str | Path) -> dict:
    """Read and validate a baseline file; raise a coded ``FactcheckError``.

    E301: the file cannot be read, is not JSON, or does not have the
    baseline's shape (unknown keys are rejected, so a typo cannot silently
    drop an entry). E302: the file is not a ``factcheck.baseline/1`` file
    (another version, or another kind of JSON such as a findings report).
    """
    where = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise FactcheckError(
            "E301", f"cannot read the baseline: {exc}", path=where,
            hint="check the --baseline path",
        ) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FactcheckError(
            "E301", f"the baseline is not valid JSON: {exc.msg}", path=where,
            line=exc.lineno, column=exc.colno, hint=_REGENERATE,
        ) from None
    if not isinstance(data, dict):
        raise FactcheckError(
            "E301", "the baseline is not a JSON object", path=where, hint=_REGENERATE
        )
    schema = data.get("schema")
    if schema != SCHEMA:
        found = f"schema {schema!r}" if schema is not None else "no schema"
        hint = (
            "this is a findings report; make a baseline from it instead"
            if isinstance(schema, str) and schema.startswith("factcheck.findings/")
            else _REGENERATE
        )
        raise FactcheckError(
            "E302", f"expected a {SCHEMA} file, found {found}", path=where, hint=hint
        )
    try:
        _Baseline.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        loc = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error["loc"])
        raise FactcheckError(
            "E301", f"invalid baseline at {loc.lstrip('.') or 'top level'}: {error['msg']}",
            path=where, hint=_REGENERATE,
        ) from None
    return _canonical(data["findings"])


def dumps_baseline(baseline: dict) -> str:
    """Serialize *baseline* to its canonical bytes (as text).

    ASCII only: entries quote document text, and escaping keeps bidi
    overrides and other invisible characters visible in code review.
    """
    return json.dumps(_canonical(baseline["findings"]), sort_keys=True, indent=2) + "\n"


def apply_baseline(report: dict, baseline: dict) -> dict:
    """Return a copy of *report* with each finding marked against *baseline*.

    Each finding gets ``status``: ``"unchanged"`` when its fingerprint is in
    the baseline, ``"new"`` otherwise. A finding already ``"waived"`` keeps
    that status, so baseline and waivers can be applied in either order.
    ``report["baseline"]["resolved"]`` lists the baseline entries whose
    fingerprint no longer occurs (other keys of ``report["baseline"]`` are
    kept).
    """
    out = copy.deepcopy(report)
    known = {e["fingerprint"] for e in baseline["findings"]}
    present = set()
    for finding in out.get("findings", ()):
        present.add(finding["fingerprint"])
        if finding.get("status") != "waived":
            finding["status"] = "unchanged" if finding["fingerprint"] in known else "new"
    resolved = [e for e in baseline["findings"] if e["fingerprint"] not in present]
    out.setdefault("baseline", {})["resolved"] = copy.deepcopy(
        sorted(resolved, key=lambda e: e["fingerprint"])
    )
    return out


def update_baseline(old: dict, report: dict, reset: bool = False) -> dict:
    """Return the baseline to write after a run that produced *report*.

    Without *reset* the list only shrinks: entries whose fingerprint still
    occurs are kept as they were (so the file changes only where a finding
    went away), and new findings are never added; accepting them is a
    deliberate act (*reset*, or a waiver with a reason). With *reset* the
    result is :func:`make_baseline` of *report*.
    """
    if reset:
        return make_baseline(report)
    present = {f["fingerprint"] for f in report.get("findings", ())}
    return _canonical([e for e in old["findings"] if e["fingerprint"] in present])

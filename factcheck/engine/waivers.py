"""Waivers: the hand-kept list of accepted findings, each with a reason.

This is the second half of a detekt-style baseline: the baseline file is
generated, the waiver file is written by people and reviewed like code::

    # factcheck-waivers.yaml
    waivers:
      - fingerprint: 9f2c...          # match one finding exactly
        reason: "Both figures are right; they count different years."
        expires: 2027-01-01           # optional; from this day on it no longer applies
        rule: FC101                   # optional, informational with a fingerprint
      - rule: value-conflict          # or match by rule (code or name) + document id
        doc: 003_fe4c.txt
        reason: "Known OCR damage in this scan."

Every waiver needs a reason. Unknown keys are rejected, so a misspelt
``expries`` cannot silently make a waiver permanent. The file is read with
the shared round-trip loader (``yamlio``), which remembers where each entry
and key stands, so every error names file:line:column.
"""

from __future__ import annotations

import copy
import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    StringConstraints,
    ValidationError,
    field_validator,
    model_validator,
)
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from factcheck.engine.yamlio import load_yaml, position
from factcheck.errors import FactcheckError

__all__ = ["Waiver", "apply_waivers", "load_waivers"]

_TOP_KEYS = ("waivers",)
_DATE_HINT = "write the date as YYYY-MM-DD, e.g. 2027-01-01"
_Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class _Spec(BaseModel):
    """One waiver entry as written in the file."""

    model_config = ConfigDict(extra="forbid", strict=True)

    fingerprint: _Text | None = None
    rule: _Text | None = None
    doc: _Text | None = None
    reason: _Text
    expires: datetime.date | None = None

    @field_validator("expires", mode="before")
    @classmethod
    def _parse_date(cls, value: Any) -> Any:
        if value is None:
            return None
        # YAML gives a date for 2027-01-01 and a string for "2027-01-01"; a
        # datetime (a date subclass) is refused: a waiver ends on a day.
        if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
            return value
        if isinstance(value, str):
            try:
                return datetime.date.fromisoformat(value.strip())
            except ValueError:
                pass
        raise ValueError(f"{value!r} is not a date")

    @model_validator(mode="after")
    def _has_match(self) -> _Spec:
        if self.fingerprint is None and (self.rule is None or self.doc is None):
            raise ValueError("a waiver needs a fingerprint, or both a rule and a doc")
        return self


@dataclass(frozen=True, slots=True)
class Waiver:
    """One accepted finding (or set of findings), with why and until when.

    With a ``fingerprint`` it matches that finding only (``rule``/``doc`` are
    then informational). Without one, it matches every finding whose rule
    code or name is ``rule`` and whose evidence cites document ``doc``.
    """

    reason: str
    fingerprint: str | None = None
    rule: str | None = None
    doc: str | None = None
    expires: datetime.date | None = None
    path: str | None = None
    line: int | None = None

    def expired(self, today: datetime.date) -> bool:
        """True from the expiry day on: ``expires: 2027-01-01`` last applies on 2026-12-31."""
        return self.expires is not None and today >= self.expires

    def matches(self, finding: dict) -> bool:
        """True if this waiver covers *finding* (a findings-JSON finding dict)."""
        if self.fingerprint is not None:
            return finding.get("fingerprint") == self.fingerprint
        return self.rule in (finding.get("rule"), finding.get("name")) and any(
            e.get("doc") == self.doc for e in finding.get("evidence", ())
        )

    def to_dict(self) -> dict:
        """The waiver as JSON, for ``stale_waivers`` / ``expired_waivers``."""
        return {
            "fingerprint": self.fingerprint,
            "rule": self.rule,
            "doc": self.doc,
            "reason": self.reason,
            "expires": self.expires.isoformat() if self.expires else None,
            "path": self.path,
            "line": self.line,
        }


def _spec_error(path: str, entry: CommentedMap, error: dict) -> FactcheckError:
    """Map one pydantic error of *entry* to a coded error at its key."""
    field = error["loc"][0] if error["loc"] else None
    # The key, not the value: an empty value has no position of its own.
    line, column = position(entry, field) if field in entry else position(entry)
    if error["type"] == "extra_forbidden":
        allowed = ", ".join(sorted(_Spec.model_fields))
        return FactcheckError(
            "E313", f"unknown key {field!r} in a waiver", path, line, column,
            hint=f"a waiver may have: {allowed}",
        )
    if field == "reason" and (
        error["type"] in ("missing", "string_too_short") or entry.get("reason") is None
    ):
        return FactcheckError(
            "E311", "waiver without a reason", path, line, column,
            hint="add `reason:` saying why the finding is accepted",
        )
    if field == "expires":
        return FactcheckError(
            "E312", f"bad expiry date {str(entry['expires'])!r}", path, line, column,
            hint=_DATE_HINT,
        )
    if field in entry:
        return FactcheckError(
            "E314", f"waiver {field}: {error['msg']}", path, line, column,
            hint="write it as a quoted string",
        )
    return FactcheckError("E314", error["msg"].removeprefix("Value error, "), path, line, column)


def _entry_waiver(path: str, entry: CommentedMap) -> Waiver:
    try:
        spec = _Spec.model_validate(dict(entry))
    except ValidationError as exc:
        errors = [_spec_error(path, entry, e) for e in exc.errors()]
        # Report the first problem in reading order, as a reader would meet it.
        raise min(errors, key=lambda e: (e.line or 0, e.column or 0)) from None
    return Waiver(
        reason=spec.reason, fingerprint=spec.fingerprint, rule=spec.rule, doc=spec.doc,
        expires=spec.expires, path=path, line=position(entry)[0],
    )


def _load(path: Path) -> object:
    try:
        return load_yaml(path, code="E310")
    except ValueError as exc:
        # ruamel builds a date from 2027-13-01 and fails without a position.
        raise FactcheckError(
            "E312", f"bad date in the waiver file: {exc}", str(path), hint=_DATE_HINT
        ) from None


def load_waivers(path: str | Path) -> list[Waiver]:
    """Read and validate a waiver file; raise a coded ``FactcheckError``.

    E310: unreadable file or YAML syntax error. E311: an entry without a
    (non-blank) reason. E312: an ``expires`` that is not a YYYY-MM-DD date.
    E313: an unknown key. E314: any other shape problem (an entry that is not
    a mapping, a non-string value, no fingerprint and no rule + doc).
    An empty file, or one without ``waivers``, waives nothing.
    """
    where = str(path)
    data = _load(Path(path))
    if data is None:
        return []
    if not isinstance(data, CommentedMap):
        raise FactcheckError(
            "E314", "the waiver file must be a mapping with a `waivers:` list", where, 1, 1
        )
    for key in data:
        if key not in _TOP_KEYS:
            raise FactcheckError(
                "E313", f"unknown top-level key {key!r} in the waiver file", where,
                *position(data, key), hint="the file holds only `waivers:`",
            )
    entries = data.get("waivers")
    if entries is None:
        return []
    if not isinstance(entries, CommentedSeq):
        raise FactcheckError(
            "E314", "`waivers` must be a list of entries", where, *position(data, "waivers")
        )
    waivers = []
    for index, entry in enumerate(entries):
        if not isinstance(entry, CommentedMap):
            raise FactcheckError(
                "E314", "a waiver must be a mapping (fingerprint:, reason:, ...)", where,
                *position(entries, index),
            )
        waivers.append(_entry_waiver(where, entry))
    return waivers


def apply_waivers(report: dict, waivers: Iterable[Waiver], today: datetime.date) -> dict:
    """Return a copy of *report* with waived findings marked.

    A finding matched by an unexpired waiver gets ``status: "waived"`` and
    ``waiver: {"reason", "expires"}`` (the first matching waiver in file
    order). ``report["baseline"]`` gets ``expired_waivers`` (they no longer
    apply, so the finding counts again) and ``stale_waivers`` (unexpired
    waivers that match no finding, with their file line, to be removed).
    Other keys of ``report["baseline"]`` are kept. *today* is passed in so
    that the same inputs give the same report.
    """
    out = copy.deepcopy(report)
    waivers = list(waivers)
    active = [w for w in waivers if not w.expired(today)]
    used: set[int] = set()
    for finding in out.get("findings", ()):
        hits = [i for i, w in enumerate(active) if w.matches(finding)]
        if not hits:
            continue
        used.update(hits)
        first = active[hits[0]]
        finding["status"] = "waived"
        finding["waiver"] = {
            "reason": first.reason,
            "expires": first.expires.isoformat() if first.expires else None,
        }
    section = out.setdefault("baseline", {})
    section["expired_waivers"] = [w.to_dict() for w in waivers if w.expired(today)]
    section["stale_waivers"] = [w.to_dict() for i, w in enumerate(active) if i not in used]
    return out

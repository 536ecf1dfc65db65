"""Core data types: documents, claims, findings.

Hot-path types are frozen, slotted dataclasses. Offsets are 0-based,
half-open spans into the repaired text; line/column of the original file
are computed only when writing output.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # keep `import factcheck.model` cheap (no wordfreq, no spaCy)
    from factcheck.errors import Problem
    from factcheck.ingest.offsets import TextMap
    from factcheck.ingest.references import Citation, Reference
    from factcheck.ingest.segment import Segment


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> "Severity":
        return cls[name.upper()]

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(slots=True)
class Document:
    """One corpus document: original text, repaired text, segments, metadata."""

    id: str
    path: str
    textmap: TextMap
    segments: list[Segment]
    references: list[Reference] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    markers: list[tuple[int, int, int]] = field(default_factory=list)
    title: str | None = None
    published: str | None = None
    published_source: str | None = None
    published_evidence: str | None = None
    problems: list[Problem] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    format: str = "text"  # text | markdown | html | pdf | docx
    # the text's bag of words for document similarity (engine.linkage.text_vector), computed with
    # the extraction (in its worker, kept in the cache), None until then
    vector: dict[str, float] | None = None

    @property
    def text(self) -> str:
        return self.textmap.text

    def segment_at(self, pos: int) -> Segment | None:
        for seg in self.segments:
            if seg.start <= pos < seg.end:
                return seg
        return None


@dataclass(frozen=True, slots=True)
class Value:
    """A normalized quantity: stated magnitude in a unit, as an interval."""

    magnitude: float | None
    unit: str
    low: float | None
    high: float | None
    approx: bool = False
    display: str = ""

    def to_dict(self) -> dict:
        return {
            "magnitude": self.magnitude,
            "unit": self.unit,
            "low": self.low,
            "high": self.high,
            "approx": self.approx,
            "display": self.display,
        }


@dataclass(frozen=True, slots=True)
class Time:
    """A normalized date or period with its granularity."""

    date: str  # ISO truncated to granularity: "1998", "2013-09", "2003-06-03"
    start: str  # ISO day
    end: str  # ISO day, inclusive
    granularity: str
    approx: bool = False
    relative: bool = False
    offset_years: float | None = None
    anchor: str | None = None  # how a relative time was resolved

    def to_dict(self) -> dict:
        return {
            "date": self.date,
            "start": self.start,
            "end": self.end,
            "granularity": self.granularity,
            "approx": self.approx,
            "relative": self.relative,
            "offset_years": self.offset_years,
            "anchor": self.anchor,
        }

    @property
    def year_span(self) -> tuple[int, int]:
        return int(self.start[:4]), int(self.end[:4])


@dataclass(frozen=True, slots=True)
class Claim:
    """One numeric or dated assertion, with its evidence and normalized value."""

    doc: str
    start: int
    end: int
    quote: str
    sentence: str
    sent_start: int
    kind: str  # "quantity" | "date"
    value: Value | None
    time: Time | None  # for a date claim: the date; for a quantity: the time it refers to
    subject: str | None
    property: str | None
    qualifiers: tuple[tuple[str, Any], ...] = ()
    modality: str = "asserted"
    negated: bool = False
    confidence: float = 0.5
    id: str = ""
    # the qualifiers as a dict, built on first use (the engine reads them millions of times);
    # not an init field, so dataclasses.replace() never carries a stale one over
    _quals: dict[str, Any] | None = field(default=None, init=False, repr=False, compare=False)

    def __getstate__(self) -> list:
        return [getattr(self, f.name) if f.name != "_quals" else None for f in fields(self)]  # the cache is rebuilt

    def __setstate__(self, state: list) -> None:
        for f, value in zip(fields(self), state):
            object.__setattr__(self, f.name, value)

    @property
    def quals(self) -> dict[str, Any]:
        """The qualifiers as a dict (read-only: shared by every reader of this claim)."""
        q = self._quals
        if q is None:
            q = dict(self.qualifiers)
            object.__setattr__(self, "_quals", q)
        return q


@dataclass(frozen=True, slots=True)
class Evidence:
    """One place a finding rests on: a claim, or a citation/reference span."""

    doc: str
    start: int
    end: int
    quote: str
    sentence: str
    value: str = ""
    claim: str | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    """What a check reports. Rendered messages, no positions beyond evidence."""

    rule: str
    name: str
    kind: str  # conflict | series | event | arithmetic | temporal | citation
    severity: Severity
    message: str
    evidence: tuple[Evidence, ...]
    claims: tuple[str, ...] = ()
    arithmetic: str | None = None
    resolution: str | None = None
    support: dict | None = None
    cluster: str | None = None
    fingerprint: str = ""
    id: str = ""
    match: dict | None = None

"""Corpus metadata (corpus.yaml) and publication dates inferred from text.

A document's publication date anchors relative times ("last year") and the
temporal checks, so the report always says where it came from: the metadata
file, or a quoted line of the text.
"""

from __future__ import annotations

import re
from pathlib import Path

from factcheck.errors import FactcheckError
from factcheck.ingest.segment import Segment

_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("published line", re.compile(rf"\b(?:published|publication date|date of publication)\s*:?\s*(\d{{1,2}}\s+(?:{_MONTHS})\s+\d{{4}}|(?:{_MONTHS})\s+\d{{1,2}},?\s+\d{{4}}|\d{{4}}-\d\d-\d\d)", re.I)),
    ("journal header date", re.compile(rf"^[^\n]{{0,80}}?,\s*(\d{{1,2}}\s+(?:{_MONTHS})\s+\d{{4}})\s*$", re.I | re.M)),
    ("dated front matter", re.compile(r"^\s*(\d{1,2}\.\d{1,2}\.\d{4})\s*$", re.M)),
    ("congress date", re.compile(rf"\b((?:{_MONTHS})\s+\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?,\s*\d{{4}})\b", re.I)),
    # "No 1 (67). 2019"; OCR turns "No"/"№" into "Nel", "Ne", "N°"
    ("journal issue header", re.compile(r"\b(?:No|№|N°|Ne|Nel|Nr)\.?\s*\d*\s*\(\d+\)\.?\s*((?:19|20)\d\d)\b")),
]

# Access dates of cited web sources ("available at [...], 24 April, 2018"):
# the document cannot be older than the latest one; a lower bound only.
_ACCESS = re.compile(rf"(?:available at|accessed|retrieved|last access)[^\n]{{0,300}}?(\d{{1,2}}\s+(?:{_MONTHS}),?\s+\d{{4}}|\d{{1,2}}\.\d{{1,2}}\.\d{{4}})", re.I)


def _to_iso(text: str) -> str | None:
    import dateparser

    text = re.sub(r"(\d{1,2})\s*[-–]\s*\d{1,2},", r"\1,", text)  # "May 17-19, 2024" -> first day
    if re.fullmatch(r"(19|20)\d\d", text):
        return text
    settings = {"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["year"], "DATE_ORDER": "DMY",
                "RELATIVE_BASE": __import__("datetime").datetime(1900, 1, 1)}
    d = dateparser.parse(text, languages=["en"], settings=settings)
    return d.date().isoformat() if d else None


def infer_published(text: str, segments: list[Segment]) -> tuple[str | None, str | None]:
    """(ISO date, evidence quote) from the front of the text, or (None, None).

    Looks only at front matter, headers and the first part of the text, never
    at body claims, so a document's own events can't date it.
    """
    zones = [text[s.start:s.end] for s in segments if s.label in ("front", "page_header", "heading", "skipped")]
    for _name, pat in _PATTERNS:
        isos = [(iso, m.group(0).strip()) for zone in zones for m in pat.finditer(zone) if (iso := _to_iso(m.group(1)))]
        if isos:
            iso, quote = max(isos)  # the latest date of the strongest kind
            return iso, quote[:200]
    return None, None


def infer_lower_bound(text: str) -> tuple[str | None, str | None]:
    """The latest access date of a cited source: the document is not older."""
    best = None
    for m in _ACCESS.finditer(text):
        iso = _to_iso(m.group(1))
        if iso and (best is None or iso > best[0]):
            best = (iso, m.group(1))
    return best if best else (None, None)


def load_corpus_meta(root: Path) -> dict[str, dict]:
    """Per-document metadata from ROOT/corpus.yaml (missing file: empty)."""
    path = root / "corpus.yaml"
    if not path.is_file():
        return {}
    from factcheck.engine.yamlio import load_yaml

    from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

    from factcheck.engine.yamlio import position

    class Entry(BaseModel):
        model_config = ConfigDict(extra="forbid")
        title: str | None = None
        authors: list[str] = []
        venue: str | None = None
        published: str | None = None
        language: str | None = None
        notes: str | None = None

        @field_validator("published", mode="before")
        @classmethod
        def _iso(cls, v):
            if v is None:
                return v
            v = str(v)
            if not re.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", v):
                raise ValueError("published must be an ISO date: YYYY, YYYY-MM or YYYY-MM-DD")
            return v

    data = load_yaml(path)
    docs = data.get("documents", {}) if isinstance(data, dict) else None
    if not isinstance(docs, dict):
        raise FactcheckError("E220", "corpus.yaml needs a 'documents' mapping of id -> metadata", str(path), 1,
                             hint="e.g. documents: {my-paper.txt: {title: ..., published: 2019-05-01}}")
    out = {}
    for k, v in docs.items():
        if v is None:
            v = {}
        if not isinstance(v, dict):
            line, col = position(docs, k)
            raise FactcheckError("E221", f"metadata of '{k}' must be a mapping (title, authors, venue, published)",
                                 str(path), line, col)
        try:
            out[str(k)] = Entry.model_validate(dict(v)).model_dump(exclude_defaults=True)
        except ValidationError as exc:
            err = exc.errors()[0]
            key = err["loc"][0] if err["loc"] else None
            line, col = position(v, key)
            what = "unknown key" if err["type"] == "extra_forbidden" else err["msg"]
            raise FactcheckError("E221", f"'{k}': {key}: {what}", str(path), line, col,
                                 hint="allowed keys: " + ", ".join(Entry.model_fields)) from None
    return out

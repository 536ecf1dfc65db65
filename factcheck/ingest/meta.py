"""Corpus metadata (corpus.yaml) and publication dates inferred from text.

A document's publication date anchors relative times ("last year") and the
temporal checks, so the report always says where it came from: the metadata
file, or a quoted line of the text.
"""

from __future__ import annotations

import datetime
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
                "RELATIVE_BASE": datetime.datetime(1900, 1, 1)}
    d = dateparser.parse(text, languages=["en"], settings=settings)
    return d.date().isoformat() if d else None


# ---------------------------------------------------------------- what the file says of its own date

_META_NAMES = (
    "article:published_time", "og:published_time", "citation_publication_date", "citation_date",
    "citation_online_date", "dc.date", "dc.date.issued", "dc.date.created", "dcterms.date", "dcterms.issued",
    "dcterms.created", "date", "pubdate", "publishdate", "publish-date", "publication_date", "parsely-pub-date",
    "sailthru.date", "article.published", "datepublished",
)
_META_MODIFIED = ("article:modified_time", "og:updated_time", "dc.date.modified", "dcterms.modified", "datemodified")
_META_TAG = re.compile(r"<meta\b[^>]*>", re.I)
_ATTR = re.compile(r"""\b(name|property|itemprop|content)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""", re.I)
_JSONLD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]{4,40})"')
_TIME_TAG = re.compile(r"<time\b[^>]*\bdatetime\s*=\s*[\"']([^\"']{4,40})[\"'][^>]*\bpubdate\b|<time\b[^>]*\bpubdate\b[^>]*\bdatetime\s*=\s*[\"']([^\"']{4,40})", re.I)


def _iso_prefix(value: str) -> str | None:
    """"2019-05-01T10:00:00Z" -> "2019-05-01"; "2019/05/01", "2019-05", "2019" too; else dateparser."""
    v = value.strip()
    m = re.match(r"((?:1[6-9]|20)\d\d)(?:[-/.](\d\d)(?:[-/.](\d\d))?)?(?!\d)", v)
    if m:
        y, mo, d = m.group(1), m.group(2), m.group(3)
        try:
            if d:
                return datetime.date(int(y), int(mo), int(d)).isoformat()
            if mo and 1 <= int(mo) <= 12:
                return f"{y}-{mo}"
        except ValueError:
            return None
        return y
    return _to_iso(v) if re.search(r"\b(?:1[6-9]|20)\d\d\b", v) else None


def html_meta_date(raw: str) -> tuple[str | None, str | None]:
    """The publication date an HTML page declares: meta tags (article:published_time,
    citation_publication_date, DC.date, ...), JSON-LD datePublished, <time pubdate>.

    Published dates win over modified ones; the first of each kind counts.
    """
    head = raw[:200_000]
    found: dict[str, tuple[str, str]] = {}
    for tag in _META_TAG.finditer(head):
        attrs = {k.lower(): v.strip("\"'") for k, v in _ATTR.findall(tag.group())}
        key = (attrs.get("name") or attrs.get("property") or attrs.get("itemprop") or "").lower()
        if key in _META_NAMES + _META_MODIFIED and "content" in attrs and key not in found:
            iso = _iso_prefix(attrs["content"])
            if iso:
                found[key] = (iso, f'<meta {key}="{attrs["content"][:40]}">')
    for key in _META_NAMES:
        if key in found:
            return found[key]
    m = _JSONLD_DATE.search(head)
    if m and (iso := _iso_prefix(m.group(1))):
        return iso, f'"datePublished": "{m.group(1)}"'
    m = _TIME_TAG.search(head)
    if m and (iso := _iso_prefix(m.group(1) or m.group(2))):
        return iso, f'<time datetime="{m.group(1) or m.group(2)}" pubdate>'
    for key in _META_MODIFIED:  # a modified date only when the page states no published one
        if key in found:
            return found[key]
    return None, None


_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


def front_matter_date(text: str) -> tuple[str | None, str | None]:
    """``date:`` / ``published:`` in YAML front matter at the top of a Markdown file."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return None, None
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        data = YAML(typ="safe").load(m.group(1))
    except YAMLError:
        return None, None
    if not isinstance(data, dict):
        return None, None
    for key in ("published", "date", "publication_date", "pubdate", "created"):
        v = data.get(key)
        if v is not None and (iso := _iso_prefix(str(v))):
            return iso, f"front matter {key}: {v}"
    return None, None


_LABELLED = re.compile(
    r"^[ \t]*(?:Date|Dated|Published(?:\s+on)?|Publication\s+date|Posted(?:\s+on)?|First\s+published(?:\s+on)?|"
    r"Story\s+(?:created|published)|Created|Released|Issued|(?:Last\s+)?[Uu]pdated(?:\s+on)?)\b\s*:?\s*(.{6,80})$",
    re.I | re.M)
# words a dateline may carry beside its date ("AFP, Tuesday 2 Jul 2013"; "TNN Nov 12, 2011, 05.51AM IST MUMBAI:")
_DATELINE_FILLER = re.compile(
    r"\b(?:on|at|by|the|published|posted|updated|last|created|story|hrs|am|pm|a\.?\s?m\.?|p\.?\s?m\.?|"
    r"gmt|utc|est|edt|cst|cdt|pst|pdt|ist|bst|cet|akdt|local|time|"
    r"mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|"
    r"[\d:.,;|()\-–—/+]", re.I)


_CLOCK_TEXT = re.compile(r"\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?\s?m\b\.?|[ap]\b)?|\b\d{1,2}\s*[ap]\.?\s?m\b\.?|\b(?:hrs|ET|PT)\b|@", re.I)
_US_SHORT = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{2})\b")
_URL_DATE = re.compile(r"^\s*(?:https?:\s*/\s*/|www\.)[^\n]{0,120}?/((?:19|20)\d\d)/(\d\d|[a-z]{3})/(\d\d)/", re.I)


def _first_day_date(line: str) -> tuple[str, int, int] | None:
    from factcheck.extract.mentions import find_mentions

    line = re.sub(r"\bMay\.", "May ", line)  # "Fri., May. 3, 2013"
    for m in find_mentions(line):
        if m.kind == "date" and m.time is not None and m.time.granularity == "day" and m.time.start and not m.time.relative:
            return m.time.start, m.start, m.end
    return None


def labelled_date(text: str) -> tuple[str | None, str | None]:
    """A date line near the top: "Date: 3 May 2019", "Published on: Fri, 11 Nov 2011", "Updated: 2012.08.08"."""
    iso_label = _ISO_LABEL.match(text)
    if iso_label and _iso_prefix(iso_label.group(1)):
        return _iso_prefix(iso_label.group(1)), iso_label.group(0).strip()
    for m in _LABELLED.finditer(text[:3000]):
        colon = re.match(r"[^:\n]{0,40}:", m.group(0))
        if not colon and len(m.group(1).split()) > 8:
            continue  # "Updated figures came out on 3 May 2001.": a sentence, not a date line
        found = _first_day_date(m.group(1))
        if found and not colon:
            rest = _DATELINE_FILLER.sub(" ", _CLOCK_TEXT.sub(" ", m.group(1)[:found[1]] + " " + m.group(1)[found[2]:]))
            if len(rest.split()) > 2:
                continue  # "Released on 3 May 2001, the album sold ...": a sentence
        iso = found[0] if found else _iso_prefix(m.group(1)) if re.match(r"\s*(?:1[6-9]|20)\d\d[-/.]\d\d", m.group(1)) else None
        if iso:
            return iso, m.group(0).strip()[:200]
    return None, None


def dateline(text: str) -> tuple[str | None, str | None]:
    """A dateline: a short line among the first ones holding little but a full date
    ("July 03, 2013 6:22AM", "AFP, Tuesday 2 Jul 2013", "11/30/09 05:40 PM ET"), or a
    first line that is the page's address with a date in its path."""
    top = text[:3000]
    lines = [ln for ln in top.split("\n") if ln.strip()][:8]
    for ln in lines:
        if len(ln) > 120 or re.match(r"\s*[-*•|]", ln):
            continue  # a list or table row ("- Date: 6 December 1917" in a fact box) is not a dateline
        found = _first_day_date(ln)
        us = _US_SHORT.match(ln)
        if not found and us:  # "11/30/09 05:40 PM ET": a US dateline, month first
            try:
                iso = datetime.date(2000 + int(us.group(3)), int(us.group(1)), int(us.group(2))).isoformat()
            except ValueError:
                continue
            found = (iso, us.start(1), us.end())
        if not found:
            continue
        iso, a, b = found
        rest = _DATELINE_FILLER.sub(" ", _CLOCK_TEXT.sub(" ", ln[:a] + " " + ln[b:]))
        words = rest.split()
        # at most a short source or place name beside the date ("AFP", "TNN ... MUMBAI")
        if len(words) <= 3 and all(w[:1].isupper() for w in words):
            return iso, ln.strip()[:200]
    if lines:
        m = _URL_DATE.match(lines[0])  # a saved page that starts with its address: ".../2013/05/03/..."
        if m:
            mon = m.group(2)
            mon = int(mon) if mon.isdigit() else _MONTH_ABBR.get(mon.lower())
            try:
                return datetime.date(int(m.group(1)), mon, int(m.group(3))).isoformat(), lines[0].strip()[:200]
            except (TypeError, ValueError):
                pass
    return None, None


_MONTH_ABBR = {m[:3]: i for i, m in enumerate(_MONTHS.split("|"), 1)}


_UPDATED_BEFORE = re.compile(r"\b(?:updated|modified|revised|edited)\b[^\n]{0,12}$", re.I)
# a crawler's label glued to the text: " date 2021-06-27 The state government has ..."
_ISO_LABEL = re.compile(r"\A\s*date\s+((?:1[6-9]|20)\d\d-\d\d-\d\d)\b", re.I)


def infer_published(text: str, segments: list[Segment]) -> tuple[str | None, str | None]:
    """(ISO date, evidence quote) from the front of the text, or (None, None).

    Looks only at front matter, headers and the first part of the text, never
    at body claims, so a document's own events can't date it.
    """
    first_body = next((s.start for s in segments if s.label == "body"), len(text))
    # ... and fact-box rows above the first paragraph ("Date of publication: March 5, 2021")
    zones = [text[s.start:s.end] for s in segments
             if s.label in ("front", "page_header", "heading", "skipped") or (s.label == "fact" and s.start < first_body)]
    for _name, pat in _PATTERNS:
        found = [(iso, m.group(0).strip(), bool(_UPDATED_BEFORE.search(zone[max(0, m.start() - 25):m.start()])))
                 for zone in zones for m in pat.finditer(zone) if (iso := _to_iso(m.group(1)))]
        # a date labelled "Updated" dates the document only when nothing else does
        isos = [(iso, q) for iso, q, upd in found if not upd] or [(iso, q) for iso, q, _upd in found]
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


def tells_of_later_years(text: str, iso: str, quote: str) -> bool:
    """The text names a year well after a candidate date of its own (a page about an event
    of 1985 that also tells of 2005): then the candidate is the event's date, not the page's."""
    year = int(iso[:4])
    rest = text.replace(quote, " ", 1) if quote else text
    years = [int(y) for y in re.findall(r"(?<![\d.,/-])(1[5-9]\d\d|20\d\d)(?![\d%]|\s*(?:percent|per cent)\b)", rest)]
    return any(y > year + 1 for y in years)

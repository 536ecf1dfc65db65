"""The HTML report: one self-contained page that is a view of the findings JSON.

The page must work offline and from a mail attachment, so everything is
inlined: CSS, JS and the report itself (as a ``<script type="application/json">``
block). A Content-Security-Policy with ``default-src 'none'`` and hashes of the
two inline blocks makes the "no network, no foreign script" promise checkable
by the browser, not only by us: even if some text slipped past escaping it
could neither run nor fetch anything.

What the server side (this module + Jinja2 with autoescape) renders is what
must be readable without JavaScript and stay small: the overview (corpus,
counts, coverage, problems, baseline), the rule table and the cluster charts
(SVG built here, so they print and need no JS). What can be large is left to
the page script, which builds DOM lazily with ``textContent`` only: the
findings list (chunks of 200, evidence built when a finding is opened) and the
document view (built when a document is opened). Document text is untrusted;
no string from the report is ever parsed as HTML, on either side.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import math
import re
from collections import Counter
from pathlib import Path

import jinja2
from markupsafe import Markup

from factcheck.report.sanitize import positive_int, terminal_safe

__all__ = ["render_html"]

TEMPLATES = Path(__file__).with_name("templates")
SEVERITIES = ("error", "warning", "info")
KINDS = ("conflict", "series", "event", "arithmetic", "temporal", "citation")
STATUSES = ("new", "unchanged", "waived")

# Characters that could end or confuse a <script> block, or end a JS string
# in older engines, written as JSON escapes instead. (A chain of str.replace
# is ~10x faster than str.translate on a multi-megabyte report.)
_SCRIPT_ESCAPES = (
    ("<", "\\u003c"),
    (">", "\\u003e"),
    ("&", "\\u0026"),
    ("\u2028", "\\u2028"),
    ("\u2029", "\\u2029"),
)
_UNSAFE_ID = re.compile(r"[^A-Za-z0-9_.-]")
_DATE = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")

# Chart geometry (SVG user units).
_W, _H = 640, 300
_LEFT, _RIGHT, _TOP, _BOTTOM = 76, 20, 40, 52
_JITTER = 10.0
_TOOLTIP_SENTENCE = 200
_LOG_RATIO = 100.0  # highest/lowest value from which the y axis is logarithmic


def render_html(report: dict) -> str:
    """Return the report as one self-contained HTML document.

    *report* is a findings JSON dict (docs/findings-json.md); optional parts
    (clusters, coverage, problems, rules, status, baseline) may be missing.
    The result references no network resource and does not depend on the
    time of rendering: the same report gives the same string. Nothing is
    written; the caller decides where the page goes.
    """
    env = _environment()
    css = (TEMPLATES / "report.css").read_text(encoding="utf-8")
    js = (TEMPLATES / "report.js").read_text(encoding="utf-8")
    context = _context(report)
    context.update(
        css=Markup(css),
        js=Markup(js),
        data_json=Markup(script_json(report)),
        csp=_csp(css, js),
    )
    return env.get_template("report.html.j2").render(**context)


def script_json(data: object) -> str:
    """JSON for a ``<script type="application/json">`` block.

    ``<``, ``>`` and ``&`` become ``\\u003c`` etc., so no text in the data can
    close the block (``</script>``), open a comment (``<!--``) or be read as
    markup; U+2028/U+2029 are escaped for the benefit of old JS parsers.
    ``JSON.parse`` of the block gives back *data* exactly.
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, escape in _SCRIPT_ESCAPES:
        text = text.replace(char, escape)
    return text


def ident(value: object) -> str:
    """*value* made safe for an HTML id or class: characters outside ``[A-Za-z0-9_.-]`` become ``_``."""
    return _UNSAFE_ID.sub("_", str(value))


def anchor_id(doc_id: object, line: object = None) -> str:
    """The element id of a document (``doc-<id>``) or of its paragraph at *line*.

    Characters outside ``[A-Za-z0-9_.-]`` become ``_``; report.js builds the
    same ids with the same rule, so links made here and there agree.
    """
    base = "doc-" + ident(doc_id)
    return f"{base}-L{line}" if line is not None else base


@functools.cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        # Reports may be partial or hand-edited: a missing optional key shows
        # as nothing rather than failing the whole page.
        undefined=jinja2.ChainableUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    # Hidden characters (bidi overrides, controls) are shown, not obeyed:
    # a quote that reads differently from how it is stored is itself news.
    env.filters["visible"] = _visible
    env.filters["num"] = _fmt_num
    env.filters["ident"] = ident
    return env


def _visible(value: object) -> str:
    if value is None or isinstance(value, jinja2.Undefined):
        return ""
    return terminal_safe(str(value))


def _csp(css: str, js: str) -> str:
    """Content-Security-Policy allowing only the two inline blocks, nothing fetched."""

    def digest(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"

    return (
        "default-src 'none'; "
        f"script-src {digest(js)}; "
        f"style-src {digest(css)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


# --------------------------------------------------------------------------
# Context for the template


def _context(report: dict) -> dict:
    documents = [d for d in report.get("documents") or [] if isinstance(d, dict)]
    claims = [c for c in report.get("claims") or [] if isinstance(c, dict)]
    findings = [f for f in report.get("findings") or [] if isinstance(f, dict)]
    claims_by_id = {c.get("id"): c for c in claims}
    paragraphs = _paragraph_index(documents)

    severity_counts = Counter(str(f.get("severity") or "?") for f in findings)
    kind_counts = Counter(str(f.get("kind") or "?") for f in findings)
    rule_counts = Counter(str(f.get("rule") or "?") for f in findings)
    status_counts = Counter(str(f["status"]) for f in findings if f.get("status"))

    claims_per_doc = Counter(str(c.get("doc")) for c in claims)
    findings_per_doc: Counter[str] = Counter()
    for finding in findings:
        # The same set report.js filters on: documents of the evidence and of the claims.
        docs = {str(e.get("doc")) for e in finding.get("evidence") or [] if isinstance(e, dict)}
        for claim_id in finding.get("claims") or []:
            if isinstance(claim_id, str) and claim_id in claims_by_id:
                docs.add(str(claims_by_id[claim_id].get("doc")))
        for doc in docs:
            findings_per_doc[doc] += 1

    return {
        "tool": report.get("tool") or {},
        "schema": report.get("schema"),
        "documents": [_document_row(d, claims_per_doc, findings_per_doc) for d in documents],
        "n_claims": len(claims),
        "n_findings": len(findings),
        "severities": _ordered(severity_counts, SEVERITIES),
        "kinds": _ordered(kind_counts, KINDS),
        "rules": _rule_rows(report.get("rules") or [], rule_counts),
        "statuses": _ordered(status_counts, STATUSES) if status_counts else [],
        "coverage": _coverage(report.get("coverage") or {}),
        "problems": [p for p in report.get("problems") or [] if isinstance(p, dict)],
        "baseline": _baseline(report.get("baseline")),
        "clusters": [
            _cluster_chart(k, claims_by_id, paragraphs)
            for k in report.get("clusters") or []
            if isinstance(k, dict)
        ],
    }


def _ordered(counts: Counter, known: tuple[str, ...]) -> list[tuple[str, int]]:
    """Known keys first in their fixed order (zeros kept), then the others sorted."""
    rows = [(key, counts.get(key, 0)) for key in known]
    rows += sorted((key, n) for key, n in counts.items() if key not in known)
    return rows


def _document_row(doc: dict, claims: Counter, findings: Counter) -> dict:
    doc_id = str(doc.get("id"))
    segments = doc.get("segments") or {}
    repairs = doc.get("repairs") or {}
    return {
        "id": doc_id,
        "anchor": anchor_id(doc_id),
        "path": doc.get("path"),
        "format": _format_label(doc),
        "title": doc.get("title"),
        "published": doc.get("published"),
        "published_source": doc.get("published_source"),
        "published_evidence": doc.get("published_evidence"),
        "segments": sorted(segments.items()) if isinstance(segments, dict) else [],
        "repairs": sorted(repairs.items()) if isinstance(repairs, dict) else [],
        "skipped": [s for s in doc.get("skipped") or [] if isinstance(s, dict)],
        "paragraphs": len(doc.get("paragraphs") or []),
        "claims": claims.get(doc_id, 0),
        "findings": findings.get(doc_id, 0),
    }


_FORMAT_NAMES = {"pdf": "PDF", "docx": "Word (DOCX)", "html": "HTML", "markdown": "Markdown", "text": "plain text"}


def _format_label(doc: dict) -> str:
    """'PDF, 12 pages', 'Word (DOCX)', 'plain text' (documents of older reports have no format)."""
    fmt = doc.get("format")
    if not isinstance(fmt, str):
        return ""
    label = _FORMAT_NAMES.get(fmt, fmt)
    pages = positive_int(doc.get("pages"))
    return label + (f", {pages} page{'s' if pages != 1 else ''}" if pages else "")


def _rule_rows(rules: list, counts: Counter) -> list[dict]:
    rows = {}
    for rule in rules:
        if isinstance(rule, dict) and rule.get("code"):
            rows[str(rule["code"])] = dict(rule, count=counts.get(str(rule["code"]), 0))
    for code, n in counts.items():
        rows.setdefault(code, {"code": code, "name": None, "severity": None, "description": None, "count": n})
    return [rows[code] for code in sorted(rows)]


def _coverage(coverage: dict) -> dict | None:
    """Coverage numbers plus the shares the overview states in words."""
    keys = ("mentions_seen", "claims_extracted", "claims_keyed", "claims_checked")
    values = {k: coverage.get(k) for k in keys if isinstance(coverage.get(k), int)}
    if not values:
        return None
    extracted = values.get("claims_extracted")
    checked = values.get("claims_checked")
    unchecked = extracted - checked if extracted is not None and checked is not None else None
    share = round(100 * checked / extracted) if extracted and checked is not None else None
    return {**values, "unchecked": unchecked, "checked_share": share}


def _baseline(baseline: object) -> dict | None:
    if not isinstance(baseline, dict):
        return None
    resolved = [r for r in baseline.get("resolved") or [] if isinstance(r, dict)]
    stale = [s for s in baseline.get("stale_waivers") or []]
    return {"resolved": resolved, "stale_waivers": stale}


# --------------------------------------------------------------------------
# Paragraph lookup (the same rule as paragraphOf() in report.js)


def _paragraph_index(documents: list[dict]) -> dict[str, list[dict]]:
    index = {}
    for doc in documents:
        paras = [p for p in doc.get("paragraphs") or [] if isinstance(p, dict)]
        index[str(doc.get("id"))] = sorted(paras, key=lambda p: (_int(p.get("start")), _int(p.get("line"))))
    return index


def _int(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _claim_anchor(claim: dict, paragraphs: dict[str, list[dict]]) -> str:
    """Anchor of the paragraph holding *claim*: by offset, else by line, else the document."""
    doc = str(claim.get("doc"))
    paras = paragraphs.get(doc) or []
    start = claim.get("start")
    if isinstance(start, int):
        for para in paras:
            if _int(para.get("start")) <= start < _int(para.get("end")):
                return anchor_id(doc, para.get("line"))
    line = positive_int(claim.get("line"))
    if line is not None:
        before = [p for p in paras if positive_int(p.get("line")) and p["line"] <= line]
        if before:
            return anchor_id(doc, max(before, key=lambda p: p["line"])["line"])
    return anchor_id(doc)


# --------------------------------------------------------------------------
# Cluster charts


def _fmt_num(value: object) -> str:
    """A number for people: thousands separators, at most 4 significant digits after the point."""
    if not isinstance(value, (int, float)) or isinstance(value, bool) or not math.isfinite(value):
        return "" if value is None else str(value)
    magnitude = abs(value)
    for limit, suffix in ((1e12, " tn"), (1e9, " bn"), (1e6, " M")):
        if magnitude >= limit:
            return f"{value / limit:,.4g}{suffix}"
    if magnitude >= 1000 or float(value).is_integer():
        return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
    return f"{value:.4g}"


def _year_position(date: object) -> float | None:
    """Fractional year of an ISO date (``2015`` is mid-2015), or None when undated."""
    if not isinstance(date, str):
        return None
    match = _DATE.match(date)
    if not match:
        return None
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else None
    day = int(match.group(3)) if match.group(3) else None
    if month is None or not 1 <= month <= 12:
        return year + 0.5
    if day is None or not 1 <= day <= 31:
        return year + (month - 0.5) / 12
    return year + (month - 1) / 12 + (day - 0.5) / 372


def _nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering [low, high] (the 1-2-5 rule)."""
    if high <= low:
        pad = abs(low) * 0.1 or 1.0
        low, high = low - pad, high + pad
    raw = (high - low) / max(count - 1, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    first = math.floor(low / step) * step
    ticks = []
    value = first
    while value < high + step * 1e-9:
        ticks.append(round(value, 10))
        value += step
    if ticks[-1] < high:
        ticks.append(round(value, 10))
    return ticks if len(ticks) >= 2 else [first, first + step]


def _point_value(point: dict) -> tuple[float, float, float] | None:
    """(low, value, high) of a cluster point, or None when it has no number."""

    def num(key: str) -> float | None:
        v = point.get(key)
        return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) else None

    value, low, high = num("value"), num("low"), num("high")
    if value is None and low is not None and high is not None:
        value = (low + high) / 2
    if value is None:
        value = low if low is not None else high
    if value is None:
        return None
    low = value if low is None else min(low, value)
    high = value if high is None else max(high, value)
    return low, value, high


def _cluster_chart(cluster: dict, claims_by_id: dict, paragraphs: dict[str, list[dict]]) -> dict:
    """Everything the template needs to draw one cluster: marks, axes, legend, table rows.

    x is the date the value refers to (year granularity is enough for
    reading, finer dates are placed within their year); undated points go to
    an ``n.d.`` band at the right. y is linear, starting at zero when the
    values are all positive and the lowest is under half the highest, and
    logarithmic when the values span two orders of magnitude or more.
    Points at the same date are spread sideways so none hides another.
    """
    cluster_id = str(cluster.get("id") or "")
    unit = cluster.get("unit")
    rows, marks = [], []
    for point in cluster.get("points") or []:
        if not isinstance(point, dict):
            continue
        claim = claims_by_id.get(point.get("claim")) or {}
        numbers = _point_value(point)
        value = claim.get("value") if isinstance(claim.get("value"), dict) else {}
        display = value.get("display") or (_fmt_num(numbers[1]) if numbers else "")
        row = {
            "claim": point.get("claim"),
            "doc": point.get("doc") or claim.get("doc"),
            "line": claim.get("line"),
            "date": point.get("date"),
            "x": _year_position(point.get("date")),
            "numbers": numbers,
            "display": display,
            "conflict": bool(point.get("conflict")),
            "modality": claim.get("modality"),
            "quote": claim.get("quote"),
            "sentence": claim.get("sentence"),
            "href": "#" + _claim_anchor({**claim, "doc": point.get("doc") or claim.get("doc")}, paragraphs),
        }
        rows.append(row)
        if numbers is not None:
            marks.append(row)

    chart = {
        "id": cluster_id,
        "dom_id": "cluster-" + ident(cluster_id),
        "subject": cluster.get("subject"),
        "property": cluster.get("property"),
        "unit": unit,
        "findings": [str(f) for f in cluster.get("findings") or []],
        "rows": rows,
        "hidden": len(rows) - len(marks),
        "n_conflict": sum(1 for r in rows if r["conflict"]),
        "width": _W,
        "height": _H,
        "plot": {"left": _LEFT, "right": _W - _RIGHT, "top": _TOP, "bottom": _H - _BOTTOM},
        "marks": [],
        "x_ticks": [],
        "y_ticks": [],
        "has_interval": False,
        "has_projection": False,
        "log": False,
        "x_bands": [],
    }
    if not marks:
        return chart

    # x scale: whole years from the first to the last dated point, plus an
    # "n.d." band for undated ones.
    dated = [m["x"] for m in marks if m["x"] is not None]
    first_year = math.floor(min(dated)) if dated else 0
    last_year = math.floor(max(dated)) if dated else -1
    years = last_year - first_year + 1 if dated else 0
    undated = any(m["x"] is None for m in marks)
    span = years + (1.5 if undated else 0)
    scale_x = (_W - _RIGHT - _LEFT) / span
    nd_x = _LEFT + (years + 0.75 if years else 0.75) * scale_x

    def x_of(x: float | None) -> float:
        return nd_x if x is None else _LEFT + (x - first_year) * scale_x

    step = max(1, math.ceil(years / 12)) if years else 1
    chart["x_ticks"] = [
        {"x": round(x_of(year + 0.5), 2), "label": str(year)}
        for year in range(first_year, last_year + 1)
        if (year - first_year) % step == 0
    ]
    if undated:
        chart["x_ticks"].append({"x": round(nd_x, 2), "label": "n.d."})

    lows = [m["numbers"][0] for m in marks]
    highs = [m["numbers"][2] for m in marks]
    low, high = min(lows), max(highs)
    # Conflicts are often orders of magnitude apart (a unit or scale slip);
    # on a linear axis the small value would sit on zero, so switch to log.
    chart["log"] = low > 0 and high / low >= _LOG_RATIO
    if chart["log"]:
        ticks = [10.0**e for e in range(math.floor(math.log10(low)), math.ceil(math.log10(high)) + 1)]
        if len(ticks) < 2:
            ticks.append(ticks[-1] * 10)
        y0, y1 = math.log10(ticks[0]), math.log10(ticks[-1])

        def position(v: float) -> float:
            return math.log10(v)
    else:
        if low > 0 and low < high / 2:
            low = 0.0
        ticks = _nice_ticks(low, high)
        y0, y1 = ticks[0], ticks[-1]

        def position(v: float) -> float:
            return v

    scale_y = (_H - _BOTTOM - _TOP) / (y1 - y0)

    def y_of(v: float) -> float:
        return round(_H - _BOTTOM - (position(v) - y0) * scale_y, 2)

    chart["y_ticks"] = [{"y": y_of(t), "label": _fmt_num(t)} for t in ticks]
    # Year bands: boundaries between years, so a month sits visibly inside its year.
    if years <= 40:
        chart["x_bands"] = [round(x_of(year), 2) for year in range(first_year + 1, last_year + 1)]

    # Spread marks that share a date so each stays visible and hoverable.
    groups: dict[float | None, list[dict]] = {}
    for mark in marks:
        groups.setdefault(None if mark["x"] is None else round(mark["x"], 3), []).append(mark)
    for members in groups.values():
        for i, mark in enumerate(members):
            offset = (i - (len(members) - 1) / 2) * _JITTER
            low_v, value, high_v = mark["numbers"]
            interval = high_v > low_v
            chart["has_interval"] |= interval
            projection = mark["modality"] not in (None, "asserted")
            chart["has_projection"] |= projection
            chart["marks"].append({
                **mark,
                "cx": round(x_of(mark["x"]) + offset, 2),
                "cy": y_of(value),
                "y_low": y_of(low_v),
                "y_high": y_of(high_v),
                "interval": interval,
                "projection": projection,
                "tooltip": _tooltip(mark, unit),
            })
    return chart


def _tooltip(mark: dict, unit: object) -> str:
    where = str(mark["doc"])
    if positive_int(mark["line"]):
        where += f", line {mark['line']}"
    low, value, high = mark["numbers"]
    shown = mark["display"] or _fmt_num(value)
    if high > low:
        shown += f" [{_fmt_num(low)}–{_fmt_num(high)}]"
    if unit:
        shown += f" {unit}"
    parts = [where, str(mark["date"] or "undated"), shown]
    if mark["conflict"]:
        parts.append("in conflict")
    if mark["modality"] not in (None, "asserted"):
        parts.append(str(mark["modality"]))
    text = " · ".join(parts)
    if mark["quote"]:
        text += f"\n“{mark['quote']}”"
    sentence = mark["sentence"]
    if sentence and sentence != mark["quote"]:
        if len(sentence) > _TOOLTIP_SENTENCE:
            sentence = sentence[: _TOOLTIP_SENTENCE - 1] + "…"
        text += f"\n{sentence}"
    return text

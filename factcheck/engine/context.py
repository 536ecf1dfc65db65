"""What checks see: the claims of the corpus, grouped, with helpers.

Claims about the same thing are grouped before any pair is compared
(blocking on normalized keys), so work grows with the size of the groups,
not with the square of the corpus.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable, Hashable, Iterable

import networkx as nx

from factcheck.model import Claim, Document, Evidence, Value
from factcheck.normalize.numbers import format_number


@dataclass(slots=True)
class CheckContext:
    documents: dict[str, Document]
    claims: list[Claim]
    graph: nx.Graph = field(default_factory=nx.Graph)
    checked: set[str] = field(default_factory=set)
    memo: dict = field(default_factory=dict)

    def linker(self):
        """The corpus's claim linker (document profiles built once per run)."""
        if "linker" not in self.memo:
            from factcheck.engine.linkage import Linker

            self.memo["linker"] = Linker(self.claims, {d: doc.title for d, doc in self.documents.items()},
                                         {d: doc.text for d, doc in self.documents.items()},
                                         {d: doc.vector for d, doc in self.documents.items()})
        return self.memo["linker"]

    def sentence_claims(self, c: Claim) -> list[Claim]:
        """The claims of c's sentence (c included), in text order."""
        if "by_sentence" not in self.memo:
            groups: dict[tuple, list[Claim]] = defaultdict(list)
            for x in self.claims:
                groups[(x.doc, x.sent_start)].append(x)
            self.memo["by_sentence"] = groups
        return self.memo["by_sentence"].get((c.doc, c.sent_start), [])

    @functools.cached_property
    def by_id(self) -> dict[str, Claim]:
        return {c.id: c for c in self.claims}

    def block(self, key: Callable[[Claim], Hashable | None], claims: Iterable[Claim] | None = None) -> dict[Hashable, list[Claim]]:
        """Group claims by a key (None: not grouped), in deterministic order."""
        groups: dict[Hashable, list[Claim]] = defaultdict(list)
        for c in claims if claims is not None else self.claims:
            k = key(c)
            if k is not None:
                groups[k].append(c)
        return {k: groups[k] for k in sorted(groups, key=repr)}

    def published_year(self, doc_id: str, exact_only: bool = True) -> int | None:
        d = self.documents.get(doc_id)
        if not d or not d.published:
            return None
        if exact_only and d.published_source not in ("metadata", "text"):
            return None
        return int(d.published[:4])

    def evidence(self, c: Claim, value: str | None = None) -> Evidence:
        return Evidence(c.doc, c.start, c.end, c.quote, c.sentence, value if value is not None else describe(c), c.id)

    def sources(self, c: Claim) -> frozenset[str]:
        """Works cited in the claim's sentence (for independence of support)."""
        d = self.documents[c.doc]
        s, e = c.sent_start, c.sent_start + len(c.sentence)
        out = set()
        for cit in d.citations:
            if s <= cit.start < e + 5:
                out.add(f"{cit.author.lower()}:{cit.year}")
        for ms, _me, n in d.markers:
            if s <= ms <= e + 3:
                note = _note_text(d, n)
                if note:
                    out.add("note:" + re.sub(r"\W+", " ", note.lower())[:80])
        return frozenset(out)


def _note_text(d: Document, n: int) -> str | None:
    for seg in d.segments:
        if seg.label in ("note", "footnote"):
            t = d.text[seg.start:seg.end]
            if re.match(rf"{n}\D", t):
                return re.sub(r"^\d+\s*", "", t)
    return None


def interval(v: Value, approx_tol: float, rel_tol: float, open_slack: float | None = None) -> tuple[float, float]:
    """The values a stated quantity allows, widened for approximation and rounding."""
    lo = v.low if v.low is not None else float("-inf") if v.unit != "count" else 0.0
    hi = v.high if v.high is not None else float("inf")
    if open_slack is not None:
        if v.high is None and v.low is not None:
            hi = v.low * (1 + open_slack)
        if v.low is None and v.high is not None:
            lo = v.high * (1 - open_slack)
    if v.approx and (v.low is None) != (v.high is None) and open_slack is None:
        # "nearly 600" is a little under 600, never over it; "just over 600" a little over it
        x = v.high if v.high is not None else v.low
        slack = max(abs(x) * approx_tol, _rounding(v))
        return (x - slack, x) if v.high is not None else (x, x + slack)
    bound = (v.low is None) != (v.high is None)
    # a bound word states a threshold, not a rounded or loosely reported figure: "at least 50" does
    # not allow 46, and "more than 3,780" does not allow 3,750
    widen = approx_tol if v.approx else 0.0 if bound else rel_tol
    rounding = _rounding(v) if not bound else 0.0
    if v.magnitude and not v.approx:
        # a round figure is read as rounded, but not by more than "about" allows: "400 tons" is not 480
        rounding = min(rounding, abs(v.magnitude) * approx_tol)
    if lo not in (float("-inf"),):
        lo = lo - max(abs(lo) * widen, rounding)
    if hi != float("inf"):
        hi = hi + max(abs(hi) * widen, rounding)
    return lo, hi


def _rounding(v: Value) -> float:
    """Half a unit of the last stated digit ("13.2 thousand" -> 50)."""
    text = v.display or ""
    m = re.search(r"(\d[\d,]*)(?:\.(\d+))?", text)
    if v.magnitude is None:
        return 0.0
    if not m:
        # a number in words: "about three hours" is rounded to the hour, "two hundred" to the hundred
        x = abs(v.magnitude)
        if not v.approx or not float(x).is_integer() or x == 0:
            return 0.0
        if re.search(r"\b(?:a|an)\s+(?:full\s+|whole\s+|single\s+)?[a-z]", text, re.I):
            return 0.0  # "a year" is about a year, not anything from six to eighteen months
        digits = str(int(x))
        return 0.5 * 10 ** (len(digits) - len(digits.rstrip("0")))
    decimals = len(m.group(2) or "")
    digits = m.group(1).replace(",", "")
    stated = float(digits + ("." + m.group(2) if m.group(2) else ""))
    if stated == 0:
        return 0.0
    scale = (v.magnitude / stated) if stated else 1.0
    if decimals:
        return 0.5 * (10 ** -decimals) * scale
    zeros = len(digits) - len(digits.rstrip("0"))
    if zeros:  # "15,000" may be rounded to the thousand
        return 0.5 * (10 ** zeros) * scale
    return 0.5 * scale if scale > 1 else 0.0  # "2 million": rounded to the million; "4": exact


def place_name(eid: str) -> str:
    """Readable place name from a canonical id ("south_korea" -> "South Korea", "gpe:freedonia" -> "Freedonia")."""
    return eid.split(":", 1)[-1].replace("_", " ").title()


def describe_value(v: Value) -> str:
    unit = "" if v.unit == "count" else ("%" if v.unit == "percent" else f" {v.unit}")
    if v.low is not None and v.high is not None and v.low != v.high:
        return f"{format_number(v.low)}–{format_number(v.high)}{unit}"
    x = v.magnitude if v.magnitude is not None else (v.low if v.low is not None else v.high)
    base = f"{format_number(x)}{unit}"
    if v.high is None and v.low is not None:
        base = "≥ " + base
    elif v.low is None and v.high is not None:
        base = "≤ " + base
    if v.approx:
        base = "≈ " + base if not base.startswith(("≥", "≤")) else base + " (approx.)"
    return base


def describe(c: Claim) -> str:
    if c.kind == "quantity" and c.value is not None:
        out = describe_value(c.value)
        if c.time and c.time.date:
            out += f" ({c.time.date}{', ' + c.time.anchor if c.time.anchor else ''})"
        return out
    if c.time is not None:
        t = c.time
        out = f"{t.date or '?'} ({t.granularity})"
        if t.relative and t.offset_years is not None:
            out += f", {t.offset_years:+g} years from {t.anchor or 'an unknown anchor'}"
        elif t.relative:
            out += ", no anchor to resolve it"
        elif t.anchor:
            out += f", {t.anchor}"
        return out
    return c.quote

"""Arithmetic checks: growth rates, shares, parts and totals, ratios.

- ``growth-rate``: a stated yearly rate ("growing 10-12% per year") against
  two dated values of the same quantity in the same passage, via the
  compound annual rate (v2/v1)^(1/years) - 1.
- ``share-sum``: shares of one whole that must add up: complementary shares
  ("81 percent ... while about 19 percent held differing opinions") and a
  total with its parts ("about 70.5 percent, with 35.2 ... and 35.3 ...").
- ``share-range``: a share of a population above 100%.
- ``ratio-check``: "N of M" next to a stated percentage.
"""

from __future__ import annotations

import re
from typing import ClassVar, Iterable

from factcheck.checks import Draft, Params, register
from factcheck.engine.context import CheckContext, describe, interval
from factcheck.model import Claim


class GrowthParams(Params):
    window_sentences: int = 2
    tolerance_points: float = 1.0
    open_bound_slack: float = 0.15


def _same_passage(a: Claim, b: Claim, window_chars: int) -> bool:
    return a.doc == b.doc and abs(a.sent_start - b.sent_start) <= window_chars


@register
class GrowthRate:
    """A stated yearly growth rate against the values it sits next to."""

    name: ClassVar[str] = "growth-rate"
    finding_kind: ClassVar[str] = "arithmetic"
    Params = GrowthParams
    fields: ClassVar[frozenset[str]] = frozenset({"rate", "implied", "first", "last", "years", "property"})

    def run(self, ctx: CheckContext, rule) -> Iterable[Draft]:
        p = rule.params
        for r in ctx.claims:
            if r.kind != "quantity" or r.value is None or r.value.unit != "percent" or r.quals.get("rate") != "year":
                continue
            if r.modality != "asserted":
                continue
            # dated values of one quantity in the same passage (same paragraph, nearby sentences)
            window = 400 * p.window_sentences
            vals = [c for c in ctx.claims if c.kind == "quantity" and c.value is not None and c is not r
                    and c.value.unit not in ("percent", "ordinal", "times") and c.time and c.time.start
                    and c.time.granularity in ("year", "month", "day") and _same_passage(r, c, window)
                    and c.sent_start >= r.sent_start and c.modality == "asserted"]
            groups: dict = {}
            for c in vals:
                groups.setdefault((c.property, c.value.unit), []).append(c)
            for (prop, unit), cs in sorted(groups.items(), key=repr):
                cs = sorted(cs, key=lambda c: c.time.start)
                a, b = cs[0], cs[-1]
                years = int(b.time.start[:4]) - int(a.time.start[:4])
                if years <= 0 or not a.value.magnitude or not b.value.magnitude:
                    continue
                ctx.checked.update({r.id, a.id, b.id})
                lo_a, hi_a = interval(a.value, 0.0, 0.0, p.open_bound_slack)
                lo_b, hi_b = interval(b.value, 0.0, 0.0, p.open_bound_slack)
                lo_a, hi_a = max(lo_a, 1e-12), max(hi_a, 1e-12)
                g_lo = (lo_b / hi_a) ** (1 / years) - 1
                g_hi = (hi_b / lo_a) ** (1 / years) - 1
                g_mid = (b.value.magnitude / a.value.magnitude) ** (1 / years) - 1
                s_lo = (r.value.low if r.value.low is not None else float("-inf")) - p.tolerance_points
                s_hi = (r.value.high if r.value.high is not None else float("inf")) + p.tolerance_points
                if g_hi * 100 < s_lo or g_lo * 100 > s_hi:
                    arith = (f"({b.value.magnitude:,.6g} / {a.value.magnitude:,.6g})^(1/{years}) - 1 = {g_mid:.1%} per year "
                             f"({a.time.date} -> {b.time.date}); allowing for bounds and rounding the values give "
                             f"{g_lo:.1%} to {g_hi:.1%} per year, but the text states {describe(r).split(' (')[0]} per year")
                    yield Draft({"rate": r.quote, "implied": f"{g_mid:.1%}", "first": describe(a), "last": describe(b),
                                 "years": str(years), "property": (prop or "").replace("_", " ")},
                                [ctx.evidence(r), ctx.evidence(a), ctx.evidence(b)], [r.id, a.id, b.id], arith,
                                "Either the rate or one of the values is wrong, or they describe different periods; "
                                "state the period the rate refers to.", None, None, ("growth", r.id))


class ShareParams(Params):
    tolerance_points: float = 1.5
    approx_tolerance_points: float = 3.0
    max_parts: int = 6


_COMPLEMENT = re.compile(r"\b(?:the rest|the remaining|remainder|others|differing|different (?:opinions?|views?)|otherwise|the opposite|disagree\w*)\b", re.I)
_PARTS_INTRO = re.compile(r"\b(?:with|of whom|of which|including|comprising|split between|divided between)\b|:|\(", re.I)


_EACH_OWN_WHOLE = re.compile(r"^\s*(?:of\s+[a-z]+\s+)?(with|in|for|among|at|from|across|on|to)\s+(?:the\s+)?([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)")


def _series_of_wholes(parts: list[Claim]) -> bool:
    """Shares each of its own named whole ("44% with Malaysia, 55% with Egypt, 39% with Peru"): a series, not parts."""
    tails = []
    for c in parts:
        m = _EACH_OWN_WHOLE.match(c.sentence[c.end - c.sent_start:])
        tails.append((m.group(1).lower(), m.group(2)) if m else None)
    named = [t for t in tails if t]
    return len(named) >= 2 and len({t[0] for t in named}) == 1 and len({t[1] for t in named}) == len(named)


def _pct(c: Claim) -> bool:
    return c.kind == "quantity" and c.value is not None and c.value.unit == "percent" and not c.quals.get("rate")


@register
class ShareSum:
    """Shares of one whole that must add up (complements; total and parts)."""

    name: ClassVar[str] = "share-sum"
    finding_kind: ClassVar[str] = "arithmetic"
    Params = ShareParams
    fields: ClassVar[frozenset[str]] = frozenset({"shares", "total", "sum", "expected"})

    def run(self, ctx: CheckContext, rule) -> Iterable[Draft]:
        p = rule.params
        by_sentence = ctx.block(lambda c: (c.doc, c.sent_start) if _pct(c) and c.modality == "asserted" else None)
        for _key, cs in by_sentence.items():
            cs = sorted(cs, key=lambda c: c.start)
            if len(cs) < 2 or len(cs) > p.max_parts + 1:
                continue  # many shares in one "sentence" are a table flattened to text, not one whole
            # total followed by parts: the first share, then >= 2 shares introduced as its parts
            first, rest = cs[0], cs[1:]
            between = first.sentence[first.end - first.sent_start: rest[0].start - first.sent_start]
            if len(rest) >= 2 and _PARTS_INTRO.search(between) and not _series_of_wholes(rest):
                yield from self._check(ctx, p, rest, first.value.magnitude, first, "total")
                continue
            if len(cs) == 2:
                a, b = cs
                between = a.sentence[b.end - a.sent_start: b.end - a.sent_start + 40]
                if _COMPLEMENT.search(between):
                    yield from self._check(ctx, p, [a, b], 100.0, None, "complement")

    def _check(self, ctx, p, parts, expected, total, how) -> Iterable[Draft]:
        vals = [c.value.magnitude if c.value.magnitude is not None else ((c.value.low or 0) + (c.value.high or 0)) / 2 for c in parts]
        if expected is None or any(v is None for v in vals):
            return
        s = sum(vals)
        approx = any(c.value.approx or c.value.low is None or c.value.high is None for c in parts) or (total is not None and total.value.approx)
        tol = p.approx_tolerance_points if approx else p.tolerance_points
        ids = [c.id for c in parts] + ([total.id] if total else [])
        ctx.checked.update(ids)
        if abs(s - expected) <= tol:
            return
        shares = " + ".join(c.quote for c in parts)
        arith = f"{' + '.join(f'{v:g}' for v in vals)} = {s:g}, expected {expected:g} ({how}; tolerance ±{tol:g} points)"
        ev = [ctx.evidence(c) for c in parts] + ([ctx.evidence(total)] if total else [])
        yield Draft({"shares": shares, "total": total.quote if total else "100%", "sum": f"{s:g}", "expected": f"{expected:g}"},
                    ev, ids, arith, "Check the figures against the survey or table they come from.", None, None, ("shares", ids[0]))


@register
class ShareRange:
    """A share of a population stated above 100% (growth rates excepted)."""

    name: ClassVar[str] = "share-range"
    finding_kind: ClassVar[str] = "arithmetic"
    Params = Params
    fields: ClassVar[frozenset[str]] = frozenset({"share"})

    def run(self, ctx: CheckContext, rule) -> Iterable[Draft]:
        for c in ctx.claims:
            if not _pct(c) or c.modality != "asserted":
                continue
            ctx.checked.add(c.id)
            x = c.value.low if c.value.low is not None else c.value.magnitude
            if x is None or x <= 100:
                continue
            if re.search(r"\b(?:increas|grow|grew|rise|rose|risen|up|more|higher|gain|jump|surge|doubl|tripl|expan|by)\w*\b", c.sentence, re.I):
                continue  # "grew by 150%" is a change, not a share
            yield Draft({"share": c.quote}, [ctx.evidence(c)], [c.id], f"{x:g}% > 100%",
                        "A share of a whole cannot exceed 100%; check the figure.", None, None, ("share", c.id))


class RatioParams(Params):
    tolerance_points: float = 1.0
    approx_tolerance_points: float = 3.0


_OF = re.compile(r"\b(\d(?:[\d,]*\d)?)\s+(?:[A-Za-z]+\s+){0,3}?(?:of|out of)\s+(?:the\s+)?(\d(?:[\d,]*\d)?)\b")


@register
class RatioCheck:
    """"N of M" next to a stated percentage of the same thing."""

    name: ClassVar[str] = "ratio-check"
    finding_kind: ClassVar[str] = "arithmetic"
    Params = RatioParams
    fields: ClassVar[frozenset[str]] = frozenset({"ratio", "percent", "computed"})

    def run(self, ctx: CheckContext, rule) -> Iterable[Draft]:
        p = rule.params
        for c in ctx.claims:
            if not _pct(c) or c.modality != "asserted" or c.value.magnitude is None:
                continue
            m = next((x for x in _OF.finditer(c.sentence)
                      if 0 < float(x.group(1).replace(",", "")) <= float(x.group(2).replace(",", ""))), None)
            if not m:
                continue
            n, total = float(m.group(1).replace(",", "")), float(m.group(2).replace(",", ""))
            ctx.checked.add(c.id)
            computed = 100 * n / total
            tol = p.approx_tolerance_points if c.value.approx or c.value.low is None or c.value.high is None else p.tolerance_points
            lo = (c.value.low if c.value.low is not None else 0) - tol
            hi = (c.value.high if c.value.high is not None else 100) + tol
            if lo <= computed <= hi:
                continue
            yield Draft({"ratio": m.group(0), "percent": c.quote, "computed": f"{computed:.1f}%"},
                        [ctx.evidence(c)], [c.id], f"{n:g} / {total:g} = {computed:.1f}%, stated {c.quote}",
                        "Recompute the percentage from the counts.", None, None, ("ratio", c.id))

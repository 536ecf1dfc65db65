"""Value conflicts and time-aware series (kinds ``value-conflict``,
``series-change``, ``series-plausibility``).

Claims are blocked on (property, unit, origin, scope). Inside a block, two
asserted claims whose places agree are compared:

- same or overlapping time and incompatible intervals -> a conflict;
- different but close times (within ``max_gap_years``) and incompatible ->
  a series change: the value may simply have changed in between;
- far apart in time -> a series, never a conflict.

Intervals take bounds ("over 11,000" is [11000, inf)), approximation words
(``approx_tolerance``) and rounding of the stated digits into account, so
"over 11,000" agrees with 13,200 and "about 15,000" with 14,800.
"""

from __future__ import annotations

import math
import re
from itertools import combinations
from typing import ClassVar, Iterable

from factcheck.checks import Draft, Params, register
from factcheck.engine.context import CheckContext, place_name as _place_name, describe, describe_value, interval
from factcheck.extract.mentions import BOUND_KIND, PASSING_VERBS
from factcheck.model import Claim
from factcheck.normalize.units import comparable, convert

_COMPARABLE_UNITS_SKIP = {"ordinal"}


def quantity_key(c: Claim):
    """The blocking key of a quantity claim, or None when it can't be compared."""
    if c.kind != "quantity" or c.value is None or not c.property or c.value.unit in _COMPARABLE_UNITS_SKIP:
        return None
    q = c.quals
    if q.get("rate"):
        return None
    if c.value.unit == "percent" and not q.get("known_property"):
        return None  # a share of a bare noun ("percent of respondents") names no quantity we can match
    unit_class = c.value.unit if c.value.unit in ("count", "percent") else "measure:" + c.value.unit
    return (c.property, unit_class, q.get("origin"), tuple(q.get("scope", ())))


def places_agree(a: Claim, b: Claim) -> bool:
    """Do two claims speak about the same place?

    With an origin ("Freedonian students"), the origin is the scope and
    other places only disagree when both name some and they are disjoint.
    Without one, the named places must intersect; two claims that name no
    place are compared only inside one document (the key-based grouping of
    series and clusters; linked pairs use :func:`places_compatible`).
    """
    pa, pb = set(a.quals.get("places", ())), set(b.quals.get("places", ()))
    origin = a.quals.get("origin")
    if origin and origin == b.quals.get("origin"):
        pa.discard(origin)
        pb.discard(origin)
        return not (pa and pb) or bool(pa & pb)
    if not pa and not pb:
        return a.doc == b.doc
    return bool(pa & pb)


def places_compatible(a: Claim, b: Claim) -> bool:
    """Place agreement for linked pairs: with an origin as in :func:`places_agree`;
    otherwise disjoint named places disagree, and a side that names none is
    left to the linker (entities, document topic)."""
    origin = a.quals.get("origin")
    if origin and origin == b.quals.get("origin"):
        return places_agree(a, b)
    pa, pb = set(a.quals.get("places", ())), set(b.quals.get("places", ()))
    return not (pa and pb) or bool(pa & pb)


def time_relation(a: Claim, b: Claim, max_gap: float) -> str:
    ta, tb = a.time, b.time
    if ta is None or tb is None or not ta.start or not tb.start:
        return "unknown"
    if ta.start <= tb.end and tb.start <= ta.end:
        return "same"
    gap = abs(int(ta.start[:4]) - int(tb.start[:4]))
    return "close" if gap <= max_gap else "far"


_STRICT = ("more than", "over", "above", "exceeding", "in excess of", "upwards of", "less than", "fewer than",
           "under", "below", "just over", "just under", "greater than", "lower than", "higher than",
           *sorted(PASSING_VERBS))


def strict_bound(v) -> bool:
    """"more than 3,780" excludes 3,780 itself ("at least" does not)."""
    text = (v.display or "").lower().lstrip("$€£¥ ")
    return (v.low is None) != (v.high is None) and not v.approx and text.startswith(_STRICT)


def _boundary_clash(va, vb) -> bool:
    """A strict comparative against its own boundary value: "less than $127 million" vs "$127 million"."""
    if not strict_bound(va) or vb.low is None or vb.low != vb.high or vb.approx:
        return False
    bound = va.low if va.low is not None else va.high
    return bound is not None and math.isclose(bound, vb.low, rel_tol=1e-9)


def _opposed_bounds(va, vb) -> bool:
    """Two bounds from either side of one boundary, at least one of them excluding it: "more than 2,000"
    and "almost 2,000" cannot both hold ("at least 2,000" and "up to 2,000" can, at 2,000)."""
    lower, upper = (va, vb) if va.high is None else (vb, va)
    if lower.high is not None or lower.low is None or upper.low is not None or upper.high is None:
        return False
    if not math.isclose(lower.low, upper.high, rel_tol=1e-9):
        return False
    text = (upper.display or "").lower().lstrip("$€£¥ ")
    return strict_bound(lower) or strict_bound(upper) or text.startswith(_UNDER_HEDGES)


_UNDER_HEDGES = tuple(w for w, (shape, approx) in BOUND_KIND.items() if shape == "high" and approx)  # "nearly", "almost"


def clock_compatible(a: Claim, b: Claim) -> bool:
    """Two times of day of one event agree: same clock within a rounding, in one time zone.

    "3:30" said without a.m./p.m. agrees with 15:30; "about 3:30" or a round half hour
    allows 15 minutes either way, exact minutes 2. Times in two different stated zones
    are not compared (no conversion is guessed).
    """
    tza, tzb = a.quals.get("tz"), b.quals.get("tz")
    if tza and tzb and tza != tzb:
        return True
    x, y = a.value.magnitude, b.value.magnitude
    gap = abs(x - y)
    gap = min(gap, 1440 - gap)  # 11:59 p.m. and 12:01 a.m. are two minutes apart
    if not (a.quals.get("half_day_known", True) and b.quals.get("half_day_known", True)):
        gap = min(gap % 720, 720 - gap % 720)
    round_figure = any(v % 30 == 0 for v in (x, y))
    slack = 15 if (a.value.approx or b.value.approx or round_figure) else 2
    return gap <= slack


def _exact_counts_of_one_time(a: Claim, b: Claim) -> bool:
    """Two exact whole counts ("1,178" / "1,176") not dated to two different spans: a count is exact,
    so no relative tolerance (a count of a year and one of a month inside it keep it: the stock may
    have changed in between)."""
    if not all(_exact(v) and v.unit == "count" and float(v.magnitude).is_integer() for v in (a.value, b.value)):
        return False
    ta = (a.time.start, a.time.end) if a.time is not None and a.time.start else None
    tb = (b.time.start, b.time.end) if b.time is not None and b.time.start else None
    return ta is None or tb is None or ta == tb


def _count_against_bound(v, bound) -> bool:
    """An exact whole count against a threshold ("1,496 lives" / "more than 1,500 deaths"): the count is
    what it says (its last digit's rounding aside), so no relative tolerance lets it cross the threshold."""
    return (_exact(v) and v.unit == "count" and float(v.magnitude).is_integer()
            and (bound.low is None) != (bound.high is None) and not bound.approx)


def compatible(a: Claim, b: Claim, p) -> bool:
    va, vb = a.value, b.value
    if not comparable(va.unit, vb.unit):
        return True  # never compared
    if va.unit == "time_of_day" and vb.unit == "time_of_day":
        return clock_compatible(a, b)
    if va.unit == vb.unit and (_boundary_clash(va, vb) or _boundary_clash(vb, va) or _opposed_bounds(va, vb)):
        return False
    rel = 0.0 if _exact_counts_of_one_time(a, b) or _count_against_bound(va, vb) or _count_against_bound(vb, va) \
        else p.rel_tolerance
    lo_a, hi_a = interval(va, p.approx_tolerance, rel)
    lo_b, hi_b = interval(vb, p.approx_tolerance, rel)
    if va.unit != vb.unit:
        lo_b, hi_b = convert(lo_b, vb.unit, va.unit), convert(hi_b, vb.unit, va.unit)
    if va.unit == vb.unit and _exact(va) and _exact(vb) and va.low != vb.low:
        # two exact figures in one unit stand for what rounds to them, and the edges of two
        # roundings are not shared: "1,200" (1,150 to 1,250) and "1,300" (1,250 to 1,350) differ
        return lo_a < hi_b and lo_b < hi_a
    return lo_a <= hi_b and lo_b <= hi_a


_PLANS = ("asserted", "projected", "target")


def _exact(v) -> bool:
    return v.low is not None and v.low == v.high and not v.approx and v.magnitude is not None


def eligible(c: Claim, p, plans: bool = False) -> bool:
    """An asserted measurement (or, with ``plans``, also a projection or target: two plans of one
    thing are compared with each other, never with a measurement)."""
    return c.modality in (_PLANS if plans else ("asserted",)) and not c.negated and c.confidence >= p.min_confidence


def support(ctx: CheckContext, block: list[Claim], a: Claim, b: Claim, p) -> dict:
    """How many claims (documents, independent sources) back each side."""
    out = []
    for side in (a, b):
        agreeing = [c for c in block if c is side or (compatible(c, side, p) and time_relation(c, side, 0) == "same")]
        docs = sorted({c.doc for c in agreeing})
        sources = set()
        independent = 0
        for d in docs:
            srcs = set().union(*(ctx.sources(c) for c in agreeing if c.doc == d))
            if not srcs or not (srcs & sources):
                independent += 1
            sources |= srcs
        out.append({"value": describe_value(side.value), "claims": len(agreeing), "documents": len(docs),
                    "independent": independent})
    stronger = None
    if out[0]["independent"] != out[1]["independent"]:
        stronger = out[0]["value"] if out[0]["independent"] > out[1]["independent"] else out[1]["value"]
    return {"values": out, "stronger": stronger}


class ConflictParams(Params):
    approx_tolerance: float = 0.10
    rel_tolerance: float = 0.01
    max_gap_years: float = 1.0
    compare_unknown_times: bool = True
    # series-change: also flag two figures whose different years are both stated in the text
    # ("400 in 2016" / "900 in 2017"): a series whose dates are clear, so off by default
    stated_times: bool = False


_FIELDS = frozenset({"property", "a_value", "b_value", "a_doc", "b_doc", "a_time", "b_time", "subject", "gap", "where",
                     "when", "why"})


def _statement(c: Claim) -> tuple:
    """What a claim states, for de-duplication: value, time, places, origin."""
    v, t, q = c.value, c.time, c.quals
    places = tuple(q.get("places", ()))
    return (v.low, v.high, v.approx, v.unit, (t.start, t.end, t.anchor) if t else None, places, q.get("origin"),
            c.doc if not places else None)


def _pairs(ctx: CheckContext, p: ConflictParams):
    """Pairs of quantity claims the linker judges to be about the same quantity.

    Candidates come from blocking on (unit dimension, measured concept);
    each is scored by :class:`factcheck.engine.linkage.Linker`, whose guards
    drop pairs of different roles, of one sentence, of unrelated documents
    and of disjoint places. Yields (key, a, b, match).
    """
    from factcheck.engine.linkage import unit_class

    linker = ctx.linker()
    # a short text's only figure of its kind is usable with a thin frame: the linker pairs it only
    # with the only figure of that kind of a text telling the same story
    usable = [c for c in ctx.claims if c.kind == "quantity" and c.value is not None
              and c.value.unit not in _COMPARABLE_UNITS_SKIP
              and ((eligible(c, p, plans=True) and c.quals.get("measure"))
                   or (c.id in linker.sole and c.modality in _PLANS and not c.negated))]
    for c in usable:
        ctx.checked.add(c.id)
    for a, b in linker.candidates(usable):
        if a.doc == b.doc and a.start == b.start:
            continue
        if not comparable(a.value.unit, b.value.unit) or not places_compatible(a, b):
            continue
        if a.modality != b.modality and not _same_outlook(linker, a, b):
            continue  # a projection or a target is not a measurement
        match = linker.compare(a, b)
        if match is None:
            continue
        yield ("link", unit_class(a), match.measure), a, b, match


def _same_outlook(linker, a: Claim, b: Claim) -> bool:
    """A plan and a present-tense statement of two short texts telling one story: both say what
    is to be ("the winner will take home $250,000" / "first prize is $200,000"); a past-tense
    statement says what happened, which a plan never contradicts."""
    if {a.modality, b.modality} - {"asserted", "projected"} or not linker.one_story(a.doc, b.doc):
        return False
    stated = a if a.modality == "asserted" else b
    if re.search(r"\b(?:now|currently|today|at present|so far|to date|already)\b", stated.sentence, re.I):
        return False  # today's state ("now operating, produces 150 MW") against a plan for later
    return not stated.quals.get("past") and stated.quals.get("tense") != "past"


def prune(found: list[tuple]) -> list[tuple]:
    """At most one finding per statement and key: many values of one quantity
    make one cluster, not every pair of it.

    Inside a key, the statement that takes part in the most conflicts is the
    hub; every other statement is reported once, against the hub if they
    conflict, else against its first conflicting partner. n conflicting
    statements give at most n - 1 findings.
    """
    import networkx as nx

    out = []
    by_key: dict = {}
    for item in found:
        by_key.setdefault(item[0], []).append(item)
    for items in by_key.values():
        if len(items) <= 1:
            out.extend(items)
            continue
        g = nx.Graph()
        for item in items:
            g.add_edge(item[2].id, item[3].id, item=item)
        for comp in nx.connected_components(g):
            sub = g.subgraph(comp)
            if sub.number_of_edges() < sub.number_of_nodes():
                out.extend(d["item"] for _u, _v, d in sorted(sub.edges(data=True), key=lambda e: (e[0], e[1])))
                continue
            hub = max(sorted(sub.nodes), key=sub.degree)
            for node in sorted(sub.nodes):
                if node == hub:
                    continue
                partner = hub if sub.has_edge(node, hub) else sorted(sub.neighbors(node))[0]
                out.append(sub.edges[node, partner]["item"])
    seen = set()
    unique = []
    for item in out:
        k = (item[2].id, item[3].id)
        if k not in seen:
            seen.add(k)
            unique.append(item)
    return unique


def _fields(a: Claim, b: Claim, rel: str) -> dict:
    def when(c):
        if c.time is None or not c.time.date:
            return "undated"
        return c.time.date + (f" via {c.time.anchor}" if c.time.anchor else "")

    gap = ""
    if a.time and b.time and a.time.start and b.time.start:
        gap = str(abs(int(a.time.start[:4]) - int(b.time.start[:4])))
    from factcheck.engine.linkage import scoping_places

    def own_subject(c: Claim) -> str:
        # a place of the sentence that is another figure's ("using 1,200 buses from Kiev") is not the figure's
        s = c.subject or ""
        return "" if s in c.quals.get("places", ()) and s not in scoping_places(c) else s

    subject = own_subject(a) or own_subject(b)
    return {
        "property": (a.quals.get("property_name") or (a.property or "").replace("_", " ") or b.quals.get("property_name")
                     or (b.property or "").replace("_", " ") or a.quals.get("measure_text") or b.quals.get("measure_text")
                     or "figure"),
        "subject": subject.replace("_", " "),
        "where": f" in {_place_name(subject)}" if subject else "",
        "a_value": f"{a.quote!r} = {describe_value(a.value)}",
        "b_value": f"{b.quote!r} = {describe_value(b.value)}",
        "a_doc": a.doc,
        "b_doc": b.doc,
        "a_time": when(a),
        "b_time": when(b),
        "gap": gap,
        "when": ("for the same time" if rel == "same" else "neither figure is dated"
                 if (a.time is None or not a.time.start) and (b.time is None or not b.time.start) else "one figure is undated"),
    }


def _draft(ctx, key, block, a, b, p, rel: str, severity=None, match=None) -> Draft:
    lo_a, hi_a = interval(a.value, p.approx_tolerance, p.rel_tolerance)
    lo_b, hi_b = interval(b.value, p.approx_tolerance, p.rel_tolerance)
    arith = (f"{a.quote!r} allows [{_fmt(lo_a)}, {_fmt(hi_a)}]; {b.quote!r} allows [{_fmt(lo_b)}, {_fmt(hi_b)}]; "
             f"the ranges do not overlap (approximation ±{p.approx_tolerance:.0%}, rounding of the stated digits included)")
    if rel == "same":
        resolution = "Check both sources for this figure at this date; correct the one that is wrong or say why they differ (definition, scope, source)."
    elif rel == "close":
        resolution = "If the value changed between the two dates, say so and give both dates; otherwise reconcile the figures."
    else:
        resolution = "Give the date each figure refers to; undated figures cannot be told apart from a change over time."
    ctx.graph.add_edge(a.id, b.id, relation="conflicts" if rel == "same" else "differs")
    fields = _fields(a, b, rel)
    fields["why"] = match.explain() if match is not None else ""
    return Draft(fields, [ctx.evidence(a), ctx.evidence(b)], [a.id, b.id], arith, resolution,
                 support(ctx, block, a, b, p), severity, key, match.to_dict() if match is not None else None)


def _fmt(x: float) -> str:
    if x in (float("inf"), float("-inf")):
        return "∞" if x > 0 else "-∞"
    return f"{x:,.6g}"


def _current(c: Claim) -> bool:
    """A present-tense statement dated by its document (or undated)."""
    return c.time is None or (c.time.anchor or "").startswith("document date")


def _run_pairs(self, ctx: CheckContext, rule) -> Iterable[Draft]:
    """Compare the pairs a kind selects (by time relation); report the incompatible ones, pruned."""
    from factcheck.engine.linkage import COHESIVE_NAMED, COHESIVE_UNDATED, CONFIDENT, UNDATED, named_shared

    p = rule.params
    linker = ctx.linker()
    found = []
    # per key, the claims each claim was matched with: what backs a side is what the linker
    # judged to be the same quantity (not every figure of the measure in the corpus)
    linked: dict = {}
    for key, a, b, match in _pairs(ctx, p):
        of_key = linked.setdefault(key, {})
        of_key.setdefault(a.id, {})[b.id] = b
        of_key.setdefault(b.id, {})[a.id] = a
        rel = time_relation(a, b, p.max_gap_years)
        if not self.select(rel, a, b, p):
            continue
        bar = CONFIDENT if a.doc == b.doc else UNDATED
        story = linker.one_story(a.doc, b.doc) or linker.told_alike(a, b)
        if story:
            bar = 0.0  # two short texts that tell one story: their undated figures are of one time
        elif a.doc != b.doc and linker.cohesive and any(
                lv.comparison == "entity" and not lv.level.startswith("same place") for lv in match.levels):
            bar = COHESIVE_UNDATED  # a corpus about one subject, and the figures are of one named thing
            if named_shared(a.quals, b.quals):
                bar = COHESIVE_NAMED  # ... and what they measure is named alike ("deaths", "rivets")
        if rel == "unknown" and (match.score < bar or not (_of_the_same(match) or story)):
            # two undated figures: only a confident match about one named thing (stated, or the
            # documents' shared topic) is worth an editor's time; "caught 3 passes" of two games is not
            continue
        if compatible(a, b, p):
            if rel == "same":
                ctx.graph.add_edge(a.id, b.id, relation="agrees")
            continue
        if _told_by_neighbour(ctx, linker, a, b, match, p) or _told_by_neighbour(ctx, linker, b, a, match, p):
            continue
        found.append((key, None, a, b, rel, match))
    best: dict[tuple, tuple] = {}
    for item in prune(found):
        _key, _none, a, b, _rel, match = item
        pair = (a.doc, a.sent_start, b.doc, b.sent_start, _key)
        if pair not in best or match.score > best[pair][5].score:
            # one finding per pair of sentences and dimension: "6.5 m (21.6 ft)" vs "6.6 m (21.7 ft)"
            # is one disagreement, told by its best-matched pair of figures
            best[pair] = item
    for key, _none, a, b, rel, match in sorted(best.values(), key=lambda it: (it[2].id, it[3].id)):
        near = {a.id: a, b.id: b, **linked[key][a.id], **linked[key][b.id]}
        block = [near[i] for i in sorted(near)]
        severity = None
        if match.score < CONFIDENT or rel == "unknown":
            severity = "warning"  # a weaker match, or two undated figures: worth a look, not an error
        yield _draft(ctx, key, block, a, b, p, rel, severity, match)


@register
class ValueConflict:
    """Same quantity, same (or overlapping) time, incompatible values.

    Both claims must be asserted measurements (projections, targets and
    hypotheticals are never compared), name the same property of the same
    origin, and agree on place. Two present-tense statements that can only
    be dated by their documents are compared too, and the message says so.
    An undated figure is compared with a dated one as of the same time
    ("one figure is undated", a warning), except a present-tense "has"
    against a past-tense "had" whose year its sentence does not name.
    Bounds read as people read them: "nearly 600" is a little under 600,
    "more than 3,780" excludes 3,780, and a round figure ("400 tons") is
    rounded by at most what "about" allows.
    """

    name: ClassVar[str] = "value-conflict"
    finding_kind: ClassVar[str] = "conflict"
    Params = ConflictParams
    fields: ClassVar[frozenset[str]] = _FIELDS

    def select(self, rel: str, a: Claim, b: Claim, p) -> bool:
        # a figure that no date qualifies is read as of the same time as the other figure (and reported
        # as a warning); one dated only by its document is a series change (below)
        if rel == "same":
            return True
        if rel != "unknown" or not (a.time is None or b.time is None):
            return False
        if (a.time is None) != (b.time is None) and {a.quals.get("tense"), b.quals.get("tense")} == {"present", "past"}:
            undated, dated = (a, b) if a.time is None else (b, a)
            if dated.time.start[:4] not in undated.sentence:
                return False  # "has 510 beds" now, "had 220 beds" in 1974: two times
        return not SeriesChange.select(SeriesChange, rel, a, b, p)

    run = _run_pairs


@register
class SeriesChange:
    """Same quantity at close but different times, with incompatible values.

    Not a contradiction: the value may have changed in between. Reported at
    a lower severity so an editor can check that the text makes the change
    clear. Present-tense claims dated only by their documents (or not at
    all) land here too, because the time they describe is uncertain.
    """

    name: ClassVar[str] = "series-change"
    finding_kind: ClassVar[str] = "series"
    Params = ConflictParams
    fields: ClassVar[frozenset[str]] = _FIELDS

    def select(self, rel: str, a: Claim, b: Claim, p) -> bool:
        if rel == "close":
            # two stated years are a series whose dates the text makes clear; a figure dated only
            # by its document's date may be stale, and that is what an editor should check
            return p.stated_times or _current(a) or _current(b)
        return (rel == "unknown" and p.compare_unknown_times and _current(a) and _current(b)
                                  and a.doc != b.doc and not (a.time is None and b.time is None))

    run = _run_pairs


def place_groups(block: list[Claim]) -> list[list[Claim]]:
    """Split a block into groups of claims whose places agree (connected components)."""
    import networkx as nx

    # claims with the same places/origin agree with each other: compare one of each kind
    kinds: dict[tuple, list[int]] = {}
    for i, c in enumerate(block):
        places = tuple(c.quals.get("places", ()))
        kinds.setdefault((places, c.quals.get("origin"), c.doc if not places else None), []).append(i)
    reps = list(kinds.values())
    g = nx.Graph()
    for members in reps:
        g.add_nodes_from(members)
        g.add_edges_from(zip(members, members[1:]))
    # places_agree holds only for kinds that share a place, an origin, or (naming no place) a
    # document: index the kinds by those, so that kinds with nothing in common are never tried
    index: dict[tuple, list[int]] = {}
    for x, members in enumerate(reps):
        c = block[members[0]]
        places = c.quals.get("places", ())
        keys = [("place", pl) for pl in places] + ([("origin", c.quals["origin"])] if c.quals.get("origin") else [])
        if not places:
            keys.append(("doc", c.doc))
        for k in keys:
            index.setdefault(k, []).append(x)
    tried = set()
    for xs in index.values():
        for i, x in enumerate(xs):
            for y in xs[i + 1:]:
                if (x, y) not in tried:
                    tried.add((x, y))
                    if places_agree(block[reps[x][0]], block[reps[y][0]]):
                        g.add_edge(reps[x][0], reps[y][0])
    return [[block[i] for i in sorted(comp)] for comp in sorted(nx.connected_components(g), key=min)]


class PlausibilityParams(Params):
    max_ratio: float = 1.8
    window_years: float = 2.0


@register
class SeriesPlausibility:
    """A series that jumps down and back up (or up and back down) quickly.

    For three dated values of one quantity within ``window_years``, a drop
    by ``max_ratio`` followed by a recovery (or the reverse) is reported,
    at most as a warning: series can be noisy, but such a swing is worth a
    second look.
    """

    name: ClassVar[str] = "series-plausibility"
    finding_kind: ClassVar[str] = "series"
    Params = PlausibilityParams
    fields: ClassVar[frozenset[str]] = frozenset({"property", "values", "window"})

    def run(self, ctx: CheckContext, rule) -> Iterable[Draft]:
        p = rule.params
        for key, whole in ctx.block(quantity_key).items():
            for block in place_groups(whole):
                pts = sorted((c for c in block if eligible(c, p) and c.time and c.time.start and c.value.magnitude),
                             key=lambda c: (c.time.start, c.id))
                for a, b, c in zip(pts, pts[1:], pts[2:]):
                    if not (a.time.end < b.time.start and b.time.end < c.time.start):
                        continue  # needs three distinct, ordered times
                    span = int(c.time.start[:4]) - int(a.time.start[:4])
                    if span > p.window_years:
                        continue
                    x, y, z = a.value.magnitude, b.value.magnitude, c.value.magnitude
                    swing = (x / y >= p.max_ratio and z / y >= p.max_ratio) or (y / x >= p.max_ratio and y / z >= p.max_ratio)
                    if swing:
                        yield Draft(
                            {"property": (a.property or "").replace("_", " "),
                             "values": ", ".join(describe(k) for k in (a, b, c)), "window": str(span)},
                            [ctx.evidence(k) for k in (a, b, c)], [a.id, b.id, c.id],
                            f"{x:,.6g} -> {y:,.6g} -> {z:,.6g} within {span} year(s)",
                            "Check the middle value and the dates of all three.", None, "warning", key)


def _told_by_neighbour(ctx: CheckContext, linker, a: Claim, b: Claim, match, p) -> bool:
    """Another figure of a's sentence agrees with b (the same figure, or one matched with b at least as
    well): b states that figure, not a.

    Two numbers of one sentence are two quantities ("police put the crowd at 1,200, organisers
    at 5,000"), so a statement that agrees with one of them does not contradict the other.
    """
    for c in ctx.sentence_claims(a):
        if c.id == a.id or c.kind != "quantity" or c.value is None or not comparable(c.value.unit, b.value.unit):
            continue
        if c.value.unit != b.value.unit or not compatible(c, b, p):
            continue
        other = linker.compare(*sorted((c, b), key=lambda x: x.id))
        if other is None and _counted_apart(c, b):
            continue  # another kind of figure ("Three deaths, two births" against "two deaths")
        if c.value.magnitude == b.value.magnitude or (other or match).score >= match.score:
            return True  # the same figure, or one the linker matches with b at least as well
    return False


def _counted_apart(c: Claim, b: Claim) -> bool:
    """The figure c counts a noun written right after it ("two births") that b's frame does not measure."""
    from factcheck.extract.frame import concepts_of

    w = re.match(r"\s+([A-Za-z]+)", c.sentence[c.end - c.sent_start:]) if c.sentence else None
    if w is None:
        return False
    word = w.group(1).lower()
    ids = set(concepts_of(word)) | set(concepts_of(re.sub(r"(?<!s)s$", "", word)))
    mine = ids & set(c.quals.get("measure", ()))
    return bool(mine) and not mine & set(b.quals.get("measure", ()))


def _of_the_same(match) -> bool:
    """The match names what both figures are of or where: a specific entity, the documents' shared topic, a place."""
    return any(lv.comparison == "entity" for lv in match.levels)

"""Event conflicts (kind ``event-conflict``): one event, two dates.

The same event is the same subject (canonical entity), the same event class
(open/establish/inaugurate are one class, from the lexicon) and the same
place, marked as a "first" (or only) event. Two such claims whose dates do
not overlap contradict each other: there can be only one first.
"""

from __future__ import annotations

from itertools import combinations
from typing import ClassVar, Iterable

from factcheck.checks import Draft, Params, register
from factcheck.engine.context import CheckContext, place_name as _place_name


def _when(c) -> str:
    t = c.time
    if not t.start and c.quals.get("yearless"):
        return f"{c.quote} (no year)"
    return t.date if t.granularity in ("year", "month", "day") else f"{t.date} ({t.granularity})"


def _span(c) -> str:
    a, b = c.time.start[:4], c.time.end[:4]
    return a if a == b else f"{a}–{b}"


class EventParams(Params):
    first_only: bool = True
    tolerance_years: int = 0


def event_key(c):
    if c.kind != "date" or c.time is None or not c.time.start or not c.subject or not c.property:
        return None
    if c.subject.startswith("gpe:"):
        return None
    q = c.quals
    return (c.subject, c.property, bool(q.get("first")))


@register
class EventConflict:
    """The same first/only event reported with different dates."""

    name: ClassVar[str] = "event-conflict"
    finding_kind: ClassVar[str] = "event"
    Params = EventParams
    fields: ClassVar[frozenset[str]] = frozenset({"subject", "event", "place", "a_date", "b_date", "a_doc", "b_doc"})

    def run(self, ctx: CheckContext, rule) -> Iterable[Draft]:
        p = rule.params
        for key, block in ctx.block(event_key).items():
            subject, event, first = key
            if p.first_only and not first:
                continue
            usable = [c for c in block if c.modality == "asserted" and not c.negated and c.confidence >= p.min_confidence]
            for c in usable:
                ctx.checked.add(c.id)
            for a, b in combinations(usable, 2):
                if a.doc == b.doc and a.sent_start == b.sent_start:
                    continue  # dates of one sentence are dates of different events ("married in 1943, 1947, ...")
                pa, pb = set(a.quals.get("places", ())), set(b.quals.get("places", ()))
                common = pa & pb
                if (pa or pb) and not common:
                    continue  # first in different places: different events
                ya0, ya1 = a.time.year_span
                yb0, yb1 = b.time.year_span
                if ya0 <= yb1 + p.tolerance_years and yb0 <= ya1 + p.tolerance_years:
                    ctx.graph.add_edge(a.id, b.id, relation="agrees")
                    continue
                ctx.graph.add_edge(a.id, b.id, relation="conflicts")
                agree_a = [c for c in usable if c.time.year_span[0] <= ya1 and ya0 <= c.time.year_span[1] and (set(c.quals.get("places", ())) & common or not common)]
                agree_b = [c for c in usable if c.time.year_span[0] <= yb1 and yb0 <= c.time.year_span[1] and (set(c.quals.get("places", ())) & common or not common)]
                sup = {"values": [
                    {"value": a.time.date, "claims": len(agree_a), "documents": len({c.doc for c in agree_a}),
                     "independent": len({c.doc for c in agree_a})},
                    {"value": b.time.date, "claims": len(agree_b), "documents": len({c.doc for c in agree_b}),
                     "independent": len({c.doc for c in agree_b})}],
                    "stronger": None}
                if len({c.doc for c in agree_a}) != len({c.doc for c in agree_b}):
                    sup["stronger"] = a.time.date if len({c.doc for c in agree_a}) > len({c.doc for c in agree_b}) else b.time.date
                place = ", ".join(_place_name(x) for x in sorted(common))
                yield Draft(
                    {"subject": a.quals.get("subject_name") or subject.replace("_", " ").replace("local:", ""), "event": event,
                     "place": f" in {place}" if place else "", "a_date": _when(a), "b_date": _when(b),
                     "a_doc": a.doc, "b_doc": b.doc},
                    [ctx.evidence(a), ctx.evidence(b)], [a.id, b.id],
                    f"{_span(a)} and {_span(b)} do not overlap",
                    "Only one date can be the first; check the primary source (e.g. the institution's own founding record) and correct the other.",
                    sup, None, key)


def _whose(c) -> str | None:
    """Whose event a date claim is: its subject, else the one specific entity its sentence names
    ("Ada Brennan Born 4 May 1950", a fact line with no verb)."""
    if c.subject:
        return c.subject
    if c.quals.get("ownerless"):
        return None  # "for the death of their son just before Christmas 2002": a noun's event, of no one named
    specific = c.quals.get("specific", ())
    if c.quals.get("tense"):
        return None  # a clause with a finite verb says whose event it is through its subject, or not at all
    return specific[0] if len(specific) == 1 else None


class OneTimeParams(Params):
    tolerance_days: int = 0


def _days_overlap(start_a: str, end_a: str, start_b: str, end_b: str, tol_days: int) -> bool:
    """Whether two spans of ISO days overlap, each widened by ``tol_days``."""
    import datetime as dt

    day, pad = dt.date.fromisoformat, dt.timedelta(days=tol_days)
    return day(start_a) - pad <= day(end_b) and day(start_b) - pad <= day(end_a)


def _overlap(a, b, tol_days: int) -> bool:
    return _days_overlap(a.time.start, a.time.end, b.time.start, b.time.end, tol_days)


def month_day(c) -> tuple[str, str] | None:
    """The first and last month-day ("10-12") a date claim can be, when it is a day or a month of one
    year (or has no year at all); None for a year or a span over years, which name no month."""
    if c.quals.get("yearless"):
        return tuple(c.quals["yearless"])
    t = c.time
    if t is None or not t.start or t.granularity not in ("day", "month") or t.start[:4] != t.end[:4]:
        return None
    return t.start[5:], t.end[5:]


def _overlap_yearless(a, b, tol_days: int) -> bool | None:
    """Whether two dates, one of them with no year, can be one day of one year: their months and days
    overlap ("12 October" and "October 2019" do; "12 October" and "17 October" do not). None when one
    side names no month and day to compare."""
    import datetime as dt

    ma, mb = month_day(a), month_day(b)
    if ma is None or mb is None:
        return None
    from factcheck.normalize.dates import YEARLESS_YEAR

    return _days_overlap(*(f"{YEARLESS_YEAR}-{md}" for md in (*ma, *mb)), tol_days)


@register
class OneTimeEventConflict:
    """One event that happens once, reported with two dates that cannot both hold.

    A death, a birth, a founding, a release, a sinking, a verdict: an entity
    has one of each (the classes are listed in ``data/concepts.yaml``,
    ``one_time_events``). Two date claims are the same event when the
    linker matches them: the same event class, the same entity (stated, or
    the document's topic), related documents. Dates of different precision
    conflict only when they do not overlap ("March 1921" and "12 March
    1921" agree). "First" events are left to ``event-conflict``.
    """

    name: ClassVar[str] = "one-time-event-conflict"
    finding_kind: ClassVar[str] = "event"
    Params = OneTimeParams
    fields: ClassVar[frozenset[str]] = frozenset({"subject", "event", "a_date", "b_date", "a_doc", "b_doc", "why"})

    def run(self, ctx: CheckContext, rule) -> Iterable[Draft]:
        from factcheck.engine.linkage import CONFIDENT, entities_agree
        from factcheck.extract.frame import table

        p = rule.params
        one_time = table()["one_time"]
        linker = ctx.linker()
        usable = [c for c in ctx.claims if c.kind == "date" and c.time is not None
                  and ((c.time.start and not c.time.relative) or c.quals.get("yearless"))
                  and c.modality in ("asserted", "projected") and not c.negated and c.confidence >= p.min_confidence
                  and c.time.granularity in ("day", "month", "year", "season", "quarter", "half")
                  and (set(c.quals.get("measure", ())) & one_time or c.id in linker.sole_dates)]
        for c in usable:
            ctx.checked.add(c.id)
        for a, b in linker.candidates(usable):
            if a.quals.get("first") and b.quals.get("first"):
                continue  # event-conflict reports first events
            if a.modality != b.modality:
                continue  # a planned date is not the date it happened; two plans of one event are compared
            match = linker.compare(a, b)
            if match is None:
                continue
            yearless = bool(a.quals.get("yearless") or b.quals.get("yearless"))
            if set(match.measure) <= table()["recurring"] and (yearless or a.time.start[:4] != b.time.start[:4]):
                continue  # two editions of an event that recurs (this year's final, last year's)
            who = linker.specific_shared(a, b)
            # two short texts telling one story, each with one date and no other figure: the date of
            # its event, whoever each names as its subject ("the jury returned its verdict on" /
            # "jurors found him guilty on")
            story = linker.one_story(a.doc, b.doc) and a.id in linker.sole_dates and b.id in linker.sole_dates
            if not who and not story:
                continue  # a one-time event needs the same specific entity, not only the same verb or place
            named = set(a.quals.get("specific", ())) | set(b.quals.get("specific", ()))
            if not story and not entities_agree(who, named):
                continue  # neither sentence names whose event it is: a topic alone does not make one event
            sa, sb = _whose(a), _whose(b)
            process = table()["process_set"]
            starts = {"establish", "outbreak"}  # "began", "started", "opened"
            pa, pb = (bool(set(c.quals.get("context", ())) & process) and bool(set(c.quals.get("measure", ())) & starts)
                      for c in (a, b))
            if story and pa != pb:
                continue  # "work on the bridge began in 1960" is its construction's start, not its opening
            if story and any(x and set(x.split()) & process for x in (sa, sb)) and not (sa and sb and entities_agree([sa], [sb])):
                continue  # "the inquiry began in 2004" is the inquiry's start, not the start of someone's career
            if not story and not (sa and sb and entities_agree(who, [sa]) and entities_agree(who, [sb])):
                # on both sides the entity must be whose event it is ("Nichols died"), not a bystander of the
                # sentence ("the inquiry began after statements by Nichols", "construction on the bridge began")
                continue
            agree = _overlap_yearless(a, b, p.tolerance_days) if yearless else _overlap(a, b, p.tolerance_days)
            if agree is None:
                continue  # "12 October" against "2019": nothing to compare
            if agree:
                ctx.graph.add_edge(a.id, b.id, relation="agrees")
                continue
            ctx.graph.add_edge(a.id, b.id, relation="conflicts")
            subject = ", ".join(who[:2]) or "the story both texts tell"
            yield Draft(
                {"subject": subject, "event": ", ".join(match.measure), "a_date": _when(a), "b_date": _when(b),
                 "a_doc": a.doc, "b_doc": b.doc, "why": match.explain()},
                [ctx.evidence(a), ctx.evidence(b)], [a.id, b.id],
                (f"the months and days of {_when(a)} and {_when(b)} do not overlap" if yearless else
                 f"{a.time.start}..{a.time.end} and {b.time.start}..{b.time.end} do not overlap"),
                "An event that happens once has one date: check the primary source and correct the other.",
                None, None if match.score >= CONFIDENT else "warning", ("event", match.measure, subject),
                match.to_dict())


class AgeParams(Params):
    tolerance_years: int = 0


def _age_between(born, at) -> int:
    """Whole years from one ISO day to another (an age on that day)."""
    y0, m0, d0 = (int(x) for x in born.split("-"))
    y1, m1, d1 = (int(x) for x in at.split("-"))
    return y1 - y0 - ((m1, d1) < (m0, d0))


@register
class AgeBirthConflict:
    """A stated age that the person's birth date and the date it refers to cannot give.

    "Bruno Halle was born on 4 May 1950" and "Halle died in October 2020 at the age of 80": born
    in May 1950, he was 70 in October 2020. The age claim needs the date it holds at (the
    event's date in its sentence, "when she won the prize in 2012"); the birth claim is a date
    whose event class is a birth. The two must name the same person (the age's person is a
    specific entity of its sentence, the birth's is whose birth it is), in one document or in
    related ones. Dates of month or year precision give a range of ages, and only an age outside
    it is reported.
    """

    name: ClassVar[str] = "age-birth-mismatch"
    finding_kind: ClassVar[str] = "event"
    Params = AgeParams
    fields: ClassVar[frozenset[str]] = frozenset({"subject", "age", "when", "born", "a_doc", "b_doc", "implied"})

    def run(self, ctx: CheckContext, rule) -> Iterable[Draft]:
        from factcheck.engine.linkage import entities_agree

        p = rule.params
        linker = ctx.linker()

        def usable(c) -> bool:
            return c.modality == "asserted" and not c.negated and c.confidence >= p.min_confidence

        births = [c for c in ctx.claims if c.kind == "date" and usable(c) and c.time is not None and c.time.start
                  and not c.time.relative and "birth" in c.quals.get("measure", ()) and _whose(c)]
        ages = [c for c in ctx.claims if c.kind == "quantity" and usable(c) and c.value is not None
                and "age" in c.quals.get("role", ()) and c.time is not None and c.time.start and not c.time.relative
                and c.value.low is not None and c.value.low == c.value.high and not c.value.approx]
        birth_sentences = {(c.doc, c.sent_start) for c in births}
        for age in ages:
            if (age.doc, age.sent_start) in birth_sentences:
                continue  # "born on 1 February 1972 (age 52)": an age today, dated by nothing but the birth
            people = [e for e in (age.quals.get("nearest"), *age.quals.get("specific", ())) if e]
            for born in births:
                who = _whose(born)
                if not entities_agree(people, [who]):
                    continue

                if age.doc != born.doc and not linker.one_story(age.doc, born.doc) and linker.doc_relation(age.doc, born.doc)[0] < 2.0:
                    continue  # one name in two unrelated documents may be two people
                ctx.checked.update((age.id, born.id))
                lo = _age_between(born.time.end, age.time.start)
                hi = _age_between(born.time.start, age.time.end)
                n = int(age.value.low)
                if lo - p.tolerance_years <= n <= hi + p.tolerance_years:
                    continue
                implied = str(lo) if lo == hi else f"{lo}–{hi}"
                yield Draft(
                    {"subject": entities_agree(people, [who])[0], "age": str(n), "when": _when(age), "born": _when(born),
                     "a_doc": age.doc, "b_doc": born.doc, "implied": implied},
                    [ctx.evidence(age), ctx.evidence(born)], [age.id, born.id],
                    f"born {born.time.start}..{born.time.end}, at {age.time.start}..{age.time.end}: "
                    f"age {implied}, not {n}",
                    "Check the birth date, the date of the event and the age against a primary source.",
                    None, None, ("age", who))


_SPAN = r"(?P<bound>about|around|nearly|almost|roughly|some|just|only|barely|more than|over|less than|under)?\s*" \
        r"(?P<n>\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|" \
        r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty)\s+" \
        r"(?P<unit>minutes?|hours?|days?|weeks?|months?|years?|decades?)\s+(?P<dir>after|before|later|earlier)\b"
_SPAN_DAYS = {"minute": 1 / 1440, "hour": 1 / 24, "day": 1, "week": 7, "month": 30.44, "year": 365.25, "decade": 3652.5}


def span_days(text: str) -> tuple[float, str, str] | None:
    """The offset of a relative span in days, its direction and its bound word:
    "three days after" -> (3, "after", ""); "Eighteen months after" -> (548, "after", "")."""
    import re

    from factcheck.normalize.numbers import parse_number

    m = re.search(_SPAN, text, re.I)
    if not m:
        return None
    n = 1.0 if m.group("n").lower() in ("a", "an") else parse_number(m.group("n"))
    if n is None:
        return None
    unit = m.group("unit").lower().rstrip("s")
    direction = {"later": "after", "earlier": "before"}.get(m.group("dir").lower(), m.group("dir").lower())
    return n * _SPAN_DAYS[unit], direction, (m.group("bound") or "").lower()


class SpanParams(Params):
    approx_tolerance: float = 0.15


@register
class RelativeSpanConflict:
    """One interval between two events told with two lengths ("three days after the leak was
    found" / "four days after the leak came to light").

    Both statements are relative dates ("N days after <event>") that the linker matches as the
    same event (the same measured event, or the only date of each of two texts telling one
    story), with the same direction (after / before). Their spans conflict when they differ by
    more than rounding allows: a span stated in a larger unit is read to its unit ("a year" is
    not "eighteen months"), and "about" widens it by ``approx_tolerance``.
    """

    name: ClassVar[str] = "relative-span-conflict"
    finding_kind: ClassVar[str] = "event"
    Params = SpanParams
    fields: ClassVar[frozenset[str]] = frozenset({"subject", "a_span", "b_span", "a_doc", "b_doc", "why"})

    def run(self, ctx: CheckContext, rule) -> Iterable[Draft]:
        p = rule.params
        linker = ctx.linker()
        spans = {}
        for c in ctx.claims:
            if c.kind != "date" or c.time is None or not c.time.relative or c.negated or c.confidence < p.min_confidence:
                continue
            s = span_days(c.quote)
            if s:
                spans[c.id] = s
        usable = [c for c in ctx.claims if c.id in spans]
        for c in usable:
            ctx.checked.add(c.id)
        for a, b in linker.candidates(usable):
            (da, dir_a, bound_a), (db, dir_b, bound_b) = spans[a.id], spans[b.id]
            if dir_a != dir_b or a.doc == b.doc:
                continue
            match = linker.compare(a, b)
            if match is None:
                continue
            lo_a, hi_a = _span_range(da, bound_a, p.approx_tolerance)
            lo_b, hi_b = _span_range(db, bound_b, p.approx_tolerance)
            if lo_a <= hi_b and lo_b <= hi_a:
                continue
            subject = ", ".join(match.entities[:2]) or "the story both texts tell"
            yield Draft(
                {"subject": subject, "a_span": a.quote, "b_span": b.quote, "a_doc": a.doc, "b_doc": b.doc,
                 "why": match.explain()},
                [ctx.evidence(a), ctx.evidence(b)], [a.id, b.id],
                f"{da:g} days vs {db:g} days",
                "Check the dates of both events and correct the interval that is wrong.",
                None, None, ("span", match.measure, subject), match.to_dict())


def _span_range(days: float, bound: str, tol: float) -> tuple[float, float]:
    if bound in ("about", "around", "roughly", "some"):
        return days * (1 - tol), days * (1 + tol)
    if bound in ("nearly", "almost", "just", "barely"):
        return days * (1 - tol), days
    if bound in ("more than", "over"):
        return days, float("inf")
    if bound in ("less than", "under"):
        return 0.0, days
    return days * 0.999, days * 1.001

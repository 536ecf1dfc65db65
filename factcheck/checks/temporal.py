"""Temporal checks against the document's own date and against each other.

- ``event-after-publication``: a past event (verb in the past tense, not a
  plan or projection) dated after the document was published, or an "as of"
  date later than publication. Needs a real publication date (metadata or
  a dated header), not a lower bound.
- ``relative-time``: a relative time ("a century ago", "three years later")
  resolved against its anchor disagrees with an absolute date given for the
  same event.
"""

from __future__ import annotations

from typing import ClassVar, Iterable

from factcheck.checks import Draft, Params, register
from factcheck.engine.context import CheckContext, describe


class AfterParams(Params):
    grace_years: int = 0


@register
class EventAfterPublication:
    """An event or "as of" date later than the document that reports it."""

    name: ClassVar[str] = "event-after-publication"
    finding_kind: ClassVar[str] = "temporal"
    Params = AfterParams
    fields: ClassVar[frozenset[str]] = frozenset({"date", "published", "source", "doc"})

    def run(self, ctx: CheckContext, rule) -> Iterable[Draft]:
        p = rule.params
        for c in ctx.claims:
            if c.kind != "date" or c.time is None or not c.time.start or c.time.relative:
                continue
            if c.modality != "asserted" or c.negated or c.confidence < p.min_confidence:
                continue
            pub = ctx.published_year(c.doc)
            if pub is None:
                continue
            ctx.checked.add(c.id)
            if int(c.time.start[:4]) <= pub + p.grace_years:
                continue
            if c.time.granularity in ("decade", "century"):
                continue
            if not (c.quals.get("as_of") or c.quals.get("past")):
                continue
            d = ctx.documents[c.doc]
            yield Draft({"date": c.quote, "published": d.published, "source": d.published_source or "", "doc": c.doc},
                        [ctx.evidence(c)], [c.id],
                        f"{c.time.start[:4]} > {pub} (published {d.published}, from {d.published_source}: {d.published_evidence!r})",
                        "Check the date of the event and the publication date of the document.", None, None, ("after", c.id))


class RelativeParams(Params):
    tolerance_years: float = 1.0


@register
class RelativeTime:
    """A relative time that disagrees with an absolute date for the same event."""

    name: ClassVar[str] = "relative-time"
    finding_kind: ClassVar[str] = "temporal"
    Params = RelativeParams
    fields: ClassVar[frozenset[str]] = frozenset({"relative", "resolved", "absolute", "subject"})

    def run(self, ctx: CheckContext, rule) -> Iterable[Draft]:
        p = rule.params
        key = lambda c: (c.subject, c.property) if c.kind == "date" and c.subject and c.property and c.time and c.time.start else None  # noqa: E731
        for (subject, _prop), block in ctx.block(key).items():
            rel = [c for c in block if c.time.relative and c.modality == "asserted"]
            absl = [c for c in block if not c.time.relative and c.modality == "asserted" and c.time.granularity in ("year", "month", "day")]
            for r in rel:
                for a in absl:
                    if a.doc != r.doc or a.sent_start == r.sent_start:
                        continue  # one sentence tells two times ("killed two years ago; the trial starts Monday")
                    ctx.checked.update({r.id, a.id})
                    ry, ay = int(r.time.start[:4]), int(a.time.start[:4])
                    if abs(ry - ay) <= p.tolerance_years + (0.5 if r.time.approx else 0):
                        continue
                    yield Draft({"relative": r.quote, "resolved": describe(r), "absolute": describe(a),
                                 "subject": subject.replace("_", " ")},
                                [ctx.evidence(r), ctx.evidence(a)], [r.id, a.id],
                                f"{r.time.anchor}: {r.time.offset_years:+g} years -> {ry}; stated elsewhere: {ay}",
                                "Replace the relative time with the date, or correct one of them.", None, None, ("rel", r.id))

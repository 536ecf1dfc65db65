"""Citation checks: page ranges, missing and unused references, dates.

- ``page-range``: a cited page range that runs backwards ("p. 235-234"), or
  lies outside the pages of the cited article in the reference list.
- ``citation-link``: an in-text author-year citation with no reference
  entry, and a reference entry never cited (only in documents that have a
  reference list).
- ``cited-after-publication``: a cited work dated after the citing document.
- ``event-after-sources``: an event (a survey, a report) dated after every
  work the passage cites as its source.
"""

from __future__ import annotations

import re
from typing import ClassVar, Iterable

from factcheck.checks import Draft, Params, register
from factcheck.engine.context import CheckContext
from factcheck.model import Evidence


def _cit_evidence(d, c, value="") -> Evidence:
    text = d.text
    s = text.rfind("\n", 0, c.start) + 1
    e = text.find("\n", c.end)
    e = len(text) if e == -1 else e
    # the sentence around the citation (bounded)
    ss = max(s, text.rfind(". ", s, c.start) + 2 if text.rfind(". ", s, c.start) != -1 else s)
    se = text.find(". ", c.end, e)
    se = e if se == -1 else se + 1
    return Evidence(d.id, c.start, c.end, text[c.start:c.end], text[ss:se][:600], value)


def _ref_evidence(d, r, value="") -> Evidence:
    return Evidence(d.id, r.start, r.end, r.text[:300], r.text[:600], value)


class PageParams(Params):
    check_outside: bool = True


@register
class PageRange:
    """A cited page range that is reversed or outside the cited article."""

    name: ClassVar[str] = "page-range"
    finding_kind: ClassVar[str] = "citation"
    Params = PageParams
    fields: ClassVar[frozenset[str]] = frozenset({"citation", "pages", "article_pages", "problem"})

    def run(self, ctx: CheckContext, rule) -> Iterable[Draft]:
        p = rule.params
        for d in ctx.documents.values():
            for c in d.citations:
                if not c.pages:
                    continue
                lo, hi = c.pages
                ref = d.references[c.reference] if c.reference is not None else None
                art = f"{ref.pages[0]}–{ref.pages[1]}" if ref and ref.pages else "unknown"
                fields = {"citation": f"{c.author}, {c.year}", "pages": c.page_text or f"{lo}-{hi}", "article_pages": art}
                ev = [_cit_evidence(d, c, f"pages {lo}-{hi}")]
                if ref:
                    ev.append(_ref_evidence(d, ref, f"article pages {art}"))
                if lo > hi:
                    yield Draft({**fields, "problem": "runs backwards"}, ev, [],
                                f"start page {lo} > end page {hi}",
                                f"Correct the range (perhaps {lo}-{hi + (lo // 10 ** len(str(hi)) * 10 ** len(str(hi)) if hi < lo and len(str(hi)) < len(str(lo)) else 0)} or {hi}-{lo}).",
                                None, None, ("pages", d.id, c.start))
                elif p.check_outside and ref and ref.pages and (lo < ref.pages[0] or hi > ref.pages[1]) and ref.pages[0] <= ref.pages[1]:
                    yield Draft({**fields, "problem": f"lies outside the article's pages {art}"}, ev, [],
                                f"{lo}-{hi} not within {art}", "Check the page numbers against the cited article.",
                                None, None, ("pages", d.id, c.start))


class LinkParams(Params):
    report_uncited: bool = True
    min_references: int = 3


@register
class CitationLink:
    """In-text citations without a reference entry; references never cited."""

    name: ClassVar[str] = "citation-link"
    finding_kind: ClassVar[str] = "citation"
    Params = LinkParams
    fields: ClassVar[frozenset[str]] = frozenset({"citation", "problem"})

    def run(self, ctx: CheckContext, rule) -> Iterable[Draft]:
        p = rule.params
        for d in ctx.documents.values():
            if len(d.references) < p.min_references:
                continue
            cited = set()
            for c in d.citations:
                if c.reference is not None:
                    cited.add(c.reference)
                    continue
                # a secondary citation ("Olcott, 2005 in Gnedina, 2015") is cited through the other work
                after = d.text[c.end:c.end + 6]
                if re.match(r"\s+in\s", after):
                    continue
                # a co-author or a reference listed under another first author with the same year
                if any(_same_work(c, r) for r in d.references):
                    continue
                yield Draft({"citation": f"{c.author}, {c.year}", "problem": "has no entry in the reference list"},
                            [_cit_evidence(d, c, f"{c.author} {c.year}")], [], None,
                            "Add the reference, or correct the author/year of the citation.", None, None, ("cite", d.id, c.start))
            if p.report_uncited:
                for i, r in enumerate(d.references):
                    if i in cited or r.year is None:
                        continue
                    if any(_same_work(c, r) for c in d.citations):
                        continue
                    yield Draft({"citation": f"{r.first_author}, {r.year}", "problem": "is in the reference list but never cited"},
                                [_ref_evidence(d, r, f"{r.first_author} {r.year}")], [], None,
                                "Cite it where it is used, or remove it from the reference list.", None, "info", ("ref", d.id, r.start))


def _n(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.lower())


def _same_work(citation, ref) -> bool:
    """Same year and the cited name is one of the reference's authors (a co-author counts)."""
    return citation.year == ref.year and any(_n(a) == _n(citation.author) for a in ref.authors)


@register
class CitedAfterPublication:
    """A reference dated after the document that cites it."""

    name: ClassVar[str] = "cited-after-publication"
    finding_kind: ClassVar[str] = "citation"
    Params = Params
    fields: ClassVar[frozenset[str]] = frozenset({"citation", "year", "published"})

    def run(self, ctx: CheckContext, rule) -> Iterable[Draft]:
        for d in ctx.documents.values():
            pub = ctx.published_year(d.id)
            if pub is None:
                continue
            for r in d.references:
                if r.year and r.year > pub:
                    yield Draft({"citation": f"{r.first_author}, {r.year}", "year": str(r.year), "published": d.published},
                                [_ref_evidence(d, r, str(r.year))], [], f"{r.year} > {pub}",
                                "Check the year of the reference and the publication date of the document.", None, None,
                                ("late", d.id, r.start))


class SourceParams(Params):
    nouns: list[str] = ["survey", "poll", "report", "study", "census", "interview", "research", "questionnaire"]
    window_chars: int = 1500


@register
class EventAfterSources:
    """A survey or report dated after every work the passage cites for it."""

    name: ClassVar[str] = "event-after-sources"
    finding_kind: ClassVar[str] = "citation"
    Params = SourceParams
    fields: ClassVar[frozenset[str]] = frozenset({"event", "date", "sources"})

    def run(self, ctx: CheckContext, rule) -> Iterable[Draft]:
        p = rule.params
        nouns = "|".join(map(re.escape, p.nouns))
        for c in ctx.claims:
            if c.kind != "date" or c.time is None or not c.time.start or c.time.relative or c.modality != "asserted":
                continue
            before = c.sentence[: c.start - c.sent_start]
            if not re.search(rf"\b(?:{nouns})\w*\b[^.]{{0,60}}$", before, re.I):
                continue
            d = ctx.documents[c.doc]
            para_end = d.text.find("\n", c.end)
            para_end = len(d.text) if para_end == -1 else para_end
            later = [x for x in d.citations if c.end <= x.start <= min(para_end, c.end + p.window_chars)]
            if not later:
                continue
            # the first group of citations after the event is its source
            first_group = [x for x in later if x.start - later[0].start < 120]
            year = int(c.time.start[:4])
            ctx.checked.add(c.id)
            if all(x.year < year for x in first_group):
                srcs = "; ".join(f"{x.author}, {x.year}" for x in first_group)
                ev = [ctx.evidence(c)] + [_cit_evidence(d, x, str(x.year)) for x in first_group]
                m = re.search(rf"\b((?:{nouns})\w*)\b[^.]{{0,60}}$", before, re.I)
                yield Draft({"event": m.group(1) if m else "event", "date": c.quote, "sources": srcs}, ev, [c.id],
                            f"event {year} > every cited source ({', '.join(str(x.year) for x in first_group)})",
                            "Cite the source that reports the event, or correct its date.", None, None, ("src", c.id))

"""Reference lists and in-text citations.

Reference entries are parsed into authors, year, title, venue, volume and
pages. In-text author-year citations ("(Nye, 2004)", "Nye (1990)",
"(Burkhanov and Chen, 2016, p. 2134-2138)") and numbered footnote markers
("billion.8") are found in body text and linked to entries, for the
citation checks and so that their numbers are never read as claims.
"""

from __future__ import annotations

import regex as re
from dataclasses import dataclass

_YEAR = r"(1[6-9]\d\d|20\d\d)([a-z])?"
_ENTRY = re.compile(rf"^[-•*]?\s*(?P<authors>.+?)[\s,.]*\(\s*{_YEAR}\s*(?:,[^)]{{0,30}})?\)\.?\s*(?P<rest>.*)$")
_SUFFIX = re.compile(r"\s+(?:Jr\.?|Sr\.?|II|III|IV)$")
_PAGES = re.compile(r"(?<![\d./])(\d{1,5})\s*[–—-]\s*(\d{1,5})(?![\d/])")
_VOLUME = re.compile(r"\*?(\d{1,4})\*?\s*(?:\((\d{1,3})\))?\s*[,:]\s*\d")
_DOI = re.compile(r"\bdoi:?\s*(?:https?://doi\.org/)?(10\.\S+)", re.I)


@dataclass(frozen=True, slots=True)
class Reference:
    start: int
    end: int
    text: str
    authors: tuple[str, ...]
    year: int | None
    title: str
    venue: str
    volume: str | None
    pages: tuple[int, int] | None
    doi: str | None

    @property
    def first_author(self) -> str:
        return self.authors[0] if self.authors else ""

    def to_dict(self) -> dict:
        return {
            "authors": list(self.authors),
            "year": self.year,
            "title": self.title,
            "venue": self.venue,
            "volume": self.volume,
            "pages": list(self.pages) if self.pages else None,
            "doi": self.doi,
        }


def _split_authors(text: str) -> tuple[str, ...]:
    text = re.sub(r"\(?\b[Ee]ds?\.\)?|\(editors?\)", "", text)  # "(ed.)", "(eds.)": editor marks
    text = re.sub(r"\s+(?:Jr\.?|Sr\.?|II|III|IV)(?=,|$)", "", text.strip())
    text = text.replace("&", ",").replace(" and ", ", ")
    parts = [p.strip(" .,*") for p in text.split(",")]
    names = [p for p in parts if p and not re.fullmatch(r"(?:[A-Z]\.\s*)+|[A-Z]\.?(?:\s?[A-Z]\.?)*", p)]
    return tuple(n.split()[-1] if len(n.split()) > 1 and n.split()[-1][0].isupper() and len(n.split()[-1]) > 2 and not n.isupper() and n.split()[0].endswith(".") else n for n in names)


def parse_reference(text: str, start: int = 0) -> Reference | None:
    """Parse one reference entry; None when it does not look like one."""
    if re.match(r"\s*(?:citation|cite this|how to cite)\s*:", text, re.I):
        return None  # the article's own "Citation:" block
    m = _ENTRY.match(text.strip())
    if not m:
        return None
    authors = _split_authors(m.group("authors"))
    rest = m.group("rest").replace("*", "")
    doi_m = _DOI.search(rest)
    doi = doi_m.group(1).rstrip(".") if doi_m else None
    body = _DOI.sub("", rest)
    body = re.sub(r"https?://\S+", "", body)
    # the title ends at the first ". " or "? " ("... or Catastrophe? Journal of ...")
    tm = re.search(r"[.?!]\s", body)
    if tm:
        title, venue = body[: tm.start() + (1 if body[tm.start()] in "?!" else 0)], body[tm.end():]
    else:
        title, venue = body, ""
    pages = None
    vol = None
    pm = list(_PAGES.finditer(venue))
    if pm:
        p = pm[-1]
        pages = (int(p.group(1)), int(p.group(2)))
    vm = re.search(r"(\d{1,4})\s*(?:\(\d{1,3}\))?\s*[,:]\s*(?=\d)", venue)
    if vm:
        vol = vm.group(1)
        venue_name = venue[: vm.start()].strip(" ,.")
    else:
        venue_name = re.split(r"\s\d", venue, maxsplit=1)[0].strip(" ,.")
    return Reference(
        start=start,
        end=start + len(text),
        text=text.strip(),
        authors=authors,
        year=int(m.group(2)),
        title=title.strip(" ."),
        venue=venue_name,
        volume=vol,
        pages=pages,
        doi=doi,
    )


@dataclass(frozen=True, slots=True)
class Citation:
    """An in-text author-year citation (with an optional page locator)."""

    start: int
    end: int
    author: str
    year: int
    pages: tuple[int, int] | None
    page_text: str | None
    reference: int | None = None  # index into the document's references

    def to_dict(self) -> dict:
        return {"author": self.author, "year": self.year, "pages": list(self.pages) if self.pages else None}


_NAME = r"\p{Lu}[\w'’\-]+(?:\s(?:van|von|de|der)\s\p{Lu}[\w'’\-]+)?"
_INITIALS = r"(?:\s(?:\p{Lu}\.\s?){1,3})?"
_AUTHORS = rf"{_NAME}{_INITIALS}(?:(?:,\s{_NAME})*\s(?:and|&)\s{_NAME}|\set\sal\.?)?"
# ", p. 37", ", pp. 3-5", ": 73-89"
_LOCATOR = r"(?:(?:,?\s*pp?\.|:)\s*(\d{1,5})(?:\s*[–—-]\s*(\d{1,5}))?)?"
# "(Nye, 2004)", "(Paradise, 2009, p. 647-669; Yang, 2010, p. 235-234)" -> each item
_PAREN_ITEM = re.compile(rf"(?P<a>{_AUTHORS})[,.]?\s+(?P<y>(?:1[6-9]|20)\d\d)[a-z]?{_LOCATOR}(?P<more>(?:,\s*(?:1[6-9]|20)\d\d[a-z]?(?![\d]))*)")
# "[Ministry of Foreign Affairs (MFA), 2022]": a corporate author in brackets
_BRACKET = re.compile(r"\[(?P<a>\p{Lu}[^\[\],]{2,200}?),\s*(?P<y>(?:1[6-9]|20)\d\d)[a-z]?\]")
# "Nye (1990)", "Burkhanov and Chen (2016, p. 3)"
_NARRATIVE = re.compile(rf"(?P<a>{_AUTHORS})\s\((?P<y>(?:1[6-9]|20)\d\d)[a-z]?{_LOCATOR}\)")


def find_citations(text: str, base: int = 0) -> list[Citation]:
    """Author-year citations in a body paragraph (positions offset by base)."""
    found: dict[int, Citation] = {}
    for paren in re.finditer(r"\(([^()]{4,400})\)", text):
        inner_start = paren.start(1)
        for m in _PAREN_ITEM.finditer(paren.group(1)):
            _add(found, m, base + inner_start)
            # "(Nye, 2004, 2011)": one author, several works
            for ym in re.finditer(r"(?:1[6-9]|20)\d\d", m.group("more") or ""):
                s = base + inner_start + m.start("more") + ym.start()
                found.setdefault(s, Citation(s, s + 4, m.group("a").split()[0].rstrip(","), int(ym.group()), None, None))
    for m in _NARRATIVE.finditer(text):
        _add(found, m, base)
    for m in _BRACKET.finditer(text):
        s = base + m.start()
        found.setdefault(s, Citation(s, base + m.end(), m.group("a").strip(), int(m.group("y")), None, None))
    return [found[k] for k in sorted(found)]


_NOT_AUTHORS = frozenset(("january february march april may june july august september october november december "
                          "jan feb mar apr jun jul aug sep sept oct nov dec spring summer autumn fall winter "
                          "early late mid since until from in by during before after circa c").split())


def _add(found: dict[int, Citation], m: re.Match, base: int) -> None:
    if m.group("a").split()[0].rstrip(",.").lower() in _NOT_AUTHORS:
        return  # "(3 May 1931 – 9 June 1994)", "(Spring 2004)": dates, not author-year citations
    pages = None
    page_text = None
    if m.group(3):
        lo = int(m.group(3))
        hi = int(m.group(4)) if m.group(4) else lo
        pages = (lo, hi)
        page_text = m.group(0)[m.start(3) - m.start(0):]
    author = m.group("a").split()[0].rstrip(",")
    found.setdefault(
        base + m.start(),
        Citation(base + m.start(), base + m.end(), author, int(m.group("y")), pages, page_text),
    )


def link(citations: list[Citation], references: list[Reference]) -> list[Citation]:
    """Attach each citation to the reference with the same first author and year."""
    index: dict[tuple[str, int], int] = {}
    for i, ref in enumerate(references):
        if ref.year is None:
            continue
        for author in ref.authors[:1]:
            key = (_norm(author), ref.year)
            index.setdefault(key, i)
    out = []
    for c in citations:
        i = index.get((_norm(c.author), c.year))
        if i is None:
            # a corporate author cited by its acronym: "(MFA RK, 2022)"
            for j, ref in enumerate(references):
                if ref.year == c.year and len(c.author) >= 2 and re.search(rf"\b{re.escape(c.author)}\b", ref.text[:200]):
                    i = j
                    break
        out.append(Citation(c.start, c.end, c.author, c.year, c.pages, c.page_text, i))
    return out


def _norm(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.lower().split(",")[0])


_MARKER = re.compile(r"(?<=[a-z\.,;:”\"’)\]])(\d{1,3})(?=\s|$)")


def find_markers(text: str, base: int, known: set[int]) -> list[tuple[int, int, int]]:
    """Glued digits that match a footnote number present in the document."""
    out = []
    for m in _MARKER.finditer(text):
        if m.start() >= 2 and text[m.start() - 1] in ".,;:" and text[m.start() - 2].isdigit():
            continue  # the decimals of "28.6", not a marker
        n = int(m.group(1))
        if n in known:
            out.append((base + m.start(1), base + m.end(1), n))
    return out

"""What a manuscript cites, and which source document each cited work is.

A manuscript cites works in three styles, all read here:

- author-year, narrative or parenthetical ("Nye (1990)", "(Nye, 2004; Chen & Li, 2016, p. 12)"),
  and corporate authors ("The Carnegie Endowment (2024)");
- numbered, in brackets ("[3]", "[2, 5]", "[4-6]"), against a numbered reference list;
- footnotes, whose marker ("billion.8") points at a note that names the work.

Each entry of the reference list (or each footnote) becomes a :class:`Work`, and
each work is linked to at most one source document by title, authors and year,
fuzzily (rapidfuzz), using the corpus metadata and each document's own front
matter. A citation that names no entry of the list is linked directly by
author and year.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

import regex as re
from rapidfuzz import fuzz

from factcheck.ingest.references import parse_reference
from factcheck.model import Document

_YEAR = re.compile(r"(?<!\d)(1[6-9]\d\d|20\d\d)(?!\d)")
_NUMBERED_ENTRY = re.compile(r"^\s*(?:\[(\d{1,3})\]|(\d{1,3})[.)])\s+(?=\S)")
# "[3]", "[2, 5]", "[4-6]", "[2; 7–9]"
_BRACKETS = re.compile(r"\[(\d{1,3}(?:\s*[-–—]\s*\d{1,3})?(?:\s*[,;]\s*\d{1,3}(?:\s*[-–—]\s*\d{1,3})?)*)\]")
# "The Carnegie Endowment (2024)", "the World Health Organization (2019, p. 4)"
_CORPORATE = re.compile(r"\b(?:[Tt]he\s)?((?:\p{Lu}[\w'’&\-]+\s(?:(?:for|of|on|and|the)\s)*){1,7}\p{Lu}[\w'’\-]+)\s\("
                        r"((?:1[6-9]|20)\d\d)[a-z]?(?:,\s*pp?\.\s*\d+(?:\s*[-–]\s*\d+)?)?\)")
# ("Harbour Lights of the North," 2019): a work without authors cited by its title (APA)
_TITLE_CITE = re.compile(r"[\"“]([^\"“”]{4,200}?)[,.]?[\"”],?\s*((?:1[6-9]|20)\d\d)[a-z]?")
_STOP = frozenset("the a an of and for on in to by with from at its their his her".split())


def fold(text: str) -> str:
    """Lower case, accents and punctuation gone: 'Demircioğlu' -> 'demircioglu'."""
    text = unicodedata.normalize("NFKD", text.replace("ı", "i"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"[^\w]+", " ", text.lower()).strip()


@dataclass(slots=True)
class Work:
    """One cited work: an entry of the reference list, or a footnote."""

    key: str  # "ref:3" (the reference list's 3rd entry), "n:3" (numbered [3]), "note:8"
    text: str
    number: int | None
    authors: tuple[str, ...]
    year: int | None
    title: str
    line: int = 0
    source: str | None = None  # the source document's id
    score: float = 0.0
    why: str = ""
    alt_titles: tuple[str, ...] = ()  # other readings of the entry's title

    def to_dict(self) -> dict:
        return {"key": self.key, "number": self.number, "text": self.text, "authors": list(self.authors),
                "year": self.year, "title": self.title, "line": self.line, "source": self.source,
                "score": round(self.score, 1), "why": self.why}


@dataclass(slots=True)
class Cite:
    """One in-text citation: where it is and which works it names."""

    start: int
    end: int
    text: str
    works: list[str] = field(default_factory=list)  # Work keys
    author: str | None = None
    year: int | None = None
    title: str | None = None  # a work cited by its title


def parse_entry(text: str, key: str, line: int = 0) -> Work | None:
    """A reference list entry in any common style (APA, numbered, Chicago-like)."""
    raw = " ".join(text.split())
    if len(raw) < 8:
        return None
    number = None
    m = _NUMBERED_ENTRY.match(raw)
    if m:
        number = int(m.group(1) or m.group(2))
        raw = raw[m.end():]
    ref = parse_reference(raw)
    if ref is not None and ref.title:
        w = Work(key, " ".join(text.split()), number, tuple(ref.authors), ref.year, ref.title, line)
        head = raw[: raw.find("(")].strip(" .")
        if not _looks_like_names(head) and len(head.split()) >= 3:
            # "Title of a work. (2019). Venue." (APA's entry for a work without authors) or
            # "Carnegie Endowment for International Peace. (2024). Title.": either may be the title
            w.alt_titles = (head,)
        return w
    years = _YEAR.findall(raw)
    year = int(years[0]) if years else None
    quoted = re.search(r"[\"“”‘’«]([^\"“”«»]{8,300})[\"”“’»]", raw)
    if quoted:
        title = quoted.group(1)
        authors_part = raw[: quoted.start()]
    else:
        parts = [p.strip() for p in re.split(r"(?<=[^A-Z\s][.?!])\s+", raw) if p.strip()]
        # "Surname, A., and B. Other. Title. Venue, 2019." / "[3] Title of a page. Site."
        if len(parts) >= 2 and _looks_like_names(parts[0]):
            authors_part, title = parts[0], parts[1]
        else:
            authors_part, title = "", parts[0] if parts else raw
    authors = tuple(n for n in (_surname(x) for x in re.split(r",|;|\s&\s|\sand\s", authors_part)) if n)
    return Work(key, " ".join(text.split()), number, authors, year, title.strip(" .,"), line)


def _looks_like_names(text: str) -> bool:
    words = re.findall(r"[\p{L}'’\-]+\.?", text)
    if not words or len(words) > 14:
        return False
    capital = sum(1 for w in words if w[0].isupper() or w.lower() in ("and", "et", "al."))
    return capital >= 0.8 * len(words) and bool(re.search(r"\b\p{Lu}\.|,", text))


def _surname(name: str) -> str:
    name = re.sub(r"\b\p{Lu}\.\s*", " ", name).strip(" .,")
    parts = [p for p in name.split() if p[:1].isupper() and p.lower() not in ("et", "al")]
    return parts[-1] if parts else ""


def find_cites(text: str, base: int) -> list[Cite]:
    """Numbered and corporate-author citations of one paragraph (author-year ones are the document's)."""
    out = []
    for m in _BRACKETS.finditer(text):
        nums: list[int] = []
        for part in re.split(r"\s*[,;]\s*", m.group(1)):
            if re.search(r"[-–—]", part):
                lo, hi = (int(x) for x in re.split(r"\s*[-–—]\s*", part))
                nums.extend(range(lo, hi + 1) if 0 < hi - lo < 50 else (lo, hi))
            else:
                nums.append(int(part))
        out.append(Cite(base + m.start(), base + m.end(), m.group(), [f"n:{n}" for n in nums]))
    for paren in re.finditer(r"\(([^()]{4,400})\)", text):
        for m in _TITLE_CITE.finditer(paren.group(1)):
            a = base + paren.start(1) + m.start()
            out.append(Cite(a, base + paren.start(1) + m.end(), m.group(), title=m.group(1).strip(" ,."),
                            year=int(m.group(2))))
    for m in _CORPORATE.finditer(text):
        name = m.group(1)
        if len(name.split()) < 2:
            continue  # "Nye (1990)": an author-year citation, read with the others
        out.append(Cite(base + m.start(), base + m.end(), m.group(), author=name, year=int(m.group(2))))
    return out


@dataclass(slots=True)
class Profile:
    """What identifies a source document: its title, authors and years, folded."""

    doc: str
    title: str
    authors: tuple[str, ...]
    years: tuple[int, ...]
    front: str  # the folded opening of the text, where a paper names its authors
    words: frozenset = frozenset()  # every folded word of the text
    titled: bool = True  # the title is the document's own (metadata, a heading), not its first line

    @classmethod
    def of(cls, doc: Document) -> "Profile":
        text = doc.text
        title = doc.title or ""
        titled = bool(title)
        if not title:
            for line in text.splitlines():
                if len(line.split()) >= 2:
                    title = line.strip(" #*")
                    # a short first line without a full stop is a heading: the document's title
                    titled = len(title.split()) <= 20 and not title.rstrip().endswith(".")
                    break
        authors = doc.meta.get("authors") or ()
        if isinstance(authors, str):
            authors = re.split(r";|\band\b", authors)
        years: list[int] = []
        if doc.published:
            years.append(int(doc.published[:4]))
        if doc.meta.get("year"):
            years.append(int(doc.meta["year"]))
        head = text[:3000]
        years.extend(int(y) for y in _YEAR.findall(head[:1500]))
        return cls(doc.id, fold(title), tuple(fold(str(a)) for a in authors), tuple(dict.fromkeys(years)),
                   fold(head), frozenset(fold(text).split()), titled)


def _author_hit(name: str, p: Profile) -> bool:
    n = fold(name)
    if len(n) < 3:
        return False
    words = n.split()
    if any(n in a or (len(words) == 1 and words[0] in a.split()) for a in p.authors):
        return True
    if len(words) > 1:  # a corporate author: most of its words in the front matter
        content = [w for w in words if w not in _STOP]
        return bool(content) and sum(1 for w in content if f" {w} " in f" {p.front} ") >= max(1, int(0.75 * len(content)))
    return f" {n} " in f" {p.front[:2000]} "


def _title_words(title: str) -> list[str]:
    return [x for x in dict.fromkeys(fold(title).split()) if len(x) > 2 and x not in _STOP]


def score_work(w: Work, p: Profile, idf: dict[str, float] | None = None) -> tuple[float, str]:
    """The best of :func:`_score_one` over the entry's readings of its title."""
    best = _score_one(w, w.title, p, idf)
    for alt in w.alt_titles:
        other = _score_one(w, alt, p, idf)
        if other[0] > best[0]:
            best = other
    return best


def _score_one(w: Work, title_text: str, p: Profile, idf: dict[str, float] | None) -> tuple[float, str]:
    """How well a cited work fits a source document (0-100) and why.

    A document with a title of its own is compared title to title (word order and
    length count: a short title is not matched by any longer one holding its
    words). A document without one is matched by the words of the cited title it
    contains, each weighted by how rare it is among the sources (``idf``): the
    words every source has ("explosion") say nothing about which one is cited.
    """
    why = []
    score = 0.0
    title = fold(title_text)
    if title and p.title and p.titled:
        t = max(fuzz.token_sort_ratio(title, p.title), fuzz.ratio(title, p.title),
                fuzz.partial_ratio(title, p.title) if min(len(title), len(p.title)) > 25 else 0)
        if t >= 60:
            score += t * 0.6 + (15 if t >= 95 else 0)
            why.append(f"title {t:.0f}%")
    if title and score == 0 and len(title) >= 8 and f" {title} " in f" {p.front[:400]} ":
        score += 10
        why.append("title at the start of the text")
    if title and idf is not None:
        words = _title_words(title_text)
        total = sum(idf.get(x, 1.0) for x in words)
        if words and total > 0:
            present = [x for x in words if x in p.words]
            cover = sum(idf.get(x, 1.0) for x in present) / total
            if cover >= 0.5 and len(present) >= 2 and 50 * cover > score:
                # the better of the two readings: a title like the document's, or its words in the text
                score = 50 * cover + (10 if "title at the start of the text" in why else 0)
                why = [x for x in why if x == "title at the start of the text"]
                why.append(f"{len(present)} of {len(words)} title words in the text ({cover:.0%} by rarity)")
    hits = [a for a in w.authors if _author_hit(a, p)]
    if hits:
        score += 25 if hits[0] == (w.authors[0] if w.authors else None) else 15
        why.append("author " + ", ".join(hits[:2]))
    if w.year and w.year in p.years:
        score += 15 if p.years and w.year == p.years[0] else 8
        why.append(f"year {w.year}")
    return score, "; ".join(why)


LINK_THRESHOLD = 45.0


def link_works(works: list[Work], profiles: list[Profile]) -> None:
    """Set each work's source: the best-fitting document, when it fits well enough and clearly best."""
    import math

    df: dict[str, int] = {}
    for p in profiles:
        for x in p.words:
            df[x] = df.get(x, 0) + 1
    n = len(profiles)
    idf = {x: math.log((n + 1) / (k + 0.5)) for x, k in df.items()}
    for w in works:
        scored = sorted(((score_work(w, p, idf), p.doc) for p in profiles), key=lambda x: (-x[0][0], x[1]))
        if not scored:
            continue
        (best, why), doc = scored[0]
        runner_up = scored[1][0][0] if len(scored) > 1 else 0.0
        if best >= LINK_THRESHOLD and best - runner_up >= 5:
            w.source, w.score, w.why = doc, best, why


def link_title(title: str, year: int | None, works: list[Work], profiles: list[Profile]) -> tuple[str | None, str | None]:
    """(work key, source doc) of a work cited by its title: its reference list entry, else a document directly."""
    t = fold(title)
    best = None
    for w in works:
        r = fuzz.partial_ratio(t, fold(w.title)) if w.title else 0
        if r >= 90 and (year is None or w.year in (None, year)) and (best is None or r > best[0]):
            best = (r, w)
    if best:
        return best[1].key, best[1].source
    probe = Work("", "", None, (), year, title)
    scored = sorted(((score_work(probe, p)[0], p.doc) for p in profiles), key=lambda x: (-x[0], x[1]))
    if scored and scored[0][0] >= LINK_THRESHOLD and (len(scored) == 1 or scored[0][0] - scored[1][0] >= 5):
        return None, scored[0][1]
    return None, None


def link_author_year(author: str, year: int, works: list[Work], profiles: list[Profile]) -> tuple[str | None, str | None]:
    """(work key, source doc) of an author-year citation: its reference list entry, else a document directly."""
    a = fold(author)
    for w in works:
        if w.year == year and any(fold(x) == a or a in fold(x).split() for x in w.authors):
            return w.key, w.source
    for w in works:  # a corporate author cited by a shorter name: "the Carnegie Endowment" / "Carnegie Endowment for ..."
        if w.year == year and len(a) >= 4 and a in fold(w.text)[:200]:
            return w.key, w.source
    probe = Work("", "", None, (author,), year, "")
    scored = sorted(((score_work(probe, p)[0], p.doc) for p in profiles), key=lambda x: (-x[0], x[1]))
    if scored and scored[0][0] >= 25 + 8 and (len(scored) == 1 or scored[0][0] > scored[1][0]):
        return None, scored[0][1]
    return None, None

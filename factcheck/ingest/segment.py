"""Segment repaired text into labelled spans.

Labels: ``body``, ``footnote`` (substantive), ``note`` (bibliographic
footnote: a source and a URL), ``references`` (the reference list),
``front`` (front matter, affiliations, keywords, metadata lines),
``heading``, ``page_header`` (page numbers, running heads, web chrome),
``fact`` (a fact-box or table row: a label and its value), ``table`` (a grid of
bare numbers, which no sentence says the meaning of) and ``skipped`` (not
English, or garbled OCR), each with its span. Only ``body``, ``footnote`` and
``fact`` segments are read for claims.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass

from wordfreq import zipf_frequency

CLAIM_LABELS = frozenset({"body", "footnote", "fact"})

# web note marks ("[3]", "[a]", "[citation needed]"): not words of the sentence they follow
NOTE_MARKS = re.compile(r"\[(?:\d{1,3}(?:[,–-]\s*\d{1,3})*|[a-z]|note \d{1,3}|citation needed|clarification needed|"
                        r"when\?|who\?|according to whom\?|dubious[^\]]{0,20}|better source needed|nb \d{1,2})\]", re.I)

# A row of a fact box or a two-column table: a short label, then its value ("Deaths | 1,782 (confirmed) |",
# "Opened: 27 May 1937", "Injured (non-fatal)\t9,000 (approximate)"). The label says what the value is.
_MONTHS = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
           r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s+(?=\d)")
_VALUE_START = (r"(?:c\.\s*|ca\.\s*|about\s+|approx(?:\.|imately)?\s+|around\s+|over\s+|more than\s+|under\s+|est\.\s*)?"
                r"(?:" + _MONTHS + r")?(?:(?:US|A|C)?[$€£¥~≈]\s*)?\d")
_FACT_ROW = re.compile(
    r"^\s*(?:[-•*–]\s+)?\|?\s*(?P<label>[A-Za-z][A-Za-z'’ ()/&-]{1,48}?)\s*(?:\||\t|:(?!\d))\s*(?P<value>" + _VALUE_START + r"[^|\n]{0,70}?)\s*\|?\s*$")
# the same without a separator, trusted only inside a block of such rows
_BARE_ROW = re.compile(r"^\s*(?P<label>[A-Z][A-Za-z'’ ()/-]{1,40}?)\s+(?P<value>" + _VALUE_START
                       + r"[\d,.]*(?:\s*[–-]\s*\d[\d,.]*)?(?:\s*[A-Za-z%]{1,12})?(?:\s*\([^()]{1,30}\)){0,2})\s*$")
_PAGE_META = re.compile(r"\b(?:posted|updated|modified|accessed|retrieved|copyright|filed|edited|last reviewed|reviewed)\b", re.I)
_NOT_A_LABEL = re.compile(r"^(?:chapter|part|section|volume|vol|table|figure|fig|appendix|page|step|phase|stage|round|season|episode|no|number|item|question|room|row|seat|level|grade|class|route|platform|gate|track|act|scene|book|article|rule|clause)\b", re.I)


# a timeline row gives its value first: a time or a date, a dash or a colon, then what happened then
# ("01:23:44 — Explosion", "14 June 1961 – Bridge opened", "1931: Orrin ferry sinks")
_TIMELINE_ROW = re.compile(
    r"^\s*(?:[-•*]\s+)?(?P<value>\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?\s?m\.?)?|\d{1,2}\s+" + _MONTHS.replace(r"\s+(?=\d)", "")
    + r"\s+\d{4}|" + _MONTHS.replace(r"\s+(?=\d)", "") + r"\s+(?:\d{1,2},?\s+)?\d{4}|\d{4})"
    r"\s*(?:[—–|]|\s-\s|:(?!\d))\s*(?P<label>[A-Za-z][A-Za-z0-9'’ ()/&,-]{1,60}?)\s*\.?\s*$", re.I)


_BARE_NUMBER = re.compile(r"[-−+]?\(?\d[\d,.]*\)?")


def grid_row(line: str) -> bool:
    """A line of a table of bare numbers: at least four numbers with no unit, and little else
    ("1,204 1,377 1,502 1,688", "Region B 12.1 14.0 15.2 16.8 19.9"). What each number measures
    lives in column headings that a line does not hold, so its numbers are not claims."""
    tokens = line.split()
    if len(tokens) < 4:
        return False
    numbers = sum(1 for t in tokens if _BARE_NUMBER.fullmatch(t))
    return numbers >= 4 and numbers >= 0.6 * len(tokens)


def number_grid(para: str) -> int:
    """How many bare numbers the paragraph holds when it is a table of them (most of its lines
    are grid rows; text repair may have joined a table's lines into one), else 0."""
    lines = [ln for ln in para.split("\n") if ln.strip()]
    rows = [ln for ln in lines if grid_row(ln)]
    if not rows or len(rows) < 0.6 * len(lines):
        return 0
    return sum(1 for ln in rows for t in ln.split() if _BARE_NUMBER.fullmatch(t))


def fact_row(line: str, bare: bool = False) -> tuple[int, int] | None:
    """The (start, end) of a fact-box row's label in ``line``, or None when the line is not one.

    With ``bare``, a label and a value with no separator between them ("Injured 9,000
    (approximate)") count too: the caller trusts them only next to other rows."""
    line = NOTE_MARKS.sub(lambda x: " " * len(x.group()), line)  # "Height 108 metres[1]": offsets kept
    m = _FACT_ROW.match(line) or (_BARE_ROW.match(line) if bare else None)
    if m is None and (t := _TIMELINE_ROW.match(line)) and len(t.group("label").split()) <= 8:
        return t.start("label"), t.end("label")  # "01:23:44 — Explosion": what happened at that time
    if not m or _NOT_A_LABEL.match(m.group("label").strip()) or len(m.group("label").split()) > (5 if m.re is _FACT_ROW else 3):
        return None
    if _PAGE_META.search(m.group("label")):
        return None  # "First Posted: 10/25/11 06:44 PM": when the page was written, not a fact of its story
    if re.fullmatch(r"\d{1,2}", m.group("value").strip()):
        return None  # "Chapter | 3": a small bare number after a label is a label's number more often than a value
    return m.start("label"), m.end("label")


@dataclass(frozen=True, slots=True)
class Segment:
    start: int
    end: int
    label: str
    reason: str = ""


_REF_HEADING = re.compile(
    r"^(?:#{1,6}\s*)?(?:\d+\.?\s*)?(?:references|reference list|bibliography|literature|works cited|sources|список литературы)\s*:?$",
    re.I,
)
# what ends a reference list: back matter and article metadata printed after it
_AFTER_REFS = re.compile(
    r"^(?:appendix|acknowledg|about the author|keywords?\b|key words|citation\s*:|received\s*:|accepted\s*:|"
    r"published\s*:|copyright|edited by|reviewed by|correspondence|conflict of interest|funding|"
    r"author contributions|publisher'?s note|data availability|ethics statement|generative ai statement|"
    r"supplementary material)", re.I)
_PAGE_NUMBER = re.compile(r"^\s*(?:page\s*)?\d{1,4}\s*$", re.I)
_FRONT = re.compile(
    r"^(?:[•·*]\s*)?(?:\d{1,2}\s?)?(?:department|faculty|university|institute of|school of)\b"
    r"|^(?:keywords|key words|anahtar|received|accepted|published|citation|copyright|doi|isbn|issn|orcid|e-?mail|correspondence|edited by|reviewed by)\b"
    r"|\bdoi\.org/|^volume \d+",
    re.I,
)
_FOOTNOTE = re.compile(r"^(\d{1,3}) ?(?=\S)")
_BIBLIO = re.compile(r"https?://|www\.|\bSee:|\bop\. ?cit\b|\bIbid\b|available at|\baccessed\b|\bretrieved\b", re.I)
_WEB_CHROME = re.compile(r"^(?:crossref full text|google scholar|pubmed abstract|find out more|learn more)\b", re.I)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_MIXED = re.compile(r"\w*(?:[a-zа-я][A-ZА-Я]|\d[^\W\d_]|[^\W\d_]\d)\w*")


# A language other than English is named when CLD3 finds it with this probability or more
# and CLD2 does not read the paragraph as English. (Compared on 17,359 paragraphs of ECB+, the
# web dev pages and the bundled corpus, 2026-12-04: CLD3 alone called six English headlines and
# bare URLs Cebuano, Portuguese or Italian; CLD2 alone read a Spanish abstract as English; together
# they differ from py3langid on one line, a conference's editor line, in about 2 MB of memory against
# py3langid's 74 MB, three times as fast.)
CLD3_PROBABILITY = 0.9


@functools.cache
def _cld3():
    """CLD3's network (compiled into the cld3-py wheel: no file to load)."""
    import gcld3

    return gcld3.NNetLanguageIdentifier(min_num_bytes=0, max_num_bytes=4000)


def _identified(text: str) -> str | None:
    """The language code of a paragraph that is not English by both identifiers, or None."""
    import pycld2

    clean = text.encode("utf-8", "replace").decode("utf-8")  # lone surrogates of a broken file
    found = _cld3().FindLanguage(text=clean)
    if found.language in ("en", "und") or not found.is_reliable or found.probability < CLD3_PROBABILITY:
        return None
    try:
        reliable, _bytes, details = pycld2.detect(clean)
    except pycld2.error:
        return found.language
    if details[0][1] == "en" or (reliable and any(code == "en" and share >= 30 for _name, code, share, _score in details)):
        return None  # CLD2 reads English here: a headline of names, a URL
    return found.language


@functools.lru_cache(maxsize=256)
def _language_name(code: str) -> str:
    """"fr" -> "French" (langcodes' CLDR names), the code itself when no name is known."""
    import langcodes

    try:
        return langcodes.Language.get(code).display_name()
    except Exception:  # noqa: BLE001 - an unknown or malformed code keeps its code
        return code


def language_problem(text: str) -> str:
    """Why a paragraph is not English prose we can read, or "" if it is.

    A paragraph whose words are nearly all English words is English. Otherwise a language
    identifier (CLD3, checked by CLD2) names its language; garbled OCR, which no language fits, is full of
    mixed-case or digit-letter tokens and has few English words.
    """
    words = _WORD.findall(text)
    if len(words) < 6:
        return ""
    lower = [w.lower() for w in words]
    known = sum(1 for w in lower if zipf_frequency(w, "en") >= 2.0)
    ratio = known / len(words)
    if ratio >= 0.85:
        return ""
    mixed = len(_MIXED.findall(text)) / len(words)
    lang = _identified(text) if mixed <= 0.15 else None
    if lang is not None:
        return f"not English ({_language_name(lang)}; {ratio:.0%} English words)"
    if ratio >= 0.6:
        return ""
    if mixed > 0.15 or re.search(r"[А-Яа-я]", text):
        return f"garbled OCR ({ratio:.0%} English words, {mixed:.0%} mixed-case tokens)"
    return f"not English ({ratio:.0%} English words)"


def _is_heading(line: str) -> bool:
    words = line.split()
    if not words or len(line) > 80 or line.endswith((".", ",", ";")):
        return False
    letters = [c for c in line if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) / len(letters) > 0.8:
        return True
    return len(words) <= 8 and all(w[:1].isupper() or not w[:1].isalpha() or len(w) <= 3 for w in words)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-empty lines of the repaired text as (start, end) spans."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line.strip():
            spans.append((pos, end))
        pos = end + 1
    return spans


def segment(text: str) -> list[Segment]:
    """Label every paragraph of the repaired text."""
    spans = paragraphs(text)
    counts = Counter(text[s:e].strip() for s, e in spans)
    out: list[Segment] = []
    in_refs = False
    seen_body = False
    for i, (start, end) in enumerate(spans):
        para = text[start:end].strip()
        label, reason = "body", ""
        if _REF_HEADING.match(para):
            in_refs = True
            label, reason = "heading", "reference list heading"
        elif in_refs and _AFTER_REFS.match(para):
            in_refs = False
            label, reason = ("front", "article metadata") if _FRONT.search(para) or ":" in para[:40] else ("heading", "")
        elif _PAGE_NUMBER.match(para) or _WEB_CHROME.match(para):
            label, reason = "page_header", "page number or page furniture"
        elif in_refs:
            label = "references"
        elif counts[para] >= 3 and len(para) < 100:
            label, reason = "page_header", f"repeated {counts[para]} times"
        elif _FOOTNOTE.match(para) and _BIBLIO.search(para) and len(para) < 600:
            label, reason = "note", "bibliographic footnote"  # before the language check: titles are often not English
        elif (numbers := number_grid(para)):
            label, reason = "table", f"a table of {numbers:,} bare numbers: nothing says what they measure"
        elif (problem := language_problem(para)):
            label, reason = "skipped", problem
        elif _FRONT.search(para) and len(para) < 400:
            label, reason = "front", "front matter"
        elif _FOOTNOTE.match(para) and seen_body and len(para) < 600 and re.match(r"^\d{1,3} ?[A-Z]", para) and _looks_like_footnote(para):
            label = "footnote"
        elif fact_row(para) or (fact_row(para, bare=True) and _next_to_rows(text, spans, i)):
            label, reason = "fact", "a fact-box or table row: label and value"
        elif _is_heading(para):
            label = "heading"
        plain = NOTE_MARKS.sub("", para)  # "It opened in 1958.[3]" ends a sentence
        if (label == "body" and not seen_body and len(para) < 200 and not plain.rstrip().endswith((".", ":", "!", "?"))
                and not re.search(r"[.!?]\s+[A-Z]", plain)):
            label, reason = "front", "short line before the first paragraph"
        if label == "body":
            seen_body = True
        out.append(Segment(start, end, label, reason))
    out = _join_tables(text, out)
    if not seen_body:
        # a text of a line or two ("Ada Brennan (born 4 May 1950"): its short lines are not the front
        # matter or headings of a body that never comes; they are what it says
        # (a flattened table row, "Nausea 2/93 (2.15%) Fatigue 3/93 (3.23%)", stays out: many figures, no sentence)
        out = [Segment(x.start, x.end, "body", "the text has no other body")
               if ((x.label == "heading" and not x.reason) or x.reason == "short line before the first paragraph")
               and len(re.findall(r"\d+(?:[.,/]\d+)*", NOTE_MARKS.sub("", text[x.start:x.end]))) <= 3 else x for x in out]
    return out


def _join_tables(text: str, out: list[Segment]) -> list[Segment]:
    """Rows of one table that came out as paragraphs of their own make one table segment."""
    joined: list[Segment] = []
    numbers = 0  # of the table being joined
    for seg in out:
        prev = joined[-1] if joined else None
        if seg.label != "table":
            joined.append(seg)
            continue
        count = number_grid(text[seg.start:seg.end])
        if prev is not None and prev.label == "table" and not text[prev.end:seg.start].strip():
            numbers += count
            joined[-1] = Segment(prev.start, seg.end, "table", f"a table of {numbers:,} bare numbers: nothing says what they measure")
        else:
            numbers = count
            joined.append(seg)
    return joined


def _next_to_rows(text: str, spans: list[tuple[int, int]], i: int) -> bool:
    """Whether the paragraph before or after paragraph ``i`` is a fact-box row too."""
    return any(0 <= j < len(spans) and fact_row(text[spans[j][0]:spans[j][1]].strip(), bare=True) for j in (i - 1, i + 1))


def _looks_like_footnote(para: str) -> bool:
    # "8 See: ..." handled as bibliographic; a substantive footnote is a
    # sentence that starts right after a small number, with no verb-less
    # heading shape ("1 Introduction").
    return len(para.split()) > 6 and para.rstrip().endswith((".", ")"))

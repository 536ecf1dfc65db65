"""Find numeric and dated mentions in a paragraph, with normalized values.

A cascade of patterns, most specific first (relative times, date ranges,
full dates, money, percentages, multipliers, measures, ordinals, years,
counts). A span taken by an earlier pattern is not read again, and spans
that are not claims (URLs, DOIs, ISBNs, page locators, table numbers,
citations, footnote markers, identifiers) are taken first without a
mention. The result is pure data: no spaCy here, so it is fast and easy to
test; keys and modality are added in :mod:`factcheck.extract.claims`.
"""

from __future__ import annotations

import datetime as dt
import functools
import regex as re
from dataclasses import dataclass, field, replace
from typing import Any

from factcheck.model import Time, Value
from factcheck.normalize import dates as D
from factcheck.normalize.numbers import DIGIT_NUMBER, NUMBER, SCALE, WORD_NUMBER, format_number, parse_number, parse_ordinal
from factcheck.normalize.units import unit_table


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str
    kind: str  # "quantity" | "date"
    value: Value | None = None
    time: Time | None = None
    flags: dict[str, Any] = field(default_factory=dict)


BOUND = (
    r"(?P<bound>more than about|more than|much more than|over|above|at least|no less than|no fewer than|nearly|almost|"
    r"about|approximately|approx\.|around|roughly|some|up to|less than|fewer than|under|below|close to|"
    r"just over|just under|an estimated|estimated|as many as|as much as|~)\s+"
)
_BOUND_OPT = f"(?:{BOUND})?"

# bound word -> (low/high shape, approx)
_BOUND_KIND = {
    "more than about": ("low", True), "more than": ("low", False), "much more than": ("low", False),
    "over": ("low", False), "above": ("low", False), "at least": ("low", False), "no less than": ("low", False),
    "no fewer than": ("low", False), "just over": ("low", True), "as many as": ("point", False),
    "as much as": ("point", False),
    "nearly": ("high", True), "almost": ("high", True), "just under": ("high", True), "close to": ("point", True),
    "about": ("point", True), "approximately": ("point", True), "approx.": ("point", True), "around": ("point", True),
    "roughly": ("point", True), "some": ("point", True), "an estimated": ("point", True), "estimated": ("point", True),
    "~": ("point", True),
    "up to": ("high", False), "less than": ("high", False), "fewer than": ("high", False), "under": ("high", False),
    "below": ("high", False),
}


def make_value(x: float, unit: str, bound: str | None, display: str) -> Value:
    shape, approx = _BOUND_KIND.get((bound or "").lower(), ("point", False))
    if shape == "low":
        return Value(x, unit, x, None, approx, display)
    if shape == "high":
        return Value(x, unit, None, x, approx, display)
    return Value(x, unit, x, x, approx, display)


def range_value(lo: float, hi: float, unit: str, display: str, approx: bool = False) -> Value:
    return Value(None, unit, min(lo, hi), max(lo, hi), approx, display)


# ---------------------------------------------------------------- exclusions
_EXCLUDE = [
    r"\bhttps?://\S+|\bwww\.\S+|(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}",  # bounded: linear on long runs
    r"\bdoi:?\s*10\.\S+|\b10\.\d{4,9}/\S+",
    r"\bISBN[:\s]*[\d\- X]{10,20}|\bISSN[:\s]*\d{4}-\d{3}[\dX]",
    r"\b\d{4}-\d{4}-\d{4}-\d{3}[\dX]\b",  # ORCID
    r"\bpp?\.\s*\d+(?:\s*[-–—]\s*\d+)?",
    r"\b(?:Table|Tab\.|Figure|Fig\.|Section|Chapter|Appendix|Article|Art\.|Vol\.|Volume|No\.|Nr\.|Issue|Part|Paragraph|Para\.|Law|Decree|Resolution|Order)\s+(?:No\.?\s*)?[\dIVXLC]+(?:[.\-]\d+)*\b",
    r"\b(?:[A-Z][A-Za-z]*[-/]?\d+[A-Za-z\d]*|[a-z]+\d+[a-z\d]*)\b",  # identifiers like AP19678, COVID-19, G20
    r"(?<![\d.])\d{1,3}(?:\.\d{1,3}){1,4}\.?(?=\s+[A-Z])",  # section numbers "2.1 Methods" (bounded)
    r"\(\s*\d{4}[a-z]?\s*\)",  # "(1990)" after a name, when not caught as a citation
    r"(?<![\d:])\d{1,3}:\d(?![\d:])",  # ratios and scores ("3:1", "won 2:0"), never a time of day
    # labels: "Respondent 2", "Interviewee 5", "Group 3", "Model 2" name a thing, they don't count it
    r"\b(?:Respondents?|Interviewees?|Participants?|Informants?|Experts?|Cases?|Groups?|Phases?|Waves?|Rounds?|Steps?|Stages?|Types?|Levels?|Models?|Scenarios?|Hypothes[ie]s|H|RQ|Questions?|Items?|Annex|Box|Map|Chart|Graph|Exhibit|Note|Footnote|Study|Sample|Panel|Block|Module|Unit|Lot|Room|Building|Route|Line|Grade|Class|Form)\s+\d{1,3}[a-z]?\b",
]


@functools.cache
def _exclude_re() -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in _EXCLUDE))


# ---------------------------------------------------------------- patterns
def _rel_pattern() -> str:
    num = rf"(?:{NUMBER}|a|an|one|several|a few|few)"
    return (
        rf"(?:(?:about|some|nearly|almost|over|more than|approximately)\s+)?{num}\s+(?:years?|decades?|centur(?:y|ies)|months?)\s+(?:ago|later|earlier|before|after)"
        rf"|\blast year\b|\bnext year\b|\bthe (?:previous|following) year\b"
        rf"|(?:(?:over|during|in|for|within)\s+)?the\s+(?:past|last|previous|preceding)\s+(?:{NUMBER}\s+|few\s+|two\s+)?(?:years|decades?|centur(?:y|ies)|months)\b"
        rf"|(?:(?:over|during|in|for|within)\s+)?the\s+(?:past|last|previous)\s+(?:year|decade|century)\b"
        # "over nearly two decades": a period reaching up to the anchor
        rf"|\bover\s+(?:nearly|almost|about|some|more\s+than)\s+{num}\s+(?:years|decades|centuries)\b"
    )


YEAR = r"(?:1[5-9]\d\d|20\d\d)"
MOD = r"(?:(?:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of|end\s+of|beginning\s+of)[\s-]+)?"
DAY_DATE = (
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{D.MONTH_RE}\s*,?\s*(?:of\s+)?{YEAR}\b"
    rf"|\b{D.MONTH_RE}\s+\d{{1,2}}(?:st|nd|rd|th)?\s*,\s*(?:of\s+)?{YEAR}\b"
    rf"|\b\d{{1,2}}\.\d{{1,2}}\.{YEAR}\b"
)
MONTH_DATE = rf"\b{MOD}{D.MONTH_RE},?\s+{YEAR}\b"
PERIOD = (
    rf"\b(?:the\s+)?(?:first|second|1st|2nd)\s+half\s+of\s+{YEAR}\b"
    rf"|\b(?:the\s+)?(?:first|second|third|fourth)\s+quarter\s+of\s+{YEAR}\b|\bQ[1-4]\s+{YEAR}\b"
    rf"|\b(?:the\s+)?(?:first|last)\s+\w+\s+months\s+of\s+{YEAR}\b"
    rf"|\b(?:spring|summer|autumn|fall|winter)\s+(?:of\s+)?{YEAR}\b"
)
DECADE = rf"\b{MOD}(?:the\s+)?(?:1[5-9]|20)\d0'?s\b|\b(?:the\s+)?{MOD}(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b"
CENTURY = r"\b(?:the\s+)?(?:(?:first|second|latter|early|later)\s+half\s+of\s+the\s+)?(?:\d{1,2}(?:st|nd|rd|th)|XVIII|XIX|XXI|XXII|XX|eighteenth|nineteenth|twentieth|twenty-first|twenty-second)(?:[’']st)?\s+century\b"
DATE_RANGE = (
    rf"\bbetween\s+(?P<m1>{D.MONTH_RE})\s+and\s+(?P<m2>{D.MONTH_RE})\s+(?P<y1>{YEAR})\b"
    rf"|\b(?:from\s+)?(?P<d1>{D.MONTH_RE}\s+\d{{1,2}})\s+(?:to|until|till|through|–|-)\s+(?P<d2>{D.MONTH_RE}\s+\d{{1,2}}),?\s+(?:of\s+)?(?P<y2>{YEAR})\b"
    rf"|\b(?P<ya>{YEAR})\s*[-–—/]\s*(?P<yb>{YEAR}|\d\d)\b(?!\s*(?:%|percent))"
)

# Day dates written without a comma, with a weekday, in ISO or numeric form
# ("July 02 2013", "Sat Nov 12 2011", "2013-09-26", "27/09/2013", "2012.08.08").
DAY_DATE_MORE = (
    rf"\b{D.MONTH_RE}\s*\d{{1,2}}(?:st|nd|rd|th)?\s+{YEAR}\b"
    rf"|\b(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+of\s+{D.MONTH_RE},?\s*{YEAR}\b"
    rf"|\b{YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\b"
    rf"|\b{YEAR}\.(?:0[1-9]|1[0-2])\.(?:0[1-9]|[12]\d|3[01])\b"
    rf"|\b(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2])/{YEAR}\b"
)
# A day and month with no year ("December 5", "Dec.14", "15 December", "the 19th of October").
MONTH_DAY = (
    rf"\b(?P<mon>{D.MONTH_RE})\s*(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*[-–]\s*(?P<d_end>\d{{1,2}}))?\b(?![.,:]?\d|\s*%)"
    rf"|\b(?:the\s+)?(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon2>{D.MONTH_RE})(?!\w|\.\w)"
)
_MONTH_FULL = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE_PREP = r"(?:[Ii]n|[Bb]y|[Ss]ince|[Uu]ntil|[Tt]ill|[Tt]hrough|[Dd]uring|[Ff]rom|[Bb]efore|[Aa]fter|[Bb]etween|[Tt]o|[Oo]f|[Tt]hat|[Tt]his|[Ll]ast|[Nn]ext|[Ee]arly|[Ll]ate|[Oo]ver|[Uu]p to)"
# A month named alone after a preposition ("in September", "by early October", "by the end of May").
MONTH_BARE = (
    rf"(?<=\b{_DATE_PREP}\s)(?P<mod>(?:early|late|mid-?|the\s+(?:end|beginning|middle|start)\s+of)\s*)?"
    rf"(?P<mon>{_MONTH_FULL})\b(?!\s*\d|['’]s)"
)
SEASON_BARE = (
    rf"(?<=\b(?:[Ii]n|[Dd]uring|[Bb]y|[Tt]hrough|[Uu]ntil|[Ss]ince|[Oo]ver|[Tt]hat|[Tt]his|[Ll]ast|[Nn]ext)\s)"
    rf"(?:the\s+)?(?P<mod>(?:early|late|mid-?)\s*)?(?P<season>spring|summer|autumn|winter)\b(?!\s*(?:of\s+)?\d|\s+(?:school|camp|session|term|olympics|games|house|time)\b)"
)
# Ranges of days or months ("22-25 April 1951", "August-September 1950", "14 August-24 August",
# "December 1979-February 1980", "26-30 November").
_DASH = r"\s*(?:[-–—]|to|until|through)\s*"
DAY_RANGE = (
    rf"\b(?P<a>\d{{1,2}}){_DASH}(?P<b>\d{{1,2}})\s+(?P<m>{D.MONTH_RE})(?:,?\s+(?:of\s+)?(?P<y>{YEAR}))?\b"
    rf"|\b(?P<a2>\d{{1,2}})\s+(?P<m2a>{D.MONTH_RE}){_DASH}(?P<b2>\d{{1,2}})\s+(?P<m2b>{D.MONTH_RE})(?:,?\s+(?:of\s+)?(?P<y2>{YEAR}))?\b"
    rf"|\b(?P<m3a>{D.MONTH_RE})\s+(?P<a3>\d{{1,2}}){_DASH}(?P<m3b>{D.MONTH_RE})\s+(?P<b3>\d{{1,2}})(?:,?\s+(?:of\s+)?(?P<y3>{YEAR}))?\b"
    rf"|\b(?P<m4a>{_MONTH_FULL})(?:\s+(?P<y4a>{YEAR}))?{_DASH}(?P<m4b>{_MONTH_FULL}),?\s+(?P<y4>{YEAR})\b"
)
# A day counted from the event just told ("two days later", "the next day", "that same day").
ANAPHORIC_DAY = (
    r"\b(?i:(?P<n>\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty)\s+"
    r"(?P<unit>days?|weeks?)\s+(?P<dir>later|after(?=\s+(?:that|this|the|it)\b)|earlier|before(?=\s+(?:that|this|the|it)\b))"
    r"|(?:the|on\s+the)\s+(?P<rel>following|next|previous|preceding)\s+day|the\s+day\s+(?P<rel2>after|before)"
    r"|(?:that|the)\s+same\s+day)\b"
)
_WEEKDAY = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
DEICTIC = (
    rf"\b(?i:(?P<word>yesterday|today|tonight|tomorrow|last\s+night|this\s+(?:morning|afternoon|evening)|"
    rf"(?P<rel>last|this|next)\s+(?P<span>week|weekend|month)))\b"
    rf"|\b(?:(?:early|late)\s+)?(?P<wd>{_WEEKDAY})(?:\s+(?:morning|afternoon|evening|night))?\b"
)
_TZ = (r"(?:GMT|UTC|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST|EET|EEST|IST|AKDT|AKST|HST|AEST|AEDT|JST|WIB|"
       r"local\s+time)(?:\s*[+-]\s*\d{1,2}(?::\s?\d{2})?)?")
_AMPM = r"(?:[ap]\.?\s?m\b\.?)"
_CLOCK_WORD = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
CLOCK = (
    rf"\b(?P<hm>(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?)(?:\s*{_AMPM})?(?:\s*(?P<tz>{_TZ})\b)?"
    rf"|\b(?:[01]?\d|2[0-3])\.[0-5]\d\s*{_AMPM}(?:\s*(?P<tz2>{_TZ})\b)?"
    rf"|\b(?:1[0-2]|0?[1-9])\s*{_AMPM}(?:\s*(?P<tz3>{_TZ})\b)?"
    rf"|\b(?:[01]\d|2[0-3])[0-5]\d\s*(?P<tz4>GMT|UTC|hrs\b)"
    rf"|\b(?:noon|midnight|midday)\b"
    rf"|\b(?:{_CLOCK_WORD}|1[0-2]|[1-9])\s+o['’]clock\b(?:\s+in\s+the\s+(?:morning|afternoon|evening))?"
)

_PLURAL_NOUN_AFTER = re.compile(r"\s+(?:[A-Z]?[a-z]+\s+){0,2}?(?:students|people|persons|residents|citizens|workers|companies|firms|projects|institutes|schools|members|units|children|families|tourists|visitors|respondents|employees|soldiers|troops|copies|books|films|km|hectares|tons|tonnes|times)\b")

_MEASURE_WORDS = None


def _measures() -> dict[str, str]:
    global _MEASURE_WORDS
    if _MEASURE_WORDS is None:
        _MEASURE_WORDS = {k.lower(): v for k, v in unit_table()["measures"].items()}
    return _MEASURE_WORDS


@functools.cache
def _patterns() -> list[tuple[str, re.Pattern]]:
    t = unit_table()
    cur_words = "|".join(sorted(map(re.escape, t["currency_words"]), key=len, reverse=True))
    cur_syms = "|".join(sorted(map(re.escape, t["currency_symbols"]), key=len, reverse=True))
    measures = "|".join(sorted(map(re.escape, _measures()), key=len, reverse=True))
    pct = r"(?:\s?%|\s?percent\b|\s?per\s?cent\b|\s?pct\b)"
    num = NUMBER
    flags = re.I
    return [
        ("relative", re.compile(rf"\b{_rel_pattern()}", flags)),
        ("day_range", re.compile(DAY_RANGE, flags)),
        ("day", re.compile(DAY_DATE_MORE, flags)),
        ("date_range", re.compile(DATE_RANGE, flags)),
        ("day", re.compile(DAY_DATE, flags)),
        ("clock", re.compile(CLOCK, flags)),
        ("anaphoric_day", re.compile(ANAPHORIC_DAY)),
        ("period", re.compile(PERIOD, flags)),
        ("month", re.compile(MONTH_DATE, flags)),
        ("century", re.compile(CENTURY, flags)),
        ("decade", re.compile(DECADE, flags)),
        ("month_day", re.compile(MONTH_DAY, flags)),
        ("month_bare", re.compile(MONTH_BARE)),
        ("season_bare", re.compile(SEASON_BARE, flags)),
        ("deictic", re.compile(DEICTIC)),
        ("money", re.compile(
            rf"(?<![\w$]){_BOUND_OPT}(?P<sym>{cur_syms})\s?(?P<n>{DIGIT_NUMBER})(?:\s?(?P<scale>{SCALE}))?\b"
            rf"|(?<!\w){_BOUND_OPT}(?P<n2>{DIGIT_NUMBER}|{WORD_NUMBER})(?:\s?(?P<scale2>{SCALE}))?\s+(?:US\s+)?(?P<word>{cur_words})\b",
            flags)),
        ("pct_range", re.compile(rf"(?<![\w.]){_BOUND_OPT}(?P<a>{DIGIT_NUMBER})\s*(?:%|percent)?\s*(?:[-–—]|to)\s*(?P<b>{DIGIT_NUMBER}){pct}", flags)),
        ("percent", re.compile(rf"(?<![\w.]){_BOUND_OPT}(?P<n>{num}){pct}", flags)),
        ("fraction", re.compile(rf"(?<!\w){_BOUND_OPT}(?P<n>a quarter|a third|two[- ]thirds|three[- ]quarters|half)(?=\s+(?:of\b|did\b|do\b|were\b|are\b|said\b))", flags)),
        ("times", re.compile(rf"(?<![\w.]){_BOUND_OPT}(?P<n>{num})\s*(?:times|-fold|fold)\b|\b(?P<w>twofold|threefold|fourfold|fivefold|tenfold)\b", flags)),
        ("measure", re.compile(rf"(?<![\w.]){_BOUND_OPT}(?P<n>{num})(?:\s|-)(?P<u>{measures})(?![\w-])", flags)),
        ("ordinal", re.compile(
            r"\b(?P<o>(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,3}(?:st|nd|rd|th))(?:-(?:largest|biggest|most|highest|lowest|smallest|ranked|place|richest|busiest)\b)?|number one|top (?:ten|five|three|\d{1,3}))\b",
            flags)),
        ("event_year", re.compile(rf"(?<=\b[A-Za-z]{{2,}}-)(?P<y>{YEAR})\b")),
        ("year", re.compile(rf"(?<![\w$.,/-]){MOD}(?P<y>{YEAR})(?![\w%]|[.,]\d|\s?(?:{SCALE}|percent)\b)", flags)),
        ("count", re.compile(rf"(?<![\w$.,/-]){_BOUND_OPT}(?P<n>{num})(?![\w%]|[.,]\d)", flags)),
    ]


_NAMED_ORDINAL = re.compile(
    r"\s+(?:\w+\s+){0,2}?(?:session|convocation|congress|plenum|plenary|summit|conference|anniversary|edition|"
    r"assembly|forum|meeting|parliament|duma|dynasty|amendment|party congress)\b", re.I)

_DISCOURSE_ORDINAL_NOUNS = frozenset(
    "component aim step part section question stage group vector direction reason point way type level "
    "thing factor area aspect case category example instance phase option argument approach dimension "
    "element feature issue objective priority problem task principle half of".split()
)


def _ordinal_ok(text: str, m: re.Match) -> bool:
    """Keep an ordinal that ranks an entity or event, not one that orders the text."""
    word = m.group("o").lower()
    if "-" in word or word.startswith(("number", "top")) or re.match(r"\d", word):
        after = text[m.end():m.end() + 20].lower()
        if re.match(r"\d", word) and re.match(r"\s*century", after):
            return False
        if re.match(r"\d", word) and _NAMED_ORDINAL.match(after):
            return False
        return True
    before = text[max(0, m.start() - 12):m.start()].lower()
    after = text[m.end():m.end() + 40]
    if _NAMED_ORDINAL.match(after):
        return False  # "the sixth Plenary Session", "the 17th convocation": a name
    if not after.strip() or after[:1] in ",:;." or re.match(r"\s*(?:of all|and foremost|,)", after):
        return False  # "First, ..." / "the first of"
    if re.search(r"(?:^|[.!?]\s*)$", before) and m.start() < 3:
        return False
    nxt = re.match(r"\s+(?:such\s+)?([A-Za-z]+)", after)
    if nxt and nxt.group(1).lower() in _DISCOURSE_ORDINAL_NOUNS:
        return False
    if re.search(r"\b(?:the|its|their|his|her|a)\s*$", before) or re.match(r"\s+(?:[A-Z]|time|such|ever|international|official|foreign|joint|branch|\w+ed\b)", after):
        return True
    if re.search(r"\b(?:was|were|is|are|be|been)\s*$", before) and re.match(r"\s+\w+ed\b", after):
        return True  # "was first opened"
    return False


def _broken_urls(text: str) -> list[tuple[int, int]]:
    """URLs, including ones PDF/OCR extraction broke with spaces.

    "http://www. example. com. cn/news/2011-10/24/content 9119449 2. htm": a
    URL continues across a space while the piece before it ends in "." "/"
    or "-", or the next piece is a number or looks like a path/extension.
    """
    out = []
    for m in re.finditer(r"\b(?:https?://|www\.)", text):
        end = m.start()
        pieces = re.finditer(r"\S+", text[m.start():m.start() + 300])
        prev = ""
        for i, p in enumerate(pieces):
            piece = p.group()
            if i and not (prev.endswith((".", "/", "-", "_")) or re.match(r"\d|htm|html|php|aspx?|cn\b|com\b|org\b|ru\b|kz\b|/", piece)):
                break
            end = m.start() + p.end()
            prev = piece
            if piece.endswith((")", "]", ">")):
                break
        out.append((m.start(), end))
    return out


def _bound(m: re.Match) -> str | None:
    try:
        b = m.group("bound")
    except IndexError:
        return None
    return b.lower() if b else None


def find_mentions(text: str, base: int = 0, taken: list[tuple[int, int]] | None = None) -> list[Mention]:
    """Mentions in one paragraph; ``taken`` spans (absolute) are never read."""
    occupied = bytearray(len(text))

    def free(s: int, e: int) -> bool:
        return not any(occupied[s:e])

    def take(s: int, e: int) -> None:
        occupied[s:e] = b"\x01" * (e - s)

    for s, e in taken or []:
        s, e = max(0, s - base), min(len(text), e - base)
        if s < e:
            take(s, e)
    for a, b in _broken_urls(text):
        take(a, b)
    for m in _exclude_re().finditer(text):
        # ordinals such as "21st" and decades such as "1990s" are not identifiers
        if re.fullmatch(rf"{D.MONTH_RE}[-/]?\d{{1,2}}", m.group()):
            continue  # "August-24" of "14 August-24 September": a date range, not an identifier
        if re.fullmatch(r"[A-Za-z]+-(?:1[5-9]\d\d|20\d\d)", m.group()):
            continue  # "Expo-2010": an event year, not an identifier
        if re.fullmatch(r"\d+(?:st|nd|rd|th|s|'s)", m.group()) or re.fullmatch(r"\d+(?:km|ha|kg|mw|gw|bn|m|k)", m.group(), re.I):
            continue
        take(m.start(), m.end())

    out: list[Mention] = []
    for name, pat in _patterns():
        for m in pat.finditer(text):
            s, e = m.start(), m.end()
            # trim leading space captured by optional groups
            while s < e and text[s].isspace():
                s += 1
            if s >= e or not free(s, e):
                continue
            mention = _build(name, m, text, s, e)
            if mention is None:
                continue
            take(s, e)
            mention.start += base
            mention.end += base
            out.append(mention)
    out.sort(key=lambda x: (x.start, x.end))
    return out


def _build(name: str, m: re.Match, text: str, s: int, e: int) -> Mention | None:
    span = text[s:e]
    if name == "relative":
        off = D.parse_relative(span)
        if off is None:
            return None
        return Mention(s, e, span, "date", time=D.unresolved_relative(off), flags={"relative": True})
    if name == "date_range":
        if m.group("m1"):
            y = int(m.group("y1"))
            a = D.parse_absolute(f"{m.group('m1')} {y}")
            b = D.parse_absolute(f"{m.group('m2')} {y}")
        elif m.group("d1"):
            y = m.group("y2")
            a = D.parse_absolute(f"{m.group('d1')}, {y}")
            b = D.parse_absolute(f"{m.group('d2')}, {y}")
        else:
            ya, yb = m.group("ya"), m.group("yb")
            if len(yb) == 2:
                yb = ya[:2] + yb
            if int(yb) <= int(ya) or int(yb) - int(ya) > 100:
                return None
            a, b = D.year_time(int(ya)), D.year_time(int(yb))
        if not a or not b:
            return None
        lead = re.match(r"from\s+", span, re.I)
        if lead:
            s += lead.end()
            span = text[s:e]
        return Mention(s, e, span, "date", time=D.span_time(a, b), flags={"span": True})
    if name == "clock":
        return _clock(m, text, s, e, span)
    if name == "day_range":
        return _day_range(m, s, e, span)
    if name == "anaphoric_day":
        low = span.lower()
        if m.group("n"):
            n = 1 if m.group("n").lower() in ("a", "one") else parse_number(m.group("n"))
            if n is None:
                return None
            n = int(n) * (7 if m.group("unit").lower().startswith("week") else 1)
            n = -n if m.group("dir").lower() in ("earlier", "before") else n
        elif "same" in low:
            n = 0
        else:
            n = 1 if (m.group("rel") or m.group("rel2") or "").lower() in ("following", "next", "after") else -1
        return Mention(s, e, span, "date", time=D.unresolved("day"), flags={"anaphoric": n})
    if name in ("month_day", "month_bare", "season_bare", "deictic"):
        return _partial(name, m, text, s, e, span)
    if name == "day":
        iso = re.fullmatch(r"(\d{4})[-.](\d\d)[-.](\d\d)", span)
        if iso:
            try:
                return Mention(s, e, span, "date", time=D.day_time(dt.date(*map(int, iso.groups()))))
            except ValueError:
                return None
    if name == "century" and re.search(r"\bCentury\b", span) and re.search(r"\b[A-Z][a-z]+\s+(?:of\s+)?(?:the\s+)?$", text[max(0, s - 30):s]):
        return None  # "Maritime Silk Road of the 21st Century": part of a name
    if name in ("day", "period", "month", "century", "decade"):
        t = D.parse_absolute(re.sub(r"^(?:the\s+)", "", span, flags=re.I) if name != "decade" else span)
        if t is None:
            return None
        return Mention(s, e, span, "date", time=t)
    if name == "event_year":
        t = D.parse_absolute(span)
        return Mention(s, e, span, "date", time=t) if t else None
    if name == "year":
        if _PLURAL_NOUN_AFTER.match(text, e):
            return None  # "2000 students": a count
        before = text[max(0, s - 12):s].lower()
        if re.search(r"(?:more than|over|about|nearly|almost|around|some|reach|reached|to|of)\s*$", before) and \
                re.match(r"\s+[a-z]+s\b", text[e:e + 20]):
            return None
        t = D.parse_absolute(span)
        return Mention(s, e, span, "date", time=t) if t else None
    if name == "ordinal":
        if not _ordinal_ok(text, m):
            return None
        n = parse_ordinal(m.group("o"))
        if n is None:
            return None
        word = m.group("o").lower()
        v = Value(float(n), "ordinal", None if word.startswith("top") else float(n), float(n), False, span)
        flags = {"ordinal": n}
        if n == 1 and not word.startswith(("top", "number")) and "-" not in word:
            flags["first"] = True
        return Mention(s, e, span, "quantity", value=v, flags=flags)
    bound = _bound(m)
    if bound == "up to" and _RISE_VERB.search(text[max(0, s - 24):s]):
        # "had gone up to $28.6 billion": a verb particle, not an upper bound
        s += re.match(r"up\s+to\s+", span, re.I).end()
        span = text[s:e]
        bound = None
    if name == "money":
        n_text = m.group("n") or m.group("n2")
        scale = m.group("scale") or m.group("scale2")
        x = parse_number(n_text + (f" {scale}" if scale else ""))
        if x is None:
            return None
        t = unit_table()
        unit = t["currency_symbols"].get(m.group("sym")) if m.group("sym") else t["currency_words"].get(m.group("word").lower())
        return Mention(s, e, span, "quantity", value=make_value(x, unit, bound, span))
    if name == "pct_range":
        if re.search(r"\b(?:from|between)\s+$", text[max(0, s - 10):s], re.I) and " to " in span:
            return None  # "rose from 20% to 35%": two values, a change, not an interval
        a, b = parse_number(m.group("a")), parse_number(m.group("b"))
        if a is None or b is None or a >= b:
            return None
        flags = _rate_flags(text, e)
        return Mention(s, e, span, "quantity", value=range_value(a, b, "percent", span, bool(bound)), flags=flags)
    if name in ("percent", "fraction"):
        x = parse_number(m.group("n"))
        if x is None:
            return None
        if name == "fraction":
            x *= 100
        return Mention(s, e, span, "quantity", value=make_value(x, "percent", bound, span), flags=_rate_flags(text, e))
    if name == "times":
        if m.group("w"):
            x = float({"two": 2, "three": 3, "four": 4, "five": 5, "ten": 10}[m.group("w").lower()[:-4]])
        else:
            x = parse_number(m.group("n"))
        if x is None:
            return None
        return Mention(s, e, span, "quantity", value=make_value(x, "times", bound, span), flags={"multiplier": True})
    if name == "measure":
        x = parse_number(m.group("n"))
        if x is None:
            return None
        unit = _measures()[m.group("u").lower()]
        if unit == "decade_of_years":  # "a two-decade advantage": report durations in years
            x, unit = x * 10, "year"
        flags = {}
        if unit in ("year", "month", "day", "decade", "week", "hour") and "-" in span:
            flags["duration_adj"] = True
        return Mention(s, e, span, "quantity", value=make_value(x, unit, bound, span), flags=flags)
    if name == "count":
        n_text = m.group("n")
        low = n_text.lower()
        if low in ("one", "a", "an", "half", "a half") or (low in ("a quarter", "a third") and not bound):
            return None
        if re.fullmatch(r"\d{1,2}", n_text) and _is_list_number(text, s):
            return None
        before = text[max(0, s - 10):s].lower()
        if low in ("two",) and re.search(r"\b(?:the|these|those|both|all)\s*$", before):
            return None  # "the two countries": anaphora
        if re.search(r"\bone\s+of\s*$", before):
            return None
        x = parse_number(n_text)
        if x is None:
            return None
        if not n_text[0].isdigit() and re.match(r"\s*(?:of\s+(?:the|them|these|its|their)\b|-\s*(?:year|day|month))", text[e:e + 20]):
            return None
        return Mention(s, e, span, "quantity", value=make_value(x, "count", bound, format_number(x) if not n_text[0].isdigit() else span))
    return None


_CLOCK_APPROX = re.compile(r"\b(?:about|around|approximately|roughly|shortly\s+(?:after|before)|just\s+(?:after|before)|soon\s+after|some\s+time\s+(?:after|before))\s+(?:at\s+)?$", re.I)
_NOT_CLOCK_BEFORE = re.compile(r"\b(?:ratio|ratios|score|scored|odds|margin|won|lost|beat|defeated|verse|verses|chapter)\s+(?:of\s+|by\s+)?(?:a\s+)?$", re.I)


def _clock(m: re.Match, text: str, s: int, e: int, span: str) -> Mention | None:
    """A time of day: minutes after midnight, unit ``time_of_day``."""
    before = text[max(0, s - 30):s]
    if m.group("hm") and (_NOT_CLOCK_BEFORE.search(before) or re.match(r"\s*(?:ratio|majority|lead|win|victory|defeat|split)\b", text[e:e + 12], re.I)):
        return None  # "a 3:1 ratio", "won 2:1"
    if m.group("hm") and re.search(r"[A-Z][a-z]+\s+$", before) and not re.search(r"\b(?:[Aa]t|[Bb]y|[Uu]ntil|[Ff]rom|[Aa]fter|[Bb]efore|[Aa]round)\s+$", before) \
            and not re.search(_AMPM, span, re.I):
        return None  # "John 3:16": a reference, not a time
    parsed = D.parse_clock(span + text[e:e + 20] if "o'clock" in span or "o’clock" in span else span)
    if parsed is None:
        return None
    minutes, fixed = parsed
    approx = bool(_CLOCK_APPROX.search(before))
    tz = next((m.group(g) for g in ("tz", "tz2", "tz3", "tz4") if m.group(g)), None)
    flags = {"clock": True, "half_day_known": fixed}
    if tz and tz.lower() != "hrs":
        flags["tz"] = re.sub(r"\s+", " ", tz.upper().replace("LOCAL TIME", "local"))
    v = Value(float(minutes), "time_of_day", float(minutes), float(minutes), approx, span)
    return Mention(s, e, span, "quantity", value=v, flags=flags)


def _day_range(m: re.Match, s: int, e: int, span: str) -> Mention | None:
    """A range of days or months; without a year it is partial, resolved like "September 17"."""
    def mon(g):
        return D.MONTHS[m.group(g).lower().rstrip(".")] if m.group(g) else None

    if m.group("a"):
        ma, mb, da, db, y = mon("m"), mon("m"), int(m.group("a")), int(m.group("b")), m.group("y")
    elif m.group("a2"):
        ma, mb, da, db, y = mon("m2a"), mon("m2b"), int(m.group("a2")), int(m.group("b2")), m.group("y2")
    elif m.group("a3"):
        ma, mb, da, db, y = mon("m3a"), mon("m3b"), int(m.group("a3")), int(m.group("b3")), m.group("y3")
    else:
        ma, mb, y = mon("m4a"), mon("m4b"), m.group("y4")
        ya = int(m.group("y4a")) if m.group("y4a") else int(y)
        if (ya, ma) >= (int(y), mb):
            return None
        t = D.span_time(D.month_time(ya, ma), D.month_time(int(y), mb))
        return Mention(s, e, span, "date", time=t, flags={"span": True})
    if (ma, da) >= (mb, db) or not (1 <= da <= 31 and 1 <= db <= 31):
        return None
    spec = ("dayspan", ma, da, mb, db)
    if y:
        t = D.resolve_partial(spec, int(y), "")
        if t is None:
            return None
        return Mention(s, e, span, "date", time=replace(t, anchor=None), flags={"span": True})
    return Mention(s, e, span, "date", time=D.unresolved("day"), flags={"partial": spec, "span": True})


def _partial(name: str, m: re.Match, text: str, s: int, e: int, span: str) -> Mention | None:
    """A date whose year or week the text leaves implicit; resolved later against an anchor."""
    if name == "deictic":
        if m.group("wd"):
            if re.match(r"['’]s\s+(?:edition|paper|issue)", text[e:e + 12]):
                return None
            spec, gran = ("weekday", D.WEEKDAYS[m.group("wd").lower()]), "day"
        else:
            word = re.sub(r"\s+", " ", m.group("word").lower())
            if m.group("span"):
                n = {"last": -1, "this": 0, "next": 1}[m.group("rel").lower()]
                unit = m.group("span").lower()
                spec, gran = (("month", n), "month") if unit == "month" else (("week", n), "week")
            else:
                n = {"yesterday": -1, "last night": -1, "tomorrow": 1}.get(word, 0)
                spec, gran = ("day", n), "day"
        return Mention(s, e, span, "date", time=D.unresolved(gran), flags={"deictic": spec})
    if name == "season_bare":
        spec = ("season", m.group("season").lower(), bool(m.group("mod")))
        return Mention(s, e, span, "date", time=D.unresolved("season"), flags={"partial": spec})
    mon_text = m.group("mon") if name == "month_bare" else (m.group("mon") or m.group("mon2"))
    if not mon_text[0].isupper():
        return None  # "may 5": a verb, not May
    month = D.MONTHS[mon_text.lower().rstrip(".")]
    if name == "month_bare":
        spec = ("month", month, bool(m.group("mod")))
        return Mention(s, e, span, "date", time=D.unresolved("month"), flags={"partial": spec})
    day = int(m.group("d") or m.group("d2"))
    if not 1 <= day <= 31:
        return None
    if m.group("d") and re.match(r"\s*(?:[A-Za-z]+\s+)?(?:people|persons|percent|times|years|months|days|of\s+(?:them|the|these))\b", text[e:e + 30], re.I):
        return None
    end = int(m.group("d_end")) if m.group("d") and m.group("d_end") else None
    spec = ("days", month, day, end) if end and end > day else ("day", month, day)
    return Mention(s, e, span, "date", time=D.unresolved("day"), flags={"partial": spec})


_RISE_VERB = re.compile(r"\b(?:gone|go|goes|going|went|rose|risen|rise|rises|rising|climbed|climb|grown|grew|increased|jumped|shot|moved|come|came|added|ramped|scaled|built|stepped|end(?:ed)?|sum(?:med)?|add(?:s|ed)?)\s+$", re.I)


def _is_list_number(text: str, s: int) -> bool:
    """"1. Onto its cultures", "2) Political values": list numbering, not a count."""
    return s == 0 and re.match(r"\d{1,2}\s*[.)]\s", text) is not None


def _rate_flags(text: str, e: int) -> dict:
    after = text[e:e + 40].lower()
    if re.match(r"\s*(?:per\s+(?:year|annum)|a\s+year|annually|each\s+year|every\s+year|yearly|year-on-year|y/y)", after):
        return {"rate": "year"}
    return {}

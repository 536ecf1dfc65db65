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
from factcheck.normalize.numbers import DIGIT_NUMBER, NUMBER, SCALE, SCALES, SHORT_SCALE, WORD_NUMBER, format_number, parse_number, parse_ordinal
from factcheck.normalize.units import symbol_unit, unit_table


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
    r"(?P<bound>no more than|not more than|no fewer than|not less than|at most|more than about|more than|much more than|over|above|at least|no less than|no fewer than|nearly|almost|"
    r"about|approximately|approx\.|around|roughly|some|up to|less than|fewer than|under|below|close to|"
    r"just over|just under|a little over|a little under|slightly over|slightly under|slightly more than|slightly less than|a little more than|a little less than|an estimated|estimated|as many as|as much as|exceeding|exceeded|exceeds|surpassed|surpasses|topped|in excess of|upwards of|upward of|higher than|greater than|taller than|longer than|"
    r"larger than|bigger than|lower than|smaller than|shorter than)\s+|(?P<tilde>[~∼≈])\s?"
)
_BOUND_OPT = f"(?:(?i:{BOUND}))?"  # "Up to 40 cm": bound words in any case, even where units are case-sensitive

# bound word -> (low/high shape, approx)
_BOUND_KIND = {
    "more than about": ("low", True), "more than": ("low", False), "much more than": ("low", False),
    "over": ("low", False), "above": ("low", False), "at least": ("low", False), "no less than": ("low", False),
    "no fewer than": ("low", False), "just over": ("low", True), "a little over": ("low", True),
    "slightly over": ("low", True), "slightly more than": ("low", True), "a little more than": ("low", True),
    "a little under": ("high", True), "slightly under": ("high", True), "slightly less than": ("high", True),
    "a little less than": ("high", True), "as many as": ("point", False),
    "as much as": ("point", False),
    "nearly": ("high", True), "almost": ("high", True), "just under": ("high", True), "close to": ("point", True),
    "about": ("point", True), "approximately": ("point", True), "approx.": ("point", True), "around": ("point", True),
    "roughly": ("point", True), "some": ("point", True), "an estimated": ("point", True), "estimated": ("point", True),
    "~": ("point", True),
    "up to": ("high", False), "less than": ("high", False), "fewer than": ("high", False), "under": ("high", False),
    "below": ("high", False), "no more than": ("high", False), "not more than": ("high", False), "at most": ("high", False),
    "not less than": ("low", False), "exceeding": ("low", False), "in excess of": ("low", False),
    # a verb that says the figure was passed ("ticket sales exceeded $2 billion", "topped 1 million")
    "exceeded": ("low", False), "exceeds": ("low", False), "surpassed": ("low", False), "surpasses": ("low", False),
    "topped": ("low", False),
    "upwards of": ("low", False), "upward of": ("low", False), "higher than": ("low", False), "greater than": ("low", False),
    "taller than": ("low", False), "longer than": ("low", False), "larger than": ("low", False),
    "bigger than": ("low", False), "lower than": ("high", False), "smaller than": ("high", False),
    "shorter than": ("high", False),
}


BOUND_KIND = _BOUND_KIND  # bound word -> (low/high/point, approx), read by the checks


# a hedge told after the figure, as fact boxes do
_APPROX_AFTER = re.compile(r"\s*\(\s*(?:approx(?:\.|imate(?:ly)?)?|est(?:\.|imated?)?|estimate|roughly|about|circa|ca\.)\s*\)", re.I)


# verbs of passing a figure: a bound of an amount ("sales exceeded $2 billion"), but of a count they
# count what was passed ("topped 12 other clubs", "surpassed three rivals")
PASSING_VERBS = frozenset({"exceeded", "exceeds", "surpassed", "surpasses", "topped"})


def make_value(x: float, unit: str, bound: str | None, display: str) -> Value:
    if (bound or "").lower() in PASSING_VERBS and unit == "count":
        bound = None
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
    r"(?<![\d.,$€£])\d{1,3}(?:\.\d{1,3}){1,4}\.?(?=\s+(?![AaPp]\.?[Mm]\b)[A-Z])",  # section numbers "2.1 Methods" (bounded; not "14.00 PM")
    r"\(\s*\d{4}[a-z]?\s*\)",  # "(1990)" after a name, when not caught as a citation
    r"(?<![\d:])\d{1,3}:\d(?![\d:])",  # ratios and scores ("3:1", "won 2:0"), never a time of day
    r"(?:\[\d{1,3}(?:[,–-]\d{1,3})*\])+",  # citation and footnote markers: "[4][5]", "[1-3]"
    # set and game scores: "6-4 (3), 4-6 (8), 6-2", a list of tallies
    r"\b\d{1,2}[-–]\d{1,2}(?:\s*\(\d{1,2}\))?(?:,\s*\d{1,2}[-–]\d{1,2}(?:\s*\(\d{1,2}\))?)+\b",
    # a name with a number before a singular noun: "Kestrel 4 rocket", "Orbis 2 satellite", "Vanta X 300 launcher"
    r"(?<=[A-Za-z,;]\s)(?!(?:Rs|In|On|At|By|About|Some|Over|Under|Nearly|Around|Only|Just|All|Of|For|With|After|Before|Since|Until|From|To|"
    r"Another|Almost|Roughly|Approximately|Exactly|These|Those|The|A|An|Its|Their|His|Her|Our|My|Your|Total|Last|First|"
    r"Top|Up|Down|And|But|Or|Nor|So|Then|Than|When|While|Where|Some|Most|More|Less|Fewer|Least|Even|Also|Each|Every|Per|Aged|Age|Ages)\b)(?!(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|no|number|page|vol|us|uk)\b)"
    r"[A-Z][a-z]+(?:\s[A-Z]{1,4})?\s\d{1,4}(?=\s(?!(?:percent|per|million|billion|thousand|hundred|crores?|lakhs?|times|years?|days?|months?|weeks?|hours?|minutes?|people|men|women)\b)[a-z]{3,}(?<!s)\b)",
    r"\b(?i:flight|train|bus|route|case|file|ticket|item|model|serial)\s+(?i:no\.?|number|#)\s*\d+",
    r"(?<![\w*])\*\d{1,5}\b",  # star pagination of law reports: "*380"
    r"(?<![\d.,$€£¥₹])\d{7,}(?!\d|[.,]\d|\s?(?:%|[A-Za-z]))",  # bare runs of 7+ digits: identifiers, not amounts
    # names with a number: "ABC 50", "X&Y 300", "zOS 7", "QRST 40" (an acronym or camel-case word, then 1-3 digits)
    r"\b(?!(?:USD|EUR|GBP|INR|AUD|CAD|NZD|HKD|SGD|JPY|KRW|CHF|RMB|CNY|US|UK|EU|UN|Rs|AM|PM|GMT|UTC|[A-Z]{1,2}[DS]T|IST|CET|CEST|"
    r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|"
    r"november|december|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b)(?:[A-Z][A-Z&]+[A-Z]|[a-z]+[A-Z][A-Za-z]*)\s\d{1,3}\b(?!\s*(?:%|percent|per\s?cent|million|billion|thousand|[-–]|,\d|\.\d))"
    # (not a figure with its unit after words run together by a page's markup: "dimensionsSpan 260 metres")
    r"(?!\s*(?:m|km|cm|mm|ft|mi|kg|lb|lbs|metres?|meters?|kilometres?|kilometers?|feet|foot|inches|miles?|tons?|tonnes?|kilograms?)\b)",
    # labels: "Respondent 2", "Interviewee 5", "Group 3", "Model 2" name a thing, they don't count it
    # the same labels in lower case, when the number ends the phrase: "according to survey 3.", "in phase 2 of
    # the trial", "see table 4" (a count is followed by what it counts: "survey 3 towns" is not this)
    r"\b(?i:survey|study|table|figure|fig\.|section|chapter|appendix|group|wave|round|phase|stage|step|question|item|"
    r"scenario|model|sample|cohort|arm|experiment|room|gate|route|platform|terminal|exhibit|annex|box|panel|"
    r"episode|season|track|lane|runway|pier|berth|ward|district|zone|sector)\s+\d{1,3}[a-z]?\b(?=\s*(?:[.,;:!?)\]]|$|"
    r"\s(?:of|in|on|at|and|or|with|for|from|to|by|was|were|is|are|has|had|shows?|found|reports?|says?|said)\b))",
    # enumerators: "(1) What soft power ...", "(ii) the second"
    r"(?<![\w)])\(\s*(?:\d{1,2}|[ivx]{1,4})\s*\)(?=\s+[A-Za-z])",
    r"\b(?:Respondents?|Interviewees?|Participants?|Informants?|Experts?|Cases?|Groups?|Phases?|Waves?|Rounds?|Steps?|Stages?|Types?|Levels?|Models?|Scenarios?|Hypothes[ie]s|H|RQ|Questions?|Items?|Annex|Box|Map|Chart|Graph|Exhibit|Note|Footnote|Study|Sample|Panel|Block|Module|Unit|Lot|Room|Building|Route|Line|Grade|Class|Form|District|Ward|Precinct|Zone|Sector|Platform|Gate|Terminal|Flight|Channel|Highway|Interstate|Rule|Clause|Schedule|Count|Docket|Exhibition|Episode|Season|Track|Pier|Berth|Bay|Lane|Runway|Seat|Division)\s+\d{1,3}[a-z]?(?:\([a-z0-9]\))?\b",
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
    # the second month of a pair ("during August and September", "the carnage of November and January")
    rf"|(?<=\b(?:{_MONTH_FULL})\s+(?:and|or)\s)(?P<mon3>{_MONTH_FULL})\b(?!\s*\d|['’]s)"
    # a month naming an event of the story ("a March operation", "the costly August battles")
    rf"|(?<=\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|costly|bloody|early|late)\s)(?P<mon4>{_MONTH_FULL})"
    rf"(?=\s+(?:operations?|offensives?|battles?|campaigns?|elections?|attacks?|uprisings?|revolution|decrees?|strikes?|raids?|coup|massacre|riots?|protests?|fighting)\b)"
)
_SEASON_NOT = r"(?!\s*(?:of\s+)?\d|\s+(?:school|camp|session|term|olympics|games|house|time|collection|wheat|squash|roll|rolls)\b)"
SEASON_BARE = (
    rf"(?<=\b(?:[Ii]n|[Dd]uring|[Bb]y|[Tt]hrough|[Tt]hroughout|[Uu]ntil|[Ss]ince|[Oo]ver|[Tt]hat|[Tt]his|[Ll]ast|[Nn]ext|[Ss]ame|[Ss]pent)\s)"
    rf"(?:the\s+)?(?P<mod>(?:early|late|mid-?)\s*)?(?P<season>spring|summer|autumn|winter|fall(?!\s+(?:of|in|to|from|on|back|behind|short|apart)\b)(?=\s+(?:and|campaign|offensive)\b|\s*[,.;)]))\b{_SEASON_NOT}"
    # the second season of a pair ("throughout the fall and winter", "summer and autumn 1918" is a range)
    rf"|(?<=\b(?:spring|summer|autumn|fall|winter)\s+and\s)(?P<mod2>)(?P<season2>spring|summer|autumn|winter)\b{_SEASON_NOT}"
    # the first season of a pair with a year ("summer and autumn 1918")
    rf"|\b(?P<mod4>)(?P<season4>spring|summer|autumn|fall|winter)(?=\s+and\s+(?:early\s+|late\s+)?(?:spring|summer|autumn|fall|winter)\s+(?:of\s+)?\d{{4}}\b)"
    # a season naming a campaign ("launched their main summer offensive", "Meade's fall campaign")
    rf"|(?<=(?:\b\w+|['’]s)\s[\"“]?)(?P<mod3>)(?P<season3>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)(?=\s+(?:[Oo]ffensives?|[Cc]ampaigns?)\b)"
)
# Ranges of days or months ("22-25 April 1951", "August-September 1950", "14 August-24 August",
# "December 1979-February 1980", "26-30 November").
_DASH = r"\s*(?:[-–—]|to|until|through)\s*"
DAY_RANGE = (
    rf"\b(?P<a>\d{{1,2}})(?:,\s*\d{{1,2}}){{0,6}}(?:{_DASH}|,?\s+(?:and|to|&)\s+)(?P<b>\d{{1,2}})\s+(?P<m>{D.MONTH_RE})(?:,?\s+(?:of\s+)?(?P<y>{YEAR}))?\b"
    # a list of days of one month: "August 15, 16, 17, 1969", "May 3, 4 and 5" (read as the span of those days)
    rf"|\b(?P<m5>{D.MONTH_RE})\s+(?P<a5>\d{{1,2}})(?:,\s*\d{{1,2}}){{0,6}}(?:,?\s+(?:and|&)\s+(?P<b5>\d{{1,2}})(?:,?\s+(?P<y5>{YEAR}))?|,\s*(?P<b5y>\d{{1,2}}),\s+(?P<y5y>{YEAR}))\b"
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
# A day of the month told alone, after a date of that month ("On the 5th, the Soviets offered ...",
# "on the 28th of that month"): resolved against the latest month told before it.
DAY_OF_MONTH = (
    r"(?<=\b(?:[Oo]n|[Bb]y|[Uu]ntil|[Tt]ill|[Ss]ince|[Bb]efore|[Aa]fter)\s)the\s+(?P<dom>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b"
    # (its month after it, or a comma: "On the 5th," and not "moved up to the 3rd spot")
    r"(?:\s+of\s+(?:that|the\s+same)\s+month\b|(?=\s*[,.;:)]))"
    r"(?!\s+(?:of\s+)?(?:[A-Za-z]+\s+)?(?:century|centuries|anniversary|floor|time|times|day|place|minute|round|division|army|"
    r"armies|corps|regiment|brigade|battalion|fleet|infantry|panzer|amendment|congress|parliament|district|street|avenue|"
    r"precinct|hole|inning|lap|stage|grade|percentile|birthday|edition|session|dynasty|[A-Z]))"
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
    rf"|\b(?:[01]\d|2[0-3])[0-5]\d\s*(?P<tz4>GMT|UTC|hrs\b|(?i:local\s+time))"
    rf"|(?<=\b(?:at|about|around|by|until|before|after|from|since)\s)0\d[0-5]\d\b(?=\s*(?:\(|hours\b|hrs\b|h\b|local\b|[,.;]|$))"
    # a 24-hour time with a dot after "at", "until" ...: "at 17.30 the buses left" (not "at 3.50", a price or a
    # score, and not after a price's verb: "shares opened at 14.50")
    rf"|(?<=\b(?:at|until|till|before|after)\s)(?<!\b(?:opened|closed|traded|rose|fell|stood|ended|finished|priced|valued|peaked|settled|sold|bought|was|were|is|are)\s+at\s)(?:1[3-9]|2[0-3])\.[0-5]\d\b(?![.,]?\d|\s*(?:%|percent|per\s?cent|points?|a\s+share|pence|p\b|cents?|euros?|dollars?|pounds?|"
    rf"kg|km|m\b|metres?|meters?|miles?|mph|seconds?|sec\b|s\b|goals?|runs?|overs?|years?|x\b))"
    rf"|\b(?:noon|midnight|midday)\b"
    rf"|\b(?:{_CLOCK_WORD}|1[0-2]|[1-9])\s+o['’]clock\b(?:\s+in\s+the\s+(?:morning|afternoon|evening))?"
)

_NOT_PLURAL = frozenset("was has does this thus its his hers yes always perhaps towards afterwards whereas "
                        "becomes remains seems saw sees".split())
_PLURAL_NOUNS = frozenset("students people persons residents citizens workers companies firms projects institutes schools "
                          "members units children families tourists visitors respondents employees soldiers troops copies "
                          "books films km hectares tons tonnes times".split())
_PLURAL_NOUN_AFTER = re.compile(r"\s+(?:[A-Z]?[a-z]+\s+){0,2}?(?:students|people|persons|residents|citizens|workers|companies|firms|projects|institutes|schools|members|units|children|families|tourists|visitors|respondents|employees|soldiers|troops|copies|books|films|km|hectares|tons|tonnes|times)\b")

_MEASURE_WORDS = None


def _measures() -> dict[str, str]:
    global _MEASURE_WORDS
    if _MEASURE_WORDS is None:
        _MEASURE_WORDS = {k.lower(): v for k, v in unit_table()["measures"].items()}
    return _MEASURE_WORDS


# a unit symbol after a number: "°C", "kg", "µm", "mmol/L", "W m−2", "km²" (checked by pint)
_UNIT_TOKEN = (r"(?:[°º]\s?[CFK](?![A-Za-z])|[A-Za-zµμΩ][A-Za-z0-9µμΩ²³]{0,7}(?:/[A-Za-zµμ][A-Za-z0-9µμ²³]{0,5})?"
               r"(?:\s[A-Za-zµμ]{1,3}(?:[−-]\d|[²³]))*|[°º])")


def _magnitude_pattern() -> str:
    sc = unit_table()["scales"]["magnitude"]
    words = "|".join(map(re.escape, sc["words"]))
    syms = "|".join(map(re.escape, sc["symbols"]))
    after = "|".join(re.escape(a).replace("\\ ", r"\s+") for a in sc["after"])
    mag = r"\d(?:\.\d{1,2})?"
    return (rf"(?i:\b(?:{words}))(?:\s+of)?[\s-]+(?P<n>{mag})(?!\d|[.,]\d)"
            rf"|(?<![\w.])(?P<n>{mag})(?:[\s-]+(?i:{words})\b|\s?(?:{syms})\b|\s+(?i:{after}))"
            rf"|\b{re.escape(sc['prefix'])}(?P<n>\d\.\d{{1,2}})\b")  # "M7.1", never "the M1 motorway"


# Patterns every alternative of which needs a digit (a year, a day, a digit number or a symbol
# after digits). Patterns that also read words ("five percent", "noon", "the nineties",
# "a third of", "two days later") are not here. tests/extract/test_mentions.py checks that
# no digit-free text matches any of them.
DIGIT_PATTERNS = frozenset({"day_range", "fixed_day", "day", "date_range", "period", "month", "month_day", "magnitude",
                            "coordinate", "money_range", "pct_range", "feet_inches", "sym_range", "symbol",
                            "event_year", "year", "day_of_month"})
_DIGIT = re.compile(r"\d")


@functools.cache
def _patterns() -> list[tuple[str, re.Pattern]]:
    t = unit_table()
    cur_words = "|".join(sorted(map(re.escape, t["currency_words"]), key=len, reverse=True))
    cur_syms = "|".join(sorted(map(re.escape, t["currency_symbols"]), key=len, reverse=True))
    measures = "|".join(sorted(map(re.escape, _measures()), key=len, reverse=True))
    cur_fracs = "|".join(sorted((re.escape(w) for w in t["currency_fractions"] if len(w) > 1), key=len, reverse=True))
    pct = r"(?:\s?%|\s?percent\b|\s?per\s?cent\b|\s?pct\b)"
    num = NUMBER
    flags = re.I
    return [
        ("relative", re.compile(rf"\b{_rel_pattern()}", flags)),
        ("day_range", re.compile(DAY_RANGE, flags)),
        ("fixed_day", re.compile(r"\b(?P<h>" + "|".join(sorted(map(re.escape, t.get("fixed_days", {})), key=len, reverse=True))
                                 + r"),?\s+(?:of\s+)?(?P<y>1[0-9]\d\d|20\d\d)\b(?![,.]\d)", flags)),
        ("day", re.compile(DAY_DATE_MORE, flags)),
        # a holiday without its year, resolved like "September 17": "by Christmas", "the Christmas offensive"
        ("fixed_day_bare", re.compile(r"(?<=\b(?:[Oo]n|[Bb]y|[Aa]t|[Bb]efore|[Aa]fter|[Uu]ntil|[Oo]ver|[Ff]or|[Tt]he|[Dd]uring|[Ss]ince)\s[\"“]?)(?P<h>"
                                      + "|".join(sorted(map(re.escape, t.get("fixed_days", {})), key=len, reverse=True))
                                      + r")\b(?!\s*,?\s*(?:of\s+)?\d)", flags)),
        ("date_range", re.compile(DATE_RANGE, flags)),
        ("day", re.compile(DAY_DATE, flags)),
        ("clock", re.compile(CLOCK, flags)),
        ("anaphoric_day", re.compile(ANAPHORIC_DAY)),
        ("day_of_month", re.compile(DAY_OF_MONTH)),
        ("period", re.compile(PERIOD, flags)),
        ("month", re.compile(MONTH_DATE, flags)),
        ("century", re.compile(CENTURY, flags)),
        ("decade", re.compile(DECADE, flags)),
        ("month_day", re.compile(MONTH_DAY, flags)),
        ("month_bare", re.compile(MONTH_BARE)),
        ("season_bare", re.compile(SEASON_BARE, flags)),
        ("deictic", re.compile(DEICTIC)),
        ("magnitude", re.compile(_magnitude_pattern())),
        ("coordinate", re.compile(r"(?<![\w.])(?P<d>\d{1,3}(?:\.\d+)?)[°º]\s?(?:(?P<mi>\d{1,2}(?:\.\d+)?)[′']\s?(?:(?P<se>\d{1,2}(?:\.\d+)?)[″\"])?\s?)?(?P<h>[NSEW])\b")),
        ("money_range", re.compile(
            rf"(?<![\w$]){_BOUND_OPT}(?P<sym>{cur_syms})\s?(?P<a>{DIGIT_NUMBER})(?:\s?(?P<sa>{SCALE})\b|(?P<sha>{SHORT_SCALE})\b)?"
            rf"\s*(?:[-–—]|to)\s*(?:(?P=sym)\s?)?(?P<b>{DIGIT_NUMBER})(?:\s?(?P<sb>{SCALE})\b|(?P<shb>{SHORT_SCALE})\b|(?![\w%]|[.,]\d))",
            flags)),
        ("money", re.compile(
            rf"(?<![\w$]){_BOUND_OPT}(?P<sym>{cur_syms})\s?(?P<n>{DIGIT_NUMBER})(?:\s?(?P<scale>{SCALE})\b|(?P<short>{SHORT_SCALE})\b|(?![\w%]|[.,]\d))"
            rf"|(?<!\w){_BOUND_OPT}(?P<n2>{DIGIT_NUMBER}|{WORD_NUMBER})(?:\s?(?P<scale2>{SCALE})|(?P<short2>{SHORT_SCALE}))?\s+(?:US\s+)?(?P<word>{cur_words})\b",
            flags)),
        ("money_frac", re.compile(
            rf"(?<![\w.]){_BOUND_OPT}(?:(?P<a>{DIGIT_NUMBER})(?:\s+(?:cents?|pence))?\s*(?:[-–—]|to)\s*)?"
            rf"(?P<n>\d{{1,3}}(?:\.\d+)?(?:-\d/\d{{1,2}})?|{WORD_NUMBER})(?:\s+(?P<w>{cur_fracs})\b|(?P<p>p)\b(?!\.m))",
            flags)),
        ("pct_range", re.compile(rf"(?<![\w.]){_BOUND_OPT}(?P<a>{DIGIT_NUMBER})\s*(?:%|percent)?\s*(?:[-–—]|to)\s*(?P<b>{DIGIT_NUMBER}){pct}", flags)),
        ("percent", re.compile(rf"(?<![\w.]){_BOUND_OPT}(?P<n>{num}){pct}", flags)),
        ("fraction", re.compile(
            rf"(?<!\w){_BOUND_OPT}(?P<n>a quarter|a third|two[- ]thirds|three[- ]quarters|half|one[- ]third|one[- ]quarter|one[- ]fifth|a fifth|one[- ]tenth|a tenth|one[- ]half)(?=\s+(?:of\b|did\b|do\b|were\b|are\b|said\b))"
            rf"|(?<=\bby\s)(?P<n>one[- ]third|two[- ]thirds|three[- ]quarters|one[- ]quarter|a third|a quarter|one[- ]fifth|a fifth|half)(?=\s|[.,;])", flags)),
        ("times", re.compile(rf"(?<![\w.]){_BOUND_OPT}(?P<n>{num})\s*(?:times|-fold|fold)\b|\b(?P<w>twofold|threefold|fourfold|fivefold|tenfold)\b", flags)),
        ("feet_inches", re.compile(
            r"(?<![\w.])(?P<f>\d{1,2})\s?(?:ft\.?|feet|foot)[\s-]+(?P<i>\d{1,2}(?:\.\d)?)[\s-]?(?:in\.|inches|inch|in\b)"
            r"|(?<![\w.])(?P<f>\d)-foot-(?P<i>\d{1,2})\b"
            r"|(?<![\w.])(?P<f>\d)['′]\s?(?P<i>\d{1,2})(?:[\"″]|'')", flags)),
        ("measure_range", re.compile(
            rf"(?<![\w.]){_BOUND_OPT}(?P<between>between\s+)?(?P<a>{num})(?:\s?(?P<ua>{measures}))?\s*(?:[-–—]|\bto\b|\band\b|\bor\b)\s*(?P<b>{num})(?:\s|-)(?P<u>{measures})(?![\w-])", flags)),
        ("measure", re.compile(rf"(?<![\w.]){_BOUND_OPT}(?P<n>{num})(?:(?P<short>{SHORT_SCALE})\s|\s|-)(?P<u>{measures})(?![\w-])", flags)),
        ("a_duration", re.compile(rf"(?<![\w-]){_BOUND_OPT}\b(?:a|an)\s+(?:full\s+|whole\s+|single\s+)?(?P<u>second|minute|hour|day|week|fortnight|month|year|decade)(?P<long>-long)?\b", flags)),
        ("sym_range", re.compile(
            rf"(?<![\w.]){_BOUND_OPT}(?P<neg>[−-](?=\d))?(?P<a>{DIGIT_NUMBER})\s*(?:[-–—]|\bto\b)\s*(?P<nb>[−-](?=\d))?(?P<b>{DIGIT_NUMBER})\s?(?P<u>{_UNIT_TOKEN})(?![\w°/])")),
        ("symbol", re.compile(rf"(?<![\w.]){_BOUND_OPT}(?P<neg>[−-](?=\d))?(?P<n>{DIGIT_NUMBER})\s?(?P<u>{_UNIT_TOKEN})(?![\w°/])")),
        ("ordinal", re.compile(
            r"\b(?P<o>(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,3}(?:st|nd|rd|th))(?:-(?:largest|biggest|most|highest|lowest|smallest|ranked|place|richest|busiest)\b)?|number one|top (?:ten|five|three|\d{1,3}))\b",
            flags)),
        ("event_year", re.compile(rf"(?<=\b[A-Za-z]{{2,}}-)(?P<y>{YEAR})\b")),
        ("year", re.compile(rf"(?<![\w$.,/-]){MOD}(?P<y>{YEAR})(?![\w%]|[.,]\d|\s?(?:{SCALE}|percent)\b)", flags)),
        # a medieval year, where only a preposition and a full stop or comma tell it from a count: "died in 1141."
        ("year", re.compile(r"(?<=\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Ff]rom|[Aa]fter|[Bb]efore|[Cc]irca|c\.)\s)(?P<y>1[0-4]\d\d)(?=\s*(?:[,.;:)]|AD\b|CE\b|$))")),
        ("one_in", re.compile(
            rf"(?<![\w.]){_BOUND_OPT}(?P<a>\d{{1,3}}|one|two|three|four|five|six|seven|eight|nine)\s+in\s+(?:every\s+)?"
            rf"(?P<b>\d{{1,4}}(?:,\d{{3}})?|two|three|four|five|six|seven|eight|nine|ten|twenty|a\s+hundred|a\s+thousand|100|1,000)\b(?!\s*(?:%|percent)|[.,]\d)", flags)),
        ("count_range", re.compile(
            rf"(?<![\w.,$-]){_BOUND_OPT}(?P<between>between\s+)?(?P<a>{DIGIT_NUMBER}(?:\s?{SCALE})?|{WORD_NUMBER})\s*(?:[-–—]|\bto\b|\band\b|\bor\b)\s*(?P<b>{DIGIT_NUMBER}(?:\s?{SCALE})?|{WORD_NUMBER})(?![\w%.,-]|[.,]\d|\s*(?:%|percent|per\s?cent))"
            rf"(?!\s+(?:{D.MONTH_RE})\b)(?<!(?:{D.MONTH_RE})\.?\s+(?:{DIGIT_NUMBER})\s*(?:[-–—]|to|and|or)\s*(?:{DIGIT_NUMBER}))", flags)),
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


@functools.cache
def _magnitude_re() -> re.Pattern:
    return re.compile(_magnitude_pattern())


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
    if not b:
        try:
            return "~" if m.group("tilde") else None
        except IndexError:
            return None
    return b.lower()


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
    fixed_days = tuple(unit_table().get("fixed_days", {}))
    protected = bytearray(len(text))
    for m in _magnitude_re().finditer(text):
        protected[m.start():m.end()] = b"\x01" * (m.end() - m.start())
    for m in _exclude_re().finditer(text):
        if m.start() and text[m.start() - 1] in "$€£¥₹" and re.match(r"[A-Z]{1,3}\d", m.group()):
            continue  # "$US20": a currency written around its symbol, not an identifier
        if any(protected[m.start():m.end()]):
            continue  # "M7.1", "6.9 Mw": a magnitude, not an identifier or a section number
        # ordinals such as "21st" and decades such as "1990s" are not identifiers
        if re.fullmatch(rf"{D.MONTH_RE}[-/]?\d{{1,2}}", m.group()):
            continue  # "August-24" of "14 August-24 September": a date range, not an identifier
        if re.fullmatch(r"[A-Za-z]+-(?:1[5-9]\d\d|20\d\d)", m.group()):
            continue  # "Expo-2010": an event year, not an identifier
        if m.group().lower().startswith(fixed_days) or text[max(0, m.start() - 24):m.end()].lower().endswith(
                tuple(f"{d} {m.group().lower().split()[-1]}" for d in fixed_days)):
            continue  # "Christmas 1963", "Christmas Day 1914": a day, not a name with a number
        if re.fullmatch(r"\d+(?:st|nd|rd|th|s|'s)", m.group()) or re.fullmatch(r"\d+(?:km|ha|kg|mw|gw|bn|m|k)", m.group(), re.I):
            continue
        take(m.start(), m.end())

    out: list[Mention] = []
    digits = _DIGIT.search(text) is not None
    for name, pat in _patterns():
        if not digits and name in DIGIT_PATTERNS:
            continue  # most paragraphs hold no digit: a pattern that needs one cannot match there
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
            v = mention.value
            if v is not None and not v.approx and v.low is not None and v.low == v.high and _APPROX_AFTER.match(text, e):
                mention.value = replace(v, approx=True)  # "Deaths 2,000 (approximate)", "12,000 (est.)"
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
        if re.search(r"\s(?:and|to)\s", span) and not re.search(r"\b[A-Z][a-z]", span):
            return None  # "options 3 and 4 may be combined": "may" is a verb
        return _day_range(m, s, e, span)
    if name == "day_of_month":
        return Mention(s, e, span, "date", time=D.unresolved("day"), flags={"day_of_month": int(m.group("dom"))})
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
    if name == "fixed_day_bare":
        if not m.group("h")[0].isupper():
            return None
        mm, dd = unit_table()["fixed_days"][m.group("h").lower()].split("-")
        return Mention(s, e, span, "date", time=D.unresolved("day"), flags={"partial": ("day", int(mm), int(dd))})
    if name == "fixed_day":
        mm, dd = unit_table()["fixed_days"][m.group("h").lower()].split("-")
        try:
            return Mention(s, e, span, "date", time=D.day_time(dt.date(int(m.group("y")), int(mm), int(dd))))
        except ValueError:
            return None
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
        before = text[max(0, s - 12):s].lower()
        # after "in", "since", "late" ... a year is a year unless what it counts follows at once
        # ("invaded Burma in late 1943 besieged Japanese troops" / "in 2000 students")
        temporal = re.search(r"\b(?:in|since|until|till|during|by|before|after|from|early|late|mid)\s*-?\s*$", before) or (
            re.search(r"\bof\s*$", before) and re.match(r"\s+[a-z]+(?:ing|ed)\b", text[e:e + 20]))  # "most of 1919 moving"
        plural = _PLURAL_NOUN_AFTER.match(text, e)
        if plural and not (temporal and re.match(r"\s+(?:[A-Z]?[a-z]+\s+)", text[e:plural.end()]) and
                           text[e:plural.end()].split()[0].lower() not in _PLURAL_NOUNS):
            return None  # "2000 students": a count
        nxt = re.match(r"\s+([a-z]{3,}s)\b", text[e:e + 20])
        if re.search(r"(?:more than|over|about|nearly|almost|around|some|reach|reached|to|of)\s*$", before) and \
                nxt and nxt.group(1) not in _NOT_PLURAL:
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
    if name == "magnitude":
        x = float(m.group("n"))
        if not 0 < x < 10.5:
            return None
        return Mention(s, e, span, "quantity", value=make_value(x, "magnitude", bound, span), flags={"scale": "magnitude"})
    if name == "coordinate":
        x = float(m.group("d")) + float(m.group("mi") or 0) / 60 + float(m.group("se") or 0) / 3600
        if m.group("h") in "SW":
            x = -x
        return Mention(s, e, span, "quantity", value=make_value(round(x, 6), "degree", None, span), flags={"coordinate": True})
    if name == "feet_inches":
        f, i = float(m.group("f")), float(m.group("i"))
        if i >= 12:
            return None
        return Mention(s, e, span, "quantity", value=make_value(f * 12 + i, "inch", bound, span))
    if name == "money_range":
        a, b = _money_amount(m.group("a"), m.group("sa"), m.group("sha")), _money_amount(m.group("b"), m.group("sb"), m.group("shb"))
        if a is None or b is None:
            return None
        if not (m.group("sa") or m.group("sha")) and (m.group("sb") or m.group("shb")):
            a = _share_scale(a, b, _money_amount(m.group("b"), None, None))  # "€120-€150bn"
        if _is_change(text, s) or re.search(r"\bbetween\s+$", text[max(0, s - 10):s], re.I) or a >= b:
            return None  # "rose from $5 to $7", "slid $US15 to $US1,210": two values, a change
        unit = _currency(m.group("sym"), None)
        return Mention(s, e, span, "quantity", value=range_value(a, b, unit, span, bool(bound)))
    if name == "money_frac":
        word = (m.group("w") or m.group("p") or "").lower()
        if m.group("p") and (m.group("p") == "P" or not _speaks_of_money(text, s, e) and len(m.group("n")) > 2):
            return None  # "720p video", "the 3P strategy": not pence
        unit = unit_table()["currency_fractions"].get(word)
        x = _fraction_number(m.group("n"))
        if unit is None or x is None:
            return None
        if m.group("a"):
            a = parse_number(m.group("a"))
            if a is None or a >= x or _is_change(text, s):
                return None
            return Mention(s, e, span, "quantity", value=range_value(a / 100, x / 100, unit, span, bool(bound)))
        return Mention(s, e, span, "quantity", value=make_value(x / 100, unit, bound, span))
    if name == "measure_range":
        if _is_change(text, s):
            return None  # "rose from 20 to 35 km": a change
        if re.search(r"\band\b", span, re.I) and not m.group("between"):
            return None
        unit = _measures()[m.group("u").lower()]
        if m.group("ua") and _measures()[m.group("ua").lower()] != unit:
            return None
        a, b = _range_ends(m.group("a"), m.group("b"))
        if a is None or b is None or a >= b:
            return None
        if unit == "decade_of_years":
            a, b, unit = a * 10, b * 10, "year"
        return Mention(s, e, span, "quantity", value=range_value(a, b, unit, span, bool(bound)))
    if name in ("symbol", "sym_range"):
        return _symbol(name, m, text, s, e, span, bound)
    if name == "money":
        n_text = m.group("n") or m.group("n2")
        word = (m.group("word") or "").lower()
        if word in ("pound", "pounds") and re.match(r"\s+of\b(?!\s+sterling)", text[e:e + 12], re.I):
            return None  # "27,000 pounds of explosives": a mass (read as a measure)
        if word in ("pound", "pounds") and not (m.group("scale2") or _speaks_of_money(text, s, e)):
            return None  # "the crates weigh up to 300 pounds": without a word of money, pounds weigh
        x = _money_amount(n_text, m.group("scale") or m.group("scale2"), m.group("short") or m.group("short2"))
        if x is None:
            return None
        if word and re.fullmatch(YEAR, n_text or "") and not (m.group("scale2") or m.group("short2")):
            return None  # "in 2010 won the cup", "in 1995 Rand published": a year, then a word
        if word == "won" and (x < 100 or not _speaks_of_money(text, s, e)):
            return None  # "105 won seats": the verb
        return Mention(s, e, span, "quantity", value=make_value(x, _currency(m.group("sym"), word), bound, span))
    if name == "pct_range":
        if " to " in span and (_is_change(text, s) or re.search(r"\bbetween\s+$", text[max(0, s - 10):s], re.I)):
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
            # "a quarter of the land" is a loose share: read it as "about 25%"
            return Mention(s, e, span, "quantity", value=make_value(x, "percent", bound or "about", span), flags=_rate_flags(text, e))
        return Mention(s, e, span, "quantity", value=make_value(x, "percent", bound, span), flags=_rate_flags(text, e))
    if name == "times":
        if m.group("w"):
            x = float({"two": 2, "three": 3, "four": 4, "five": 5, "ten": 10}[m.group("w").lower()[:-4]])
        else:
            x = parse_number(m.group("n"))
        if x is None:
            return None
        if not m.group("w") and re.search(r"\btimes\b", span, re.I) and float(x).is_integer() \
                and not _COMPARATIVE_AFTER.match(text[e:e + 30]) \
                and not re.search(r"\b(?:increas|ris|rose|grow|grew|multipl|expand|jump|surg|soar|climb|boost|fell|fall|drop|declin|shrank|shrunk|decreas|cut)\w*\s+(?:by\s+)?(?:about\s+|nearly\s+|almost\s+|some\s+)?$",
                                  text[max(0, s - 30):s], re.I):
            # "has won four times", "visited 12 times": how often, a count of events, not a multiplier
            return Mention(s, e, span, "quantity", value=make_value(x, "count", bound, span), flags={"frequency": True})
        return Mention(s, e, span, "quantity", value=make_value(x, "times", bound, span), flags={"multiplier": True})
    if name == "measure":
        x = parse_number(m.group("n"))
        if x is None:
            return None
        if m.group("short"):
            x *= SCALES[m.group("short").lower()]  # "12.3m tonnes"
        unit = _measures()[m.group("u").lower()]
        if unit == "decade_of_years":  # "a two-decade advantage": report durations in years
            x, unit = x * 10, "year"
        if unit in ("degC", "degF") and s > 0 and text[s - 1] in "-−" and (s < 2 or not text[s - 2].isalnum()):
            s, x = s - 1, -x  # "-4 °C", "−20 degrees Celsius"
            span = text[s:e]
        flags = {}
        if unit in ("year", "month", "day", "decade", "week", "hour") and "-" in span:
            flags["duration_adj"] = True
        return Mention(s, e, span, "quantity", value=make_value(x, unit, bound, span), flags=flags)
    if name == "a_duration":
        return _a_duration(m, text, s, e, span)
    if name == "one_in":
        a, b = parse_number(m.group("a")), parse_number(m.group("b"))
        if a is None or b is None or not 0 < a < b or re.fullmatch(YEAR, m.group("b")):
            return None  # "1 in 2010": a year
        return Mention(s, e, span, "quantity", value=make_value(round(100 * a / b, 6), "percent", bound, span), flags={"ratio": True})
    if name == "count_range":
        word = re.search(r"\b(and|or|to)\b", span, re.I)
        if word and word.group(1).lower() == "and" and not m.group("between"):
            return None  # "5 and 7": two counts
        if word and word.group(1).lower() == "or" and not re.search(r"\s\w+", text[e:e + 20]):
            return None
        a, b = _range_ends(m.group("a"), m.group("b"))
        if a is None or b is None or a >= b or _is_change(text, s):
            return None  # "10-1": a tally; "rose from 5 to 7": a change
        if re.fullmatch(YEAR, m.group("a")) or re.fullmatch(YEAR, m.group("b")):
            return None  # "1990 to 1995": years
        if re.fullmatch(r"\d{1,2}", m.group("a")) and _is_list_number(text, s):
            return None
        return Mention(s, e, span, "quantity", value=range_value(a, b, "count", span, bool(bound)))
    if name == "count":
        n_text = m.group("n")
        low = n_text.lower()
        if low in ("one", "a", "an", "half", "a half") or (low in ("a quarter", "a third") and not bound):
            return None
        if re.fullmatch(r"\d{1,2}", n_text) and _is_list_number(text, s):
            return None
        if re.fullmatch(r"\d{1,3}", n_text):
            nxt = re.match(r"[-–](\d{1,3})(?!\d|[.,]\d)", text[e:e + 6])
            prev = re.search(r"(?<![\d.,])(\d{1,3})[-–]$", text[max(0, s - 5):s])
            if (nxt and int(nxt.group(1)) <= int(n_text)) or (prev and int(n_text) <= int(prev.group(1))):
                return None  # "approved 10-1", "won 3-1": a tally or a score, not two counts
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


_COMPARATIVE_AFTER = re.compile(r"\s+(?:\w+er\b|more\b|less\b|fewer\b|as\b|the\b|that\b|its\b|their\b|his\b|her\b|over\b|higher\b|greater\b|larger\b|bigger\b|faster\b|smaller\b|lower\b|above\b|below\b|what\b)", re.I)
_MONEY_CUE = re.compile(
    r"£|\bGBP\b|\bsterling\b|\b(?:pa(?:y|id|ys|ying)|cost|costs|price[sd]?|worth|fine[sd]?|salar(?:y|ies)|wages?|budget|fund(?:s|ing|ed)?|"
    r"grants?|rais(?:e|ed|es|ing)|earn(?:s|ed|ing)?|sp[ea]nt|spend(?:s|ing)?|sold|sell(?:s|ing)?|buy|bought|fees?|tax(?:es)?|"
    r"donat\w*|cash|money|compensation|damages|award(?:ed)?|bill|charged?|loan|debt|profit|revenue|income|bonus|pension)\b", re.I)
def _speaks_of_money(text: str, s: int, e: int) -> bool:
    """A word of money near the mention ("paid", "£", "budget"): "pounds" and "won" are then currencies."""
    return bool(_MONEY_CUE.search(text[max(0, s - 120):e + 60]))


_CHANGE_BEFORE = re.compile(
    r"\b(?:slid|slipped|fell|fallen|falls|dropped|drops|declined|declines|decreased|dipped|plunged|plummeted|tumbled|sank|eased|"
    r"lowered|cut|reduced|rose|risen|rises|climbed|climbs|jumped|jumps|increased|increases|grew|grown|soared|surged|gained|"
    r"raised|boosted|lifted|revised|upgraded|downgraded|moved|went|changed|shifted|widened|narrowed|swung)\s+(?:by\s+)?$", re.I)
_RANGE_FROM = re.compile(r"\b(?:range[sd]?|ranging|var(?:y|ies|ied|ying)|anywhere|spans?|spanning|extends?|extending)\s+(?:\w+\s+)?from\s+$", re.I)


def _is_change(text: str, s: int) -> bool:
    """Is "X to Y" at s a change ("rose from 5 to 7", "slid $20 to $2,637") rather than a range?"""
    before = text[max(0, s - 40):s]
    if re.search(r"\bfrom\s+$", before, re.I):
        return not _RANGE_FROM.search(before)  # "ranging from four to six feet" is a range
    return bool(_CHANGE_BEFORE.search(before))


def _range_ends(a_text: str, b_text: str) -> tuple[float | None, float | None]:
    """Both ends of "2 to 3 million": a scale word written once belongs to both."""
    a, b = parse_number(a_text), parse_number(b_text)
    if a is None or b is None:
        return a, b
    if not re.search(rf"\b{SCALE}\b", a_text, re.I):
        bare = re.sub(rf"\s*\b{SCALE}\b", "", b_text, flags=re.I)
        if bare != b_text:
            a = _share_scale(a, b, parse_number(bare))
    return a, b


def _share_scale(a: float, b: float, b_bare: float | None) -> float:
    """The first end of a range whose scale is written only on the second ("2 to 3 million")."""
    if b_bare and a * (b / b_bare) <= b:
        return a * (b / b_bare)
    return a


def _money_amount(n_text: str, scale: str | None, short: str | None) -> float | None:
    x = parse_number(n_text + (f" {scale}" if scale else ""))
    if x is not None and short:
        x *= SCALES[short.lower()]
    return x


def _currency(sym: str | None, word: str | None) -> str | None:
    t = unit_table()
    if sym:
        return t["currency_symbols"].get(sym) or next((v for k, v in t["currency_symbols"].items() if k.lower() == sym.lower()), None)
    return t["currency_words"].get(re.sub(r"\s+", " ", word or "").lower())


def _fraction_number(n_text: str) -> float | None:
    """"3-3/4" (a number and a fraction, as grain prices are written) -> 3.75."""
    fm = re.fullmatch(r"(\d{1,3}(?:\.\d+)?)-(\d)/(\d{1,2})", n_text)
    if fm:
        den = float(fm.group(3))
        return float(fm.group(1)) + float(fm.group(2)) / den if den else None
    return parse_number(n_text)


_PLURAL_AFTER_M = re.compile(r"\s+(?:[a-z]+s|people|children|men|women)\b")


def _symbol(name: str, m: re.Match, text: str, s: int, e: int, span: str, bound: str | None) -> Mention | None:
    """A number with a unit symbol pint reads ("5 kg", "−4°C", "1.4–3.1 mmol/L", "1,200m")."""
    tok = m.group("u")
    n_text = m.group("n") if name == "symbol" else m.group("a")
    if re.fullmatch(YEAR, n_text) and tok[:1].isupper():
        return None  # "in 2010 Mt Everest": a year before a name
    if tok == "s" and text[e - 2:e - 1].isdigit():
        return None  # "the 70s", "1990s": a decade, not seconds
    if tok[:1] in "°º":
        letter = tok[1:].strip().upper()
        unit = {"C": "degC", "F": "degF", "K": "kelvin", "": "degree"}.get(letter)
    else:
        unit = symbol_unit(tok)
    if unit is None:
        return None
    sign = -1.0 if m.group("neg") else 1.0
    if name == "sym_range":
        a, b = parse_number(m.group("a")), parse_number(m.group("b"))
        if a is None or b is None:
            return None
        a *= sign
        if m.group("nb"):
            b = -b
        if a >= b or _is_change(text, s):
            return None
        return Mention(s, e, span, "quantity", value=range_value(a, b, unit, span, bool(bound)))
    x = parse_number(n_text)
    if x is None:
        return None
    if tok == "m" and _PLURAL_AFTER_M.match(text[e:e + 30]) \
            and not re.search(r"\b(?:the|both|a|an|his|her|their|its|our|two|three|four)\s+$", text[max(0, s - 8):s], re.I):
        return Mention(s, e, span, "quantity", value=make_value(x * 1e6, "count", bound, span))  # "5m people"
    return Mention(s, e, span, "quantity", value=make_value(sign * x, unit, bound, span))


_A_DURATION_CUE = re.compile(r"\b(?:took|take|takes|taking|lasted|last|lasts|lasting|spent|spend|spends|spending|for|within|"
                             r"requires?|required|needs?|needed)\s+$", re.I)
_A_DURATION_NOT = re.compile(r"^(?:\s+(?:ago|later|earlier|before|after|since|from|or\b|and\s+a\s+half|of\b|old\b)|-old\b|\s*(?:'s|’s))", re.I)
_A_DURATION_UNIT = {"fortnight": ("week", 2.0), "decade": ("year", 10.0)}


def _a_duration(m: re.Match, text: str, s: int, e: int, span: str) -> Mention | None:
    """ "took a month", "a month-long journey", "lasted nearly a year": one unit of time, told with an article.

    Only after a verb of lasting (or with "-long"): "9,000 a day" is a rate, "a year ago" a date,
    "once a month" a frequency."""
    if not m.group("long") and not _A_DURATION_CUE.search(text[max(0, s - 20):s]):
        return None
    if _A_DURATION_NOT.match(text[e:e + 16]):
        return None
    unit, x = _A_DURATION_UNIT.get(m.group("u").lower(), (m.group("u").lower(), 1.0))
    bound = _bound(m)
    v = make_value(x, unit, bound, span)
    # "a month" is a round figure: read it as approximately one month, as people do
    return Mention(s, e, span, "quantity", value=Value(v.magnitude, v.unit, v.low, v.high, True, span),
                   flags={"duration_adj": True} if m.group("long") else {})


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
    elif m.group("a5"):
        b, y = (m.group("b5"), m.group("y5")) if m.group("b5") else (m.group("b5y"), m.group("y5y"))
        ma, mb, da, db = mon("m5"), mon("m5"), int(m.group("a5")), int(b)
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
        season = m.group("season") or m.group("season2") or m.group("season3") or m.group("season4")
        spec = ("season", season.lower(), bool(m.group("mod")))
        pair = re.match(r"\s+and\s+(?:early\s+|late\s+)?(?:spring|summer|autumn|fall|winter)\s+(?:of\s+)?(\d{4})\b", text[e:e + 40], re.I)
        if pair:  # "summer and autumn 1918": the pair's year
            t = D.resolve_partial(spec, int(pair.group(1)), "")
            if t is not None:
                return Mention(s, e, span, "date", time=replace(t, anchor=None))
        return Mention(s, e, span, "date", time=D.unresolved("season"), flags={"partial": spec})
    mon_text = (m.group("mon") or m.group("mon3") or m.group("mon4")) if name == "month_bare" else (m.group("mon") or m.group("mon2"))
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

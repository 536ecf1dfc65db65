"""Dates and periods as stated: ISO value, span, granularity.

Only the found span is parsed (dateparser for month names and day order),
and nothing is ever filled in from today's date: a mention without a year
gets no date. Relative times ("three years later") are resolved against an
explicit anchor and keep it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re

from factcheck.model import Time
from factcheck.normalize.numbers import parse_number

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
YEARLESS_YEAR = 2000  # a leap year, which holds every month-day: the year a date with no year is read in
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
MONTH_RE = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
DECADE_WORDS = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
                "seventies": 70, "eighties": 80, "nineties": 90}
ROMAN = {"XVIII": 18, "XIX": 19, "XX": 20, "XXI": 21, "XXII": 22, "EIGHTEENTH": 18, "NINETEENTH": 19,
         "TWENTIETH": 20, "TWENTY-FIRST": 21, "TWENTY-SECOND": 22}


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def year_time(year: int, approx: bool = False) -> Time:
    return Time(f"{year:04d}", f"{year:04d}-01-01", f"{year:04d}-12-31", "year", approx)


def month_time(year: int, month: int, approx: bool = False) -> Time:
    return Time(f"{year:04d}-{month:02d}", f"{year:04d}-{month:02d}-01",
                f"{year:04d}-{month:02d}-{_last_day(year, month):02d}", "month", approx)


def day_time(d: dt.date) -> Time:
    iso = d.isoformat()
    return Time(iso, iso, iso, "day")


def span_time(a: Time, b: Time) -> Time:
    """A period from a's start to b's end, at the finer granularity."""
    order = ["day", "month", "season", "quarter", "half", "year", "decade", "century"]
    gran = min(a.granularity, b.granularity, key=order.index)
    return Time(a.date, a.start, b.end, gran, a.approx or b.approx)


@functools.cache
def _dateparser():
    import dateparser

    return dateparser


@functools.lru_cache(maxsize=8192)  # dateparser takes about a millisecond a call; texts repeat their dates
def parse_day(text: str) -> dt.date | None:
    """A full day date ("3 June, 2003", "May 1, 2010", "29.05.2024") via dateparser."""
    if not re.search(r"\b\d{4}\b", text):
        return None
    settings = {"REQUIRE_PARTS": ["day", "month", "year"], "DATE_ORDER": "DMY",
                "RELATIVE_BASE": dt.datetime(1900, 1, 1), "PREFER_DATES_FROM": "past"}
    d = _dateparser().parse(text.replace(",", " "), languages=["en"], settings=settings)
    return d.date() if d else None


_MOD = r"(?:(?P<mod>early|mid|late|the\s+early|the\s+mid|the\s+late|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of|end\s+of|beginning\s+of)[\s-]+)?"


@functools.lru_cache(maxsize=8192)  # a text repeats its dates; Time is frozen, so a cached one is safe to share
def parse_absolute(text: str) -> Time | None:
    """Parse one absolute date expression; None when it is not one we know."""
    t = re.sub(r"\s+", " ", text.strip())
    low = t.lower()
    m = re.fullmatch(rf"{_MOD}(?:the )?(\d{{2}})(\d0)(?:'?s)", low)
    if m:
        start = int(m.group(2) + m.group(3))
        approx = bool(m.group("mod"))
        return Time(f"{start:04d}", f"{start:04d}-01-01", f"{start + 9:04d}-12-31", "decade", approx)
    m = re.fullmatch(rf"{_MOD}(?:the )?({'|'.join(DECADE_WORDS)})", low)
    if m:
        # "the mid-nineties": the century is implied; take the 1900s (the usual reading in prose)
        start = 1900 + DECADE_WORDS[m.group(2)]
        return Time(f"{start:04d}", f"{start:04d}-01-01", f"{start + 9:04d}-12-31", "decade", True)
    m = re.fullmatch(rf"(?:the )?(?:(first|second|latter|early|later) half of the )?(?:(\d{{1,2}})(?:st|nd|rd|th)|({'|'.join(ROMAN)})(?:[’']st)?) century", t, re.I)
    if m:
        c = int(m.group(2)) if m.group(2) else ROMAN[m.group(3).upper()]
        start, end = (c - 1) * 100 + 1, (c - 1) * 100 + 100
        if m.group(1):  # "the latter half of the twentieth century": 1951-2000
            start, end = (start, start + 49) if m.group(1).lower() in ("first", "early") else (start + 50, end)
            return Time(f"{start:04d}", f"{start:04d}-01-01", f"{end:04d}-12-31", "century", True)
        return Time(f"{start:04d}", f"{start:04d}-01-01", f"{end:04d}-12-31", "century")
    m = re.fullmatch(r"(?:the )?(first|second|1st|2nd) half of (\d{4})", low)
    if m:
        y = int(m.group(2))
        first = m.group(1) in ("first", "1st")
        a, b = (1, 6) if first else (7, 12)
        return Time(f"{y:04d}-{a:02d}", f"{y:04d}-{a:02d}-01", f"{y:04d}-{b:02d}-{_last_day(y, b):02d}", "half")
    m = re.fullmatch(r"(?:the )?(first|second|third|fourth|q1|q2|q3|q4) quarter of (\d{4})|(q[1-4]) (\d{4})", low)
    if m:
        q = {"first": 1, "second": 2, "third": 3, "fourth": 4}.get(m.group(1) or "", 0) or int((m.group(1) or m.group(3))[1])
        y = int(m.group(2) or m.group(4))
        a, b = 3 * q - 2, 3 * q
        return Time(f"{y:04d}-{a:02d}", f"{y:04d}-{a:02d}-01", f"{y:04d}-{b:02d}-{_last_day(y, b):02d}", "quarter")
    m = re.fullmatch(r"(?:the )?(first|last) (\w+) months of (\d{4})", low)
    if m:
        n = parse_number(m.group(2))
        if n and 1 <= n <= 12:
            y, n = int(m.group(3)), int(n)
            a, b = (1, n) if m.group(1) == "first" else (13 - n, 12)
            return Time(f"{y:04d}-{a:02d}", f"{y:04d}-{a:02d}-01", f"{y:04d}-{b:02d}-{_last_day(y, b):02d}", "month")
    m = re.fullmatch(r"(spring|summer|autumn|fall|winter)(?: of)? (\d{4})", low)
    if m:
        y = int(m.group(2))
        a, b = SEASONS[m.group(1)]
        ey = y + 1 if b < a else y
        return Time(f"{y:04d}-{a:02d}", f"{y:04d}-{a:02d}-01", f"{ey:04d}-{b:02d}-{_last_day(ey, b):02d}", "season")
    m = re.fullmatch(rf"{_MOD}({MONTH_RE}),? (\d{{4}})", t, re.I)
    if m:
        month = MONTHS[m.group(2).lower().rstrip(".")]
        return month_time(int(m.group(3)), month, bool(m.group("mod")))
    m = re.fullmatch(rf"{_MOD}(\d{{4}})", low)
    if m:
        return year_time(int(m.group(2)), bool(m.group("mod")))
    if re.search(r"\d{1,2}", t) and re.search(MONTH_RE + r"|\d{1,2}[./]\d{1,2}[./]\d{4}", t, re.I):
        d = parse_day(t)
        if d:
            return day_time(d)
    return None


_REL_UNITS = {"year": 1.0, "years": 1.0, "decade": 10.0, "decades": 10.0, "century": 100.0,
              "centuries": 100.0, "month": 1 / 12, "months": 1 / 12}


def parse_relative(text: str) -> float | None:
    """Signed offset in years of a relative time expression, or None.

    "three years later" -> +3, "a century ago" -> -100, "last year" -> -1,
    "over the past decade" -> -10 (a period ending at the anchor).
    """
    low = re.sub(r"\s+", " ", text.strip().lower())
    if low in ("last year", "the previous year", "the year before", "a year ago", "a year earlier"):
        return -1.0
    if low in ("next year", "the following year", "a year later", "the next year"):
        return 1.0
    m = re.fullmatch(r"(?:about |some |nearly |almost |over |more than |approximately )?(.+?) (years?|decades?|centur(?:y|ies)|months?) (ago|later|earlier|before|after|on)", low)
    if m:
        n = 1.0 if m.group(1) in ("a", "an", "one") else parse_number(m.group(1))
        if n is None:
            return None
        sign = 1 if m.group(3) in ("later", "after", "on") else -1
        return sign * n * _REL_UNITS[m.group(2)]
    m = re.fullmatch(r"over (?:nearly|almost|about|some|more than) (.+?) (years|decades|centuries)", low)
    if m:
        n = parse_number(m.group(1))
        return None if n is None else -n * _REL_UNITS[m.group(2)]
    m = re.fullmatch(r"(?:over |during |in |for |within )?the (?:past|last|previous|preceding|next|coming|following) (?:(.+?) )?(years?|decades?|centur(?:y|ies)|months?)", low)
    if m:
        n = 1.0 if not m.group(1) else (parse_number(m.group(1)) or (2.0 if m.group(1) == "few" else None))
        if n is None:
            return None
        sign = 1 if any(w in low for w in ("next", "coming", "following")) else -1
        return sign * n * _REL_UNITS[m.group(2)]
    return None


def resolve_relative(offset: float, anchor_year: int, anchor_desc: str) -> Time:
    """Resolve an offset against an anchor year, keeping the anchor."""
    year = int(round(anchor_year + offset))
    t = year_time(year, approx=not float(offset).is_integer())
    return Time(t.date, t.start, t.end, "year", t.approx, True, offset, anchor_desc)


def unresolved_relative(offset: float) -> Time:
    return Time("", "", "", "year", False, True, offset, None)


# ---------------------------------------------------------------- partial and deictic dates
#
# "September 17", "in early October", "the summer" and "Saturday", "yesterday"
# name a day or month whose year (or week) the text leaves to the reader. They
# are dates, never counts. They get a value only from an explicit anchor: an
# earlier full date of the narrative or the document's own date; until then
# they are kept unresolved (no value, nothing guessed from today's date).

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
WEEKDAYS.update({name.lower(): i for i, name in enumerate(calendar.day_abbr)})
WEEKDAYS.update({"tues": 1, "thur": 3, "thurs": 3})
SEASON_CODES = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}


def unresolved(granularity: str) -> Time:
    """A date the text names but whose value needs an anchor that is missing."""
    return Time("", "", "", granularity, False, True, None, None)


def resolve_partial(spec: tuple, year: int, anchor: str) -> Time | None:
    """Give a partial date ("day", month, day) / ("month", month, approx) / ("season", name, approx) its year."""
    kind = spec[0]
    try:
        if kind == "day":
            t = day_time(dt.date(year, spec[1], spec[2]))
        elif kind == "days":  # "October 1-2"
            t = span_time(day_time(dt.date(year, spec[1], spec[2])), day_time(dt.date(year, spec[1], spec[3])))
        elif kind == "dayspan":  # "14 August-24 September"
            t = span_time(day_time(dt.date(year, spec[1], spec[2])), day_time(dt.date(year, spec[3], spec[4])))
        elif kind == "month":
            t = month_time(year, spec[1], spec[2])
        elif kind == "season":
            a, b = SEASONS[spec[1]]
            ey = year + 1 if b < a else year
            t = Time(f"{year:04d}-{a:02d}", f"{year:04d}-{a:02d}-01", f"{ey:04d}-{b:02d}-{_last_day(ey, b):02d}",
                     "season", spec[2])
        else:
            return None
    except ValueError:  # "February 30"
        return None
    return Time(t.date, t.start, t.end, t.granularity, t.approx, False, None, anchor)


def nearest_year(spec: tuple, anchor: dt.date) -> int:
    """The year that puts a partial date closest to an anchor day (ties go to the past)."""
    best = None
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        t = resolve_partial(spec, y, "")
        if t is None:
            continue
        mid = dt.date.fromisoformat(t.start)
        gap = abs((mid - anchor).days)
        key = (gap, mid > anchor)
        if best is None or key < best[0]:
            best = (key, y)
    return best[1] if best else anchor.year


def resolve_deictic(spec: tuple, anchor: dt.date, future: bool, anchor_desc: str) -> Time | None:
    """"yesterday", "Saturday", "last week" against the document's day.

    A weekday is the nearest such day on or before the anchor (a report
    tells what happened), or after it when the sentence speaks of the future.
    """
    kind, n = spec
    if kind == "day":
        t = day_time(anchor + dt.timedelta(days=n))
    elif kind == "weekday":
        delta = (anchor.weekday() - n) % 7
        d = anchor + dt.timedelta(days=(7 - delta) % 7) if future else anchor - dt.timedelta(days=delta)
        t = day_time(d)
    elif kind == "week":
        monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=n)
        sunday = monday + dt.timedelta(days=6)
        t = Time(monday.isoformat(), monday.isoformat(), sunday.isoformat(), "week")
    elif kind == "month":
        y, m = divmod(anchor.year * 12 + anchor.month - 1 + n, 12)
        t = month_time(y, m + 1)
    else:
        return None
    return Time(t.date, t.start, t.end, t.granularity, t.approx, False, None, anchor_desc)


_AMPM = re.compile(r"([ap])\.?\s?m\b\.?", re.I)


def parse_clock(text: str) -> tuple[int, bool] | None:
    """Minutes after midnight of a time of day, and whether AM/PM (or a 24-hour form) fixes the half of the day.

    "3:33 a. m." -> (213, True); "7 p.m." -> (1140, True); "18:07" -> (1087, True);
    "3:30" -> (210, False); "noon" -> (720, True); "0300 GMT" -> (180, True).
    """
    low = re.sub(r"\s+", " ", text.strip().lower())
    if re.match(r"(?:high )?noon|midday", low):
        return 720, True
    if low.startswith("midnight"):
        return 0, True
    words = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
             "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
    if re.match(r"\d{4}\b", low):  # "0300 GMT", military time
        h, mi = int(low[:2]), int(low[2:4])
        return (h * 60 + mi, True) if h < 24 and mi < 60 else None
    m = re.match(r"(\d{1,2}|[a-z]+)(?:[:.](\d{2}))?(?::(\d{2}))?", low)
    if not m:
        return None
    h = int(m.group(1)) if m.group(1).isdigit() else words.get(m.group(1))
    if h is None:
        return None
    mi = int(m.group(2) or 0)
    if h > 23 or mi > 59:
        return None
    ap = _AMPM.search(low[m.end():])
    if ap and h > 12 and ap.group(1) == "p" and m.group(2):
        return h * 60 + mi, True  # "17.30PM": a 24-hour time with a redundant PM (not "13 p.m.")
    if ap:
        if h == 0 or h > 12:
            return None
        h = h % 12 + (12 if ap.group(1) == "p" else 0)
        return h * 60 + mi, True
    if re.search(r"\bin the (?:evening|afternoon)|\bat night|\btonight", low):
        return ((h % 12) + 12) * 60 + mi, True
    if re.search(r"\bin the morning", low):
        return (h % 12) * 60 + mi, True
    return h * 60 + mi, h == 0 or h > 12 or (m.group(1).startswith("0") and len(m.group(1)) == 2)


def format_clock(minutes: float) -> str:
    h, mi = divmod(int(minutes), 60)
    return f"{h:02d}:{mi:02d}"

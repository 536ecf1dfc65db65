"""Dates and periods: ISO value, span, granularity; relative offsets with anchors."""

from __future__ import annotations

import calendar

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.normalize.dates import parse_absolute, parse_relative, resolve_relative, unresolved_relative

MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December"]


def span(t):
    return (t.date, t.start, t.end, t.granularity, t.approx)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2013", ("2013", "2013-01-01", "2013-12-31", "year", False)),
        ("1991", ("1991", "1991-01-01", "1991-12-31", "year", False)),
        ("September 2013", ("2013-09", "2013-09-01", "2013-09-30", "month", False)),
        ("Sept. 2013", ("2013-09", "2013-09-01", "2013-09-30", "month", False)),
        ("February 2024", ("2024-02", "2024-02-01", "2024-02-29", "month", False)),
        ("early 2017", ("2017", "2017-01-01", "2017-12-31", "year", True)),
        ("late 2019", ("2019", "2019-01-01", "2019-12-31", "year", True)),
        ("mid-2000s", ("2000", "2000-01-01", "2009-12-31", "decade", True)),
        ("the 1990s", ("1990", "1990-01-01", "1999-12-31", "decade", False)),
        ("1990's", ("1990", "1990-01-01", "1999-12-31", "decade", False)),
        ("the mid-nineties", ("1990", "1990-01-01", "1999-12-31", "decade", True)),
        ("first half of 2024", ("2024-01", "2024-01-01", "2024-06-30", "half", False)),
        ("the second half of 2024", ("2024-07", "2024-07-01", "2024-12-31", "half", False)),
        ("the third quarter of 2020", ("2020-07", "2020-07-01", "2020-09-30", "quarter", False)),
        ("Q2 2020", ("2020-04", "2020-04-01", "2020-06-30", "quarter", False)),
        ("fall 2021", ("2021-09", "2021-09-01", "2021-11-30", "season", False)),
        ("winter 2021", ("2021-12", "2021-12-01", "2022-02-28", "season", False)),
        ("3 June, 2003", ("2003-06-03", "2003-06-03", "2003-06-03", "day", False)),
        ("May 1, 2010", ("2010-05-01", "2010-05-01", "2010-05-01", "day", False)),
        ("29.05.2024", ("2024-05-29", "2024-05-29", "2024-05-29", "day", False)),
        ("XXI century", ("2001", "2001-01-01", "2100-12-31", "century", False)),
        ("21st century", ("2001", "2001-01-01", "2100-12-31", "century", False)),
        ("the twentieth century", ("1901", "1901-01-01", "2000-12-31", "century", False)),
        ("first nine months of 2023", ("2023-01", "2023-01-01", "2023-09-30", "month", False)),
        ("the last three months of 2023", ("2023-10", "2023-10-01", "2023-12-31", "month", False)),
    ],
)
def test_parse_absolute(text, expected):
    t = parse_absolute(text)
    assert t is not None
    assert span(t) == expected
    assert not t.relative


@pytest.mark.parametrize(
    "text",
    ["January", "September", "3 June", "June 3", "the 3rd of June", "the mid", "", "hello", "June 31, 2003", "the 21st", "century", "first half"],
)
def test_never_fills_in_a_missing_year_or_invalid_date(text):
    # a mention without a year gets no date: nothing may come from today's date
    assert parse_absolute(text) is None


@pytest.mark.parametrize(
    ("text", "offset"),
    [
        ("three years later", 3),
        ("Three years later", 3),
        ("a century ago", -100),
        ("about ten and a half years ago", -10.5),
        ("two decades earlier", -20),
        ("six months later", 0.5),
        ("last year", -1),
        ("next year", 1),
        ("the following year", 1),
        ("over the past decade", -10),
        ("the last 25 years", -25),
        ("in the next five years", 5),
    ],
)
def test_parse_relative(text, offset):
    assert parse_relative(text) == pytest.approx(offset)


@pytest.mark.parametrize("text", ["", "foo", "years ago", "2013", "September 2013", "the past"])
def test_parse_relative_rejects_non_relative(text):
    assert parse_relative(text) is None


def test_resolve_relative_keeps_anchor_and_offset():
    t = resolve_relative(3, 2010, "document date 2010")
    assert (t.date, t.start, t.end, t.granularity) == ("2013", "2013-01-01", "2013-12-31", "year")
    assert t.relative
    assert t.offset_years == 3
    assert t.anchor == "document date 2010"
    assert not t.approx


def test_resolve_relative_fractional_offset_is_approximate():
    t = resolve_relative(-10.5, 2021, "the sentence's year 2021")
    assert t.date in ("2010", "2011")
    assert t.approx
    assert t.anchor == "the sentence's year 2021"
    assert t.offset_years == -10.5


def test_unresolved_relative_has_no_date_but_keeps_offset():
    t = unresolved_relative(-1.0)
    assert t.relative and t.offset_years == -1.0
    assert t.date == "" and t.anchor is None


# ---------------------------------------------------------------- properties
_DATEISH = st.lists(
    st.sampled_from(["the", "early", "mid", "-", "late", "first", "second", "half", "of", "quarter", "months", "nine",
                     "fall", "winter", "century", "XXI", "21st", "1990s", "nineties", "2013", "1500", "2099", "3",
                     "31", "June", "Sept.", "29.05.2024", "99.99.2024", ",", "years", "ago", "later", "a", "about",
                     "past", "last", "next", "decade", "ten and a half", "few"]),
    max_size=6,
).map(" ".join)


@given(st.one_of(st.text(max_size=40), _DATEISH))
def test_parse_absolute_never_raises(text):
    t = parse_absolute(text)
    if t is not None:
        assert t.start <= t.end


@given(st.one_of(st.text(max_size=40), _DATEISH))
def test_parse_relative_never_raises(text):
    result = parse_relative(text)
    assert result is None or isinstance(result, float)


@given(st.integers(min_value=1500, max_value=2099), st.integers(min_value=1, max_value=12))
def test_month_year_parses_to_that_month(year, month):
    t = parse_absolute(f"{MONTH_NAMES[month - 1]} {year}")
    assert t is not None
    assert t.date == f"{year:04d}-{month:02d}"
    assert t.granularity == "month"
    assert t.start == f"{year:04d}-{month:02d}-01"
    assert t.end == f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"
    assert t.start <= t.end

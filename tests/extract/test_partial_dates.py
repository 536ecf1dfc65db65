"""Dates the text leaves incomplete, and times of day.

"December 5", "in September", "Saturday", "two days later" name a day or a
month whose year (or week) the reader supplies. They are dates, never counts,
and they get a value only from an explicit anchor: a full date earlier in the
narrative or the document's own date. Times of day ("7 p.m.") are quantities
in minutes after midnight; ratios ("3:1") are not times.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.extract.mentions import find_mentions
from factcheck.normalize.dates import (WEEKDAYS, format_clock, nearest_year, parse_clock, resolve_deictic,
                                       resolve_partial, unresolved)


def _dates(text: str):
    return [m for m in find_mentions(text) if m.kind == "date"]


def _one_date(text: str):
    ms = _dates(text)
    assert len(ms) == 1, [(m.text, m.kind) for m in find_mentions(text)]
    return ms[0]


def _clocks(text: str):
    return [m for m in find_mentions(text) if m.value is not None and m.value.unit == "time_of_day"]


# ---------------------------------------------------------------- mentions: partial dates


@pytest.mark.parametrize(
    ("sentence", "span", "spec", "granularity"),
    [
        ("The ferry sank on December 5 near the cape.", "December 5", ("day", 12, 5), "day"),
        ("The market opened Dec.14 after a delay.", "Dec.14", ("day", 12, 14), "day"),
        ("Voting closed on 15 December in most towns.", "15 December", ("day", 12, 15), "day"),
        ("She was born on the 19th of October in a village.", "the 19th of October", ("day", 10, 19), "day"),
        ("Talks on October 1-2 went well.", "October 1-2", ("days", 10, 1, 2), "day"),
        ("The strike ran 22-25 April in the ports.", "22-25 April", ("dayspan", 4, 22, 4, 25), "day"),
        ("The fair ran from 14 August to 24 September.", "14 August to 24 September",
         ("dayspan", 8, 14, 9, 24), "day"),
        ("The vote came in September.", "September", ("month", 9, False), "month"),
        ("They expect to finish by early October.", "early October", ("month", 10, True), "month"),
        ("The roof will be done by the end of May.", "the end of May", ("month", 5, True), "month"),
        ("The crews worked hard during the summer.", "the summer", ("season", "summer", False), "season"),
    ],
)
def test_day_month_without_a_year_is_a_date_waiting_for_an_anchor(sentence, span, spec, granularity):
    m = _one_date(sentence)
    assert m.text == span
    assert m.flags["partial"] == spec
    assert m.time.granularity == granularity
    # no year was guessed: nothing comes from today's date
    assert (m.time.date, m.time.start, m.time.end) == ("", "", "")


@pytest.mark.parametrize(
    ("sentence", "span", "spec", "granularity"),
    [
        ("On Saturday the bridge was closed.", "Saturday", ("weekday", 5), "day"),
        ("Yesterday the river rose again.", "Yesterday", ("day", -1), "day"),
        ("The crew returns tomorrow.", "tomorrow", ("day", 1), "day"),
        ("Last week the pier was painted.", "Last week", ("week", -1), "week"),
        ("The board meets next month.", "next month", ("month", 1), "month"),
    ],
)
def test_deictic_dates_keep_their_offset_and_no_value(sentence, span, spec, granularity):
    m = _one_date(sentence)
    assert (m.text, m.flags["deictic"], m.time.granularity, m.time.date) == (span, spec, granularity, "")


@pytest.mark.parametrize(
    ("sentence", "span", "days"),
    [
        ("Two days later the pumps failed.", "Two days later", 2),
        ("The next day the pumps failed.", "The next day", 1),
        ("That same day the pumps failed.", "That same day", 0),
        ("Three days earlier a warning was sent.", "Three days earlier", -3),
        ("A week later the pumps failed.", "A week later", 7),
    ],
)
def test_anaphoric_days_count_from_the_last_day_told(sentence, span, days):
    m = _one_date(sentence)
    assert (m.text, m.flags["anaphoric"], m.time.date) == (span, days, "")


@pytest.mark.parametrize(
    ("sentence", "span", "iso"),
    [
        ("The form was filed 2013-09-26 by the clerk.", "2013-09-26", "2013-09-26"),
        ("The form was filed 2012.08.08 by the clerk.", "2012.08.08", "2012-08-08"),
        ("The form was filed 27/09/2013 by the clerk.", "27/09/2013", "2013-09-27"),
    ],
)
def test_iso_dotted_and_numeric_day_dates(sentence, span, iso):
    m = _one_date(sentence)
    assert (m.text, m.time.date, m.time.granularity, m.time.relative) == (span, iso, "day", False)


def test_impossible_iso_day_is_not_a_day_date():
    # at most the year is read; no day is made up (nor rolled over to 2 March)
    assert [m.time.granularity for m in _dates("The form was filed 2013-02-30 by the clerk.")] in ([], ["year"])


def test_month_range_with_a_year():
    m = _one_date("The floods lasted August-September 1950 in the valley.")
    assert m.text == "August-September 1950"
    assert (m.time.start, m.time.end, m.time.granularity) == ("1950-08-01", "1950-09-30", "month")


def test_month_range_across_a_year_end():
    m = _one_date("The siege lasted December 1979-February 1980.")
    assert (m.time.start, m.time.end) == ("1979-12-01", "1980-02-29")


@pytest.mark.parametrize(
    ("sentence", "span", "start", "end"),
    [
        ("Fighting went on 22-25 April 1951 in the hills.", "22-25 April 1951", "1951-04-22", "1951-04-25"),
        ("The congress met 26-30 November 2001 in the capital.", "26-30 November 2001", "2001-11-26", "2001-11-30"),
        ("The fair ran 14 August-24 September 1950 in the park.", "14 August-24 September 1950",
         "1950-08-14", "1950-09-24"),
    ],
)
def test_day_range_with_a_year_is_one_date(sentence, span, start, end):
    ms = find_mentions(sentence)
    assert [(m.kind, m.text) for m in ms] == [("date", span)]
    assert (ms[0].time.start, ms[0].time.end) == (start, end)


@pytest.mark.parametrize(
    "sentence",
    [
        "On Aug. 6 the bridge opened.",
        "Aug. 6 was the day the bridge opened.",
        "The market opened Dec.14 after a delay.",
        "Sales rose on 15 December to a new high.",
    ],
)
def test_a_day_of_the_month_is_never_a_count(sentence):
    assert [m.text for m in find_mentions(sentence) if m.kind == "quantity"] == []
    assert len(_dates(sentence)) == 1


def test_lowercase_may_is_a_verb_not_a_month():
    assert _dates("Officials said prices may 5 times rise.") == []


def test_a_count_after_a_weekday_stays_a_count():
    ms = find_mentions("On Monday 5 students came.")
    assert [(m.kind, m.text) for m in ms] == [("date", "Monday"), ("quantity", "5")]
    assert ms[1].value.unit == "count"


def test_summer_school_is_not_a_season():
    assert _dates("They met in the summer school.") == []


# ---------------------------------------------------------------- mentions: times of day


@pytest.mark.parametrize(
    ("sentence", "span", "minutes", "half_day_known", "tz", "approx"),
    [
        ("The quake struck at 3:33 a. m. local time.", "3:33 a. m. local time", 213, True, "local", False),
        ("He arrived at 7 p.m. with the papers.", "7 p.m.", 19 * 60, True, None, False),
        ("The office opens at 11.45 a.m. on weekdays.", "11.45 a.m.", 11 * 60 + 45, True, None, False),
        ("The shop closes at 4 pm sharp.", "4 pm", 16 * 60, True, None, False),
        ("At 18:07 the train left.", "18:07", 18 * 60 + 7, True, None, False),
        ("At 0300 GMT the ship sank.", "0300 GMT", 180, True, "GMT", False),
        ("The call came at 10:30 EST from the port.", "10:30 EST", 630, False, "EST", False),
        ("Meet at 3:30 by the gate.", "3:30", 210, False, None, False),
        ("They met at noon in the hall.", "noon", 720, True, None, False),
        ("Shortly after 9:15 p.m. the lights went out.", "9:15 p.m.", 21 * 60 + 15, True, None, True),
        ("The bus left at about 6:10 in the rain.", "6:10", 370, False, None, True),
    ],
)
def test_time_of_day_is_a_quantity_in_minutes(sentence, span, minutes, half_day_known, tz, approx):
    [m] = _clocks(sentence)
    assert (m.kind, m.text) == ("quantity", span)
    assert m.value.magnitude == m.value.low == m.value.high == minutes
    assert m.value.approx is approx
    assert m.flags["clock"] is True and m.flags["half_day_known"] is half_day_known
    assert m.flags.get("tz") == tz


@pytest.mark.parametrize(
    "sentence",
    ["The mix is a 3:1 ratio.", "The ratio was 3:1 in the end.", "The team won 2:1 at home."],
)
def test_ratio_or_score_is_not_a_time(sentence):
    assert _clocks(sentence) == []
    # nor is it torn into two counts
    assert [m.text for m in find_mentions(sentence) if m.kind == "quantity"] == []


def test_time_is_not_a_date_and_the_hour_not_a_count():
    ms = find_mentions("The storm hit at 6:45 p.m. and 200 homes lost power.")
    assert [(m.kind, m.text, m.value.unit) for m in ms] == [
        ("quantity", "6:45 p.m.", "time_of_day"), ("quantity", "200", "count")]


# ---------------------------------------------------------------- normalize: functions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3:33 a. m.", (213, True)),
        ("7 p.m.", (1140, True)),
        ("12 a.m.", (0, True)),
        ("12:30 p.m.", (750, True)),
        ("18:07", (1087, True)),
        ("3:30", (210, False)),
        ("08:15", (495, True)),
        ("noon", (720, True)),
        ("midnight", (0, True)),
        ("0300 GMT", (180, True)),
        ("seven in the evening", (1140, True)),
        ("25:00", None),
        ("13 p.m.", None),
        ("2760 GMT", None),
    ],
)
def test_parse_clock(text, expected):
    assert parse_clock(text) == expected


def test_format_clock_pads_hours_and_minutes():
    assert (format_clock(0), format_clock(213), format_clock(1087)) == ("00:00", "03:33", "18:07")


def test_resolve_partial_gives_the_year_and_keeps_the_anchor():
    t = resolve_partial(("day", 12, 5), 2013, "year of '2013'")
    assert (t.date, t.granularity, t.relative, t.anchor) == ("2013-12-05", "day", False, "year of '2013'")
    t = resolve_partial(("month", 2, True), 2012, "x")
    assert (t.start, t.end, t.approx) == ("2012-02-01", "2012-02-29", True)
    t = resolve_partial(("season", "winter", False), 2013, "x")
    assert (t.start, t.end, t.granularity) == ("2013-12-01", "2014-02-28", "season")
    t = resolve_partial(("days", 10, 1, 2), 2013, "x")
    assert (t.start, t.end) == ("2013-10-01", "2013-10-02")


def test_resolve_partial_rejects_a_day_that_does_not_exist():
    assert resolve_partial(("day", 2, 30), 2013, "x") is None
    assert resolve_partial(("day", 2, 29), 2013, "x") is None
    assert resolve_partial(("day", 2, 29), 2012, "x").date == "2012-02-29"


def test_nearest_year_crosses_a_year_end():
    assert nearest_year(("day", 1, 20), dt.date(2013, 12, 30)) == 2014
    assert nearest_year(("day", 12, 29), dt.date(2014, 1, 2)) == 2013
    assert nearest_year(("day", 12, 5), dt.date(2013, 7, 3)) == 2013


def test_resolve_deictic_kinds():
    wed = dt.date(2013, 7, 3)
    assert resolve_deictic(("day", -1), wed, False, "d").date == "2013-07-02"
    week = resolve_deictic(("week", -1), wed, False, "d")
    assert (week.start, week.end, week.granularity) == ("2013-06-24", "2013-06-30", "week")
    month = resolve_deictic(("month", -1), dt.date(2013, 1, 10), False, "d")
    assert (month.date, month.end) == ("2012-12", "2012-12-31")
    assert resolve_deictic(("weekday", WEEKDAYS["saturday"]), wed, False, "d").date == "2013-06-29"
    assert resolve_deictic(("weekday", WEEKDAYS["fri"]), wed, True, "d").date == "2013-07-05"


def test_unresolved_has_no_value_but_a_granularity():
    t = unresolved("month")
    assert (t.date, t.start, t.end, t.granularity, t.relative, t.anchor) == ("", "", "", "month", True, None)


# ---------------------------------------------------------------- properties

_ANCHORS = st.dates(min_value=dt.date(1800, 1, 8), max_value=dt.date(2200, 12, 24))


@given(_ANCHORS, st.integers(min_value=0, max_value=6))
def test_past_weekday_is_within_the_week_before_the_anchor(anchor, n):
    t = resolve_deictic(("weekday", n), anchor, False, "")
    d = dt.date.fromisoformat(t.date)
    assert d.weekday() == n
    assert 0 <= (anchor - d).days <= 6
    assert (t.start, t.end, t.granularity) == (t.date, t.date, "day")


@given(_ANCHORS, st.integers(min_value=0, max_value=6))
def test_future_weekday_is_within_the_week_after_the_anchor(anchor, n):
    d = dt.date.fromisoformat(resolve_deictic(("weekday", n), anchor, True, "").date)
    assert d.weekday() == n
    assert 0 <= (d - anchor).days <= 6


@given(st.integers(min_value=1, max_value=12), st.integers(min_value=0, max_value=59),
       st.sampled_from(["a.m.", "p.m.", "am", "pm", "a. m.", "p. m.", "AM", "PM", "a.m", "p.m"]),
       st.sampled_from(["", " "]))
def test_parse_clock_round_trips_twelve_hour_times(hour, minute, suffix, gap):
    pm = suffix.lower().startswith("p")
    expected = (hour % 12 + (12 if pm else 0)) * 60 + minute
    assert parse_clock(f"{hour}:{minute:02d}{gap}{suffix}") == (expected, True)
    assert format_clock(expected) == f"{hour % 12 + (12 if pm else 0):02d}:{minute:02d}"


@given(_ANCHORS, st.integers(min_value=1, max_value=12), st.integers(min_value=1, max_value=28))
def test_nearest_year_puts_the_day_within_half_a_year_of_the_anchor(anchor, month, day):
    y = nearest_year(("day", month, day), anchor)
    assert abs((dt.date(y, month, day) - anchor).days) <= 183


@given(_ANCHORS, st.integers(min_value=1, max_value=12))
def test_nearest_year_puts_the_month_start_within_half_a_year_of_the_anchor(anchor, month):
    y = nearest_year(("month", month, False), anchor)
    assert abs((dt.date(y, month, 1) - anchor).days) <= 184


# ---------------------------------------------------------------- claims: resolution against anchors

model = pytest.mark.model


@pytest.fixture(scope="module")
def pipeline():
    """The spaCy pipeline and alias table, built the way factcheck.api builds them."""
    from factcheck.api import _alias_paths, _nlp
    from factcheck.config import load_settings
    from factcheck.normalize.aliases import load_aliases
    from tests.conftest import RULES

    settings = load_settings()
    paths = _alias_paths(RULES, settings)
    return _nlp(settings, paths), load_aliases(paths)


def _claims(pipeline, text: str, meta: dict | None = None):
    from factcheck.extract.claims import extract_document
    from factcheck.ingest.corpus import document_from_text

    nlp, aliases = pipeline
    return extract_document(document_from_text("a.txt", text, "a.txt", ".txt", meta or {}), nlp, aliases)


def _date_claim(claims, quote):
    hits = [c for c in claims if c.kind == "date" and c.quote == quote]
    assert len(hits) == 1, [(c.kind, c.quote) for c in claims]
    return hits[0]


DOC_DATE = {"published": "2013-07-03"}  # a Wednesday


@model
def test_partial_dates_take_the_nearest_year_to_the_document_date(pipeline):
    claims = _claims(pipeline, "The ministers met on December 5 in the capital. The summit ended in September.",
                     DOC_DATE)
    dec = _date_claim(claims, "December 5")
    assert (dec.time.date, dec.time.granularity, dec.time.relative) == ("2013-12-05", "day", False)
    assert dec.time.anchor == "document date 2013-07-03 (metadata)"
    sep = _date_claim(claims, "September")
    assert (sep.time.start, sep.time.end, sep.time.granularity) == ("2013-09-01", "2013-09-30", "month")


@model
def test_nearest_year_to_the_document_date_crosses_new_year(pipeline):
    c = _date_claim(_claims(pipeline, "The ministers met on December 29 in the capital.",
                            {"published": "2014-01-02"}), "December 29")
    assert c.time.date == "2013-12-29"


@model
def test_deictic_dates_against_the_document_day(pipeline):
    claims = _claims(pipeline, "On Saturday the bridge was closed. Yesterday it reopened. "
                               "Last week it was inspected.", DOC_DATE)
    assert _date_claim(claims, "Saturday").time.date == "2013-06-29"
    assert _date_claim(claims, "Yesterday").time.date == "2013-07-02"
    week = _date_claim(claims, "Last week").time
    assert (week.start, week.end, week.granularity) == ("2013-06-24", "2013-06-30", "week")
    assert all(c.time.anchor == "document date 2013-07-03 (metadata)" for c in claims)


@model
def test_a_weekday_in_a_sentence_about_the_future_is_after_the_document_date(pipeline):
    c = _date_claim(_claims(pipeline, "The ministers will meet on Friday to sign the deal.", DOC_DATE), "Friday")
    assert c.time.date == "2013-07-05"
    past = _date_claim(_claims(pipeline, "The ministers met on Friday to sign the deal.", DOC_DATE), "Friday")
    assert past.time.date == "2013-06-28"


@model
def test_dateline_in_the_text_anchors_partial_and_deictic_dates(pipeline):
    claims = _claims(pipeline, "July 03, 2013 6:22AM\n\nThe storm hit the coast on Monday. "
                               "Officials met on June 28 to plan the repairs.\n")
    monday, june = _date_claim(claims, "Monday"), _date_claim(claims, "June 28")
    assert (monday.time.date, june.time.date) == ("2013-07-01", "2013-06-28")
    assert monday.time.anchor == june.time.anchor == "document date 2013-07-03 (text)"


@model
def test_year_of_an_earlier_full_date_in_the_paragraph_wins_over_the_document_date(pipeline):
    claims = _claims(pipeline, "The talks were held on 3 March 1998. The deal came on December 5.", DOC_DATE)
    c = _date_claim(claims, "December 5")
    assert c.time.date == "1998-12-05"
    assert c.time.anchor == "year of '3 March 1998' earlier in the paragraph"


@model
def test_a_bare_year_earlier_in_the_paragraph_gives_the_year(pipeline):
    c = _date_claim(_claims(pipeline, "The bridge opened in 2001. On June 12 it closed for repairs."), "June 12")
    assert c.time.date == "2001-06-12" and "'2001'" in c.time.anchor


@model
def test_without_a_document_date_the_latest_full_date_earlier_in_the_text_gives_the_year(pipeline):
    claims = _claims(pipeline, "The flood began on 4 April 1987.\n\nOn May 2 the river fell back below its banks.\n")
    c = _date_claim(claims, "May 2")
    assert c.time.date == "1987-05-02"
    assert c.time.anchor == "year of '4 April 1987' earlier in the text"


@model
def test_document_date_wins_over_a_full_date_in_another_paragraph(pipeline):
    claims = _claims(pipeline, "The flood began on 4 April 1987.\n\nOn May 2 the river fell back below its banks.\n",
                     DOC_DATE)
    assert _date_claim(claims, "May 2").time.date == "2013-05-02"


@model
def test_two_days_later_counts_from_the_last_day_told(pipeline):
    claims = _claims(pipeline, "The company was founded on 3 March 1998. On June 12 it opened a plant. "
                               "Two days later it hired 40 workers.")
    later = _date_claim(claims, "Two days later")
    assert later.time.date == "1998-06-14"
    assert later.time.anchor == "+2 days from 'June 12'"
    [workers] = [c for c in claims if c.quote == "40"]
    assert workers.time.date == "1998-06-14"


@model
def test_anaphoric_day_needs_a_day_date_before_it(pipeline):
    c = _date_claim(_claims(pipeline, "The bridge was closed in 1998. Two days later it reopened."),
                    "Two days later")
    assert (c.time.date, c.time.anchor) == ("", None)


@model
def test_the_next_day_counts_from_a_resolved_weekday(pipeline):
    claims = _claims(pipeline, "The bridge was built on 3 March 1998. On Saturday it was closed. "
                               "The next day it reopened.", DOC_DATE)
    assert _date_claim(claims, "Saturday").time.date == "2013-06-29"
    assert _date_claim(claims, "The next day").time.date == "2013-06-30"


@model
def test_without_any_anchor_the_date_stays_a_date_claim_with_no_value(pipeline):
    claims = _claims(pipeline, "The river rose on December 5. On Saturday the dam held.")
    for quote, gran in (("December 5", "day"), ("Saturday", "day")):
        c = _date_claim(claims, quote)
        assert c.value is None
        assert (c.time.date, c.time.start, c.time.granularity, c.time.anchor) == ("", "", gran, None)
    assert [c for c in claims if c.kind == "quantity"] == []


@model
def test_deictic_dates_need_a_day_precise_document_date(pipeline):
    c = _date_claim(_claims(pipeline, "On Saturday the bridge was closed.", {"published": "2013-07"}), "Saturday")
    assert c.time.date == ""


@model
def test_partial_dates_need_at_least_a_month_precise_document_date(pipeline):
    c = _date_claim(_claims(pipeline, "The ministers met on December 5 in the capital.", {"published": "2013"}),
                    "December 5")
    assert c.time.date == ""


@model
def test_a_lower_bound_date_is_not_an_anchor(pipeline):
    text = ("A Short Report\n\nOn Saturday the bridge was closed for the day.\n\n"
            "1 See: notice, available at [http://x], 24 April, 2018.\n")
    claims = _claims(pipeline, text)
    assert _date_claim(claims, "Saturday").time.date == ""


@model
def test_day_of_the_month_is_a_date_claim_not_a_count(pipeline):
    claims = _claims(pipeline, "Aug. 6 was the day the bridge opened.", DOC_DATE)
    assert [c.quote for c in claims if c.kind == "quantity"] == []
    assert _date_claim(claims, "Aug. 6").time.date == "2013-08-06"


@model
def test_times_of_day_become_quantity_claims(pipeline):
    claims = _claims(pipeline, "The ship sank shortly after 3:33 a.m. local time. Rescuers arrived at 18:07.",
                     DOC_DATE)
    times = [(c.quote, c.value.magnitude, c.value.approx) for c in claims
             if c.kind == "quantity" and c.value.unit == "time_of_day"]
    assert times == [("3:33 a.m. local time", 213.0, True), ("18:07", 1087.0, False)]

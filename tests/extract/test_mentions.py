"""find_mentions: bounds, money, measures, ordinals, dates, relative times, exclusions."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract.mentions import find_mentions


def only(text: str, kind: str | None = None):
    """The single mention in text (of the given kind)."""
    ms = [m for m in find_mentions(text) if kind is None or m.kind == kind]
    assert len(ms) == 1, [(m.text, m.kind) for m in ms]
    return ms[0]


def quantity(text: str):
    return only(text, "quantity")


def date(text: str):
    return only(text, "date")


# ---------------------------------------------------------------- bounds and intervals
@pytest.mark.parametrize(
    ("sentence", "span", "expected"),
    [
        ("There are over 3,000 students.", "over 3,000", (3000, "count", 3000, None, False)),
        ("About 15,000 people attended.", "About 15,000", (15000, "count", 15000, 15000, True)),
        ("nearly 80 percent of respondents agreed.", "nearly 80 percent", (80, "percent", None, 80, True)),
        ("It admits up to 100 students.", "up to 100", (100, "count", None, 100, False)),
        ("at least 40 institutes opened.", "at least 40", (40, "count", 40, None, False)),
        ("under 5 percent", "under 5 percent", (5, "percent", None, 5, False)),
        ("The share was 25% overall.", "25%", (25, "percent", 25, 25, False)),
        ("More than 2.5 million tourists came.", "More than 2.5 million", (2.5e6, "count", 2.5e6, None, False)),
        ("The programme ran for more than about ten and a half years.",
         "more than about ten and a half years", (10.5, "year", 10.5, None, True)),
        ("nearly a quarter of students said so.", "nearly a quarter", (25, "percent", None, 25, True)),
        ("almost half of respondents said so.", "almost half", (50, "percent", None, 50, True)),
    ],
)
def test_bounds_become_intervals(sentence, span, expected):
    m = quantity(sentence)
    assert m.text == span
    x, unit, low, high, approx = expected
    assert m.value.magnitude == pytest.approx(x)
    assert m.value.unit == unit
    assert m.value.low == (None if low is None else pytest.approx(low))
    assert m.value.high == (None if high is None else pytest.approx(high))
    assert m.value.approx is approx


def test_more_than_about_word_number():
    m = quantity("Exports grew by more than about ten and a half per cent.")
    assert (m.value.unit, m.value.low, m.value.high, m.value.approx) == ("percent", 10.5, None, True)


def test_percent_range_with_rate():
    m = quantity("Trade grew by 10-12% per year.")
    assert m.text == "10-12%"
    assert (m.value.magnitude, m.value.unit, m.value.low, m.value.high) == (None, "percent", 10, 12)
    assert m.flags["rate"] == "year"


def test_percent_without_rate_has_no_rate_flag():
    assert "rate" not in quantity("Trade grew by 12% in total.").flags


def test_percent_sign_after_a_space():
    m = quantity("About 15 % of people agreed.")
    assert m.value.unit == "percent"


# ---------------------------------------------------------------- money
def test_dollars_with_scale():
    m = quantity("The project cost $25.68 billion.")
    assert m.text == "$25.68 billion"
    assert m.value.unit == "USD"
    assert m.value.magnitude == pytest.approx(2.568e10)


def test_currency_word():
    m = quantity("The state spent 5 billion tenge on it.")
    assert m.text == "5 billion tenge"
    assert m.value.unit == "KZT"
    assert m.value.magnitude == pytest.approx(5e9)


@pytest.mark.parametrize(
    ("sentence", "unit", "x"),
    [("Trade reached $1.5bn.", "USD", 1.5e9), ("The bank lent US$ 300 million.", "USD", 3e8),
     ("about 200 million euros", "EUR", 2e8)],
)
def test_money_forms(sentence, unit, x):
    m = quantity(sentence)
    assert m.value.unit == unit
    assert m.value.magnitude == pytest.approx(x)


def test_money_word_number_with_fraction_and_scale():
    m = quantity("Investment reached two and a half billion dollars.")
    assert (m.value.unit, m.value.magnitude) == ("USD", pytest.approx(2.5e9))


# ---------------------------------------------------------------- measures and multipliers
@pytest.mark.parametrize(
    ("sentence", "span", "unit", "x"),
    [
        ("The pipeline is 1,782 km long.", "1,782 km", "km", 1782),
        ("They planted 1.7 million hectares.", "1.7 million hectares", "hectare", 1.7e6),
        ("It is 1,107 miles long.", "1,107 miles", "mile", 1107),
    ],
)
def test_measures(sentence, span, unit, x):
    m = quantity(sentence)
    assert m.text == span
    assert m.value.unit == unit
    assert m.value.magnitude == pytest.approx(x)


def test_duration_adjective():
    m = quantity("Visitors get a fourteen-day regime.")
    assert m.text == "fourteen-day"
    assert (m.value.unit, m.value.magnitude) == ("day", 14)
    assert m.flags.get("duration_adj") is True


def test_two_measures_in_one_rule():
    ms = find_mentions("Visitors may stay ninety days per 180 calendar days.")
    assert [(m.text, m.value.unit, m.value.magnitude) for m in ms] == [
        ("ninety days", "day", 90), ("180 calendar days", "day", 180)]


@pytest.mark.parametrize(("sentence", "x"), [("Trade increased 3.5 times.", 3.5), ("It grew tenfold.", 10)])
def test_multipliers(sentence, x):
    m = quantity(sentence)
    assert (m.value.unit, m.value.magnitude) == ("times", x)
    assert m.flags.get("multiplier") is True


# ---------------------------------------------------------------- ordinals
@pytest.mark.parametrize(
    ("sentence", "span", "n"),
    [
        ("In 2007 the first Confucius Institute opened.", "first", 1),
        ("China is the third-largest partner.", "third-largest", 3),
        ("The country ranked 30th place in the index.", "30th", 30),
        ("It ranked number one in the region.", "number one", 1),
    ],
)
def test_ordinals_kept(sentence, span, n):
    m = quantity(sentence)
    assert m.text == span
    assert m.value.unit == "ordinal"
    assert m.flags["ordinal"] == n


def test_first_flag_only_on_plain_first():
    assert quantity("the first Confucius Institute opened").flags.get("first") is True
    assert "first" not in quantity("It ranked number one overall.").flags


def test_top_n_is_an_upper_bound():
    m = quantity("It is among the top ten partners.")
    assert (m.value.low, m.value.high) == (None, 10)


@pytest.mark.parametrize(
    "sentence",
    [
        "First, we describe the data.",
        "The first component is trade.",
        "It was adopted at the sixth Plenary Session of the party.",
        "Deputies of the 17th convocation of the parliament voted.",
        "The first of these is trade.",
    ],
)
def test_ordinals_that_order_text_or_name_things_are_dropped(sentence):
    assert [m for m in find_mentions(sentence) if m.value and m.value.unit == "ordinal"] == []


# ---------------------------------------------------------------- dates
@pytest.mark.parametrize(
    ("sentence", "span", "iso", "gran", "approx"),
    [
        ("The initiative was announced in September 2013.", "September 2013", "2013-09", "month", False),
        ("As of early 2017, the network grew.", "early 2017", "2017", "year", True),
        ("In the 1990s the economy collapsed.", "the 1990s", "1990", "decade", False),
        ("By the mid-2000s growth resumed.", "mid-2000s", "2000", "decade", True),
        ("In the XXI century things changed.", "the XXI century", "2001", "century", False),
        ("It opened on 3 June, 2003 in the capital.", "3 June, 2003", "2003-06-03", "day", False),
        ("It was signed on 29.05.2024 in the capital.", "29.05.2024", "2024-05-29", "day", False),
        ("In the first half of 2024 trade rose.", "the first half of 2024", "2024-01", "half", False),
        ("In fall 2021 the course began.", "fall 2021", "2021-09", "season", False),
        ("In the first nine months of 2023 trade rose.", "the first nine months of 2023", "2023-01", "month", False),
        ("The law passed in 2000.", "2000", "2000", "year", False),
    ],
)
def test_dates(sentence, span, iso, gran, approx):
    m = date(sentence)
    assert m.text == span
    assert (m.time.date, m.time.granularity, m.time.approx) == (iso, gran, approx)
    assert not m.time.relative


def test_month_range_is_one_span():
    m = date("The survey ran between June and September 2022.")
    assert m.text == "between June and September 2022"
    assert (m.time.start, m.time.end) == ("2022-06-01", "2022-09-30")
    assert m.flags.get("span") is True


def test_day_range_with_shared_year():
    ms = find_mentions("The Expo ran from May 1 to October 31, of 2010.")
    assert len(ms) == 1
    m = ms[0]
    assert m.kind == "date" and m.flags.get("span") is True
    assert (m.time.start, m.time.end, m.time.granularity) == ("2010-05-01", "2010-10-31", "day")
    assert m.text.endswith("2010")


def test_year_range():
    m = date("The plan covers 2015-2020.")
    assert (m.time.start, m.time.end) == ("2015-01-01", "2020-12-31")


def test_event_year():
    m = date("Expo-2010 in Shanghai was a success.")
    assert m.text == "2010"
    assert m.time.date == "2010"


def test_century_inside_a_name_is_not_a_date():
    assert [m for m in find_mentions("The Maritime Silk Road of the 21st Century is a project.") if m.kind == "date"] == []


def test_month_without_year_is_a_date_without_a_value():
    """"In January" is a date (never a count), but its year needs an anchor: none is guessed."""
    [m] = find_mentions("In January the talks resumed.")
    assert (m.kind, m.text, m.time.date, m.time.granularity, m.flags["partial"]) == ("date", "January", "", "month", ("month", 1, False))


# ---------------------------------------------------------------- relative times
@pytest.mark.parametrize(
    ("sentence", "span", "offset"),
    [
        ("Three years later, the institute opened.", "Three years later", 3),
        ("It was founded a century ago.", "a century ago", -100),
        ("It started about ten and a half years ago.", "about ten and a half years ago", -10.5),
        ("Last year trade fell.", "Last year", -1),
        ("Over the past decade trade grew.", "Over the past decade", -10),
        ("Trade doubled in the last 25 years.", "in the last 25 years", -25),
    ],
)
def test_relative_times(sentence, span, offset):
    m = date(sentence)
    assert m.text == span
    assert m.time.relative
    assert m.time.offset_years == pytest.approx(offset)
    assert m.time.anchor is None  # resolved later, against an explicit anchor
    assert m.flags.get("relative") is True


# ---------------------------------------------------------------- exclusions
@pytest.mark.parametrize(
    "sentence",
    [
        "See http://www.example.com/2019/05/report-2020.html for details.",
        "Source: http://www. china. com. cn/17da/2007-10/24/content 9119449 2. htm",
        "doi:10.1016/j.jeurea.2019.05.003",
        "https://doi.org/10.1080/02634937.2020.1234567",
        "The DOI is 10.1080/02634937.2020.1234567 here.",
        "ISBN 978-5-699-12014-7 was printed.",
        "ISBN: 978-0-19-953556-9",
        "ORCID 0000-0002-1825-0097 belongs to her.",
        "see p. 37 for details.",
        "see pp. 12-15 for details.",
        "as shown in Table 2 above.",
        "Respondent 3 said so.",
        "The grant AP19678 funded it.",
        "The COVID-19 pandemic hit.",
        "Write to info@example.org for details.",
    ],
)
def test_exclusions_produce_no_mention(sentence):
    assert find_mentions(sentence) == []


def test_broken_url_does_not_swallow_following_prose():
    ms = find_mentions("Source: http://www. china. com. cn/17da/2007-10/24/content 9119449 2. htm in 2007 alone.")
    assert [(m.text, m.kind) for m in ms] == [("2007", "date")]


def test_exclusion_next_to_a_real_claim():
    ms = find_mentions("As Table 2 shows, over 3,000 students enrolled (p. 37).")
    assert [(m.text, m.value.low) for m in ms] == [("over 3,000", 3000)]


# ---------------------------------------------------------------- year vs count
@pytest.mark.parametrize(("sentence", "x"), [("2000 students enrolled.", 2000), ("1000 students enrolled.", 1000)])
def test_number_before_a_plural_noun_is_a_count(sentence, x):
    m = only(sentence)
    assert m.kind == "quantity"
    assert (m.value.unit, m.value.magnitude) == ("count", x)


def test_in_year_is_a_date():
    m = only("In 2000 the law passed.")
    assert m.kind == "date" and m.time.date == "2000"


def test_year_and_count_in_one_sentence():
    ms = find_mentions("In 2019, 1,200 students studied there.")
    assert [(m.text, m.kind) for m in ms] == [("2019", "date"), ("1,200", "quantity")]


@pytest.mark.parametrize("sentence", ["1. Onto its cultures", "One of them left.", "The two countries agreed."])
def test_non_counts(sentence):
    assert [m for m in find_mentions(sentence) if m.value and m.value.unit == "count"] == []


# ---------------------------------------------------------------- offsets and taken spans
def test_offsets_are_shifted_by_base():
    text = "In 2000, over 3,000 students."
    plain = find_mentions(text)
    shifted = find_mentions(text, base=100)
    assert [(m.start + 100, m.end + 100, m.text) for m in plain] == [(m.start, m.end, m.text) for m in shifted]
    for m in shifted:
        assert text[m.start - 100:m.end - 100] == m.text


def test_taken_spans_are_not_read():
    text = "In 2000, over 3,000 students."
    start = text.index("3,000")
    ms = find_mentions(text, base=50, taken=[(50 + start, 50 + start + 5)])
    assert [m.text for m in ms] == ["2000"]


def test_taken_span_outside_the_paragraph_is_ignored():
    text = "In 2000, over 3,000 students."
    ms = find_mentions(text, base=50, taken=[(0, 40), (200, 300)])
    # (0, 40) covers only the first 40 - 50 < 0 characters: nothing of this paragraph
    assert [m.text for m in ms] == ["2000", "over 3,000"]


def test_taken_span_overlapping_the_start_is_clipped():
    text = "In 2000, over 3,000 students."
    ms = find_mentions(text, base=50, taken=[(0, 57)])  # up to "In 2000" inclusive
    assert [m.text for m in ms] == ["over 3,000"]


# ---------------------------------------------------------------- properties
_PROSE = st.lists(
    st.sampled_from(["over", "about", "nearly", "up to", "3,000", "15", "%", "percent", "$", "25.68", "billion",
                     "tenge", "km", "-", "day", "days", "times", "first", "third-largest", "30th", "in", "the",
                     "September", "2013", "1990s", "mid", "XXI", "century", "years", "ago", "later", "last",
                     "year", "between", "and", "June", "to", "May", "1", ",", "of", "2010", "Expo-2010",
                     "http://www.", "doi:10.1/x", "p.", "Table", "2", "students", "ten and a half", "a quarter",
                     "(", ")", "ISBN", "\n", "tenfold", "Respondent", "top", "ten", "number", "one"]),
    max_size=14,
).map(" ".join)


@given(st.one_of(st.text(max_size=80), _PROSE), st.integers(min_value=0, max_value=10_000))
def test_find_mentions_never_raises_and_spans_slice_to_text(text, base):
    ms = find_mentions(text, base=base)
    for m in ms:
        assert base <= m.start < m.end <= base + len(text)
        assert text[m.start - base:m.end - base] == m.text
        assert m.kind in ("quantity", "date")
        assert (m.value is not None) if m.kind == "quantity" else (m.time is not None)
    starts = [(m.start, m.end) for m in ms]
    assert starts == sorted(starts)
    for a, b in zip(ms, ms[1:]):
        assert a.end <= b.start  # a span is read once


def test_lower_case_labels_and_enumerators_are_not_quantities():
    from factcheck.extract.mentions import find_mentions

    def texts(t):
        return [m.text for m in find_mentions(t)]

    assert texts("In 2015 there were 900 clubs in Freedonia, according to survey 3.") == ["2015", "900"]
    assert texts("The trial in phase 2 of the study enrolled 340 patients.") == ["340"]
    assert texts("(1) What do they have? (ii) How do they manage?") == []
    # a count followed by what it counts stays a count
    assert texts("They visited 3 rooms and 2 stages.") == ["3", "2"]
    assert "3 times" in texts("The group 3 times visited 5 towns.")


@pytest.mark.parametrize("text, quote, unit, high", [
    ("The ferry will take a month to reach the Brill islands.", "a month", "month", 1.0),
    ("They began a month-long crossing of the Orrin sound.", "a month-long", "month", 1.0),
    ("The talks in Selby lasted nearly a year.", "nearly a year", "year", 1.0),
    ("The repairs took a fortnight.", "a fortnight", "week", 2.0),
])
def test_a_unit_of_time_told_with_an_article_is_a_duration(text, quote, unit, high):
    [m] = [m for m in find_mentions(text) if m.value is not None]
    assert (m.text, m.value.unit, m.value.high, m.value.approx) == (quote, unit, high, True)


@pytest.mark.parametrize("text", [
    "The crossing carries 9,000 vehicles a day.",  # a rate
    "A year ago the Orrin line opened.",  # a date
    "The council meets once a month.",  # a frequency
    "It was a year of growth for Selby.",
    "The repairs took a year and a half.",  # not one unit
])
def test_an_article_and_a_unit_of_time_that_are_not_a_duration(text):
    assert not [m for m in find_mentions(text) if m.value is not None and m.value.unit in ("day", "month", "year", "week")]


@pytest.mark.parametrize("text, quote, date", [
    ("By Christmas 1963 the Selby regime had fallen.", "Christmas 1963", "1963-12-25"),
    ("On Christmas Day, 1914, the Orrin garrison held a truce.", "Christmas Day, 1914", "1914-12-25"),
    ("On New Year's Day 1915 it snowed in Brill.", "New Year's Day 1915", "1915-01-01"),
])
def test_a_day_of_fixed_date_with_its_year_is_that_day(text, quote, date):
    [m] = [m for m in find_mentions(text) if m.kind == "date"]
    assert (m.text, m.time.date) == (quote, date)


def test_a_day_of_fixed_date_without_a_year_is_no_date():
    assert not [m for m in find_mentions("A Christmas party was held at Brill.") if m.kind == "date"]


_DIGITLESS_WORDS = ("May", "June", "Sept.", "October", "Jan", "spring", "summer", "of", "the", "in", "to", "and", "-", "–",
                    "first", "second", "half", "quarter", "Q", "fiscal", "noon", "nineties", "twentieth", "century",
                    "five", "twenty", "hundred", "thousand", "million", "dollars", "$", "€", "%", "percent", "kg",
                    "miles", "feet", "°", "N", "W", "′", "″", "Expo-", "Christmas", "New Year's Day", ",", ".", "p",
                    "cents", "between", "M", "magnitude", "Richter", "Mw", "fold", "times", "o'clock", "a.m.")


@settings(deadline=None)  # the first example compiles the patterns
@given(st.lists(st.sampled_from(_DIGITLESS_WORDS), min_size=1, max_size=12), st.sampled_from([" ", "", "  "]))
def test_patterns_that_need_a_digit_never_match_text_without_one(words, sep):
    """find_mentions skips these patterns on a paragraph without a digit; that must lose nothing."""
    from factcheck.extract.mentions import DIGIT_PATTERNS, _patterns

    text = sep.join(words)
    for name, pat in _patterns():
        if name in DIGIT_PATTERNS:
            assert pat.search(text) is None, (name, text)


def test_every_digit_pattern_name_is_a_pattern():
    from factcheck.extract.mentions import DIGIT_PATTERNS, _patterns

    assert DIGIT_PATTERNS <= {name for name, _pat in _patterns()}


def test_a_list_of_days_is_one_date_and_no_count():
    for text in ("The fair was held on August 15, 16, 17, 1969 on a farm.", "It ran on August 15, 16 and 17, 1969.",
                 "It ran on 15, 16 and 17 August 1969."):
        ms = find_mentions(text)
        assert [m.kind for m in ms] == ["date"], text
        assert ms[0].time.start == "1969-08-15" and ms[0].time.end == "1969-08-17"
    # a day then a count is not a list
    ms = find_mentions("On August 15, 1969, 32 acts played.")
    assert [(m.text, m.kind) for m in ms] == [("August 15, 1969", "date"), ("32", "quantity")]


def test_a_hedge_after_the_figure_makes_it_approximate():
    two, known = find_mentions("Deaths 2,000 (approximate) (1,950 known)")
    assert two.value.approx and not known.value.approx
    assert find_mentions("Injured 9,000 (est.)")[0].value.approx


def test_upward_of_is_a_lower_bound():
    (m,) = find_mentions("when upward of 500,000 people showed up")
    assert m.value.low == 500000 and m.value.high is None


def test_a_figure_with_its_unit_after_run_together_words_is_kept():
    assert [m.text for m in find_mentions("Other dimensionsSpan 260 metres (853.0 ft)")] == ["260 metres", "853.0 ft"]
    assert find_mentions("the ABC 50 index rose") == []


def _dates(text: str) -> list[str]:
    return [m.text for m in find_mentions(text) if m.kind == "date"]


def test_bare_seasons_of_a_narrative():
    assert _dates("The siege went on throughout the fall and winter.") == ["the fall", "winter"]
    assert _dates("They launched their main summer offensive in the north.") == ["summer"]
    assert _dates("Allied victory came in summer and autumn 1918.") == ["summer", "autumn 1918"]
    # "fall" the verb, and the fall of a city, are no season
    assert _dates("Prices fall and rise.") == []
    assert _dates("After the fall of Corvel in 1975 the war ended.") == ["1975"]


def test_bare_months_of_a_narrative():
    assert _dates("During August and September the armies advanced.") == ["August", "September"]
    assert _dates("This began with a March operation against the port.") == ["March"]
    assert _dates("March and walk.") == []


def test_a_year_after_a_temporal_word_is_a_year_even_before_a_plural_noun():
    assert [(m.text, m.kind) for m in find_mentions("Forces that had crossed the river in late 1943 besieged the town.")] == [
        ("late 1943", "date")]
    assert [m.kind for m in find_mentions("Beginning in 1970 American troops left.")] == ["date"]
    assert [m.kind for m in find_mentions("They spent most of 1919 moving their troops east.")] == ["date"]
    assert [m.kind for m in find_mentions("The suffrage of 1793 was replaced.")] == ["date"]
    # ... but a count is still a count
    assert [m.kind for m in find_mentions("There were 2000 students.")] == ["quantity"]
    assert [m.kind for m in find_mentions("A crowd of 2000 angry people gathered.")] == ["quantity"]


def test_twenty_four_hour_times_with_a_dot_or_a_redundant_pm():
    got = [(m.text, m.value.magnitude) for m in find_mentions("TIME PERIOD : 14.00 PM - 17.30PM")]
    assert got == [("14.00 PM", 840.0), ("17.30PM", 1050.0)]
    assert [(m.text, m.value.unit) for m in find_mentions("at 17.30 the buses left")] == [("17.30", "time_of_day")]
    assert [m.value.unit for m in find_mentions("he ran it in 13.50 seconds")] == ["second"]
    assert find_mentions("2.1 Methods") == []


def test_a_holiday_without_its_year_and_a_season_naming_an_offensive():
    ms = [m for m in find_mentions("The troops hoped to be home by Christmas, they said.") if m.kind == "date"]
    assert [(m.text, m.flags.get("partial")) for m in ms] == [("Christmas", ("day", 12, 25))]
    assert [(m.text, m.time.date) for m in find_mentions("On Christmas Day 1914 the guns fell silent.")] == [
        ("Christmas Day 1914", "1914-12-25")]
    assert _dates("The Chinese Winter Offensive overwhelmed the line.") == ["Winter"]
    assert _dates("She bought a christmas tree.") == []


def test_a_price_after_its_verb_is_no_time_and_an_ordinal_before_a_noun_is_no_day():
    assert [m.value.unit for m in find_mentions("Shares opened at 14.50 on Monday.") if m.kind == "quantity"] == ["count"]
    assert [m.kind for m in find_mentions("He moved up to the 3rd spot.")] == ["quantity"]
    assert [(m.text, m.time.date) for m in find_mentions("Allied victory came in summer and autumn 1918.")] == [
        ("summer", "1918-06"), ("autumn 1918", "1918-09")]

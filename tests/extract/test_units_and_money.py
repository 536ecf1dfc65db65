"""Units, currencies, ranges and the numbers that are neither (all texts invented).

The extractor reads word units from units.yaml, unit symbols through pint, money with
symbols, codes, scale words and short scales, and refuses citation markers, tallies,
names with numbers and identifiers.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.extract.mentions import find_mentions
from factcheck.normalize.numbers import parse_number
from factcheck.normalize.units import comparable, convert, symbol_unit


def _quantities(text: str) -> list[tuple[str, float | tuple, str]]:
    out = []
    for m in find_mentions(text):
        if m.kind != "quantity" or m.value is None:
            continue
        v = m.value
        value = v.magnitude if v.magnitude is not None and v.low == v.high else (v.low, v.high)
        out.append((m.text, value, v.unit))
    return out


def _one(text: str) -> tuple[str, float | tuple, str]:
    qs = _quantities(text)
    assert len(qs) == 1, qs
    return qs[0]


# ---------------------------------------------------------------- money

@pytest.mark.parametrize("text, value, unit", [
    ("The fund holds £14.2m for repairs.", 14_200_000, "GBP"),
    ("The club paid $2.3bn for the site.", 2_300_000_000, "USD"),
    ("A grant of $10k was awarded.", 10_000, "USD"),
    ("The state set aside Rs 1,000 crore for roads.", 10_000_000_000, "INR"),
    ("Farmers got Rs. 6,000 each.", 6000, "INR"),
    ("The mine was sold for A$5 billion.", 5_000_000_000, "AUD"),
    ("Gold slipped to $US2,637 an ounce.", 2637, "USD"),
    ("The phone costs 800,000 won in Seoul.", 800_000, "KRW"),
    ("Tickets cost 51 cents more.", 0.51, "USD"),
    ("A stamp now costs 85p.", 0.85, "GBP"),
    ("Wheat rose 3-3/4 cents.", 0.0375, "USD"),
    ("The award was USD 500 in total.", 500, "USD"),
])
def test_money_forms(text, value, unit):
    _span, got, got_unit = _one(text)
    assert got_unit == unit
    assert got == pytest.approx(value)


def test_a_scale_word_written_once_covers_both_ends_of_a_money_range():
    assert _one("Estimates run at €315-€410bn.")[1:] == ((315e9, 410e9), "EUR")


def test_a_money_change_is_two_values_not_a_range():
    qs = _quantities("The metal slid $US20 to $US2,637 an ounce.")
    assert [(q[1], q[2]) for q in qs] == [(20, "USD"), (2637, "USD")]


def test_pounds_of_a_substance_are_a_mass_not_money():
    assert _one("The ship carried 2,300 pounds of cotton.")[1:] == (2300, "lb")
    assert _one("She was fined 500 pounds by the court.")[1:] == (500, "GBP")


def test_the_verb_won_after_a_year_is_not_a_currency():
    assert all(q[2] != "KRW" for q in _quantities("The side that in 2010 won the cup was young."))


# ---------------------------------------------------------------- measures and symbols

@pytest.mark.parametrize("text, value, unit", [
    ("The wall is 20 feet high.", 20, "foot"),
    ("A 25-foot surge hit the pier.", 25, "foot"),
    ("Rain of six inches fell.", 6, "inch"),
    ("Winds reached 95 mph.", 95, "mile/hour"),
    ("The bar is 70km south of the port.", 70, "kilometer"),
    ("It weighs 75 g.", 75, "gram"),
    ("Glucose was 7.0 mmol/L.", 7.0, "millimole / liter"),
    ("The flux was 340 W m−2.", 340, "watt / meter ** 2"),
    ("It was 51 °C in the shade.", 51, "degC"),
    ("Lows of −4°C are expected.", -4, "degC"),
    ("The ridge is 1,200m high.", 1200, "meter"),
    ("The game lasted 36 minutes.", 36, "minute"),
    ("The index added 10 points.", 10, "score_point"),
    ("A magnitude 7.1 quake hit the coast.", 7.1, "magnitude"),
    ("A 6.3-magnitude quake hit the coast.", 6.3, "magnitude"),
    ("The agency put it at 6.9 Mw overnight.", 6.9, "magnitude"),
    ("It registered M7.3 at first.", 7.3, "magnitude"),
    ("It measured 3.8 on the Richter scale.", 3.8, "magnitude"),
    ("He stands 6 ft 8 in tall.", 80, "inch"),
    ("The guard, 5-foot-11, jumped.", 71, "inch"),
    ("Exports reached 12.3m tonnes.", 12_300_000, "metric_ton"),
])
def test_measure_forms(text, value, unit):
    _span, got, got_unit = _one(text)
    assert got_unit == unit
    assert got == pytest.approx(value)


@pytest.mark.parametrize("text, lo, hi, unit", [
    ("Expect 10-15 inches of rain.", 10, 15, "inch"),
    ("Surges range from four to six feet.", 4, 6, "foot"),
    ("He faces between 19.5 and 24 years.", 19.5, 24, "year"),
    ("Earnings of 28 cents to 36 cents a share.", 0.28, 0.36, "USD"),
    ("Values of 1.4–3.1 mmol/L were seen.", 1.4, 3.1, "millimole / liter"),
])
def test_ranges_with_units(text, lo, hi, unit):
    _span, got, got_unit = _one(text)
    assert got_unit == unit
    assert got == (pytest.approx(lo), pytest.approx(hi))


def test_a_rise_from_one_measure_to_another_is_not_a_range():
    qs = _quantities("The river rose from 20 to 35 feet overnight.")
    assert all(not isinstance(q[1], tuple) for q in qs)


def test_coordinates_are_angles():
    assert _one("The epicentre was at 33.165°N.")[1:] == (pytest.approx(33.165), "degree")
    assert _one("It lay at 96°37′44″E.")[1] == pytest.approx(96 + 37 / 60 + 44 / 3600, abs=1e-5)


def test_five_m_people_is_five_million_not_five_metres():
    assert _one("Some 5m people watched.")[1:] == (5_000_000, "count")


def test_decades_and_ordinals_are_not_read_as_unit_symbols():
    for text in ("Highs will be in the 70s.", "She finished 11th overall.", "The 23rd minute goal."):
        assert all(q[2] not in ("second", "thou", "rod") for q in _quantities(text)), text


def test_words_pint_knows_are_not_units_in_running_text():
    # "the 5 are" (an area unit), "5 in" (inches), "5K" (kelvin): refused
    assert _quantities("Of these, 5 are women.")[0][2] == "count"
    assert symbol_unit("in") is None and symbol_unit("are") is None and symbol_unit("K") is None
    assert symbol_unit("people") is None
    assert symbol_unit("kg") == "kilogram" and symbol_unit("km²") == "kilometer ** 2"


def test_converted_units_compare():
    assert comparable("degC", "degF")
    assert convert(100, "degC", "degF") == pytest.approx(212)
    assert comparable("foot", "meter") and not comparable("foot", "kilogram")
    assert not comparable("INR", "USD")


# ---------------------------------------------------------------- what is neither

@pytest.mark.parametrize("text", [
    "The quake killed many.[4][5] Rescue went on.",
    "The council approved the budget 10-1, with one objection.",
    "The ASX 200 opened firmer.",
    "Apple will launch iOS 6 soon.",
    "See the ruling at *380 for details.",
    "The motion under Rule 59(a) was denied.",
    "Council Member for District 8 objected.",
    "ISC event | 14573075 | USGS",
])
def test_numbers_that_are_not_quantities(text):
    assert _quantities(text) == [] or all(q[1] not in (4, 5, 10, 1, 200, 6, 380, 59, 8, 14573075) for q in _quantities(text)), _quantities(text)


def test_an_indian_or_space_grouped_number_is_one_number():
    assert _one("It affects 1,00,000 farmers.")[1] == 100_000
    assert _one("The town had 15 468 residents.")[1] == 15_468
    assert _one("Some 90 crore voters are eligible.")[1] == 900_000_000


def test_military_time_after_a_preposition_is_a_clock():
    clocks = [m for m in find_mentions("The crash happened at about 0200 (2030 GMT).") if m.value and m.value.unit == "time_of_day"]
    assert [c.value.magnitude for c in clocks] == [120, 20 * 60 + 30]


# ---------------------------------------------------------------- properties

@given(st.integers(min_value=1000, max_value=999_999_999))
def test_space_grouped_digits_parse_to_the_number(n):
    grouped = f"{n:,}".replace(",", " ")
    assert parse_number(grouped) == n
    assert parse_number(f"{n:,}") == n


@given(st.integers(min_value=100_000, max_value=99_99_99_999))
def test_indian_grouping_parses_to_the_number(n):
    s = str(n)
    head, tail = s[:-3], s[-3:]
    pairs = []
    while len(head) > 2:
        pairs.insert(0, head[-2:])
        head = head[:-2]
    indian = ",".join([head] + pairs + [tail])
    assert parse_number(indian) == n


@given(st.floats(min_value=0.01, max_value=9999, allow_nan=False).map(lambda x: round(x, 2)),
       st.sampled_from([("m", 1e6), ("bn", 1e9), ("k", 1e3)]))
def test_short_scales_on_money(x, scale):
    word, factor = scale
    text = f"It cost £{x:g}{word} last year."
    q = _one(text)
    assert q[2] == "GBP"
    assert q[1] == pytest.approx(x * factor)


# ---------------------------------------------------------------- second round (ranges, ratios, names)

def test_a_lower_case_word_is_a_unit_only_as_its_own_symbol():
    # pint would read "cats" as centi-technical-atmospheres
    assert symbol_unit("cats") is None
    assert _one("The shelter took in 30 cats.")[2] == "count"
    assert symbol_unit("kcal") == "kilocalorie" and symbol_unit("yr") == "year"


def test_pounds_weigh_unless_the_sentence_speaks_of_money():
    assert _one("Adult bears weigh up to 440 pounds.")[1:] == ((None, 440), "lb")  # "up to": an upper bound
    assert _one("The fine was 500 pounds.")[1:] == (500, "GBP")


@pytest.mark.parametrize("text, value", [("One in six adults smoke.", 100 / 6), ("About 1 in 5 voters stayed home.", 20.0)])
def test_one_in_n_is_a_share(text, value):
    _span, got, unit = _one(text)
    assert unit == "percent" and got == pytest.approx(value)


@pytest.mark.parametrize("text, lo, hi", [
    ("Herds of 200 to 300 animals roam.", 200, 300),
    ("Between 2,400 and 2,800 remain.", 2400, 2800),
    ("Groups of 10-15 hikers set out.", 10, 15),
])
def test_count_ranges(text, lo, hi):
    assert _one(text)[1] == (lo, hi)


def test_counts_that_are_not_ranges():
    assert [q[1] for q in _quantities("She bought 5 and 7 apples.")] == [5, 7]
    assert [q[1] for q in _quantities("Attendance rose from 5 to 7 people.")] == [5, 7]


def test_how_often_is_a_count_and_how_much_larger_is_a_multiplier():
    assert _one("She has won four times.")[2] == "count"
    assert _one("It is four times larger.")[2] == "times"
    assert _one("Trade increased 3 times.")[2] == "times"


def test_names_with_numbers_and_score_lists_are_not_counts():
    assert _quantities("A SpaceX Falcon 9 rocket lifted off.") == []
    assert _quantities("She won 7-6 (1), 6-7 (10), 6-4 on Sunday.") == []
    assert _quantities("The Air India flight no 9604 landed.") == []
    assert _one("Readers can access 10 free stories.")[1] == 10


def test_medieval_years_after_a_preposition():
    dates = [m for m in find_mentions("His father died in 1141. He ruled until 1162, when he died.") if m.kind == "date"]
    assert [d.time.date for d in dates] == ["1141", "1162"]


def test_four_digit_clock_before_local_time():
    clocks = [m for m in find_mentions("They reached the top at 1130 local time.") if m.value and m.value.unit == "time_of_day"]
    assert [c.value.magnitude for c in clocks] == [11 * 60 + 30]


# ---------------------------------------------------------------- review findings (crashes and misreadings)

@pytest.mark.parametrize("text", [
    "Debt rose to 2 000bn.",          # a scale glued to space-grouped digits
    "They paid $1-0bn for it.",       # a money range ending in zero
    "The area is 5 m²²²²²² wide.",    # a tower of powers
    "M1 " * 3000,                     # many protected spans
])
def test_odd_inputs_do_not_crash_or_hang(text):
    import time

    t0 = time.perf_counter()
    find_mentions(text)
    assert time.perf_counter() - t0 < 5


def test_misreadings_found_in_review():
    assert all(q[2] != "magnitude" for q in _quantities("Take the M1 motorway north."))
    assert _one("Lows of -4 °C are likely.")[1:] == (-4, "degC")
    assert _one("She won the 100m hurdles.")[2] == "meter"
    assert all(q[2] != "time_of_day" for q in _quantities("Volunteers logged 1200 hours."))
    assert all(q[2] != "ZAR" for q in _quantities("In 1995 Rand published a report."))
    assert symbol_unit("MS") is None and symbol_unit("Min") is None and symbol_unit("m²²") is None
    assert [m.kind for m in find_mentions("Options 3 and 4 may be combined.")] == ["quantity", "quantity"]


def test_a_plural_proper_noun_ending_in_es_is_singularized_without_error():
    from factcheck.extract.frame import _lemma

    class Tok:
        tag_, lemma_, lower_ = "NNPS", "bushes", "bushes"

    assert _lemma(Tok()) == "bush"

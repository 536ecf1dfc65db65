"""Units: one shared pint registry; currencies, counts and percents never mix."""

from __future__ import annotations

import pint
import pytest

from factcheck.normalize.units import comparable, convert, registry, unit_table


def test_km_and_miles_are_comparable_and_convert():
    assert comparable("km", "mile")
    assert comparable("mile", "km")
    assert convert(1782, "km", "mile") == pytest.approx(1107.28, rel=1e-4)
    assert convert(convert(1782, "km", "mile"), "mile", "km") == pytest.approx(1782)


def test_area_and_time_convert():
    assert comparable("hectare", "acre")
    assert convert(1, "hectare", "acre") == pytest.approx(2.4710, rel=1e-4)
    assert convert(14, "day", "week") == pytest.approx(2)


def test_same_unit_is_identity():
    assert comparable("USD", "USD")
    assert convert(5.5, "USD", "USD") == 5.5
    assert convert(None, "km", "mile") is None


@pytest.mark.parametrize(
    ("u1", "u2"),
    [
        ("USD", "KZT"),
        ("KZT", "USD"),
        ("USD", "EUR"),
        ("CNY", "RUB"),
        ("count", "percent"),
        ("percent", "count"),
        ("count", "times"),
        ("ordinal", "count"),
        ("km", "kg"),
        ("km", "count"),
        ("day", "km"),
        ("no_such_unit", "km"),
        ("no_such_unit", "other_unknown"),
    ],
)
def test_not_comparable(u1, u2):
    assert not comparable(u1, u2)


def test_currencies_are_never_converted():
    with pytest.raises(pint.DimensionalityError):
        convert(5e9, "USD", "KZT")


def test_currency_word_aliases_are_the_same_unit():
    # "tenge" is defined as an alias of KZT, so it compares and converts 1:1
    assert comparable("tenge", "KZT")
    assert convert(5, "tenge", "KZT") == pytest.approx(5)


def test_registry_is_one_shared_instance():
    assert registry() is registry()
    ureg = registry()
    # quantities built at different times combine, which pint allows only within one registry
    total = ureg.Quantity(1, "km") + registry().Quantity(1, "mile")
    assert total.to("km").magnitude == pytest.approx(2.609344)


def test_every_unit_in_the_table_is_known_to_the_registry():
    table = unit_table()
    ureg = registry()
    for unit in sorted(set(table["measures"].values())):
        assert isinstance(ureg.Unit(unit), pint.Unit), unit  # a typo raises UndefinedUnitError
    for unit in sorted(set(table["currency_symbols"].values()) | set(table["currency_words"].values())):
        assert any(str(d).startswith("[currency_") for d in ureg.Unit(unit).dimensionality), unit


@pytest.mark.parametrize(
    "unit",
    [
        "hour",
        "day",
        "week",
        "month",
        "decade_of_years",  # units.yaml maps "decade(s)" here: pint's own "decade" is logarithmic
    ],
)
def test_duration_units_compare_with_years(unit):
    assert comparable(unit, "year")
    assert convert(1, unit, "year") > 0


@pytest.mark.parametrize("text, magnitude, unit", [
    ("The Corran span weighs 27,000lbs in all.", 27000.0, "lb"),
    ("The trail is a 5mi walk.", 5.0, "mile"),
    ("The crane lifts 12kg at full reach.", 12.0, "kilogram"),
])
def test_an_abbreviation_written_onto_its_number_is_a_measure(text, magnitude, unit):
    from factcheck.extract.mentions import find_mentions

    [m] = [m for m in find_mentions(text) if m.value is not None]
    assert (m.value.magnitude, m.value.unit) == (magnitude, unit)


@pytest.mark.parametrize("text", ["Music of the 1990s returned.", "They scored 12pts."])
def test_a_decade_or_a_score_is_not_a_measure_written_onto_its_number(text):
    from factcheck.extract.mentions import find_mentions

    assert not [m for m in find_mentions(text) if m.value is not None and m.value.unit not in ("count",)]

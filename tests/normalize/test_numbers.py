"""parse_number / parse_ordinal / format_number: numbers as papers write them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.normalize.numbers import format_number, parse_number, parse_ordinal

# English number words, built here independently of the code under test.
_ONES = "one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()


def english(n: int, sep: str = "-") -> str:
    """English words for 1..99 ("forty-two", or "forty two" with sep=" ")."""
    if n < 10:
        return _ONES[n - 1]
    if n < 20:
        return _TEENS[n - 10]
    tens, ones = divmod(n, 10)
    word = _TENS[tens - 2]
    return word if ones == 0 else f"{word}{sep}{_ONES[ones - 1]}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7", 7),
        ("1,234", 1234),
        ("3,000", 3000),
        ("1,000,000", 1_000_000),
        ("1,234.5", 1234.5),
        ("25.68", 25.68),
        ("0.5", 0.5),
        ("  42  ", 42),
    ],
)
def test_digits_with_commas_and_decimals(text, expected):
    assert parse_number(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("13.2 thousand", 13_200),
        ("28.6 billion", 28.6e9),
        ("1.7 million", 1.7e6),
        ("2.5 million", 2.5e6),
        ("5 trillion", 5e12),
        ("1.5 bn", 1.5e9),
        ("1.5bn", 1.5e9),
        ("300 mln", 3e8),
        ("twenty five million", 25e6),
        ("a million", 1e6),
        ("a hundred", 100),
        ("a thousand", 1000),
    ],
)
def test_scale_words(text, expected):
    assert parse_number(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Seventeen", 17),
        ("fifty one", 51),
        ("twenty-five", 25),
        ("ninety", 90),
        ("ten and a half", 10.5),
        ("ten and a quarter", 10.25),
        ("a dozen", 12),
        ("a quarter", 0.25),
        ("half", 0.5),
        ("two hundred", 200),
        ("one hundred and five", 105),
        ("TWENTY-ONE", 21),
    ],
)
def test_number_words(text, expected):
    assert parse_number(text) == pytest.approx(expected)


@pytest.mark.parametrize(("text", "expected"), [("two and a half billion", 2.5e9), ("ten and a half million", 10.5e6)])
def test_fraction_with_scale_word(text, expected):
    assert parse_number(text) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["", "   ", "junk", "abc def", "students", "1,2,3", "12,34", "a", "an", "thousand and"])
def test_junk_is_not_a_number(text):
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("first", 1),
        ("First", 1),
        ("second", 2),
        ("tenth", 10),
        ("21st", 21),
        ("2nd", 2),
        ("103rd", 103),
        ("30th", 30),
        ("third-largest", 3),
        ("second largest", 2),
        ("number one", 1),
        ("top ten", 10),
        ("top 5", 5),
    ],
)
def test_parse_ordinal(text, expected):
    assert parse_ordinal(text) == expected


@pytest.mark.parametrize("text", ["", "foo", "largest", "number", "top students"])
def test_parse_ordinal_rejects_non_ordinals(text):
    assert parse_ordinal(text) is None


@pytest.mark.parametrize(
    ("x", "expected"),
    [
        (13200, "13,200"),
        (13200.0, "13,200"),
        (0, "0"),
        (7, "7"),
        (10.5, "10.5"),
        (0.25, "0.25"),
        (2.1e6, "2.1 million"),
        (2.568e10, "25.68 billion"),
        (1e12, "1 trillion"),
        (-3e6, "-3 million"),
        (None, "?"),
    ],
)
def test_format_number(x, expected):
    assert format_number(x) == expected


@given(st.integers(min_value=0, max_value=10**15))
def test_format_number_is_parseable_back_for_large_values(n):
    # messages say "2.1 million": reading one back lands within the 4 significant digits shown
    assert parse_number(format_number(n)) == pytest.approx(n, rel=1e-3, abs=0.5)


# ---------------------------------------------------------------- properties
@given(st.text(max_size=60))
def test_parse_number_never_raises(text):
    result = parse_number(text)
    assert result is None or isinstance(result, float)


_NUMBERISH = st.lists(
    st.sampled_from(["one", "ten", "twenty", "-", "and", "a", "half", "quarter", "dozen", "hundred", "thousand",
                     "million", "billion", "bn", "k", "m", "1", "1,000", "2.5", ".", ",", "and a half", "the", " "]),
    max_size=6,
).map(" ".join)


@given(_NUMBERISH)
def test_parse_number_never_raises_on_number_like_words(text):
    result = parse_number(text)
    assert result is None or isinstance(result, float)


@given(st.text(max_size=30))
def test_parse_ordinal_never_raises(text):
    result = parse_ordinal(text)
    assert result is None or isinstance(result, int)


@given(st.integers(min_value=0, max_value=10**15))
def test_round_trip_integers_with_thousands_separators(n):
    assert parse_number(f"{n:,}") == n
    assert parse_number(str(n)) == n


@given(st.integers(min_value=0, max_value=10**9))
def test_round_trip_one_decimal(tenths):
    x = tenths / 10
    assert parse_number(f"{x:,.1f}") == pytest.approx(x)


@given(st.integers(min_value=0, max_value=10**9))
def test_round_trip_two_decimals(cents):
    x = cents / 100
    assert parse_number(f"{x:.2f}") == pytest.approx(x)


@given(st.integers(min_value=1, max_value=99), st.sampled_from(["-", " "]), st.booleans())
def test_english_words_1_to_99(n, sep, capitalize):
    words = english(n, sep)
    if capitalize:
        words = words.capitalize()
    assert parse_number(words) == n

"""Ages: which numbers are ages, when an age holds, and ages that a birth date cannot give (FC203).

Text we wrote: "was 17 when she won", "who is 47", "became captain at 19" and "died at the
age of 78" are ages; an age in apposition holds now, an age with a when-clause or "at"
holds at that event, and ages at different times are never compared. FC203 reports an
age at a dated event outside the range the person's birth date allows.
"""

from __future__ import annotations

import pytest

from factcheck.extract.frame import role_of
from tests.conftest import RULES

_AGE_RULES = ("FC101", "FC102", "FC203")


@pytest.fixture(scope="module")
def checker():
    """One loaded model, rule set and alias table for the whole module."""
    from factcheck.api import TextChecker

    return TextChecker(RULES)


def _findings(checker, texts: dict[str, str], rules=_AGE_RULES) -> list[dict]:
    report = checker.check(texts)
    return [f for f in report["findings"] if f["rule"] in rules]


def _roles(sentence: str, number: str, unit: str = "count") -> list[str]:
    s = sentence.index(number)
    return role_of(sentence, s, s + len(number), None, unit)


def _claims(checker, texts: dict[str, str]):
    from factcheck.extract.claims import extract_document, number_claims
    from factcheck.ingest.corpus import document_from_text

    claims = []
    for d, t in sorted(texts.items()):
        claims += extract_document(document_from_text(d, t, d, ".txt", {}), checker.nlp, checker.aliases)
    return number_claims(claims)


def _claim(checker, sentence: str, quote: str):
    return next(c for c in _claims(checker, {"a.txt": sentence}) if c.quote == quote)


# ---------------------------------------------------------------- texts (all invented)

ORLEN_NOW = "Nadia Orlen, 54, was re-elected on Thursday."
ORLEN_WHO_IS = "Orlen, who is 47, won a second term on Thursday."
ORLEN_FIRST_ELECTED = "Nadia Orlen was 50 when she was first elected."
ORR_NOW = "Nadia Orr, 54, was re-elected on Thursday."
ORR_WHO_IS = "Orr, who is 47, won a second term on Thursday."

BORN_DAY = "The sculptor Oda Kellerud was born on 4 May 1950 in Tamsby."
BORN_YEAR = "The sculptor Oda Kellerud was born in 1950."


def _died(when: str, age: int) -> str:
    return f"Kellerud died in {when} at the age of {age}."


# ---------------------------------------------------------------- 1. which numbers are ages


@pytest.mark.parametrize("sentence, number", [
    ("Ilka Brenn was 17 when she won the Marlow Open.", "17"),
    ("Ilka Brenn, who is 47, coaches the Tamsby juniors.", "47"),
    ("Ilka Brenn became captain at 19.", "19"),
    ("Ilka Brenn became captain at 19 and led the side for a decade.", "19"),
    ("Nadia Orlen, 54, was re-elected on Thursday.", "54"),
], ids=["was-17-when", "who-is-47", "captain-at-19", "captain-at-19-and", "appositive-54"])
def test_ages_without_an_age_word_are_ages(sentence, number):
    assert "age" in _roles(sentence, number)


def test_at_the_age_of_after_a_year_is_an_age_not_a_whole():
    roles = _roles("Ilka Brenn died in 2009 at the age of 78.", "78")
    assert "age" in roles
    assert "whole" not in roles  # "of" after a figure ("7 of 12") would make it the whole
    assert _roles("Dunmore won 7 of their 12 league matches.", "12") == ["whole"]  # what "whole" is


@pytest.mark.parametrize("sentence, number", [
    ("The temperature in Tamsby was 34.", "34"),
    ("Ilka Brenn won 17 races.", "17"),
    ("The Marlow Open drew 240 players at 19 courts.", "240"),
])
def test_numbers_that_are_not_ages(sentence, number):
    assert "age" not in _roles(sentence, number)


# ---------------------------------------------------------------- 2. when an age holds


@pytest.mark.model
@pytest.mark.parametrize("sentence, quote, at", [
    (ORLEN_NOW, "54", "now"),
    (ORLEN_WHO_IS, "47", "now"),
    (ORLEN_FIRST_ELECTED, "50", "elect"),
    ("Ilka Brenn was 17 when she won the Marlow Open.", "17", "win"),
    ("Ilka Brenn became captain at 19.", "19", "become"),
    ("Ilka Brenn died in 2009 at the age of 78.", "78", "death"),
])
def test_an_age_holds_now_or_at_its_event(checker, sentence, quote, at):
    c = _claim(checker, sentence, quote)
    assert "age" in c.quals.get("role", ())
    assert c.quals.get("age_at") == at


@pytest.mark.model
def test_an_age_now_and_an_age_when_first_elected_are_not_compared(checker):
    from factcheck.engine.linkage import Linker

    texts = {"a.txt": ORLEN_NOW, "b.txt": ORLEN_FIRST_ELECTED}
    claims = _claims(checker, texts)
    linker = Linker(claims, {}, texts)
    a = next(c for c in claims if c.doc == "a.txt" and c.quote == "54")
    b = next(c for c in claims if c.doc == "b.txt" and c.quote == "50")
    assert linker.compare(a, b) is None
    assert linker.last_reason == "ages at different times (now / elect)"
    assert not _findings(checker, texts)


@pytest.mark.model
def test_two_ages_now_of_one_person_in_one_story_are_flagged(checker):
    found = _findings(checker, {"a.txt": ORLEN_NOW, "b.txt": ORLEN_WHO_IS})
    assert [f["rule"] for f in found] == ["FC101"]
    assert "'54'" in found[0]["message"] and "'47'" in found[0]["message"]


@pytest.mark.model
def test_two_equal_ages_now_of_one_person_agree(checker):
    assert not _findings(checker, {"a.txt": ORLEN_NOW, "b.txt": ORLEN_WHO_IS.replace("47", "54")})


@pytest.mark.model
@pytest.mark.xfail(strict=True, reason="observed: a three-letter surname does not match the full name "
                                       "('orr' / 'nadia orr': name words must be longer than 3 letters), so each "
                                       "text names a thing the other never mentions and the ages are not linked")
def test_two_ages_now_of_a_person_with_a_three_letter_surname_are_flagged(checker):
    assert [f["rule"] for f in _findings(checker, {"a.txt": ORR_NOW, "b.txt": ORR_WHO_IS})] == ["FC101"]


# ---------------------------------------------------------------- 3. FC203 age-birth-mismatch


@pytest.mark.model
def test_an_age_at_death_that_the_birth_date_cannot_give_is_flagged(checker):
    found = _findings(checker, {"a.txt": BORN_DAY, "b.txt": _died("October 2020", 80)}, ("FC203",))
    assert len(found) == 1
    msg = found[0]["message"]
    assert "aged 80" in msg and "gives 70" in msg
    assert "kellerud" in msg.lower()
    assert found[0]["severity"] == "error"


@pytest.mark.model
def test_an_age_at_death_that_the_birth_date_gives_is_not_flagged(checker):
    assert not _findings(checker, {"a.txt": BORN_DAY, "b.txt": _died("October 2020", 70)}, ("FC203",))


@pytest.mark.model
@pytest.mark.parametrize("age", [69, 70])
def test_years_alone_allow_two_ages(checker, age):
    # born some day of 1950, died some day of 2020: 69 or 70
    assert not _findings(checker, {"a.txt": BORN_YEAR, "b.txt": _died("2020", age)}, ("FC203",))


@pytest.mark.model
@pytest.mark.parametrize("age", [68, 72])
def test_an_age_outside_the_range_of_two_years_is_flagged(checker, age):
    found = _findings(checker, {"a.txt": BORN_YEAR, "b.txt": _died("2020", age)}, ("FC203",))
    assert len(found) == 1
    assert f"aged {age}" in found[0]["message"] and "gives 69–70" in found[0]["message"]


@pytest.mark.model
def test_an_age_and_a_birth_in_one_document_are_checked(checker):
    text = "The sculptor Oda Kellerud was born on 4 May 1950. Kellerud died in October 2020 at the age of 80."
    found = _findings(checker, {"a.txt": text}, ("FC203",))
    assert len(found) == 1 and "gives 70" in found[0]["message"]


@pytest.mark.model
def test_the_age_of_another_person_is_not_checked_against_a_birth(checker):
    text = ("The sculptor Oda Kellerud was born on 4 May 1950. "
            "Her teacher Petra Lindqvist died in October 2020 at the age of 80.")
    assert not _findings(checker, {"a.txt": text}, ("FC203",))
    assert not _findings(checker, {"a.txt": BORN_DAY,
                                   "b.txt": "Her teacher Petra Lindqvist died in October 2020 at the age of 80."},
                         ("FC203",))

"""Claims read their context: note marks, aims and forecasts, partitives, own counts,
pronoun subjects and fact-box labels. All text here is invented."""

from __future__ import annotations

import pytest

from factcheck.api import check_texts
from tests.conftest import RULES

pytestmark = pytest.mark.model


def _claims(text: str) -> list[dict]:
    return check_texts({"a.txt": text}, RULES, only=[])["claims"]


def _one(claims, quote):
    hits = [c for c in claims if c["quote"] == quote]
    assert hits, [c["quote"] for c in claims]
    return hits[0]


def test_web_note_marks_are_not_figures():
    claims = _claims("The Halvard bridge opened in 1958.[3] It carried 4,000 cars a day.[citation needed][12]")
    quotes = {c["quote"] for c in claims}
    assert "1958" in quotes and "4,000" in quotes
    assert not quotes & {"3", "12", "[3]", "[12]"}


def test_an_aim_and_a_forecast_are_not_what_happened():
    claims = _claims("Its builders set out to finish the Halvard bridge within 600 days, but it took 820 days. "
                     "The crossing is expected to carry 9,000 vehicles a day.")
    assert _one(claims, "600 days")["modality"] == "target"
    assert _one(claims, "820 days")["modality"] == "asserted"  # "but" ends the aim
    assert _one(claims, "9,000")["modality"] == "projected"


def test_a_partitive_lead_makes_a_part():
    c = _one(_claims("Of those questioned in Brill, 620 said they crossed the bridge daily."), "620")
    assert "part" in c["qualifiers"].get("role", [])


def test_a_known_count_in_parentheses_is_not_a_restatement():
    c = _one(_claims("The Hollin flood killed 2,000 people (1,950 known) in the valley."), "1,950")
    assert "restatement" not in c["qualifiers"].get("role", [])
    conv = _one(_claims("The Hollin dam is 310 m (1,017 ft) long."), "1,017 ft")
    assert "restatement" in conv["qualifiers"].get("role", [])


def test_a_pronoun_subject_of_a_date_takes_the_person_named_before():
    claims = _claims("Marta Olsen founded the Brill Trust in 1974. She died in 1999.")
    c = _one(claims, "1999")
    assert c["subject"] == "marta olsen"
    assert c["qualifiers"]["antecedent"] == "marta olsen"


def test_a_fact_box_label_says_what_its_value_measures():
    claims = _claims("The Corran viaduct\n\nMain span | 310 m |\nInjured | 40 (estimated) |\n")
    span = _one(claims, "310 m")
    assert span["qualifiers"]["fact_row"] is True
    assert "main" in span["qualifiers"]["measure"]
    assert "injury" in _one(claims, "40")["qualifiers"]["measure"]


def test_a_bare_count_takes_the_counted_noun_of_its_parallel_clause():
    claims = _claims("The Corran Bridge lost 24 lives while the Brill Bridge lost only 12.")
    assert "death" in _one(claims, "24")["qualifiers"]["measure"]
    assert "death" in _one(claims, "12")["qualifiers"]["measure"]  # "only 12" lives, not 12 bridges


def test_a_capacity_for_a_number_measures_the_capacity():
    c = _one(_claims("Only 205 people got into lifeboats (despite the lifeboats' capacity for 378) before the Orrin sank."),
             "378")
    assert "capacity" in c["qualifiers"]["measure"] and "capacity" in c["qualifiers"]["role"]
    row = _one(_claims("The Orrin carried 16 boats.\n\nTotal lifeboat capacity, 376.\n"), "376")
    assert "capacity" in row["qualifiers"]["role"]


def test_an_event_that_only_occurred_is_named_by_its_subject():
    a = _one(_claims("The ground breaking occurred in January 1953."), "January 1953")
    b = _one(_claims("The official ground breaking ceremony was not held until February 26, 1953 at Hollin Field."),
             "February 26, 1953")
    assert {"ground", "breaking"} <= set(a["qualifiers"]["measure"]) & set(b["qualifiers"]["measure"])


def test_the_price_of_an_agreed_deal_is_asserted_but_an_agreed_cut_is_a_target():
    assert _one(_claims("Verdane Capital agreed to buy the software maker Lumetric for $640 million in cash."),
                "$640 million")["modality"] == "asserted"
    assert _one(_claims("The two states agreed to cut emissions by 40% by 2030."), "40%")["modality"] == "target"


def test_a_date_row_is_dated_by_its_label():
    c = _one(_claims("Corran Arch\n\nStatus\nCompletion Date:November 2016[1]\nOpened: 14 June 1961\n"), "November 2016")
    assert c["qualifiers"]["fact_row"] is True and "completion" in c["qualifiers"]["measure"]


def test_an_event_held_on_a_farm_is_not_a_capacity():
    c = _one(_claims("The Brill fair was held on a 600-acre dairy farm near Selby."), "600-acre")
    assert "capacity" not in c["qualifiers"].get("role", [])
    assert "capacity" in _one(_claims("The Hollin stadium holds 52,000."), "52,000")["qualifiers"]["role"]


@pytest.fixture(scope="module")
def checker():
    from factcheck.api import TextChecker

    return TextChecker(RULES)


def _dated(checker, text: str) -> dict[str, tuple[str, str | None]]:
    """{quote: (kind, date)} of one document's claims, extracted as a run does."""
    from factcheck.extract.claims import extract_document
    from factcheck.ingest.corpus import document_from_text

    doc = document_from_text("x.txt", text, "x.txt", ".txt", {})
    return {c.quote: (c.kind, c.time.date if c.time else None) for c in extract_document(doc, checker.nlp, checker.aliases)}


@pytest.mark.model
def test_a_day_of_the_month_told_alone_takes_the_month_told_before_it(checker):
    got = _dated(checker, "The Varn delegation made a counteroffer on 2 October 1920. On the 5th, the Ostri envoys offered "
                          "amendments. On August 8, 1921, Varn forces took Kell and on the 28th of that month they deployed "
                          "tanks. The 5th Army advanced on the 12th Regiment.")
    assert got["the 5th"] == ("date", "1920-10-05")
    assert got["the 28th of that month"] == ("date", "1921-08-28")
    assert got["5th"][0] == "quantity" and got["12th"][0] == "quantity"  # a unit's name, not a day


@pytest.mark.model
def test_a_year_told_in_passing_does_not_move_the_narrative(checker):
    got = _dated(checker, "On 10 March 1975, General Orso launched a limited offensive, to open the road for a planned "
                          "campaign in 1976.\n\nThe line collapsed on 20 March, and the port fell on 1 April.\n\n"
                          "In 1977, the army was rebuilt. It marched again on 4 May.\n")
    assert got["20 March"] == ("date", "1975-03-20") and got["1 April"] == ("date", "1975-04-01")
    assert got["4 May"] == ("date", "1977-05-04")  # a year that leads its sentence does move it


@pytest.mark.model
def test_years_earlier_count_back_from_the_narrative_and_years_ago_from_the_day_of_writing(checker):
    got = _dated(checker, "In 1950 the Varn army crossed the river; two years earlier it had lost the same crossing. "
                          "In 1950 the Varn army held the ford, which it had lost two years ago.\n")
    assert got["two years earlier"] == ("date", "1948")
    assert got["two years ago"][1] != "1948"  # no day of writing is known: never counted from the narrative

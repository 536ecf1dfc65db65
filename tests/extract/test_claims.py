"""Claims: keys through aliases, time, modality, pronouns, components, model errors."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from factcheck.api import check_texts
from factcheck.errors import FactcheckError
from tests.conftest import RULES

pytestmark = pytest.mark.model


def _claims(text: str, **meta) -> list[dict]:
    return check_texts({"a.txt": {"text": text, **meta}}, RULES, only=[])["claims"]


def _one(claims, quote):
    hits = [c for c in claims if c["quote"] == quote]
    assert hits, [c["quote"] for c in claims]
    return hits[0]


def test_renamed_city_is_one_entity_and_a_place_of_its_country():
    a = _one(_claims("In 2019, 40 schools were opened in Nur-Sultan."), "40")
    b = _one(_claims("In 2019, 40 schools were opened in Astana."), "40")
    assert a["qualifiers"]["places"] == b["qualifiers"]["places"] == ["kazakhstan"]


def test_acronym_defined_in_the_document_is_learned():
    claims = _claims("China set up Confucius Institutes (CIs) abroad. In Kazakhstan, the first CI was opened in 2007.")
    c = _one(claims, "2007")
    assert c["subject"] == "confucius_institute"
    assert c["property"] == "establish" and c["qualifiers"]["first"] is True


def test_counted_noun_origin_and_time():
    c = _one(_claims("In 2015, over 11,000 students from Kazakhstan studied in China."), "over 11,000")
    assert c["property"] == "student" and c["qualifiers"]["origin"] == "kazakhstan"
    assert c["time"]["date"] == "2015"
    assert c["value"]["low"] == 11000 and c["value"]["high"] is None


def test_projection_and_target_are_not_asserted():
    assert _one(_claims("By 2020 their number is expected to reach 1000."), "1000")["modality"] == "projected"
    assert _one(_claims("In 2017 an agreement was reached to open three schools."), "three")["modality"] == "target"
    assert _one(_claims("In 2017 there were three schools."), "three")["modality"] == "asserted"


def test_present_tense_takes_the_document_date():
    c = _one(_claims("There are currently 5 robotics schools in Freedonia.", published="2019-03-01"), "5")
    assert c["time"]["date"] == "2019" and "document date" in c["time"]["anchor"]


def test_relative_time_resolved_against_an_earlier_date_and_the_document_date():
    claims = _claims("In 2016 protests took place. Three years later, protests erupted again. "
                     "The plan was announced a decade ago.", published="2024-05-29")
    later = _one(claims, "Three years later")
    assert later["time"]["date"] == "2019" and later["time"]["relative"] and "2016" in later["time"]["anchor"]
    ago = _one(claims, "a decade ago")
    assert ago["time"]["date"] == "2014" and "document date" in ago["time"]["anchor"]


def test_pronoun_takes_the_property_of_the_figure_before_it():
    claims = _claims("In 2012 the trading volumes comprised $25.68 billion, in 2017 they had gone up to $28.6 billion.")
    assert _one(claims, "$28.6 billion")["property"] == _one(claims, "$25.68 billion")["property"] == "trade"
    assert _one(claims, "$28.6 billion")["time"]["date"] == "2017"


def test_spacy_components_are_registered_factories():
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("factcheck_mentions")
    nlp.add_pipe("factcheck_entities", config={"aliases_path": str(RULES / "aliases.yaml")})
    doc = nlp("Over 3,000 students went to Nur-Sultan in 2019.")
    assert [s.text for s in doc.spans["fc_mentions"]] == ["Over 3,000", "2019"]
    assert [(s.text, s.label_) for s in doc.spans["fc_entities"]] == [("Nur-Sultan", "astana")]


def test_missing_model_is_a_coded_error_not_a_traceback():
    from factcheck.extract.pipeline import load_nlp

    with pytest.raises(FactcheckError) as err:
        load_nlp("no_such_model_xyz")
    assert err.value.code == "E501" and "pip install" in str(err.value)


def test_claims_dataframe_has_the_documented_columns():
    import factcheck

    df = factcheck.claims_dataframe([RULES.parent / "corpus" / "001_45fd513b6608deaf.txt"], RULES)
    for col in ("doc", "line", "column", "start", "end", "text", "sentence", "kind", "magnitude", "unit", "low",
                "high", "approx", "date", "granularity", "subject", "property", "modality"):
        assert col in df.columns
    assert len(df) > 30 and set(df["kind"]) == {"quantity", "date"}


def test_a_decimal_before_a_capital_is_no_sentence_end():
    from factcheck.extract.claims import split_sentences

    text = "On 17 August 1998 the magnitude 7.4 Izvora earthquake struck. The war ended.12 Next came peace."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "On 17 August 1998 the magnitude 7.4 Izvora earthquake struck.", "The war ended.12", "Next came peace."]


@given(st.integers(0, 99), st.integers(0, 9), st.sampled_from(["Izvora", "Percent", "Million", "The"]))
def test_a_decimal_never_splits_a_sentence(whole, frac, word):
    from factcheck.extract.claims import split_sentences

    text = f"It measured {whole}.{frac} {word} units. Then it stopped."
    assert len(split_sentences(text)) == 2

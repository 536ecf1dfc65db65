"""What a number measures, read from the parse (all texts invented; needs the spaCy model)."""

from __future__ import annotations

from pathlib import Path

import pytest

RULES = Path(__file__).resolve().parents[2] / "rules"


@pytest.fixture(scope="module")
def checker():
    from factcheck.api import TextChecker

    return TextChecker(RULES)


def _claim(checker, text: str, quote: str):
    from factcheck.extract.claims import extract_document
    from factcheck.ingest.corpus import document_from_text

    doc = document_from_text("a.txt", text, "a.txt", ".txt", {})
    claims = extract_document(doc, checker.nlp, checker.aliases, checker.settings.batch_size)
    found = [c for c in claims if c.quote == quote]
    assert found, [(c.quote, c.quals.get("measure")) for c in claims]
    return found[0]


def _measure(checker, text: str, quote: str) -> set[str]:
    return set(_claim(checker, text, quote).quals.get("measure", ()))


@pytest.mark.model
def test_a_relative_clause_says_what_happened_to_the_counted(checker):
    assert "death" in _measure(checker, "That leaves 1516 people who died in the flood.", "1516")


@pytest.mark.model
def test_the_noun_a_partitive_count_hangs_on(checker):
    assert "death" in _measure(checker, "The fire resulted in the deaths of more than 150 people.", "more than 150")


@pytest.mark.model
def test_a_name_beside_the_counted_noun_is_not_what_is_measured(checker):
    m = _measure(checker, "In all, 1,512 Halloran passengers and crew died.", "1,512")
    assert "halloran" not in m and "passenger" in m


@pytest.mark.model
def test_a_plural_name_is_a_kind_that_is_counted(checker):
    assert "varnholm" in _measure(checker, "There are four Varnholm Academies in the region.", "four")


@pytest.mark.model
def test_verbs_sharing_one_subject_all_say_what_happened(checker):
    text = "That evening an estimated 1.4 billion people stopped and watched the broadcast."
    m = _measure(checker, text, "an estimated 1.4 billion")
    assert {"audience", "stop"} <= m


@pytest.mark.model
def test_a_verb_with_its_own_subject_is_another_clause(checker):
    text = "Polls in the county closed at 8 p.m., and the first results came in an hour later."
    assert "come" not in _measure(checker, text, "8 p.m.")


@pytest.mark.model
def test_a_unit_is_never_the_measured_concept(checker):
    a = _measure(checker, "The bronze statue weighs 150 kg.", "150 kg")
    b = _measure(checker, "The bronze statue weighs about 500 pounds.", "about 500 pounds")
    assert a == b and "kg" not in a and "pound" not in b

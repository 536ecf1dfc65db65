"""A corpus about one subject: its subject, inherited topics and what the linker pairs in it.

All texts are invented: five pages about the collapse of one (fictional) dam, one of them
about its sister dam.
"""

from __future__ import annotations

import pytest

from tests.conftest import RULES
from tests.engine.test_linkage_guards import _linked

_COMMON = (
    "The Marrowby Dam gave way after a week of storms, and the flood wave ran down the Tessel valley towards the "
    "town of Orbury. Engineers had warned for years that the spillway was too narrow and the concrete was cracking. "
    "Rescue crews searched the farms along the river, and families sheltered in schools and churches. ")
DOCS = {
    "a.txt": _COMMON + "The Marrowby Dam was the pride of the valley. Officials said 212 people died in the flood. "
             "The Marrowby Dam was never rebuilt.",
    "b.txt": "Orbury remembers the night the water came. Orbury lost its bridge, and Orbury lost its mill; in Orbury, "
             "Orbury's mayor wrote, the Marrowby Dam was a name nobody said aloud. " + _COMMON
             + "By the following spring, 240 people were known to have died in the flood.",
    "c.txt": _COMMON + "The Marrowby Dam had stood for forty years. Upward of 5,000 people showed up for the memorial. "
             "The Marrowby Dam inquiry blamed the owners.",
    "d.txt": _COMMON + "The Marrowby Dam collapse is still taught to engineers. About 3,000 mourners attended the memorial. "
             "The Marrowby Dam had been inspected once.",
    "e.txt": "The Kelby Dam, the Marrowby Dam's sister dam upstream, still stands. The Kelby Dam was strengthened in 1990, "
             "and the Kelby Dam now holds back a smaller lake. The Kelby Dam is inspected every year. " + _COMMON
             + "Only 12 people died when the Kelby Dam spilled over in 1961.",
}


@pytest.fixture(scope="module")
def linked():
    from factcheck.api import TextChecker

    return _linked(TextChecker(RULES), DOCS)


def _claim(claims, doc, quote):
    return next(c for c in claims if c.doc == doc and c.quote == quote)


def _with(added: dict[str, str] | None = None, replaced: dict[str, tuple[str, str]] | None = None):
    """The corpus with sentences added to some documents and replaced in others, linked."""
    from factcheck.api import TextChecker

    docs = dict(DOCS)
    for doc, text in (added or {}).items():
        docs[doc] += " " + text
    for doc, (old, new) in (replaced or {}).items():
        docs[doc] = docs[doc].replace(old, new)
    return _linked(TextChecker(RULES), docs)


@pytest.mark.model
def test_the_corpus_subject_is_the_name_most_documents_use(linked):
    _claims, linker = linked
    assert linker.cohesive
    assert "marrowby dam" in linker.corpus_subjects


@pytest.mark.model
def test_a_page_that_names_a_town_most_still_has_the_corpus_subject_as_topic(linked):
    _claims, linker = linked
    assert linker.topic("b.txt")[0] == "orbury"
    assert "marrowby dam" in linker.topic("b.txt")
    assert linker.shared_subject("a.txt", "b.txt") == "marrowby dam"


@pytest.mark.model
def test_a_page_about_a_sister_thing_does_not_inherit_the_corpus_subject(linked):
    _claims, linker = linked
    assert linker.topic("e.txt")[0] == "kelby dam"
    assert linker.shared_subject("a.txt", "e.txt") is None


@pytest.mark.model
def test_two_death_tolls_of_the_subject_are_matched_and_say_why(linked):
    claims, linker = linked
    a, b = _claim(claims, "a.txt", "212"), _claim(claims, "b.txt", "240")
    match = linker.compare(a, b)
    assert match is not None, linker.last_reason
    assert any("death" in lv.level for lv in match.levels if lv.comparison == "measure")
    assert any(lv.comparison == "entity" for lv in match.levels)


@pytest.mark.model
def test_a_phrasal_verb_names_the_crowd(linked):
    claims, _linker = linked
    c = _claim(claims, "c.txt", "Upward of 5,000")
    assert "visitor" in c.quals["measure"]
    assert c.value.low == 5000 and c.value.high is None


@pytest.mark.model
def test_the_sister_things_toll_is_not_paired_with_the_subjects(linked):
    claims, linker = linked
    a, e = _claim(claims, "a.txt", "212"), _claim(claims, "e.txt", "12")
    assert linker.compare(a, e) is None


@pytest.mark.model
def test_a_light_phrasal_verb_leaves_the_measure_to_its_subject():
    from factcheck.api import TextChecker

    claims, _linker = _linked(TextChecker(RULES), {
        "a.txt": "The evacuation was carried out for 49,360 people. Buses took out 4,300 people."})
    assert "evacuation" in _claim(claims, "a.txt", "49,360").quals["measure"]  # carried out: the subject's
    assert "evacuation" in _claim(claims, "a.txt", "4,300").quals["measure"]  # took out: the phrasal verb's


@pytest.mark.model
def test_a_capitalised_adverb_is_no_entity():
    from factcheck.api import TextChecker

    claims, _linker = _linked(TextChecker(RULES), {"a.txt": "• Amazingly, the Orrin Bridge has over 1.2 million rivets."})
    c = _claim(claims, "a.txt", "over 1.2 million")
    assert "amazingly" not in c.quals.get("entities", ())
    assert "orrin bridge" in c.quals.get("specific", ())
    # ... but a name ending in -ly is a name
    claims, _linker = _linked(TextChecker(RULES), {"a.txt": "The storm killed 12 people in Sicily."})
    assert "sicily" in _claim(claims, "a.txt", "12").quals.get("entities", ())


@pytest.mark.model
def test_only_a_dimension_and_the_corpus_subject_in_common_is_no_match():
    claims, linker = _with({"a.txt": "The Marrowby Dam spillway was 40 metres wide.", "c.txt": "The Marrowby Dam was 95 metres tall."})
    match = linker.compare(_claim(claims, "a.txt", "40 metres"), _claim(claims, "c.txt", "95 metres"))
    assert match is None


@pytest.mark.model
def test_a_vague_word_besides_is_no_other_concept_in_a_corpus_about_one_subject():
    claims, linker = _with(replaced={
        "c.txt": ("Upward of 5,000 people showed up for the memorial.",
                  "When upward of 5,000 people showed up for the memorial, the gates were opened."),
        "d.txt": ("About 3,000 mourners attended the memorial.", "About 3,000 fans came to the memorial.")})
    a, b = _claim(claims, "c.txt", "upward of 5,000"), _claim(claims, "d.txt", "About 3,000")
    assert set(a.quals["measure"]) == {"people", "visitor"} and set(b.quals["measure"]) == {"visitor"}
    match = linker.compare(a, b)
    assert match is not None, linker.last_reason
    assert any(lv.comparison == "measure" and lv.level == "same concept: visitor" for lv in match.levels)


@pytest.mark.model
def test_the_place_of_a_one_time_event_does_not_scope_its_time_of_day():
    claims, linker = _with({"a.txt": "At 2:20 a.m. the Marrowby Dam collapsed into the river ten miles north of Leeds.",
                            "c.txt": "The Marrowby Dam collapsed at 3:40 a.m."})
    match = linker.compare(_claim(claims, "a.txt", "2:20 a.m."), _claim(claims, "c.txt", "3:40 a.m."))
    assert match is not None, linker.last_reason
    # a count is still scoped by its place: "in Leeds, 40 died" is Leeds' part of the toll
    claims, linker = _with({"a.txt": "At 2:20 a.m. the Marrowby Dam collapsed into the river ten miles north of Leeds.",
                            "c.txt": "The Marrowby Dam collapsed at 3:40 a.m. In Leeds, 40 people died in the flood."})
    assert linker.compare(_claim(claims, "c.txt", "40"), _claim(claims, "b.txt", "240")) is None
    assert linker.last_reason == "one side is scoped to a place the other document never names"

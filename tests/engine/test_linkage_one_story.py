"""Two reports of one story, and guards learned from held-out pairs (text we wrote).

Two short texts that share most of their rare words tell one story: their
undated figures are compared; bounds read as people read them; a figure that
another figure of its sentence already states is not contradicted; capacity
and statistics are roles; one-line fact lines are read; the corpus's own
subject keeps weight; a series with its years stated is never a value conflict.
"""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from factcheck.engine.context import interval
from factcheck.engine.linkage import recurring_names
from factcheck.ingest.segment import segment
from factcheck.model import Value
from tests.conftest import RULES

pytestmark = pytest.mark.model

_RULES = ("FC101", "FC102", "FC202")


@pytest.fixture(scope="module")
def checker():
    from factcheck.api import TextChecker

    return TextChecker(RULES)


def _flags(checker, a: str, b: str) -> list[dict]:
    report = checker.check({"a.txt": a, "b.txt": b})
    return [f for f in report["findings"] if f["rule"] in _RULES and f["severity"] in ("warning", "error")]


def test_nearly_is_under_its_figure(checker):
    found = _flags(checker, "Nearly 600 riders finished the first Brackwell Sportive in 2015.",
                   "A total of 640 riders crossed the line at the first Brackwell Sportive, held in 2015.")
    assert len(found) == 1
    quotes = {e["quote"] for e in found[0]["evidence"]}
    assert quotes == {"Nearly 600", "640"}


def test_nearly_agrees_with_a_figure_just_under():
    v = Value(600.0, "count", None, 600.0, True, "nearly 600")
    lo, hi = interval(v, 0.10, 0.01)
    assert hi == 600.0 and 530 < lo < 560


@given(st.integers(min_value=2, max_value=9), st.integers(min_value=1, max_value=6))
def test_round_figures_are_rounded_at_most_like_about(lead, zeros):
    x = float(lead * 10 ** zeros)
    lo, hi = interval(Value(x, "count", x, x, False, f"{int(x):,}"), 0.10, 0.01)
    assert x - lo <= 0.10 * x + 1e-9 and hi - x <= 0.10 * x + 1e-9


def test_one_story_told_twice_compares_undated_figures(checker):
    found = _flags(checker, "Construction of the Harlan Dam took 14 months, a record for the region.",
                   "The Harlan Dam was built over four years, a record for the region.")
    assert len(found) == 1 and found[0]["severity"] == "warning"


def test_a_figure_its_sentence_already_states_is_not_contradicted(checker):
    assert not _flags(checker, "At the Saturday march in Delling Square, police counted 900 people, while organisers claimed 4,000.",
                      "Organisers of the Saturday march in Delling Square said 4,000 people took part.")


def test_capacity_is_not_attendance(checker):
    assert not _flags(checker, "Harrowgate Park holds 41,000 spectators.",
                      "A crowd of 36,250 watched Sunday's cup tie at Harrowgate Park.")


def test_maximum_and_average_are_two_statistics(checker):
    assert not _flags(checker, "Lake Osterby has a maximum depth of 212 m.", "The average depth of Lake Osterby is 61 m.")


def test_fact_lines_are_read(checker):
    found = _flags(checker, "Mira Calloway-Dunn (born 3 April 1961", "Mira Calloway-Dunn Born\t13 April 1961")
    assert [f["rule"] for f in found] == ["FC202"]


def test_a_line_without_a_body_is_body_but_a_flattened_table_is_not():
    text = "Nausea 2/90 (2.22%) Fatigue 3/90 (3.33%) Rash 1/90 (1.11%)"
    assert [s.label for s in segment("Mira Calloway-Dunn (born 3 April 1961")] == ["body"]
    assert [s.label for s in segment(text)] != ["body"]


def test_born_and_died_are_two_events(checker):
    assert not _flags(checker, "The potter Ines Harlow was born on 9 June 1948.", "Ines Harlow died in March 2019 at the age of 70.")


def test_has_now_and_had_then_are_two_times(checker):
    assert not _flags(checker, "When it opened in 1981, Wexcombe Library held 20,000 books.",
                      "Following its 2015 extension, Wexcombe Library holds 65,000 books.")


def test_recurring_names_make_the_topic():
    text = "The Calder Viaduct was finished in 1890. Trains still cross the Calder Viaduct. In May it closed."
    names = recurring_names(text)
    assert names["calder viaduct"] == 2 and "may" not in names and "in" not in names


_SANK = "The Orrin ferry sank in the Selby Channel in 1931"


@pytest.mark.parametrize("a, b, flagged", [
    # the crew alone on one side is a part of the dead; "passengers and crew" is everyone
    (f"{_SANK}. With approximately 70 of the crew killed, the company never recovered.", f"{_SANK}, and 152 died.", False),
    (f"{_SANK}, and 152 passengers and crew died.", f"{_SANK}; 190 died.", True),
    # starters and finishers are different counts; two counts of starters are not
    ("The Tarn Valley marathon of 2019 started with 5,300 runners in the town square.",
     "At the Tarn Valley marathon of 2019, 3,400 runners finished in the town square.", False),
    ("The Tarn Valley marathon of 2019 started with 5,300 runners in the town square.",
     "The Tarn Valley marathon of 2019 started with 4,100 runners in the town square.", True),
    # a main span is a part of the overall length; two main spans are one measure
    ("The Corran viaduct, finished in 1961, has a main span of 310 m.",
     "The Corran viaduct, finished in 1961, is 1,420 m long overall.", False),
    ("The Corran viaduct, finished in 1961, has a main span of 310 m.",
     "The Corran viaduct, finished in 1961, has a main span of 340 m.", True),
    # a year's traffic is not the traffic since opening
    ("The Ostvik ferry line carried 4 million people since it opened in 1990.",
     "The Ostvik ferry line carried 210,000 people last year, its operator said.", False),
    ("The Ostvik ferry line carried 210,000 people last year, its operator said.",
     "The Ostvik ferry line carried 260,000 people last year, its operator said.", True),
    # the year of an anniversary is not the year of the event
    ("Thousands gathered in 1967 for the 50th anniversary of the Hollin flood in the valley of Brill.",
     "The Hollin flood struck the valley of Brill in 1917.", False),
])
def test_contrasting_parts_moments_and_spans(checker, a, b, flagged):
    assert bool(_flags(checker, a, b)) is flagged


def test_a_measure_with_no_property_is_named_by_its_words(checker):
    found = _flags(checker, "The Corran viaduct, finished in 1961, has a main span of 310 m.",
                   "The Corran viaduct, finished in 1961, has a main span of 340 m.")
    assert found and found[0]["message"].startswith("main span:")



def test_one_story_told_twice_still_compares_its_tally(checker):
    assert _flags(checker, "Harlan Voss missed eight games.", "Harlan Voss missed four games.")


@pytest.mark.parametrize("a, b, flagged", [
    # an exact count is exact: no relative tolerance between two counts of one time
    ("The Hollin stadium drew a crowd of 18,420 for the Ostley derby.",
     "The club put attendance for the Ostley derby at the Hollin stadium at 18,240.", True),
    # a count of a year and one of a month inside it: the stock may have changed in between
    ("In 2017 there were 511 Brill societies worldwide.", "By September 2017 there were 516 Brill societies worldwide.",
     False),
])
def test_exact_counts_have_no_relative_tolerance_within_one_time(checker, a, b, flagged):
    assert bool([f for f in _flags(checker, a, b) if f["rule"] == "FC101"]) is flagged


_CREW = "The crew of the Orrin was hit hardest when she sank in the Selby Channel in 1931, with approximately 70 killed."
_TOTAL = "The Orrin sank in the Selby Channel in 1931, and 152 were killed."
_BOTH = "When the Orrin sank in the Selby Channel in 1931, 152 passengers and crew were killed."


def _all_flags(checker, texts: dict[str, str]) -> list[dict]:
    return [f for f in checker.check(texts)["findings"] if f["rule"] in _RULES and f["severity"] in ("warning", "error")]


def test_a_member_alone_is_a_part_where_the_corpus_names_the_whole_of_parts(checker):
    # two texts alone: nothing says the crew is only a part of who was killed
    assert _all_flags(checker, {"a.txt": _CREW, "b.txt": _TOTAL})
    # a third names "passengers and crew" together: the crew alone is a part, of the total and of both
    assert not _all_flags(checker, {"a.txt": _CREW, "b.txt": _TOTAL, "c.txt": _BOTH})


def test_a_qualifier_another_figure_counts_is_not_this_figures(checker):
    # "including about 1,700 children" is that figure's; 4,936 counts everyone, as 5,300 does
    found = _flags(checker, "The evacuation of Orrin on 27 May 1961 moved 4,936 people, including about 1,700 children.",
                   "The evacuation of Orrin on 27 May 1961 moved 5,300 people.")
    assert found

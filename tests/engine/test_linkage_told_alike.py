"""Frames and matches learned from authored pairs (session 11; text we wrote).

Two one-sentence texts whose only figures of a kind name one measured concept
alike are compared even when they share no name; people counted by what
happened to them are a count of that happening; a phrasal verb or a light
verb's subject says what a date is of; a time of day whose sentence the parser
gives no verb takes its one event word.
"""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from tests.conftest import RULES

pytestmark = pytest.mark.model

# the same checker and pair helper as the one-story tests
from tests.engine.test_linkage_one_story import _flags, checker  # noqa: E402,F401  (a fixture, used by name)


_PAIRS = [
    # -- the only figures of two sentences of one named measure
    # the only percentage of each text, of one named measure, and no name at all
    ("The Brill vaccine candidate showed 91% efficacy against severe disease in its trial.",
     "Efficacy against severe illness was 81 percent, the trial's authors wrote.", True),
    # the same, and the values agree: nothing to say
    ("The Brill vaccine candidate showed 91% efficacy against severe disease in its trial.",
     "Efficacy against severe illness was 91 percent, the trial's authors wrote.", False),
    # two measures ("efficacy" / "side effects"): never one quantity
    ("The Brill vaccine candidate showed 91% efficacy against severe disease in its trial.",
     "Side effects were reported by 18 percent of volunteers, the trial's authors wrote.", False),
    # -- what a date is of from its verb
    # "passed away": a death, not a passing
    ("The sculptor Ilse Marrant died on 14 March 2011 in Lisbourne.",
     "Marrant passed away on March 4, 2011, at her home in Lisbourne, aged 80.", True),
    # a light verb's subject names the event: "the maiden championship came in 2001"
    ("The Dunmore Harriers' first championship came in 1998.",
     "The Dunmore Harriers won their maiden championship in 2001.", True),
    # ... and two events of one club are two dates
    ("The Dunmore Harriers' relegation came in 1998.",
     "The Dunmore Harriers won their maiden championship in 2001.", False),
    # a published book: "publish" is the event, whatever else it means for a figure
    ("In 1971 a second book was published, A Life in Tallow, in which Edda Varn looked back.",
     "A Life in Tallow was published in 1967.", True),
    # -- dates with no year keep their month and day
    # no year on either side: a one-time event's month and day still disagree
    ("The jury in the fraud trial of former mayor Edda Corran returned its verdict on 12 October.",
     "Jurors delivered their verdict in the Corran fraud case on 17 October.", True),
    ("The jury in the fraud trial of former mayor Edda Corran returned its verdict on 12 October.",
     "Jurors delivered their verdict in the Corran fraud case on 12 October.", False),
    # a year on one side only: the month and day are compared
    ("The jury in the fraud trial of former mayor Edda Corran returned its verdict on 12 October 2021.",
     "Jurors delivered their verdict in the Corran fraud case on 17 October.", True),
    ("The jury in the fraud trial of former mayor Edda Corran returned its verdict in October 2021.",
     "Jurors delivered their verdict in the Corran fraud case on 17 October.", False),
    # the day a takeover was announced is not the day it was completed
    ("Varnholm announced its takeover of Tessaly on 4 February.",
     "Varnholm's purchase of Tessaly was completed on 30 June.", False),
    # -- a date of an event noun is its owners
    # the date in a phrase of a death is that death's, and the death is its possessor's, not the clause subject's
    ("Ray Hallam was passed over after Edda Korvin's death in 1972, weeks before the break-in.",
     "Ray Hallam died in 2008 at his home in Selby.", False),
    ("Ray Hallam was passed over after Edda Korvin's death in 1972, weeks before the break-in.",
     "Edda Korvin died in 1980 at her home in Selby.", True),
    # a date after a one-time event's noun of no one named is of no one: not the convicted man's conviction
    ("Hallam was convicted Nov. 12 of murder for the death of his unborn son just before Christmas 2002.",
     "On November 12, a jury convicted Ray Hallam of murder.", False),
    # -- money in a noun and verbs of passing a figure
    # "ended up $1.3 million in debt": the amount is of what it is "in"
    ("The Brill festival's producers said they ended up $1.3 million in debt.",
     "The Brill festival left its producers with a deficit of $2.4 million.", True),
    # "exceeded $2 billion" is a lower bound, which $2.3 billion keeps
    ("Ticket sales for the Horizon world tour exceeded $2 billion.",
     "The Horizon world tour grossed $2.3 billion in ticket sales.", False),
    ("Ticket sales for the Horizon world tour exceeded $2 billion.",
     "The Horizon world tour grossed $1.7 billion in ticket sales.", True),
    # -- synonyms of what is counted
    # "suffered injuries" is "injured": the verb carries no concept of its own
    ("Twelve firefighters were injured battling the warehouse blaze on the city's east side.",
     "Fifteen firefighters suffered injuries at the east-side warehouse fire, the fire chief said.", True),
    # participants and patients of one trial are one count
    ("The phase III trial of the drug veltrasan enrolled 2,418 participants at 96 sites.",
     "The phase III veltrasan study enrolled 1,942 patients, half assigned to the drug.", True),
]


@pytest.mark.parametrize("a, b, flagged", _PAIRS)
def test_pairs_of_one_sentence_texts(checker, a, b, flagged):
    assert bool(_flags(checker, a, b)) is flagged


def test_people_counted_by_their_death_are_a_death_toll():
    from factcheck.engine.linkage import _told_of_people

    assert _told_of_people({"man"}, {"death"}, {"death"})  # "11 men were killed" / "12 deaths"
    assert not _told_of_people({"shop"}, {"attack"}, {"attack"})  # "attacked four shops" / "2 million attacks"
    assert not _told_of_people({"man"}, {"death"}, {"injury"})


def _measure(text: str, quote: str) -> tuple[str, ...]:
    from factcheck.api import TextChecker
    from factcheck.extract.claims import extract_document
    from factcheck.ingest.corpus import document_from_text

    h = TextChecker(RULES)
    doc = document_from_text("a.txt", text, "a.txt", ".txt", {})
    (claim,) = [c for c in extract_document(doc, h.nlp, h.aliases, 8) if c.quote == quote]
    return claim.quals.get("measure", ())


@pytest.mark.parametrize("text, quote, has, lacks", [
    ("The Brill festival's producers said they ended up $1.3 million in debt.", "$1.3 million", "debt", "money"),
    ("The sculptor Ilse Marrant passed away on March 4, 2011, at her home.", "March 4, 2011", "death", "pass"),
    ("The Dunmore Harriers' maiden championship came in 2001.", "2001", "title", "come"),
    ("A Life in Tallow was published in 1967.", "1967", "publish", "death"),
    ("Ray Hallam was passed over after Edda Korvin's death in 1972.", "1972", "death", "pass"),
    # a copula's known state says what happened, before its subject does
    ("By the end of December 1986 the Orrin shelter was finally complete.", "the end of December 1986", "completion",
     "shelter"),
])
def test_what_a_figure_measures(text, quote, has, lacks):
    measure = _measure(text, quote)
    assert has in measure and lacks not in measure, measure


def test_a_time_of_day_with_no_verb_takes_its_event_word():
    from factcheck.api import TextChecker
    from factcheck.extract.claims import extract_document
    from factcheck.ingest.corpus import document_from_text

    h = TextChecker(RULES)
    text = "At 2:20 a.m., the steamer Vell sinks."  # the parser reads "sinks" as a noun
    doc = document_from_text("a.txt", text, "a.txt", ".txt", {})
    claims = [c for c in extract_document(doc, h.nlp, h.aliases, 8) if c.quote == "2:20 a.m."]
    assert claims and "sink" in claims[0].quals["measure"]


def test_a_date_with_no_year_says_so_in_its_finding(checker):
    found = _flags(checker, "The jury in the fraud trial of former mayor Edda Corran returned its verdict on 12 October.",
                   "Jurors delivered their verdict in the Corran fraud case on 17 October.")
    assert found and "12 October (no year)" in found[0]["message"] and "17 October (no year)" in found[0]["message"]


def _yearless(month: int, day: int):
    from types import SimpleNamespace

    from factcheck.model import Time

    md = f"{month:02d}-{day:02d}"
    return SimpleNamespace(quals={"yearless": (md, md)}, time=Time("", "", "", "day", relative=True))


def _dated(year: int, month: int, day: int):
    from types import SimpleNamespace

    from factcheck.model import Time

    iso = f"{year:04d}-{month:02d}-{day:02d}"
    return SimpleNamespace(quals={}, time=Time(iso, iso, iso, "day"))


_DAYS = st.tuples(st.integers(1, 12), st.integers(1, 28))


@given(_DAYS, _DAYS, st.integers(1800, 2100), st.integers(0, 3))
def test_yearless_overlap_is_symmetric_and_reads_only_month_and_day(x, y, year, tol):
    from factcheck.checks.events import _overlap_yearless

    a, b = _yearless(*x), _yearless(*y)
    assert _overlap_yearless(a, b, tol) == _overlap_yearless(b, a, tol)
    assert _overlap_yearless(a, a, 0)
    # a full date of any year agrees with its own month and day told without a year
    assert _overlap_yearless(_dated(year, *x), a, 0)
    assert _overlap_yearless(_dated(year, *x), b, 0) == (x == y)


def test_a_finding_names_no_place_that_is_far_from_both_figures(checker):
    found = _flags(checker, "The evacuation of Orbury's 43,000 residents in 1986 took 3.5 hours, using 1,200 buses sent down from Kiev.",
                   "The evacuation of Orbury's 49,000 residents in 1986 took four hours.")
    tolls = [f for f in found if "'43,000'" in f["message"]]
    assert tolls and tolls[0]["message"].startswith("resident:")  # not "resident in Kiev": Kiev is the buses'


def test_an_addition_to_a_figure_told_before_is_its_own_role():
    from factcheck.extract.frame import role_of

    for sentence, figure in (("Another four people died in hospital.", "four"), ("Four other people died in hospital.", "Four"),
                             ("A further 12 were injured.", "12")):
        s = sentence.index(figure)
        assert "addition" in role_of(sentence, s, s + len(figure), None, "count"), sentence
    s = "Four people died in hospital.".index("Four")
    assert "addition" not in role_of("Four people died in hospital.", s, s + 4, None, "count")

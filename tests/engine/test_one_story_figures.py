"""One story told twice: the only figures of two short texts, and what keeps them apart (text we wrote).

Two short texts that tell one story compare their only figure of each kind whatever
words each uses for it; known different measures, contrast qualifiers (domestic /
international, men / women, one day / to date), different stated times and things
each text names on its own keep figures apart. Bounds are thresholds; "half a
million" is a number; one-time events of two one-story texts are one event unless
one is a process's start or the event recurs.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings, strategies as st

from factcheck.checks.conflict import ConflictParams, SeriesChange, strict_bound
from factcheck.engine.context import interval
from factcheck.engine.linkage import _different_times, contrasting, qualifiers
from factcheck.model import Claim, Time, Value
from factcheck.normalize.numbers import parse_number
from tests.conftest import RULES

_VALUE_RULES = ("FC101", "FC102", "FC202")


@pytest.fixture(scope="module")
def checker():
    """One loaded model, rule set and alias table for the whole module."""
    from factcheck.api import TextChecker

    return TextChecker(RULES)


def _findings(checker, texts: dict[str, str], rules=_VALUE_RULES) -> list[dict]:
    report = checker.check(texts)
    return [f for f in report["findings"] if f["rule"] in rules]


def _linked(checker, texts: dict[str, str]):
    """The claims of the texts and a Linker that knows the texts, as a check run builds it."""
    from factcheck.engine.linkage import Linker
    from factcheck.extract.claims import extract_document, number_claims
    from factcheck.ingest.corpus import document_from_text

    docs = [document_from_text(d, t, d, ".txt", {}) for d, t in sorted(texts.items())]
    claims = []
    for doc in docs:
        claims += extract_document(doc, checker.nlp, checker.aliases)
    claims = number_claims(claims)
    return claims, Linker(claims, {d.id: d.title for d in docs}, {d.id: d.text for d in docs})


def _pair(checker, a: str, b: str, quote_a: str, quote_b: str):
    """The claim quoted quote_a in a.txt, the claim quoted quote_b in b.txt, and the linker."""
    claims, linker = _linked(checker, {"a.txt": a, "b.txt": b})
    ca = next(c for c in claims if c.doc == "a.txt" and c.quote == quote_a)
    cb = next(c for c in claims if c.doc == "b.txt" and c.quote == quote_b)
    return ca, cb, linker


def _claim(sentence: str, time: Time | None = None, doc: str = "a.txt") -> Claim:
    """A bare quantity claim of a sentence (for the pure helpers that read only sentence and time)."""
    return Claim(doc, 0, 1, "1", sentence, 0, "quantity", Value(1.0, "count", 1.0, 1.0, False, "1"), time, None, None)


def _year(y: int, anchor: str | None = None) -> Time:
    return Time(str(y), f"{y}-01-01", f"{y}-12-31", "year", anchor=anchor)


# ---------------------------------------------------------------- texts (all invented)

FLIGHTS_50 = "50 flights were cancelled at Corrin Airport on Friday because of fog."
FLIGHTS_47 = "47 flights were cancelled at Corrin Airport on Friday because of fog."
DEPARTURES_53 = "53 departures were scrapped at Corrin Airport on Friday because of fog."
KILLED = "14 people were killed when a bus overturned near Tamsby on Sunday."
TREATED = "62 people were treated for injuries after a bus overturned near Tamsby on Sunday."
DIED = "17 people died when a bus overturned near Tamsby on Sunday."
CLUBS_2016 = "In 2016 there were 400 chess clubs in Marlovia."
CLUBS_2017 = "In 2017 there were 900 chess clubs in Marlovia."
CLUBS_PUBLISHED_2016 = "Chess in Marlovia\nPublished 12 March 2016\n\nThere are currently 400 chess clubs in Marlovia.\n"
CLUBS_PUBLISHED_2017 = "Chess in Marlovia\nPublished 3 May 2017\n\nThere are currently 900 chess clubs in Marlovia.\n"
ARLO = "Ben Arlo rises to 1,204 metres in the Sorrel range."
MORR = "Ben Morr reaches 1,150 metres in the Sorrel range."
ARLO_AGAIN = "Ben Arlo reaches 1,150 metres in the Sorrel range."


# ---------------------------------------------------------------- 1. the only count of each text


@pytest.mark.model
def test_the_only_counts_of_one_story_are_linked_whatever_their_verbs(checker):
    a, b, linker = _pair(checker, FLIGHTS_50, DEPARTURES_53, "50", "53")
    assert linker.one_story("a.txt", "b.txt")
    assert {a.id, b.id} <= linker.sole
    assert set(a.quals["measure"]).isdisjoint(b.quals["measure"])  # "flights cancelled" / "departures scrapped"
    match = linker.compare(a, b)
    assert match is not None
    assert any(lv.comparison == "measure" and lv.level.startswith("the only count of each of two short texts")
               for lv in match.levels)


@pytest.mark.model
@pytest.mark.xfail(strict=True, reason="observed: the pair is linked, but '50' is read as a round figure "
                                       "(45-55 after rounding), so 53 agrees with it and no FC101 is reported")
def test_fifty_flights_cancelled_and_fifty_three_departures_scrapped_are_flagged(checker):
    found = _findings(checker, {"a.txt": FLIGHTS_50, "b.txt": DEPARTURES_53})
    assert [f["rule"] for f in found] == ["FC101"]


@pytest.mark.model
def test_two_counts_of_one_story_with_different_verbs_are_flagged(checker):
    found = _findings(checker, {"a.txt": FLIGHTS_47, "b.txt": DEPARTURES_53})
    assert [f["rule"] for f in found] == ["FC101"]
    assert "'47'" in found[0]["message"] and "'53'" in found[0]["message"]


@pytest.mark.model
def test_killed_and_treated_for_injuries_are_two_measures(checker):
    a, b, linker = _pair(checker, KILLED, TREATED, "14", "62")
    assert linker.one_story("a.txt", "b.txt") and {a.id, b.id} <= linker.sole
    assert linker._sole_pair(a, b) == ""  # death / injury: known different measures
    assert linker.compare(a, b) is None
    assert not _findings(checker, {"a.txt": KILLED, "b.txt": TREATED})


@pytest.mark.model
def test_killed_and_died_of_one_story_are_one_measure(checker):
    # the control of the test above: the same story with one measure on both sides is a conflict
    assert [f["rule"] for f in _findings(checker, {"a.txt": KILLED, "b.txt": DIED})] == ["FC101"]


# ---------------------------------------------------------------- 2. contrast qualifiers

_CONTRASTS = [
    ("Lantern Hill earned $88 million at the domestic box office.", "Lantern Hill earned $215 million internationally.",
     "$88 million", "$215 million", "domestic vs international"),
    ("3,400 men took part in the Ostvik charity run.", "1,900 women took part in the Ostvik charity run.",
     "3,400", "1,900", "men vs women"),
    ("In the Veltra trial, 120 patients in the treatment group recovered.",
     "In the Veltra trial, 45 patients given placebo recovered.", "120", "45", "treatment vs control"),
    ("Hela Marsh won 41% of the vote in the first round of the Dunmore mayoral election.",
     "Hela Marsh won 58% of the vote in the runoff of the Dunmore mayoral election.", "41%", "58%", "first vs runoff"),
    ("Border guards at Tarnow stopped 340 migrants on Monday.",
     "Border guards at Tarnow have stopped 5,200 migrants since January.", "340", "5,200", "one_day vs to_date"),
]


@pytest.mark.model
@pytest.mark.parametrize("a, b, quote_a, quote_b, contrast", _CONTRASTS,
                         ids=["domestic-international", "men-women", "treatment-placebo", "first-round-runoff",
                              "monday-since-january"])
def test_figures_with_contrasting_qualifiers_are_not_compared(checker, a, b, quote_a, quote_b, contrast):
    ca, cb, linker = _pair(checker, a, b, quote_a, quote_b)
    # one story, and each figure the only one of its kind: only the qualifiers keep them apart
    assert linker._sole_pair(ca, cb)
    assert linker.compare(ca, cb) is None
    assert linker.last_reason == f"different qualifiers ({contrast})"
    assert not _findings(checker, {"a.txt": a, "b.txt": b})


@pytest.mark.model
@pytest.mark.parametrize("a, b", [
    ("3,400 women took part in the Ostvik charity run.", "1,900 women took part in the Ostvik charity run."),
    ("Border guards at Tarnow stopped 340 migrants on Monday.", "Border guards at Tarnow stopped 520 migrants on Monday."),
], ids=["women-women", "monday-monday"])
def test_figures_with_the_same_qualifier_are_compared(checker, a, b):
    assert [f["rule"] for f in _findings(checker, {"a.txt": a, "b.txt": b})] == ["FC101"]


@pytest.mark.parametrize("sentence, expected", [
    ("Lantern Hill earned $88 million at the domestic box office.", {"market": {"domestic"}}),
    ("Overseas, the film took $215 million.", {"market": {"international"}}),
    ("3,400 men and 1,900 women finished.", {"sex": {"men", "women"}, "moment": {"end"}}),
    ("1,900 women finished the race.", {"sex": {"women"}, "moment": {"end"}}),
    ("The Brannock relay set off with 212 runners.", {"moment": {"start"}}),
    ("The Ostvik ferry line has carried 4 million people since it opened.", {"span": {"all_time"}, "moment": {"start"}}),
    ("The Corran viaduct has a main span of 310 m.", {"extent": {"part"}}),
    ("Thousands gathered for the 50th anniversary of the Hollin flood.", {"commemoration": {"anniversary"}}),
    ("45 patients given placebo recovered.", {"trial_arm": {"control"}}),
    ("Marsh won the runoff with 58%.", {"stage": {"runoff"}}),
    ("Guards stopped 340 migrants on Monday.", {"period": {"one_day"}}),
    ("Guards have stopped 5,200 migrants since January.", {"period": {"to_date"}}),
    ("The Ostvik ferry carried 310 cars.", {}),
])
def test_qualifiers_names_the_contrast_members_of_a_sentence(sentence, expected):
    assert qualifiers(sentence) == {g: frozenset(m) for g, m in expected.items()}


def test_women_is_not_read_as_men():
    assert qualifiers("Nineteen women rowed.") == {"sex": frozenset({"women"})}
    assert qualifiers("The Menwick mine employs 40.") == {}


@pytest.mark.parametrize("a, b, expected", [
    ("$88 million at the domestic box office.", "$215 million internationally.", "domestic vs international"),
    ("3,400 men finished.", "1,900 women finished.", "men vs women"),
    ("340 migrants on Monday.", "5,200 migrants since January.", "one_day vs to_date"),
    ("3,400 men finished.", "1,900 men finished.", ""),  # one member on both sides
    ("3,400 men and women finished.", "1,900 women finished.", ""),  # a member in common
    ("3,400 men finished.", "1,900 runners finished.", ""),  # a qualifier on one side only
])
def test_contrasting_needs_different_members_of_one_group(a, b, expected):
    assert contrasting(_claim(a), _claim(b, doc="b.txt")) == expected
    assert bool(contrasting(_claim(b), _claim(a, doc="b.txt"))) == bool(expected)


# ---------------------------------------------------------------- 3. different times


def test_different_years_and_weekdays_are_different_times():
    assert _different_times(_claim("In 2016 ...", _year(2016)), _claim("In 2017 ...", _year(2017)))
    assert not _different_times(_claim("In 2016 ...", _year(2016)), _claim("In 2016 ...", _year(2016)))
    assert _different_times(_claim("340 on Monday."), _claim("520 on Tuesday."))
    assert not _different_times(_claim("340 on Monday."), _claim("520 on Monday."))
    assert not _different_times(_claim("340 on Monday."), _claim("520 so far."))  # one side undated


@pytest.mark.model
def test_two_stated_years_are_not_one_storys_only_figure(checker):
    a, b, linker = _pair(checker, CLUBS_2016, CLUBS_2017, "400", "900")
    assert linker.one_story("a.txt", "b.txt")
    assert _different_times(a, b)
    assert linker._sole_pair(a, b) == ""


@pytest.mark.model
def test_two_stated_years_are_neither_a_conflict_nor_a_series_change(checker):
    assert not _findings(checker, {"a.txt": CLUBS_2016, "b.txt": CLUBS_2017}, ("FC101", "FC102"))


@pytest.mark.model
def test_two_stated_years_are_a_series_change_when_stated_times_is_on(checker, monkeypatch):
    rule = next(r for r in checker.rules if r.code == "FC102")
    monkeypatch.setattr(rule, "params", rule.params.model_copy(update={"stated_times": True}))
    found = _findings(checker, {"a.txt": CLUBS_2016, "b.txt": CLUBS_2017}, ("FC101", "FC102"))
    assert [f["rule"] for f in found] == ["FC102"]


@pytest.mark.model
def test_one_stated_year_is_a_value_conflict(checker):
    found = _findings(checker, {"a.txt": CLUBS_2016, "b.txt": CLUBS_2016.replace("400", "900")}, ("FC101", "FC102"))
    assert [f["rule"] for f in found] == ["FC101"]


@pytest.mark.model
def test_present_tense_figures_of_two_publication_dates_are_a_series_change(checker):
    found = _findings(checker, {"a.txt": CLUBS_PUBLISHED_2016, "b.txt": CLUBS_PUBLISHED_2017}, ("FC101", "FC102"))
    assert [f["rule"] for f in found] == ["FC102"]
    assert "document date" in found[0]["message"]
    assert "'400'" in found[0]["message"] and "'900'" in found[0]["message"]


def test_series_change_selects_close_years_only_when_a_figure_is_dated_by_its_document():
    p = ConflictParams()
    stated = (_claim("In 2016 ...", _year(2016)), _claim("In 2017 ...", _year(2017), doc="b.txt"))
    current = (_claim("There are 400.", _year(2016, "document date (text)")),
               _claim("There are 900.", _year(2017, "document date (text)"), doc="b.txt"))
    assert not SeriesChange.select(SeriesChange(), "close", *stated, p)
    assert SeriesChange.select(SeriesChange(), "close", *stated, ConflictParams(stated_times=True))
    assert SeriesChange.select(SeriesChange(), "close", *current, p)
    assert SeriesChange.select(SeriesChange(), "close", stated[0], current[1], p)
    assert not SeriesChange.select(SeriesChange(), "far", *current, p)


# ---------------------------------------------------------------- 4. each text names its own thing


@pytest.mark.model
def test_two_peaks_of_one_range_are_not_one_height(checker):
    a, b, linker = _pair(checker, ARLO, MORR, "1,204 metres", "1,150 metres")
    assert linker.one_story("a.txt", "b.txt")
    assert linker._own_entities(a, b, "entities") == ["ben arlo"]
    assert linker._own_entities(b, a, "entities") == ["ben morr"]
    assert linker._sole_pair(a, b) == ""
    assert linker.compare(a, b) is None
    assert not _findings(checker, {"a.txt": ARLO, "b.txt": MORR})


@pytest.mark.model
def test_two_peaks_sharing_a_park_name_are_kept_apart_by_their_own_names(checker):
    a = "Ben Arlo, in the Corran Hills National Park, rises to 1,204 metres."
    b = "Ben Morr, in the Corran Hills National Park, reaches 1,150 metres."
    ca, cb, linker = _pair(checker, a, b, "1,204 metres", "1,150 metres")
    assert linker.compare(ca, cb) is None
    assert linker.last_reason == "each names a thing the other text never mentions (ben arlo / ben morr)"
    assert not _findings(checker, {"a.txt": a, "b.txt": b})


@pytest.mark.model
def test_two_heights_of_one_peak_are_flagged(checker):
    assert [f["rule"] for f in _findings(checker, {"a.txt": ARLO, "b.txt": ARLO_AGAIN})] == ["FC101"]


# ---------------------------------------------------------------- 5. bounds are thresholds


@pytest.mark.model
def test_more_than_a_figure_excludes_a_figure_just_under_it(checker):
    found = _findings(checker, {"a.txt": "The massacre at Veldin left more than 3,780 victims, historians say.",
                                "b.txt": "The massacre at Veldin left 3,737 victims, historians say."})
    assert [f["rule"] for f in found] == ["FC101"]
    assert "'more than 3,780'" in found[0]["message"] and "'3,737'" in found[0]["message"]


@pytest.mark.model
def test_more_than_a_figure_agrees_with_a_figure_above_it(checker):
    a = "The fire at Veldin destroyed more than 300 homes, officials said."
    b = "The fire at Veldin destroyed 312 homes, officials said."
    ca, cb, linker = _pair(checker, a, b, "more than 300", "312")
    assert linker.compare(ca, cb) is not None  # linked: the values agree, that is why nothing is reported
    assert not _findings(checker, {"a.txt": a, "b.txt": b})


def test_a_bound_is_a_threshold_not_a_rounded_figure():
    more = Value(3780.0, "count", 3780.0, None, False, "more than 3,780")
    assert strict_bound(more)
    assert interval(more, 0.10, 0.01) == (3780.0, math.inf)
    at_least = Value(50.0, "count", 50.0, None, False, "at least 50")
    assert not strict_bound(at_least)
    assert interval(at_least, 0.10, 0.01) == (50.0, math.inf)
    under = Value(300.0, "count", None, 300.0, False, "fewer than 300")
    assert interval(under, 0.10, 0.01) == (0.0, 300.0)
    # an exact figure is widened by the relative tolerance; 3,737 then still stays under 3,780
    lo, hi = interval(Value(3737.0, "count", 3737.0, 3737.0, False, "3,737"), 0.10, 0.01)
    assert lo < 3737.0 < hi < 3780.0


# ---------------------------------------------------------------- 6. numbers in words

_FRACTIONS = {"half": 0.5, "a quarter": 0.25, "three-quarters": 0.75, "three quarters": 0.75, "a third": 1 / 3,
              "two-thirds": 2 / 3, "two thirds": 2 / 3}
_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "dozen": 12.0}


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(sorted(_FRACTIONS)), st.booleans(), st.sampled_from(sorted(_SCALES)), st.booleans())
def test_a_fraction_of_a_scale_is_the_fraction_times_the_scale(fraction, of, scale, upper):
    text = f"{fraction}{' of' if of else ''} a {scale}"
    text = text.upper() if upper else text
    assert parse_number(text) == pytest.approx(_FRACTIONS[fraction] * _SCALES[scale])


@pytest.mark.parametrize("text, value", [
    ("half a million", 500_000), ("a quarter of a million", 250_000), ("three-quarters of a billion", 750_000_000),
    ("half a dozen", 6), ("two-thirds of a million", 2_000_000 / 3),
])
def test_fractions_of_scales_as_written(text, value):
    assert parse_number(text) == pytest.approx(value)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**15))
def test_integers_written_with_commas_round_trip(n):
    assert parse_number(f"{n:,}") == n


# ---------------------------------------------------------------- 7. one-time events of one story


@pytest.mark.model
def test_one_verdict_told_with_two_verbs_and_two_dates_is_flagged(checker):
    # neither sentence names a person or body: one story, one date each, is what makes them one event
    a = "The jury in the Kessingham poisoning case returned its verdict on 8 June 2017."
    b = "On June 18, 2017, jurors in the Kessingham poisoning case found her guilty."
    found = _findings(checker, {"a.txt": a, "b.txt": b}, ("FC202",))
    assert len(found) == 1
    assert "2017-06-08" in found[0]["message"] and "2017-06-18" in found[0]["message"]


@pytest.mark.model
def test_the_start_of_work_on_a_bridge_is_not_its_opening(checker):
    a, b = "Work on the Tolland bridge began in March 1960.", "The Tolland bridge opened in June 1964."
    ca, cb, linker = _pair(checker, a, b, "March 1960", "June 1964")
    assert {ca.id, cb.id} <= linker.sole_dates and linker.compare(ca, cb) is not None  # linked, then set apart
    assert not _findings(checker, {"a.txt": a, "b.txt": b}, ("FC202",))


@pytest.mark.model
@pytest.mark.parametrize("a, b", [
    ("Work on the Tolland bridge began in March 1960.", "Work on the Tolland bridge began in May 1961."),
    ("The Tolland bridge opened in March 1963.", "The Tolland bridge opened in June 1964."),
], ids=["two-starts-of-work", "two-openings"])
def test_two_dates_of_one_event_of_a_bridge_are_flagged(checker, a, b):
    assert len(_findings(checker, {"a.txt": a, "b.txt": b}, ("FC202",))) == 1


@pytest.mark.model
def test_two_editions_of_a_recurring_final_are_not_one_event(checker):
    a, b = "The 2023 Ostmark Cup final was played on 18 May.", "In 2024 the Ostmark Cup final took place on 24 May."
    ca, cb, linker = _pair(checker, a, b, "18 May", "24 May")
    assert "final" in linker.compare(ca, cb).measure  # linked as the final, then set apart by the years
    assert not _findings(checker, {"a.txt": a, "b.txt": b}, ("FC202",))


@pytest.mark.model
def test_two_dates_of_one_edition_of_a_final_are_flagged(checker):
    found = _findings(checker, {"a.txt": "The 2023 Ostmark Cup final was played on 18 May.",
                                "b.txt": "In 2023 the Ostmark Cup final took place on 24 May."}, ("FC202",))
    assert len(found) == 1
    assert "2023-05-18" in found[0]["message"] and "2023-05-24" in found[0]["message"]


def test_a_count_of_countries_worldwide_is_no_part_of_a_count_of_countries():
    from factcheck.engine.linkage import contrasting
    from factcheck.model import Claim, Value

    def claim(sentence, quote, measure):
        s = sentence.index(quote)
        return Claim("a.txt", s, s + len(quote), quote, sentence, 0, "quantity",
                     Value(1.0, "count", 1.0, 1.0, False, quote), None, None, None, (("measure", tuple(measure)),))

    world = claim("The Brill concert was broadcast to 150 countries worldwide.", "150", ["country"])
    plain = claim("The Brill concert was broadcast to 110 countries.", "110", ["country"])
    assert contrasting(world, plain) == ""
    # a sum of money worldwide is a whole of which a domestic or a plain figure may be a part
    gross_world = claim("Lantern Hill took $303 million worldwide.", "$303 million", ["gross"])
    gross = claim("Lantern Hill took $88 million.", "$88 million", ["gross"])
    assert contrasting(gross_world, gross) != ""


def test_the_only_times_of_two_short_texts_that_name_one_event_are_compared(checker):
    """"took place at 07:40" / "lifted off at 07:04": the only time of day of each of two texts telling one
    story, and both name the launch (the parser cut "UTC" off as a sentence of its own: the part of
    the time that hangs on the verb still says what it is)."""
    a = "The launch of Pellan-2, the fifth flight from the Orsk pad, took place at 07:40 UTC."
    b = "Pellan-2 lifted off at 7:04 a.m. UTC."
    found = _findings(checker, {"a.txt": a, "b.txt": b}, rules=_VALUE_RULES)
    assert found, "two times of one launch disagree"
    assert any("the same concept" in lv["level"] for lv in found[0]["match"]["levels"])
    assert _findings(checker, {"a.txt": a, "b.txt": b.replace("7:04", "7:40")},
                     rules=_VALUE_RULES) == []


def test_the_only_times_of_two_short_texts_that_name_different_events_stay_apart(checker):
    a = "The launch of Pellan-2, the fifth flight from the Orsk pad, took place at 07:40 UTC."
    b = "Pellan-2 landed at 9:15 a.m. UTC."
    assert _findings(checker, {"a.txt": a, "b.txt": b}, rules=_VALUE_RULES) == []


def test_a_time_of_day_is_of_its_event_noun_and_its_verb(checker):
    """"the fire broke out at 1.10am" / "the blaze started at about 3am": both times are of the fire's
    outbreak (the event noun is the subject in one, the verb says it in the other)."""
    a = "The fire at the Corrin mill broke out at about 1.10am on Tuesday."
    b = "The Corrin mill blaze started at around 3am on Tuesday, firefighters said."
    found = _findings(checker, {"a.txt": a, "b.txt": b})
    assert found and {e["quote"] for e in found[0]["evidence"]} == {"1.10am", "3am"}
    assert _findings(checker, {"a.txt": a, "b.txt": b.replace("3am", "1.10am")}) == []

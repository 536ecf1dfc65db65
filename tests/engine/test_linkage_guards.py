"""Precision guards of the linker: pairs that share a word but not a subject stay apart.

Behaviour on text we wrote: whole-text similarity says when two long documents
are two stories, whatever name or measure they share; a short name is a longer
one only when its document uses the rest of it; lists and fact boxes read as
one sentence are not linked; scale names are not what a figure is about; a
one-time event belongs to the subject of its sentence; times of day compare as
clocks; two undated figures need a named thing in common.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings, strategies as st

from factcheck.checks.conflict import clock_compatible
from factcheck.engine.linkage import CONFIDENT, RELATED_TEXT, UNRELATED_TEXT, Linker, cosine, text_vector
from factcheck.model import Claim, Value
from tests.conftest import RULES

_VALUE_RULES = ("FC101", "FC102", "FC202")


@pytest.fixture(scope="module")
def checker():
    """One loaded model, rule set and alias table for the whole module (check_texts reloads them)."""
    from factcheck.api import TextChecker

    return TextChecker(RULES)


def _findings(checker, texts: dict[str, str], rules=_VALUE_RULES) -> list[dict]:
    report = checker.check(texts)
    return [f for f in report["findings"] if f["rule"] in rules]


def _linked(checker, texts: dict[str, str]):
    """The claims of the texts and a Linker that knows the texts, as a check run builds it."""
    from factcheck.extract.claims import extract_document, number_claims
    from factcheck.ingest.corpus import document_from_text

    docs = [document_from_text(d, t, d, ".txt", {}) for d, t in sorted(texts.items())]
    claims = []
    for doc in docs:
        claims += extract_document(doc, checker.nlp, checker.aliases)
    claims = number_claims(claims)
    return claims, Linker(claims, {d.id: d.title for d in docs}, {d.id: d.text for d in docs})


def _compare(checker, texts: dict[str, str], quote_a: str, quote_b: str):
    """Linker.compare of the claim quoted quote_a in a.txt and quote_b in b.txt, and the linker."""
    claims, linker = _linked(checker, texts)
    a = next(c for c in claims if c.doc == "a.txt" and c.quote == quote_a)
    b = next(c for c in claims if c.doc == "b.txt" and c.quote == quote_b)
    return linker.compare(a, b), linker


def _levels(match) -> list[str]:
    return [f"{lv.comparison}: {lv.level}" for lv in match.levels]


# ---------------------------------------------------------------- texts (all invented)

FOOTBALL = (
    "Harbour Rovers climbed to second place in the league on Saturday after a bruising derby against Millbrook Athletic. "
    "The visitors pressed high from the opening whistle, and their goalkeeper made four diving saves before the interval. "
    "Winger Tomas Reyes curled a free kick into the top corner shortly after the break, and a late header from the captain sealed it. "
    "{fact} Supporters sang throughout the second half, and the manager praised the midfield for winning tackles, recycling "
    "possession and defending corners with discipline. The referee booked five players, and the next fixture is an away trip "
    "to the coast. Ticket prices for the cup semifinal rise next week, while the youth academy unveils a new floodlit pitch "
    "beside the stand.")
COURT = (
    "A jury at the county court convicted a former pharmacist of fraud on Thursday after a trial that lasted seven weeks. "
    "Prosecutors told jurors the defendant forged prescriptions, laundered the proceeds through shell accounts and deceived auditors. "
    "The judge adjourned sentencing until March and warned that a custodial term was likely. "
    "{fact} Defence lawyers argued the evidence was circumstantial, disputed the handwriting analysis and said they would lodge "
    "an appeal. Investigators seized ledgers, invoices and laptops during raids, and the regulator has suspended the licence "
    "pending review. Bail conditions require the accused to surrender a passport, observe a curfew and report weekly to a "
    "police station.")
HARRIS_40 = "Daniel Harris said his firm had 40 employees in 2019."
HARRIS_85 = "Daniel Harris said his firm had 85 employees in 2019."

LANDSLIDE_A = (
    "A landslide buried part of the mountain village of Kestrel Hollow on Monday after three days of torrential rain. "
    "Rescue teams dug through mud and broken timber with shovels and bare hands, and a school gymnasium became a shelter for families. "
    "The regional governor said 23 people died in the Kestrel Hollow landslide. "
    "Engineers warned that the slope above the valley remained unstable and that the river could burst its banks again. "
    "Volunteers carried blankets, drinking water and medicine along the damaged road, while helicopters ferried the injured to hospital. "
    "Residents described a roar like thunder before the hillside gave way and swept houses, cattle sheds and orchards downhill.")
LANDSLIDE_B = (
    "Rescuers searched through mud and splintered timber in Kestrel Hollow on Tuesday, a day after a landslide struck the mountain village. "
    "Days of torrential rain loosened the hillside above the valley, residents said, and a roar like thunder came before it collapsed. "
    "Officials said 41 people died in the Kestrel Hollow landslide. "
    "Families sheltered in a school gymnasium as volunteers brought blankets, drinking water and medicine up the damaged road. "
    "Helicopters flew the injured to hospital, and engineers cautioned that the unstable slope and the swollen river posed further danger. "
    "Houses, orchards and cattle sheds were swept downhill, and several farms remain cut off.")

_GAME = (
    "The Bayport Mariners beat the Glenford Owls 31-17 in a rain-soaked game at Lakeshore Field, moving to the top of the division. "
    "The quarterback threw two touchdown passes, and the defense forced three fumbles in the second half. "
    "Fans braved the wind and cold, and the coach praised the offensive line for opening gaps all afternoon. ")
JONES_SHORT_NAME = (
    "Running back Felix Jones returned from a knee injury this month. " + _GAME
    + "Jones rushed for 112 yards in the 2009 game. "
    "Kicker Arlo Benning added a field goal from long range, and the punter pinned the Owls deep twice before halftime.")


def _game_with(sentence: str) -> str:
    return (_GAME.replace("rain-soaked", "muddy") + sentence
            + " The Owls travel north next week, while the Mariners host a rival with a share of first place at stake.")


_TELESCOPE = (
    "Engineers folded the golden mirror segments and the sunshield into the rocket fairing before the launch from the coast "
    "of French Guiana. After a month of travel to its orbit beyond the Moon, the instrument cooled to its operating "
    "temperature and began observing distant galaxies. Astronomers have since used its infrared cameras to study planets "
    "around nearby stars, dusty nebulae and the earliest clusters. ")
WEBB_SHORT_NAME = (
    "The telescope has outperformed every forecast. " + _TELESCOPE + "By 2021 Webb had cost $9.7 billion, the agency said. "
    "Mission managers expect the observatory to keep working for two decades because the launch used less propellant than planned.")
WEBB_FULL_NAME = (
    _TELESCOPE + "By 2021 the James Webb Space Telescope had cost $6.2 billion, the agency said. "
    "Scientists from dozens of countries compete each year for observing time, and only a fraction of proposals are accepted.")

TALLMARK = "The Tallmark Cooperative had 95 employees in 2019, its annual report said."
_PRODUCE = ("products include oats, barley, rye, rapeseed, clover honey, smoked cheese, apple cider, dried peas, "
            "linen yarn, beeswax candles; ")
FACT_BOX_LONG = ("Tallmark Cooperative fact sheet: founded by farmers in the river valley; headquarters beside the old "
                 "grain store; " + _PRODUCE * 5 + "staff 40 employees in 2019.")
_BOARD = ["Anna Berg", "Carl Dovrin", "Edith Falk", "Gunnar Holm", "Ingrid Jarl", "Karl Lund", "Maja Norr", "Olof Pihl",
          "Rut Sand", "Sven Tore", "Ulla Vik", "Wilma Yxe", "Axel Ostby", "Berit Carlen", "Dag Enqvist", "Frida Gavle"]
FACT_BOX_NAMES = "Board of the Tallmark Cooperative: " + ", ".join(_BOARD) + "; staff 40 employees in 2019."
FACT_BOX_SHORT = "Tallmark Cooperative fact sheet: founded by farmers in the river valley; staff 40 employees in 2019."

_MATCH_REPORT = (
    "The wind swirled across the field all afternoon, and both offenses struggled to move the ball through the air. "
    "The home crowd roared when the defense stopped a fourth-down run near the goal line late in the game. "
    "{catch} before halftime. The kicker missed twice, and the coach said the team must tackle better.")


# ---------------------------------------------------------------- 1. whole-text similarity


def test_identical_texts_score_one():
    v = text_vector(LANDSLIDE_A)
    assert cosine(v, v) == pytest.approx(1.0)


def test_texts_without_a_shared_word_score_zero():
    assert cosine(text_vector("granite quarries flooded overnight"), text_vector("violinists rehearse sonatas")) == 0.0


def test_a_football_report_and_a_court_report_are_unrelated():
    sim = cosine(text_vector(FOOTBALL.format(fact="")), text_vector(COURT.format(fact="")))
    assert sim < UNRELATED_TEXT


def test_two_reports_of_one_event_are_related():
    assert cosine(text_vector(LANDSLIDE_A), text_vector(LANDSLIDE_B)) > RELATED_TEXT


_words = st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=9), max_size=25)


@settings(max_examples=60, deadline=None)
@given(_words, _words)
def test_cosine_is_symmetric_and_between_zero_and_one(xs, ys):
    a, b = text_vector(" ".join(xs)), text_vector(" ".join(ys))
    ab, ba = cosine(a, b), cosine(b, a)
    assert ab == pytest.approx(ba, abs=1e-12)
    assert -1e-12 <= ab <= 1.0 + 1e-12


# ---------------------------------------------------------------- 2. the absolute text gate


@pytest.mark.model
def test_long_unrelated_stories_sharing_a_name_and_a_measure_are_not_paired(checker):
    texts = {"a.txt": FOOTBALL.format(fact=HARRIS_40), "b.txt": COURT.format(fact=HARRIS_85)}
    assert min(len(text_vector(t)) for t in texts.values()) >= 60
    assert not _findings(checker, texts)
    match, linker = _compare(checker, texts, "40", "85")
    assert match is None
    assert linker.last_reason.startswith("unrelated documents (text similarity")
    # the two sentences alone are a conflict: the rest of the texts is what tells the stories apart
    assert [f["rule"] for f in _findings(checker, {"a.txt": HARRIS_40, "b.txt": HARRIS_85})] == ["FC101"]


@pytest.mark.model
def test_long_reports_of_one_event_with_different_death_tolls_are_flagged(checker):
    found = _findings(checker, {"a.txt": LANDSLIDE_A, "b.txt": LANDSLIDE_B})
    assert [f["rule"] for f in found] in (["FC101"], ["FC102"])
    assert "'23'" in found[0]["message"] and "'41'" in found[0]["message"]


# ---------------------------------------------------------------- 3. short names


@pytest.mark.model
def test_a_surname_is_not_a_longer_hyphenated_name_in_another_long_document(checker):
    texts = {"a.txt": JONES_SHORT_NAME, "b.txt": _game_with("Maurice Jones-Drew rushed for 140 yards in the 2009 game.")}
    assert not _findings(checker, texts)


@pytest.mark.model
def test_a_surname_whose_document_gives_another_first_name_is_not_that_person(checker):
    texts = {"a.txt": JONES_SHORT_NAME, "b.txt": _game_with("Maurice Jones rushed for 140 yards in the 2009 game.")}
    assert not _findings(checker, texts)


@pytest.mark.model
def test_a_short_name_matches_the_full_name_when_its_document_uses_the_rest(checker):
    texts = {"a.txt": WEBB_SHORT_NAME, "b.txt": WEBB_FULL_NAME}
    found = _findings(checker, texts)
    assert [f["rule"] for f in found] == ["FC101"]
    assert "entity: named in both: james webb space telescope" in [
        f"{lv['comparison']}: {lv['level']}" for lv in found[0]["match"]["levels"]]


@pytest.mark.model
def test_a_short_name_without_the_rest_of_the_name_is_not_named_in_both(checker):
    texts = {"a.txt": WEBB_SHORT_NAME.replace("The telescope has", "The observatory has"), "b.txt": WEBB_FULL_NAME}
    match, _linker = _compare(checker, texts, "$9.7 billion", "$6.2 billion")
    # not linked at all, or linked without the name counting as named in both
    assert match is None or not any(lv.startswith("entity: named in both") for lv in _levels(match))


@pytest.mark.model
@pytest.mark.parametrize("a, b, quote_a, quote_b", [
    ("Jones rushed for 112 yards in 2009.", "Maurice Jones rushed for 140 yards in 2009.", "112 yards", "140 yards"),
    ("By 2021 Webb had cost $9.7 billion.", "By 2021 the James Webb Space Telescope had cost $6.2 billion.",
     "$9.7 billion", "$6.2 billion"),
])
def test_in_one_sentence_documents_a_short_name_still_matches(checker, a, b, quote_a, quote_b):
    texts = {"a.txt": a, "b.txt": b}
    match, _linker = _compare(checker, texts, quote_a, quote_b)
    assert match is not None
    assert any(lv.startswith("entity: named in both") for lv in _levels(match))
    assert [f["rule"] for f in _findings(checker, texts)] == ["FC101"]


# ---------------------------------------------------------------- 4. run-on sentences


@pytest.mark.model
@pytest.mark.parametrize("box", [FACT_BOX_LONG, FACT_BOX_NAMES], ids=["over-700-characters", "over-14-entities"])
def test_a_fact_box_line_is_run_on_and_never_linked(checker, box):
    from factcheck.extract.claims import RUN_ON_CHARS, RUN_ON_ENTITIES

    texts = {"a.txt": box, "b.txt": TALLMARK}
    claims, linker = _linked(checker, texts)
    mine = [c for c in claims if c.doc == "a.txt"]
    assert mine and all(c.quals.get("run_on") for c in mine)
    assert len(box) > RUN_ON_CHARS or len(mine[0].quals.get("entities", ())) > RUN_ON_ENTITIES
    a = next(c for c in mine if c.quote == "40")
    b = next(c for c in claims if c.doc == "b.txt" and c.quote == "95")
    assert linker.compare(a, b) is None
    assert "run-on" in linker.last_reason
    assert not _findings(checker, texts)


@pytest.mark.model
def test_a_short_fact_line_is_linked_as_usual(checker):
    texts = {"a.txt": FACT_BOX_SHORT, "b.txt": TALLMARK}
    claims, _linker = _linked(checker, texts)
    assert not any(c.quals.get("run_on") for c in claims)
    assert [f["rule"] for f in _findings(checker, texts)] == ["FC101"]


# ---------------------------------------------------------------- 5. scale names


@pytest.mark.model
def test_a_scale_name_is_not_an_entity_of_the_claim(checker, monkeypatch):
    from factcheck.extract import frame

    sentence = "An earthquake measuring 3.8 on the Richter scale shook the town of Dunmore on Tuesday."
    claims, _linker = _linked(checker, {"a.txt": sentence})
    quake = next(c for c in claims if c.quote.startswith("3.8"))
    assert quake.value.unit == "magnitude" and quake.value.magnitude == 3.8
    named = set(quake.quals.get("specific", ())) | set(quake.quals.get("entities", ()))
    assert not any("richter" in e for e in named)
    # the list of scale names is what keeps it out: without it the proper noun is read as a name
    sdoc = checker.nlp(sentence)
    assert not any("richter" in k for k, _label in frame.sentence_entities(sdoc))
    monkeypatch.setitem(frame.table(), "scale_set", frozenset())
    assert any("richter" in k for k, _label in frame.sentence_entities(sdoc))


# ---------------------------------------------------------------- 6. one-time events (FC202)


@pytest.mark.model
def test_two_opening_years_of_one_museum_are_flagged(checker):
    found = _findings(checker, {"a.txt": "The Lindqvist Museum opened in 1902.",
                                "b.txt": "The Lindqvist Museum opened in 1905."}, ("FC202",))
    assert len(found) == 1
    assert "lindqvist museum" in found[0]["message"]


@pytest.mark.model
@pytest.mark.parametrize("a, b", [
    ("They began their work on Tuesday after statements by prosecutor Nichols.", "Brian Nichols was born in 1971."),
    ("The inquiry began in 2004 after statements by prosecutor Nichols.", "Brian Nichols was born in 1971."),
    # Nichols is a bystander in both sentences: the inquiry and the audit began, not Nichols
    ("The inquiry began in 2004 after statements by prosecutor Nichols.",
     "The audit began in 1999 after statements by prosecutor Nichols."),
])
def test_an_event_of_something_else_in_a_sentence_naming_a_person_is_not_theirs(checker, a, b):
    assert not _findings(checker, {"a.txt": a, "b.txt": b})


@pytest.mark.model
def test_an_event_whose_entity_is_a_bystander_on_one_side_is_not_flagged(checker):
    assert not _findings(checker, {"a.txt": "The inquiry began in 2004 after statements by prosecutor Nichols.",
                                   "b.txt": "Nichols began work as a prosecutor in 1999."})


@pytest.mark.model
def test_two_death_dates_of_a_person_named_with_a_title_are_flagged(checker):
    found = _findings(checker, {"a.txt": "The poet Ilse Varga died on 3 May 1991 in Pecs.",
                                "b.txt": "The poet Ilse Varga died on 9 June 1994."}, ("FC202",))
    assert len(found) == 1


@pytest.mark.model
def test_the_start_of_construction_is_not_the_opening(checker):
    # the bridge is named on both sides, but one event is its construction's, the other its own
    assert not _findings(checker, {"a.txt": "Construction on the Norra Harbour Bridge began on 5 January 1931.",
                                   "b.txt": "The Norra Harbour Bridge opened on 27 May 1935."}, ("FC202",))


@pytest.mark.model
def test_two_birth_dates_of_one_person_are_flagged(checker):
    found = _findings(checker, {"a.txt": "Ilse Varga was born on 3 May 1931 in Pecs.",
                                "b.txt": "Ilse Varga was born on 9 June 1934, her publisher said."}, ("FC202",))
    assert len(found) == 1


# ---------------------------------------------------------------- 7. times of day


def _clock_pair(checker, a: str, b: str) -> tuple[Claim, Claim]:
    claims, _linker = _linked(checker, {"a.txt": a, "b.txt": b})
    times = [c for c in claims if c.value is not None and c.value.unit == "time_of_day"]
    assert [c.doc for c in times] == ["a.txt", "b.txt"], [(c.doc, c.quote) for c in times]
    return times[0], times[1]


@pytest.mark.model
@pytest.mark.parametrize("a, b, agree", [
    ("Polls closed at 8 p.m. in Dunmore on election day.", "Polls closed at 7 p.m. in Dunmore on election day.", False),
    ("The ferry left the Dunmore pier at 3:30 on the day of the storm.",
     "The ferry left the Dunmore pier at 15:30 on the day of the storm.", True),
    ("The ferry left the Dunmore pier at about 3:30 p.m. on the day of the storm.",
     "The ferry left the Dunmore pier at 3:40 p.m. on the day of the storm.", True),
    ("The tremor struck Dunmore at 3:33 a.m. on the day of the storm.",
     "The tremor struck Dunmore at 3:41 a.m. on the day of the storm.", False),
], ids=["8pm-7pm", "3:30-15:30", "about-3:30pm-3:40pm", "3:33am-3:41am"])
def test_times_of_day_compare_as_clocks(checker, a, b, agree):
    ta, tb = _clock_pair(checker, a, b)
    assert clock_compatible(ta, tb) is agree
    assert clock_compatible(tb, ta) is agree
    rules = [f["rule"] for f in _findings(checker, {"a.txt": a, "b.txt": b}, ("FC101", "FC102"))]
    assert rules == ([] if agree else ["FC101"])


@pytest.mark.model
def test_times_in_two_stated_zones_are_not_compared(checker):
    a = "The tremor struck Dunmore at 07:37 UTC on the day of the storm."
    ta, tb = _clock_pair(checker, a, "The tremor struck Dunmore at 3:37 EDT on the day of the storm.")
    assert (ta.quals.get("tz"), tb.quals.get("tz")) == ("UTC", "EDT")
    assert clock_compatible(ta, tb)
    assert not _findings(checker, {"a.txt": a, "b.txt": "The tremor struck Dunmore at 3:37 EDT on the day of the storm."})
    # in one zone the same minutes apart are a conflict
    b = "The tremor struck Dunmore at 07:52 UTC on the day of the storm."
    assert not clock_compatible(*_clock_pair(checker, a, b))
    assert [f["rule"] for f in _findings(checker, {"a.txt": a, "b.txt": b})] == ["FC101"]


def _clock(minutes: int, approx: bool = False, half_day_known: bool = True, tz: str | None = None) -> Claim:
    quals = {"half_day_known": half_day_known, **({"tz": tz} if tz else {})}
    return Claim("a.txt", 0, 4, "time", "At that time.", 0, "quantity",
                 Value(float(minutes), "time_of_day", float(minutes), float(minutes), approx, "time"),
                 None, None, "time", tuple(sorted(quals.items())))


_clocks = st.builds(_clock, st.integers(0, 1439), st.booleans(), st.booleans(), st.sampled_from([None, "UTC", "EDT"]))


@settings(max_examples=200, deadline=None)
@given(_clocks, _clocks)
def test_clock_agreement_is_symmetric(a, b):
    assert clock_compatible(a, b) == clock_compatible(b, a)


@settings(max_examples=100, deadline=None)
@given(_clocks)
def test_a_time_agrees_with_itself(a):
    assert clock_compatible(a, a)


@pytest.mark.parametrize("x, y, approx", [(23 * 60 + 59, 1, False), (23 * 60 + 55, 5, True)],
                         ids=["11:59pm-12:01am", "about-11:55pm-12:05am"])
def test_times_either_side_of_midnight_are_minutes_apart(x, y, approx):
    assert clock_compatible(_clock(x, approx), _clock(y))


# ---------------------------------------------------------------- 8. undated pairs need an entity level


@pytest.mark.model
def test_undated_figures_that_name_nobody_are_not_flagged(checker):
    texts = {"a.txt": _MATCH_REPORT.format(catch="He caught 3 passes"),
             "b.txt": _MATCH_REPORT.format(catch="He caught eight passes")}
    match, _linker = _compare(checker, texts, "3", "eight")
    # the linker is confident about the pair; only the missing named thing keeps it out
    assert match is not None and match.score >= CONFIDENT
    assert not any(lv.comparison == "entity" for lv in match.levels)
    assert not _findings(checker, texts)


@pytest.mark.model
def test_undated_figures_of_one_named_player_are_flagged(checker):
    texts = {"a.txt": _MATCH_REPORT.format(catch="Rafe Dunning caught 3 passes"),
             "b.txt": _MATCH_REPORT.format(catch="Rafe Dunning caught eight passes")}
    found = _findings(checker, texts)
    assert [(f["rule"], f["severity"]) for f in found] == [("FC101", "warning")]
    assert math.isclose(sum(lv["weight"] for lv in found[0]["match"]["levels"]), found[0]["match"]["score"], abs_tol=0.05)


# ---------------------------------------------------------------- tallies of recurring occasions

_VOSS_A = ("Harlan Voss missed eight games with a fracture in his lower leg, the Rivermouth Otters said on Tuesday, and "
           "the club signed a replacement receiver from the practice squad while the team doctors planned a long "
           "rehabilitation for the veteran, who had been the leading scorer of the club in the previous campaign.")
_VOSS_B = ("Harlan Voss injured his left knee in training and had surgery to repair a torn meniscus, and he missed four "
           "games, the Rivermouth Otters said; the club expects him back before the playoffs, and the coaching staff "
           "praised the way the veteran receiver handled the long rehabilitation.")


@pytest.mark.model
def test_undated_tallies_of_a_recurring_occasion_are_two_occasions(checker):
    match, linker = _compare(checker, {"a.txt": _VOSS_A, "b.txt": _VOSS_B}, "eight", "four")
    assert match is None
    assert linker.last_reason.startswith("undated tallies of a recurring occasion (game)")


@pytest.mark.model
def test_a_dated_tally_is_not_kept_out_as_an_unnamed_occasion(checker):
    _match, linker = _compare(checker, {"a.txt": _VOSS_A.replace("missed eight games", "missed eight games in 2019"),
                                        "b.txt": _VOSS_B.replace("missed four games", "missed four games in 2019")},
                              "eight", "four")
    assert not linker.last_reason.startswith("undated tallies")


@pytest.mark.model
def test_another_kind_of_figure_in_a_sentence_does_not_speak_for_it(checker):
    # "two births" in a's sentence does not say that a's "Three deaths" is the other text's "two deaths"
    texts = {"a.txt": "At the Marl Hill fair in 1971, three deaths, two births and a wedding were reported.",
             "b.txt": "Despite precautions, two deaths occurred at the Marl Hill fair in 1971."}
    found = _findings(checker, texts)
    assert [sorted(e["quote"].lower() for e in f["evidence"]) for f in found] == [["three", "two"]]


@pytest.mark.model
def test_a_source_figure_in_a_sentence_still_speaks_for_it(checker):
    texts = {"a.txt": "At Friday's rally in Castor Square, police estimated the crowd at 1,200, while organisers claimed 5,000.",
             "b.txt": "Organisers of the Friday rally in Castor Square said 5,000 people attended."}
    assert _findings(checker, texts) == []


@pytest.mark.model
def test_two_multipliers_of_one_comparison_are_compared(checker):
    texts = {"a.txt": "The Orrin telescope has a mirror with about six times the light-collecting area of the Vessel telescope.",
             "b.txt": "The Orrin telescope boasts a light-collecting area nine times greater than the Vessel telescope."}
    found = _findings(checker, texts)
    assert len(found) == 1 and {e["quote"] for e in found[0]["evidence"]} == {"about six times", "nine times"}


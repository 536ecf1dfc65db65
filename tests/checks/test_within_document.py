"""One document that gives two figures for one quantity, place and year contradicts itself."""

from __future__ import annotations

import pytest

from factcheck.api import check_texts

pytestmark = pytest.mark.model

HEAD = "Clubs in Freedonia.\n\n"


def _conflicts(text: str) -> list[dict]:
    return [f for f in check_texts({"a.txt": text}, only=["FC101"])["findings"]]


def test_two_figures_for_one_place_and_year_in_one_document_conflict():
    [f] = _conflicts(HEAD + "In 2015 there were 900 robotics clubs in Freedonia, according to the ministry.\n\n"
                     "Later surveys were smaller. In 2015 there were 400 robotics clubs in Freedonia.\n")
    assert {e["quote"] for e in f["evidence"]} == {"900", "400"}
    assert "same place named: freedonia" in f["match"]["explanation"]


def test_two_parts_of_a_place_in_one_document_do_not_conflict():
    assert _conflicts(HEAD + "In 2015 there were 900 robotics clubs in northern Freedonia.\n\n"
                      "In 2015 there were 400 robotics clubs in southern Freedonia.\n") == []


def test_two_years_in_one_document_do_not_conflict():
    assert _conflicts(HEAD + "In 2015 there were 900 robotics clubs in Freedonia.\n\n"
                      "In 2019 there were 400 robotics clubs in Freedonia.\n") == []


def test_shares_each_of_its_own_named_whole_are_a_series_not_parts():
    from factcheck.api import check_texts
    from tests.conftest import RULES

    series = ("In 2020, the same held for 59 percent of calls with Norway, 44 percent with Chile, "
              "55 percent with Ghana and 52 percent with Peru.")
    parts = "In 2020, 70 percent of respondents liked robots, with 25 percent saying very much and 30 percent somewhat."
    assert not [f for f in check_texts({"a.txt": series}, RULES)["findings"] if f["rule"] == "FC302"]
    assert [f for f in check_texts({"a.txt": parts}, RULES)["findings"] if f["rule"] == "FC302"]

"""Claim frames: roles, periods, entity keys (no model needed), with property tests."""

from __future__ import annotations

from hypothesis import given, strategies as st

from factcheck.engine.linkage import entities_agree
from factcheck.extract.frame import concepts_of, entity_key, role_of


def _roles(sentence: str, number: str, unit: str = "count") -> list[str]:
    s = sentence.index(number)
    return role_of(sentence, s, s + len(number), None, unit)


def test_per_unit_roles():
    assert _roles("Orlen earned $7.8 million, or $1.65 a share, in 2019.", "$1.65", "USD") == ["per:share"]
    assert _roles("The province spends $4,100 per resident on care.", "$4,100", "USD") == ["per:resident"]
    assert _roles("Orlen earned $7.8 million, or $1.65 a share, in 2019.", "$7.8 million", "USD") == []


def test_change_part_whole_age_period_updated():
    assert "change" in _roles("Sales were up 5% on the year.", "5%", "percent")
    assert _roles("Dunmore won 7 of their 12 league matches.", "7") == ["part"]
    assert _roles("Dunmore won 7 of their 12 league matches.", "12") == ["whole"]
    assert _roles("The visitor, a 45-year-old teacher, left.", "45") == ["age"]
    assert _roles("Tallis posted fourth-quarter revenue of $1.1 billion.", "$1.1 billion", "USD") == ["period:q4"]
    assert _roles("For the full year, revenue was $3.9 billion.", "$3.9 billion", "USD") == ["period:year"]
    assert _roles("The toll had risen to 31 by Friday.", "31") == ["updated"]


def test_word_classes_join_synonyms():
    assert "death" in concepts_of("kill") and "death" in concepts_of("fatality")
    assert concepts_of("zyzzyva") == ("zyzzyva",)


def test_entity_key_normalizes_articles_and_possessives():
    assert entity_key("The Quiet Field's") == "quiet field"
    assert entity_key("  RMS   Halloran ") == "rms halloran"


names = st.text(alphabet=st.characters(whitelist_categories=("Lu", "Ll", "Zs")), min_size=1, max_size=30)


@given(names)
def test_entity_key_is_idempotent(name):
    assert entity_key(entity_key(name)) == entity_key(name)


@given(names, names)
def test_entity_agreement_is_symmetric(x, y):
    kx, ky = entity_key(x), entity_key(y)
    if kx and ky:
        assert bool(entities_agree([kx], [ky])) == bool(entities_agree([ky], [kx]))


@given(names)
def test_an_entity_agrees_with_itself_and_with_a_longer_name(name):
    k = entity_key(name)
    if any(len(w) > 3 for w in k.split()):
        assert entities_agree([k], [k])
        assert entities_agree([k], [k + " company"])


def test_a_name_is_not_a_statistic():
    assert "stat:max" not in _roles("Max Yarrow agreed to lease part of his land for $10,000.", "$10,000", "USD")
    assert "stat:max" in _roles("The maximum depth of Lake Orrin is 310 m.", "310 m", "m")

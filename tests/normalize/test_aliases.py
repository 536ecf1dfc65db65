"""Alias table: variants, demonyms, part_of, properties, learned acronyms, file errors."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from factcheck.errors import FactcheckError
from factcheck.normalize.aliases import AliasTable, learn_acronyms, load_aliases

RULES_ALIASES = Path(__file__).resolve().parents[2] / "rules" / "aliases.yaml"

# A made-up domain: the code must work for any corpus.
DATA = {
    "entities": {
        "freedonia": {"type": "place", "variants": ["Freedonia", "Republic of Freedonia", "FR"],
                      "demonyms": ["Freedonian", "Freedonians"]},
        "capital_city": {"type": "place", "part_of": "freedonia",
                         "variants": ["Capital City", "Old-Capital", "Oldcapital"]},
        "harbour_district": {"type": "place", "part_of": "capital_city", "variants": ["Harbour District"]},
        "widget_institute": {"type": "kind", "variants": ["Widget Institute", "Widget Institutes"]},
    },
    "properties": {
        "trade": ["trade turnover", "trade turnover indicator", "trading volumes"],
        "student": ["students"],
    },
}


@pytest.fixture
def table() -> AliasTable:
    return AliasTable.from_data(DATA, "test")


@pytest.fixture(scope="module")
def real_table() -> AliasTable:
    return load_aliases([RULES_ALIASES])


def write(tmp_path, text: str) -> Path:
    path = tmp_path / "aliases.yaml"
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


# ---------------------------------------------------------------- from_data
@pytest.mark.parametrize(
    ("name", "eid"),
    [
        ("Freedonia", "freedonia"),
        ("Republic of Freedonia", "freedonia"),
        ("republic  of\nfreedonia", "freedonia"),
        ("the Republic of Freedonia", "freedonia"),
        ("FR", "freedonia"),
        ("Old-Capital", "capital_city"),
        ("Old Capital", "capital_city"),
        ("OLD-CAPITAL", "capital_city"),
        ("Oldcapital", "capital_city"),
        ("Widget Institutes", "widget_institute"),
    ],
)
def test_lookup_variants(table, name, eid):
    assert table.lookup(name) == eid


def test_short_acronym_variants_are_case_sensitive(table):
    # "FR" is an acronym; lower-case "fr" is an ordinary word
    assert table.lookup("FR") == "freedonia"
    assert table.lookup("fr") is None


def test_unknown_name(table):
    assert table.lookup("Atlantis") is None


def test_demonyms_only_when_asked(table):
    assert table.lookup("Freedonian") is None
    assert table.lookup("Freedonian", demonyms=True) == "freedonia"
    assert table.lookup("Freedonians", demonyms=True) == "freedonia"


def test_type_of(table):
    assert table.type_of("capital_city") == "place"
    assert table.type_of("widget_institute") == "kind"
    assert table.type_of("nope") is None
    assert table.type_of(None) is None


def test_broadest_follows_part_of(table):
    assert table.broadest("harbour_district") == "freedonia"
    assert table.broadest("capital_city") == "freedonia"
    assert table.broadest("freedonia") == "freedonia"
    assert table.broadest("unknown") == "unknown"


def test_broadest_terminates_on_a_cycle():
    data = {"entities": {"a": {"variants": ["A place"], "part_of": "b"},
                         "b": {"variants": ["B place"], "part_of": "a"}}}
    assert AliasTable.from_data(data).broadest("a") in ("a", "b")


@pytest.mark.parametrize(
    ("phrase", "pid"),
    [
        ("trade turnover", "trade"),
        ("Trade Turnover", "trade"),
        ("trading volumes", "trade"),
        ("the trade turnover indicator", "trade"),  # longest known tail
        ("bilateral trading volumes", "trade"),
        ("Freedonian students", "student"),
        ("turnover", None),
        ("exports", None),
    ],
)
def test_property_of_matches_the_tail(table, phrase, pid):
    assert table.property_of(phrase) == pid


def test_patterns_list_every_variant(table):
    pats = table.patterns()
    assert ("capital_city", "Old-Capital") in pats
    assert ("freedonia", "FR") in pats
    assert len(pats) == sum(len(e["variants"]) for e in DATA["entities"].values())


def test_merge_extends_a_known_entity_and_keeps_its_first_definition(table):
    # a later file (a project's) adds names to an earlier one's entity (a built-in's)
    first_type = table.type_of("freedonia")
    other = AliasTable.from_data({"entities": {"freedonia": {"variants": ["Elsewhere"]},
                                               "sylvania": {"variants": ["Sylvania", "Freedonia"]}}})
    table.merge(other)
    assert table.lookup("Sylvania") == "sylvania"
    assert table.lookup("Elsewhere") == "freedonia"
    assert table.lookup("Freedonia") == "freedonia"  # a name keeps the entity it was first given to
    assert table.type_of("freedonia") == first_type  # the later file gave no type


def test_part_of_unknown_entity_is_e212():
    data = {"entities": {"town": {"variants": ["Town"], "part_of": "atlantis"}}}
    with pytest.raises(FactcheckError) as err:
        AliasTable.from_data(data, "aliases.yaml")
    assert err.value.code == "E212"
    assert "atlantis" in err.value.message


# ---------------------------------------------------------------- the real rules/aliases.yaml
@pytest.mark.parametrize("name", ["Astana", "Nur-Sultan", "Nursultan", "nur-sultan", "Nur Sultan"])
def test_real_aliases_former_names_share_an_id(real_table, name):
    assert real_table.lookup(name) is not None
    assert real_table.lookup(name) == real_table.lookup("Astana")


def test_real_aliases_city_is_part_of_its_country(real_table):
    city = real_table.lookup("Nur-Sultan")
    assert real_table.broadest(city) == real_table.lookup("Kazakhstan")


# ---------------------------------------------------------------- learned acronyms
def test_learn_acronyms_plural_definition(real_table):
    learned = learn_acronyms("In the region there are 5 Confucius Institutes (CIs) today.", real_table)
    eid = real_table.lookup("Confucius Institutes")
    assert eid is not None
    assert learned["CIs"] == eid
    assert learned["CI"] == eid


def test_learn_acronyms_known_long_form(table):
    learned = learn_acronyms("Several Widget Institutes (WIs) opened.", table)
    assert learned["WI"] == learned["WIs"] == "widget_institute"


def test_learn_acronyms_unknown_long_form_becomes_local(table):
    learned = learn_acronyms("The Northern Gizmo Council (NGC) met twice.", table)
    assert learned["NGC"] == "local:northern_gizmo_council"
    assert learned["NGC"].startswith("local:")


def test_learn_acronyms_uses_only_the_words_the_acronym_covers(table):
    # "Recently" is capitalized but not part of "WI"
    learned = learn_acronyms("Recently Widget Institutes (WIs) opened.", table)
    assert learned["WIs"] == "widget_institute"


@pytest.mark.parametrize("text", ["Some text (ABC) here.", "The Widget Institute (XYZ) opened.", "no acronyms here"])
def test_learn_acronyms_ignores_mismatched_initials(table, text):
    assert learn_acronyms(text, table) == {}


def test_learn_acronyms_with_function_words(table):
    learned = learn_acronyms("The Ministry of Foreign Affairs (MFA) replied.", table)
    assert "MFA" in learned


# ---------------------------------------------------------------- alias files
def test_load_aliases_reads_a_file(tmp_path):
    path = write(tmp_path, """
        entities:
          freedonia:
            type: place
            variants: [Freedonia, Fredonia]
        properties:
          trade: [trade turnover]
        """)
    table = load_aliases([path])
    assert table.lookup("Fredonia") == "freedonia"
    assert table.property_of("trade turnover") == "trade"


def test_missing_alias_file_is_skipped(tmp_path):
    table = load_aliases([tmp_path / "nope.yaml"])
    assert table.lookup("anything") is None


def test_unknown_key_is_e211_with_line(tmp_path):
    path = write(tmp_path, """
        entities:
          freedonia:
            type: place
            variants: [Freedonia]
            colour: blue
        """)
    with pytest.raises(FactcheckError) as err:
        load_aliases([path])
    assert err.value.code == "E211"
    assert err.value.line == 5
    assert err.value.path == str(path)
    assert "colour" in err.value.message
    assert str(err.value).startswith(f"[E211] {path}:5:")


def test_unknown_top_level_key_is_e211(tmp_path):
    path = write(tmp_path, """
        entitys:
          freedonia:
            variants: [Freedonia]
        """)
    with pytest.raises(FactcheckError) as err:
        load_aliases([path])
    assert err.value.code == "E211"
    assert err.value.line == 1


def test_bad_entity_type_is_e211_with_line(tmp_path):
    path = write(tmp_path, """
        entities:
          freedonia:
            type: planet
            variants: [Freedonia]
        """)
    with pytest.raises(FactcheckError) as err:
        load_aliases([path])
    assert err.value.code == "E211"
    assert err.value.line == 3


def test_part_of_unknown_in_file_is_e212(tmp_path):
    path = write(tmp_path, """
        entities:
          town:
            type: place
            part_of: atlantis
            variants: [Town]
        """)
    with pytest.raises(FactcheckError) as err:
        load_aliases([path])
    assert err.value.code == "E212"
    assert err.value.path == str(path)


def test_part_of_unknown_in_file_has_a_line(tmp_path):
    path = write(tmp_path, """
        entities:
          town:
            type: place
            part_of: atlantis
            variants: [Town]
        """)
    with pytest.raises(FactcheckError) as err:
        load_aliases([path])
    assert err.value.line == 4


def test_part_of_may_refer_to_an_earlier_file(tmp_path):
    base = tmp_path / "base.yaml"
    base.write_text("entities:\n  freedonia:\n    variants: [Freedonia]\n", encoding="utf-8")
    extra = tmp_path / "extra.yaml"
    extra.write_text("entities:\n  town:\n    part_of: freedonia\n    variants: [Town]\n", encoding="utf-8")
    table = load_aliases([base, extra])
    assert table.broadest("town") == "freedonia"


def test_yaml_syntax_error_is_e210(tmp_path):
    path = write(tmp_path, """
        entities:
          freedonia: [unclosed
        """)
    with pytest.raises(FactcheckError) as err:
        load_aliases([path])
    assert err.value.code == "E210"
    assert err.value.line is not None

"""The linker: which claim pairs are judged to be about the same quantity, and why.

Behaviour on text we wrote: the same quantity named differently is linked;
different roles, different measured concepts, different specific entities
and two numbers of one sentence are not. Every link explains itself.
"""

from __future__ import annotations

import pytest

from factcheck.api import check_texts
from factcheck.engine.linkage import Linker, entities_agree
from tests.conftest import RULES

pytestmark = pytest.mark.model


def _findings(a: str, b: str, rule: str | None = None) -> list[dict]:
    report = check_texts({"a.txt": a, "b.txt": b}, RULES)
    return [f for f in report["findings"] if f["severity"] in ("warning", "error") and (rule is None or f["rule"] == rule)]


def test_entity_name_variants_agree():
    assert entities_agree(["rms halloran"], ["halloran"]) == ["rms halloran"]
    assert entities_agree(["nasa"], ["national aeronautics and space administration"])
    assert not entities_agree(["paper moons"], ["quiet field"])
    # a short common word inside a long name is no evidence
    assert not entities_agree(["the"], ["the quiet field"])


def test_same_quantity_named_differently_is_linked_and_explained():
    found = _findings("The Veldt Aquarium had 412,000 visitors in 2018, its busiest year.",
                      "In 2018 the Veldt Aquarium welcomed 298,000 visitors.")
    assert len(found) == 1
    match = found[0]["match"]
    assert match["score"] >= 4.0
    assert "visitor" in match["shared_measure"]
    assert any("veldt aquarium" in e for e in match["shared_entities"])
    # the explanation is the sum of its levels
    assert abs(sum(lv["weight"] for lv in match["levels"]) - match["score"]) < 0.05
    assert "veldt aquarium" in match["explanation"]


def test_total_and_per_share_are_different_roles():
    report = check_texts({"a.txt": "Orlen Tooling earned $7.8 million, or $1.65 a share, in 2019.",
                          "b.txt": "Orlen Tooling earned $7.8 million in 2019."}, RULES)
    per_share = [c for c in report["claims"] if c["quote"] == "$1.65"]
    assert per_share and per_share[0]["qualifiers"]["role"] == ["per:share"]
    assert not [f for f in report["findings"] if f["severity"] in ("warning", "error")]


def test_two_numbers_of_one_sentence_are_never_compared():
    report = check_texts({"a.txt": "Castor Foods had 1,200 employees in 2020 and 1,450 employees in 2020 at the Leith site."}, RULES)
    assert not [f for f in report["findings"] if f["rule"] in ("FC101", "FC102")]


def test_killed_and_injured_are_different_measures():
    assert not _findings("Fourteen people were killed in the stampede at the Varna Park stadium.",
                         "Sixty-two people were injured in the Varna Park stadium stampede.")


def test_different_works_of_one_person_are_not_linked():
    assert not _findings("Director Ilse Marr's first feature, Paper Moons, ran 94 minutes.",
                         "Marr's second film, The Quiet Field, runs 142 minutes.")


def test_unrelated_stories_are_not_paired():
    assert not _findings("The Harlow Bridge Authority counted 400 crossings in 2015.",
                         "The Cedar Valley Museum counted 900 crossings of its rope bridge in 2015.")


def test_strict_bound_conflicts_with_its_boundary_but_at_least_does_not():
    assert _findings("The Sable Run bypass cost more than $40 million, the council said in 2021.",
                     "The Sable Run bypass cost $40 million, according to the council in 2021.")
    assert not _findings("The Sable Run bypass cost at least $40 million, the council said in 2021.",
                         "The Sable Run bypass cost $40 million, according to the council in 2021.")


def test_a_one_time_event_with_two_dates_is_reported_once():
    found = _findings("The painter Odile Marchetti died on 12 March 1921 in Lyon.",
                      "Odile Marchetti died on 21 March 1921, after a long illness.", "FC202")
    assert len(found) == 1
    assert "odile marchetti" in found[0]["message"]
    assert found[0]["match"]["shared_measure"]


def test_dates_of_different_precision_that_overlap_agree():
    assert not _findings("The painter Odile Marchetti died on 12 March 1921 in Lyon.",
                         "Odile Marchetti died in March 1921.", "FC202")


def test_linker_reports_why_a_pair_was_rejected():
    from factcheck.extract.claims import extract_document, number_claims
    from factcheck.ingest.corpus import document_from_text
    from factcheck.api import _alias_paths, _nlp
    from factcheck.config import load_settings
    from factcheck.normalize.aliases import load_aliases

    settings = load_settings()
    paths = _alias_paths(RULES, settings)
    nlp, aliases = _nlp(settings, paths), load_aliases(paths)
    claims = []
    for did, text in (("a.txt", "Orlen Tooling earned $7.8 million, or $1.65 a share, in 2019."),):
        claims += extract_document(document_from_text(did, text, did, ".txt", {}), nlp, aliases)
    claims = number_claims(claims)
    linker = Linker(claims)
    pairs = list(linker.candidates(claims))
    assert pairs
    for a, b in pairs:
        assert linker.compare(a, b) is None
        assert linker.last_reason in ("same sentence", "different roles")

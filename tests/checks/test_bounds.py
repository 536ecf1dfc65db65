"""Bounds as people read them: an exact count against a threshold, round figures against one."""

from __future__ import annotations

from hypothesis import given, strategies as st

from factcheck.checks.conflict import ConflictParams, compatible
from factcheck.extract.mentions import find_mentions
from factcheck.model import Claim


def _claim(text: str, doc: str) -> Claim:
    (m,) = [m for m in find_mentions(text) if m.kind == "quantity"]
    return Claim(doc=doc, start=m.start, end=m.end, quote=m.text, sentence=text, sent_start=0, kind="quantity",
                 value=m.value, time=None, subject=None, property=None)


def _ok(a: str, b: str) -> bool:
    return compatible(_claim(a, "a.txt"), _claim(b, "b.txt"), ConflictParams())


def test_an_exact_count_does_not_cross_a_threshold():
    assert not _ok("It killed more than 1,500 people.", "It killed 1,496 people.")
    assert not _ok("It killed fewer than 200 people.", "It killed 203 people.")
    assert _ok("It killed more than 1,500 people.", "It killed 1,517 people.")


def test_a_strict_comparative_conflicts_with_its_boundary_and_a_round_figure_may_pass_it():
    assert not _ok("It killed more than 2,000 people.", "It killed 2,000 people.")
    assert _ok("It killed more than 1,900 people.", "It killed 2,000 people.")
    assert _ok("It killed about 1,500 people.", "It killed 1,496 people.")


@given(st.integers(min_value=10, max_value=10**6).filter(lambda x: x % 10), st.integers(min_value=1, max_value=50))
def test_an_unrounded_count_below_a_lower_bound_always_conflicts(x, gap):
    # (a round figure, "10" or "2,000", is read as rounded and may reach the bound)
    bound = x + gap
    assert not _ok(f"It had more than {bound:,} members.", f"It had {x:,} members.")


def test_bounds_from_either_side_of_one_boundary():
    # "more than" excludes its boundary, "almost" stays below it: nothing is both
    assert not _ok("It killed more than 2,000 people.", "It killed almost 2,000 people.")
    assert not _ok("It killed nearly 2,000 people.", "It killed over 2,000 people.")
    assert not _ok("Sales exceeded $2 billion.", "Sales reached less than $2 billion.")
    # both inclusive: 2,000 itself satisfies both
    assert _ok("It killed at least 2,000 people.", "It killed up to 2,000 people.")
    # different boundaries: the ordinary overlap decides
    assert _ok("It killed more than 1,900 people.", "It killed almost 2,000 people.")


@given(st.integers(min_value=10, max_value=10**7), st.sampled_from(["more than", "over", "above"]),
       st.sampled_from(["almost", "nearly", "less than", "under", "fewer than"]))
def test_a_strict_lower_and_an_upper_bound_at_one_figure_never_agree(x, low, high):
    assert not _ok(f"It counted {low} {x:,} items.", f"It counted {high} {x:,} items.")


def test_a_verb_of_passing_bounds_an_amount_but_not_a_count_of_what_was_passed():
    (sales,) = [m for m in find_mentions("Ticket sales topped $2 billion.") if m.kind == "quantity"]
    assert sales.value.low == 2e9 and sales.value.high is None
    (clubs,) = [m for m in find_mentions("The Harriers topped 12 other clubs.") if m.kind == "quantity"]
    assert clubs.value.low == clubs.value.high == 12

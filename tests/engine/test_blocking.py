"""Blocking: the candidate pairs of the linker stay near-linear in the number of claims.

A block of few claims is compared pair by pair. A big block (a measured concept much
of a corpus uses) forms pairs only inside a document and between related texts, as
``Linker.compare`` drops every other pair; where one document holds many claims of the
block, each claim meets a bounded number of neighbours in value order.
"""

from __future__ import annotations

import random
from itertools import combinations

from hypothesis import given, settings, strategies as st

from factcheck.engine import linkage as L
from factcheck.engine.linkage import ALL_PAIRS, WINDOW, Linker
from factcheck.model import Claim, Value

_WORDS = ("harbour ferry quay tonnage pilot lighthouse cargo brig schooner mooring dredger wharf "
          "orchard cider press harvest pickers barrel vintage grafting blossom frost pruning ladder").split()


def _text(topic: list[str], seed: int) -> str:
    """An invented text of a topic's words and their derived forms (well over MIN_TEXT_WORDS distinct ones)."""
    rng = random.Random(seed)
    words = [w + end for w in topic for end in ("", "s", "ing", "ward", "less")]
    return " ".join(rng.choice(words) for _ in range(160)) + "."


def _claim(doc: str, i: int, value: float, measure: str = "people") -> Claim:
    return Claim(doc, 100 * i, 100 * i + 3, str(int(value)), f"Sentence {i}.", 100 * i, "quantity",
                 Value(value, "count", value, value, False, str(int(value))), None, None, measure,
                 (("measure", (measure,)),), id=f"{doc}#{i}")


def _pairs(linker: Linker, claims: list[Claim]) -> set[tuple[str, str]]:
    return {(a.id, b.id) for a, b in linker.candidates(claims)}


def test_a_small_block_gives_every_pair():
    claims = [_claim(f"d{i % 5}.txt", i, float(i)) for i in range(40)]
    linker = Linker(claims, None, {f"d{i}.txt": _text(_WORDS, i) for i in range(5)})
    assert _pairs(linker, claims) == {(a.id, b.id) if a.id < b.id else (b.id, a.id) for a, b in combinations(claims, 2)}


def test_a_big_block_pairs_related_texts_and_never_unrelated_ones():
    harbour, orchard = _WORDS[:12], _WORDS[12:]
    texts = {f"h{i}.txt": _text(harbour, i) for i in range(20)} | {f"o{i}.txt": _text(orchard, 100 + i) for i in range(20)}
    claims = [_claim(doc, i, float(i)) for doc in sorted(texts) for i in range(10)]  # 400 claims: a big block
    assert len(claims) > ALL_PAIRS
    linker = Linker(claims, None, texts)
    pairs = _pairs(linker, claims)
    docs = {(a.split("#")[0][0], b.split("#")[0][0]) for a, b in pairs}
    assert ("h", "h") in docs and ("o", "o") in docs
    assert ("h", "o") not in docs and ("o", "h") not in docs  # two unrelated stories: never a pair
    # every pair the linker would have kept among the related texts is formed
    for a, b in combinations([c for c in claims if c.doc.startswith("h")], 2):
        assert ((a.id, b.id) if a.id < b.id else (b.id, a.id)) in pairs


@settings(max_examples=10, deadline=None)
@given(st.integers(min_value=400, max_value=3000))
def test_one_dense_document_costs_a_bounded_number_of_pairs_per_claim(n):
    claims = [_claim("dense.txt", i, float((i * 7919) % 1000)) for i in range(n)]
    linker = Linker(claims, None, {"dense.txt": _text(_WORDS, 1)})
    pairs = list(linker.candidates(claims))
    assert len(pairs) <= n * WINDOW
    # near values meet: each claim is paired with the next one up in value
    got = {(x.id, y.id) for x, y in pairs}
    ordered = sorted(claims, key=lambda c: (c.value.low, c.doc, c.start))
    for x, y in zip(ordered, ordered[1:]):
        assert (x.id, y.id) in got or (y.id, x.id) in got


def test_the_related_text_index_finds_what_all_pairs_would():
    rng = random.Random(7)
    topics = [rng.sample(_WORDS, 6) for _ in range(8)]
    texts = {f"t{i}.txt": _text(topics[i % 8], i) for i in range(64)}
    linker = Linker([], None, texts)
    docs = sorted(texts)
    truth = {(x, y) for x, y in combinations(docs, 2) if linker.text_similarity(x, y) >= L.UNRELATED_TEXT}
    assert truth <= set(linker.related_pairs(docs))


def test_many_dates_with_no_year_are_paired_without_a_year_to_order_them():
    from factcheck.engine.linkage import _neighbour_pairs
    from factcheck.model import Claim, Time

    claims = [Claim(doc=f"d{i % 3}.txt", start=i, end=i + 1, quote="12 October", sentence="", sent_start=0, kind="date",
                    value=None, time=Time("", "", "", "day", relative=True), subject=None, property=None,
                    qualifiers=(("yearless", ("10-12", "10-12")),)) for i in range(60)]
    pairs = list(_neighbour_pairs(claims))
    assert pairs and all(a is not b for a, b in pairs)

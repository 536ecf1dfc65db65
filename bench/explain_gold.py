"""Why was a gold pair of a web corpus (not) flagged? One line of reasons per item.

    python bench/explain_gold.py [--corpora explosion_halifax,...] [--ids m03,m07] [--must-not]

For every must-flag item (or must-not-flag item with ``--must-not``) of
bench/data/corpora/*/gold.yaml, finds the claims holding each side's value
in its quote, and prints what the linker said about each candidate pair:
the match score and its levels, or the guard that refused it
(``Linker.last_reason``), plus the time relation and whether the two values
are compatible. Texts are read from the git-ignored bench/pages/.

This is a diagnostic for developers: it reads the gold, so it is never a
measure (bench/dev_eval.py is).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.dev_eval import _answer_numbers  # noqa: E402


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s or "").strip().lower()


def _side_claims(claims, side: dict):
    doc = side["doc"] if side["doc"].endswith(".txt") else side["doc"] + ".txt"
    quote, value = _norm(side.get("quote")), _norm(str(side.get("value", "")))
    out = []
    for c in claims:
        if c.doc != doc:
            continue
        sent = _norm(c.sentence)
        if quote and not (quote in sent or sent in quote):
            continue
        if value and value not in _norm(c.quote) and _norm(c.quote) not in value \
                and not (_answer_numbers(value) and _answer_numbers(value) <= _answer_numbers(c.quote)):
            continue  # the benchmark's own test: the value's numbers are the quote's ("1.2 million rivets" / "over 1.2 million")
        out.append(c)
    return out


def main(argv: list[str] | None = None) -> int:
    from factcheck.api import TextChecker
    from factcheck.checks.conflict import ConflictParams, _of_the_same, _told_by_neighbour, compatible, time_relation
    from factcheck.engine.linkage import COHESIVE_NAMED, COHESIVE_UNDATED, UNDATED, named_shared
    from factcheck.engine.context import CheckContext
    from factcheck.extract.claims import extract_document, number_claims
    from factcheck.ingest.corpus import document_from_text

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpora", default="", help="comma list (default: all)")
    ap.add_argument("--ids", default="", help="comma list of item ids")
    ap.add_argument("--must-not", action="store_true", help="explain must-not-flag items instead")
    ap.add_argument("--frames", action="store_true", help="also print each side's frame and its document's topic")
    args = ap.parse_args(argv)
    tc = TextChecker(ROOT / "rules")
    wanted = set(filter(None, args.corpora.split(",")))
    ids = set(filter(None, args.ids.split(",")))
    for gold_path in sorted((ROOT / "bench" / "data" / "corpora").glob("*/gold.yaml")):
        name = gold_path.parent.name
        if wanted and name not in wanted:
            continue
        pages = ROOT / "bench" / "pages" / name
        if not pages.is_dir():
            print(f"{name}: no texts in {pages}")
            continue
        gold = YAML(typ="safe").load(gold_path.read_text(encoding="utf-8"))
        docs, claims = {}, []
        for f in sorted(pages.glob("*.txt")):
            doc = document_from_text(f.name, f.read_text(encoding="utf-8"), f.name, ".txt", {})
            docs[f.name] = doc
            claims.extend(extract_document(doc, tc.nlp, tc.aliases, tc.settings.batch_size))
        claims = number_claims(claims)
        ctx = CheckContext(docs, claims)
        linker = ctx.linker()
        params = ConflictParams()
        items = gold.get("must_not_flag" if args.must_not else "must_flag") or []
        print(f"== {name}: {len(docs)} documents, {len(claims)} claims, {len(items)} items")
        for item in items:
            if ids and item["id"] not in ids:
                continue
            a_side, b_side = item["a"], item["b"]
            ca, cb = _side_claims(claims, a_side), _side_claims(claims, b_side)
            print(f"-- {item['id']}: {item.get('what', '')}")
            if not ca or not cb:
                missing = [s["doc"] + ": " + str(s.get("value")) for s, cs in ((a_side, ca), (b_side, cb)) if not cs]
                print("   no claim holds " + "; ".join(missing))
                continue
            if args.frames:
                for c in (*ca[:3], *cb[:3]):
                    q = c.quals
                    print(f"   [{c.doc} {c.quote!r}] m={list(q.get('measure', ()))} e={list(q.get('entities', ()))} "
                          f"s={list(q.get('specific', ()))} near={q.get('nearest')} places={list(q.get('places', ()))} "
                          f"role={list(q.get('role', ()))} t={c.time.date if c.time else None} topic={linker.topic(c.doc)}")
                rel = linker.doc_relation(ca[0].doc, cb[0].doc)
                print(f"   doc relation {rel[0]:.2f} shared {list(rel[1])} text similarity "
                      f"{linker.text_similarity(ca[0].doc, cb[0].doc)}")
            for a in ca[:3]:
                for b in cb[:3]:
                    x, y = (a, b) if a.id < b.id else (b, a)
                    match = linker.compare(x, y)
                    head = f"   {x.doc}:{x.quote!r} ~ {y.doc}:{y.quote!r}"
                    if match is None:
                        print(f"{head}: refused: {linker.last_reason}")
                        continue
                    rel = time_relation(x, y, 1)
                    check = ""
                    if x.kind == "quantity" and x.value is not None and y.value is not None:
                        # what the value check does with the match (FC101/FC102 in checks/conflict.py)
                        bar = UNDATED
                        if linker.one_story(x.doc, y.doc):
                            bar = 0.0
                        elif x.doc != y.doc and linker.cohesive and any(
                                lv.comparison == "entity" and not lv.level.startswith("same place") for lv in match.levels):
                            bar = COHESIVE_NAMED if named_shared(x.quals, y.quals) else COHESIVE_UNDATED
                        check = (f" | check: cohesive={linker.cohesive} undated bar {bar} of_the_same={_of_the_same(match)}"
                                 f" compatible={compatible(x, y, params)}"
                                 f" neighbour={_told_by_neighbour(ctx, linker, x, y, match, params) or _told_by_neighbour(ctx, linker, y, x, match, params)}"
                                 f" eligible={x.modality}/{y.modality} {x.confidence:.2f}/{y.confidence:.2f}")
                    print(f"{head}: {match.explain()}{check} | time {rel} "
                          f"({x.time.date if x.time else 'undated'} / {y.time.date if y.time else 'undated'})"
                          f" | measure {x.quals.get('measure')} / {y.quals.get('measure')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

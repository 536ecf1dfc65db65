"""Diagnose pair sets: the claims of each side and why each cross pair was or wasn't linked.

    python bench/explain_pairs.py --set authored --ids ap003,ap004
    python bench/explain_pairs.py --set authored --missed      # every missed conflict
    python bench/explain_pairs.py --set wikicontradict --ids 4,5

For diagnosis only: it prints the linker's decision (score and levels, or
the guard that refused) for every pair of claims of the two documents that
share a unit dimension, and whether their values are compatible.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "dev"
sys.path.insert(0, str(ROOT))


def _rows(name: str) -> list[dict]:
    if name in ("authored", "authored2", "authored3"):
        path = ROOT / "bench" / "data" / {"authored": "pairs/authored_pairs.jsonl", "authored2": "pairs2/authored_pairs2.jsonl",
                                          "authored3": "pairs3/authored_pairs3.jsonl"}[name]
        return [dict(r, _id=r["id"], _texts={"a.txt": r["a"], "b.txt": r["b"]})
                for r in map(json.loads, path.read_text(encoding="utf-8").splitlines()) if r]
    if name == "wikicontradict":
        path = DEV / "wikicontradict_numeric" / "wikicontradict_numeric_date_subset.jsonl"
        out = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            r = json.loads(line)
            same = r.get("samepassage") == "Same" or r["context1"].strip() == r["context2"].strip()
            texts = {"a.txt": r["context1"]} if same else {"a.txt": r["context1"], "b.txt": r["context2"]}
            out.append(dict(r, _id=str(r["first_question_ID"]), label="conflict", _texts=texts))
        return out
    raise SystemExit(f"unknown set {name}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", default="authored")
    ap.add_argument("--ids", default="")
    ap.add_argument("--missed", action="store_true", help="only conflicts the tool misses")
    ap.add_argument("--all-claims", action="store_true")
    args = ap.parse_args()

    from factcheck.api import TextChecker
    from factcheck.checks.conflict import ConflictParams, compatible
    from factcheck.engine.context import CheckContext
    from factcheck.engine.linkage import Linker, unit_class
    from factcheck.extract.claims import extract_document, number_claims
    from factcheck.ingest.corpus import document_from_text

    h = TextChecker()
    ids = set(filter(None, args.ids.split(",")))
    p = ConflictParams()
    for r in _rows(args.set):
        if ids and r["_id"] not in ids:
            continue
        if args.missed:
            if r["label"] != "conflict":
                continue
            found = [f for f in h.check(r["_texts"])["findings"] if f["severity"] in ("warning", "error")]
            if found:
                continue
        docs, claims = [], []
        for did, text in sorted(r["_texts"].items()):
            d = document_from_text(did, text, did, ".txt", {})
            docs.append(d)
            claims.extend(extract_document(d, h.nlp, h.aliases, 64))
        claims = number_claims(claims)
        linker = Linker(claims, {d.id: d.title for d in docs}, {d.id: d.text for d in docs})
        print(f"=== {r['_id']} {r.get('label')} {r.get('phenomenon', r.get('WikipediaArticleTitle', ''))}")
        for did, text in sorted(r["_texts"].items()):
            print(f"  [{did}] {text[:400]!r}")
        for c in claims:
            q = c.quals
            print(f"  - {c.doc} {c.kind:8} {c.quote!r:28} v={c.value.magnitude if c.value else None} {c.value.unit if c.value else ''} "
                  f"t={c.time.date if c.time else None} mod={c.modality} m={list(q.get('measure', ()))} "
                  f"e={list(q.get('entities', ()))} s={list(q.get('specific', ()))} role={list(q.get('role', ()))} "
                  f"near={q.get('nearest')} pl={list(q.get('places', ()))}")
        for i, a in enumerate(claims):
            for b in claims[i + 1:]:
                if a.doc == b.doc and not args.all_claims:
                    continue
                if unit_class(a) is None or unit_class(a) != unit_class(b):
                    continue
                m = linker.compare(a, b)
                comp = compatible(a, b, p) if a.value and b.value else None
                print(f"    {a.quote!r} ~ {b.quote!r}: " + (m.explain() if m else "NO: " + linker.last_reason) + f" | compatible={comp}")


if __name__ == "__main__":
    main()

"""Status accuracy of `factcheck audit` on manuscripts written blind from their sources.

    python bench/audit_eval.py                   # every manuscript in bench/data/audit
    python bench/audit_eval.py --json bench/results/audit_eval.json --show-wrong

Each manuscript ``bench/data/audit/NAME.md`` has a gold file ``NAME.gold.jsonl``
(one row per figure: sentence, quote, status, cited source ids), written by a
helper who read the sources and never saw the tool's output (see the folder's
README). Sources:

- ``review_softpower``: the bundled corpus (corpus/);
- ``review_halifax``: the web pages of bench/pages/explosion_halifax/ (git-ignored;
  rebuild with the manifest in bench/data/corpora/explosion_halifax/), copied to a
  temporary folder.

A gold figure is matched to the audit item of its sentence whose quote overlaps
its own. Figures the tool does not extract count as wrong (status ``missed``).
Printed per manuscript and in total: status accuracy, the confusion matrix, and
the number of correct figures (gold ``supported``) called ``contradicted``, which
must stay 0.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT / "bench" / "data" / "audit"
SOURCES = {"review_softpower": ROOT / "corpus", "review_halifax": ROOT / "bench" / "pages" / "explosion_halifax"}
STATUSES = ("supported", "contradicted", "not_found", "source_missing", "uncited")


def _norm(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def _match(gold: dict, items: list[dict]) -> dict | None:
    gs, gq = _norm(gold["sentence"]), _norm(gold["quote"])
    best = None
    for it in items:
        s, q = _norm(it["sentence"]), _norm(it["quote"])
        if not (s in gs or gs in s or s[:60] == gs[:60]):
            continue
        if q == gq:
            return it
        if (q in gq or gq in q) and best is None:
            best = it
    return best


def evaluate(name: str, show_wrong: bool) -> dict:
    from factcheck.audit import audit

    src = SOURCES[name]
    if not src.is_dir() or not any(src.iterdir()):
        return {"skipped": f"{src} is missing"}
    gold = [json.loads(x) for x in (DATA / f"{name}.gold.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "sources"
        shutil.copytree(src, folder)
        report = audit(DATA / f"{name}.md", folder)
    confusion: Counter = Counter()
    wrong = []
    for g in gold:
        it = _match(g, report["items"])
        got = it["status"] if it else "missed"
        confusion[(g["status"], got)] += 1
        if got != g["status"]:
            wrong.append({"id": g["id"], "quote": g["quote"], "gold": g["status"], "got": got,
                          "reason": (it or {}).get("reason", ""), "sentence": g["sentence"]})
    right = sum(n for (a, b), n in confusion.items() if a == b)
    out = {"figures": len(gold), "right": right, "accuracy": round(right / max(1, len(gold)), 3),
           "correct_called_contradicted": confusion[("supported", "contradicted")],
           "by_gold_status": {s: {"n": sum(n for (a, _b), n in confusion.items() if a == s),
                                  "right": confusion[(s, s)]} for s in STATUSES},
           "confusion": {f"{a} -> {b}": n for (a, b), n in sorted(confusion.items())},
           "tool_items": len(report["items"]), "references": report["summary"]["references"],
           "references_linked": report["summary"]["references_linked"]}
    if show_wrong:
        out["wrong"] = wrong
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--json", type=Path)
    ap.add_argument("--show-wrong", action="store_true")
    ap.add_argument("--only", default="")
    args = ap.parse_args()
    names = sorted(p.name[:-len(".gold.jsonl")] for p in DATA.glob("*.gold.jsonl"))
    if args.only:
        names = [n for n in names if n in args.only.split(",")]
    results = {}
    total = Counter()
    for name in names:
        r = evaluate(name, args.show_wrong)
        results[name] = r
        wrong = r.pop("wrong", None)
        print(f"{name}: {json.dumps(r, sort_keys=True)}")
        for w in wrong or []:
            print(f"   {w['id']} {w['quote']!r}: gold {w['gold']}, got {w['got']} | {w['reason'][:160]}")
        if "figures" in r:
            total["figures"] += r["figures"]
            total["right"] += r["right"]
            total["correct_called_contradicted"] += r["correct_called_contradicted"]
    if total["figures"]:
        results["total"] = {**total, "accuracy": round(total["right"] / total["figures"], 3)}
        print(f"total: {json.dumps(results['total'], sort_keys=True)}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

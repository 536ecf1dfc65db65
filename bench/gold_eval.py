"""Score claim extraction against the hand-annotated gold set (tests/data/gold).

    python bench/gold_eval.py [--verbose]

Prints, per document and overall: mention precision and recall, and the
share of matched mentions whose normalized value is right (magnitude, unit,
bounds; or date, end and granularity; or the relative offset). A mention
matches a gold one in the same document when it starts within one line of
it and its text contains the gold anchor (after whitespace/hyphen folding).
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "data" / "gold"


def fold(text: str) -> str:
    return re.sub(r"[^0-9a-z.]", "", text.lower().replace("\U0003ffff", "fi"))


def load_gold(folder: Path = GOLD) -> dict[str, list[dict]]:
    out = {}
    for p in sorted(folder.glob("*.jsonl")):
        rows = [json.loads(line) for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
        out[p.stem + ".txt" if not p.stem.endswith(".txt") else p.stem] = rows
    return out


def _close(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-9)


def value_ok(g: dict, r: dict) -> tuple[bool, str]:
    if g["kind"] != r["kind"]:
        return False, f"kind {r['kind']} != {g['kind']}"
    if g["kind"] == "quantity":
        if g.get("unit") != r["unit"]:
            return False, f"unit {r['unit']} != {g.get('unit')}"
        for k in ("low", "high"):
            if not _close(g.get(k), r[k]):
                return False, f"{k} {r[k]} != {g.get(k)}"
        if g.get("magnitude") is not None and not _close(g["magnitude"], r["magnitude"]):
            return False, f"magnitude {r['magnitude']} != {g['magnitude']}"
        return True, ""
    if g.get("relative"):
        if not r.get("relative"):
            return False, "not relative"
        if g.get("offset_years") is not None and not _close(g["offset_years"], r.get("offset_years")):
            return False, f"offset {r.get('offset_years')} != {g['offset_years']}"
        if g.get("date") and (r["date"] or "")[:4] != str(g["date"])[:4]:
            return False, f"resolved {r['date']} != {g['date']}"
        return True, ""
    if g.get("date") is None:
        return (not r["date"]), "date given where gold has none" if r["date"] else ""
    if (r["date"] or "") != g["date"]:
        return False, f"date {r['date']} != {g['date']}"
    if g.get("granularity") and r["granularity"] != g["granularity"]:
        return False, f"granularity {r['granularity']} != {g['granularity']}"
    if g.get("end"):
        if not (r.get("end_date") or "").startswith(g["end"]):
            return False, f"end {r.get('end_date')} != {g['end']}"
    return True, ""


def evaluate(rows_by_doc: dict[str, list[dict]], gold: dict[str, list[dict]], verbose: bool = False) -> dict:
    total = {"tp": 0, "fp": 0, "fn": 0, "value_ok": 0}
    per_doc = {}
    for doc, golds in gold.items():
        rows = rows_by_doc.get(doc, [])
        used = set()
        tp = value_good = 0
        misses, wrong = [], []
        for g in golds:
            anchor = fold(g.get("anchor") or g["text"])
            best = None
            for i, r in enumerate(rows):
                if i in used or abs(r["line"] - g["line"]) > 1:
                    continue
                q = fold(r["text"])
                if anchor and (anchor in q or (q and q in anchor and len(q) >= 2)):
                    best = i
                    break
            if best is None:
                misses.append(g)
                continue
            used.add(best)
            tp += 1
            ok, why = value_ok(g, rows[best])
            if ok:
                value_good += 1
            else:
                wrong.append((g, rows[best], why))
        fps = [r for i, r in enumerate(rows) if i not in used]
        per_doc[doc] = {"gold": len(golds), "extracted": len(rows), "tp": tp, "fp": len(fps), "fn": len(misses),
                        "value_ok": value_good}
        total["tp"] += tp
        total["fp"] += len(fps)
        total["fn"] += len(misses)
        total["value_ok"] += value_good
        if verbose:
            print(f"== {doc}")
            for g in misses:
                print(f"  MISS  L{g['line']:<4} {g['text']!r}")
            for r in fps:
                print(f"  EXTRA L{r['line']:<4} {r['text']!r} ({r['kind']})")
            for g, r, why in wrong:
                print(f"  VALUE L{g['line']:<4} {g['text']!r}: {why}")
    return {"per_doc": per_doc, "total": total}


def summary(res: dict) -> str:
    lines = []
    for doc, d in {**res["per_doc"], "ALL": res["total"]}.items():
        tp, fp, fn = d["tp"], d["fp"], d["fn"]
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        v = d["value_ok"] / tp if tp else 0.0
        lines.append(f"{doc:32} precision {p:.3f}  recall {r:.3f}  value accuracy {v:.3f}  (tp {tp}, fp {fp}, fn {fn})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", "-v", action="store_true")
    ap.add_argument("--gold", type=Path, default=GOLD,
                    help="folder of gold .jsonl files (tests/data/gold_heldout: a set never used for tuning)")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from factcheck.api import claim_rows, prepare

    gold = load_gold(args.gold)
    prepared = prepare([ROOT / "corpus" / d for d in gold], ROOT / "rules")
    rows_by_doc: dict[str, list[dict]] = {}
    for r in claim_rows(prepared):
        r["offset_years"] = None
        rows_by_doc.setdefault(r["doc"], []).append(r)
    for c in prepared.claims:
        if c.kind == "date" and c.time is not None and c.time.relative:
            for r in rows_by_doc[c.doc]:
                if r["start"] == c.start:
                    r["offset_years"] = c.time.offset_years
    res = evaluate(rows_by_doc, gold, args.verbose)
    print(summary(res))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

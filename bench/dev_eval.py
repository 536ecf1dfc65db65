"""Generalization benchmark: recall and false alarms on text nobody here wrote.

One command, every dev set, the same figures each run:

    python bench/dev_eval.py                     # all sets
    python bench/dev_eval.py --sets pairs        # only the pair sets
    python bench/dev_eval.py --json bench/results/dev_eval.json

Sets (data read by path; nothing of ../shared/dev is copied here):

- ``wikicontradict``: 72 real Wikipedia passage pairs, all number/date
  contradictions (../shared/dev/wikicontradict_numeric). Each pair is its
  own two-document corpus (one document when both contexts are one
  passage). Recall = pairs with a warning/error finding; "on the values" =
  the finding's evidence holds a number of each annotated answer.
- ``authored``: bench/data/pairs/authored_pairs.jsonl, pairs written by a
  helper without seeing tool output, labelled conflict / consistent.
  Recall on conflicts; false-alarm rate on consistent pairs.
- ``authored2``: bench/data/pairs2/authored_pairs2.jsonl, a second set written
  the same way by another helper after the first was tuned on (held out when made).
- ``authored3``: bench/data/pairs3/authored_pairs3.jsonl, a third blind set (160
  pairs, longer passages with extra figures), written in session 5 and held out
  until that session's closing measurement.
- ``nli4ct``: clinical-trial evidence vs expert statement with numbers on
  both sides (../shared/dev/nli4ct). Entailments give the false-alarm
  rate; contradictions mostly need arithmetic, so their recall is shown
  for information only.
- ``ecbplus``: 982 news articles of 43 topics as ONE corpus. Every
  finding between two topics, or between the two different events of one
  topic (``_ecb`` vs ``_ecbplus``), or between two numbers of one sentence,
  is a false alarm by construction; findings inside one event cluster are
  counted for inspection.
- ``corpora``: bench/data/corpora/*/gold.yaml, real web pages gathered
  with the search tool (texts in the git-ignored bench/pages/), with
  blind must-flag / must-not-flag gold.

Only findings at warning or error count (info findings are shown to an
editor as hints, not as problems).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "dev"
sys.path.insert(0, str(ROOT))

COUNTED = ("warning", "error")

from factcheck.api import TextChecker as Harness  # noqa: E402  (model, rules, aliases loaded once)


def counted(report: dict) -> list[dict]:
    return [f for f in report["findings"] if f["severity"] in COUNTED]


def _numbers(s: str) -> set[str]:
    return {x.replace(",", "").lstrip("0") or "0" for x in re.findall(r"\d[\d,]*(?:\.\d+)?", s or "")}


_WORDNUM = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}


def _answer_numbers(s: str) -> set[str]:
    out = _numbers(s)
    for w in re.findall(r"[A-Za-z]+", s or ""):
        if w.lower() in _WORDNUM:
            out.add(_WORDNUM[w.lower()])
    return out


def _evidence_numbers(f: dict) -> list[set[str]]:
    out = []
    for e in f["evidence"]:
        q = e.get("quote") or ""
        nums = _answer_numbers(q)
        out.append(nums)
    return out


# ---------------------------------------------------------------- pair sets

def eval_wikicontradict(h: Harness, limit: int | None, examples: list) -> dict:
    path = DEV / "wikicontradict_numeric" / "wikicontradict_numeric_date_subset.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = rows[:limit] if limit else rows
    flagged = on_values = 0
    for r in rows:
        if r.get("samepassage") == "Same" or r["context1"].strip() == r["context2"].strip():
            texts = {"a.txt": r["context1"]}
        else:
            texts = {"a.txt": r["context1"], "b.txt": r["context2"]}
        found = counted(h.check(texts))
        if found:
            flagged += 1
            a1 = set().union(*(_answer_numbers(q["answer1"]) for q in r["questions"]))
            a2 = set().union(*(_answer_numbers(q["answer2"]) for q in r["questions"]))
            ok = False
            for f in found:
                ev = set().union(*_evidence_numbers(f))
                if ev & a1 and ev & a2:
                    ok = True
            on_values += ok
        else:
            examples.append(("wikicontradict missed", r["first_question_ID"], r["WikipediaArticleTitle"]))
    n = len(rows)
    return {"pairs": n, "conflicts": n, "flagged": flagged, "recall": _r(flagged, n),
            "on_values": on_values, "recall_on_values": _r(on_values, n)}


def eval_authored(h: Harness, limit: int | None, examples: list,
                  path: Path = ROOT / "bench" / "data" / "pairs" / "authored_pairs.jsonl", name: str = "authored") -> dict | None:
    if not path.is_file():
        return None
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = rows[:limit] if limit else rows
    tp = fp = on_values = 0
    pos = sum(r["label"] == "conflict" for r in rows)
    neg = len(rows) - pos
    by_phen: Counter = Counter()
    miss_phen: Counter = Counter()
    for r in rows:
        found = counted(h.check({"a.txt": r["a"], "b.txt": r["b"]}))
        if r["label"] == "conflict":
            by_phen[r.get("type", "?")] += 1
            if found:
                tp += 1
                av, bv = _answer_numbers(r.get("a_value", "")), _answer_numbers(r.get("b_value", ""))
                if any((lambda ev: (ev & av or not av) and (ev & bv or not bv))(set().union(*_evidence_numbers(f)))
                       for f in found):
                    on_values += 1
            else:
                miss_phen[r.get("type", "?")] += 1
                examples.append((f"{name} missed", r["id"], r.get("phenomenon")))
        elif found:
            fp += 1
            examples.append((f"{name} FALSE ALARM", r["id"], r.get("phenomenon"), found[0]["message"][:160]))
    return {"pairs": len(rows), "conflicts": pos, "consistent": neg, "flagged_conflicts": tp,
            "recall": _r(tp, pos), "on_values": on_values, "false_alarms": fp, "false_alarm_rate": _r(fp, neg),
            "missed_by_type": dict(sorted(miss_phen.items())), "conflicts_by_type": dict(sorted(by_phen.items()))}


def eval_nli4ct(h: Harness, limit: int | None, examples: list) -> dict:
    path = DEV / "nli4ct" / "nli4ct_pairs_flat.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if r.get("numeric_both_sides")]
    rows.sort(key=lambda r: r["id"])
    rows = rows[: (limit or 400)]
    tp = fp = 0
    pos = sum(r["label"] == "Contradiction" for r in rows)
    neg = len(rows) - pos
    for r in rows:
        found = counted(h.check({"a.txt": r["premise_evidence"], "b.txt": r["hypothesis"]}))
        if r["label"] == "Contradiction":
            tp += bool(found)
        elif found:
            fp += 1
            examples.append(("nli4ct FALSE ALARM", r["id"][:8], found[0]["message"][:160]))
    return {"pairs": len(rows), "contradictions": pos, "entailments": neg, "flagged_contradictions": tp,
            "recall": _r(tp, pos), "false_alarms": fp, "false_alarm_rate": _r(fp, neg)}


# ---------------------------------------------------------------- mixed corpus

def eval_ecbplus(h: Harness, limit: int | None, examples: list) -> dict:
    path = DEV / "ecbplus" / "ecbplus_docs.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows.sort(key=lambda r: r["doc_name"])
    if limit:
        rows = rows[:limit]
    texts, topic, sub = {}, {}, {}
    for r in rows:
        did = r["doc_name"].replace(".xml", ".txt")
        texts[did] = "\n\n".join(r["sentences"])
        topic[did], sub[did] = r["topic"], r["subtopic"]
    t0 = time.perf_counter()
    report = h.check(texts)
    secs = time.perf_counter() - t0
    cats: Counter = Counter()
    for f in counted(report):
        docs = [e["doc"] for e in f["evidence"]]
        sents = {(e["doc"], e["sentence"]) for e in f["evidence"]}
        if len(docs) >= 2 and len(sents) == 1:
            cat = "same_sentence"
        elif len({topic[d] for d in docs}) > 1:
            cat = "unrelated_topics"
        elif len({sub[d] for d in docs}) > 1:
            cat = "different_event_same_topic"
        elif len(set(docs)) > 1:
            cat = "same_event_cluster"
        else:
            cat = "one_document"
        cats[cat] += 1
        if cat in ("same_sentence", "unrelated_topics", "different_event_same_topic"):
            why = (f.get("match") or {}).get("explanation", "")
            examples.append(("ecbplus " + cat, f["rule"], f["message"][:160], "\n      WHY: " + why,
                             *("\n      " + e["doc"] + ": " + e["sentence"][:200] for e in f["evidence"])))
    return {"documents": len(texts), "claims": len(report["claims"]), "findings": sum(cats.values()),
            "false_by_construction": cats["same_sentence"] + cats["unrelated_topics"] + cats["different_event_same_topic"],
            **{k: cats[k] for k in ("unrelated_topics", "different_event_same_topic", "same_sentence",
                                    "same_event_cluster", "one_document")},
            "seconds": round(secs, 1)}


# ---------------------------------------------------------------- gold corpora

def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s or "").strip().lower()


def _matches_side(e: dict, side: dict) -> bool:
    if e["doc"] != side["doc"] + ".txt" and e["doc"] != side["doc"]:
        return False
    sent, quote, gq = _norm(e.get("sentence")), _norm(e.get("quote")), _norm(side.get("quote"))
    if not (gq and (gq in sent or sent in gq or _overlap(gq, sent) >= 0.5)):
        return False
    gv = _answer_numbers(side.get("value", ""))
    return not gv or bool(gv & _answer_numbers(quote))


def _overlap(a: str, b: str) -> float:
    wa, wb = set(a.split()), set(b.split())
    return len(wa & wb) / max(1, min(len(wa), len(wb)))


def _finding_matches(f: dict, item: dict) -> bool:
    ev = f["evidence"]
    for i, e in enumerate(ev):
        for j, g in enumerate(ev):
            if i != j and _matches_side(e, item["a"]) and _matches_side(g, item["b"]):
                return True
    return False


def eval_corpora(h: Harness, limit: int | None, examples: list) -> dict:
    from ruamel.yaml import YAML

    out = {}
    for gold_path in sorted((ROOT / "bench" / "data" / "corpora").glob("*/gold.yaml")):
        name = gold_path.parent.name
        gold = YAML(typ="safe").load(gold_path.read_text(encoding="utf-8"))
        pages = ROOT / "bench" / "pages" / name
        manifest = YAML(typ="safe").load((gold_path.parent / "manifest.yaml").read_text(encoding="utf-8"))
        texts, changed = {}, []
        for f in sorted(pages.glob("*.txt")) if pages.is_dir() else []:
            texts[f.name] = f.read_text(encoding="utf-8")
        if not texts:
            out[name] = {"skipped": f"no texts in {pages.relative_to(ROOT)} (rebuild them from the manifest)"}
            continue
        docs_meta = manifest.get("documents", manifest) if isinstance(manifest, dict) else {}
        if isinstance(docs_meta, dict):
            for did, meta in docs_meta.items():
                if isinstance(meta, dict) and meta.get("sha256") and f"{did}.txt" in texts:
                    digest = hashlib.sha256((pages / f"{did}.txt").read_bytes()).hexdigest()
                    if digest != meta["sha256"]:
                        changed.append(did)
        found = counted(h.check(texts))
        must, mustnot = gold.get("must_flag") or [], gold.get("must_not_flag") or []
        hit = [i for i in must if any(_finding_matches(f, i) for f in found)]
        bad = [i for i in mustnot if any(_finding_matches(f, i) for f in found)]
        matched = [f for f in found if any(_finding_matches(f, i) for i in must + mustnot)]
        for i in must:
            if i not in hit:
                examples.append((f"corpus {name} missed", i["id"], i.get("what")))
        for i in bad:
            examples.append((f"corpus {name} MUST-NOT hit", i["id"], i.get("what")))
        for f in found:
            if f not in matched:
                examples.append((f"corpus {name} unmatched finding", f["rule"], f["message"][:160]))
        out[name] = {"documents": len(texts), "must_flag": len(must), "found": len(hit), "recall": _r(len(hit), len(must)),
                     "must_not_flag": len(mustnot), "must_not_hits": len(bad), "findings": len(found),
                     "unmatched_findings": len(found) - len(matched), "changed_texts": changed}
    tot_m = sum(v.get("must_flag", 0) for v in out.values())
    tot_f = sum(v.get("found", 0) for v in out.values())
    if out:
        out["_total"] = {"must_flag": tot_m, "found": tot_f, "recall": _r(tot_f, tot_m),
                         "must_not_hits": sum(v.get("must_not_hits", 0) for v in out.values()),
                         "unmatched_findings": sum(v.get("unmatched_findings", 0) for v in out.values())}
    return out


def _r(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def eval_authored2(h: Harness, limit: int | None, examples: list) -> dict | None:
    return eval_authored(h, limit, examples, ROOT / "bench" / "data" / "pairs2" / "authored_pairs2.jsonl", "authored2")


def eval_authored3(h: Harness, limit: int | None, examples: list) -> dict | None:
    return eval_authored(h, limit, examples, ROOT / "bench" / "data" / "pairs3" / "authored_pairs3.jsonl", "authored3")


SETS = {"wikicontradict": eval_wikicontradict, "authored": eval_authored, "authored2": eval_authored2,
        "authored3": eval_authored3, "nli4ct": eval_nli4ct,
        "ecbplus": eval_ecbplus, "corpora": eval_corpora}
GROUPS = {"pairs": ["wikicontradict", "authored", "authored2", "authored3", "nli4ct"], "all": list(SETS)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sets", default="all", help="comma list of sets or groups (pairs, all)")
    ap.add_argument("--limit", type=int, default=None, help="at most N items per set (quick runs)")
    ap.add_argument("--json", type=Path, default=None, help="write the figures here")
    ap.add_argument("--examples", type=int, default=15, help="print up to N misses/false alarms per category")
    args = ap.parse_args(argv)
    names = []
    for s in args.sets.split(","):
        names.extend(GROUPS.get(s, [s]))
    h = Harness(ROOT / "rules")
    results, examples = {}, []
    for name in names:
        t0 = time.perf_counter()
        res = SETS[name](h, args.limit, examples)
        if res is not None:
            results[name] = res
            print(f"{name} ({time.perf_counter() - t0:.0f} s): {json.dumps(res, sort_keys=True)}", flush=True)
    if args.examples:
        by_cat: dict[str, list] = {}
        for ex in examples:
            by_cat.setdefault(ex[0], []).append(ex[1:])
        for cat, items in sorted(by_cat.items()):
            print(f"\n## {cat} ({len(items)})")
            for it in items[: args.examples]:
                print("  ", *it)
    from bench._report import write_json

    write_json(args.json, results, indent=2)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

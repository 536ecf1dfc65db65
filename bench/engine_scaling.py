"""Engine scaling: the rules over 10k and 100k synthetic claims, in one run.

    python bench/engine_scaling.py                 # 10k and 100k claims
    python bench/engine_scaling.py --small 2000 --factor 10 --json bench/results/engine_scaling.json

The target (issue 14): 100k claims take at most 12x the time of 10k, with blocking.

The synthetic corpus grows as real collections do: ten times the claims is ten times the
documents about ten times the subjects (a bigger archive covers more stories, not the same
stories more often). Each document is an invented text of its subject's own words (nonsense
words, so every one is rare) and ten figures; the figures use 30 measured concepts shared by
the whole corpus, so each concept's block holds a tenth of a percent to a few percent of all
claims and grows with the corpus, the case blocking is for. One figure in twenty disagrees
with the other documents of its subject, so the rules have findings to write.

Timed: ``build_report`` (every rule of rules/, findings, clusters, coverage, the report dict),
from claims already built; extraction is not part of it. Both sizes run in this one process,
the small one first and again last, so the machine's noise falls on both.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CONCEPTS = ("people", "death", "injury", "vehicle", "house", "flight", "ticket", "visitor", "employee", "student",
            "school", "tree", "tonne", "vote", "seat", "game", "goal", "arrest", "shop", "boat",
            "bridge", "road", "well", "mine", "farm", "horse", "book", "song", "album", "award")
SYLLABLES = ("ka", "lo", "mi", "ra", "te", "nu", "so", "vi", "pe", "da", "zo", "qua", "ril", "bes", "tor", "gan")
CLAIMS_PER_DOC = 10
DOCS_PER_SUBJECT = 10


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(4))


def corpus(n_claims: int, seed: int = 1):
    from factcheck.ingest.corpus import document_from_text
    from factcheck.model import Claim, Value

    rng = random.Random(seed)
    n_docs = max(1, n_claims // CLAIMS_PER_DOC)
    n_subjects = max(1, n_docs // DOCS_PER_SUBJECT)
    subjects = []
    for _ in range(n_subjects):
        words = [_word(rng) for _ in range(40)]
        values = {c: rng.randint(10, 5000) for c in CONCEPTS}
        subjects.append((words, words[0], values))
    documents, claims = [], []
    for d in range(n_docs):
        words, name, values = subjects[d % n_subjects]
        doc_id = f"doc{d:06d}.txt"
        prose = " ".join(rng.choice(words) for _ in range(150)) + ".\n\n"
        sentences, pending = [], []
        pos = len(prose)
        for k in range(CLAIMS_PER_DOC):
            concept = rng.choice(CONCEPTS)
            value = values[concept] if rng.random() > 0.05 else values[concept] * 2 + 7
            year = 2010 + rng.randint(0, 1)
            sentence = f"In {year} the {name.title()} {concept} figure was {value:,}."
            s = pos + sentence.index(f"{value:,}")
            pending.append((s, s + len(f"{value:,}"), sentence, pos, concept, value, year))
            sentences.append(sentence)
            pos += len(sentence) + 1
        text = prose + " ".join(sentences) + "\n"
        documents.append(document_from_text(doc_id, text, doc_id, ".txt", {}))
        for k, (s, e, sentence, sent_start, concept, value, year) in enumerate(pending):
            quals = {"measure": (concept,), "measure_text": concept, "entities": (name,), "specific": (name,),
                     "nearest": name, "context": tuple(sorted({concept, name})), "tense": "past"}
            from factcheck.normalize.dates import year_time

            claims.append(Claim(doc_id, s, e, f"{value:,}", sentence, sent_start, "quantity",
                                Value(float(value), "count", float(value), float(value), False, f"{value:,}"),
                                year_time(year), name, concept, tuple(sorted(quals.items())), confidence=0.9,
                                id=f"{doc_id}#{k}"))
    return documents, claims


def timed(documents, claims, rules) -> tuple[float, int]:
    from factcheck.engine.runner import build_report

    t = time.perf_counter()
    report = build_report(documents, claims, rules, [])
    return time.perf_counter() - t, len(report["findings"])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--small", type=int, default=10_000)
    ap.add_argument("--factor", type=int, default=10)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    from factcheck.api import rule_set
    from factcheck.config import load_settings

    rules = rule_set(ROOT / "rules", load_settings(ROOT))
    small = corpus(args.small)
    large = corpus(args.small * args.factor, seed=2)
    t_small1, f_small = timed(*small, rules)
    t_large, f_large = timed(*large, rules)
    t_small2, _ = timed(*small, rules)
    t_small = min(t_small1, t_small2)
    out = {"small_claims": len(small[1]), "large_claims": len(large[1]), "small_seconds": round(t_small, 2),
           "large_seconds": round(t_large, 2), "ratio": round(t_large / t_small, 2), "target_ratio": 12,
           "small_findings": f_small, "large_findings": f_large}
    print(json.dumps(out, indent=2, sort_keys=True))
    if args.json:
        args.json.write_text(json.dumps(out, indent=2, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

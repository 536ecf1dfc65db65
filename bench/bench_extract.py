"""Extraction speed: the sentence pre-filter vs parsing every body sentence.

    python bench/bench_extract.py [--repeat 3]

Measures, in one run on this machine (ratios matter, absolute times are noisy):
- prefilter: regex mentions on every paragraph, spaCy only on sentences holding one
  (what factcheck does), nlp.pipe batched;
- full: spaCy on every body/footnote sentence, then the same extraction.
Also the peak Python memory of one corpus extraction (tracemalloc).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    from factcheck.api import _alias_paths, _nlp
    from factcheck.config import load_settings
    from factcheck.extract.claims import extract_document, split_sentences
    from factcheck.ingest import load_corpus
    from factcheck.ingest.segment import CLAIM_LABELS
    from factcheck.normalize.aliases import load_aliases

    settings = load_settings(ROOT)
    paths = _alias_paths(ROOT / "rules", settings)
    aliases = load_aliases(paths)
    nlp = _nlp(settings, paths)
    corpus = load_corpus([ROOT / "corpus"])
    docs = corpus.documents
    all_sents = []
    for d in docs:
        for s in d.segments:
            if s.label in CLAIM_LABELS:
                all_sents.extend(d.text[a:b] for a, b in split_sentences(d.text[s.start:s.end], s.start))
    nlp("warm up")

    def prefilter():
        n = 0
        for d in docs:
            n += len(extract_document(d, nlp, aliases))
        return n

    def full():
        list(nlp.pipe(all_sents, batch_size=64))
        return prefilter()

    timings = {"prefilter": [], "full": []}
    for _ in range(args.repeat):
        for name, fn in (("prefilter", prefilter), ("full", full)):
            t = time.perf_counter()
            fn()
            timings[name].append(time.perf_counter() - t)
    tracemalloc.start()
    claims = prefilter()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    pre, fu = statistics.median(timings["prefilter"]), statistics.median(timings["full"])
    chars = sum(len(d.text) for d in docs)
    print(f"documents {len(docs)}, {chars:,} characters, {len(all_sents)} body sentences, {claims} claims")
    print(f"prefilter (factcheck): {pre:.2f} s median of {args.repeat}  ({chars / pre / 1000:.0f} k chars/s)")
    print(f"parse every sentence:  {fu:.2f} s median of {args.repeat}")
    print(f"ratio full / prefilter: {fu / pre:.2f}x")
    print(f"peak traced Python memory of one extraction: {peak / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

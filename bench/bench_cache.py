"""Incremental runs: cold vs warm vs one-document-changed, in one run.

    python bench/bench_cache.py

Copies the corpus to a temporary directory and times factcheck.api.check
with a fresh cache (cold), again (warm: every document from the cache),
after editing one document (only that one re-extracted), and with a
corrupted cache entry (detected and rebuilt). Each in a fresh process, so
the spaCy model load is part of the cold and changed runs, as in CI.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

RUN = """
import json, sys, time
t = time.perf_counter()
from factcheck.api import prepare
p = prepare([__import__('pathlib').Path(sys.argv[1])], __import__('pathlib').Path(sys.argv[2]), cache_dir=__import__('pathlib').Path(sys.argv[3]))
print(json.dumps({"seconds": time.perf_counter() - t, "claims": len(p.claims), **p.stats}))
"""


def run(corpus: Path, cache: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", RUN, str(corpus), str(ROOT / "rules"), str(cache)],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        cache = Path(tmp) / "cache"
        shutil.copytree(ROOT / "corpus", corpus)
        cold = run(corpus, cache)
        warm = run(corpus, cache)
        doc = corpus / "001_45fd513b6608deaf.txt"
        doc.write_text(doc.read_text(encoding="utf-8") + "\nAn added closing paragraph.\n", encoding="utf-8")
        changed = run(corpus, cache)
        victim = next(cache.rglob("*.pkl"))
        victim.write_bytes(victim.read_bytes()[: len(victim.read_bytes()) // 2])
        corrupt = run(corpus, cache)
    for name, r in (("cold", cold), ("warm", warm), ("one document changed", changed), ("one entry corrupted", corrupt)):
        print(f"{name:22} {r['seconds']:6.2f} s  hits {r['cache_hits']}  misses {r['cache_misses']}  corrupt {r['cache_corrupt']}  claims {r['claims']}")
    print(f"warm / cold: {warm['seconds'] / cold['seconds']:.2f}   changed / cold: {changed['seconds'] / cold['seconds']:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

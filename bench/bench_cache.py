"""Incremental runs: cold vs warm vs one-document-changed, in one run.

    python bench/bench_cache.py                  # the bundled corpus, library call
    python bench/bench_cache.py --ecbplus 250    # 250 ECB+ articles, the full `factcheck check` with reports

Copies the corpus to a temporary directory and times factcheck.api.check
with a fresh cache (cold), again (warm: every document from the cache),
after editing one document (only that one re-extracted), and with a
corrupted cache entry (detected and rebuilt). Each in a fresh process, so
the spaCy model load is part of the cold and changed runs, as in CI.

With ``--ecbplus N``: the first N ECB+ articles (read from ../shared/dev by path) and the
command line, reports written (JSON and HTML), as a user runs it; the issue-14 target is a
changed run at most 5% of a cold one.
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


def cli_run(corpus: Path, cache: Path, out: Path) -> float:
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "factcheck", "check", str(corpus), "--cache-dir", str(cache), "--jobs", "1",
                    "--format", "none", "--fail-on", "never", "--json", str(out / "f.json"), "--html", str(out / "r.html")],
                   check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t


def ecbplus(n: int) -> int:
    src = ROOT.parent / "shared" / "dev" / "ecbplus" / "ecbplus_docs.jsonl"
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        corpus, cache = tmp / "corpus", tmp / "cache"
        corpus.mkdir()
        with src.open(encoding="utf-8") as f:
            for i, line in enumerate(f):
                if i >= n:
                    break
                r = json.loads(line)
                (corpus / f"{Path(r['doc_name']).stem}.txt").write_text("\n\n".join(r["sentences"]) + "\n", encoding="utf-8")
        cold = cli_run(corpus, cache, tmp)
        warm = cli_run(corpus, cache, tmp)
        doc = sorted(corpus.glob("*.txt"))[n // 2]
        doc.write_text(doc.read_text(encoding="utf-8") + "\nAn added closing paragraph with 12 more visitors.\n", encoding="utf-8")
        changed = cli_run(corpus, cache, tmp)
    print(f"{n} ECB+ articles, `factcheck check` with JSON and HTML reports")
    print(f"cold {cold:6.2f} s   warm {warm:6.2f} s   one document changed {changed:6.2f} s")
    print(f"warm / cold: {warm / cold:.2f}   changed / cold: {changed / cold:.2f}   (target: changed / cold <= 0.05)")
    return 0


def main() -> int:
    if len(sys.argv) == 3 and sys.argv[1] == "--ecbplus":
        return ecbplus(int(sys.argv[2]))
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

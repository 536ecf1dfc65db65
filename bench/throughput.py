"""Throughput and memory: `factcheck check` against a plain spaCy parse of the same text.

    python bench/throughput.py                       # 300 ECB+ articles, 2 rounds
    python bench/throughput.py --docs 982 --rounds 3 --json bench/results/throughput.json

In one process tree, paired and alternated (spaCy, factcheck, spaCy, ...), so
that the machine's noise falls on both sides alike:

- ``spacy``: the model factcheck loads (same name), full pipeline, ``nlp.pipe``
  over every paragraph of every document (what a plain spaCy user would run);
- ``factcheck --jobs 1`` and ``--jobs 2``: the full ``factcheck check --no-cache``
  on the same documents, reports written.

Each run is measured by a wrapper process that has it as its only child, so
``getrusage(RUSAGE_CHILDREN)`` gives that run's CPU time and peak resident
memory (for --jobs 2, the largest of its processes). Printed: medians and the
ratios factcheck / spaCy (wall time, CPU time, peak memory) and the --jobs
speedup. Texts are read from ../shared/dev/ecbplus by path, never copied.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ECB = ROOT.parent / "shared" / "dev" / "ecbplus" / "ecbplus_docs.jsonl"

MEASURE = r"""
import json, resource, subprocess, sys, time
t = time.perf_counter()
rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
wall = time.perf_counter() - t
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"rc": rc, "wall": wall, "cpu": ru.ru_utime + ru.ru_stime, "rss_mb": ru.ru_maxrss / 1024}))
"""

SPACY = r"""
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from factcheck.extract.pipeline import load_nlp
nlp = load_nlp(None)
paras = []
for f in sorted(Path(sys.argv[1]).glob("*.txt")):
    paras.extend(p for p in f.read_text(encoding="utf-8").split("\n\n") if p.strip())
n = 0
for doc in nlp.pipe(paras, batch_size=64):
    n += len(doc)
print(n)
"""


def corpus(folder: Path, n: int) -> int:
    words = 0
    with ECB.open(encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i >= n:
                break
            r = json.loads(line)
            text = "\n\n".join(r["sentences"])
            words += len(text.split())
            (folder / f"{Path(r['doc_name']).stem}.txt").write_text(text + "\n", encoding="utf-8")
    return words


def measure(cmd: list[str]) -> dict:
    out = subprocess.run([sys.executable, "-c", MEASURE, *cmd], capture_output=True, text=True, check=True)
    r = json.loads(out.stdout.strip().splitlines()[-1])
    if r["rc"] != 0:
        raise SystemExit(f"{cmd} exited {r['rc']}")
    return r


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        folder = tmp / "corpus"
        folder.mkdir()
        words = corpus(folder, args.docs)
        spacy_cmd = [sys.executable, "-c", SPACY, str(folder), str(ROOT)]

        def fc(jobs: int) -> list[str]:
            return [sys.executable, "-m", "factcheck", "check", str(folder), "--no-cache", "--jobs", str(jobs),
                    "--format", "none", "--fail-on", "never", "--json", str(tmp / "f.json"), "--html", str(tmp / "r.html")]

        runs: dict[str, list[dict]] = {"spacy": [], "jobs1": [], "jobs2": []}
        for _ in range(args.rounds):
            runs["spacy"].append(measure(spacy_cmd))
            runs["jobs1"].append(measure(fc(1)))
            runs["spacy"].append(measure(spacy_cmd))
            runs["jobs2"].append(measure(fc(2)))

    def med(name: str, key: str) -> float:
        return statistics.median(r[key] for r in runs[name])

    out = {"documents": args.docs, "words": words, "rounds": args.rounds}
    for name in runs:
        out[name] = {k: round(med(name, k), 2) for k in ("wall", "cpu", "rss_mb")}
    out["ratio_wall_jobs1"] = round(med("jobs1", "wall") / med("spacy", "wall"), 3)
    out["ratio_cpu_jobs1"] = round(med("jobs1", "cpu") / med("spacy", "cpu"), 3)
    out["ratio_memory_jobs1"] = round(med("jobs1", "rss_mb") / med("spacy", "rss_mb"), 3)
    out["ratio_wall_jobs2"] = round(med("jobs2", "wall") / med("spacy", "wall"), 3)
    out["jobs2_speedup"] = round(med("jobs1", "wall") / med("jobs2", "wall"), 3)
    print(json.dumps(out, indent=2, sort_keys=True))
    if args.json:
        args.json.write_text(json.dumps(out, indent=2, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

"""Number-dense text: `factcheck check` against a plain spaCy parse of the same text, in one run.

    python bench/dense_text.py                    # 200,000 numbers; 8,400 dated sentences
    python bench/dense_text.py --numbers 20000 --sentences 2000 --json bench/results/dense_text.json

Two synthetic inputs a user meets (issue 14):
- a statistical appendix dumped to text: rows of bare numbers (a table, ten to a row);
- one long line of short dated sentences ("On 5 May 2019 there were 5 clubs.").

For each: the wall time and peak memory of the full `factcheck check --no-cache` (reports
written), and of the model factcheck loads parsing the same text cut into 50,000-character
pieces (`nlp.pipe`), each in a process of its own (peak memory by getrusage of that child).
Target: at most 1.5x the time of the spaCy parse, and under 1.5 GB.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.throughput import measure  # noqa: E402  (the same paired-run wrapper)

SPACY_PIECES = r"""
import sys
sys.path.insert(0, sys.argv[2])
from factcheck.extract.pipeline import load_nlp
nlp = load_nlp(None)
text = open(sys.argv[1], encoding="utf-8").read()
pieces = [text[i:i + 50000] for i in range(0, len(text), 50000)]
print(sum(len(d) for d in nlp.pipe(pieces)))
"""


def appendix(path: Path, numbers: int, rng: random.Random) -> None:
    rows = [" ".join(f"{rng.randint(0, 99999) / 10:.1f}" for _ in range(10)) for _ in range(numbers // 10)]
    path.write_text("Table A1. Statistical appendix\n\n" + "\n".join(rows) + "\n", encoding="utf-8")


def dated_line(path: Path, sentences: int, rng: random.Random) -> None:
    text = " ".join(f"On {rng.randint(1, 28)} May {rng.randint(1990, 2020)} there were {rng.randint(1, 50)} clubs."
                    for _ in range(sentences))
    path.write_text(text + "\n", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--numbers", type=int, default=200_000)
    ap.add_argument("--sentences", type=int, default=8_400)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    rng = random.Random(1)
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for name, make, n in (("appendix", appendix, args.numbers), ("dated_line", dated_line, args.sentences)):
            folder = tmp / name
            folder.mkdir()
            make(folder / f"{name}.txt", n, rng)
            fc = measure([sys.executable, "-m", "factcheck", "check", str(folder), "--no-cache", "--jobs", "1",
                          "--format", "none", "--fail-on", "never", "--json", str(tmp / f"{name}.json"),
                          "--html", str(tmp / f"{name}.html")])
            sp = measure([sys.executable, "-c", SPACY_PIECES, str(folder / f"{name}.txt"), str(ROOT)])
            report = json.loads((tmp / f"{name}.json").read_text(encoding="utf-8"))
            out[name] = {"size": n, "chars": (folder / f"{name}.txt").stat().st_size,
                         "factcheck_s": round(fc["wall"], 2), "factcheck_mb": round(fc["rss_mb"]),
                         "spacy_s": round(sp["wall"], 2), "spacy_mb": round(sp["rss_mb"]),
                         "ratio": round(fc["wall"] / sp["wall"], 2), "claims": len(report["claims"]),
                         "notes": sorted({p["code"] for p in report["problems"]})}
    print(json.dumps(out, indent=2, sort_keys=True))
    if args.json:
        args.json.write_text(json.dumps(out, indent=2, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

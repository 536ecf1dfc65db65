"""Dates and times in real text: found, value right, never read as a number.

    python bench/date_eval.py [--sets wikiwars,ecbplus] [--limit N] [--json PATH] [--misses K]

Reads ../shared/dev by path (the texts are not ours and are never copied):

- ``wikiwars``: 22 long Wikipedia war narratives with inline TIMEX2 gold and
  normalised values. A gold timex counts as an *explicit date* when its value
  is a calendar date, month, year, season, decade or century (``1939-09-01``,
  ``1939-09``, ``1939``, ``1939-SU``, ``196``, ``19``; BC dates, durations and
  ``PRESENT_REF`` are left out). Found: a date claim overlaps it. Value right:
  the claim's ISO value equals the gold value (season and decade/century
  written our way). The documents carry no publication date (the DCT is the
  download date), so a day or month without a year can only be resolved
  from the narrative itself.
- ``ecbplus``: 982 news articles; TIME_DATE and TIME_OF_THE_DAY mentions
  (no normalised values in the corpus). Found: a date (or time-of-day)
  claim overlaps the mention.

For both, ``read_as_number`` counts gold dates that a *quantity* claim
overlaps ("Aug. 6" read as the count 6), the error that does the most harm
downstream. Figures are shares of gold mentions.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEV = ROOT.parent / "shared" / "dev"

_SEASON = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
_EXPLICIT = re.compile(r"\d{4}(?:-\d\d(?:-\d\d)?)?|\d{4}-(?:SP|SU|FA|WI)|\d{3}|\d{2}")


class Extractor:
    def __init__(self):
        from factcheck.api import _alias_paths, _nlp
        from factcheck.config import load_settings
        from factcheck.normalize.aliases import load_aliases

        self.settings = load_settings()
        paths = _alias_paths(ROOT / "rules", self.settings)
        self.aliases = load_aliases(paths)
        self.nlp = _nlp(self.settings, paths)

    def claims(self, doc_id: str, text: str, meta: dict | None = None):
        """(document, claims) with claim spans mapped back to ``text`` offsets."""
        from factcheck.extract.claims import extract_document
        from factcheck.ingest.corpus import document_from_text

        doc = document_from_text(doc_id, text, doc_id, ".txt", meta or {})
        out = []
        for c in extract_document(doc, self.nlp, self.aliases, self.settings.batch_size):
            s, e = doc.textmap.to_original(c.start, c.end)
            out.append((s, e, c))
        return doc, out


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _our_value(c) -> str | None:
    """The claim's value written in the gold's notation."""
    t = c.time
    if t is None or not t.date:
        return None
    if t.granularity == "season":
        return None if not t.start else t.start[:4] + "-" + {3: "SP", 6: "SU", 9: "FA", 12: "WI"}.get(int(t.start[5:7]), "?")
    if t.granularity == "decade":
        return t.start[:3]
    if t.granularity == "century":
        return f"{int(t.start[:4]) // 100:02d}"
    return t.date


def _our_values(c) -> set[str]:
    """The claim's value; for a span ("1778-1783") its first and last point at the same granularity."""
    out = {_our_value(c)}
    t = c.time
    if t is not None and t.start and t.end and t.start != t.end:
        n = {"year": 4, "month": 7, "day": 10}.get(t.granularity)
        if n:
            out |= {t.start[:n], t.end[:n]}
    return out


# ---------------------------------------------------------------- WikiWars

def _wikiwars_docs() -> list[tuple[str, str, list[dict]]]:
    folder = DEV / "wikiwars" / "WikiWars_20120218_v104" / "keyinline"
    out = []
    for path in sorted(folder.glob("*.key.xml")):
        raw = path.read_text(encoding="utf-8", errors="replace")
        body = raw[raw.index("<TEXT>") + len("<TEXT>"):raw.index("</TEXT>")]
        text_parts, gold, stack, pos = [], [], [], 0
        for m in re.finditer(r"<TIMEX2([^>]*)>|</TIMEX2>|<[^>]+>", body):
            chunk = html.unescape(body[pos:m.start()])
            text_parts.append(chunk)
            offset = sum(map(len, text_parts))
            if m.group().startswith("<TIMEX2"):
                val = re.search(r'\bval="([^"]*)"', m.group(1))
                stack.append((offset, val.group(1) if val else None))
            elif m.group() == "</TIMEX2>" and stack:
                start, val = stack.pop()
                if not stack:  # outermost timex only
                    gold.append({"start": start, "end": offset, "val": val})
            pos = m.end()
        text_parts.append(html.unescape(body[pos:]))
        text = "".join(text_parts)
        for g in gold:
            g["text"] = text[g["start"]:g["end"]]
        out.append((path.name.split(".")[0], text, gold))
    return out


def eval_wikiwars(ex: Extractor, limit: int | None, misses: list) -> dict:
    docs = _wikiwars_docs()[: limit or None]
    n = found = right = as_number = 0
    gran = Counter()
    for doc_id, text, gold in docs:
        _doc, claims = ex.claims(doc_id + ".txt", text)
        dates = [(s, e, c) for s, e, c in claims if c.kind == "date"]
        quants = [(s, e, c) for s, e, c in claims if c.kind == "quantity"]
        for g in gold:
            if not g["val"] or not _EXPLICIT.fullmatch(g["val"]):
                continue
            n += 1
            kind = {2: "century", 3: "decade", 4: "year", 7: "month", 10: "day"}.get(len(g["val"]), "season")
            gran[kind] += 1
            span = (g["start"], g["end"])
            hit = [c for s, e, c in dates if _overlap((s, e), span)]
            if hit:
                found += 1
                if any(g["val"] in _our_values(c) for c in hit):
                    right += 1
                elif len(misses) < 400:
                    misses.append(("wikiwars wrong", doc_id, g["text"], g["val"], [_our_value(c) for c in hit]))
            else:
                if any(_overlap((s, e), span) for s, e, _c in quants):
                    as_number += 1
                    if len(misses) < 400:
                        misses.append(("wikiwars as number", doc_id, g["text"], g["val"], text[max(0, g["start"] - 60):g["end"] + 30].replace("\n", " ")))
                if len(misses) < 400:
                    misses.append(("wikiwars missed", doc_id, g["text"], g["val"], text[max(0, g["start"] - 60):g["end"] + 30].replace("\n", " ")))
    return {"documents": len(docs), "explicit_dates": n, "by_granularity": dict(sorted(gran.items())),
            "found": found, "found_rate": _r(found, n), "value_right": right, "value_right_rate": _r(right, n),
            "read_as_number": as_number}


# ---------------------------------------------------------------- ECB+

def eval_ecbplus(ex: Extractor, limit: int | None, misses: list) -> dict:
    rows = [json.loads(x) for x in (DEV / "ecbplus" / "ecbplus_docs.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    rows.sort(key=lambda r: r["doc_name"])
    rows = rows[: limit or None]
    stats = {tag: Counter() for tag in ("TIME_DATE", "TIME_OF_THE_DAY")}
    dated_docs = 0
    for r in rows:
        sents = r["sentences"]
        text = "\n\n".join(sents)
        starts, pos = [], 0
        for s in sents:
            starts.append(pos)
            pos += len(s) + 2
        doc, claims = ex.claims(r["doc_name"].replace(".xml", ".txt"), text)
        dated_docs += bool(doc.published)
        dates = [(s, e) for s, e, c in claims if c.kind == "date" or (c.value is not None and c.value.unit == "time_of_day")]
        quants = [(s, e) for s, e, c in claims if c.kind == "quantity" and not (c.value is not None and c.value.unit == "time_of_day")]
        seen = Counter()
        for t in r["time_mentions"]:
            if t["tag"] not in stats or not re.search(r"\d|day\b|\b(?:" + "|".join(_MONTH_WORDS) + r")\b", t["text"], re.I):
                continue
            si = t["sentence"]
            if not (0 <= si < len(sents)):
                continue
            k = seen[(si, t["text"])]
            seen[(si, t["text"])] += 1
            at = -1
            for _ in range(k + 1):
                at = sents[si].find(t["text"], at + 1)
            if at < 0:
                continue
            span = (starts[si] + at, starts[si] + at + len(t["text"]))
            st = stats[t["tag"]]
            st["n"] += 1
            if any(_overlap(d, span) for d in dates):
                st["found"] += 1
            else:
                if any(_overlap(q, span) for q in quants):
                    st["read_as_number"] += 1
                if len(misses) < 800:
                    misses.append(("ecbplus missed " + t["tag"], r["doc_name"], t["text"], "", sents[si][max(0, at - 50):at + len(t["text"]) + 30]))
    out = {"documents": len(rows), "documents_dated": dated_docs}
    for tag, st in stats.items():
        out[tag] = {"n": st["n"], "found": st["found"], "found_rate": _r(st["found"], st["n"]),
                    "read_as_number": st["read_as_number"]}
    return out


_MONTH_WORDS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


def _r(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


SETS = {"wikiwars": eval_wikiwars, "ecbplus": eval_ecbplus}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--limit", type=int, default=None, help="first N documents of each set")
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument("--misses", type=int, default=0, help="print K misses per set")
    args = ap.parse_args()
    from bench._report import print_misses, write_json

    ex = Extractor()
    results, misses = {}, []
    for name in args.sets.split(","):
        t0 = time.perf_counter()
        results[name] = SETS[name](ex, args.limit, misses)
        results[name]["seconds"] = round(time.perf_counter() - t0, 1)
        print(name, json.dumps(results[name], indent=1))
    if args.misses:
        print_misses(misses, args.misses)
    write_json(args.json, results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

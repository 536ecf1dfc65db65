"""Quantities and dates in real text: found, value and unit right, nothing that is neither.

    python bench/extract_eval.py [--sets news,measeval] [--limit N] [--json PATH] [--misses K]

Two sets, both read by path (the texts are other people's and are never committed):

- ``news``: 30 news and web pages on unlike topics (``bench/data/extract/``: blind gold of
  every date, time of day and quantity, and of the numbers that are neither; texts in
  ``bench/pages/extract_news/``, rebuilt from the manifest). The gold covers every run of
  digits in the texts, so a quantity claim that overlaps no gold quantity is a false one.
- ``news2``: a second blind set of 25 pages on other topics (``bench/data/extract2/``; texts in
  ``bench/pages/extract_news2/``), made after the extractor was tuned on ``news``: it measures
  how well that tuning carries over.
- ``measeval``: MeasEval (SemEval-2021 task 8) train and trial paragraphs of science text
  (``../shared/dev/measeval_train_trial``). Found: a claim overlaps the gold quantity span.
  Unit right: for gold quantities with a physical unit pint can read, our unit has the same
  dimension. MeasEval's eval split is reserved and never read.

Figures:

- ``found``: a gold mention that some claim of the right kind overlaps (a date, a time of
  day or a quantity);
- ``value_right``: the claim's value equals the gold value (quantities: in the gold unit, after
  conversion, within 0.5% or as stated; ranges by both ends; dates in ISO);
- ``unit_right``: the claim's unit is the gold unit (currency code, percent, count, or the
  same pint dimension);
- ``false_quantities``: quantity claims that overlap no gold quantity (``news``: a gold date,
  a not-quantity, or nothing in the gold); ``precision`` is the share of quantity claims that
  do overlap a gold quantity.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEV = ROOT.parent / "shared" / "dev"
NEWS = ROOT / "bench" / "data" / "extract"
PAGES = ROOT / "bench" / "pages" / "extract_news"

from bench._report import print_misses, write_json  # noqa: E402
from bench.date_eval import Extractor, _our_values, _overlap, _r  # noqa: E402

# gold unit names -> our canonical units (pint names, currency codes, our special units)
GOLD_UNITS = {
    "metre": "meter", "kilometre": "kilometer", "mile": "mile", "foot": "foot", "inch": "inch",
    "hectare": "hectare", "acre": "acre", "degF": "degF", "degC": "degC", "second": "second",
    "minute": "minute", "hour": "hour", "day": "day", "week": "week", "month": "month", "year": "year",
    "decade": "decade_of_years", "bushel": "bushel", "ton": "short_ton", "tonne": "metric_ton",
    "percent": "percent", "count": "count", "fold": "times", "fraction": "percent",
}


def _unit_right(ours: str, gold: str) -> bool:
    from factcheck.normalize.units import comparable

    if gold == "age":
        return ours in ("year", "age")
    if gold == "point":
        return ours == "score_point"
    if gold in ("magnitude", "intensity", "degree"):
        return ours == gold
    want = GOLD_UNITS.get(gold, gold)
    if ours == want:
        return True
    if {ours, want} <= {"count", "times", "percent", "ordinal"}:
        return False
    return comparable(ours, want)


def _in_gold_unit(x: float, ours: str, gold: str) -> float | None:
    from factcheck.normalize.units import convert

    want = GOLD_UNITS.get(gold, gold)
    if gold == "fraction":
        return x / 100 if ours == "percent" else x
    if ours == want or gold in ("age", "magnitude", "intensity", "point", "degree") or ours == "score_point":
        return x
    try:
        return convert(x, ours, want)
    except Exception:  # noqa: BLE001 - not convertible: the unit was wrong
        return None


def _close(x: float | None, y: float) -> bool:
    if x is None:
        return False
    return abs(x - y) <= max(abs(y) * 0.005, 1e-9)


def _value_right(c, g: dict) -> bool:
    v = c.value
    if v is None or not _unit_right(v.unit, g["unit"]):
        return False
    want = g["value"]
    if want is None:
        return v.magnitude is None
    if isinstance(want, list):
        lo, hi = want
        return (v.low is not None and v.high is not None
                and (_close(_in_gold_unit(v.low, v.unit, g["unit"]), lo) or _close(v.low, lo))
                and (_close(_in_gold_unit(v.high, v.unit, g["unit"]), hi) or _close(v.high, hi)))
    if v.magnitude is None:
        return False
    return _close(_in_gold_unit(v.magnitude, v.unit, g["unit"]), want) or _close(v.magnitude, want)


def _f1(p: float | None, r: float | None) -> float | None:
    return round(2 * p * r / (p + r), 4) if p and r else None


def _number_right(c, g: dict) -> bool:
    """The stated number is right, whatever the unit (a unit-free comparison across extractors)."""
    v, want = c.value, g["value"]
    if v is None or want is None:
        return False
    if isinstance(want, list):
        return v.low is not None and v.high is not None and _close(v.low, want[0]) and _close(v.high, want[1])
    return v.magnitude is not None and _close(v.magnitude, want)


def _locate(text: str, items: list[dict]) -> list[tuple[int, int, dict]]:
    """Spans of gold mentions in text: the k-th entry with one string is its k-th free occurrence."""
    out, used = [], []
    for g in items:
        at = -1
        while True:
            at = text.find(g["text"], at + 1)
            if at < 0:
                break
            span = (at, at + len(g["text"]))
            if not any(_overlap(span, u) and (span[1] - span[0]) <= (u[1] - u[0]) for u in used):
                break
        if at < 0:
            continue
        span = (at, at + len(g["text"]))
        used.append(span)
        out.append((span[0], span[1], g))
    return out


def _is_time(c) -> bool:
    return c.value is not None and c.value.unit == "time_of_day"


def _date_value_right(c, g: dict) -> bool | None:
    """None when the gold gives no value to check."""
    want = g.get("value")
    if want is None:
        return None
    if g["kind"] == "time_of_day":
        if not re.fullmatch(r"\d\d:\d\d(?::\d\d)?", str(want)):
            return None
        from factcheck.normalize.dates import format_clock

        return _is_time(c) and c.value.magnitude is not None and format_clock(c.value.magnitude) == str(want)[:5]
    if "X" in str(want) or g["kind"] not in ("day", "month", "year", "season", "decade", "century"):
        return None
    return c.kind == "date" and str(want) in _our_values(c)


def eval_news(ex: Extractor, limit: int | None, misses: list, gold_dir: Path = NEWS, pages: Path = PAGES,
              label: str = "news") -> dict:
    gold = YAML(typ="safe").load((gold_dir / "gold.yaml").read_text(encoding="utf-8"))
    manifest = YAML(typ="safe").load((gold_dir / "manifest.yaml").read_text(encoding="utf-8"))["docs"]
    st = Counter()
    by_unit: dict[str, Counter] = {}
    missing = []
    for entry in manifest[: limit or None]:
        doc_id = entry["docid"]
        path = pages / f"{doc_id}.txt"
        if not path.exists():
            missing.append(doc_id)
            continue
        text = path.read_text(encoding="utf-8")
        g = gold.get(doc_id) or {}
        doc, claims = ex.claims(doc_id + ".txt", text)
        st["documents"] += 1
        if g.get("doc_date"):
            st["doc_dates"] += 1
            st["doc_date_right"] += bool(doc.published) and str(doc.published)[:10] == str(g["doc_date"])
        quants = [(s, e, c) for s, e, c in claims if c.kind == "quantity" and not _is_time(c)]
        dates = [(s, e, c) for s, e, c in claims if c.kind == "date" or _is_time(c)]
        gq = _locate(text, g.get("quantities") or [])
        gd = _locate(text, g.get("dates") or [])
        gn = _locate(text, g.get("not_quantities") or [])
        for s, e, item in gq:
            u = by_unit.setdefault(item["unit"], Counter())
            st["quantities"] += 1
            u["n"] += 1
            hit = [c for cs, ce, c in quants if _overlap((cs, ce), (s, e))]
            if hit:
                st["quantities_found"] += 1
                u["found"] += 1
                if any(_unit_right(c.value.unit, item["unit"]) for c in hit):
                    st["quantities_unit_right"] += 1
                    u["unit_right"] += 1
                if any(_number_right(c, item) for c in hit):
                    st["quantities_number_right"] += 1
                if any(_value_right(c, item) for c in hit):
                    st["quantities_value_right"] += 1
                    u["value_right"] += 1
                elif len(misses) < 2000:
                    misses.append((label + " quantity wrong", doc_id, item["text"], f"{item['value']} {item['unit']}",
                                   "; ".join(f"{c.quote!r}={c.value.magnitude} {c.value.unit}" for c in hit)))
            elif len(misses) < 2000:
                misses.append((label + " quantity missed", doc_id, item["text"], f"{item['value']} {item['unit']}",
                               text[max(0, s - 50):e + 30].replace("\n", " ")))
        for s, e, item in gd:
            st["dates"] += 1
            hit = [c for cs, ce, c in dates if _overlap((cs, ce), (s, e))]
            if hit:
                st["dates_found"] += 1
                rights = [_date_value_right(c, item) for c in hit]
                if any(r is not None for r in rights):
                    st["dates_with_value"] += 1
                    if any(rights):
                        st["dates_value_right"] += 1
                    elif len(misses) < 2000:
                        misses.append((label + " date wrong", doc_id, item["text"], item["value"],
                                       "; ".join(str(c.time.date if c.time else c.value.magnitude) for c in hit)))
            else:
                if any(_overlap((cs, ce), (s, e)) for cs, ce, _c in quants):
                    st["dates_read_as_number"] += 1
                if item["kind"] not in ("weekday", "relative") and len(misses) < 2000:
                    misses.append((label + " date missed", doc_id, item["text"], f"{item['kind']} {item['value']}",
                                   text[max(0, s - 50):e + 30].replace("\n", " ")))
        for s, e, item in gn:
            st["not_quantities"] += 1
            if any(_overlap((cs, ce), (s, e)) for cs, ce, _c in quants):
                st["not_quantities_read_as_quantity"] += 1
                if len(misses) < 2000:
                    misses.append((label + " not-quantity read", doc_id, item["text"], item.get("why", ""), ""))
        for cs, ce, c in quants:
            st["our_quantities"] += 1
            if any(_overlap((cs, ce), (s, e)) for s, e, _g in gq):
                st["our_quantities_true"] += 1
            else:
                st["false_quantities"] += 1
                if len(misses) < 2000:
                    misses.append((label + " false quantity", doc_id, c.quote, f"{c.value.magnitude} {c.value.unit}",
                                   text[max(0, cs - 50):ce + 30].replace("\n", " ")))
    n_q, n_d = st["quantities"], st["dates"]
    out = {k: st[k] for k in sorted(st)}
    out.update({
        "quantities_found_rate": _r(st["quantities_found"], n_q),
        "quantities_value_right_rate": _r(st["quantities_value_right"], n_q),
        "quantities_number_right_rate": _r(st["quantities_number_right"], n_q),
        "quantities_unit_right_rate": _r(st["quantities_unit_right"], n_q),
        "quantity_precision": _r(st["our_quantities_true"], st["our_quantities"]),
        "quantity_span_f1": _f1(_r(st["our_quantities_true"], st["our_quantities"]), _r(st["quantities_found"], n_q)),
        # value F1: a claim counts as right when some gold quantity it overlaps has its value and unit
        "quantity_value_f1": _f1(_r(st["quantities_value_right"], st["our_quantities"]), _r(st["quantities_value_right"], n_q)),
        "dates_found_rate": _r(st["dates_found"], n_d),
        "dates_value_right_rate": _r(st["dates_value_right"], st["dates_with_value"]),
        "by_unit": {u: dict(c) for u, c in sorted(by_unit.items(), key=lambda x: -x[1]["n"])},
    })
    if missing:
        out["texts_missing"] = missing
    return out


# ---------------------------------------------------------------- MeasEval

_MEASEVAL_UNIT = {"μm": "micrometer", "µm": "micrometer", "°C": "degC", "° C": "degC", "ºC": "degC", "°F": "degF",
                  "‰": None, "%": "percent", "wt%": "percent", "wt.%": "percent", "vol%": "percent"}


def _pint_unit(u: str) -> str | None:
    """The pint name of a MeasEval unit string, or None when pint cannot read it as a physical unit."""
    from factcheck.normalize.units import registry

    u = u.strip()
    if u in _MEASEVAL_UNIT:
        return _MEASEVAL_UNIT[u]
    try:
        q = registry().parse_units(u.replace("·", "*").replace("−", "-"))
    except Exception:  # noqa: BLE001 - pint raises many kinds
        return None
    if q.dimensionless:
        return None
    return str(q)


def _measeval_docs() -> list[tuple[str, str, list[dict]]]:
    base = DEV / "measeval_train_trial"
    out = []
    for split, txt in (("train", "text"), ("trial", "txt")):
        for tsv in sorted((base / split / "tsv").glob("*.tsv")):
            doc_id = tsv.stem
            tp = base / split / txt / f"{doc_id}.txt"
            if not tp.exists():
                continue
            text = tp.read_text(encoding="utf-8")
            gold, seen = [], set()
            for line in tsv.read_text(encoding="utf-8").splitlines()[1:]:
                f = line.split("\t")
                if len(f) < 7 or f[2] != "Quantity":
                    continue
                s, e = int(f[3]), int(f[4])
                if (s, e) in seen:
                    continue
                seen.add((s, e))
                other = json.loads(f[7]) if len(f) > 7 and f[7].strip() else {}
                gold.append({"start": s, "end": e, "text": f[6], "unit": other.get("unit"), "mods": other.get("mods", [])})
            out.append((f"{split}/{doc_id}", text, gold))
    return out


def eval_measeval(ex: Extractor, limit: int | None, misses: list) -> dict:
    docs = _measeval_docs()[: limit or None]
    st = Counter()
    for doc_id, text, gold in docs:
        _doc, claims = ex.claims(doc_id.replace("/", "_") + ".txt", text)
        quants = [(s, e, c) for s, e, c in claims if c.kind == "quantity"]
        st["documents"] += 1
        for g in gold:
            st["quantities"] += 1
            span = (g["start"], g["end"])
            hit = [c for s, e, c in quants if _overlap((s, e), span)]
            any_hit = hit or [c for s, e, c in claims if _overlap((s, e), span)]
            if any_hit:
                st["found"] += 1
            elif len(misses) < 3000:
                misses.append(("measeval missed", doc_id, g["text"], g["unit"] or "", text[max(0, g["start"] - 50):g["end"] + 30].replace("\n", " ")))
            pu = _pint_unit(g["unit"]) if g["unit"] else None
            if pu is None:
                continue
            st["physical"] += 1
            if hit:
                st["physical_found"] += 1
            from factcheck.normalize.units import comparable

            if any(c.value is not None and (c.value.unit == pu if pu == "percent" else (
                    c.value.unit not in ("count", "times", "percent", "ordinal") and comparable(c.value.unit, pu))) for c in hit):
                st["physical_unit_right"] += 1
            elif len(misses) < 3000:
                misses.append(("measeval unit", doc_id, g["text"], f"{g['unit']} -> {pu}",
                               "; ".join(f"{c.quote!r}={c.value.unit}" for c in hit) or text[max(0, g["start"] - 40):g["end"] + 20].replace("\n", " ")))
        for s, e, c in quants:
            st["our_quantities"] += 1
            if any(_overlap((s, e), (g["start"], g["end"])) for g in gold):
                st["our_quantities_true"] += 1
    out = {k: st[k] for k in sorted(st)}
    out.update({
        "found_rate": _r(st["found"], st["quantities"]),
        "physical_unit_right_rate": _r(st["physical_unit_right"], st["physical"]),
        "quantity_precision": _r(st["our_quantities_true"], st["our_quantities"]),
    })
    return out


def eval_news2(ex: Extractor, limit: int | None, misses: list) -> dict:
    return eval_news(ex, limit, misses, ROOT / "bench" / "data" / "extract2", ROOT / "bench" / "pages" / "extract_news2", "news2")


class Quantulum(Extractor):
    """quantulum3's quantities in place of ours, for a comparison (``--engine quantulum3``).

    Units are mapped to ours where the names differ; what is not mapped keeps quantulum3's
    name, so ``unit_right`` is a lower bound for it and ``number_right`` (unit-free) is the fair
    comparison.
    """

    UNITS = {"percentage": "percent", "dimensionless": "count", "dollar": "USD", "United States dollar": "USD",
             "pound sterling": "GBP", "euro": "EUR", "Indian rupee": "INR", "Australian dollar": "AUD",
             "South Korean won": "KRW", "metre": "meter", "kilometre": "kilometer", "centimetre": "centimeter",
             "millimetre": "millimeter", "mile": "mile", "foot": "foot", "inch": "inch", "kilogram": "kilogram",
             "gram": "gram", "tonne": "metric_ton", "short ton": "short_ton", "second": "second", "minute": "minute",
             "hour": "hour", "day": "day", "week": "week", "month": "month", "year": "year", "decade": "decade_of_years",
             "degree fahrenheit": "degF", "degree Celsius": "degC", "mile per hour": "mile/hour",
             "kilometre per hour": "km/hour", "hectare": "hectare", "acre": "acre", "bushel": "bushel",
             "cent": "USD", "pound-mass": "lb", "litre": "liter", "micrometre": "micrometer"}

    def __init__(self):
        super().__init__()
        from quantulum3 import parser

        self._parse = parser.parse

    def claims(self, doc_id: str, text: str, meta: dict | None = None):
        from factcheck.model import Claim, Value

        doc, ours = super().claims(doc_id, text, meta)
        out = [(s, e, c) for s, e, c in ours if c.kind == "date"]
        for q in self._parse(text):
            unit = self.UNITS.get(q.unit.name, q.unit.name.replace(" ", "_"))
            x = float(q.value)
            if q.unit.name == "cent":
                x /= 100
            lo, hi = (x, x) if not getattr(q, "uncertainty", None) else (x - q.uncertainty, x + q.uncertainty)
            s, e = q.span
            out.append((s, e, Claim(doc_id, s, e, q.surface, "", 0, "quantity", Value(x, unit, lo, hi, False, q.surface),
                                    None, None, None)))
        return doc, out


SETS = {"news": eval_news, "news2": eval_news2, "measeval": eval_measeval}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--limit", type=int, default=None, help="first N documents of each set")
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument("--misses", type=int, default=0, help="print K misses per category")
    ap.add_argument("--only", default="", help="print misses only of categories containing this string")
    ap.add_argument("--engine", default="factcheck", choices=("factcheck", "quantulum3"),
                    help="whose quantities to score (quantulum3 must be installed; dates are factcheck's only)")
    args = ap.parse_args()
    ex = Extractor() if args.engine == "factcheck" else Quantulum()
    results, misses = {}, []
    for name in args.sets.split(","):
        t0 = time.perf_counter()
        results[name] = SETS[name](ex, args.limit, misses)
        results[name]["seconds"] = round(time.perf_counter() - t0, 1)
        shown = {k: v for k, v in results[name].items() if k != "by_unit"}
        print(name, json.dumps(shown, indent=1))
    if args.misses:
        print(dict(print_misses(misses, args.misses, args.only)))
    write_json(args.json, results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

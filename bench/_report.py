"""Printing and saving of benchmark figures, shared by the bench/*_eval.py scripts."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path


def print_misses(misses: list[tuple], per_category: int, only: str = "") -> Counter:
    """Up to ``per_category`` misses of each category (a miss is a tuple whose first item names it)."""
    by: Counter = Counter()
    for m in misses:
        key = m[0]
        if only and only not in key:
            continue
        if by[key] < per_category:
            print(" | ".join(map(str, m)))
        by[key] += 1
    return by


def write_json(path: Path | None, results: dict, indent: int = 1) -> None:
    """The figures as sorted JSON (stable across runs), when a path is given."""
    if path is None:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=indent, sort_keys=True) + "\n", encoding="utf-8")

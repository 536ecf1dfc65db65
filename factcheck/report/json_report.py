"""The findings JSON: deterministic bytes (sorted keys, no timestamps)."""

from __future__ import annotations

import json


def dumps_report(report: dict) -> str:
    return json.dumps(report, sort_keys=True, indent=2, ensure_ascii=False) + "\n"

"""One pint UnitRegistry for the whole program, with the units papers need.

Currencies are separate dimensions (no exchange rates: 1 USD is never
"converted" to tenge), "count" is dimensionless. Checks compare values only
after converting both to the same unit, so "1,782 km" and "1,107 miles" are
comparable and "$5 billion" vs "5 billion tenge" are not.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

import pint
from ruamel.yaml import YAML


@functools.cache
def unit_table() -> dict:
    text = resources.files("factcheck.data").joinpath("units.yaml").read_text(encoding="utf-8")
    return YAML(typ="safe").load(text)


@functools.cache
def registry() -> pint.UnitRegistry:
    """The single registry (pint registries must not be mixed)."""
    ureg = pint.UnitRegistry(cache_folder=None)
    for line in unit_table()["definitions"]:
        ureg.define(line.strip())
    return ureg


_SUPER = str.maketrans({"²": "**2", "³": "**3", "−": "-", "‑": "-", "·": "*", "⋅": "*", "µ": "µ"})


@functools.lru_cache(maxsize=20_000)
def symbol_unit(token: str) -> str | None:
    """The pint unit a symbol after a number names ("kg", "µm", "mmol/L", "W m−2", "km²"), or None.

    pint knows thousands of units and prefixes, which beats a hand-written table for science
    text; words that pint would also read as units but that in running text are something else
    ("5 in", "the 5 are", "5K") are refused (``not_symbol_units`` in units.yaml).
    """
    tok = token.strip()
    t = unit_table()
    if not tok or tok in t["not_symbol_units"] or tok.lower() in t["not_symbol_units"]:
        return None
    if len(tok) == 1 and tok not in t["single_letter_units"]:
        return None
    word = t["measures"].get(tok) if tok.islower() and 2 <= len(tok) <= 4 else None
    if word in ("count", "times", "ordinal", "score_point", "magnitude"):
        word = None
    # an abbreviation our table knows and pint does not ("27,000lbs"): the table's unit
    if tok[:1].isalpha() and tok.isalpha() and len(tok) > 4 and tok.lower() == tok:
        return None  # a lower-case word ("people", "cases"): word units are listed in the table
    if re.search(r"[²³]{2}|\d[²³]|[²³]\d|(?:\*\*|\^).*(?:\*\*|\^)", tok):
        return None  # "m²²": one power at most, never a tower of them
    if tok.isalpha() and len(tok) >= 3 and (tok.isupper() or tok.istitle()) and tok not in t["caps_symbol_units"]:
        return None  # "MS patients", "EV models", "Min": acronyms and words, not prefixed units
    expr = tok.translate(_SUPER)
    expr = re.sub(r"(?<=[A-Za-zµμ])(-?\d)\b", r"**\1", expr)  # "m-2", "s-1", "m2" -> powers
    expr = re.sub(r"\^", "**", expr)
    expr = re.sub(r"\s+", "*", expr.strip())
    try:
        unit = registry().parse_units(expr)
    except Exception:  # noqa: BLE001 - pint raises many kinds (undefined, syntax, tokenizer)
        return word
    try:
        name = str(unit)
    except Exception:  # noqa: BLE001
        return None
    if tok.isalpha() and tok.islower() and tok not in t["symbol_aliases"]:
        # a lower-case word must be the unit's own symbol ("kg", "kcal", "mph"): pint would also read
        # "cats" as centi-technical-atmospheres (its plural rule strips the "s")
        try:
            if len(unit._units) != 1 or registry().get_symbol(str(unit)).replace("µ", "μ") != tok.replace("µ", "μ"):
                return word
        except Exception:  # noqa: BLE001
            return word
    if unit.dimensionless and str(unit) not in ("ppm", "parts_per_billion", "percent"):
        return None
    if "currency" in str(unit.dimensionality) or str(unit) in ("count", "times", "ordinal", "score_point", "magnitude"):
        return None  # money and our own pseudo-units are read by their own patterns
    return str(unit)


@functools.lru_cache(maxsize=4096)  # the engine asks about the same few units for every candidate pair
def comparable(u1: str, u2: str) -> bool:
    """Can values in these units be compared (same dimension, same kind)?"""
    if u1 == u2:
        return True
    special = {"count", "times", "ordinal", "percent"}
    if u1 in special or u2 in special:
        return False
    try:
        ureg = registry()
        return ureg.Unit(u1).dimensionality == ureg.Unit(u2).dimensionality
    except Exception:  # noqa: BLE001 - pint's parser raises many kinds (undefined, syntax, TypeError)
        return False


@functools.lru_cache(maxsize=4096)
def dimension(unit: str) -> str | None:
    """The pint dimensionality of a unit ("[length]"), None for a unit the registry does not know."""
    try:
        return str(registry().Unit(unit).dimensionality)
    except Exception:  # noqa: BLE001 - pint's parser raises many kinds (undefined, syntax, TypeError)
        return None


def convert(x: float, src: str, dst: str) -> float:
    """Convert a magnitude between comparable units."""
    if src == dst or x is None:
        return x
    ureg = registry()
    return float(ureg.Quantity(x, src).to(dst).magnitude)

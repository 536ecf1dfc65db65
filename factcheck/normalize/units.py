"""One pint UnitRegistry for the whole program, with the units papers need.

Currencies are separate dimensions (no exchange rates: 1 USD is never
"converted" to tenge), "count" is dimensionless. Checks compare values only
after converting both to the same unit, so "1,782 km" and "1,107 miles" are
comparable and "$5 billion" vs "5 billion tenge" are not.
"""

from __future__ import annotations

import functools
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
    except (pint.errors.UndefinedUnitError, pint.errors.DefinitionSyntaxError, ValueError, AttributeError):
        return False


def dimension(unit: str) -> str | None:
    """The pint dimensionality of a unit ("[length]"), None for a unit the registry does not know."""
    try:
        return str(registry().Unit(unit).dimensionality)
    except (pint.errors.UndefinedUnitError, pint.errors.DefinitionSyntaxError, ValueError, AttributeError):
        return None


def convert(x: float, src: str, dst: str) -> float:
    """Convert a magnitude between comparable units."""
    if src == dst or x is None:
        return x
    ureg = registry()
    return float(ureg.Quantity(x, src).to(dst).magnitude)

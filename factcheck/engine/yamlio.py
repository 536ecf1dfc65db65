"""Safe YAML loading with file:line:column errors.

ruamel.yaml's round-trip loader builds only plain mappings, sequences and
scalars (no object construction) and remembers where each node came from,
so validation errors can point at the line to fix.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from factcheck.errors import FactcheckError


class _Constructor(RoundTripConstructor):
    """Round-trip constructor that keeps timestamps as strings.

    An impossible date such as ``2027-13-01`` would otherwise raise a bare
    ValueError with no position; as a string it reaches validation, which
    reports it with file:line:column.
    """


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", RoundTripConstructor.construct_yaml_str)


def load_yaml(path: Path, code: str = "E201") -> Any:
    """Load one YAML file; syntax errors become a coded error with file:line:col."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise FactcheckError(code, f"not UTF-8 (byte {exc.start})", str(path), hint="save the file as UTF-8") from None
    except OSError as exc:
        raise FactcheckError(code, f"cannot read: {exc.strerror}", str(path)) from None
    yaml = YAML(typ="rt", pure=True)
    yaml.Constructor = _Constructor
    yaml.allow_duplicate_keys = False
    try:
        return yaml.load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        col = mark.column + 1 if mark else None
        problem = (exc.problem or exc.context or "syntax error").strip()
        raise FactcheckError(code, f"YAML syntax error: {problem}", str(path), line, col,
                             hint="fix the YAML syntax at that position") from None
    except (YAMLError, ValueError) as exc:
        raise FactcheckError(code, f"YAML error: {exc}", str(path)) from None


def position(node: Any, key: Any = None) -> tuple[int | None, int | None]:
    """1-based (line, column) of a mapping key or sequence item, when known."""
    lc = getattr(node, "lc", None)
    if lc is None:
        return None, None
    try:
        if key is None:
            return lc.line + 1, lc.col + 1
        line, col = lc.key(key) if isinstance(key, str) else lc.item(key)
        return line + 1, col + 1
    except (KeyError, IndexError, TypeError, AttributeError):
        return lc.line + 1, lc.col + 1

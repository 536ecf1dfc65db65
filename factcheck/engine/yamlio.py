"""Safe YAML loading with file:line:column errors.

ruamel.yaml's round-trip loader builds only plain mappings, sequences and
scalars (no object construction) and remembers where each node came from,
so validation errors can point at the line to fix.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.reader import ReaderError

from factcheck.errors import FactcheckError


class _Constructor(RoundTripConstructor):
    """Round-trip constructor that keeps timestamps as strings.

    An impossible date such as ``2027-13-01`` would otherwise raise a bare
    ValueError with no position; as a string it reaches validation, which
    reports it with file:line:column.
    """


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", RoundTripConstructor.construct_yaml_str)


def _line_col(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def load_yaml(path: Path, code: str = "E201") -> Any:
    """Load one YAML file safely; every failure is one coded error with file:line:col.

    Plain mappings, sequences and scalars only: any explicit tag
    (``!!python/object``, ``!custom``) is refused, and so is nesting deeper
    than a rule file could need.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FactcheckError(code, f"cannot read: {exc.strerror}", str(path)) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise FactcheckError(code, f"not UTF-8 (byte 0x{data[exc.start]:02x})", str(path), line, col,
                             hint="save the file as UTF-8") from None
    yaml = YAML(typ="rt", pure=True)
    yaml.Constructor = _Constructor
    yaml.allow_duplicate_keys = False
    try:
        _scan_first(yaml, text, path, code)
        loaded = yaml.load(text)
    except FactcheckError:
        raise
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        col = mark.column + 1 if mark else None
        problem = (exc.problem or exc.context or "syntax error").strip()
        raise FactcheckError(code, f"YAML syntax error: {problem}", str(path), line, col,
                             hint="fix the YAML syntax at that position") from None
    except ReaderError as exc:  # a control character or other unreadable character
        line, col = _line_col(text, exc.position)
        raise FactcheckError(code, f"character {exc.character!r} is not allowed in YAML", str(path), line, col,
                             hint="remove the control character") from None
    except RecursionError:
        raise FactcheckError(code, "YAML nested too deeply", str(path), hint="flatten the file") from None
    except (YAMLError, ValueError) as exc:
        line = col = None
        long_int = re.search(r"\d{4000,}", text) if "digits" in str(exc) else None
        if long_int:  # Python's int-size guard: point at the number
            line, col = _line_col(text, long_int.start())
        raise FactcheckError(code, f"YAML error: {str(exc).splitlines()[0]}", str(path), line, col) from None
    except Exception as exc:  # noqa: BLE001 - ruamel raises plain errors on odd tags and keys
        raise FactcheckError(code, f"YAML the loader cannot read ({type(exc).__name__}): {str(exc).splitlines()[0] if str(exc) else ''}",
                             str(path), hint="use plain mappings, lists and scalars") from None
    _refuse_tags(loaded, path, code)
    return loaded


_MAX_DEPTH = 40


def _scan_first(yaml: YAML, text: str, path: Path, code: str) -> None:
    """Refuse tags, complex keys and deep nesting from the token stream, with positions.

    Done before anything is constructed, so odd input never reaches the
    constructor (which can fail without a position).
    """
    from ruamel.yaml import tokens as T

    depth = 0
    for tok in yaml.scan(text):
        mark = tok.start_mark
        if isinstance(tok, T.TagToken):
            raise FactcheckError(code, f"YAML tag {tok.value[0] or ''}{tok.value[1] or ''} is not allowed", str(path),
                                 mark.line + 1, mark.column + 1, hint="rule files hold plain data; remove the tag")
        if isinstance(tok, T.KeyToken) and text[mark.index:mark.index + 1] == "?":
            raise FactcheckError(code, "complex mapping keys ('? ...') are not allowed", str(path),
                                 mark.line + 1, mark.column + 1, hint="use plain text keys")
        if isinstance(tok, (T.BlockMappingStartToken, T.BlockSequenceStartToken, T.FlowMappingStartToken,
                            T.FlowSequenceStartToken)):
            depth += 1
            if depth > _MAX_DEPTH:
                raise FactcheckError(code, "YAML nested too deeply", str(path), mark.line + 1, mark.column + 1,
                                     hint="flatten the file")
        elif isinstance(tok, (T.BlockEndToken, T.FlowMappingEndToken, T.FlowSequenceEndToken)):
            depth -= 1


def _refuse_tags(node: Any, path: Path, code: str, depth: int = 0) -> None:
    """Only plain data: an explicit tag anywhere is an error at its position."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq, TaggedScalar

    if depth > _MAX_DEPTH:
        raise FactcheckError(code, "YAML nested too deeply", str(path), hint="flatten the file")
    tag = getattr(getattr(node, "tag", None), "value", None)
    if isinstance(node, TaggedScalar) or (isinstance(node, (CommentedMap, CommentedSeq)) and tag):
        line, col = position(node)
        raise FactcheckError(code, f"YAML tag {tag or getattr(node, 'tag', '')!s} is not allowed", str(path), line, col,
                             hint="rule files hold plain data; remove the tag") from None
    if isinstance(node, dict):
        for k, v in node.items():
            if isinstance(v, TaggedScalar) or getattr(getattr(v, "tag", None), "value", None):
                line, col = position(node, k)
                raise FactcheckError(code, f"YAML tag {getattr(v.tag, 'value', '')} is not allowed", str(path), line, col,
                                     hint="rule files hold plain data; remove the tag")
            _refuse_tags(v, path, code, depth + 1)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            if isinstance(v, TaggedScalar):
                line, col = position(node, i)
                raise FactcheckError(code, "YAML tag is not allowed", str(path), line, col,
                                     hint="rule files hold plain data; remove the tag")
            _refuse_tags(v, path, code, depth + 1)


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

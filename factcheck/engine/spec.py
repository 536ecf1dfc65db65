"""Rule files: the built-in rules (factcheck/rules/*.yaml) and a project's, validated, errors at file:line:col.

A rule is data::

    - code: FC101              # stable, never reused
      name: value-conflict     # kebab-case
      kind: value-conflict     # a registered check kind
      severity: error          # error | warning | info
      message: "{property}: {a} vs {b}"   # fields the kind provides
      description: ...
      params: {tolerance: 0.02}           # validated by the kind's Params
      examples:
        fail: [{docs: {a.txt: "...", b.txt: "..."}}]
        pass: ["one document's text"]
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from factcheck.engine.yamlio import load_yaml, position
from factcheck.errors import FactcheckError


class RuleSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    code: str = Field(pattern=r"^[A-Z]{2,4}\d{3}$")
    name: str = Field(pattern=r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
    kind: str
    severity: Literal["error", "warning", "info"]
    message: str
    description: str
    help: str = ""
    params: dict[str, Any] = {}
    aliases: list[str] = []
    enabled: bool = True
    examples: dict[Literal["pass", "fail"], list[Any]] = {}


@dataclass(slots=True)
class Rule:
    code: str
    name: str
    kind: str
    severity: str
    message: str
    description: str
    help: str
    params: Any
    check: Any
    aliases: tuple[str, ...] = ()
    examples: dict = field(default_factory=dict)
    path: str = ""
    line: int | None = None
    origin: str = "built-in"  # built-in | project | project (overrides built-in)

    def to_dict(self) -> dict:
        return {"code": self.code, "name": self.name, "kind": self.kind, "severity": self.severity,
                "description": self.description, "help": self.help}


def _err(code, msg, path, node, key=None, hint=None):
    line, col = position(node, key)
    return FactcheckError(code, msg, str(path), line, col, hint)


def template_fields(template: str) -> set[str]:
    """Field names used by a message template (raises ValueError).

    Only plain ``{name}`` fields: no positional fields, attribute or index
    access, conversions or format specs, which could fail (or leak) when a
    finding is rendered.
    """
    names = set()
    for _lit, fname, spec, conv in string.Formatter().parse(template):
        if fname is None:
            continue
        if fname == "" or fname.isdigit():
            raise ValueError("positional fields like {} or {0} are not allowed; use names")
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", fname) or spec or conv:
            raise ValueError(f"only plain {{name}} fields are allowed, not {{{fname}{'!' + conv if conv else ''}{':' + spec if spec else ''}}}")
        names.add(fname)
    return names


BUILTIN_RULES = Path(__file__).resolve().parents[1] / "rules"


def load_rules(rule_dir: Path | str | None = None, registry: dict[str, type] | None = None,
               builtin: bool = True) -> list[Rule]:
    """The rule set: the built-in rules, then the project's rules in rule_dir/*.yaml.

    A project rule with a new code adds a rule. A project rule with a built-in's code
    overrides that rule: the keys it gives replace the built-in's (``params`` key by
    key), so ``{code: FC101, severity: warning}`` lowers one rule and
    ``{code: FC101, enabled: false}`` switches it off. ``builtin=False`` loads rule_dir
    alone. aliases.yaml is not a rule file.
    """
    from factcheck.checks import registry as get_registry

    registry = registry if registry is not None else get_registry()
    layers: list[tuple[Path, str]] = [(BUILTIN_RULES, "built-in")] if builtin else []
    if rule_dir is not None:
        rule_dir = Path(rule_dir)
        if not rule_dir.is_dir():
            raise FactcheckError("E200", "rules directory not found", str(rule_dir), hint="pass --rules DIR")
        if not builtin or rule_dir.resolve() != BUILTIN_RULES:
            layers.append((rule_dir, "project"))
    merged: dict[str, tuple[dict, Any, Path, str, int]] = {}  # code -> (values, node for positions, file, origin, index)
    for layer, origin in layers:
        seen: dict[str, str] = {}
        for path, i, node in _rule_nodes(layer):
            code = node.get("code")
            if isinstance(code, str) and code in seen:
                raise _err("E204", f"duplicate rule code {code} (also in {seen[code]})", path, node, "code",
                           hint="codes are unique and never reused")
            if isinstance(code, str):
                seen[code] = str(path)
            if isinstance(code, str) and code in merged and merged[code][3] == "built-in":
                base = merged[code][0]
                values = {**base, **dict(node)}
                if isinstance(base.get("params"), dict) and isinstance(node.get("params"), dict):
                    values["params"] = {**base["params"], **dict(node["params"])}
                merged[code] = (values, node, path, "project (overrides built-in)", i)
            else:
                merged[str(code) if isinstance(code, str) else f"#{path}:{i}"] = (dict(node), node, path, origin, i)
    rules = [r for r in (_rule(*entry, registry) for entry in merged.values()) if r is not None]
    rules.sort(key=lambda r: r.code)
    return rules


def _rule_nodes(rule_dir: Path):
    """(file, index, node) of every rule mapping in rule_dir/*.yaml, the file's shape checked."""
    for path in sorted(rule_dir.glob("*.yaml")) + sorted(rule_dir.glob("*.yml")):
        if path.name in ("aliases.yaml", "aliases.yml"):
            continue
        data = load_yaml(path)
        if data is None:
            continue
        if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
            raise _err("E202", "a rule file needs a top-level 'rules:' list", path, data,
                       hint="see `factcheck rules --explain FC101` for a rule's keys")
        unknown = set(data) - {"rules"}
        if unknown:
            k = sorted(unknown)[0]
            raise _err("E203", f"unknown top-level key '{k}'", path, data, k, hint="only 'rules' is allowed")
        for i, node in enumerate(data["rules"]):
            if not isinstance(node, dict):
                raise _err("E202", "each rule must be a mapping", path, data["rules"], i)
            unknown_keys = [k for k in node if k not in RuleSpec.model_fields]
            if unknown_keys:
                import difflib

                k = unknown_keys[0]
                close = difflib.get_close_matches(str(k), list(RuleSpec.model_fields), n=1)
                raise _err("E203", f"rule #{i + 1}: {k}: unknown key" + (f" (did you mean '{close[0]}'?)" if close else ""),
                           path, node, k, hint="allowed keys: " + ", ".join(RuleSpec.model_fields))
            yield path, i, node


def _rule(values: dict, node, path: Path, origin: str, index: int, registry: dict[str, type]) -> Rule | None:
    """One validated rule (None when it is disabled); errors point at node in path."""
    try:
        spec = RuleSpec.model_validate(values)
    except ValidationError as exc:
        e = exc.errors()[0]
        key = e["loc"][0] if e["loc"] else None
        what = "unknown key" if e["type"] == "extra_forbidden" else e["msg"]
        raise _err("E203", f"rule #{index + 1}: {key}: {what}", path, node, key,
                   hint="allowed keys: " + ", ".join(RuleSpec.model_fields)) from None
    if spec.kind not in registry:
        raise _err("E205", f"unknown check kind '{spec.kind}'", path, node, "kind",
                   hint="known kinds: " + ", ".join(sorted(registry)))
    kind_cls = registry[spec.kind]
    try:
        params = kind_cls.Params.model_validate(dict(spec.params))
    except ValidationError as exc:
        e = exc.errors()[0]
        key = e["loc"][0] if e["loc"] else None
        what = "unknown parameter" if e["type"] == "extra_forbidden" else e["msg"]
        raise _err("E206", f"{spec.code} params.{key}: {what}", path, node.get("params", node), key,
                   hint="parameters of " + spec.kind + ": " + ", ".join(kind_cls.Params.model_fields)) from None
    try:
        used = template_fields(spec.message)
    except ValueError as exc:
        raise _err("E207", f"{spec.code} message template: {exc}", path, node, "message") from None
    bad = used - set(kind_cls.fields)
    if bad:
        raise _err("E207", f"{spec.code} message uses unknown field(s) {', '.join(sorted(bad))}", path, node,
                   "message", hint="fields of " + spec.kind + ": " + ", ".join(sorted(kind_cls.fields)))
    if not spec.enabled:
        return None
    line, _ = position(node)
    return Rule(spec.code, spec.name, spec.kind, spec.severity, spec.message, spec.description,
                spec.help, params, kind_cls(), tuple(spec.aliases),
                {k: list(v) for k, v in spec.examples.items()}, str(path), line, origin)

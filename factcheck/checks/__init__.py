"""Check kinds: one module per kind, registered by name.

A rule file picks a kind (``kind: value-conflict``) and fills in its
parameters; all behaviour lives in the kind's module. A kind is a class
with:

- ``name``: the kind name used in rule files;
- ``finding_kind``: conflict | series | event | arithmetic | temporal | citation;
- ``Params``: a pydantic model (``extra="forbid"``) of its parameters;
- ``fields``: the names its message templates may use;
- ``run(ctx, rule) -> Iterable[Draft]``.

Third-party kinds register through the ``factcheck.checks`` entry-point
group (``name = "package.module:ClassName"``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from typing import Any, ClassVar, Iterable, Protocol

from pydantic import BaseModel, ConfigDict

from factcheck.model import Evidence


class Params(BaseModel):
    """Base for check parameters: unknown keys are rejected."""

    model_config = ConfigDict(extra="forbid")
    min_confidence: float = 0.5


@dataclass(slots=True)
class Draft:
    """A finding before rendering: template fields plus evidence."""

    fields: dict[str, Any]
    evidence: list[Evidence]
    claims: list[str] = field(default_factory=list)
    arithmetic: str | None = None
    resolution: str | None = None
    support: dict | None = None
    severity: str | None = None  # overrides the rule's severity (e.g. lowered for close dates)
    cluster_key: tuple | None = None
    match: dict | None = None  # why the claims were judged to be about the same thing (linkage levels)


class CheckKind(Protocol):
    name: ClassVar[str]
    finding_kind: ClassVar[str]
    Params: ClassVar[type[Params]]
    fields: ClassVar[frozenset[str]]

    def run(self, ctx, rule) -> Iterable[Draft]: ...


_REGISTRY: dict[str, type] = {}


def register(cls):
    """Class decorator: make a check kind available to rule files."""
    _REGISTRY[cls.name] = cls
    return cls


@functools.cache
def registry() -> dict[str, type]:
    """All kinds: built-in modules plus entry points (loaded once)."""
    from factcheck.checks import arithmetic, citations, conflict, events, temporal  # noqa: F401

    for ep in entry_points(group="factcheck.checks"):
        try:
            cls = ep.load()
        except Exception as exc:  # a broken plugin must not break the run
            from factcheck.errors import FactcheckError

            raise FactcheckError("E230", f"check plugin '{ep.name}' failed to load: {exc}",
                                 hint="fix or uninstall the plugin package") from None
        _REGISTRY.setdefault(getattr(cls, "name", ep.name), cls)
    return dict(_REGISTRY)

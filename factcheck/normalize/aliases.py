"""Entity and property aliases (built-in, then a project's aliases.yaml files), plus learned acronyms.

``AliasTable.lookup("Leningrad") == "saint_petersburg"``; ``broadest("saint_petersburg") ==
"russia"`` (following ``part_of``); ``property_of("trading volumes")
== "trade"``. Acronyms a document defines ("Robotics Institutes (RIs)")
are learned per document with :func:`learn_acronyms`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from factcheck.errors import FactcheckError


class EntitySpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    type: Literal["place", "organization", "kind", "person", "event", "other"] = "other"
    variants: list[str]
    demonyms: list[str] = []
    part_of: str | None = None


class AliasFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    entities: dict[str, EntitySpec] = {}
    properties: dict[str, list[str]] = {}


def _norm(text: str) -> str:
    text = text.replace("’", "'").replace("-", " ").replace("\u00ad", "")
    return re.sub(r"\s+", " ", text.strip()).lower()


@dataclass(slots=True)
class AliasTable:
    entities: dict[str, EntitySpec] = field(default_factory=dict)
    by_name: dict[str, str] = field(default_factory=dict)  # normalized variant -> id
    by_acronym: dict[str, str] = field(default_factory=dict)  # case-sensitive short forms
    demonyms: dict[str, str] = field(default_factory=dict)
    properties: dict[str, str] = field(default_factory=dict)
    source: str = ""

    @classmethod
    def empty(cls) -> "AliasTable":
        return cls()

    @classmethod
    def from_data(cls, data: dict, source: str = "", check: bool = True) -> "AliasTable":
        """A table from one alias mapping; ``check`` validates part_of (off while merging files)."""
        spec = AliasFile.model_validate(data or {})
        table = cls(source=source)
        for eid, ent in sorted(spec.entities.items()):
            table.add_entity(eid, ent)
        for pid, names in sorted(spec.properties.items()):
            for n in names:
                table.properties.setdefault(_norm(n), pid)
        if check:
            table.check_part_of({})
        return table

    def check_part_of(self, positions: dict[str, tuple[str, int | None, int | None]]) -> None:
        """Every part_of names a known entity (checked after all files are merged)."""
        for eid, ent in sorted(self.entities.items()):
            if ent.part_of and ent.part_of not in self.entities:
                path, line, col = positions.get(eid, (self.source, None, None))
                raise FactcheckError("E212", f"entity '{eid}' is part_of unknown entity '{ent.part_of}'", path, line, col,
                                     hint="add that entity or fix the id")

    def add_entity(self, eid: str, ent: EntitySpec) -> None:
        self.entities[eid] = ent
        for v in ent.variants:
            if len(v) <= 5 and v.replace(".", "").isupper():
                self.by_acronym.setdefault(v, eid)
            else:
                self.by_name.setdefault(_norm(v), eid)
        for d in ent.demonyms:
            self.demonyms.setdefault(_norm(d), eid)

    def merge(self, other: "AliasTable") -> None:
        """Add a later file's table: a known id gains the later file's variants and demonyms,
        and its type and part_of when the later file gives them (a project extends the built-ins)."""
        for eid, ent in other.entities.items():
            if eid in self.entities:
                old = self.entities[eid]
                given = ent.model_fields_set
                ent = EntitySpec(type=ent.type if "type" in given else old.type,
                                 variants=list(dict.fromkeys(old.variants + ent.variants)),
                                 demonyms=list(dict.fromkeys(old.demonyms + ent.demonyms)),
                                 part_of=ent.part_of if "part_of" in given else old.part_of)
            self.add_entity(eid, ent)
        for k, v in other.properties.items():
            self.properties.setdefault(k, v)

    def lookup(self, text: str, demonyms: bool = False) -> str | None:
        """Canonical id of a name (or of a demonym when asked), else None."""
        if text in self.by_acronym:
            return self.by_acronym[text]
        n = _norm(text)
        if n in self.by_name:
            return self.by_name[n]
        if n.startswith("the ") and n[4:] in self.by_name:
            return self.by_name[n[4:]]
        if demonyms and n in self.demonyms:
            return self.demonyms[n]
        return None

    def type_of(self, eid: str | None) -> str | None:
        ent = self.entities.get(eid or "")
        return ent.type if ent else None

    def broadest(self, eid: str) -> str:
        seen = set()
        while eid in self.entities and self.entities[eid].part_of and eid not in seen:
            seen.add(eid)
            eid = self.entities[eid].part_of
        return eid

    def property_of(self, phrase: str) -> str | None:
        n = _norm(phrase)
        if n in self.properties:
            return self.properties[n]
        words = n.split()
        # the longest known tail ("the trade turnover indicator" -> "trade turnover indicator")
        for i in range(len(words)):
            tail = " ".join(words[i:])
            if tail in self.properties:
                return self.properties[tail]
        return None

    def patterns(self) -> list[tuple[str, str]]:
        """(id, surface) pairs for a spaCy PhraseMatcher."""
        out = []
        for eid, ent in sorted(self.entities.items()):
            for v in ent.variants:
                out.append((eid, v))
        return out


def load_aliases(paths: list[Path]) -> AliasTable:
    """Load and merge alias files; errors carry file:line."""
    from factcheck.engine.yamlio import load_yaml, position

    table = AliasTable()
    positions: dict[str, tuple[str, int | None, int | None]] = {}
    for path in paths:
        if not path.is_file():
            continue
        data = load_yaml(path, code="E210")
        ents = data.get("entities") if isinstance(data, dict) else None
        if isinstance(ents, dict):
            for eid, node in ents.items():
                line, col = position(node, "part_of") if isinstance(node, dict) and "part_of" in node else position(ents, eid)
                positions[str(eid)] = (str(path), line, col)
        try:
            part = AliasTable.from_data(data, str(path), check=False)
        except ValidationError as exc:
            err = exc.errors()[0]
            node = data
            for key in err["loc"][:-1]:
                try:
                    node = node[key]
                except (KeyError, IndexError, TypeError):
                    break
            line, col = position(node, err["loc"][-1] if err["loc"] else None)
            loc = ".".join(str(x) for x in err["loc"])
            raise FactcheckError("E211", f"{loc}: {err['msg']}", str(path), line, col,
                                 hint="see the comment at the top of aliases.yaml for the format") from None
        table.merge(part)
    table.check_part_of(positions)
    return table


_ACRONYM_DEF = re.compile(
    r"\b((?:[A-Z][\w'’-]*\s+(?:(?:of|and|for|the|on|in|de|du|des)\s+)*){1,6}?[A-Z][\w'’-]*)\s+\(([A-Z][A-Za-z]{1,6})\)")


def learn_acronyms(text: str, table: AliasTable) -> dict[str, str]:
    """Acronyms a document defines, mapped to entity ids (known or new).

    "Robotics Institutes (RIs)" -> {"RIs": id, "RI": id}. A long form that
    is not in the alias table becomes a document-local entity named after it.
    """
    out: dict[str, str] = {}
    for m in _ACRONYM_DEF.finditer(text):
        long_form, short = m.group(1), m.group(2)
        words = long_form.split()
        initials = "".join(w[0] for w in words if w[0].isupper())
        core = short[:-1] if short.endswith("s") and len(short) > 2 else short
        # the acronym must be the initials of the last words of the long form
        if not initials.endswith(core.upper()):
            continue
        # keep the last len(core) capitalized words and the small words between them
        caps_seen = 0
        start = len(words)
        for i in range(len(words) - 1, -1, -1):
            if words[i][0].isupper():
                caps_seen += 1
                start = i
                if caps_seen == len(core):
                    break
        long_form = " ".join(words[start:])
        eid = table.lookup(long_form) or "local:" + _norm(long_form).replace(" ", "_")
        out[short] = eid
        out[core] = eid
        out[core + "s"] = eid
    return out

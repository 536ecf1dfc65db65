"""The spaCy pipeline: model loading and factcheck's registered components.

Components (usable in anyone's pipeline via ``nlp.add_pipe``):

- ``factcheck_entities``: links alias-table names (PhraseMatcher) and the
  model's GPE/ORG/LOC entities to canonical ids in ``doc.spans["fc_entities"]``
  (span label = canonical id).
- ``factcheck_mentions``: numeric and dated mentions (the rule cascade of
  :mod:`factcheck.extract.mentions`) in ``doc.spans["fc_mentions"]``.
"""

from __future__ import annotations

import functools
import importlib.util

from factcheck.errors import FactcheckError


def _installed(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def model_candidates(preferred: str | None) -> list[str]:
    from factcheck.config import DEFAULT_MODELS

    return [preferred] if preferred else list(DEFAULT_MODELS)


@functools.cache
def load_nlp(model: str | None = None, aliases_key: str = ""):
    """Load the first available model and add factcheck's components.

    Raises a coded error (never a traceback) when no model is installed.
    """
    import spacy

    tried = model_candidates(model)
    for name in tried:
        if _installed(name) or "/" in name:
            try:
                nlp = spacy.load(name, exclude=["textcat"])
            except (OSError, ImportError, ValueError) as exc:
                raise FactcheckError("E502", f"spaCy model '{name}' is installed but failed to load: {exc}",
                                     hint="reinstall it: pip install -e '.[model]'") from None
            nlp.meta["factcheck_model"] = name
            return nlp
    raise FactcheckError(
        "E501",
        f"no spaCy English model found (tried: {', '.join(tried)})",
        hint="install one with: pip install -e '.[model]'  (or set [tool.factcheck] model = \"...\" / --model)",
    )


class EntityLinker:
    """Canonical entity ids for alias names and the model's entities (``doc.spans["fc_entities"]``)."""

    def __init__(self, nlp, table):
        from spacy.matcher import PhraseMatcher

        self.table = table
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        by_id: dict[str, list] = {}
        for eid, surface in table.patterns():
            if len(surface) <= 5 and surface.replace(".", "").isupper():
                continue  # acronyms are matched case-sensitively below
            by_id.setdefault(eid, []).append(nlp.make_doc(surface))
        for eid, docs in by_id.items():
            self.matcher.add(eid, docs)

    def __call__(self, doc):
        from spacy.tokens import Span

        spans = []
        for match_id, start, end in self.matcher(doc):
            spans.append(Span(doc, start, end, label=doc.vocab.strings[match_id]))
        for tok in doc:
            eid = self.table.by_acronym.get(tok.text) or self.table.demonyms.get(tok.lower_)
            if eid:
                spans.append(Span(doc, tok.i, tok.i + 1, label=eid))
        for ent in doc.ents:
            if ent.label_ in ("GPE", "LOC", "ORG", "NORP"):
                eid = self.table.lookup(ent.text, demonyms=True)
                if eid is None and ent.label_ in ("GPE", "LOC"):
                    eid = "gpe:" + ent.text.lower()
                if eid:
                    spans.append(Span(doc, ent.start, ent.end, label=eid))
        # longest first, no overlaps
        spans.sort(key=lambda s: (-(s.end - s.start), s.start))
        taken: set[int] = set()
        kept = []
        for s in spans:
            if not taken.intersection(range(s.start, s.end)):
                kept.append(s)
                taken.update(range(s.start, s.end))
        doc.spans["fc_entities"] = sorted(kept, key=lambda s: s.start)
        return doc


def make_entities(nlp, name: str, aliases_path: str | None):
    """spaCy factory of ``factcheck_entities`` (config: aliases_path, alias files joined by os.pathsep)."""
    import os
    from pathlib import Path

    from factcheck.normalize.aliases import AliasTable, load_aliases

    table = load_aliases([Path(p) for p in aliases_path.split(os.pathsep) if p]) if aliases_path else AliasTable.empty()
    return EntityLinker(nlp, table)


def mentions_component(doc):
    """spaCy component ``factcheck_mentions``: numeric/dated mentions in ``doc.spans["fc_mentions"]``."""
    from factcheck.extract.mentions import find_mentions

    spans = []
    for m in find_mentions(doc.text):
        span = doc.char_span(m.start, m.end, label=m.kind, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.spans["fc_mentions"] = spans
    return doc


def _register() -> None:
    from spacy.language import Language

    if not Language.has_factory("factcheck_entities"):
        Language.factory("factcheck_entities", default_config={"aliases_path": None}, func=make_entities)
    if not Language.has_factory("factcheck_mentions"):
        Language.component("factcheck_mentions", func=mentions_component)


_register()

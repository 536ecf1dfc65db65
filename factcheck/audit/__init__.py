"""Audit a manuscript against the sources it cites.

Flow, one way as in ``check``: the manuscript and the sources are read and
their claims extracted (with the cache); the manuscript's citations are
linked to its reference list and each cited work to a source document
(:mod:`factcheck.audit.works`); every numeric or dated claim of a citing
sentence is then looked for in the cited sources with the same linker that
pairs claims in ``check`` (:class:`factcheck.engine.linkage.Linker`), and
gets one status:

``supported``       a cited source states a compatible value for the same quantity
``contradicted``    a cited source states a different value for it, and none a compatible one
``not_found``       no cited source states that quantity
``source_missing``  no cited work is among the sources
``uncited``         the sentence cites nothing

The sources are also checked as a corpus (the built-in and project rules), so
an item whose source figure is disputed by another document says so, and a
figure a cited source supports while another document states otherwise is
marked ``disputed``. The result is a plain dict (docs/audit-json.md); the
formatters only ever see it.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Callable

from factcheck import __version__
from factcheck.errors import FactcheckError

SCHEMA = "factcheck.audit/1"
STATUSES = ("supported", "contradicted", "not_found", "source_missing", "uncited")


def audit(manuscript: str | Path, sources: str | Path | None = None, rules_dir: str | Path | None = None,
          settings=None, cache_dir: str | Path | None = None, progress: Callable[[str], None] | None = None,
          jobs: int | None = 1) -> dict:
    """Audit MANUSCRIPT against the documents of SOURCES (default ./corpus); return the audit report."""
    import networkx as nx

    from factcheck.api import _settings_for, prepare, rule_set
    from factcheck.audit.judge import judge_all
    from factcheck.engine.context import CheckContext
    from factcheck.engine.runner import _doc_dict, make_findings, run_rules
    from factcheck.extract.claims import number_claims

    manuscript = Path(manuscript)
    sources = Path(sources) if sources is not None else Path("corpus")
    if not manuscript.is_file():
        raise FactcheckError("E106", "manuscript not found", str(manuscript), hint="give the manuscript's file (.md, .txt, .docx, .pdf, .html)")
    if not sources.exists():
        raise FactcheckError("E103", "no such file or directory", str(sources), hint="--sources: the folder of the cited documents")
    settings = _settings_for([sources], settings)
    cache = Path(cache_dir) if cache_dir else None
    src = prepare([sources], rules_dir, settings, cache, progress, jobs)
    ms = prepare([manuscript], rules_dir, settings, cache, progress)
    if not ms.documents:
        detail = "; ".join(f"[{p.code}] {p.message}" for p in ms.problems) or "no text"
        raise FactcheckError("E107", f"the manuscript cannot be read ({detail})", str(manuscript))
    mdoc = ms.documents[0]
    own = manuscript.resolve()
    keep = [d for d in src.documents if Path(d.path).resolve() != own]
    dropped = {d.id for d in src.documents} - {d.id for d in keep}
    src_docs = keep
    src_claims = [c for c in src.claims if c.doc not in dropped]
    m_claims = ms.claims
    if mdoc.id in {d.id for d in src_docs}:
        new_id = "manuscript:" + mdoc.id
        mdoc.id = new_id
        m_claims = [replace(c, doc=new_id) for c in m_claims]
    claims = number_claims(src_claims + m_claims)
    src_claims = [c for c in claims if c.doc != mdoc.id]
    m_claims = [c for c in claims if c.doc == mdoc.id]
    docs = {d.id: d for d in [*src_docs, mdoc]}

    # the sources as a corpus: which of their figures other documents dispute
    rules = rule_set(rules_dir, settings)
    ctx = CheckContext({d.id: d for d in src_docs}, src_claims, nx.Graph())
    findings = make_findings(ctx, run_rules(ctx, rules))
    body = judge_all(mdoc, m_claims, src_docs, src_claims, docs, findings)
    problems = [*src.problems, *ms.problems]
    return {
        "schema": SCHEMA,
        "tool": {"name": "factcheck", "version": __version__},
        "manuscript": {"id": mdoc.id, "path": mdoc.path, "title": mdoc.title, "format": mdoc.format,
                       "pages": len(mdoc.textmap.page_starts or ()) or None,
                       "paragraphs": _doc_dict(mdoc)["paragraphs"]},
        "sources": [{"id": d.id, "path": d.path, "title": d.title, "published": d.published}
                    for d in sorted(src_docs, key=lambda d: d.id)],
        **body,
        "problems": sorted((p.to_dict() for p in problems), key=lambda p: (p["path"], p["code"], p["message"])),
    }

"""Run rules over claims and build the findings report (the JSON contract).

Flow is one way: documents -> claims -> rules -> findings -> report dict.
Formatters only ever see the report dict.
"""

from __future__ import annotations

import re
import string
from collections import Counter
from dataclasses import replace
from typing import Any

import networkx as nx

from factcheck import __version__
from factcheck.checks import Draft
from factcheck.checks.conflict import quantity_key
from factcheck.engine.context import CheckContext, describe
from factcheck.engine.fingerprint import base_key, fingerprint
from factcheck.engine.spec import Rule
from factcheck.errors import Problem
from factcheck.ingest.segment import CLAIM_LABELS
from factcheck.model import Claim, Document, Finding, Severity

SCHEMA = "factcheck.findings/1"


class _Fields(dict):
    def __missing__(self, key):
        return "{" + key + "}"


def render_message(template: str, fields: dict[str, Any]) -> str:
    """Fill a (validated, plain-field) template; never raises on a bad template."""
    try:
        return string.Formatter().vformat(template, (), _Fields({k: str(v) for k, v in fields.items()}))
    except (ValueError, IndexError, KeyError, AttributeError):
        return template


def run_rules(ctx: CheckContext, rules: list[Rule]) -> list[tuple[Rule, Draft]]:
    out = []
    for rule in rules:
        for draft in rule.check.run(ctx, rule):
            out.append((rule, draft))
    return out


def make_findings(ctx: CheckContext, drafts: list[tuple[Rule, Draft]]) -> list[Finding]:
    findings = []
    for rule, d in drafts:
        sev = Severity.parse(d.severity or rule.severity)
        if d.severity and Severity.parse(d.severity) > Severity.parse(rule.severity):
            sev = Severity.parse(rule.severity)  # a check may lower, never raise, a rule's severity
        findings.append(Finding(rule.code, rule.name, rule.check.finding_kind, sev,
                                render_message(rule.message, d.fields), tuple(d.evidence), tuple(d.claims),
                                d.arithmetic, d.resolution, d.support, match=d.match))
    doc_order = {k: i for i, k in enumerate(sorted(ctx.documents))}
    findings.sort(key=lambda f: (doc_order.get(f.evidence[0].doc, 0), f.evidence[0].start, f.rule,
                                 tuple((e.doc, e.start) for e in f.evidence)))
    seen: Counter = Counter()
    out = []
    for i, f in enumerate(findings, 1):
        key = base_key(f.rule, f.evidence)
        fp = fingerprint(key, seen[key])
        seen[key] += 1
        out.append(replace(f, id=f"F{i:04d}", fingerprint=fp))
    return out


def clusters(ctx: CheckContext, findings: list[Finding]) -> tuple[list[dict], dict[str, str]]:
    """Quantities reported at several times or by several documents, as charts' data."""
    out = []
    claim_cluster: dict[str, str] = {}
    conflicting = {n for u, v, d in ctx.graph.edges(data=True) if d.get("relation") in ("conflicts", "differs") for n in (u, v)}
    from factcheck.checks.conflict import place_groups

    groups = [(key, group) for key, block in ctx.block(quantity_key).items() for group in place_groups(block)]
    for key, block in groups:
        dated = [c for c in block if c.time and c.time.start and c.modality == "asserted"]
        if len(dated) < 2 or len({(c.doc, c.start) for c in dated}) < 2:
            continue
        if len({c.doc for c in dated}) < 2 and not any(c.id in conflicting for c in dated):
            continue
        cid = f"K{len(out) + 1:03d}"
        pts = []
        for c in sorted(dated, key=lambda c: (c.time.start, c.id)):
            claim_cluster[c.id] = cid
            v = c.value
            pts.append({"claim": c.id, "doc": c.doc, "date": c.time.date, "low": v.low, "high": v.high,
                        "value": v.magnitude, "conflict": c.id in conflicting})
        prop, unit, origin, scope = key
        out.append({"id": cid, "subject": origin, "property": prop, "unit": unit,
                    "claims": [p["claim"] for p in pts], "points": pts, "findings": []})
    by_id = {c["id"]: c for c in out}
    for f in findings:
        cids = {claim_cluster[c] for c in f.claims if c in claim_cluster}
        for cid in sorted(cids):
            by_id[cid]["findings"].append(f.id)
    return out, claim_cluster


def _page(tm, start: int, end: int) -> dict:
    """{"page": n, "page_line": m} for a span of a paged document (a PDF), else {}."""
    at = tm.page_of(start, end)
    return {"page": at[0], "page_line": at[1]} if at else {}


def _claim_dict(c: Claim, doc: Document) -> dict:
    line, col, eline, ecol = doc.textmap.location(c.start, c.end)
    return {
        "id": c.id, "doc": c.doc, "line": line, "column": col, "end_line": eline, "end_column": ecol,
        **_page(doc.textmap, c.start, c.end),
        "start": c.start, "end": c.end, "quote": c.quote, "sentence": c.sentence, "kind": c.kind,
        "subject": c.subject, "property": c.property,
        "qualifiers": {k: (list(v) if isinstance(v, (tuple, list)) else v) for k, v in c.qualifiers},
        "value": c.value.to_dict() if c.value else None,
        "time": c.time.to_dict() if c.time else None,
        "modality": c.modality, "negated": c.negated, "confidence": round(c.confidence, 3),
        "display": describe(c),
    }


def _evidence_dict(e, docs: dict[str, Document]) -> dict:
    d = docs[e.doc]
    line, col, eline, ecol = d.textmap.location(e.start, e.end)
    return {"doc": e.doc, "path": d.path, "line": line, "column": col, "end_line": eline, "end_column": ecol,
            **_page(d.textmap, e.start, e.end),
            "quote": e.quote, "sentence": e.sentence, "value": e.value, "claim": e.claim}


def _doc_dict(d: Document) -> dict:
    counts = Counter(s.label for s in d.segments)
    paras = []
    skipped = []
    for s in d.segments:
        line, _c, eline, _ec = d.textmap.location(s.start, s.end)
        paras.append({"line": line, **_page(d.textmap, s.start, s.end), "start": s.start, "end": s.end,
                      "segment": s.label, "text": d.text[s.start:s.end]})
        if s.label in ("skipped", "table"):
            skipped.append({"line": line, "end_line": eline, "label": s.label, "reason": s.reason})
    return {
        "id": d.id, "path": d.path, "format": d.format, "pages": len(d.textmap.page_starts or ()) or None,
        "title": d.title, "published": d.published,
        "published_source": d.published_source, "published_evidence": d.published_evidence,
        "segments": dict(sorted(counts.items())), "skipped": skipped,
        "repairs": dict(sorted(d.textmap.repairs.items())), "paragraphs": paras,
        "references": len(d.references), "citations": len(d.citations),
    }


_NUMERIC = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|first|second|third|half|quarter|decade|century)\b", re.I)


def coverage(documents: list[Document], claims: list[Claim], ctx: CheckContext) -> dict:
    seen = 0
    for d in documents:
        for s in d.segments:
            if s.label in CLAIM_LABELS:
                seen += len(_NUMERIC.findall(d.text[s.start:s.end]))
    keyed = sum(1 for c in claims if c.property)
    return {"mentions_seen": seen, "claims_extracted": len(claims), "claims_keyed": keyed,
            "claims_checked": len(ctx.checked)}


def build_report(documents: list[Document], claims: list[Claim], rules: list[Rule],
                 problems: list[Problem]) -> dict:
    """Run the rules and return the findings report as a plain dict."""
    docs = {d.id: d for d in documents}
    ctx = CheckContext(docs, claims, nx.Graph())
    findings = make_findings(ctx, run_rules(ctx, rules))
    cl, claim_cluster = clusters(ctx, findings)
    fdicts = []
    for f in findings:
        cids = sorted({claim_cluster[c] for c in f.claims if c in claim_cluster})
        fdicts.append({
            "id": f.id, "fingerprint": f.fingerprint, "rule": f.rule, "name": f.name, "kind": f.kind,
            "severity": str(f.severity), "message": f.message, "claims": list(f.claims),
            "evidence": [_evidence_dict(e, docs) for e in f.evidence],
            "arithmetic": f.arithmetic, "resolution": f.resolution, "support": f.support,
            "cluster": cids[0] if cids else None,
            "match": f.match,
        })
    return {
        "schema": SCHEMA,
        "tool": {"name": "factcheck", "version": __version__},
        "documents": [_doc_dict(d) for d in sorted(documents, key=lambda d: d.id)],
        "claims": [_claim_dict(c, docs[c.doc]) for c in claims],
        "findings": fdicts,
        "clusters": cl,
        "coverage": coverage(documents, claims, ctx),
        "problems": sorted((p.to_dict() for p in problems), key=lambda p: (p["path"], p["code"], p["message"])),
        "rules": [r.to_dict() for r in rules],
    }

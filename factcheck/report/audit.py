"""The audit report's views: terminal, SARIF 2.1.0 and a self-contained HTML page.

Each is built from the audit dict alone (docs/audit-json.md). Document text
is escaped for each output: control characters shown as escapes on the
terminal and in SARIF, HTML through autoescaping, links never embedded.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from factcheck.report.sanitize import evidence_where, one_line, terminal_safe

STATUS_STYLE = {"supported": "green", "contradicted": "bold red", "not_found": "yellow", "source_missing": "magenta",
                "uncited": "dim"}
STATUS_LABEL = {"supported": "supported", "contradicted": "contradicted", "not_found": "not found",
                "source_missing": "source missing", "uncited": "uncited"}
RULES = {
    "contradicted": ("FA101", "contradicted", "The cited source states a different value for this quantity."),
    "not_found": ("FA102", "not-found", "The cited source says nothing about this quantity."),
    "source_missing": ("FA103", "source-missing", "The cited work is not among the source documents."),
}
ORDER = ("contradicted", "source_missing", "not_found", "supported", "uncited")


def _paths(report: dict) -> dict[str, str]:
    out = {s["id"]: (s.get("path") or s["id"]).replace("\\", "/") for s in report.get("sources") or []}
    m = report.get("manuscript") or {}
    if m.get("id"):
        out[m["id"]] = (m.get("path") or m["id"]).replace("\\", "/")
    return out


def render_terminal(report: dict, console: Console, show: tuple[str, ...] = ("contradicted", "source_missing", "not_found"),
                    outputs: dict | None = None) -> None:
    m = report["manuscript"]
    s = report["summary"]
    paths = _paths(report)
    console.print(Text(f"factcheck audit: {terminal_safe(m['path'])} against {len(report['sources'])} sources; "
                       f"{s['items']} figures, {s['references_linked']} of {s['references']} references found",
                       style="bold"))
    t = Table(show_header=True, header_style="bold")
    t.add_column("status")
    t.add_column("figures", justify="right")
    for st in ORDER:
        t.add_row(Text(STATUS_LABEL[st], style=STATUS_STYLE[st]), str(s["by_status"].get(st, 0)))
    console.print(t)
    if s.get("references_unmatched"):
        names = {w["key"]: w["text"] for w in report.get("references") or []}
        console.print(Text("References matching no source document:", style="bold"))
        for key in s["references_unmatched"]:
            console.print(Text("  " + one_line(names.get(key, key), 110)))
    for item in sorted(report["items"], key=lambda it: (ORDER.index(it["status"]), it["line"], it["column"])):
        if item["status"] not in show:
            continue
        head = Text(f" {STATUS_LABEL[item['status']].upper()} ", style=STATUS_STYLE[item["status"]])
        head.append(Text(f" {terminal_safe(paths.get(m['id'], m['id']))}:{item['line']}  "))
        head.append(Text(f"“{one_line(item['quote'], 60)}” = {terminal_safe(item['value'])}"))
        console.print(head)
        console.print(Text("   " + one_line(item["sentence"], 150), style="dim"))
        for e in item["evidence"]:
            console.print(Text(f"   {e['role']}: {terminal_safe(evidence_where(e, paths))}  “{one_line(e['quote'], 50)}” "
                               f"= {terminal_safe(e['value'])}"))
            console.print(Text("     " + one_line(e["sentence"], 140), style="dim"))
        console.print(Text("   " + one_line(item["reason"], 300)))
        for d in item.get("disputed") or []:
            console.print(Text("   disputed: " + one_line(d["message"], 200), style="yellow"))
    if outputs:
        console.print(Text("Reports: " + ", ".join(f"{k} {terminal_safe(v)}" for k, v in outputs.items())))


# ---------------------------------------------------------------- SARIF


def render_sarif(report: dict) -> dict:
    from factcheck.report.sarif import SARIF_SCHEMA, SARIF_VERSION, _link_text, _uri

    paths = _paths(report)
    m = report["manuscript"]
    docs = [m["id"]] + [s["id"] for s in report.get("sources") or []]
    artifact = {d: i for i, d in enumerate(docs)}
    codes = [RULES[k] for k in ("contradicted", "not_found", "source_missing")]
    rule_index = {code: i for i, (code, _n, _d) in enumerate(codes)}
    driver: dict[str, Any] = {"name": "factcheck-audit", "version": str(report["tool"]["version"]), "rules": [
        {"id": code, "name": name, "shortDescription": {"text": desc}, "fullDescription": {"text": desc},
         "defaultConfiguration": {"level": {"FA101": "error", "FA102": "note", "FA103": "warning"}[code]}}
        for code, name, desc in codes]}

    def location(doc: str, line: int, column: int | None = None, extra: dict | None = None) -> dict:
        region: dict[str, Any] = {"startLine": max(1, int(line or 1))}
        if column:
            region["startColumn"] = max(1, int(column))
        loc: dict[str, Any] = {"physicalLocation": {"artifactLocation": {"uri": _uri(paths.get(doc, doc)), "uriBaseId": "%SRCROOT%",
                                                                         "index": artifact[doc]}, "region": region}}
        if extra:
            loc["properties"] = extra
        return loc

    results = []
    for item in report["items"]:
        if item["status"] not in RULES:
            continue
        code = RULES[item["status"]][0]
        related = []
        for i, e in enumerate(item["evidence"], 1):
            if e["doc"] not in artifact:
                continue
            props = {k: v for k, v in (("page", e.get("page")), ("pageLine", e.get("page_line")), ("role", e.get("role"))) if v}
            loc = location(e["doc"], e["line"], e.get("column"), props)
            loc["id"] = i
            loc["message"] = {"text": _link_text(f"{e['role']}: {e['quote']} = {e['value']}")}
            related.append(loc)
        text = f"{item['quote']} = {item['value']}: {STATUS_LABEL[item['status']]}. {item['reason']}"
        result: dict[str, Any] = {
            "ruleId": code, "ruleIndex": rule_index[code],
            "level": {"error": "error", "warning": "warning", "info": "note"}.get(item.get("severity") or "", "note"),
            "message": {"text": _link_text(text)},
            "locations": [location(m["id"], item["line"], item.get("column"),
                                   {k: v for k, v in (("page", item.get("page")), ("pageLine", item.get("page_line"))) if v} or None)],
            "partialFingerprints": {"factcheck-audit/v1": item["fingerprint"]},
        }
        if related:
            result["relatedLocations"] = related
        results.append(result)
    run = {"tool": {"driver": driver}, "columnKind": "unicodeCodePoints",
           "artifacts": [{"location": {"uri": _uri(paths.get(d, d)), "uriBaseId": "%SRCROOT%"}} for d in docs],
           "results": results}
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


# ---------------------------------------------------------------- HTML


def _csp(css: str) -> str:
    """No script at all, the one inline style block, nothing fetched."""
    import base64
    import hashlib

    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode()
    return f"default-src 'none'; script-src 'none'; style-src 'sha256-{digest}'; img-src data:; base-uri 'none'; form-action 'none'"


def render_html(report: dict) -> str:
    """One offline page: the manuscript with each audited figure marked by status, its evidence beside it."""
    import jinja2

    env = jinja2.Environment(loader=jinja2.PackageLoader("factcheck.report", "templates"),
                             autoescape=True, trim_blocks=True, lstrip_blocks=True)
    css = env.loader.get_source(env, "audit.css")[0]
    items = sorted(report["items"], key=lambda it: (it["start"], it["end"]))
    paths = _paths(report)
    paragraphs = []
    j = 0
    for p in report["manuscript"].get("paragraphs") or []:
        start, text = p["start"], p["text"]
        end = start + len(text)
        pieces, pos = [], 0
        while j < len(items) and items[j]["start"] < start:
            j += 1
        k = j
        while k < len(items) and items[k]["start"] < end:
            it = items[k]
            a, b = it["start"] - start, min(it["end"] - start, len(text))
            if a >= pos and b > a:
                pieces.append(("text", text[pos:a], None))
                pieces.append(("mark", text[a:b], it))
                pos = b
            k += 1
        pieces.append(("text", text[pos:], None))
        paragraphs.append({"line": p["line"], "page": p.get("page"), "segment": p["segment"], "pieces": pieces,
                           "items": [it for _kind, _t, it in pieces if it]})
    by_status = report["summary"]["by_status"]
    return env.get_template("audit.html.j2").render(
        report=report, paragraphs=paragraphs, css=css, csp=_csp(css), labels=STATUS_LABEL, order=ORDER,
        by_status=by_status, paths=paths, where=lambda e: evidence_where(e, paths),
    )

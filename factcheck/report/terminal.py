"""A short rich summary of the findings JSON for the terminal.

What a person wants after a run: how much was read, how many findings of
which kind, the worst few with their quotes, and where the full reports are.

Every string from the report goes through :func:`terminal_safe` (no escape
sequences or bidi tricks reach the terminal) and is put in a
:class:`rich.text.Text` rather than a markup string. A ``Text`` is never
parsed for markup or emoji codes, so ``[bold]`` or ``:smile:`` in a quote is
shown as written; this is stronger than ``rich.markup.escape``, which has to
get every markup rule right.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable

from rich.console import Console
from rich.table import Table
from rich.text import Text

from factcheck.report.sanitize import (
    document_paths,
    evidence_where,
    one_line,
    positive_int,
    terminal_safe,
)

__all__ = ["render_terminal"]

SEVERITIES = ("error", "warning", "info")
_RANK = {severity: rank for rank, severity in enumerate(SEVERITIES)}
_SEVERITY_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold blue"}
_STATUS_STYLE = {"new": "bold magenta", "unchanged": "dim", "waived": "dim italic"}
QUOTE_LIMIT = 100
MESSAGE_LIMIT = 300


def render_terminal(report: dict, console: Console, top: int = 10) -> None:
    """Print a summary of *report* on *console*, with the *top* worst findings.

    Findings are ordered error > warning > info, then by rule code, then by
    the path and line of their first quote. ``report["outputs"]`` (optional,
    name -> path) is listed at the end. Nothing is filtered: *top* only
    limits how many findings are printed in full.
    """
    findings = report.get("findings") or []
    paths = document_paths(report)

    console.print(_headline(report, len(findings)))
    if findings:
        console.print(_counts_table(findings))
    for line in _baseline_lines(report, findings):
        console.print(line)

    ordered = sorted(findings, key=lambda f: _order(f, paths))
    shown = ordered[: max(top, 0)]
    if shown:
        console.print()
        title = f"Top {len(shown)} of {len(findings)} findings" if len(shown) < len(findings) else "Findings"
        console.print(Text(title, style="bold underline"))
    for finding in shown:
        console.print()
        for line in _finding_lines(finding, paths):
            console.print(line)
    if len(shown) < len(findings):
        more = len(findings) - len(shown)
        console.print()
        console.print(Text(f"... and {more} more finding{'s' if more != 1 else ''} in the full report", style="dim"))
    if not findings:
        console.print(Text("No findings.", style="bold green"))

    outputs = report.get("outputs") or {}
    if outputs:
        console.print()
        console.print(
            Text.assemble(
                ("Reports: ", "bold"),
                _safe(", ".join(f"{name} {path}" for name, path in outputs.items())),
            )
        )


def _safe(text: object, style: str = "") -> Text:
    """Untrusted text as an inert, markup-free Text on one line."""
    return Text(one_line(str(text), MESSAGE_LIMIT), style=style)


def _headline(report: dict, n_findings: int) -> Text:
    tool = report.get("tool") or {}
    documents = len(report.get("documents") or [])
    claims = len(report.get("claims") or [])
    coverage = report.get("coverage") or {}
    parts = [
        f"{documents} document{'s' if documents != 1 else ''}",
        f"{claims} claim{'s' if claims != 1 else ''}"
        + (f" ({coverage['claims_checked']} checked)" if "claims_checked" in coverage else ""),
        f"{n_findings} finding{'s' if n_findings != 1 else ''}",
    ]
    name = terminal_safe(f"{tool.get('name') or 'factcheck'} {tool.get('version') or ''}".strip())
    return Text.assemble((name, "bold"), ": ", terminal_safe(", ".join(parts)))


def _counts_table(findings: list[dict]) -> Table:
    """Findings by kind (rows) and severity (columns)."""
    counts = Counter((f.get("kind") or "?", f.get("severity") or "?") for f in findings)
    kinds = sorted({kind for kind, _ in counts})
    severities = list(SEVERITIES) + sorted({s for _, s in counts if s not in _RANK})
    table = Table(show_edge=False, pad_edge=False, box=None, header_style="bold")
    table.add_column("kind")
    for severity in severities:
        table.add_column(terminal_safe(severity), justify="right", style=_SEVERITY_STYLE.get(severity, ""))
    table.add_column("total", justify="right")
    for kind in kinds:
        row = [counts[(kind, severity)] for severity in severities]
        table.add_row(Text(terminal_safe(kind)), *(_count(n) for n in row), _count(sum(row)))
    totals = [sum(counts[(kind, severity)] for kind in kinds) for severity in severities]
    table.add_row(Text("total", style="bold"), *(_count(n) for n in totals), _count(sum(totals)))
    return table


def _count(n: int) -> Text:
    return Text(str(n) if n else "-")


def _baseline_lines(report: dict, findings: list[dict]) -> Iterable[Text]:
    statuses = Counter(f["status"] for f in findings if f.get("status"))
    if statuses:
        line = Text("Status: ", style="bold")
        for i, (status, n) in enumerate(sorted(statuses.items())):
            if i:
                line.append(", ")
            line.append(terminal_safe(str(status)), style=_STATUS_STYLE.get(status, ""))
            line.append(f" {n}")
        yield line
    baseline = report.get("baseline") or {}
    resolved = len(baseline.get("resolved") or [])
    stale = len(baseline.get("stale_waivers") or [])
    if resolved or stale:
        yield Text(f"Baseline: {resolved} resolved, {stale} stale waiver{'s' if stale != 1 else ''}")
    problems = report.get("problems") or []
    if problems:
        yield Text(f"Input problems: {len(problems)}", style="yellow")
        for problem in problems:
            yield Text.assemble(
                "  ",
                _safe(f"{problem.get('code', '')} {problem.get('path', '')}: {problem.get('message', '')}"),
            )


def _order(finding: dict, paths: dict[str, str]) -> tuple:
    evidence = finding.get("evidence") or [{}]
    first = evidence[0]
    doc = first.get("doc") or ""
    return (
        _RANK.get(finding.get("severity") or "", len(_RANK)),
        finding.get("rule") or "",
        paths.get(doc, doc),
        positive_int(first.get("line")) or 0,
        finding.get("id") or "",
    )


def _finding_lines(finding: dict, paths: dict[str, str]) -> Iterable[Text]:
    severity = finding.get("severity") or "?"
    head = Text.assemble(
        (f" {terminal_safe(severity).upper()} ", _SEVERITY_STYLE.get(severity, "bold")),
        " ",
        (terminal_safe(f"{finding.get('rule', '')} {finding.get('name', '')}"), "bold"),
    )
    status = finding.get("status")
    if status:
        head.append("  ")
        head.append(f"[{terminal_safe(str(status)).upper()}]", style=_STATUS_STYLE.get(status, ""))
    yield head
    yield Text.assemble("   ", _safe(finding.get("message") or ""))
    for item in finding.get("evidence") or []:
        # Place and value on one line, the quote indented below it, so that
        # a 100-character quote fits an ordinary terminal without wrapping.
        where = Text("   ")
        where.append(one_line(evidence_where(item, paths), QUOTE_LIMIT), style="cyan")
        if item.get("value"):
            where.append(f"  = {one_line(str(item['value']), QUOTE_LIMIT)}", style="dim")
        yield where
        yield Text.assemble("     \u201c", one_line(item.get("quote") or "", QUOTE_LIMIT), "\u201d")
    if finding.get("arithmetic"):
        yield Text.assemble("   ", ("arithmetic: ", "dim"), _safe(finding["arithmetic"]))
    if (finding.get("match") or {}).get("explanation"):
        yield Text.assemble("   ", ("same quantity because: ", "dim"), _safe(finding["match"]["explanation"]))
    waiver = finding.get("waiver") or {}
    if waiver.get("reason"):
        expires = f" (until {waiver['expires']})" if waiver.get("expires") else ""
        yield Text.assemble("   ", ("waived: ", "dim"), _safe(f"{waiver['reason']}{expires}", "dim"))

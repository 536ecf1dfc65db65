"""The command line: check, claims, inspect, rules, init, baseline, diff.

Results go to stdout, progress and messages to stderr. User errors print
one coded line and exit 2; findings at or above --fail-on exit 1; Ctrl-C
exits 130.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from factcheck.errors import ExitCode, FactcheckError

app = typer.Typer(add_completion=False, no_args_is_help=False, rich_markup_mode=None,
                  help="Claim-level fact-checking and contradiction detection for a corpus of papers.")


# options that several commands share
CacheDir = Annotated[Path, typer.Option("--cache-dir", help="Per-document cache for incremental runs.")]
NoCache = Annotated[bool, typer.Option("--no-cache", help="Do not read or write the cache.")]
Model = Annotated[Optional[str], typer.Option("--model", help="spaCy model name or path.")]
MaxDocMb = Annotated[Optional[float], typer.Option("--max-doc-mb", help="Skip documents larger than this.")]
Jobs = Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="Processes for extraction (default: every available core); the output is the same for any number.")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress, no summary.")]
Sarif = Annotated[Optional[Path], typer.Option("--sarif", help="SARIF 2.1.0 for code scanning.")]


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


class OutFormat(str, Enum):
    terminal = "terminal"
    json = "json"
    sarif = "sarif"
    github = "github"
    none = "none"


class ClaimFormat(str, Enum):
    table = "table"
    csv = "csv"
    jsonl = "jsonl"


def _err_console():
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def _settings(model: str | None, max_doc_mb: float | None, paths: list[Path] | None = None):
    """The configuration found from the corpus folder upwards (else from here), with the CLI's overrides."""
    import math

    from factcheck.config import load_settings

    if max_doc_mb is not None and not (math.isfinite(max_doc_mb) and max_doc_mb > 0):
        raise FactcheckError("E101", f"--max-doc-mb must be a positive number, not {max_doc_mb}",
                             hint="e.g. --max-doc-mb 200")
    start = paths[0] if paths else None
    s = load_settings(start if start is not None and start.exists() else None)
    return s.with_overrides(model=model, max_doc_bytes=int(max_doc_mb * 1024 * 1024) if max_doc_mb else None)


class Progress:
    """Progress lines on stderr: each document as it is read, with how many are done, the rate and
    the time left once a run has a known number of documents to extract (``start``)."""

    def __init__(self, write: Callable[[str], None], clock: Callable[[], float] = time.monotonic):
        self.write, self.clock = write, clock
        self.total = 0
        self.done = 0
        self.t0 = clock()

    def start(self, total: int) -> None:
        self.total, self.done, self.t0 = total, 0, self.clock()

    def __call__(self, doc_id: str) -> None:
        self.done += 1
        line = f"reading {doc_id}"
        if self.total > 1:
            line += f" ({self.done} of {self.total}"
            elapsed = self.clock() - self.t0
            if self.done > 1 and elapsed > 0:
                rate = (self.done - 1) / elapsed  # the documents finished before this one
                line += f", {rate:.1f} a second, about {max(0.0, (self.total - self.done + 1) / rate):.0f} s left"
            line += ")"
        self.write(line)


def _progress(quiet: bool):
    if quiet or not sys.stderr.isatty():
        return None
    from rich.markup import escape

    console = _err_console()
    return Progress(lambda line: console.print(f"[dim]{escape(line)}[/dim]", highlight=False, markup=True))


_SEV = {"info": 1, "warning": 2, "error": 3}


def fails(report: dict, fail_on: FailOn) -> bool:
    """Are there findings (not waived, not known in the baseline) at or above the threshold?"""
    if fail_on == FailOn.never:
        return False
    threshold = _SEV[fail_on.value]
    for f in report["findings"]:
        if f.get("status") in ("waived", "unchanged"):
            continue
        if _SEV.get(f["severity"], 0) >= threshold:
            return True
    return False


@app.command()
def check(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Corpus directory or files (default ./corpus).")] = None,
    rules: Annotated[Optional[Path], typer.Option("--rules", help="The project's rules folder (*.yaml add to or override the built-in rules; aliases.yaml). Default: the configuration's `rules`.")] = None,
    json_out: Annotated[Path, typer.Option("--json", help="Findings JSON (the source of truth).")] = Path("reports/findings.json"),
    html_out: Annotated[Optional[Path], typer.Option("--html", help="Self-contained HTML report.")] = Path("reports/report.html"),
    sarif_out: Sarif = None,
    fmt: Annotated[OutFormat, typer.Option("--format", help="What to print on stdout.")] = OutFormat.terminal,
    fail_on: Annotated[FailOn, typer.Option("--fail-on", help="Exit 1 when a new finding is at or above this severity.")] = FailOn.error,
    baseline: Annotated[Optional[Path], typer.Option("--baseline", help="Known findings (from `factcheck baseline`).")] = None,
    waivers: Annotated[Optional[Path], typer.Option("--waivers", help="Accepted findings with reasons (YAML).")] = None,
    cache_dir: CacheDir = Path(".factcheck-cache"),
    no_cache: NoCache = False,
    model: Model = None,
    max_doc_mb: MaxDocMb = None,
    top: Annotated[int, typer.Option("--top", help="Findings shown in the terminal summary.")] = 10,
    jobs: Jobs = None,
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", help="Extract on a Dask cluster: the scheduler's address (tcp://host:8786), or 'local' for a local cluster of --jobs workers. Needs: pip install 'factcheck[dask]'.")] = None,
    quiet: Quiet = False,
) -> None:
    """Check a corpus and write the reports (default: ./corpus, ./rules -> ./reports)."""
    from factcheck.api import check as run_check

    paths = paths or [Path("corpus")]
    report = run_check(paths, rules, _settings(model, max_doc_mb, paths), None if no_cache else cache_dir, _progress(quiet),
                       jobs, scheduler)
    report = _apply_ci(report, baseline, waivers)
    if not quiet:
        _report_problems(report["problems"])
    _write_outputs(report, json_out, html_out, sarif_out)
    _print(report, fmt, top, quiet, {"json": str(json_out), **({"html": str(html_out)} if html_out else {})})
    raise typer.Exit(ExitCode.FINDINGS if fails(report, fail_on) else ExitCode.OK)


def _apply_ci(report: dict, baseline: Path | None, waivers: Path | None) -> dict:
    if waivers is not None:
        from factcheck.engine.waivers import apply_waivers, load_waivers

        report = apply_waivers(report, load_waivers(waivers), dt.date.today())
    if baseline is not None:
        from factcheck.engine.baseline import apply_baseline, load_baseline

        report = apply_baseline(report, load_baseline(baseline))
    return report


def _write_outputs(report: dict, json_out: Path | None, html_out: Path | None, sarif_out: Path | None) -> None:
    from factcheck.report.io import write_atomic
    from factcheck.report.json_report import dumps_report

    if json_out is not None:
        write_atomic(json_out, dumps_report(report))
    if sarif_out is not None:
        from factcheck.report.sarif import render_sarif

        write_atomic(sarif_out, json.dumps(render_sarif(report), indent=2, sort_keys=True, ensure_ascii=False) + "\n")
    if html_out is not None:
        from factcheck.report.html import render_html

        write_atomic(html_out, render_html(report))


def _print(report: dict, fmt: OutFormat, top: int, quiet: bool, outputs: dict) -> None:
    if fmt == OutFormat.none:
        return
    if fmt == OutFormat.json:
        from factcheck.report.json_report import dumps_report

        sys.stdout.write(dumps_report(report))
    elif fmt == OutFormat.sarif:
        from factcheck.report.sarif import render_sarif

        sys.stdout.write(json.dumps(render_sarif(report), indent=2, sort_keys=True) + "\n")
    elif fmt == OutFormat.github:
        from factcheck.report.github import render_github

        sys.stdout.write(render_github(report))
    elif not quiet:
        from rich.console import Console

        from factcheck.report.terminal import render_terminal

        render_terminal({**report, "outputs": outputs}, Console(highlight=False), top)


class AuditFormat(str, Enum):
    terminal = "terminal"
    json = "json"
    sarif = "sarif"
    none = "none"


@app.command()
def audit(
    manuscript: Annotated[Path, typer.Argument(help="The manuscript: .md, .txt, .docx, .pdf or .html.")],
    sources: Annotated[Optional[Path], typer.Option("--sources", help="Folder of the cited documents (default ./corpus).")] = None,
    json_out: Annotated[Path, typer.Option("--json", help="Audit JSON (the source of truth).")] = Path("reports/audit.json"),
    html_out: Annotated[Optional[Path], typer.Option("--html", help="The manuscript with each figure marked, as one HTML page.")] = Path("reports/audit.html"),
    sarif_out: Sarif = None,
    fmt: Annotated[AuditFormat, typer.Option("--format", help="What to print on stdout.")] = AuditFormat.terminal,
    fail_on: Annotated[FailOn, typer.Option("--fail-on", help="Exit 1 when a contradicted figure is at or above this severity.")] = FailOn.error,
    rules: Annotated[Optional[Path], typer.Option("--rules", help="The project's rules folder (rules and aliases.yaml).")] = None,
    cache_dir: CacheDir = Path(".factcheck-cache"),
    no_cache: NoCache = False,
    model: Model = None,
    max_doc_mb: MaxDocMb = None,
    show_all: Annotated[bool, typer.Option("--all", help="Print supported and uncited figures too.")] = False,
    jobs: Jobs = None,
    quiet: Quiet = False,
) -> None:
    """Audit a manuscript against the sources it cites: each cited figure supported, contradicted or not found."""
    from factcheck.audit import audit as run_audit
    from factcheck.report import audit as view
    from factcheck.report.io import write_atomic

    sources = sources or Path("corpus")
    report = run_audit(manuscript, sources, rules, _settings(model, max_doc_mb, [sources]),
                       None if no_cache else cache_dir, _progress(quiet), jobs)
    if not quiet:
        _report_problems(report["problems"])
    write_atomic(json_out, json.dumps(report, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
    if sarif_out is not None:
        write_atomic(sarif_out, json.dumps(view.render_sarif(report), indent=2, sort_keys=True, ensure_ascii=False) + "\n")
    if html_out is not None:
        write_atomic(html_out, view.render_html(report))
    if fmt == AuditFormat.json:
        sys.stdout.write(json.dumps(report, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
    elif fmt == AuditFormat.sarif:
        sys.stdout.write(json.dumps(view.render_sarif(report), indent=2, sort_keys=True) + "\n")
    elif fmt == AuditFormat.terminal and not quiet:
        from rich.console import Console

        shown = tuple(view.ORDER) if show_all else ("contradicted", "source_missing", "not_found")
        view.render_terminal(report, Console(highlight=False), shown,
                             {"json": str(json_out), **({"html": str(html_out)} if html_out else {}),
                              **({"sarif": str(sarif_out)} if sarif_out else {})})
    failing = fail_on != FailOn.never and any(
        it["status"] == "contradicted" and _SEV.get(it["severity"], 0) >= _SEV[fail_on.value] for it in report["items"])
    raise typer.Exit(ExitCode.FINDINGS if failing else ExitCode.OK)


@app.command()
def claims(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Files or a corpus directory (default ./corpus).")] = None,
    fmt: Annotated[ClaimFormat, typer.Option("--format", help="table, csv or jsonl.")] = ClaimFormat.table,
    rules: Annotated[Optional[Path], typer.Option("--rules", help="The project's rules folder (for aliases.yaml).")] = None,
    model: Model = None,
) -> None:
    """List every extracted claim with its normalized value and key."""
    from factcheck.api import claim_rows, prepare

    paths = paths or [Path("corpus")]
    prepared = prepare(paths, rules, _settings(model, None, paths))
    _report_problems(prepared.problems)
    rows = claim_rows(prepared)
    if fmt == ClaimFormat.jsonl:
        for r in rows:
            sys.stdout.write(json.dumps(r, sort_keys=True, ensure_ascii=False) + "\n")
    elif fmt == ClaimFormat.csv:
        import pandas as pd

        df = pd.DataFrame(rows)
        if not df.empty:
            df["qualifiers"] = df["qualifiers"].map(lambda q: json.dumps(q, sort_keys=True))
        df.to_csv(sys.stdout, index=False)
    else:
        from rich.console import Console
        from rich.table import Table
        from rich.text import Text

        from factcheck.report.sanitize import one_line

        t = Table(show_lines=False)
        for col in ("doc", "line", "text", "kind", "value", "subject", "property", "modality"):
            t.add_column(col)
        for r in rows:
            value = (f"{r['low']}..{r['high']} {r['unit']}" if r["kind"] == "quantity"
                     else f"{r['date'] or '?'} ({r['granularity']})")
            t.add_row(*(Text(x) for x in (one_line(r["doc"], 60), str(r["line"]), one_line(r["text"], 40), r["kind"],
                                          one_line(value, 40), one_line(str(r["subject"] or ""), 24),
                                          one_line(str(r["property"] or ""), 24), r["modality"])))
        Console(highlight=False).print(t)


def _report_problems(problems) -> None:
    """Input problems (skipped or partly read documents) as one coded line each, on stderr."""
    from factcheck.report.sanitize import terminal_safe

    for p in problems:
        line = str(p) if not isinstance(p, dict) else f"[{p['code']}] {p['path']}: {p['message']}"
        sys.stderr.write("warning: " + terminal_safe(line).replace("\n", " ") + "\n")


@app.command()
def inspect(
    doc: Annotated[Path, typer.Argument(help="One document file.")],
    show: Annotated[str, typer.Option("--show", help="Labels to print (comma-separated) or 'all'.")] = "all",
) -> None:
    """Show the repaired text with segment labels and repair counts: what the tool sees."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from factcheck.ingest import load_document
    from factcheck.report.sanitize import terminal_safe

    d, problems = load_document(doc, str(doc))
    _report_problems(problems)
    if d is None:
        raise FactcheckError("W100", "document could not be read; see the messages above", str(doc))
    console = Console(highlight=False)
    counts = Table(title=Text(terminal_safe(d.id) + ": repairs"))
    counts.add_column("repair")
    counts.add_column("count", justify="right")
    for k, v in sorted(d.textmap.repairs.items()):
        counts.add_row(k, str(v))
    console.print(counts)
    pub = f"{d.published} ({d.published_source}: {d.published_evidence})" if d.published else "unknown"
    console.print(Text(f"published: {terminal_safe(pub)}"))
    console.print(Text(f"references parsed: {len(d.references)}; in-text citations: {len(d.citations)} "
                       f"({sum(1 for c in d.citations if c.reference is not None)} linked)"))
    wanted = None if show == "all" else set(show.split(","))
    styles = {"body": "", "footnote": "cyan", "note": "cyan", "references": "green", "front": "magenta",
              "heading": "bold", "page_header": "dim", "skipped": "red", "table": "yellow"}
    for s in d.segments:
        if wanted and s.label not in wanted:
            continue
        line, _c, eline, _e = d.textmap.location(s.start, s.end)
        where = f"L{line}-{eline}"
        if (page := d.textmap.page_of(s.start, s.end)) is not None:
            where = f"page {page[0]}, line {page[1]} (L{line})"
        head = Text(f"[{s.label}{': ' + s.reason if s.reason else ''}] {where}", style=styles.get(s.label, ""))
        console.print(head)
        console.print(Text(terminal_safe(d.text[s.start:s.end])))
    if any(r for r in d.references):
        t = Table(title="reference list")
        for col in ("authors", "year", "title", "venue", "volume", "pages"):
            t.add_column(col)
        for r in d.references:
            t.add_row(*(Text(x) for x in (terminal_safe(", ".join(r.authors)[:40]), str(r.year), terminal_safe(r.title[:50]),
                                          terminal_safe(r.venue[:30]), terminal_safe(str(r.volume or "")),
                                          f"{r.pages[0]}–{r.pages[1]}" if r.pages else "")))
        console.print(t)


@app.command("rules")
def rules_cmd(
    rules: Annotated[Optional[Path], typer.Option("--rules", help="The project's rules folder (default: the configuration's `rules`).")] = None,
    explain: Annotated[Optional[str], typer.Option("--explain", help="Print the documentation of one rule (code or name).")] = None,
) -> None:
    """List the rules and where each comes from, or explain one."""
    import inspect as pyinspect

    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from factcheck.api import rule_set

    settings = _settings(None, None)
    loaded = rule_set(rules, settings)
    console = Console(highlight=False)
    if explain:
        match = [r for r in loaded if explain in (r.code, r.name, *r.aliases)]
        if not match:
            raise FactcheckError("E208", f"no rule '{explain}'", hint="run `factcheck rules` for the list")
        r = match[0]
        console.print(Text(f"{r.code} {r.name}  ({r.kind}, {r.severity})", style="bold"))
        console.print(Text(r.description.strip()))
        if r.help:
            console.print(Text("How to resolve: " + r.help.strip()))
        console.print(Text(f"Parameters: {r.params.model_dump()}"))
        console.print(Text(f"Message: {r.message}"))
        console.print(Text(f"Defined in {r.path}:{r.line} ({r.origin})"))
        doc = pyinspect.getdoc(type(r.check)) or ""
        if doc:
            console.print(Text("\nCheck kind '" + r.kind + "':\n" + doc))
        for k in ("fail", "pass"):
            for ex in r.examples.get(k, []):
                console.print(Text(f"\nExample that {'fails' if k == 'fail' else 'passes'}:", style="bold"))
                console.print(Text(json.dumps(ex, ensure_ascii=False, indent=1) if not isinstance(ex, str) else ex))
        return
    t = Table()
    for col in ("code", "name", "kind", "severity", "origin", "description"):
        t.add_column(col)
    for r in loaded:
        where = "built-in" if r.origin == "built-in" else f"{r.origin}: {r.path}:{r.line}"
        t.add_row(r.code, r.name, r.kind, r.severity, Text(where), r.description.strip().split(". ")[0][:80])
    console.print(t)
    if settings.source:
        console.print(Text(f"configuration: {settings.source}"))


_INIT_CONFIG = """\
# factcheck's configuration for the documents in this folder. factcheck finds it
# from the corpus folder upwards, the way linters find theirs (a factcheck.toml,
# or [tool.factcheck] in a pyproject.toml). Paths are relative to this file.

# Alias files: other names of the people, bodies, places and things your documents
# name ("Port Vell" / "Vell"). Countries and regions are built in.
aliases = ["aliases.yaml"]

# A folder of your own rules (*.yaml). A rule with a new code adds a check; a rule
# with a built-in code overrides it, e.g. in factcheck-rules/overrides.yaml:
#   rules:
#     - {code: FC102, severity: info}
#     - {code: FC504, enabled: false}
# `factcheck rules` lists every rule and where it comes from.
# rules = "factcheck-rules"

# spaCy model name or path (default: en_core_web_sm when installed).
# model = "en_core_web_sm"

# Documents larger than this (in MB) are skipped with a warning.
# max_doc_mb = 50
"""

_INIT_ALIASES = """\
# Other names of the entities your documents name. Each entity has an id:
#
# entities:
#   northwind_university:
#     type: organization        # place | organization | kind | person | event | other
#     variants: [Northwind University, NWU, Northwind Univ.]
#   port_vell:
#     type: place
#     part_of: freedonia        # a broader place (an entity of this file or a built-in one)
#     variants: [Port Vell, Portvell]
#     demonyms: [Port Vellian]
#
# properties: noun phrases that name one measured property.
#   enrolment: [enrolment, enrollment, student numbers]
#
# Acronyms a document defines ("Northwind University (NWU)") are learned by
# themselves; they need no entry here.
entities: {}
properties: {}
"""


@app.command()
def init(
    folder: Annotated[Path, typer.Argument(help="The corpus folder (default: the current folder).")] = Path("."),
    force: Annotated[bool, typer.Option("--force", help="Replace existing files.")] = False,
) -> None:
    """Write a starter factcheck.toml and an empty aliases.yaml, with comments, into a corpus folder."""
    from factcheck.report.io import write_atomic

    if not folder.is_dir():
        raise FactcheckError("E103", "no such folder", str(folder), hint="give the corpus folder")
    targets = {folder / "factcheck.toml": _INIT_CONFIG, folder / "aliases.yaml": _INIT_ALIASES}
    existing = [p for p in targets if p.exists()]
    if existing and not force:
        raise FactcheckError("E223", "file exists; nothing written", str(existing[0]), hint="pass --force to replace it")
    console = _err_console()
    for path, text in targets.items():
        write_atomic(path, text)
        console.print(f"wrote {path}", markup=False, highlight=False)
    console.print(f"next: add names to {folder / 'aliases.yaml'}, then run `factcheck check {folder}`",
                  markup=False, highlight=False)


@app.command()
def baseline(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Corpus directory or files (default ./corpus).")] = None,
    rules: Annotated[Optional[Path], typer.Option("--rules", help="The project's rules folder.")] = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="Baseline file to write.")] = Path("factcheck-baseline.json"),
    reset: Annotated[bool, typer.Option("--reset", help="Replace the known list (it may grow).")] = False,
    waivers: Annotated[Optional[Path], typer.Option("--waivers", help="Waived findings are not baselined.")] = None,
    cache_dir: Annotated[Path, typer.Option("--cache-dir")] = Path(".factcheck-cache"),
    no_cache: Annotated[bool, typer.Option("--no-cache")] = False,
    model: Annotated[Optional[str], typer.Option("--model")] = None,
) -> None:
    """Write (or shrink) the baseline of known findings."""
    from factcheck.api import check as run_check
    from factcheck.engine.baseline import dumps_baseline, load_baseline, make_baseline, update_baseline
    from factcheck.report.io import write_atomic

    paths = paths or [Path("corpus")]
    report = run_check(paths, rules, _settings(model, None, paths), None if no_cache else cache_dir)
    report = _apply_ci(report, None, waivers)
    if output.exists() and not reset:
        new = update_baseline(load_baseline(output), report, reset=False)
    else:
        new = make_baseline(report)
    write_atomic(output, dumps_baseline(new))
    _err_console().print(f"baseline: {len(new['findings'])} known finding(s) -> {output}", markup=False)


@app.command()
def diff(
    old: Annotated[Path, typer.Argument(help="Earlier findings JSON.")],
    new: Annotated[Path, typer.Argument(help="Later findings JSON.")],
    markdown: Annotated[Optional[Path], typer.Option("--markdown", help="Also write a Markdown summary (PR comment).")] = None,
) -> None:
    """Compare two findings reports: new, resolved and unchanged findings."""
    from rich.console import Console
    from rich.text import Text

    from factcheck.engine.diff import diff_reports
    from factcheck.report.sanitize import one_line

    def load(p: Path) -> dict:
        try:
            return json.loads(p.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise FactcheckError("E303", f"cannot read findings JSON: {exc}", str(p)) from None

    d = diff_reports(load(old), load(new))
    console = Console(highlight=False)
    for title, items in (("new", d.new), ("resolved", d.resolved), ("unchanged", d.unchanged)):
        console.print(Text(f"{title}: {len(items)}", style="bold"))
        for f in items:
            ev = (f.get("evidence") or [{}])[0]
            console.print(Text(one_line(f"  {f.get('severity', '')} {f.get('rule', '')} {ev.get('doc', '')}:{ev.get('line', '')} ", 200)
                               + " " + one_line(f.get("message", ""), 140)))
    if markdown is not None:
        from factcheck.report.io import write_atomic
        from factcheck.report.markdown import render_diff_markdown

        write_atomic(markdown, render_diff_markdown(d))
    raise typer.Exit(ExitCode.FINDINGS if d.new else ExitCode.OK)


def main() -> None:
    """Console entry point: coded errors, exit codes, Ctrl-C."""
    try:
        rc = app(standalone_mode=False)
        if rc == ExitCode.INTERRUPTED:
            sys.stderr.write("interrupted\n")
        sys.exit(int(rc or 0))
    except FactcheckError as exc:
        from factcheck.report.sanitize import terminal_safe

        sys.stderr.write(f"error: {terminal_safe(str(exc))}\n")
        sys.exit(ExitCode.USAGE)
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        sys.exit(ExitCode.INTERRUPTED)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except SystemExit:
        raise
    except Exception as exc:  # usage errors arrive here in non-standalone mode
        # typer may vendor its own click, so match by shape rather than class
        if type(exc).__name__ == "Abort":
            sys.stderr.write("interrupted\n")
            sys.exit(ExitCode.INTERRUPTED)
        if hasattr(exc, "exit_code") and hasattr(exc, "format_message"):
            sys.stderr.write(f"error: [E100] {exc.format_message()}\n")
            sys.stderr.write("Try 'factcheck --help'.\n")
            sys.exit(ExitCode.USAGE)
        raise


if __name__ == "__main__":
    main()

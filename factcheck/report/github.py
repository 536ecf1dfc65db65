"""GitHub Actions annotations: one workflow command per finding.

Printed in a workflow step, each line becomes an annotation on the quoted
line of the document in the pull request view::

    ::error file=corpus/a.txt,line=3,col=10,title=FC101 value-conflict::message (other side: corpus/b.txt:7)

The runner reads every line of a step's output as a possible command, so a
quote with a newline could otherwise inject a command of its own
(``::add-mask::``, ``::stop-commands::``). Values are therefore escaped the
way the runner unescapes them (the rules of ``@actions/core``), after
:func:`terminal_safe` has made control characters visible (the log viewer
renders ANSI sequences).
"""

from __future__ import annotations

from factcheck.report.sanitize import (
    document_paths,
    evidence_where,
    positive_int,
    terminal_safe,
)

__all__ = ["escape_data", "escape_property", "render_github"]

_COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Escape the message part of a workflow command (after the ``::``)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value (``file=``, ``title=``): data rules plus ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(report: dict) -> str:
    """Return one annotation line per finding, in report order, newline-terminated.

    The level follows the severity (info becomes ``notice``); the location is
    the first evidence item; the other evidence items are named in the
    message as ``(other side: path:line)``. A finding's baseline status, when
    present, is added to the title. An empty report gives an empty string.
    """
    paths = document_paths(report)
    lines = [_command(finding, paths) for finding in report.get("findings") or []]
    return "".join(line + "\n" for line in lines)


def _command(finding: dict, paths: dict[str, str]) -> str:
    evidence = finding.get("evidence") or []
    title = f"{finding.get('rule', '')} {finding.get('name', '')}".strip()
    if finding.get("status"):
        title += f" ({finding['status']})"

    properties: list[tuple[str, str]] = []
    if evidence:
        first = evidence[0]
        doc = first.get("doc") or "?"
        properties.append(("file", paths.get(doc, doc)))
        line = positive_int(first.get("line"))
        if line:
            properties.append(("line", str(line)))
            column = positive_int(first.get("column"))
            if column:
                properties.append(("col", str(column)))
    properties.append(("title", title))

    message = finding.get("message") or ""
    if len(evidence) > 1:
        others = ", ".join(evidence_where(item, paths) for item in evidence[1:])
        message += f" (other side: {others})"

    command = _COMMANDS.get(finding.get("severity") or "", "warning")
    props = ",".join(f"{key}={escape_property(terminal_safe(value))}" for key, value in properties)
    return f"::{command} {props}::{escape_data(terminal_safe(message))}"


"""Markdown view of a findings diff, for a pull-request comment.

A heading with the counts, a table of the new findings, and the resolved and
unchanged ones folded into ``<details>``. Every string that comes from a
report (messages, quotes, document ids, even rule names) goes through
:func:`factcheck.report.sanitize.markdown_safe`, so a document cannot inject
links, HTML, @mentions, table cells or hidden characters into the comment.
The only markup in the output is the markup written here.
"""

from __future__ import annotations

from collections.abc import Mapping

from factcheck.engine.diff import Diff
from factcheck.report.sanitize import markdown_safe, one_line

__all__ = ["render_diff_markdown"]

_SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
# GitHub caps a comment at 65,536 characters; these keep a long diff well
# under it and readable (the full list is in the findings JSON).
_MESSAGE_CHARS = 300
_QUOTE_CHARS = 120
_EVIDENCE_SHOWN = 3


def _text(value: object, limit: int) -> str:
    """One report string, cut to *limit* characters, then made inert."""
    return markdown_safe(one_line(str(value if value is not None else ""), limit))


def _location(evidence: dict) -> str:
    doc = _text(evidence.get("doc"), 80)
    line, page = evidence.get("line"), evidence.get("page")
    if isinstance(page, int) and not isinstance(page, bool):
        page_line = evidence.get("page_line")
        return f"{doc}, page {page}" + (f", line {page_line}" if isinstance(page_line, int) else "")
    return f"{doc}:{line}" if isinstance(line, int) else doc


def _shown(finding: dict) -> tuple[list[dict], list[str]]:
    """The evidence items to show, and their places (doc:line, "+N more")."""
    evidence = list(finding.get("evidence") or ())
    shown = evidence[:_EVIDENCE_SHOWN]
    places = [_location(e) for e in shown]
    if len(evidence) > len(shown):
        places.append(f"+{len(evidence) - len(shown)} more")
    return shown, places


def _row(finding: dict) -> str:
    shown, places = _shown(finding)
    cells = [
        _text(finding.get("severity"), 20),
        f"{_text(finding.get('rule'), 20)} {_text(finding.get('name'), 60)}".strip(),
        _text(finding.get("message"), _MESSAGE_CHARS),
        "<br>".join(places),
        "<br>".join(_text(e.get("quote"), _QUOTE_CHARS) for e in shown),
    ]
    return "| " + " | ".join(cells) + " |"


def _item(finding: dict) -> str:
    """One folded finding as a bullet: severity, rule, message, where."""
    _, places = _shown(finding)
    # Resolved entries may come from a baseline file: docs, no evidence.
    if not places:
        places = [_text(doc, 80) for doc in finding.get("docs") or ()]
    where = f" ({', '.join(places)})" if places else ""
    return (
        f"- **{_text(finding.get('severity'), 20)}** {_text(finding.get('rule'), 20)} "
        f"{_text(finding.get('name'), 60)}: {_text(finding.get('message'), _MESSAGE_CHARS)}{where}"
    )


def _truncated(total: int, limit: int) -> list[str]:
    if total <= limit:
        return []
    return ["", f"… and {total - limit} more (see the findings report)"]


def _details(title: str, findings: list[dict], limit: int) -> list[str]:
    if not findings:
        return []
    # The blank line after <summary> ends the HTML block, so the list below
    # is parsed as Markdown (and escaped text stays escaped).
    lines = ["", "<details>", f"<summary>{title} ({len(findings)})</summary>", ""]
    lines += [_item(f) for f in findings[:limit]]
    lines += _truncated(len(findings), limit)
    lines += ["", "</details>"]
    return lines


def render_diff_markdown(diff: Diff | Mapping, limit: int = 50) -> str:
    """Render *diff* (a :class:`Diff` or its ``to_dict()``) as a PR comment.

    New findings are listed errors first (then in the diff's order), at most
    *limit* per section; the rest are counted. Returns text ending in a newline.
    """
    parts = diff.to_dict() if isinstance(diff, Diff) else diff
    new = sorted(
        parts.get("new") or (), key=lambda f: _SEVERITY_RANK.get(f.get("severity"), 3)
    )
    resolved = list(parts.get("resolved") or ())
    unchanged = list(parts.get("unchanged") or ())

    plural = "" if len(new) == 1 else "s"
    lines = [
        f"## factcheck: {len(new)} new finding{plural}, "
        f"{len(resolved)} resolved, {len(unchanged)} unchanged",
        "",
    ]
    if new:
        lines += [
            "| Severity | Rule | Message | Location | Quote |",
            "| --- | --- | --- | --- | --- |",
        ]
        lines += [_row(f) for f in new[:limit]]
        lines += _truncated(len(new), limit)
    else:
        lines.append("No new findings.")
    lines += _details("Resolved", resolved, limit)
    lines += _details("Unchanged", unchanged, limit)
    return "\n".join(lines) + "\n"

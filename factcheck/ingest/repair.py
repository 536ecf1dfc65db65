"""Text repair: small steps, each keeping the exact offset map.

Each step takes the current text and returns a list of edits; ``repair()``
applies them in order on a :class:`TextMap`, which composes the offset maps
and counts each repair. The tables (ligature debris, separator characters,
glue words) live in ``factcheck/data/repairs.yaml`` so new debris is data,
not code.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

from ruamel.yaml import YAML
from wordfreq import zipf_frequency

from factcheck.ingest.offsets import Edit, TextMap
from factcheck.ingest.segment import fact_row
from factcheck.normalize.dates import MONTHS

# A joined word must be at least this common in English (wordfreq Zipf scale,
# ~1 = once per 100M words) for a line-end hyphen to be treated as a break.
JOIN_MIN_ZIPF = 1.5


@functools.cache
def tables() -> dict:
    """The repair tables from the package data file."""
    text = resources.files("factcheck.data").joinpath("repairs.yaml").read_text(encoding="utf-8")
    return YAML(typ="safe").load(text)


def step_newlines(text: str) -> list[Edit]:
    """CRLF/CR -> LF; drop NUL; other C0 controls (but tab) -> space."""
    edits: list[Edit] = []
    for m in re.finditer(r"\r\n?|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", text):
        s = m.group()
        if s[0] == "\r":
            edits.append((m.start(), m.end(), "\n"))
        elif s == "\x00":
            edits.append((m.start(), m.end(), ""))
        else:
            edits.append((m.start(), m.end(), " "))
    return edits


@functools.cache
def _ligature_pattern() -> tuple[re.Pattern, dict[str, tuple[str, str]]]:
    table = {e["char"]: (e["replace"], e.get("where", "any")) for e in tables()["ligatures"]}
    return re.compile("|".join(re.escape(c) for c in table)), table


def step_ligatures(text: str) -> list[Edit]:
    """PDF ligature debris -> letters ("signi\U0003FFFFcant" -> "significant")."""
    pattern, table = _ligature_pattern()
    edits: list[Edit] = []
    for m in pattern.finditer(text):
        repl, where = table[m.group()]
        if where == "inword":
            before = text[m.start() - 1] if m.start() > 0 else ""
            after = text[m.end()] if m.end() < len(text) else ""
            if not (before.isalpha() or after.isalpha()):
                continue
        edits.append((m.start(), m.end(), repl))
    return edits


def step_separators(text: str) -> list[Edit]:
    """U+FFFD and odd spaces used as word separators -> a plain space."""
    seps = "".join(tables()["separators"])
    return [(m.start(), m.end(), " ") for m in re.finditer(f"[{re.escape(seps)}]", text)]


def step_spaces(text: str) -> list[Edit]:
    """Collapse runs of horizontal space; trim spaces at line ends and starts."""
    edits: list[Edit] = []
    for m in re.finditer(r"[ \t]*\n[ \t]*|[ \t]{2,}|\t", text):
        s = m.group()
        if "\n" in s:
            if s != "\n":
                edits.append((m.start(), m.end(), "\n"))
        elif s != " ":
            edits.append((m.start(), m.end(), " "))
    return edits


def should_join(left: str, right: str) -> bool:
    """Is "left-\\nright" a word broken at a line end (not a real compound)?"""
    if not right or not right[0].islower():
        return False  # "Franco-\nGerman", "Sino-\nIndian": a compound
    joined = (left + right).lower()
    z = zipf_frequency(joined, "en")
    return z >= JOIN_MIN_ZIPF and z >= zipf_frequency(f"{left}-{right}".lower(), "en") - 0.5


# bounded and anchored at word starts, so a long run of letters stays linear
_HYPHEN = re.compile(r"(?<![A-Za-z])([A-Za-z]{1,60})-\n(?:\n(?=[a-z]))?([A-Za-z]{1,60})")


def step_dehyphenate(text: str) -> list[Edit]:
    """Remove a line-end hyphen when the joined word is a word, else keep it.

    A page break (blank line) between the halves is crossed when the next
    line starts in lower case.
    """
    edits: list[Edit] = []
    for m in _HYPHEN.finditer(text):
        start, end = m.end(1), m.start(2)
        edits.append((start, end, "" if should_join(m.group(1), m.group(2)) else "-"))
    return edits


_FOOTNOTE_START = re.compile(r"^\d{1,3} ?(?:See|Ibid|Interview|Cit\.|Op\.|[A-Z«“\"])")
_LIST_START = re.compile(r"^(?:[-•*·▪]|\d{1,2}[.)] |\d{1,2}(?:\.\d)* [A-Z][A-Za-z ]{2,}$)")
_TERMINAL = (".", "?", "!", ":", "»", "”", '"')
_SMALL_WORDS = frozenset("a an the of in on at to for and or but by with from as is are was were its their his her".split())


def _wrap_width(lines: list[str]) -> int:
    lengths = sorted(len(line) for line in lines if len(line) >= 20)
    if len(lengths) < 5:
        return 0
    return lengths[int(len(lengths) * 0.9)]


def is_heading(line: str, prev: str) -> bool:
    """A short title-like line after a paragraph end ("Research Methods")."""
    words = line.split()
    if not words or len(line) > 70 or line.endswith((".", ",", ";")):
        return False
    if re.search(r"[,;]|\.\s", line) or len(words) > 10:
        return False  # "According to data, in July 2015, the Portland": a wrapped sentence
    if prev.strip() and not prev.rstrip().endswith(_TERMINAL):
        return False
    if words[-1].lower() in _SMALL_WORDS:
        return False
    if line.isupper():
        return True
    caps = sum(1 for w in words if w[:1].isupper() or w.lower() in _SMALL_WORDS)
    return caps / len(words) >= 0.75 and words[-1][:1].isupper()


def _bare_rows(lines: list[str], i: int) -> bool:
    """Whether line i or i + 1 is a fact-box row without a separator ("Deaths 2,000 (approximate)") next
    to another such row: a block of rows, not a wrapped sentence."""
    def bare(k: int) -> bool:
        return 0 <= k < len(lines) and fact_row(lines[k].strip(), bare=True) is not None

    return (bare(i) and (bare(i - 1) or bare(i + 1))) or (bare(i + 1) and bare(i + 2))


def step_reflow(text: str) -> list[Edit]:
    """Join hard-wrapped lines into paragraphs (newline -> space).

    In a hard-wrapped document (long lines end near one width) a line is
    joined to the next unless it ends a sentence well short of the width,
    is a heading, or the next line starts a footnote or list item. In a
    document with one paragraph per line, a line is joined only when it
    stops mid-sentence and the next starts in lower case.
    """
    lines = text.split("\n")
    width = _wrap_width(lines)
    hard_wrapped = 0 < width < 200
    edits: list[Edit] = []
    pos = 0
    for i, line in enumerate(lines[:-1]):
        nxt = lines[i + 1]
        end = pos + len(line)
        pos = end + 1
        if not line.strip():
            continue
        if not nxt.strip():
            # a page break inside a sentence: "... The authors\n\ncorrelate ..."
            after = lines[i + 2] if i + 2 < len(lines) else ""
            if (not nxt and hard_wrapped and after[:1].islower()
                    and not line.rstrip().endswith(_TERMINAL)):
                edits.append((end, end + 2, " "))
            continue
        if _FOOTNOTE_START.match(nxt) or _LIST_START.match(nxt):
            continue
        if fact_row(line.strip()) or fact_row(nxt.strip()) or _bare_rows(lines, i):
            continue  # rows of a fact box or table ("Deaths | 1,782 |") stay lines of their own
        prev = lines[i - 1] if i else ""
        ends_sentence = line.rstrip().endswith(_TERMINAL)
        if hard_wrapped:
            if is_heading(line, prev) or is_heading(nxt, line):
                continue
            if ends_sentence and len(line) < 0.75 * width:
                continue
            join = True
        else:
            join = nxt[0].islower() and not ends_sentence
        if join:
            edits.append((end, end + 1, " "))
    return edits


_GLUE = None


def step_glued(text: str) -> list[Edit]:
    """Split a number glued to a common word ("1998at" -> "1998 at")."""
    global _GLUE
    if _GLUE is None:
        words = "|".join(sorted(map(re.escape, tables()["glued_words"]), key=len, reverse=True))
        _GLUE = re.compile(rf"(?<![\w.,])(\d[\d,.]{{0,20}}\d|\d)(?=(?:{words})\b)")
    return [(m.end(), m.end(), " ") for m in _GLUE.finditer(text)]


_MONTHS = "|".join(m.capitalize() for m in MONTHS)
# a label glued to its value: a number ("Height108 metres") or a month ("CompletedJuly 2019")
_GLUED_LABEL = re.compile(r"^(?P<lead>[ \t]*(?:[-•*–][ \t]+)?)(?P<label>[A-Z][a-z]+(?:[ -][a-z]+){0,3})"
                          rf"(?=\d|(?:{_MONTHS})\b)(?P<rest>[^\n]{{1,70}})$", re.M)


def step_glued_labels(text: str) -> list[Edit]:
    """Part a fact-box label from its value when a scrape glued them ("Height108 metres (354.3 ft)"
    -> "Height 108 metres ...", "CompletedJuly 2019" -> "Completed July 2019", a bare row), so the value
    is a number or date of its own and the row is read as one.

    Only a common word as the label, a short line, and a neighbour line that is a row or a short
    label line too: a block of an infobox, not a model name ("Boeing747") in running text."""
    lines = text.split("\n")
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1

    def row_like(k: int) -> bool:
        if not 0 <= k < len(lines):
            return False
        line = lines[k].strip()
        return bool(line) and (len(line) <= 60 and not line.endswith((".", "!", "?")) or fact_row(line, bare=True) is not None)

    edits = []
    for i, line in enumerate(lines):
        m = _GLUED_LABEL.match(line)
        if not m or zipf_frequency(m.group("label").split()[-1].lower(), "en") < 3.0:
            continue
        if not (row_like(i - 1) or row_like(i + 1)):
            continue
        edits.append((starts[i] + m.end("label"), starts[i] + m.end("label"), " "))  # a space: repairs make up no character
    return edits


_BROKEN_DECIMAL = re.compile(
    r"(?<![\d.,])(\d{1,3})\. (\d{1,2})(?= ?(?:thousand|million|billion|trillion|times|percent|per cent|%))"
)


def step_decimals(text: str) -> list[Edit]:
    """Join a decimal broken by a space, only when a scale or unit word follows.

    "13. 2 thousand" -> "13.2 thousand"; "in 2015. 2 students" is left alone.
    """
    return [(m.end(1) + 1, m.start(2), "") for m in _BROKEN_DECIMAL.finditer(text)]


STEPS = [
    ("newline", step_newlines),
    ("ligature", step_ligatures),
    ("separator", step_separators),
    ("space", step_spaces),
    ("dehyphenate", step_dehyphenate),
    ("reflow", step_reflow),
    ("glued", step_glued),
    ("glued_label", step_glued_labels),
    ("decimal", step_decimals),
]


def repair(original: str | TextMap) -> TextMap:
    """Run every repair step; the result maps back to the original exactly."""
    tm = TextMap.identity(original) if isinstance(original, str) else original
    for name, step in STEPS:
        tm.apply(name, step(tm.text))
    return tm

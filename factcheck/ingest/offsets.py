"""Exact offset maps from repaired text back to the original file.

Every repair step is a list of edits ``(start, end, replacement)`` on the
current text. Applying edits yields the new text and a step map (for every
character of the new text, the index in the old text it came from). Step maps
compose, so after any number of steps each repaired character still points at
the original character it came from, and a claim's span can be reported as
line/column of the file on disk.

Conventions: offsets are 0-based, spans are half-open ``[start, end)``; the
map has one extra trailing entry so that ``end == len(text)`` maps to the end
of the original.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterable
from dataclasses import dataclass, field

# offsets are 32-bit: 8 bytes a character of text for the two maps, not 16 (a document is at most
# a few hundred MB, far under 2**31 characters)
OFFSET_TYPE = "i"

Edit = tuple[int, int, str]


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, array, array]:
    """Apply sorted, non-overlapping edits; return new text and its step maps.

    ``starts[i]`` is the old index the new character i came from and
    ``ends[i]`` one past the last old character it stands for. A kept
    character stands for itself; the characters of a replacement spread over
    the replaced range and the last one reaches its end (so a span ending on
    "&" decoded from "&amp;" covers the whole entity); an inserted character
    stands for nothing (starts == ends).
    """
    out: list[str] = []
    starts = array(OFFSET_TYPE)
    ends = array(OFFSET_TYPE)
    pos = 0
    for start, end, repl in edits:
        if start < pos or end < start or end > len(text):
            raise ValueError(f"edits overlap or are unsorted at {start}:{end}")
        out.append(text[pos:start])
        starts.extend(range(pos, start))
        ends.extend(range(pos + 1, start + 1))
        out.append(repl)
        if repl:
            if end > start:
                width = end - start
                firsts = [start + min(i * width // len(repl), width - 1) for i in range(len(repl))]
                starts.extend(firsts)
                ends.extend([*(f + 1 for f in firsts[:-1]), end])
            else:
                starts.extend([start] * len(repl))
                ends.extend([start] * len(repl))
        pos = end
    out.append(text[pos:])
    starts.extend(range(pos, len(text)))
    ends.extend(range(pos + 1, len(text) + 1))
    starts.append(len(text))
    ends.append(len(text))
    return "".join(out), starts, ends


@dataclass(slots=True)
class TextMap:
    """Repaired text plus, for each of its characters, the original index."""

    original: str
    text: str = ""
    offsets: array = field(default_factory=lambda: array(OFFSET_TYPE))  # repaired index -> original start
    ends: array = field(default_factory=lambda: array(OFFSET_TYPE))  # repaired index -> original end (exclusive)
    repairs: dict[str, int] = field(default_factory=dict)
    _line_starts: list[int] | None = None
    page_starts: list[int] | None = None  # original indices where pages begin (a PDF), else None
    _text_lines: list[int] | None = None  # original indices where lines with text begin (for page_line)

    @classmethod
    def identity(cls, original: str) -> "TextMap":
        n = len(original)
        return cls(original=original, text=original, offsets=array(OFFSET_TYPE, range(n + 1)),
                   ends=array(OFFSET_TYPE, [*range(1, n + 1), n]))

    def apply(self, name: str, edits: list[Edit]) -> "TextMap":
        """Apply one repair step in place and count it under ``name``."""
        if not edits:
            return self
        new_text, starts, ends = apply_edits(self.text, edits)
        old_s, old_e = self.offsets, self.ends
        self.offsets = array(OFFSET_TYPE, (old_s[i] for i in starts))
        self.ends = array(OFFSET_TYPE, (old_s[a] if b == a else old_e[b - 1] for a, b in zip(starts, ends)))
        self.text = new_text
        self.repairs[name] = self.repairs.get(name, 0) + len(edits)
        return self

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a repaired span to the original span that produced it."""
        ostart = self.offsets[start]
        if start >= end:
            return ostart, ostart
        oend = max(self.ends[i] for i in range(start, end)) if end - start < 64 else self.ends[end - 1]
        return ostart, max(oend, ostart)

    def line_starts(self) -> list[int]:
        """Original indices where lines start (LF, CRLF and a lone CR all end a line)."""
        if self._line_starts is None:
            import re

            self._line_starts = [0, *(m.end() for m in re.finditer(r"\r\n|\r|\n", self.original))]
        return self._line_starts

    def line_col(self, original_index: int) -> tuple[int, int]:
        """1-based (line, column) of an original character index."""
        starts = self.line_starts()
        line = bisect.bisect_right(starts, original_index) - 1
        return line + 1, original_index - starts[line] + 1

    def page_line(self, original_index: int) -> tuple[int, int] | None:
        """1-based (page, line on that page) of an original index, for a paged document; else None.

        Lines are counted as a reader counts them on the page: lines with text, not the blank
        lines between blocks. An index on a blank line belongs to the line of text before it.
        """
        if not self.page_starts:
            return None
        page = max(bisect.bisect_right(self.page_starts, original_index) - 1, 0)
        if self._text_lines is None:
            starts = self.line_starts()
            ends = [*(s for s in starts[1:]), len(self.original) + 1]
            self._text_lines = [s for s, e in zip(starts, ends) if self.original[s:e].strip()]
        first = bisect.bisect_left(self._text_lines, self.page_starts[page])
        upto = bisect.bisect_right(self._text_lines, original_index)
        return page + 1, max(upto - first, 1)

    def page_of(self, start: int, end: int) -> tuple[int, int] | None:
        """(page, line on the page) where the repaired span [start, end) begins, or None."""
        if not self.page_starts:
            return None
        return self.page_line(self.to_original(start, end)[0])

    def location(self, start: int, end: int) -> tuple[int, int, int, int]:
        """(line, column, end_line, end_column) in the original file, 1-based.

        ``end_column`` is exclusive (one past the last character), as in
        SARIF's ``endColumn``.
        """
        ostart, oend = self.to_original(start, end)
        line, col = self.line_col(ostart)
        eline, ecol = self.line_col(max(oend - 1, ostart))
        return line, col, eline, ecol + 1

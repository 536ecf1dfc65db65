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

Edit = tuple[int, int, str]


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, array]:
    """Apply sorted, non-overlapping edits; return new text and its step map.

    A replacement character maps to the first replaced character (or, for an
    insertion, to the character before which it was inserted), so a span
    that starts or ends inside a replacement still covers the original
    characters it came from.
    """
    out: list[str] = []
    step = array("l")
    pos = 0
    for start, end, repl in edits:
        if start < pos or end < start or end > len(text):
            raise ValueError(f"edits overlap or are unsorted at {start}:{end}")
        out.append(text[pos:start])
        step.extend(range(pos, start))
        out.append(repl)
        if repl:
            if end > start:
                # spread replacement chars over the replaced range
                width = end - start
                step.extend(start + min(i * width // len(repl), width - 1) for i in range(len(repl)))
            else:
                step.extend([start] * len(repl))
        pos = end
    out.append(text[pos:])
    step.extend(range(pos, len(text)))
    step.append(len(text))
    return "".join(out), step


@dataclass(slots=True)
class TextMap:
    """Repaired text plus, for each of its characters, the original index."""

    original: str
    text: str = ""
    offsets: array = field(default_factory=lambda: array("l"))
    repairs: dict[str, int] = field(default_factory=dict)
    _line_starts: list[int] | None = None

    @classmethod
    def identity(cls, original: str) -> "TextMap":
        return cls(original=original, text=original, offsets=array("l", range(len(original) + 1)))

    def apply(self, name: str, edits: list[Edit]) -> "TextMap":
        """Apply one repair step in place and count it under ``name``."""
        if not edits:
            return self
        new_text, step = apply_edits(self.text, edits)
        old = self.offsets
        self.offsets = array("l", (old[i] for i in step))
        self.text = new_text
        self.repairs[name] = self.repairs.get(name, 0) + len(edits)
        return self

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a repaired span to the original span that produced it."""
        if start >= end:
            o = self.offsets[start]
            return o, o
        ostart = self.offsets[start]
        oend = self.offsets[end - 1] + 1
        return ostart, max(oend, ostart)

    def line_starts(self) -> list[int]:
        if self._line_starts is None:
            starts = [0]
            find = self.original.find
            i = find("\n")
            while i != -1:
                starts.append(i + 1)
                i = find("\n", i + 1)
            self._line_starts = starts
        return self._line_starts

    def line_col(self, original_index: int) -> tuple[int, int]:
        """1-based (line, column) of an original character index."""
        starts = self.line_starts()
        line = bisect.bisect_right(starts, original_index) - 1
        return line + 1, original_index - starts[line] + 1

    def location(self, start: int, end: int) -> tuple[int, int, int, int]:
        """(line, column, end_line, end_column) in the original file, 1-based.

        ``end_column`` is exclusive (one past the last character), as in
        SARIF's ``endColumn``.
        """
        ostart, oend = self.to_original(start, end)
        line, col = self.line_col(ostart)
        eline, ecol = self.line_col(max(oend - 1, ostart))
        return line, col, eline, ecol + 1

"""Coded, user-facing errors and warnings.

Every problem a user can cause (a bad document, a broken rule file, a
baseline from another tool) is reported as one line: a code, what was wrong,
where, and what to do. Tracebacks are for bugs only. Codes are stable:

- E1xx  paths given on the command line (E106, E107: the manuscript of `audit`)
- W1xx  document input problems (the document is skipped or partly read)
- E2xx  rule / alias / config files
- E3xx  baseline and waiver files
- E4xx  output (reports, cache)
- E5xx  environment (spaCy model missing, ...)
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class ExitCode(enum.IntEnum):
    """Process exit codes, documented in the README."""

    OK = 0
    FINDINGS = 1
    USAGE = 2
    INTERRUPTED = 130


class FactcheckError(Exception):
    """An error the user can fix; rendered as one coded line, never a traceback."""

    def __init__(
        self,
        code: str,
        message: str,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        self.hint = hint

    def where(self) -> str:
        if not self.path:
            return ""
        out = str(self.path)
        if self.line is not None:
            out += f":{self.line}"
            if self.column is not None:
                out += f":{self.column}"
        return out

    def __str__(self) -> str:
        where = self.where()
        text = f"[{self.code}] "
        if where:
            text += f"{where}: "
        text += self.message
        if self.hint:
            text += f" ({self.hint})"
        return text


@dataclass(frozen=True, slots=True)
class Problem:
    """A non-fatal input problem: the document is skipped or partly read."""

    code: str
    path: str
    message: str

    def to_dict(self) -> dict:
        return {"code": self.code, "path": self.path, "message": self.message}

    def __str__(self) -> str:
        return f"[{self.code}] {self.path}: {self.message}"


# Document problems (W1xx)
W101_BINARY = "W101"
W102_EMPTY = "W102"
W103_ENCODING = "W103"
W104_TOO_LARGE = "W104"
W105_UNREADABLE = "W105"
W106_SYMLINK_OUTSIDE = "W106"
W107_NUL_BYTES = "W107"
W108_UNSUPPORTED = "W108"
W109_LONG_LINE = "W109"
W110_TOO_DEEP = "W110"
W111_NO_TEXT = "W111"  # a PDF (or some of its pages) without a text layer: a scan
W112_ENCRYPTED = "W112"  # an encrypted PDF or Word file
W113_BROKEN = "W113"  # a PDF or Word file that cannot be parsed
W114_NUMBER_TABLE = "W114"  # tables of bare numbers, not read number by number
W115_DENSE = "W115"  # a document far denser in figures than prose: compared with near values only

"""Make untrusted document text inert before a formatter shows it.

Quotes, sentences and messages come from the documents, and a document can
hold anything: ANSI escape sequences that recolour or retitle a terminal,
OSC 8 hyperlinks, bidi overrides that make text read differently from how it
is stored (the "Trojan Source" trick), HTML, Markdown links, @mentions.
A fact checker must show the reader what the text really says, so these
functions make hidden characters *visible* (``\\x1b``, ``\\u202e``) instead of
silently dropping them: a quote that smuggles a bidi override is itself
worth seeing.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "document_paths",
    "evidence_where",
    "markdown_safe",
    "one_line",
    "positive_int",
    "terminal_safe",
]

# Bidi embeddings/overrides/isolates and the implicit marks. They are format
# characters (Cf), not controls, so they need their own list.
_BIDI = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
# Line and paragraph separators end a line in some terminals and editors
# while looking like nothing; tab and newline are the only whitespace
# controls a terminal view keeps.
_KEEP = frozenset("\n\t")
_SEPARATORS = frozenset("\u2028\u2029")

# Unicode whitespace: every line break a terminal or Markdown parser may
# honour (\r, \x0b, \x85, U+2028, ...) is in it.
_WHITESPACE = re.compile(r"\s+")

_MARKDOWN_META = frozenset("\\`*_{}[]()#+-.!|<>~&")
# A GitHub @mention notifies the named user or team; the mention filter works
# on rendered text, so a backslash escape does not stop it, but a word joiner
# between "@" and the name does.
_MENTION = re.compile(r"@(?=[A-Za-z0-9])")
_WORD_JOINER = "\u2060"

_ELLIPSIS = "\u2026"


def _escape_char(char: str) -> str:
    """The visible Python-style escape of one code point."""
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def _is_unsafe(char: str) -> bool:
    if char in _KEEP:
        return False
    if char in _BIDI or char in _SEPARATORS:
        return True
    # Cc: C0, DEL and C1 controls (ESC, BEL, CSI, ...). Cs: lone surrogates,
    # which cannot be encoded and would crash the console on output.
    return unicodedata.category(char) in ("Cc", "Cs")


def _tokens(text: str) -> list[str]:
    """Split text into shown units: one character or one whole escape."""
    return [_escape_char(c) if _is_unsafe(c) else c for c in text]


def _collapse(text: str) -> str:
    return _WHITESPACE.sub(" ", text).strip()


def terminal_safe(text: str) -> str:
    """Return *text* with every control, bidi and separator character escaped.

    ESC becomes the four characters ``\\x1b``, so an escape sequence turns into
    harmless visible text (``\\x1b[31m``); the rest of the sequence needs no
    treatment once its introducer is gone. Newline and tab are kept: use
    :func:`one_line` where a line break must not reach the output. All other
    Unicode (Cyrillic, Turkish dotted I, CJK, emoji) is left as it is.
    """
    return "".join(_tokens(text))


def one_line(text: str, limit: int = 100) -> str:
    """Return *text* terminal-safe, on one line, at most *limit* characters.

    Runs of whitespace (line breaks included) become one space. A longer text
    is cut to ``limit - 1`` characters plus an ellipsis; the cut never splits
    a visible escape such as ``\\u202e`` in two.
    """
    if limit < 1:
        raise ValueError(f"limit must be at least 1, got {limit}")
    tokens = _tokens(_collapse(text))
    if sum(len(t) for t in tokens) <= limit:
        return "".join(tokens)
    kept: list[str] = []
    used = 0
    for token in tokens:
        if used + len(token) > limit - 1:
            break
        kept.append(token)
        used += len(token)
    return "".join(kept).rstrip() + _ELLIPSIS


def markdown_safe(text: str) -> str:
    """Return *text* inert in GitHub-flavoured Markdown, as one inline run.

    Whitespace runs, line breaks included, collapse to one space and the ends
    are stripped (a newline could start a heading, a list or a table row,
    leading spaces an indented code block); the text is made
    :func:`terminal_safe`; every Markdown or HTML metacharacter is
    backslash-escaped (CommonMark lets any ASCII punctuation be escaped, and
    ``\\&`` stops entity references); and @mentions get a word joiner so
    they notify nobody.
    """
    flat = terminal_safe(_collapse(text))
    escaped = "".join("\\" + c if c in _MARKDOWN_META else c for c in flat)
    return _MENTION.sub("@" + _WORD_JOINER, escaped)


# Positions and paths in a report are input too: a hand-edited or foreign
# report may hold 0, null or a string where a 1-based line belongs.


def positive_int(value: object) -> int | None:
    """Return *value* if it is a usable 1-based position (an int >= 1), else None."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
        return value
    return None


def document_paths(report: dict) -> dict[str, str]:
    """Map each document id to its path, with forward slashes."""
    return {
        doc["id"]: (doc.get("path") or doc["id"]).replace("\\", "/")
        for doc in report.get("documents") or []
    }


def evidence_where(item: dict, paths: dict[str, str]) -> str:
    """``path:line`` of one evidence item (``path`` alone when the line is unusable);
    ``path, page 3, line 12`` for a PDF, whose lines are counted on their page.

    Not made safe: each formatter escapes it for its own output.
    """
    doc = item.get("doc") or "?"
    where = paths.get(doc, doc)
    page, page_line = positive_int(item.get("page")), positive_int(item.get("page_line"))
    if page:
        return f"{where}, page {page}" + (f", line {page_line}" if page_line else "")
    line = positive_int(item.get("line"))
    return f"{where}:{line}" if line else where

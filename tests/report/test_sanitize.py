"""Untrusted text made inert for terminals and Markdown."""

from __future__ import annotations

import html
import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from factcheck.report.sanitize import (
    document_paths,
    evidence_where,
    markdown_safe,
    one_line,
    positive_int,
    terminal_safe,
)

BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
HOSTILE = [
    "\x1b[31m",
    "\x1b]8;;http://evil\x07",
    "\x9b",  # C1 CSI
    "\x07",
    "\r",
    "\n",
    "\t",
    "\x00",
    "\x7f",
    "\u2028",
    "\ud800",  # lone surrogate
    "<script>",
    "[x](javascript:alert(1))",
    "`",
    "\\",
    "&amp;",
    "@octocat",
    "#1",
    "|",
    "%",
    "::",
    "    ",
    "- ",
    "1. ",
    "***",
    "Привет",
    "İı",
    *BIDI,
]
# Arbitrary text with hostile fragments mixed in, so both kinds are exercised.
hostile_text = st.lists(
    st.one_of(st.sampled_from(HOSTILE), st.text(max_size=8)), max_size=12
).map("".join)

UNESCAPE = re.compile(r"\\.", re.DOTALL)


def _unsafe_chars(text: str) -> set[str]:
    return {
        c
        for c in text
        if c in BIDI or c in "\u2028\u2029" or (unicodedata.category(c) in ("Cc", "Cs") and c not in "\n\t")
    }


# terminal_safe


def test_terminal_safe_makes_escape_sequences_visible() -> None:
    assert terminal_safe("a\x1b[31mred\x1b[0m") == "a\\x1b[31mred\\x1b[0m"
    assert terminal_safe("\x1b]8;;http://evil\x07x") == "\\x1b]8;;http://evil\\x07x"
    assert terminal_safe("\x9b2J") == "\\x9b2J"


def test_terminal_safe_makes_bidi_controls_visible() -> None:
    assert terminal_safe("abc\u202edef\u202c") == "abc\\u202edef\\u202c"
    assert terminal_safe("\u2066x\u2069\u200e\u200f") == "\\u2066x\\u2069\\u200e\\u200f"


def test_terminal_safe_keeps_normal_unicode_and_layout() -> None:
    text = "Привет, İstanbul ğüşıö 北京 \u00e9 \U0001f600\tcol\nnext"
    assert terminal_safe(text) == text


def test_terminal_safe_escapes_carriage_return_and_lone_surrogate() -> None:
    assert terminal_safe("ok\rFAKE") == "ok\\x0dFAKE"
    assert terminal_safe("a\ud800b") == "a\\ud800b"


@given(hostile_text)
def test_terminal_safe_output_has_no_control_or_bidi(text: str) -> None:
    out = terminal_safe(text)
    assert "\x1b" not in out
    assert not _unsafe_chars(out)
    out.encode("utf-8")  # never raises: no lone surrogates left


@given(hostile_text)
def test_terminal_safe_is_idempotent(text: str) -> None:
    once = terminal_safe(text)
    assert terminal_safe(once) == once


@given(st.text())
def test_terminal_safe_leaves_safe_text_alone(text: str) -> None:
    if not _unsafe_chars(text):
        assert terminal_safe(text) == text


# one_line


def test_one_line_collapses_whitespace() -> None:
    assert one_line("  a\n\n b\r\n\tc  ", 100) == "a b c"


def test_one_line_truncates_with_ellipsis() -> None:
    assert one_line("abcdefghij", 5) == "abcd\u2026"
    assert one_line("abcde", 5) == "abcde"


def test_one_line_never_splits_an_escape() -> None:
    out = one_line("ab \u202e\u202e", 10)
    assert out == "ab \\u202e\u2026"


def test_one_line_rejects_a_limit_below_one() -> None:
    with pytest.raises(ValueError):
        one_line("x", 0)


@given(hostile_text, st.integers(min_value=1, max_value=60))
def test_one_line_is_safe_short_and_a_prefix(text: str, limit: int) -> None:
    out = one_line(text, limit)
    full = one_line(text, 10**6)
    assert len(out) <= limit
    assert "\n" not in out and "\t" not in out
    assert not _unsafe_chars(out)
    if out != full:
        assert out.endswith("\u2026")
        assert full.startswith(out[:-1].rstrip())


# markdown_safe


def test_markdown_safe_escapes_links_and_html() -> None:
    assert markdown_safe("[x](javascript:alert(1))") == "\\[x\\]\\(javascript:alert\\(1\\)\\)"
    assert markdown_safe("<script>a&b</script>") == "\\<script\\>a\\&b\\</script\\>"


def test_markdown_safe_collapses_newlines_and_is_terminal_safe() -> None:
    assert markdown_safe("a\n# b\x1b[1m") == "a \\# b\\\\x1b\\[1m"


def test_markdown_safe_neutralises_mentions() -> None:
    out = markdown_safe("ping @octocat and @org/team")
    assert re.search(r"@[A-Za-z0-9]", out) is None
    assert "octocat" in out


@given(hostile_text)
def test_markdown_safe_leaves_no_raw_metacharacter(text: str) -> None:
    out = markdown_safe(text)
    # Every backslash in the output starts an escape pair; once the pairs are
    # removed, no metacharacter from the input may remain.
    bare = UNESCAPE.sub("", out)
    assert not set(bare) & set("\\`*_{}[]()#+-.!|<>~&")
    assert "\n" not in out and "\r" not in out
    assert "\x1b" not in out
    assert not _unsafe_chars(out)


MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])


@given(hostile_text)
def test_markdown_safe_renders_as_plain_text(text: str) -> None:
    out = markdown_safe(text)
    rendered = MD.render(out)
    if not out:
        assert rendered == ""
        return
    assert rendered.startswith("<p>") and rendered.endswith("</p>\n")
    inner = rendered[len("<p>") : -len("</p>\n")]
    # The only tags are the paragraph itself: no links, code, emphasis, HTML.
    assert "<" not in inner
    # What the reader sees is the terminal-safe text itself.
    # (word joiners are what markdown_safe puts between characters, so the input's own are set aside too)
    expected = terminal_safe(re.sub(r"\s+", " ", text).strip()).replace("\u2060", "")
    seen = html.unescape(inner).replace("\u2060", "")
    assert seen == expected


# positions and paths


def test_positive_int_accepts_only_one_based_ints() -> None:
    assert positive_int(3) == 3
    for bad in (0, -1, None, "3", 2.0, True):
        assert positive_int(bad) is None


def test_evidence_where_uses_the_document_path() -> None:
    paths = document_paths({"documents": [{"id": "d1", "path": "corpus\\sub\\d1.txt"}]})
    assert paths == {"d1": "corpus/sub/d1.txt"}
    assert evidence_where({"doc": "d1", "line": 4}, paths) == "corpus/sub/d1.txt:4"
    assert evidence_where({"doc": "d1", "line": 0}, paths) == "corpus/sub/d1.txt"
    assert evidence_where({"doc": "zz", "line": 2}, paths) == "zz:2"

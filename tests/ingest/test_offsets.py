"""Offset maps: apply_edits, TextMap composition, and original line/column.

The property tests pin the contract every later stage relies on: a span of
the repaired text can always be traced back to the characters of the file
on disk that produced it.
"""

from __future__ import annotations

import bisect

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.ingest.offsets import TextMap, apply_edits
from factcheck.ingest.repair import repair

# --- apply_edits ----------------------------------------------------------


def test_apply_edits_replace_delete_insert():
    text, step, _ends = apply_edits("abcdef", [(0, 0, "X"), (1, 3, "YZW"), (4, 5, "")])
    assert text == "XaYZWdf"
    # X is inserted before "a" and maps to it; YZW spread over "bc"; "e" deleted
    assert list(step) == [0, 0, 1, 1, 2, 3, 5, 6]


def test_apply_edits_no_edits_is_identity():
    text, step, _ends = apply_edits("héllo", [])
    assert text == "héllo"
    assert list(step) == [0, 1, 2, 3, 4, 5]


def test_apply_edits_replacement_shorter_than_range_maps_to_first_char():
    text, step, _ends = apply_edits("a--\nb", [(1, 4, "-")])
    assert text == "a-b"
    assert step[1] == 1


@pytest.mark.parametrize("edits", [[(2, 3, "x"), (1, 2, "y")], [(1, 3, "x"), (2, 4, "y")], [(3, 2, "x")], [(0, 9, "x")]])
def test_apply_edits_rejects_unsorted_overlapping_or_out_of_range(edits):
    with pytest.raises(ValueError):
        apply_edits("abcd", edits)


@st.composite
def text_and_edits(draw):
    text = draw(st.text(alphabet="ab\n \u00e9\U0003ffffxyz", max_size=60))
    n = len(text)
    cuts = sorted(draw(st.lists(st.integers(0, n), max_size=12)))
    edits = []
    # pair up cut points into (start, end) ranges; a start equal to the
    # previous end is allowed (adjacent edits), overlap is not
    for start, end in zip(cuts[::2], cuts[1::2]):
        repl = draw(st.text(alphabet="QRS\n ", max_size=4))
        edits.append((start, end, repl))
    return text, edits


@given(text_and_edits())
def test_apply_edits_kept_characters_map_to_identical_original(case):
    """(a) Every character that was not inserted maps to the equal original char."""
    original, edits = case
    new, step, _ends = apply_edits(original, edits)
    assert len(step) == len(new) + 1
    assert step[-1] == len(original)
    new_pos = 0
    old_pos = 0
    for start, end, repl in edits:
        for k in range(start - old_pos):  # untouched text before this edit
            assert step[new_pos + k] == old_pos + k
            assert new[new_pos + k] == original[old_pos + k]
        new_pos += start - old_pos
        for k in range(len(repl)):  # replacement chars stay inside the edited range
            assert new[new_pos + k] == repl[k]
            if end > start:
                assert start <= step[new_pos + k] < end
            else:
                assert step[new_pos + k] == start
        new_pos += len(repl)
        old_pos = end
    for k in range(len(original) - old_pos):
        assert step[new_pos + k] == old_pos + k
        assert new[new_pos + k] == original[old_pos + k]
    assert list(step) == sorted(step)


# --- TextMap ----------------------------------------------------------------


def test_textmap_composes_steps_and_counts_repairs():
    tm = TextMap.identity("ab\r\ncd")
    tm.apply("newline", [(2, 4, "\n")])
    tm.apply("upper", [(0, 1, "A"), (3, 4, "C")])
    tm.apply("noop", [])
    assert tm.text == "Ab\nCd"
    assert list(tm.offsets) == [0, 1, 2, 4, 5, 6]
    assert tm.repairs == {"newline": 1, "upper": 2}
    # the "C" came from the original "c" at index 4
    assert tm.to_original(3, 4) == (4, 5)
    assert tm.original[slice(*tm.to_original(3, 5))] == "cd"


def test_to_original_spans_a_deleted_range():
    tm = TextMap.identity("one -\ntwo")
    tm.apply("x", [(4, 6, "")])
    assert tm.text == "one two"
    s, e = tm.to_original(0, 7)
    assert tm.original[s:e] == "one -\ntwo"


def test_to_original_empty_span():
    tm = TextMap.identity("abc")
    assert tm.to_original(1, 1) == (1, 1)
    assert tm.to_original(3, 3) == (3, 3)


def test_line_col_is_one_based():
    tm = TextMap.identity("ab\ncd\n\nef")
    assert tm.line_col(0) == (1, 1)
    assert tm.line_col(2) == (1, 3)  # the newline belongs to its line
    assert tm.line_col(3) == (2, 1)
    assert tm.line_col(6) == (3, 1)
    assert tm.line_col(8) == (4, 2)


def test_location_end_column_is_exclusive_and_crosses_lines():
    tm = repair("first line of the docu-\nment here.")
    i = tm.text.index("document")
    line, col, eline, ecol = tm.location(i, i + len("document"))
    assert (line, col) == (1, 19)
    # "ment" is columns 1-4 of line 2; SARIF's endColumn is exclusive
    assert (eline, ecol) == (2, 5)
    s, e = tm.to_original(i, i + len("document"))
    assert tm.original[s:e] == "docu-\nment"


def test_to_original_of_text_inserted_at_end_stays_inside_original():
    tm = TextMap.identity("ab")
    tm.apply("insert", [(2, 2, "!")])
    s, e = tm.to_original(2, 3)
    assert 0 <= s <= e <= len(tm.original)


# --- repair() keeps an exact map: property tests ------------------------------

DIRT = [
    "\U0003ffff",
    "\u00c0",
    "\ufffd",
    "-\n",
    "\n\n",
    "\r\n",
    "\x00",
    " ",
    "  ",
    "\t",
    "13. 2 thousand",
    "3. 5 times",
    "2002at",
    "7in",
    "2015. 2 students",
    "signi\U0003ffffcant",
    "in\u00c0uence",
    "popular-\nization",
    "Kazakh-\nChinese",
    "interna- \ntional",
    ".",
    ",",
    "\u00a0",
]
WORDS = ["a", "the", "word", "Kazakh", "Word", "students", "inter", "national", "x", "é", "12", "3rd", "1990s"]
REPLACEMENT_CHARS = set(" \nfil")  # what repairs write: spaces, newlines, ligature letters


@st.composite
def dirty_text(draw):
    pieces = draw(st.lists(st.sampled_from(DIRT + WORDS) | st.text(alphabet="abcXYZ019 \n.-", max_size=5), max_size=80))
    return "".join(pieces)


def _check_map(original: str, tm: TextMap) -> None:
    text = tm.text
    n = len(original)
    assert len(tm.offsets) == len(text) + 1
    assert tm.offsets[-1] == n
    assert list(tm.offsets) == sorted(tm.offsets)
    for i, ch in enumerate(text):
        o = tm.offsets[i]
        assert 0 <= o < n
        if ch not in REPLACEMENT_CHARS:
            # letters, digits and punctuation are never made up by a repair
            assert original[o] == ch, (i, ch, original[o])


@settings(max_examples=300)
@given(dirty_text(), st.data())
def test_repair_map_points_back_to_identical_characters(original, data):
    """(b) Any repaired span maps into the original, ordered; kept chars are identical."""
    tm = repair(original)
    _check_map(original, tm)
    n = len(tm.text)
    i = data.draw(st.integers(0, n))
    j = data.draw(st.integers(i, n))
    s, e = tm.to_original(i, j)
    assert 0 <= s <= e <= len(original)
    if j > i:
        # the original span contains every non-replacement char of the repaired span
        piece = original[s:e]
        kept = [c for c in tm.text[i:j] if c not in REPLACEMENT_CHARS]
        it = iter(piece)
        assert all(c in it for c in kept)  # subsequence


@settings(max_examples=200)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=300))
def test_repair_map_on_arbitrary_text(original):
    tm = repair(original)
    _check_map(original, tm)
    assert "\ufffd" not in tm.text
    assert "\U0003ffff" not in tm.text
    assert "\x00" not in tm.text
    assert "\r" not in tm.text


def _splitlines_line_col(original: str, k: int) -> tuple[int, int]:
    """1-based (line, column) of index k, with lines as str.splitlines() sees them."""
    starts = [0]
    pos = 0
    for line in original.splitlines(keepends=True):
        pos += len(line)
        if line != line.rstrip("\r\n"):
            starts.append(pos)
    line = bisect.bisect_right(starts, k)
    return line, k - starts[line - 1] + 1


@settings(max_examples=300)
@given(
    st.lists(st.sampled_from(["\n", "\r\n", "\n\n", "ab", "Cd", "-\n", "x y", "\ufffd", "\U0003ffff", "1. 2 times", "  "]), max_size=40).map("".join),
    st.data(),
)
def test_location_is_one_based_and_agrees_with_splitlines(original, data):
    """(c) location() gives the 1-based line/column that splitlines() gives."""
    tm = repair(original)
    n = len(tm.text)
    i = data.draw(st.integers(0, n))
    j = data.draw(st.integers(i, n))
    line, col, eline, ecol = tm.location(i, j)
    assert line >= 1 and col >= 1 and eline >= line and ecol >= 1
    s, e = tm.to_original(i, j)
    assert (line, col) == _splitlines_line_col(original, s)
    last = max(e - 1, s)
    el, ec = _splitlines_line_col(original, last)
    assert (eline, ecol) == (el, ec + 1)
    if s < len(original):
        assert original.splitlines(keepends=True)[line - 1][col - 1] == original[s]


def test_location_after_a_lone_carriage_return():
    tm = repair("Old Mac line\rsecond line")
    i = tm.text.index("second")
    assert tm.location(i, i + 6)[:2] == (2, 1)


def test_location_with_crlf_counts_lines():
    original = "Title\r\n\r\nBody text here.\r\nMore.\r\n"
    tm = repair(original)
    assert "\r" not in tm.text
    i = tm.text.index("More")
    assert tm.location(i, i + 4) == (4, 1, 4, 5)
    assert tm.location(tm.text.index("Body"), tm.text.index("Body") + 4) == (3, 1, 3, 5)

"""Fact-box and two-column table rows: read as claims, kept as lines of their own.

A row names what its value is ("Deaths | 1,782 |", "Opened: 14 June 1961").
Rows with a separator are rows anywhere; a row with no separator ("Injured
40 (estimated)") only next to another such row, so a short wrapped line of
prose is not taken for one. All text here is invented.
"""

from __future__ import annotations

from hypothesis import given, strategies as st

from factcheck.ingest.repair import repair
from factcheck.ingest.segment import fact_row, segment


def _label(line: str, bare: bool = False) -> str | None:
    span = fact_row(line, bare)
    return None if span is None else line[span[0]:span[1]]


def test_rows_with_a_separator_name_their_label():
    assert _label("Deaths | 1,782 (confirmed) |") == "Deaths"
    assert _label("| Main span | 310 m |") == "Main span"
    assert _label("Opened: 14 June 1961") == "Opened"
    assert _label("Injured (non-fatal)\t9,000 (approximate)") == "Injured (non-fatal)"
    assert _label("Cost: about $35 million") == "Cost"


def test_lines_that_are_not_rows():
    assert fact_row("Chapter | 3 |") is None  # a label's own number, not a value
    assert fact_row("Section: 12 rules of thumb") is None
    assert fact_row("The storm that hit the Brill valley killed 40 people: 12 | more") is None
    assert fact_row("Rooms | 7 |") is None  # a bare one- or two-digit value is not trusted
    assert fact_row("At 10:30 the doors opened.") is None  # a clock time is not a separator
    assert fact_row("Deaths 1,782 (confirmed)") is None  # no separator: only with bare=True


def test_a_bare_row_counts_only_when_asked_for():
    assert _label("Deaths 1,782 (confirmed)", bare=True) == "Deaths"
    assert _label("Injured 9,000 (approximate)", bare=True) == "Injured"
    assert fact_row("It was said that over 1,782", bare=True) is None  # label too long for a bare row


def test_segment_reads_rows_as_facts_and_bare_rows_only_in_a_block():
    text = ("The Hollin Flood\n\nDeaths 1,782 (confirmed)\nInjured 9,000 (approximate)\n\n"
            "Opened: 14 June 1961\n\nLater reports\n2,000 more\n")
    labels = {text[s.start:s.end].strip(): s.label for s in segment(text)}
    assert labels["Opened: 14 June 1961"] == "fact"
    block = [k for k in labels if k.startswith("Deaths")]
    assert block and labels[block[0]] == "fact"


def test_reflow_keeps_rows_on_lines_of_their_own():
    text = ("The Corran viaduct crosses the\nestuary at its narrowest point and\ncarries the coast road.\n"
            "Main span | 310 m |\nOpened | 1961 |\n")
    repaired = repair(text).text
    assert "Main span | 310 m |\nOpened | 1961 |" in repaired


labels = st.from_regex(r"[A-Z][a-z]{2,9}( [a-z]{2,9}){0,3}", fullmatch=True)
values = st.integers(min_value=100, max_value=10**7).map(lambda n: f"{n:,}")
seps = st.sampled_from([" | ", "\t", ": "])


@given(labels, values, seps)
def test_any_labelled_row_gives_back_exactly_its_label(label, value, sep):
    line = f"{label}{sep}{value}"
    span = fact_row(line)
    if label.split()[0].lower() in ("chapter", "part", "section", "volume", "table", "figure", "page", "step", "phase",
                                    "stage", "round", "season", "episode", "number", "item", "question", "room", "row",
                                    "seat", "level", "grade", "class", "route", "platform", "gate", "track", "act",
                                    "scene", "book", "article", "rule", "clause", "appendix"):
        return
    assert span is not None
    assert line[span[0]:span[1]] == label


@given(st.text(max_size=120))
def test_a_row_label_is_always_inside_its_line(line):
    for bare in (False, True):
        span = fact_row(line, bare)
        if span is not None:
            s, e = span
            assert 0 <= s < e <= len(line)
            assert line[s:e].strip() == line[s:e]


def test_when_the_page_was_posted_is_not_a_row():
    assert fact_row("First Posted: 10/25/11 06:44 PM ET") is None
    assert fact_row("Last updated | 3 March 2021 |") is None
    assert _label("Published | 1851 |") == "Published"  # a book's year of publication is a fact of its story


def test_a_label_glued_to_its_value_in_a_scraped_box_is_parted():
    text = "Corran Arch\nStatus\nHeight108 metres (354.3 ft)[1]\nDeaths1,490–1,635\n"
    repaired = repair(text)
    assert "Height 108 metres" in repaired.text and "Deaths 1,490–1,635" in repaired.text
    assert _label("Height 108 metres (354.3 ft)[1]", bare=True) == "Height"
    assert _label("Deaths 1,490–1,635", bare=True) == "Deaths"
    # the repaired text still maps back onto the original exactly
    i = repaired.text.index("108")
    s, e = repaired.to_original(i, i + 3)
    assert text[s:e] == "108"


def test_a_model_name_in_running_text_is_not_a_glued_label():
    text = "The Boeing747 is a big plane that flies far and wide across the ocean every single day of the week.\n"
    assert repair(text).text == text


def test_rows_may_open_with_a_bullet_and_give_a_month_first():
    assert _label("- Completion Date: November 1986") == "Completion Date"
    assert _label("Completion Date:November 2016[1]") == "Completion Date"


def test_a_timeline_row_gives_its_value_first():
    assert _label("01:23:44 — Explosion") == "Explosion"
    assert _label("14 June 1961 – Corran Bridge opened") == "Corran Bridge opened"
    assert _label("1:23 a.m. - Reactor 4 explodes") == "Reactor 4 explodes"
    assert _label("December 1986: sarcophagus completed") == "sarcophagus completed"
    assert fact_row("2019 - 2020") is None  # a span of years, not a row
    assert fact_row("At 10:30 the doors opened.") is None


def test_a_label_glued_to_a_month_is_parted():
    text = "Corran Arch\nBegan2010\nCompletedJuly 2019\n"
    repaired = repair(text)
    assert "Completed July 2019" in repaired.text and "Began 2010" in repaired.text
    i = repaired.text.index("July")
    s, e = repaired.to_original(i, i + 4)
    assert text[s:e] == "July"
    # a month inside a word of running text is left alone
    running = "The MayFair hotel opened its doors to the public on a cold and windy morning in the spring.\n"
    assert repair(running).text == running

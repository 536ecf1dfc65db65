"""Tables of bare numbers: recognised as tables, never read number by number.

A statistical appendix dumped to text is a grid of numbers whose meaning lives in
column headings no line holds. Its numbers are not claims, the document gets a
coded note (W114), and its prose is still read.
"""

from __future__ import annotations

from hypothesis import given, strategies as st

from factcheck.api import check_texts
from factcheck.ingest.segment import CLAIM_LABELS, grid_row, number_grid, segment

number = st.one_of(
    st.integers(min_value=0, max_value=10**7).map(lambda n: f"{n:,}"),
    st.floats(min_value=0, max_value=1e5, allow_nan=False).map(lambda x: f"{x:.1f}"),
    st.integers(min_value=-999, max_value=-1).map(str),
)


@given(st.lists(number, min_size=4, max_size=30))
def test_a_line_of_four_or_more_bare_numbers_is_a_grid_row(values):
    assert grid_row(" ".join(values))


@given(st.lists(number, min_size=4, max_size=12), st.sampled_from(["Region B", "Row 7", "Total"]))
def test_a_short_label_before_the_numbers_keeps_it_a_grid_row(values, label):
    assert grid_row(f"{label} " + " ".join(values))


def test_prose_with_figures_is_not_a_grid_row():
    assert not grid_row("The ferry carried 412 passengers and 38 crew on 3 May 1921 when it sank.")
    assert not grid_row("Nausea 2/93 (2.15%) Fatigue 3/93 (3.23%) Rash 4/93 (4.30%) Fever 1/93 (1.08%)")
    assert not grid_row("Heights: 12 m, 14 m, 15 m and 17 m")  # numbers with units say what they measure
    assert not grid_row("1 2 3")


def test_number_grid_counts_the_numbers_of_a_table_paragraph():
    table = "1,204 1,377 1,502 1,688\n2,001 2,140 2,388 2,410\nTotal 9,110 9,870 10,201 11,004"
    assert number_grid(table) == 12
    assert number_grid("The mill employed 340 people in 1911.\n1 2 3 4") == 0  # one grid line of two


def test_a_table_paragraph_is_labelled_and_not_read_for_claims():
    text = ("Annual tonnage of the port\n\n"
            "The harbour opened in 1887 and handled 42,000 tonnes in its first year.\n\n"
            + "\n".join(" ".join(str(1000 + 37 * r + c) for c in range(8)) for r in range(40)) + "\n")
    labels = [(s.label, text[s.start:s.end][:10]) for s in segment(text)]
    table = [s for s in segment(text) if s.label == "table"]
    assert len(table) == 1, labels
    assert "table" not in CLAIM_LABELS
    assert "320 bare numbers" in table[0].reason


def test_a_document_with_a_table_keeps_its_prose_claims_and_gets_a_coded_note():
    grid = "\n".join(" ".join(str(5000 + 11 * r + c) for c in range(10)) for r in range(200))
    text = "The Varn dam was completed in 1964 at a cost of $12 million.\n\n" + grid + "\n"
    report = check_texts({"appendix": text}, only=[])
    quotes = [c["quote"] for c in report["claims"]]
    assert "1964" in quotes and "$12 million" in quotes
    assert not any(q.isdigit() and int(q) >= 5000 for q in quotes)  # no number of the table is a claim
    notes = [p for p in report["problems"] if p["code"] == "W114"]
    assert len(notes) == 1 and "lines 3-202" in notes[0]["message"]
    doc = report["documents"][0]
    assert doc["segments"].get("table") == 1
    assert [s["label"] for s in doc["skipped"]] == ["table"]


def test_a_document_far_denser_than_prose_gets_a_coded_note(tmp_path):
    """A list of a thousand dated figures is read, and the report says how its figures were compared."""
    from factcheck.api import check

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    lines = " ".join(f"On {1 + d % 28} May {1990 + d % 30} there were {5 + d % 40} clubs." for d in range(1100))
    (corpus / "clubs.txt").write_text(lines + "\n", encoding="utf-8")
    (corpus / "prose.txt").write_text("The Varn dam was completed in 1964 at a cost of $12 million.\n", encoding="utf-8")
    report = check([corpus], jobs=1)
    dense = [p for p in report["problems"] if p["code"] == "W115"]
    assert [p["path"].endswith("clubs.txt") for p in dense] == [True]
    assert "nearest in value" in dense[0]["message"]
    assert len([c for c in report["claims"] if c["doc"].endswith("clubs.txt")]) >= 2000  # still read

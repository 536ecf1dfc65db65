"""Publication dates: from corpus.yaml, or inferred from the front of the text.

A document's date anchors its relative times and the temporal checks, so
each inferred date must come with the quote it was read from.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.errors import FactcheckError
from factcheck.ingest.corpus import document_from_text, load_corpus, load_document
from factcheck.ingest.meta import infer_lower_bound, infer_published, load_corpus_meta
from factcheck.ingest.segment import segment

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def _published(text: str) -> tuple[str | None, str | None]:
    return infer_published(text, segment(text))


@pytest.mark.parametrize(
    ("header", "iso", "quote"),
    [
        ("Published: 27 March 2025", "2025-03-27", "Published: 27 March 2025"),
        ("Date of publication: March 5, 2021", "2021-03-05", "Date of publication: March 5, 2021"),
        ("Published 2020-11-02", "2020-11-02", "Published 2020-11-02"),
        ("Front. Polit. Sci., 27 March 2025", "2025-03-27", "Front. Polit. Sci., 27 March 2025"),
        ("No 1 (67). 2019", "2019", "No 1 (67). 2019"),
        ("46 Bulletin. Nel (67). 2019", "2019", "Nel (67). 2019"),
        ("MAY 17-19, 2024 MALATYA, TURKIYE", "2024-05-17", "MAY 17-19, 2024"),
        ("29.05.2024", "2024-05-29", "29.05.2024"),
    ],
)
def test_infer_published_from_headers(header, iso, quote):
    text = f"{header}\n\nA Title of the Paper\n\nThe body of the paper starts here and goes on for a while.\n"
    assert _published(text) == (iso, quote)


def test_published_line_wins_over_a_congress_date():
    text = "Congress held MAY 17-19, 2024\nPublished: 2 June 2024\n\nBody text of the paper.\n"
    assert _published(text) == ("2024-06-02", "Published: 2 June 2024")


def test_latest_of_several_dates_of_one_kind():
    text = "Received: x\nPublished: 3 January 2020\nPublished: 9 February 2021\n\nBody.\n"
    assert _published(text)[0] == "2021-02-09"


def test_no_date_found():
    assert _published("A paper without any date.\n\nIts body says nothing about when.\n") == (None, None)
    assert _published("") == (None, None)


def test_date_only_in_a_late_front_segment_is_found():
    # past the first 3000 characters, only front matter / header zones are read
    body = "This paragraph is ordinary body prose with no dates in it at all. " * 60
    text = body + "\n\nPublished: 4 April 2022\n"
    segs = segment(text)
    assert any(s.label == "front" for s in segs)
    assert infer_published(text, segs) == ("2022-04-04", "Published: 4 April 2022")


def test_a_dated_event_in_the_body_does_not_date_the_document():
    text = (
        "Energy Cooperation in Central Asia\n\n"
        "The pipeline agreement was signed in the capital on May 5, 2010, by both presidents, "
        "after years of negotiation between the two governments.\n"
    )
    assert _published(text) == (None, None)


def test_infer_lower_bound_from_access_dates():
    text = "1 See: X, available at [http://x], 24 April, 2018.\n2 Y, available at [http://y], 9 January, 2018.\n"
    assert infer_lower_bound(text) == ("2018-04-24", "24 April, 2018")


def test_infer_lower_bound_other_phrasings():
    assert infer_lower_bound("Retrieved from http://x (accessed 3 May 2019)")[0] == "2019-05-03"
    assert infer_lower_bound("Last Access: 15.05.2024.")[0] == "2024-05-15"
    assert infer_lower_bound("no access dates here") == (None, None)


def test_lower_bound_used_only_without_a_published_date():
    raw = (
        "Some Title\n\nThe body of the paper is here and it is long enough to be body text.\n\n"
        "1 See: report, available at [http://x], 24 April, 2018.\n"
    )
    doc = document_from_text("d", raw)
    assert doc.published == "2018-04-24"
    assert doc.published_source == "text-lower-bound"
    assert "24 April, 2018" in doc.published_evidence
    doc = document_from_text("d", "Published: 1 June 2019\n" + raw)
    assert (doc.published, doc.published_source) == ("2019-06-01", "text")


def test_metadata_date_wins_over_the_text():
    doc = document_from_text("d", "Published: 1 June 2019\n\nBody.\n", meta={"published": "2020-01-02", "title": "T"})
    assert (doc.published, doc.published_source, doc.published_evidence) == ("2020-01-02", "metadata", "corpus.yaml")
    assert doc.title == "T"


# --- corpus.yaml --------------------------------------------------------------------------


def test_load_corpus_meta(tmp_path):
    (tmp_path / "corpus.yaml").write_text(
        "documents:\n  a.txt:\n    published: '2020-01-02'\n    title: A\n  b.txt:\n", encoding="utf-8"
    )
    assert load_corpus_meta(tmp_path) == {"a.txt": {"published": "2020-01-02", "title": "A"}, "b.txt": {}}


def test_load_corpus_meta_missing_file(tmp_path):
    assert load_corpus_meta(tmp_path) == {}


def test_load_corpus_meta_needs_a_documents_mapping(tmp_path):
    (tmp_path / "corpus.yaml").write_text("documents: [a.txt, b.txt]\n", encoding="utf-8")
    with pytest.raises(FactcheckError) as info:
        load_corpus_meta(tmp_path)
    assert info.value.code == "E220"


# --- the seeds ---------------------------------------------------------------------------


def _load(name: str, meta: dict | None = None):
    doc, problems = load_document(CORPUS / name, name, meta=meta)
    assert doc is not None, problems
    return doc


def test_003_date_inferred_from_its_front_matter():
    doc = _load("003_fe4cccf1a412bc07.txt")
    assert (doc.published, doc.published_source, doc.published_evidence) == ("2024-05-29", "text", "29.05.2024")


def test_002_year_from_its_garbled_journal_header():
    doc = _load("002_c59ff3a5fbf1d2f8.txt")
    assert (doc.published, doc.published_source) == ("2019", "text")
    assert doc.published_evidence.endswith("(67). 2019")


def test_000_only_a_lower_bound_from_access_dates():
    doc = _load("000_b5de9f515c0a7e57.txt")
    assert (doc.published, doc.published_source) == ("2018-12-18", "text-lower-bound")
    assert "18 December, 2018" in doc.published_evidence


def test_004_from_corpus_yaml():
    meta = load_corpus_meta(CORPUS)
    assert meta["004_2c8e4678485d9308.txt"]["published"] == "2025-03-27"
    doc = _load("004_2c8e4678485d9308.txt", meta["004_2c8e4678485d9308.txt"])
    assert (doc.published, doc.published_source) == ("2025-03-27", "metadata")
    # without metadata its "Published:" line (after the reference list) gives the same date
    doc = _load("004_2c8e4678485d9308.txt")
    assert (doc.published, doc.published_source, doc.published_evidence) == (
        "2025-03-27", "text", "Published: 27 March 2025",
    )


def test_load_corpus_applies_corpus_yaml():
    corpus = load_corpus([CORPUS])
    by_id = {d.id: d for d in corpus.documents}
    assert sorted(by_id) == sorted(p.name for p in CORPUS.glob("*.txt"))
    assert by_id["004_2c8e4678485d9308.txt"].published_source == "metadata"
    assert by_id["003_fe4cccf1a412bc07.txt"].published == "2024-05-29"
    assert by_id["001_45fd513b6608deaf.txt"].title.startswith("How Local Realities")
    assert corpus.problems == []

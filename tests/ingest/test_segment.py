"""Segmentation: which parts of a document are read for claims, and why not.

Only ``body`` and ``footnote`` segments are read; everything else must be
labelled so it never yields a claim (front matter, page furniture, the
reference list) or is reported as skipped with a reason (another language,
garbled OCR).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.ingest.corpus import load_document
from factcheck.ingest.segment import CLAIM_LABELS, Segment, language_problem, paragraphs, segment

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
SEEDS = sorted(CORPUS.glob("*.txt"))


@pytest.fixture(scope="module")
def seeds():
    """Every seed document, loaded once for this module."""
    out = {}
    for path in SEEDS:
        doc, problems = load_document(path, path.name)
        assert doc is not None, problems
        out[path.name[:3]] = doc
    return out


def _labelled(doc, needle: str) -> Segment:
    """The segment containing the first occurrence of needle in the repaired text."""
    i = doc.text.index(needle)
    seg = doc.segment_at(i)
    assert seg is not None, needle
    return seg


# --- language_problem ---------------------------------------------------------------

ENGLISH = (
    "Although the number of Kazakh students attending Chinese universities has increased "
    "significantly since the mid-2000s, it remains relatively modest."
)
TURKISH = (
    "Bu çalışma, Orta Asya'daki Rusya ve Çin'in yumuşak güç stratejilerini, özellikle de "
    "Kazakistan üzerindeki etkilerini incelemekte ve değerlendirmektedir."
)
GARBLED = (
    "ByriHri TaHAQ MOAEHMET XaAbIKAPAAbIK, CasCaTTbIH aXKbipamac OOAITriHe aiHaAADBI KOHE A€ OA "
    "DAEMAIK apeHaAa MaHbI3Abl POA aTKapbIn KeAeAi."
)


def test_language_problem_accepts_english_prose():
    assert language_problem(ENGLISH) == ""


def test_language_problem_names_turkish():
    reason = language_problem(TURKISH)
    assert reason.startswith("not English") and "Turkish" in reason


def test_language_problem_names_garbled_ocr():
    assert language_problem(GARBLED).startswith("garbled OCR")


def test_language_problem_ignores_short_lines():
    # too few words to judge: a name or a short title is not "not English"
    assert language_problem("Özet") == ""
    assert language_problem("Kazakistan Rusya Çin") == ""


def test_language_problem_german():
    text = (
        "Diese Studie untersucht die Strategien der weichen Macht Russlands und Chinas in "
        "Zentralasien, insbesondere ihren Einfluss auf Kasachstan und seine Außenpolitik."
    )
    assert language_problem(text).startswith("not English")


@pytest.mark.parametrize(
    "text",
    [
        "Cette étude examine les stratégies de puissance douce de la Russie et de la Chine en Asie "
        "centrale, en particulier leur influence sur le Kazakhstan et sur sa politique étrangère.",
        "Este estudio examina las estrategias de poder blando de Rusia y China en Asia Central, "
        "especialmente su influencia en Kazajistán y en su política exterior.",
    ],
    ids=["french", "spanish"],
)
def test_language_problem_romance_languages(text):
    assert language_problem(text).startswith("not English")


def test_language_problem_clean_russian_is_not_called_garbled():
    text = "Данное исследование рассматривает стратегии мягкой силы России и Китая в Центральной Азии."
    assert language_problem(text).startswith("not English")


# --- segment() on a synthetic document ----------------------------------------------

SYNTHETIC = "\n".join(
    [
        "Journal of Regional Studies",
        "Department of Political Science, Example University",
        "Keywords: soft power, education, culture",
        "",
        "Introduction",
        "",
        "Universities have become an important channel of influence for many states. This paper "
        "looks at exchange programmes and their effects on public opinion over two decades.",
        "Journal of Regional Studies",
        "The number of students grew quickly after the programme began.3 Most of them studied "
        "languages and engineering at partner universities.",
        "17",
        "Journal of Regional Studies",
        "3 See: Ministry of Education, annual report, available at http://example.org/report (accessed 3 May 2019).",
        "4 The survey was repeated in two later years with a smaller sample of respondents.",
        TURKISH,
        "References",
        "Nye, J. S. (2004). Soft power and American foreign policy. Polit. Sci. Q. 119, 255–270.",
        "Google Scholar",
        "Appendix",
        "Extra material that follows the references and is ordinary prose about the survey questions.",
        "",
    ]
)


@pytest.fixture(scope="module")
def synthetic_labels():
    return [(SYNTHETIC[s.start : s.end], s.label, s.reason) for s in segment(SYNTHETIC)]


def _label_of(labels, startswith: str) -> tuple[str, str]:
    for text, label, reason in labels:
        if text.startswith(startswith):
            return label, reason
    raise AssertionError(f"no segment starts with {startswith!r}")


@pytest.mark.parametrize(
    ("start", "label"),
    [
        ("Department of Political Science", "front"),
        ("Keywords:", "front"),
        ("Introduction", "heading"),
        ("Universities have become", "body"),
        ("The number of students", "body"),
        ("17", "page_header"),
        ("3 See: Ministry", "note"),
        ("4 The survey was repeated", "footnote"),
        ("Bu çalışma", "skipped"),
        ("References", "heading"),
        ("Nye, J. S. (2004)", "references"),
        ("Google Scholar", "page_header"),
        ("Appendix", "heading"),
        ("Extra material that follows", "body"),
    ],
)
def test_segment_labels(synthetic_labels, start, label):
    assert _label_of(synthetic_labels, start)[0] == label


def test_repeated_running_head_is_page_furniture(synthetic_labels):
    heads = [(label, reason) for text, label, reason in synthetic_labels if text == "Journal of Regional Studies"]
    assert len(heads) == 3
    assert all(label == "page_header" and "repeated 3 times" in reason for label, reason in heads)


def test_skipped_segments_carry_a_reason(synthetic_labels):
    label, reason = _label_of(synthetic_labels, "Bu çalışma")
    assert label == "skipped" and "Turkish" in reason


def test_segments_cover_non_empty_lines_in_order():
    segs = segment(SYNTHETIC)
    assert [(s.start, s.end) for s in segs] == paragraphs(SYNTHETIC)
    for s in segs:
        assert SYNTHETIC[s.start : s.end].strip()
        assert "\n" not in SYNTHETIC[s.start : s.end]


def test_paragraphs_spans():
    assert paragraphs("a\n\n  \nbc\n") == [(0, 1), (6, 8)]
    assert paragraphs("") == []


def test_segment_empty_text():
    assert segment("") == []


# --- acceptance on the seed documents ---------------------------------------------------


@pytest.mark.parametrize("name", [p.name[:3] for p in SEEDS])
def test_seed_claim_segments_have_no_debris(seeds, name):
    doc = seeds[name]
    claim_segments = [s for s in doc.segments if s.label in CLAIM_LABELS]
    assert claim_segments
    for s in claim_segments:
        piece = doc.text[s.start : s.end]
        assert "\ufffd" not in piece
        assert "\U0003ffff" not in piece


def test_turkish_abstract_of_003_is_skipped(seeds):
    doc = seeds["003"]
    seg = _labelled(doc, "Bu çalışma, Orta Asya'daki Rusya ve Çin'in")
    assert seg.label == "skipped"
    assert "Turkish" in seg.reason
    # the whole "Özet" block: its heading, the abstract and its keywords line
    assert _labelled(doc, "Özet").label not in CLAIM_LABELS
    assert _labelled(doc, "Anahtar kelimeler").label not in CLAIM_LABELS
    # and the English abstract right after it is read
    assert _labelled(doc, "This study examines and evaluates the soft power strategies").label == "body"


@pytest.mark.parametrize(
    "needle",
    [
        "JKaHa Xib6eK >KOAbI",
        "ByriHri TaHAQ MOAEHMET",
        "63A€epiHiH MBAEHM",
        "Tyrin cesaep",
        "HoBbii LLIEAKOBbIHM NyTb",
        "B HacToguee Bpems KyAbTypa",
        "3AECHb Kak hakTop",
        "KAtoueBble caoBa",
    ],
)
def test_garbled_cyrillic_blocks_of_002_are_skipped(seeds, needle):
    seg = _labelled(seeds["002"], needle)
    assert seg.label == "skipped"
    assert seg.reason.startswith("garbled OCR")


def test_002_english_text_is_read(seeds):
    doc = seeds["002"]
    assert _labelled(doc, "the number of Kazakh students in 2015 reached to 13.2 thousand").label == "body"
    assert _labelled(doc, "Today, culture became an integral part of international politics").label == "body"


def test_000_bibliographic_footnotes_are_notes(seeds):
    doc = seeds["000"]
    assert _labelled(doc, "12 See: G. Nursha, op. cit.").label == "note"
    # a footnote citing a transliterated Russian title is a note, not "not English"
    assert _labelled(doc, "1 See: S.G. Luzianin").label == "note"
    assert _labelled(doc, "7 A. Shustov").label == "note"


def test_004_web_chrome_is_page_furniture(seeds):
    doc = seeds["004"]
    seg = _labelled(doc, "Crossref Full Text | Google Scholar")
    assert seg.label == "page_header"


@pytest.mark.parametrize(
    "needle",
    ["Keywords: soft power, foreign influence", "Received: 12 December 2024", "Published: 27 March 2025."],
)
def test_004_metadata_after_the_reference_list_is_front_matter(seeds, needle):
    assert _labelled(seeds["004"], needle).label == "front"

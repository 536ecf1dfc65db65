"""Reference entries, in-text citations, their linking, and footnote markers.

The seed checks compare parsed entries with the reference lists of
003 (a conference paper, APA style with *italics*) and 004 (Frontiers
style, with DOIs), entry by entry, against what the files say.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.ingest.corpus import load_document
from factcheck.ingest.references import Reference, find_citations, find_markers, link, parse_reference

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


# --- parse_reference ------------------------------------------------------------------


def test_parse_apa_journal_entry_with_markdown_italics():
    # doc 003, copied from the file
    text = (
        "- Burkhanov, A., & Chen, Y. (2016). Kazakh Perspective on China, the Chinese, and Chinese "
        "Migration. *Ethnic and Racial Studies*, *39*(12), 2129–2148."
    )
    ref = parse_reference(text, start=40)
    assert ref is not None
    assert ref.authors == ("Burkhanov", "Chen")
    assert ref.first_author == "Burkhanov"
    assert ref.year == 2016
    assert ref.title == "Kazakh Perspective on China, the Chinese, and Chinese Migration"
    assert ref.venue == "Ethnic and Racial Studies"
    assert ref.volume == "39"
    assert ref.pages == (2129, 2148)
    assert ref.doi is None
    assert (ref.start, ref.end) == (40, 40 + len(text))


def test_parse_frontiers_entry_with_doi():
    # doc 004, copied from the file
    text = (
        "Kroenig, M., McAdam, M., and Weber, S. (2010). Taking soft power seriously. Compar. Strategy "
        "29, 412–431. doi: 10.1080/01495933.2010.520986"
    )
    ref = parse_reference(text)
    assert ref.authors == ("Kroenig", "McAdam", "Weber")
    assert ref.year == 2010
    assert ref.title == "Taking soft power seriously"
    assert ref.volume == "29"
    assert ref.pages == (412, 431)
    assert ref.doi == "10.1080/01495933.2010.520986"
    assert ref.to_dict() == {
        "authors": ["Kroenig", "McAdam", "Weber"],
        "year": 2010,
        "title": "Taking soft power seriously",
        "venue": "Compar. Strategy",
        "volume": "29",
        "pages": [412, 431],
        "doi": "10.1080/01495933.2010.520986",
    }


def test_parse_book_has_no_pages():
    ref = parse_reference("- Nye Jr., J. S. (2004). Soft Power: The Means to Success in World Politics. New York: Public Affairs.")
    assert ref.authors == ("Nye",)  # "Jr." and the initials are not authors
    assert ref.year == 2004
    assert ref.pages is None
    assert ref.venue == "New York: Public Affairs"


def test_parse_entry_with_date_in_year_parentheses():
    ref = parse_reference(
        "- Sadovskaya, Y. (2015, 7 January). The Mythology of Chinese Migration in Kazakhstan. "
        "*Central-Asia Caucasus Analyst*. http://www.cacianalyst.org/x.html. Last Access: 15.05.2024."
    )
    assert ref.authors == ("Sadovskaya",)
    assert ref.year == 2015
    assert ref.title == "The Mythology of Chinese Migration in Kazakhstan"
    assert "http" not in ref.venue


@pytest.mark.parametrize(
    "text",
    [
        "Citation: Yessirkep S, Abdrakhmanova GS (2025) Superpowers. Front. Polit. Sci. 7:1544208.",
        "Keywords: soft power, foreign influence, public diplomacy",
        "Google Scholar",
        "",
    ],
)
def test_parse_reference_rejects_non_entries(text):
    assert parse_reference(text) is None


@pytest.mark.parametrize(
    ("text", "title", "venue", "pages"),
    [
        (
            "- Hanks, R. R. (1998). Directions in the Ethnic Politics of Kazakhstan: Concession, "
            "Compromise, or Catastrophe? *Journal of Third World Studies*, 15(1), 143–162.",
            "Directions in the Ethnic Politics of Kazakhstan: Concession, Compromise, or Catastrophe?",
            "Journal of Third World Studies",
            (143, 162),
        ),
        (
            "Ipek, P. (2007). The role of oil and gas in Kazakhstan's foreign policy: looking East or "
            "West? Euro. Asia Stud. 59, 1179–1199. doi: 10.1080/09668130701607144",
            "The role of oil and gas in Kazakhstan's foreign policy: looking East or West?",
            "Euro. Asia Stud",
            (1179, 1199),
        ),
    ],
    ids=["hanks-1998", "ipek-2007"],
)
def test_parse_title_ending_in_question_mark(text, title, venue, pages):
    ref = parse_reference(text)
    assert (ref.title.rstrip("?"), ref.venue, ref.pages) == (title.rstrip("?"), venue, pages)


def test_parse_editor_mark_is_not_an_author():
    ref = parse_reference(
        "Armistead, L, . (ed.). (2004). Information Operations: Warfare and the Hard Reality of "
        "Soft Power. Sterling, VA: Potomac Books, Inc."
    )
    assert ref.authors == ("Armistead",)


# --- find_citations ------------------------------------------------------------------------


def _cites(text: str, base: int = 0):
    return [(c.author, c.year, c.pages, text[c.start - base : c.end - base]) for c in find_citations(text, base)]


def test_parenthetical_citation():
    assert _cites("as argued (Nye, 2004) before") == [("Nye", 2004, None, "Nye, 2004")]


def test_narrative_citation():
    assert _cites("Nye (1990) stated that culture matters") == [("Nye", 1990, None, "Nye (1990)")]
    assert _cites("Wojciuk et al. (2015) show") == [("Wojciuk", 2015, None, "Wojciuk et al. (2015)")]
    assert _cites("Nye (2004, p. 256) notes")[0][:3] == ("Nye", 2004, (256, 256))


def test_citation_with_page_range_and_two_authors():
    got = _cites("distrust (Burkhanov and Chen, 2016, p. 2134-2138).")
    assert got == [("Burkhanov", 2016, (2134, 2138), "Burkhanov and Chen, 2016, p. 2134-2138")]


def test_citation_page_locators():
    assert _cites("(Koch, 2013: 119-121)")[0][2] == (119, 121)
    assert _cites("(Ipek, 2007, pp. 1179\u20131180)")[0][2] == (1179, 1180)
    assert _cites("(Shambaugh, 2015, p. 104)")[0][2] == (104, 104)


def test_several_citations_in_one_parenthesis_keep_their_pages():
    text = "worldwide (Paradise, 2009, p. 647-669; Yang, 2010, p. 235-234). In"
    got = _cites(text)
    assert got == [
        ("Paradise", 2009, (647, 669), "Paradise, 2009, p. 647-669"),
        ("Yang", 2010, (235, 234), "Yang, 2010, p. 235-234"),  # as printed: end before start
    ]
    yang = find_citations(text)[1]
    assert yang.page_text == "235-234"


def test_one_author_several_years():
    got = _cites("(Nye, 2004, 2011)")
    assert [(a, y) for a, y, _, _ in got] == [("Nye", 2004), ("Nye", 2011)]


def test_bracketed_corporate_author():
    got = _cites("according to [Ministry of Foreign Affairs (MFA), 2022] data")
    assert got == [("Ministry of Foreign Affairs (MFA)", 2022, None, "[Ministry of Foreign Affairs (MFA), 2022]")]


def test_positions_are_offset_by_base():
    text = "x (Nye, 2004)"
    (c,) = find_citations(text, base=1000)
    assert (c.start, c.end) == (1003, 1012)


@pytest.mark.parametrize("text", ["in (2015) the number", "rose (by 20%, 2015 data)", "no citation here", ""])
def test_no_citation(text):
    assert find_citations(text) == []


# --- link --------------------------------------------------------------------------------

REFS = [
    parse_reference("Nye, J. S. (2004). Soft power and American foreign policy. Polit. Sci. Q. 119, 255–270."),
    parse_reference("Nye, J. S. (2011). Power and foreign policy. J. Polit. Power 4, 9–24."),
    parse_reference(
        "Ministry of Foreign Affairs of the Republic of Kazakhstan (MFA RK) (2022). Kazakhstan–China. "
        "Available online at: https://www.gov.kz/x (accessed November 9, 2022)."
    ),
]


def test_link_by_first_author_and_year():
    cits = link(find_citations("(Nye, 2004, 2011) and (Nye, 1999)"), REFS)
    assert [(c.year, c.reference) for c in cits] == [(2004, 0), (2011, 1), (1999, None)]


def test_link_corporate_author_by_acronym():
    (c,) = link(find_citations("trade grew (MFA RK, 2022)."), REFS)
    assert c.reference == 2


def test_link_ignores_case_and_punctuation_in_names():
    refs = [parse_reference("Kendall-Taylor, A. (2012). Purchasing power. Euro. Asia Stud. 64, 737–760.")]
    (c,) = link(find_citations("(Kendall-Taylor, 2012)"), refs)
    assert c.reference == 0


def test_link_surname_with_particle():
    # the citation reads "Dijk"; it still finds the entry "van Dijk, T. A. (1998)"
    refs = [parse_reference("van Dijk, T. A. (1998). Ideology. London: Sage.")]
    (c,) = link(find_citations("ideology (van Dijk, 1998) matters"), refs)
    assert c.reference == 0


# --- footnote markers ---------------------------------------------------------------------


def test_markers_glued_to_words_match_known_footnotes():
    text = "grew to 28.6 billion.8 Then universities.11 and 2015.3 ok 7"
    assert find_markers(text, 100, {8, 11, 3, 7}) == [(121, 122, 8), (141, 143, 11)]


def test_markers_need_a_known_footnote_number():
    assert find_markers("billion.8 and universities.11", 0, {11}) == [(27, 29, 11)]
    assert find_markers("billion.8", 0, set()) == []


# --- acceptance on the seeds -----------------------------------------------------------


@pytest.fixture(scope="module")
def doc003():
    doc, _ = load_document(CORPUS / "003_fe4cccf1a412bc07.txt", "003")
    return doc


@pytest.fixture(scope="module")
def doc004():
    doc, _ = load_document(CORPUS / "004_2c8e4678485d9308.txt", "004")
    return doc


def _ref(doc, author: str, year: int) -> Reference:
    found = [r for r in doc.references if r.first_author == author and r.year == year]
    assert len(found) == 1, (author, year, found)
    return found[0]


def test_003_reference_list_is_structured(doc003):
    # 18 entries in the file, each starting "- Name, X. (YYYY)."
    assert len(doc003.references) == 18
    assert [r.first_author for r in doc003.references][:3] == ["Burkhanov", "Hanks", "Helmus"]
    assert all(doc003.segment_at(r.start).label == "references" for r in doc003.references)
    assert all(doc003.text[r.start : r.end].strip() == r.text for r in doc003.references)


@pytest.mark.parametrize(
    ("author", "year", "volume", "pages", "venue"),
    [
        ("Burkhanov", 2016, "39", (2129, 2148), "Ethnic and Racial Studies"),
        ("Koch", 2013, "54", (110, 133), "Eurasian Geography and Economics"),
        ("Laruelle", 2019, "60", (211, 243), "Eurasian Geography and Economics"),
        ("Meyners", 2017, "81", (49, 66), "Journal of Marketing"),
        ("Nogayeva", 2015, "20", (583, 605), "Geopolitics"),
        ("Paradise", 2009, "49", (647, 669), "Asian Survey"),
        ("Shambaugh", 2015, "94", (99, 107), "Foreign Affairs"),
        ("Yang", 2010, "8", (235, 245), "Globalization, Societies and Education"),
    ],
)
def test_003_entries_match_the_file(doc003, author, year, volume, pages, venue):
    ref = _ref(doc003, author, year)
    assert (ref.volume, ref.pages, ref.venue) == (volume, pages, venue)


def test_003_multi_author_entry(doc003):
    ref = _ref(doc003, "Helmus", 2018)
    assert ref.authors == (
        "Helmus", "Bodine-Baron", "Radin", "Magnuson", "Mendelsohn", "Marcellino", "Bega", "Winkelman",
    )
    assert ref.pages is None  # a RAND report


def test_003_citations_are_linked(doc003):
    cits = {(c.author, c.year, c.pages): c for c in doc003.citations}
    yang = cits[("Yang", 2010, (235, 234))]
    assert doc003.text[yang.start : yang.end] == "Yang, 2010, p. 235-234"
    assert doc003.references[yang.reference].first_author == "Yang"
    assert doc003.references[yang.reference].pages == (235, 245)
    burk = cits[("Burkhanov", 2016, (2134, 2138))]
    assert doc003.references[burk.reference].pages == (2129, 2148)
    # every author-year citation in 003 has its entry in the list
    assert all(c.reference is not None for c in doc003.citations)
    assert all(doc003.references[c.reference].year == c.year for c in doc003.citations)
    # citations are found only in text that is read for claims
    assert all(doc003.segment_at(c.start).label in ("body", "footnote") for c in doc003.citations)


def test_004_reference_list_is_structured(doc004):
    # 75 entries; the UNESCO one has no year and is not an author-year entry
    assert len(doc004.references) == 74
    assert all(r.year is not None for r in doc004.references)
    with_doi = [r for r in doc004.references if r.doi]
    assert len(with_doi) > 40


@pytest.mark.parametrize(
    ("author", "year", "volume", "pages", "doi"),
    [
        ("Ipek", 2007, "59", (1179, 1199), "10.1080/09668130701607144"),
        ("Burkhanov", 2016, "39", (2129, 2148), "10.1080/01419870.2016.1139155"),
        ("Kroenig", 2010, "29", (412, 431), "10.1080/01495933.2010.520986"),
        ("Franke", 2009, "61", (109, 140), "10.1080/09668130802532977"),
        ("Nye", 1990, "80", (153, 171), None),
        ("Hudson", 2022, "15", (469, 494), "10.1080/2158379X.2022.2127280"),
        ("Gauttam", 2024, None, None, "10.1016/j.heliyon.2023.e23736"),  # "Heliyon 10:e23736"
    ],
)
def test_004_entries_match_the_file(doc004, author, year, volume, pages, doi):
    ref = _ref(doc004, author, year)
    assert (ref.volume, ref.pages, ref.doi) == (volume, pages, doi)


def test_004_citations_are_linked(doc004):
    ipek = [c for c in doc004.citations if c.author == "Ipek"]
    assert [(c.year, c.pages) for c in ipek] == [(2007, (1179, 1179))]
    assert doc004.references[ipek[0].reference].pages == (1179, 1199)
    mfa = [c for c in doc004.citations if c.author.startswith("Ministry of Foreign Affairs")]
    assert mfa and doc004.references[mfa[0].reference].year == 2022
    # the two works of Nye cited together link to two different entries
    nye = {c.year: c.reference for c in doc004.citations if c.author == "Nye"}
    assert {2004, 2011} <= set(nye)
    assert nye[2004] != nye[2011]
    assert all(c.reference is not None for c in doc004.citations)

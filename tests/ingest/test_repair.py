"""Text repair steps on real snippets of the seed documents.

Each snippet below is copied byte for byte from a file in corpus/ (the
first test checks that), so the repairs are tested on the debris the PDF and
OCR extraction really left, and every repair is checked to point back at
that debris in the original.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.ingest.repair import (
    repair,
    should_join,
    step_decimals,
    step_dehyphenate,
    step_glued,
    step_ligatures,
    step_newlines,
    step_reflow,
    step_separators,
    step_spaces,
    tables,
)

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
DOC000 = "000_b5de9f515c0a7e57.txt"
DOC002 = "002_c59ff3a5fbf1d2f8.txt"

# doc 000: ligature debris U+3FFFF for "fi", "À" for "fl", U+FFFD for spaces
S000_SIGNIFICANTLY = (
    "the China\u2019s successful economic develop-\n"
    "ment\ufffdmodel\ufffdhas\ufffdsigni\U0003ffffcantly\ufffdincreased.\n"
)
S000_INFLUENCE = "a\ufffddegree\ufffdof\ufffd in\u00c0uence\ufffdover\ufffdCentral\ufffdAsian\ufffd\n"
S000_INFLUX = "draws\ufffdin\ufffda\ufffdhuge\ufffdin\u00c0ux\ufffdof\ufffdinvestments.\n"
S000_INTERNATIONAL = "n recent years, China began assuming \n    a more active stance on the interna- \n    tional arena, in particular, by using soft \n"
S000_POPULAR = (
    "Confucius\ufffdInstitutes\ufffdare\ufffdthe\ufffdinstruments\ufffdof\ufffdpropagation\ufffdand\ufffdpopular-\n"
    "ization\ufffdof\ufffdChinese\ufffdculture\ufffdabroad."
)
S000_COMPOUND = (
    "since\ufffd2007\ufffdthe\ufffdInternational\ufffdKazakh-\n"
    "Chinese\ufffdAcademy\ufffdhas\ufffdalso\ufffdbeen\ufffdin\ufffdoperation."
)
S000_FOOTNOTES = (
    "3\ufffdOctober,\ufffd2017\ufffd(in\ufffdChinese).\ufffd\n"
    "12\ufffdSee:\ufffdG.\ufffdNursha,\ufffdop.\ufffdcit.\n"
    " There\ufffdare\ufffdfour\ufffdConfucius\ufffdInstitutes\ufffdin\ufffdKazakhstan,"
)
# doc 002: OCR of a two-column journal page
S002_GLUED = "Kazakhstan was opened in 2002at the Faculty of\n"
S002_PARAGRAPH = (
    "China also expands cultural influence in Cen-\n"
    "tral Asia by training local students in universities in\n"
    "China. At the same time, Kazakhstan is on the fore-\n"
    "front of position who is actively sending its citizens\n"
    "abroad to study abroad. According to the Ministry of\n"
    "Education of China, the number of Kazakh students\n"
    "in 2015 reached to 13. 2 thousand. This is the num-\n"
    "ber of students increased by 3. 5 times over the pre-\n"
    "vious 10 years. The number of Kyrgyz students in\n"
    "China reached about 10,000 by January 2015. The\n"
)
S002_COMPOUND = "skepticism and mistrust prevailance in Chinese-\nspeaking environment in China.\n"
S002_STAN = "Belt\u00bb initiative is largely in line with the Kazakh-\nstan\u2019s Nurly Zhol development program, which was\n"


@pytest.mark.parametrize(
    ("doc", "snippet"),
    [
        (DOC000, S000_SIGNIFICANTLY),
        (DOC000, S000_INFLUENCE),
        (DOC000, S000_INFLUX),
        (DOC000, S000_INTERNATIONAL),
        (DOC000, S000_POPULAR),
        (DOC000, S000_COMPOUND),
        (DOC000, S000_FOOTNOTES),
        (DOC002, S002_GLUED),
        (DOC002, S002_PARAGRAPH),
        (DOC002, S002_COMPOUND),
        (DOC002, S002_STAN),
    ],
)
def test_snippets_are_copied_from_the_seeds(doc, snippet):
    assert snippet in (CORPUS / doc).read_text(encoding="utf-8")


def _orig(tm, start: int, end: int) -> str:
    return tm.original[slice(*tm.to_original(start, end))]


# --- ligatures ----------------------------------------------------------------


def test_ligature_fi_maps_back_to_the_debris_character():
    tm = repair(S000_SIGNIFICANTLY)
    assert "development model has significantly increased." in tm.text
    i = tm.text.index("significantly") + len("signi")
    assert tm.text[i : i + 2] == "fi"
    debris = S000_SIGNIFICANTLY.index("\U0003ffff")
    assert tm.offsets[i] == debris and tm.offsets[i + 1] == debris
    assert tm.to_original(i, i + 2) == (debris, debris + 1)
    assert tm.repairs["ligature"] == 1


def test_ligature_fl_in_a_word():
    tm = repair(S000_INFLUENCE)
    assert tm.text.startswith("a degree of influence over Central Asian")
    i = tm.text.index("influence") + 2
    assert _orig(tm, i, i + 2) == "\u00c0"
    tm = repair(S000_INFLUX)
    assert tm.text.strip() == "draws in a huge influx of investments."


def test_lone_A_grave_is_not_a_ligature():
    # "À" alone (a French or Turkish word) is a letter, not "fl"
    assert step_ligatures("voir \u00c0 bient\u00f4t") == []
    assert repair("Bon voyage \u00c0 Paris").text == "Bon voyage \u00c0 Paris"


def test_presentation_form_ligatures_from_the_table():
    tm = repair("e\ufb00ect of the \ufb01rst \ufb02ow, o\ufb03ce")
    assert tm.text == "effect of the first flow, office"
    i = tm.text.index("ffi")
    assert _orig(tm, i, i + 3) == "\ufb03"


def test_tables_are_loaded_from_package_data():
    t = tables()
    chars = {e["char"] for e in t["ligatures"]}
    assert "\U0003ffff" in chars and "\u00c0" in chars
    assert "\ufffd" in t["separators"]
    assert "at" in t["glued_words"]


# --- separators, spaces, newlines --------------------------------------------------


def test_replacement_character_used_as_space():
    edits = step_separators("a\ufffdb\u00a0c")
    assert edits == [(1, 2, " "), (3, 4, " ")]
    tm = repair(S000_POPULAR)
    assert "\ufffd" not in tm.text
    assert tm.repairs["separator"] == S000_POPULAR.count("\ufffd")
    i = tm.text.index("propagation") - 1
    assert _orig(tm, i, i + 1) == "\ufffd"


def test_spaces_collapse_and_trim_line_ends():
    assert step_spaces("a  b\t c") == [(1, 3, " "), (4, 6, " ")]
    assert step_spaces("end. \n    next") == [(4, 10, "\n")]
    assert step_spaces("one two\nthree") == []


def test_newlines_crlf_cr_nul_and_controls():
    assert step_newlines("a\r\nb\rc\x00d\x07e\tf") == [(1, 3, "\n"), (4, 5, "\n"), (6, 7, ""), (8, 9, " ")]
    tm = repair("Line one.\r\n\r\nLine\x00 two.\r\n")
    assert tm.text == "Line one.\n\nLine two.\n"
    assert tm.repairs["newline"] == 4


# --- hyphenation ----------------------------------------------------------------


def test_line_end_hyphen_joins_a_broken_word():
    tm = repair(S000_POPULAR)
    assert "propagation and popularization of Chinese culture abroad." in tm.text
    i = tm.text.index("popularization")
    # the joined word still covers the hyphen and the line break in the original
    assert _orig(tm, i, i + len("popularization")) == "popular-\nization"


def test_line_end_hyphen_with_trailing_space_and_indent():
    tm = repair(S000_INTERNATIONAL)
    assert "stance on the international arena, in particular" in tm.text
    i = tm.text.index("international")
    assert _orig(tm, i, i + len("international")) == "interna- \n    tional"


def test_capitalised_second_half_is_a_compound_and_keeps_its_hyphen():
    tm = repair(S000_COMPOUND)
    assert "the International Kazakh-Chinese Academy has also been in operation." in tm.text
    assert not should_join("Kazakh", "Chinese")


def test_lowercase_compound_that_is_not_a_word_keeps_its_hyphen():
    tm = repair(S002_COMPOUND)
    assert "prevailance in Chinese-speaking environment" in tm.text


def test_proper_name_broken_at_line_end_joins():
    tm = repair(S002_STAN)
    assert "in line with the Kazakhstan\u2019s Nurly Zhol" in tm.text


def test_dehyphenate_step_edits():
    text = "popular-\nization and Kazakh-\nChinese"
    first, second = text.index("-"), text.rindex("-")
    # the hyphen and newline go; a kept hyphen replaces hyphen + newline
    assert step_dehyphenate(text) == [(first, first + 2, ""), (second, second + 2, "-")]


def test_hyphen_across_a_page_break_joins_when_next_line_is_lower_case():
    assert repair("the cultural re-\n\nsources of the country").text == "the cultural resources of the country"


# --- reflow of hard-wrapped columns --------------------------------------------------


def test_two_column_paragraph_is_reflowed_and_repaired():
    tm = repair(S002_PARAGRAPH)
    text = tm.text.strip()
    assert "\n" not in text
    assert "cultural influence in Central Asia by training" in text
    assert "Kazakhstan is on the forefront of position" in text
    assert "in 2015 reached to 13.2 thousand. This is the number of students increased by 3.5 times over the previous 10 years." in text
    # a reflowed line break maps back to the newline it replaced
    i = text.index("universities in China") + len("universities in")
    assert tm.original[tm.offsets[i]] == "\n"


def test_reflow_keeps_footnote_lines_apart():
    # doc 000's footnote "12 See: ..." stays on its own line; the body after it
    # does not get glued onto the footnote
    tm = repair(S000_FOOTNOTES)
    lines = tm.text.split("\n")
    assert "12 See: G. Nursha, op. cit." in lines
    assert any(line.startswith("There are four Confucius Institutes") for line in lines)


def test_reflow_one_paragraph_per_line_joins_only_mid_sentence():
    text = "A first paragraph ends here.\nA second paragraph.\nthis line was broken\nin the middle"
    edits = step_reflow(text)
    assert edits == [(text.index("broken") + len("broken"), text.index("broken") + len("broken") + 1, " ")]


def test_reflow_keeps_headings():
    lines = ["This is a long line of body text that wraps near the width of column"] * 6
    text = "\n".join(lines[:3]) + " end.\nResearch Methods\n" + "\n".join(lines[3:])
    out = repair(text).text
    assert "\nResearch Methods\n" in out


# --- numbers: glued words and broken decimals ---------------------------------------


def test_number_glued_to_a_word_is_split():
    tm = repair(S002_GLUED)
    assert "opened in 2002 at the Faculty" in tm.text
    i = tm.text.index("2002 at") + 4
    # the inserted space maps to the "a" it was inserted before
    assert tm.original[tm.offsets[i]] == "a"
    assert tm.repairs["glued"] == 1


@pytest.mark.parametrize("text", ["the 3rd year", "the 1990s", "10th", "5km", "20s", "v1.2at", "ab12at"])
def test_glue_step_leaves_ordinals_decades_and_units(text):
    assert step_glued(text) == []


def test_broken_decimal_is_joined_before_a_scale_word():
    tm = repair(S002_PARAGRAPH)
    i = tm.text.index("13.2 thousand")
    assert _orig(tm, i, i + 4) == "13. 2"
    assert tm.repairs["decimal"] == 2


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("reached 13. 2 thousand", "reached 13.2 thousand"),
        ("by 3. 5 times", "by 3.5 times"),
        ("rose 4. 7 percent", "rose 4.7 percent"),
        ("rose 4. 7%", "rose 4.7%"),
        ("in 2015. 2 students", "in 2015. 2 students"),
        ("chapter 3. 5 students", "chapter 3. 5 students"),
        ("in 2015. 2 million", "in 2015. 2 million"),
    ],
)
def test_decimal_step_only_with_unit_or_scale(text, fixed):
    assert repair(text).text == fixed


def test_decimals_step_edit_deletes_only_the_space():
    assert step_decimals("13. 2 thousand") == [(3, 4, "")]


# --- the whole pipeline on the seed files ------------------------------------------


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_seed_repair_leaves_no_debris_and_an_exact_map(path):
    original = path.read_text(encoding="utf-8")
    tm = repair(original)
    for bad in ("\ufffd", "\U0003ffff", "\x00", "\r"):
        assert bad not in tm.text
    # letters, digits and punctuation of the repaired text are never made up
    for i, ch in enumerate(tm.text):
        if ch not in " \nfl" and ch != "i":
            assert original[tm.offsets[i]] == ch
    assert list(tm.offsets) == sorted(tm.offsets)


S002_RATING = (
    "and by showing a great confidence in the state.\n"
    "According to data, in July 2015, the Portland\n"
    "consulting company announced the \u00abThe Soft\n"
    "Power 30\u00bb world\u2019s soft power rating. According to\n"
    "the results of the rating, Britain is the leader among\n"
    "the world in terms of effective use of \u00absoft power\u00bb\n"
    "tools. The next is Germany and the United States\n"
    "settled down. China takes on the 30th place in this\n"
    "rating wherein Russia is excluded from these thirty\n"
)


def test_rating_snippet_is_copied_from_the_seed():
    assert S002_RATING in (CORPUS / DOC002).read_text(encoding="utf-8")


def test_reflow_does_not_split_sentences_at_title_case_lines():
    text = repair(S002_RATING).text
    assert "in July 2015, the Portland consulting company announced" in text
    assert "effective use of \u00absoft power\u00bb tools. The next is Germany and the United States settled down." in text

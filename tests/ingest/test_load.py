"""Reading files safely: binary sniffing, encodings, limits, directory walks, HTML.

Nothing in ingest may raise on bad input: every problem becomes a coded
warning and the rest of the corpus is still checked.
"""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import errors as E
from factcheck.ingest.corpus import document_from_text, load_corpus, load_document
from factcheck.ingest.load import decode, read_document, sniff_binary, strip_html_edits, to_textmap, walk

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def _codes(problems) -> list[str]:
    return [p.code for p in problems]


# --- sniff_binary ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP/Office archive"),
        (b"\x7fELF\x02\x01\x01", "executable"),
        (b"ab\x00\x00\x01\x02cd\x00\x00" * 50, "binary data"),
    ],
)
def test_sniff_binary_names_the_format(data, kind):
    assert sniff_binary(data) == kind


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"Plain text.\r\nWith CRLF and\ttabs.\n",
        "Текст на кириллице и çalışma".encode(),
        codecs.BOM_UTF16_LE + "text".encode("utf-16-le"),
        codecs.BOM_UTF16_BE + "text".encode("utf-16-be"),
        b"one stray NUL \x00 in a long line of ordinary text " * 3,
    ],
)
def test_sniff_binary_lets_text_through(data):
    assert sniff_binary(data) is None


# --- decode -----------------------------------------------------------------------------


def test_decode_utf8_bom():
    raw = decode(codecs.BOM_UTF8 + "Café\n".encode(), "f.txt")
    assert (raw.text, raw.encoding, raw.problems) == ("Café\n", "utf-8-sig", [])


@pytest.mark.parametrize(("bom", "codec"), [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")])
def test_decode_utf16_bom(bom, codec):
    raw = decode(bom + "Soft power: 13.2 тыс.\n".encode(codec), "f.txt")
    assert raw.text == "Soft power: 13.2 тыс.\n"
    assert raw.problems == []


def test_decode_invalid_utf8_falls_back_with_a_warning():
    text = (
        "The caf\u00e9 on the corner served 120 students every day in 2019, and the "
        "r\u00e9sum\u00e9 of the programme was published in the annual report of the school."
    )
    raw = decode(text.encode("cp1252"), "legacy.txt")
    assert raw.text is not None
    assert "caf\u00e9" in raw.text and "120 students every day in 2019" in raw.text
    assert _codes(raw.problems) == [E.W103_ENCODING]
    assert "legacy.txt" == raw.problems[0].path
    assert "byte 7" in raw.problems[0].message  # the first bad byte, for the user


def test_decode_keeps_crlf_for_the_offset_map():
    raw = decode(b"line one\r\nline two\r\n", "f.txt")
    assert raw.text == "line one\r\nline two\r\n"


def test_decode_reports_nul_bytes():
    raw = decode(b"some text\x00 more text", "f.txt")
    assert _codes(raw.problems) == [E.W107_NUL_BYTES]
    # the repair removes them
    assert "\x00" not in document_from_text("f", raw.text).text


# --- read_document ---------------------------------------------------------------------


def test_read_empty_and_blank_files(tmp_path):
    for name, content in (("empty.txt", b""), ("blank.txt", b"  \n\n\t \r\n")):
        p = tmp_path / name
        p.write_bytes(content)
        raw = read_document(p, name)
        assert raw.text is None
        assert _codes(raw.problems) == [E.W102_EMPTY]


def test_read_too_large_file(tmp_path):
    p = tmp_path / "big.txt"
    p.write_bytes(b"word " * 300)
    raw = read_document(p, "big.txt", max_bytes=1000)
    assert raw.text is None
    assert _codes(raw.problems) == [E.W104_TOO_LARGE]
    assert "--max-doc-mb" in raw.problems[0].message
    assert read_document(p, "big.txt", max_bytes=1500).text == "word " * 300


def test_read_binary_file(tmp_path):
    p = tmp_path / "paper.txt"
    p.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 4)
    raw = read_document(p, "paper.txt")
    assert raw.text is None
    assert _codes(raw.problems) == [E.W101_BINARY]
    assert "PDF" in raw.problems[0].message


def test_read_missing_file(tmp_path):
    raw = read_document(tmp_path / "gone.txt", "gone.txt")
    assert raw.text is None
    assert _codes(raw.problems) == [E.W105_UNREADABLE]


def test_read_unreadable_file(tmp_path):
    p = tmp_path / "secret.txt"
    p.write_text("text", encoding="utf-8")
    p.chmod(0)
    try:
        if os.access(p, os.R_OK):
            pytest.skip("running as a user who can read a chmod 000 file (root)")
        raw = read_document(p, "secret.txt")
        assert raw.text is None
        assert _codes(raw.problems) == [E.W105_UNREADABLE]
    finally:
        p.chmod(0o644)


def test_read_crlf_document_locations_use_original_lines(tmp_path):
    p = tmp_path / "crlf.txt"
    p.write_bytes(b"Title\r\n\r\nThe number of students was 120 in 2019.\r\n")
    doc, problems = load_document(p, "crlf.txt")
    assert problems == []
    assert "\r" not in doc.text
    i = doc.text.index("120")
    assert doc.textmap.location(i, i + 3) == (3, 28, 3, 31)
    s, e = doc.textmap.to_original(i, i + 3)
    assert doc.textmap.original[s:e] == "120"


# --- walk ------------------------------------------------------------------------------


def test_walk_nested_names_and_symlinks(tmp_path):
    root = tmp_path / "corpus"
    (root / "a" / "b" / "c").mkdir(parents=True)
    (root / ".git").mkdir()
    outside = tmp_path / "outside.txt"
    outside.write_text("outside the corpus", encoding="utf-8")
    files = {
        "top.txt": "t",
        "with space.md": "s",
        "Über straße.txt": "u",
        "a/doc.html": "<p>h</p>",
        "a/b/c/deep.htm": "d",
        "a/notes.pdf": "%PDF",
        "a/old.doc": "doc",
        ".git/ignored.txt": "g",
    }
    for rel, content in files.items():
        (root / rel).write_text(content, encoding="utf-8")
    (root / "escape.txt").symlink_to(outside)
    (root / "a" / "alias.txt").symlink_to(root / "top.txt")
    found, problems = walk(root)
    rel = [p.relative_to(root).as_posix() for p in found]
    assert rel == sorted(rel)
    assert set(rel) == {"top.txt", "with space.md", "Über straße.txt", "a/doc.html", "a/b/c/deep.htm", "a/alias.txt",
                        "a/notes.pdf"}
    # an old .doc is not read, but the user is told (W108); the outside link is refused (W106)
    assert sorted(_codes(problems)) == [E.W106_SYMLINK_OUTSIDE, E.W108_UNSUPPORTED]
    by_code = {p.code: p.path for p in problems}
    assert by_code[E.W106_SYMLINK_OUTSIDE].endswith("escape.txt")
    assert by_code[E.W108_UNSUPPORTED].endswith("old.doc")


def test_walk_empty_dir(tmp_path):
    assert walk(tmp_path) == ([], [])


def test_load_corpus_collects_problems_and_keeps_going(tmp_path):
    root = tmp_path / "c"
    (root / "sub dir").mkdir(parents=True)
    (root / "good.txt").write_text(
        "A Title\n\nThe programme enrolled 120 students in 2019 and 150 students in 2020.\n", encoding="utf-8"
    )
    (root / "sub dir" / "résumé.md").write_text("Second document.\n\nIt has a body paragraph of prose.\n", encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    (root / "turkish.txt").write_text(
        "Bu çalışma, Orta Asya'daki Rusya ve Çin'in yumuşak güç stratejilerini, özellikle de "
        "Kazakistan üzerindeki etkilerini incelemekte ve değerlendirmektedir.\n",
        encoding="utf-8",
    )
    outside = tmp_path / "elsewhere.txt"
    outside.write_text("not in the corpus", encoding="utf-8")
    (root / "link.txt").symlink_to(outside)
    corpus = load_corpus([root])
    assert [d.id for d in corpus.documents] == ["good.txt", "sub dir/résumé.md", "turkish.txt"]
    by_code = {}
    for p in corpus.problems:
        by_code.setdefault(p.code, []).append(Path(p.path).name)
    assert by_code == {
        E.W106_SYMLINK_OUTSIDE: ["link.txt"],
        E.W102_EMPTY: ["empty.txt"],
        E.W101_BINARY: ["scan.txt"],
        E.W108_UNSUPPORTED: ["turkish.txt"],
    }


def test_load_corpus_missing_path(tmp_path):
    corpus = load_corpus([tmp_path / "nope"])
    assert corpus.documents == []
    assert _codes(corpus.problems) == [E.W105_UNREADABLE]


def test_load_document_of_a_seed():
    doc, problems = load_document(CORPUS / "001_45fd513b6608deaf.txt", "corpus/001_45fd513b6608deaf.txt")
    assert problems == [] and doc.problems == []
    assert doc.id == "001_45fd513b6608deaf.txt"
    assert doc.path == "corpus/001_45fd513b6608deaf.txt"
    assert any(s.label == "body" for s in doc.segments)


# --- HTML ------------------------------------------------------------------------------

HTML = (
    "<html><head><title>Page title</title><style>p { color: red }</style></head>"
    "<body><h1>Soft&nbsp;power</h1>"
    "<p>Students rose to 13&#46;2 thousand &amp; more.</p>"
    '<script>var x = "<p>hidden 999</p>";</script><!-- a comment 777 -->'
    "<p>Caf&eacute; &lt;b&gt; ok</p></body></html>"
)


def test_html_stripping_keeps_text_and_drops_code():
    tm = to_textmap(HTML, ".html")
    assert "Students rose to 13.2 thousand & more." in tm.text
    assert "Café <b> ok" in tm.text
    for gone in ("Page title", "color", "hidden", "999", "777", "<p>", "var x"):
        assert gone not in tm.text
    # block tags become line breaks, so paragraphs stay apart
    assert "\nStudents rose" in tm.text and "more.\n" in tm.text
    assert tm.repairs["html"] > 0


def test_html_offsets_point_into_the_source():
    tm = to_textmap(HTML, ".html")
    i = tm.text.index("Students")
    assert tm.to_original(i, i + 8) == (HTML.index("Students"), HTML.index("Students") + 8)
    # a decoded entity maps to the start of the entity in the source
    assert tm.offsets[tm.text.index("&")] == HTML.index("&amp;")
    assert tm.offsets[tm.text.index("13.2") + 2] == HTML.index("&#46;")
    assert tm.offsets[tm.text.index("é")] == HTML.index("&eacute;")
    # a span that goes past the entity covers all of it
    j = tm.text.index("& more")
    assert HTML[slice(*tm.to_original(j, j + 6))] == "&amp; more"
    # a block tag that became a line break maps back to the tag
    nl = tm.text.index("\nStudents")
    assert HTML[tm.offsets[nl]] == "<"


def test_span_ending_on_a_decoded_entity_covers_the_whole_entity():
    tm = to_textmap(HTML, ".html")
    amp = tm.text.index("&")
    assert HTML[slice(*tm.to_original(amp, amp + 1))] == "&amp;"
    e = tm.text.index("Café")
    assert HTML[slice(*tm.to_original(e, e + 4))] == "Caf&eacute;"


def test_html_document_repaired_and_mapped_end_to_end():
    doc = document_from_text("page.html", HTML, suffix=".html")
    assert "Soft power" in doc.text  # &nbsp; -> U+00A0 -> a plain space
    i = doc.text.index("13.2 thousand")
    s, e = doc.textmap.to_original(i, i + len("13.2 thousand"))
    assert HTML[s:e] == "13&#46;2 thousand"
    assert doc.textmap.location(i, i + 4)[0] == 1  # the source is one line


def test_plain_text_is_not_stripped():
    tm = to_textmap("a <b> tag &amp; entity", ".txt")
    assert tm.text == "a <b> tag &amp; entity"


def test_strip_html_edits_are_sorted_and_disjoint():
    edits = strip_html_edits("<p>a &amp; <script>&amp;</script> b</p><!-- <p> -->")
    assert edits == sorted(edits)
    for (s1, e1, _), (s2, _, _) in zip(edits, edits[1:]):
        assert e1 <= s2


# --- never raising ------------------------------------------------------------------------

BROAD = st.characters(codec="utf-8", exclude_categories=["Cs"])
DIRTY = st.sampled_from(["\U0003ffff", "\u00c0", "\ufffd", "-\n", "\n\n", "\r\n", "\x00", "13. 2 thousand", "2002at",
                         "(Nye, 2004)", "References\n", "Nye, J. (2004). T. V 1, 2-3.\n", "Published: 1 May 2020\n",
                         "<p>", "&amp;", "1 See: ", "\u2028", "\x85", "\t", "Özet\n", "ВЫ"])


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.text(alphabet=BROAD, max_size=2000))
def test_document_from_text_never_raises(raw):
    doc = document_from_text("d", raw)
    assert len(doc.textmap.offsets) == len(doc.text) + 1
    for s in doc.segments:
        assert 0 <= s.start <= s.end <= len(doc.text)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(DIRTY | st.text(alphabet=BROAD, max_size=20), max_size=120).map("".join), st.sampled_from([".txt", ".html"]))
def test_document_from_dirty_text_never_raises(raw, suffix):
    doc = document_from_text("d", raw, suffix=suffix)
    for c in doc.citations:
        assert 0 <= c.start < c.end <= len(doc.text)
        assert c.reference is None or 0 <= c.reference < len(doc.references)
    for r in doc.references:
        assert doc.text[r.start : r.end].strip() == r.text

"""PDF and Word files: text, pages, paragraphs, metadata, and bad files as coded problems.

The files are made here: PDFs with reportlab, Word files with python-docx. Every text is ours.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from factcheck.ingest.corpus import load_document
from factcheck.ingest.formats import read_docx, read_pdf
from factcheck.ingest.offsets import TextMap

PAGE_1 = ["Libraries of Port Vell", "", "The city's libraries grew quickly after the war, and the",
          "council opened four branches."]
PAGE_2 = ["In 2015 the Port Vell central library held 12,400 books,", "according to the annual census of the city."]


def make_pdf(path: Path, pages: list[list[str]], title: str | None = "Libraries of Port Vell",
             author: str | None = "Ana Ruiz; Tom Berg", numbers: bool = True, encrypt: str | None = None) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4, encrypt=encrypt)  # dated now, as a PDF made today is
    if title:
        c.setTitle(title)
    if author:
        c.setAuthor(author)
    for n, lines in enumerate(pages, 1):
        c.setFont("Helvetica", 11)
        y = 780
        for line in lines:
            c.drawString(72, y, line)
            y -= 15
        if numbers:
            c.drawString(297, 40, str(n))
        c.showPage()
    c.save()
    return path


def make_scan(path: Path) -> Path:
    """A PDF whose page is drawn, not written: what a scan without OCR looks like to a text reader."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    for i in range(40):
        c.rect(72, 760 - i * 15, 200 + (i * 37) % 250, 8, fill=1)
    c.showPage()
    c.save()
    return path


def make_docx(path: Path, paragraphs: list[str], table: list[list[str]] | None = None, title: str | None = None,
              footnotes: list[str] | None = None) -> Path:
    import docx

    d = docx.Document()
    d.core_properties.author = "Ana Ruiz"
    if title:
        d.core_properties.title = title
    for p in paragraphs:
        d.add_paragraph(p)
    if table:
        t = d.add_table(rows=len(table), cols=len(table[0]))
        for i, row in enumerate(table):
            for j, cell in enumerate(row):
                t.cell(i, j).text = cell
    d.save(str(path))
    if footnotes:
        _add_footnotes(path, footnotes)
    return path


def _add_footnotes(path: Path, notes: list[str]) -> None:
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = "".join(f'<w:footnote w:id="{i}"><w:p><w:r><w:t>{n}</w:t></w:r></w:p></w:footnote>'
                   for i, n in enumerate(notes, 1))
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{w}">'
           f'<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:t>----</w:t></w:r></w:p></w:footnote>{body}</w:footnotes>')
    with zipfile.ZipFile(path, "a") as z:
        z.writestr("word/footnotes.xml", xml)


# ---------------------------------------------------------------- PDF


def test_a_pdf_is_read_page_by_page_with_its_metadata(tmp_path):
    ex = read_pdf(make_pdf(tmp_path / "a.pdf", [PAGE_1, PAGE_2]).read_bytes(), "a.pdf")
    assert ex.problems == [] and ex.format == "pdf"
    assert len(ex.page_starts) == 2 and ex.page_starts[0] == 0
    assert ex.text[ex.page_starts[1]:].startswith("In 2015 the Port Vell central library")
    assert ex.meta["title"] == "Libraries of Port Vell"
    assert ex.meta["authors"] == ["Ana Ruiz", "Tom Berg"]


def test_a_pdfs_evidence_names_its_page_and_the_line_on_it(tmp_path):
    doc, problems = load_document(make_pdf(tmp_path / "a.pdf", [PAGE_1, PAGE_2]), "a.pdf")
    assert problems == [] and doc.format == "pdf" and doc.title == "Libraries of Port Vell"
    at = doc.text.index("12,400")
    assert doc.textmap.page_of(at, at + 6) == (2, 1)
    at = doc.text.index("four branches")
    assert doc.textmap.page_of(at, at + 4) == (1, 3)  # lines with text: blank lines between blocks don't count
    # the repair steps run on PDF text: the sentence broken over two lines is one line of text
    assert "books, according to the annual census" in doc.text
    # page numbers are page furniture, not body text
    labels = {doc.text[s.start:s.end].strip(): s.label for s in doc.segments}
    assert labels.get("1") == "page_header" and labels.get("2") == "page_header"


def test_a_pdf_without_a_text_layer_is_a_coded_problem(tmp_path):
    ex = read_pdf(make_scan(tmp_path / "scan.pdf").read_bytes(), "scan.pdf")
    assert ex.text is None
    assert [p.code for p in ex.problems] == ["W111"] and "OCR" in ex.problems[0].message


def test_a_pdf_with_one_blank_page_is_read_and_the_page_is_named(tmp_path):
    ex = read_pdf(make_pdf(tmp_path / "a.pdf", [PAGE_1, [], PAGE_2], numbers=False).read_bytes(), "a.pdf")
    assert ex.text is not None and len(ex.page_starts) == 3
    assert [p.code for p in ex.problems] == ["W111"] and "page(s) 2 " in ex.problems[0].message


def test_an_encrypted_pdf_is_a_coded_problem(tmp_path):
    ex = read_pdf(make_pdf(tmp_path / "locked.pdf", [PAGE_1], encrypt="s3cret").read_bytes(), "locked.pdf")
    assert ex.text is None and [p.code for p in ex.problems] == ["W112"]


@pytest.mark.parametrize("data", [b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage", b"%PDF-1.7\n" + bytes(range(256)) * 4],
                         ids=["truncated", "noise"])
def test_a_broken_pdf_is_a_coded_problem(data):
    ex = read_pdf(data, "broken.pdf")
    assert ex.text is None and [p.code for p in ex.problems] == ["W113"]


def test_a_file_named_pdf_that_is_not_one_is_a_coded_problem():
    ex = read_pdf(b"just some words", "fake.pdf")
    assert ex.text is None and ex.problems[0].code == "W113" and "no %PDF header" in ex.problems[0].message


def test_a_pdf_creation_date_is_the_documents_date_only_when_the_text_gives_none(tmp_path):
    dated = make_pdf(tmp_path / "a.pdf", [["Published: 4 March 2019", ""] + PAGE_2])
    doc, _ = load_document(dated, "a.pdf")
    assert (doc.published, doc.published_source) == ("2019-03-04", "text")
    undated = make_pdf(tmp_path / "b.pdf", [PAGE_2])
    doc, _ = load_document(undated, "b.pdf")
    assert doc.published_source == "file-metadata" and doc.published_evidence.startswith("PDF CreationDate D:")


# ---------------------------------------------------------------- DOCX


def test_a_word_file_is_read_paragraph_by_paragraph_with_tables_and_footnotes(tmp_path):
    path = make_docx(tmp_path / "m.docx", ["Notes on Port Vell", "In 2015 the library held 19,800 books."],
                     table=[["year", "visitors"], ["2015", "41,000"]], title="Port Vell notes",
                     footnotes=["Census of 2015, table 4."])
    ex = read_docx(path.read_bytes(), "m.docx")
    lines = ex.text.splitlines()
    assert lines[:4] == ["Notes on Port Vell", "In 2015 the library held 19,800 books.", "year | visitors", "2015 | 41,000"]
    assert lines[-1] == "1 Census of 2015, table 4."  # the separator note is left out
    assert ex.meta == {"title": "Port Vell notes", "authors": ["Ana Ruiz"]}  # its created date is never its date
    doc, problems = load_document(path, "m.docx")
    assert problems == [] and doc.format == "docx"
    at = doc.text.index("19,800")
    assert doc.textmap.location(at, at + 6)[0] == 2  # the line is the paragraph's number
    assert doc.textmap.page_of(at, at + 6) is None


@pytest.mark.parametrize("data, code", [(b"PK\x03\x04 not really a zip", "W113"),
                                        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, "W112")],
                         ids=["broken-zip", "ole-container"])
def test_a_bad_word_file_is_a_coded_problem(data, code):
    ex = read_docx(data, "m.docx")
    assert ex.text is None and [p.code for p in ex.problems] == [code]


# ---------------------------------------------------------------- a folder of PDFs and Word files


def _check(tmp_path: Path, folder: str) -> tuple[subprocess.CompletedProcess, dict]:
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "factcheck", "check", folder, "--no-cache", "--json", str(out / "f.json"),
                           "--html", str(out / "r.html"), "--sarif", str(out / "f.sarif"), "--fail-on", "never"],
                          capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return proc, json.loads((out / "f.json").read_text(encoding="utf-8"))


@pytest.mark.model
def test_a_pdf_and_a_word_file_that_disagree_give_a_finding_with_pages(tmp_path):
    papers = tmp_path / "papers"
    papers.mkdir()
    make_pdf(papers / "report.pdf", [PAGE_1, PAGE_2])
    make_docx(papers / "notes.docx", ["Notes on Port Vell", "In 2015 the Port Vell central library held 19,800 books."])
    make_scan(papers / "scan.pdf")
    (papers / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage")
    proc, report = _check(tmp_path, "papers")
    assert sorted((p["path"].split("/")[-1], p["code"]) for p in report["problems"]) == [("broken.pdf", "W113"),
                                                                                       ("scan.pdf", "W111")]
    assert [d["id"] for d in report["documents"]] == ["notes.docx", "report.pdf"]
    assert {d["id"]: (d["format"], d["pages"]) for d in report["documents"]} == {"notes.docx": ("docx", None),
                                                                                "report.pdf": ("pdf", 2)}
    [finding] = [f for f in report["findings"] if f["rule"] == "FC101"]
    ev = {e["doc"]: e for e in finding["evidence"]}
    assert (ev["report.pdf"]["page"], ev["report.pdf"]["page_line"], ev["report.pdf"]["quote"]) == (2, 1, "12,400")
    assert "page" not in ev["notes.docx"] and ev["notes.docx"]["line"] == 2
    assert "papers/report.pdf, page 2, line 1" in proc.stdout
    sarif = json.loads((tmp_path / "out" / "f.sarif").read_text(encoding="utf-8"))
    locations = [loc for r in sarif["runs"][0]["results"] for loc in r["locations"] + r.get("relatedLocations", [])]
    assert {"page": 2, "pageLine": 1} in [loc.get("properties") for loc in locations]
    html = (tmp_path / "out" / "r.html").read_text(encoding="utf-8")
    assert "PDF, 2 pages" in html and "Word (DOCX)" in html


# ---------------------------------------------------------------- the page map


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.text(alphabet="ab 1.", min_size=0, max_size=12), min_size=1, max_size=5),
                min_size=1, max_size=6))
def test_page_line_counts_the_lines_with_text_on_its_page(pages):
    texts = ["\n".join(lines) for lines in pages]
    starts, pos = [], 0
    for i, t in enumerate(texts):
        if i:
            pos += 2
        starts.append(pos)
        pos += len(t)
    tm = TextMap.identity("\n\n".join(texts) + "\n")
    tm.page_starts = starts
    for page, (start, lines) in enumerate(zip(starts, pages), 1):
        offset, seen = start, 0
        for line in lines:
            seen += bool(line.strip())
            for k in range(len(line) + 1):
                # a blank line belongs to the line of text before it (the first line when there is none)
                assert tm.page_line(offset + k) == (page, max(seen, 1))
            offset += len(line) + 1


def test_a_document_without_pages_has_no_page_map():
    tm = TextMap.identity("one\ntwo\n")
    assert tm.page_line(4) is None and tm.page_of(0, 3) is None


def test_inspect_names_the_page_of_each_paragraph(tmp_path):
    make_pdf(tmp_path / "report.pdf", [PAGE_1, PAGE_2])
    proc = subprocess.run([sys.executable, "-m", "factcheck", "inspect", "report.pdf"], capture_output=True, text=True,
                          cwd=tmp_path, timeout=300)
    assert proc.returncode == 0, proc.stderr
    out = " ".join(proc.stdout.split())
    assert "page 2, line 1" in out and "In 2015 the Port Vell central library held 12,400 books" in out
    assert "page 1, line 1" in out

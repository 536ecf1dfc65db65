"""PDF and Word files as text: pages and paragraphs kept, metadata read, failures coded.

A PDF is read with pdfminer.six (MIT). Its text is the document's original text:
pages follow each other, separated by a blank line (as are the text blocks of a page), and ``page_starts`` records
where each page begins so that evidence names the page and its line. The repair
steps (ligatures, hyphenation, reflow) and the segmenter (page numbers, running
heads) then work on it as on any text. A Word file is read with python-docx:
body paragraphs and tables in document order (a table row is one line, its cells
joined by " | "), then footnotes; each paragraph is one line, so a line number is
a paragraph number.

Nothing here raises on a bad file: a scan without a text layer, an encrypted or
a broken file is a coded problem and the document is skipped.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from factcheck import errors as E

PDF_SUFFIXES = (".pdf",)
DOCX_SUFFIXES = (".docx",)


@dataclass(slots=True)
class Extracted:
    text: str | None
    format: str
    page_starts: list[int] | None = None  # original index where each page begins (PDF)
    meta: dict = field(default_factory=dict)  # title, authors, published, published_evidence
    problems: list[E.Problem] = field(default_factory=list)


def read_binary(path: Path, display: str, data: bytes) -> Extracted:
    """The text of a PDF or DOCX file given its bytes (the suffix decides the format)."""
    suffix = path.suffix.lower()
    if suffix in PDF_SUFFIXES:
        return read_pdf(data, display)
    return read_docx(data, display)


# ---------------------------------------------------------------- PDF

def read_pdf(data: bytes, display: str) -> Extracted:
    import io

    from pdfminer.layout import LAParams, LTTextContainer
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    def skipped(code: str, message: str) -> Extracted:
        return Extracted(None, "pdf", problems=[E.Problem(code, display, message)])

    if not data.startswith(b"%PDF"):
        return skipped(E.W113_BROKEN, "not a PDF file (no %PDF header); skipped")
    try:
        parser = PDFParser(io.BytesIO(data))
        document = PDFDocument(parser)
    except (PDFPasswordIncorrect, PDFEncryptionError):
        return skipped(E.W112_ENCRYPTED, "the PDF is encrypted and needs a password; skipped (save an unprotected copy)")
    except Exception as exc:  # pdfminer raises many kinds on a damaged file
        return skipped(E.W113_BROKEN, f"the PDF cannot be parsed ({type(exc).__name__}); skipped")
    if not document.is_extractable:
        return skipped(E.W112_ENCRYPTED, "the PDF forbids text extraction; skipped")
    meta = _pdf_meta(document)
    manager = PDFResourceManager()
    device = PDFPageAggregator(manager, laparams=LAParams())
    interpreter = PDFPageInterpreter(manager, device)
    pages: list[str] = []
    problems: list[E.Problem] = []
    try:
        for number, page in enumerate(PDFPage.create_pages(document), 1):
            try:
                interpreter.process_page(page)
                layout = device.get_result()
            except Exception as exc:
                problems.append(E.Problem(E.W113_BROKEN, display, f"page {number} cannot be read ({type(exc).__name__}); left out"))
                pages.append("")
                continue
            parts = [el.get_text() for el in layout if isinstance(el, LTTextContainer)]
            # a text box of pdfminer's layout analysis is a block (a paragraph, a heading, a page number):
            # blocks are separated by a blank line, and the repair steps join a sentence split between two
            pages.append(_clean("\n\n".join(p.strip("\n") for p in parts if p.strip())))
    except (PDFPasswordIncorrect, PDFEncryptionError):
        return skipped(E.W112_ENCRYPTED, "the PDF is encrypted and needs a password; skipped (save an unprotected copy)")
    except Exception as exc:
        return skipped(E.W113_BROKEN, f"the PDF's pages cannot be read ({type(exc).__name__}); skipped")
    if not pages:
        return skipped(E.W113_BROKEN, "the PDF has no pages; skipped")
    if not any(re.search(r"\w{2}", p) for p in pages):
        return skipped(E.W111_NO_TEXT, f"no text layer on any of {len(pages)} page(s) (a scan?); skipped (run OCR first)")
    starts, out, pos = [], [], 0
    for i, p in enumerate(pages):
        if i:
            out.append("\n\n")
            pos += 2
        starts.append(pos)
        out.append(p)
        pos += len(p)
    empty = [str(i + 1) for i, p in enumerate(pages) if not p.strip()]
    if empty:
        problems.append(E.Problem(E.W111_NO_TEXT, display, f"page(s) {', '.join(empty[:10])} have no text layer; not read"))
    return Extracted("".join(out) + "\n", "pdf", starts, meta, problems)


def _clean(text: str) -> str:
    """Page text as lines: no form feeds or NULs, no trailing spaces."""
    text = text.replace("\x0c", "\n").replace("\x00", "")
    return "\n".join(line.rstrip() for line in text.splitlines())


def _decode_pdf_string(v) -> str:
    from pdfminer.psparser import PSLiteral
    from pdfminer.pdftypes import resolve1

    v = resolve1(v)
    if isinstance(v, PSLiteral):
        v = v.name
    if isinstance(v, bytes):
        if v.startswith((b"\xfe\xff", b"\xff\xfe")):
            return v.decode("utf-16", errors="replace")
        try:
            return v.decode("utf-8")
        except UnicodeDecodeError:
            return v.decode("latin-1")
    return str(v) if v is not None else ""


_PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?")


def _pdf_meta(document) -> dict:
    info = {}
    for d in getattr(document, "info", None) or []:
        info.update(d)
    meta: dict = {}
    title = _decode_pdf_string(info.get("Title")).strip()
    if title and not re.fullmatch(r"(?i)untitled|microsoft word - .*|\S+\.(?:docx?|tex|pdf)", title):
        meta["title"] = title
    author = _decode_pdf_string(info.get("Author")).strip()
    if author:
        meta["authors"] = [a.strip() for a in re.split(r";|\band\b|,(?=\s*\S+\s+\S+)", author) if a.strip()]
    for key in ("CreationDate", "ModDate"):
        raw = _decode_pdf_string(info.get(key)).strip()
        m = _PDF_DATE.match(raw)
        if m and _valid(m):
            meta["published"] = "-".join(g for g in m.groups() if g)
            meta["published_evidence"] = f"PDF {key} {raw}"
            break
    return meta


def _valid(m: re.Match) -> bool:
    y, mo, d = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
    try:
        dt.date(y, mo, d)
    except ValueError:
        return False
    return 1900 <= y <= 2100


# ---------------------------------------------------------------- DOCX

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(data: bytes, display: str) -> Extracted:
    import io

    def skipped(code: str, message: str) -> Extracted:
        return Extracted(None, "docx", problems=[E.Problem(code, display, message)])

    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return skipped(E.W112_ENCRYPTED, "an encrypted or old-format (.doc) Word file; skipped (save it as .docx)")
    try:
        import docx

        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # a broken zip, a missing part, bad XML
        return skipped(E.W113_BROKEN, f"the Word file cannot be read ({type(exc).__name__}); skipped")
    lines: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        if child.tag == _W + "p":
            lines.append(_para_text(child))
        elif child.tag == _W + "tbl":
            for row in child.iter(_W + "tr"):
                cells = [" ".join(_para_text(p) for p in tc.iter(_W + "p")).strip() for tc in row.iter(_W + "tc")]
                lines.append(" | ".join(cells))
    notes = _footnotes(data)
    if notes:
        lines.append("")
        lines.extend(notes)
    text = "\n".join(line.replace("\r", " ").rstrip() for line in lines)
    if not re.search(r"\w{2}", text):
        return skipped(E.W102_EMPTY, "the Word file has no text; nothing to check")
    meta: dict = {}
    cp = document.core_properties
    if cp.title and cp.title.strip():
        meta["title"] = cp.title.strip()
    if cp.author and cp.author.strip():
        meta["authors"] = [a.strip() for a in re.split(r";", cp.author) if a.strip()]
    # a Word file's created / modified dates are when someone typed, often the template's: never its date
    return Extracted(text + "\n", "docx", None, meta, [])


def _para_text(p) -> str:
    """A paragraph's text: runs, tabs and breaks (w:t, w:tab, w:br) in order."""
    out = []
    for el in p.iter(_W + "t", _W + "tab", _W + "br", _W + "cr"):
        if el.tag == _W + "t":
            out.append(el.text or "")
        else:
            out.append(" ")
    return "".join(out).strip()


def _footnotes(data: bytes) -> list[str]:
    """Footnotes and endnotes ("1 text"), numbered in order; separators left out."""
    import io

    from lxml import etree

    out = []
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = [n for n in ("word/footnotes.xml", "word/endnotes.xml") if n in z.namelist()]
            for name in names:
                root = etree.fromstring(z.read(name), parser=etree.XMLParser(resolve_entities=False, no_network=True))
                n = 0
                for note in root.iter(_W + "footnote", _W + "endnote"):
                    if note.get(_W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
                        continue
                    text = " ".join(t for t in (_para_text(p) for p in note.iter(_W + "p")) if t)
                    if text:
                        n += 1
                        out.append(f"{n} {text}")
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError, OSError):
        return out
    return out

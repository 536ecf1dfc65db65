"""Load a corpus: documents from files, with their problems.

``load_document`` turns one file into a :class:`~factcheck.model.Document`;
``load_corpus`` does it for a directory or a list of files and collects the
coded problems of every file it had to skip, so nothing is lost silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from factcheck import errors as E
from factcheck.ingest import boilerplate, load as _load
from factcheck.ingest.meta import (dateline, front_matter_date, html_meta_date, infer_lower_bound, infer_published,
                                   labelled_date, load_corpus_meta, tells_of_later_years)
from factcheck.ingest.references import find_citations, find_markers, link, parse_reference
from factcheck.ingest.repair import repair
from factcheck.ingest.segment import Segment, segment
from factcheck.model import Document


@dataclass(slots=True)
class Corpus:
    root: Path | None
    documents: list[Document] = field(default_factory=list)
    problems: list[E.Problem] = field(default_factory=list)


_FORMATS = {".html": "html", ".htm": "html", ".md": "markdown", ".markdown": "markdown", ".pdf": "pdf", ".docx": "docx"}


def document_from_text(doc_id: str, raw: str, path: str = "", suffix: str = ".txt", meta: dict | None = None,
                       page_starts: list[int] | None = None, file_meta: dict | None = None) -> Document:
    """Build a Document from already-decoded text (also used by tests).

    ``meta`` is the corpus's metadata of the document (corpus.yaml), which wins;
    ``file_meta`` what the file says of itself (a PDF's or DOCX's title, authors, date).
    """
    meta = meta or {}
    file_meta = file_meta or {}
    tm = repair(_load.to_textmap(raw, suffix, page_starts))
    text = tm.text
    segs = segment(text)
    if suffix in (".html", ".htm"):
        segs = _drop_boilerplate(raw, text, segs)
    refs = []
    for s in segs:
        if s.label == "references":
            r = parse_reference(text[s.start:s.end], s.start)
            if r:
                refs.append(r)
    footnote_numbers = set()
    for s in segs:
        if s.label in ("footnote", "note"):
            m = re.match(r"\d{1,3}", text[s.start:s.end])
            if m:
                footnote_numbers.add(int(m.group()))
    cits = []
    markers = []
    for s in segs:
        if s.label in ("body", "footnote"):
            cits.extend(find_citations(text[s.start:s.end], s.start))
            markers.extend(find_markers(text[s.start:s.end], s.start, footnote_numbers))
    doc = Document(
        id=doc_id,
        path=path or doc_id,
        textmap=tm,
        segments=segs,
        references=refs,
        citations=link(cits, refs),
        markers=markers,
        title=meta.get("title") or file_meta.get("title"),
        meta={**({"authors": file_meta["authors"]} if file_meta.get("authors") else {}), **meta},
        format=_FORMATS.get(suffix, "text"),
    )
    if meta.get("published"):
        doc.published = str(meta["published"])
        doc.published_source = "metadata"
        doc.published_evidence = "corpus.yaml"
    else:
        iso, quote = html_meta_date(raw) if suffix in (".html", ".htm") else (None, None)
        source = "html-meta"
        if not iso:
            iso, quote = front_matter_date(raw) if suffix in (".md", ".markdown") else (None, None)
            source = "front-matter"
        if not iso:
            iso, quote = labelled_date(text)
            source = "text"
            if iso and tells_of_later_years(text, iso, quote):
                iso, quote = None, None
        if not iso:
            iso, quote = infer_published(text, segs)
        if not iso:
            iso, quote = dateline(text)
            if iso and tells_of_later_years(text, iso, quote):
                iso, quote = None, None
        if not iso and file_meta.get("published"):
            # a PDF's creation date: after what the text says (a PDF made on download is dated that day)
            iso, quote, source = str(file_meta["published"]), file_meta.get("published_evidence", ""), "file-metadata"
        if iso:
            doc.published, doc.published_source, doc.published_evidence = iso, source, quote
        else:
            iso, quote = infer_lower_bound(text)
            if iso:
                doc.published, doc.published_source = iso, "text-lower-bound"
                doc.published_evidence = f"not before the latest access date of a cited source: {quote}"
    return doc


def _drop_boilerplate(raw: str, text: str, segs: list) -> list:
    """Relabel the paragraphs of a web page that are not its article (menus, tickers, banners)."""
    main = boilerplate.main_text(raw)
    if main is None:
        return segs
    judge = boilerplate.MainText(main)
    return [Segment(s.start, s.end, "page_header", boilerplate.REASON)
            if s.label in ("body", "footnote") and not judge.contains(text[s.start:s.end]) else s
            for s in segs]


def load_document(path: Path, display: str, doc_id: str | None = None, meta: dict | None = None,
                  max_bytes: int = _load.DEFAULT_MAX_BYTES) -> tuple[Document | None, list[E.Problem]]:
    """Read and prepare one document; (None, problems) when it must be skipped."""
    raw = _load.read_document(path, display, max_bytes)
    if raw.text is None:
        return None, raw.problems
    doc = document_from_text(doc_id or path.name, raw.text, display, path.suffix.lower(), meta, raw.page_starts, raw.meta)
    doc.problems.extend(raw.problems)
    if not any(s.label in ("body", "footnote") for s in doc.segments):
        doc.problems.append(E.Problem(E.W108_UNSUPPORTED, display, "no English body text found; nothing to check"))
    return doc, raw.problems


def corpus_files(paths: list[Path]) -> tuple[list[tuple[Path, str, dict]], list[E.Problem]]:
    """(file, document id, metadata) for every document under the given paths.

    A folder's documents are named by their path inside it and get their
    metadata from its corpus.yaml; a file given directly is named by its
    file name. Sorted by id; a repeated id is read once. A missing path is a
    W105 problem (the CLI turns it into a usage error first).
    """
    files: list[tuple[Path, str, dict]] = []
    problems: list[E.Problem] = []
    for p in paths:
        if p.is_dir():
            found, probs = _load.walk(p)
            problems.extend(probs)
            meta = load_corpus_meta(p)
            for f in found:
                doc_id = f.relative_to(p).as_posix()
                files.append((f, doc_id, meta.get(doc_id) or meta.get(f.name) or {}))
        elif p.exists():
            files.append((p, p.name, {}))
        else:
            problems.append(E.Problem(E.W105_UNREADABLE, str(p), "no such file or directory"))
    unique: dict[str, tuple[Path, str, dict]] = {}
    for item in sorted(files, key=lambda x: x[1]):
        unique.setdefault(item[1], item)
    return list(unique.values()), problems


def load_corpus(paths: list[Path], max_bytes: int = _load.DEFAULT_MAX_BYTES) -> Corpus:
    """Load every document under the given files/directories, in sorted order."""
    root = paths[0] if len(paths) == 1 and paths[0].is_dir() else None
    files, problems = corpus_files(paths)
    corpus = Corpus(root=root, problems=problems)
    for f, doc_id, meta in files:
        doc, problems = load_document(f, _display(f), doc_id, meta, max_bytes)
        corpus.problems.extend(problems)
        if doc is not None:
            corpus.problems.extend(p for p in doc.problems if p not in problems)
            corpus.documents.append(doc)
    return corpus


def _display(p: Path) -> str:
    """The path shown to users: relative to the working directory, symlinks not resolved."""
    return _load._rel(p)

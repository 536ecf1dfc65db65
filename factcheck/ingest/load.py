"""Read document files safely: size limits, binary sniffing, encodings, HTML.

Nothing here raises on bad input: every problem becomes a coded
:class:`~factcheck.errors.Problem` and the document is skipped or read in
part, so the rest of the corpus is still checked.
"""

from __future__ import annotations

import codecs
import html
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from factcheck import errors as E
from factcheck.ingest.offsets import Edit, TextMap

BINARY_SUFFIXES = (".pdf", ".docx")  # read by factcheck.ingest.formats
SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", *BINARY_SUFFIXES)
# files a user may expect to be read; they are reported, not silently ignored
UNSUPPORTED = (".doc", ".rtf", ".odt", ".epub", ".ps", ".djvu")
LONG_LINE = 100_000
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
_MAGIC = {
    b"%PDF": "PDF",
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"PK\x03\x04": "ZIP/Office archive",
    b"\x7fELF": "executable",
}


@dataclass(slots=True)
class RawText:
    text: str | None
    encoding: str = "utf-8"
    problems: list[E.Problem] = field(default_factory=list)
    format: str = "text"  # text | pdf | docx
    page_starts: list[int] | None = None  # where each page of a PDF begins in text
    meta: dict = field(default_factory=dict)  # title, authors, date from the file's own metadata


def sniff_binary(data: bytes) -> str | None:
    """Name the binary format, or None when the bytes look like text."""
    for magic, name in _MAGIC.items():
        if data.startswith(magic):
            return name
    head = data[:8192]
    if not head:
        return None
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _utf16_order(head):
        return None
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    if controls / len(head) > 0.10:
        return "binary data"
    return None


def _utf16_order(head: bytes) -> str | None:
    """UTF-16 without a BOM: text where every other byte is NUL (mostly ASCII)."""
    if len(head) < 8:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > 0.8 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.8 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def _invalid_utf8_positions(data: bytes, limit: int = 50) -> list[int]:
    out = []
    i = 0
    while i < len(data) and len(out) < limit:
        try:
            data[i:].decode("utf-8")
            break
        except UnicodeDecodeError as exc:
            out.append(i + exc.start)
            i += exc.end
    return out


def decode(data: bytes, path: str) -> RawText:
    """Decode bytes: BOMs first, then strict UTF-8, then a detected legacy encoding."""
    problems: list[E.Problem] = []
    boms = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
            (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
    for bom, enc in boms:  # UTF-32 first: its LE BOM starts with UTF-16's
        if data.startswith(bom):
            text = data.decode(enc, errors="replace")
            bad = text.count("\ufffd")
            if bad:
                problems.append(E.Problem(E.W103_ENCODING, path, f"{bad} undecodable {enc} sequence(s) replaced"))
            return RawText(text, enc, problems)
    order = _utf16_order(data[:8192])
    if order:
        problems.append(E.Problem(E.W103_ENCODING, path, f"no byte-order mark; read as {order}"))
        return RawText(data.decode(order, errors="replace"), order, problems)
    try:
        text = data.decode("utf-8")
        enc = "utf-8"
    except UnicodeDecodeError as exc:
        lenient = data.decode("utf-8", errors="replace")
        bad_at = _invalid_utf8_positions(data)
        bad = lenient.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
        # legacy text (cp1252 "café") has its odd bytes inside words; a stray byte sits alone
        in_words = sum(1 for i in bad_at if (i > 0 and chr(data[i - 1]).isalpha()) or
                       (i + 1 < len(data) and chr(data[i + 1]).isalpha()))
        if bad <= max(3, len(data) // 1000) and in_words < bad:
            # a few stray bytes in a UTF-8 file: keep UTF-8, mark them, lose nothing else
            text, enc = lenient, "utf-8"
            problems.append(E.Problem(E.W103_ENCODING, path,
                                      f"{bad} invalid UTF-8 byte(s) (first at byte {exc.start}) shown as U+FFFD"))
        else:
            from charset_normalizer import from_bytes

            best = from_bytes(data).best()
            enc = best.encoding if best else "utf-8"
            text = str(best) if best else lenient
            problems.append(
                E.Problem(E.W103_ENCODING, path, f"not valid UTF-8 (byte {exc.start}); read as {enc}, check the text")
            )
    if "\x00" in text:
        problems.append(E.Problem(E.W107_NUL_BYTES, path, f"{text.count(chr(0))} NUL bytes removed"))
    longest = max((len(x) for x in text.splitlines()), default=0)
    if longest > LONG_LINE:
        problems.append(E.Problem(E.W109_LONG_LINE, path,
                                  f"a line of {longest:,} characters; read in pieces of at most a few thousand"))
    return RawText(text, enc, problems)


def read_document(path: Path, display: str, max_bytes: int = DEFAULT_MAX_BYTES) -> RawText:
    """Read one file, never raising: returns text=None when it must be skipped."""
    import stat as _stat

    try:
        st = path.stat()
    except OSError as exc:
        return RawText(None, problems=[E.Problem(E.W105_UNREADABLE, display, f"cannot stat: {exc.strerror}")])
    if not _stat.S_ISREG(st.st_mode):
        return RawText(None, problems=[E.Problem(E.W108_UNSUPPORTED, display, "not a regular file (a pipe, device or socket); skipped")])
    size = st.st_size
    if size > max_bytes:
        return RawText(
            None,
            problems=[
                E.Problem(
                    E.W104_TOO_LARGE,
                    display,
                    f"{size / 2**20:,.1f} MiB is over the {max_bytes / 2**20:g} MiB limit; skipped "
                    "(raise it with --max-doc-mb)",
                )
            ],
        )
    try:
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        return RawText(None, problems=[E.Problem(E.W105_UNREADABLE, display, f"cannot read: {exc.strerror}")])
    if not data.strip():
        return RawText(None, problems=[E.Problem(E.W102_EMPTY, display, "empty document; nothing to check")])
    if path.suffix.lower() in BINARY_SUFFIXES:
        from factcheck.ingest.formats import read_binary

        ex = read_binary(path, display, data)
        return RawText(ex.text, "binary", ex.problems, ex.format, ex.page_starts, ex.meta)
    kind = sniff_binary(data)
    if kind:
        return RawText(None, problems=[E.Problem(E.W101_BINARY, display, f"looks like {kind}, not text; skipped")])
    return decode(data, display)


_BLOCK = re.compile(r"</?(?:p|div|br|li|ul|ol|h[1-6]|tr|table|section|article|header|footer|blockquote|pre)\b[^>]*>", re.I)
_DROP = re.compile(r"<(script|style|head|noscript|template)\b.*?</\1\s*>|<!--.*?-->", re.I | re.S)
_TAG = re.compile(r"<[^>]+>")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def strip_html_edits(text: str) -> list[Edit]:
    """Edits that drop tags (block tags become newlines) and decode entities."""
    edits: list[Edit] = []
    taken: list[tuple[int, int]] = []
    for m in _DROP.finditer(text):
        edits.append((m.start(), m.end(), ""))
        taken.append((m.start(), m.end()))

    def free(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b in taken)

    for m in _TAG.finditer(text):
        if free(m.start(), m.end()):
            edits.append((m.start(), m.end(), "\n" if _BLOCK.fullmatch(m.group()) else ""))
    for m in _ENTITY.finditer(text):
        if free(m.start(), m.end()):
            edits.append((m.start(), m.end(), html.unescape(m.group())))
    edits.sort()
    # drop overlaps (an entity inside a tag was already removed with the tag)
    out: list[Edit] = []
    last = -1
    for e in edits:
        if e[0] >= last:
            out.append(e)
            last = e[1]
    return out


def walk(root: Path, max_depth: int = 64) -> tuple[list[Path], list[E.Problem]]:
    """Document files under root, sorted; nothing is dropped without a problem.

    Symlinks leaving root are refused (W106); unreadable folders (W105),
    folders beyond ``max_depth`` (W110) and files that look like documents
    but can't be read (.pdf, .docx: W108) are reported.
    """
    problems: list[E.Problem] = []
    found: list[Path] = []
    root_real = root.resolve()

    def onerror(exc: OSError) -> None:
        problems.append(E.Problem(E.W105_UNREADABLE, _rel(Path(exc.filename or root)), f"cannot read folder: {exc.strerror}"))

    for dirpath, dirnames, filenames in os.walk(root, followlinks=False, onerror=onerror):
        depth = len(Path(dirpath).relative_to(root).parts)
        kept = []
        for d in sorted(dirnames):
            full = Path(dirpath) / d
            if d.startswith("."):
                continue
            if full.is_symlink():
                target = full.resolve()
                if not target.is_relative_to(root_real):
                    problems.append(E.Problem(E.W106_SYMLINK_OUTSIDE, _rel(full), "symlinked folder points outside the corpus; not followed"))
                continue  # a link inside the corpus: its target is walked anyway
            kept.append(d)
        if depth >= max_depth and kept:
            for d in kept:
                problems.append(E.Problem(E.W110_TOO_DEEP, _rel(Path(dirpath) / d), f"folder nested deeper than {max_depth} levels; not read"))
            kept = []
        dirnames[:] = kept
        for name in sorted(filenames):
            p = Path(dirpath) / name
            if name.lower().endswith(UNSUPPORTED):
                problems.append(E.Problem(E.W108_UNSUPPORTED, _rel(p), f"{Path(name).suffix} files are not read; convert it to .docx, .pdf, .txt, .md or .html"))
                continue
            if not name.lower().endswith(SUFFIXES):
                continue
            if p.is_symlink():
                target = p.resolve()
                if not target.is_relative_to(root_real):
                    problems.append(E.Problem(E.W106_SYMLINK_OUTSIDE, _rel(p), "symlink points outside the corpus; not followed"))
                    continue
            found.append(p)
    return sorted(found), problems


def _rel(p: Path) -> str:
    """A path for messages: relative to the working directory, links not resolved."""
    absolute = os.path.abspath(p)
    try:
        rel = os.path.relpath(absolute)
    except ValueError:
        return Path(absolute).as_posix()
    return Path(rel if not rel.startswith("..") else absolute).as_posix()


def to_textmap(raw: str, suffix: str, page_starts: list[int] | None = None) -> TextMap:
    tm = TextMap.identity(raw)
    tm.page_starts = page_starts
    if suffix in (".html", ".htm"):
        tm.apply("html", strip_html_edits(raw))
    return tm

"""A document's own date: HTML meta, front matter, a "Date:" line, a dateline.

The date anchors "yesterday", "Saturday" and "December 5", so it must come
from what the file says of itself (never from an event its body tells), and
the document records where it was read: published_source and the quoted line.
Order: corpus metadata > HTML meta > front matter > labelled line > older
header patterns > dateline.
"""

from __future__ import annotations

import pytest

from factcheck.ingest.corpus import document_from_text
from factcheck.ingest.meta import dateline, front_matter_date, html_meta_date, labelled_date

BODY = "The harbour authority reported that the new pier was finished after a long delay.\n"
PAGE = ("<html><head><title>Pier</title>{head}</head>"
        "<body><p>The harbour authority reported that the new pier was finished.</p></body></html>")


def _doc(raw: str, suffix: str = ".txt", meta: dict | None = None):
    return document_from_text("d" + suffix, raw, "d" + suffix, suffix, meta or {})


def _dated(raw: str, suffix: str = ".txt", meta: dict | None = None) -> tuple:
    doc = _doc(raw, suffix, meta)
    return doc.published, doc.published_source, doc.published_evidence


# ---------------------------------------------------------------- HTML meta


@pytest.mark.parametrize(
    ("head", "iso", "evidence"),
    [
        ('<meta property="article:published_time" content="2013-05-03T10:22:00+00:00">', "2013-05-03",
         '<meta article:published_time="2013-05-03T10:22:00+00:00">'),
        ('<meta name="citation_publication_date" content="2011/11/12">', "2011-11-12",
         '<meta citation_publication_date="2011/11/12">'),
        ('<meta name="DC.date" content="2009-11-30">', "2009-11-30", '<meta dc.date="2009-11-30">'),
        ('<meta content="2013-05-03" property="article:published_time">', "2013-05-03",
         '<meta article:published_time="2013-05-03">'),
        ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2012-08-08T06:00:00Z"}'
         "</script>", "2012-08-08", '"datePublished": "2012-08-08T06:00:00Z"'),
        ('<time datetime="2010-04-01" pubdate>1 April</time>', "2010-04-01", '<time datetime="2010-04-01" pubdate>'),
    ],
)
def test_html_meta_date(head, iso, evidence):
    assert _dated(PAGE.format(head=head), ".html") == (iso, "html-meta", evidence)


def test_htm_suffix_reads_meta_too():
    head = '<meta name="DC.date" content="2009-11-30">'
    assert _dated(PAGE.format(head=head), ".htm")[:2] == ("2009-11-30", "html-meta")


@pytest.mark.parametrize("order", ["modified first", "published first"])
def test_published_meta_beats_modified_meta(order):
    tags = ['<meta property="article:modified_time" content="2014-01-01T00:00:00Z">',
            '<meta property="article:published_time" content="2013-05-03T10:22:00Z">']
    if order == "published first":
        tags.reverse()
    iso, source, evidence = _dated(PAGE.format(head="".join(tags)), ".html")
    assert (iso, source) == ("2013-05-03", "html-meta")
    assert "article:published_time" in evidence


def test_modified_meta_alone_still_dates_the_page():
    head = '<meta property="article:modified_time" content="2014-01-01T00:00:00Z">'
    assert _dated(PAGE.format(head=head), ".html")[:2] == ("2014-01-01", "html-meta")


@pytest.mark.parametrize(
    "published",
    ['<script type="application/ld+json">{"datePublished": "2012-08-08T06:00:00Z"}</script>',
     '<time datetime="2012-08-08" pubdate>8 August</time>'],
)
def test_published_json_ld_or_time_tag_beats_modified_meta(published):
    head = '<meta property="article:modified_time" content="2014-01-01T00:00:00Z">' + published
    assert html_meta_date(PAGE.format(head=head))[0] == "2012-08-08"


def test_html_meta_is_read_only_from_html_files():
    head = '<meta property="article:published_time" content="2013-05-03T10:22:00+00:00">'
    assert _doc(PAGE.format(head=head), ".txt").published is None


def test_html_meta_beats_a_date_line():
    raw = PAGE.format(head='<meta name="DC.date" content="2009-11-30">') + "\nDate: 4 June 2001\n"
    assert _dated(raw, ".html")[:2] == ("2009-11-30", "html-meta")


def test_corpus_metadata_beats_html_meta():
    raw = PAGE.format(head='<meta name="DC.date" content="2009-11-30">')
    assert _dated(raw, ".html", {"published": "2020-01-02"}) == ("2020-01-02", "metadata", "corpus.yaml")


def test_page_without_a_date():
    assert html_meta_date(PAGE.format(head='<meta name="author" content="A. Writer">')) == (None, None)


# ---------------------------------------------------------------- YAML front matter


def test_front_matter_date_in_markdown():
    raw = "---\ntitle: Pier\ndate: 2013-05-03\n---\n\n" + BODY
    assert _dated(raw, ".md") == ("2013-05-03", "front-matter", "front matter date: 2013-05-03")


def test_front_matter_published_flag_is_not_a_date():
    # Jekyll's "published: true" is a switch; the date comes from "date:"
    raw = "---\ntitle: Pier\npublished: true\ndate: 2013-05-03 10:00:00\n---\n\n" + BODY
    iso, source, evidence = _dated(raw, ".md")
    assert (iso, source) == ("2013-05-03", "front-matter")
    assert evidence.startswith("front matter date: 2013-05-03")


def test_front_matter_date_written_in_words():
    assert front_matter_date("---\ntitle: Pier\ndate: May 3, 2013\n---\n\n" + BODY)[0] == "2013-05-03"


def test_front_matter_beats_a_date_line():
    raw = "---\ntitle: Pier\ndate: 2013-05-03\n---\n\nDate: 4 June 2001\n\n" + BODY
    assert _dated(raw, ".md")[:2] == ("2013-05-03", "front-matter")


def test_front_matter_without_a_date_falls_through_to_the_text():
    raw = "---\ntitle: Pier\n---\nDate: 4 June 2001\n\n" + BODY
    assert _dated(raw, ".md") == ("2001-06-04", "text", "Date: 4 June 2001")


def test_broken_front_matter_gives_no_date():
    assert front_matter_date("---\ntitle: [unclosed\ndate: 2013-05-03\n---\n\n" + BODY) == (None, None)


# ---------------------------------------------------------------- labelled lines


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Date: 3 May 2013", "2013-05-03"),
        ("Published: Fri, 3 May 2013", "2013-05-03"),
        ("Published on: July 9, 2012", "2012-07-09"),
        ("Updated: 2012.08.08", "2012-08-08"),
        ("Last updated 2014-02-11", "2014-02-11"),
    ],
)
def test_labelled_date_line_near_the_top(line, iso):
    assert _dated(f"Pier report\n{line}\n\n" + BODY) == (iso, "text", line)


def test_labelled_line_beats_a_dateline():
    raw = "Published: 9 June 2013\nJuly 03, 2013 6:22AM\n\n" + BODY
    assert _dated(raw) == ("2013-06-09", "text", "Published: 9 June 2013")


def test_labelled_line_far_down_is_not_read():
    filler = "The pier was planned for years and the town argued about it at length. " * 50
    assert labelled_date(filler + "\nDate: 3 May 2013\n") == (None, None)


@pytest.mark.parametrize(
    "sentence",
    ["Updated figures came out on 3 May 2001.",
     "Released on 3 May 2001, the album sold two million copies."],
)
def test_body_sentence_starting_with_a_label_word_is_not_the_document_date(sentence):
    assert _doc(f"Pier report\n\n{sentence}\n\n" + BODY).published is None


# ---------------------------------------------------------------- datelines


@pytest.mark.parametrize(
    ("line", "iso", "date_text"),
    [
        ("July 03, 2013 6:22AM", "2013-07-03", "July 03, 2013"),
        ("AFP, Tuesday 2 Jul 2013", "2013-07-02", "2 Jul 2013"),
        ("11/30/09 05:40 PM ET", "2009-11-30", "11/30/09"),
        ("Sat Nov 12 2011 10:20 AM", "2011-11-12", "Nov 12 2011"),
        ("TNN Nov 12, 2011, 05.51AM IST MUMBAI:", "2011-11-12", "Nov 12, 2011"),
    ],
)
def test_dateline_dates_the_document(line, iso, date_text):
    published, source, evidence = _dated(f"Pier opens\n{line}\n\n" + BODY)
    assert (published, source) == (iso, "text")
    # the evidence is (part of) the dateline, and holds the date that was read
    assert evidence in line and date_text in evidence


@pytest.mark.parametrize(
    "line",
    ["July 03, 2013 6:22AM", "AFP, Tuesday 2 Jul 2013", "11/30/09 05:40 PM ET"],
)
def test_dateline_quotes_the_whole_line(line):
    assert dateline(f"Pier opens\n{line}\n\n" + BODY)[1] == line


def test_impossible_us_dateline_is_not_a_date():
    assert _doc("13/30/09 05:40 PM ET\n\n" + BODY).published is None


@pytest.mark.parametrize(
    ("url", "iso"),
    [
        ("http://www.example.com/news/2013/05/03/pier-opens.html", "2013-05-03"),
        ("https://example.org/2013/may/03/pier-opens", "2013-05-03"),
    ],
)
def test_address_on_the_first_line_with_a_dated_path(url, iso):
    assert _dated(f"{url}\n\n" + BODY) == (iso, "text", url)


def test_dated_address_not_on_the_first_line_is_not_read():
    assert _doc("Pier opens\nhttp://www.example.com/news/2013/05/03/pier-opens.html\n\n" + BODY).published is None


# ---------------------------------------------------------------- what never dates a document


@pytest.mark.parametrize(
    "first",
    ["The harbour board said on 2 May 2013 that the pier would open soon after the repairs.",
     "The harbour board said on May 2, 2013 that the pier would open soon after the repairs."],
)
def test_long_sentence_with_a_date_in_the_first_lines_is_not_a_dateline(first):
    raw = f"{first}\n\n" + BODY
    assert dateline(raw) == (None, None)
    assert _doc(raw).published is None


@pytest.mark.parametrize(
    "raw",
    ["Pier history\n\nThe war ended on 2 May 1945.\n\n" + BODY,
     "The war ended on 2 May 1945.\n\n" + BODY],
)
def test_body_event_is_not_the_document_date(raw):
    doc = _doc(raw)
    assert (doc.published, doc.published_source, doc.published_evidence) == (None, None, None)


def test_no_date_anywhere():
    assert _dated("Pier report\n\n" + BODY) == (None, None, None)

"""Web pages: the article is read, the page's menus, tickers, banners and footers are not.

Every page here is ours.
"""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from factcheck.ingest import boilerplate
from factcheck.ingest.corpus import document_from_text

ARTICLE = """
<article>
<h1>Harbour bridge reopens after repairs</h1>
<p>The harbour bridge in Port Elden reopened on Thursday after a repair programme that lasted 14 months and
cost 42 million euros, the city council said.</p>
<p>Engineers replaced 310 steel cables and resurfaced the 1.2-kilometre deck. About 38,000 vehicles crossed the
bridge each day before it closed.</p>
<p>The council said the bridge would carry trams again from 2027.</p>
</article>
"""
CHROME = {
    "nav": "<nav><ul><li>Home</li><li>News</li><li>Sport</li></ul></nav>",
    "ticker": '<div class="ticker">Markets: index up 12 points, 3,400 shares traded in the first hour today.</div>',
    "cookies": '<div id="cookie-banner">We use 7 cookies to improve your experience. Accept all 7 cookies?</div>',
    "aside": "<aside><h3>Most read</h3><p>Five things to do this weekend, with 20 events listed.</p></aside>",
}


def page(body: str) -> str:
    return ("<!doctype html><html><head><title>Harbour bridge reopens</title>"
            '<meta property="article:published_time" content="2025-03-14T09:00:00Z"></head><body>'
            f"{body}</body></html>")


def labels(doc) -> dict[str, tuple[str, str]]:
    text = doc.textmap.text
    return {" ".join(text[s.start:s.end].split()): (s.label, s.reason) for s in doc.segments}


def test_the_pages_chrome_is_boilerplate_and_its_article_is_body():
    doc = document_from_text("p.html", page(CHROME["nav"] + CHROME["ticker"] + CHROME["cookies"] + ARTICLE
                                            + CHROME["aside"]), suffix=".html")
    got = labels(doc)
    ticker = "Markets: index up 12 points, 3,400 shares traded in the first hour today."
    assert got[ticker] == ("page_header", boilerplate.REASON)
    assert got["We use 7 cookies to improve your experience. Accept all 7 cookies?"][0] == "page_header"
    assert got["Five things to do this weekend, with 20 events listed."][0] == "page_header"
    body = [t for t, (label, _) in got.items() if label == "body"]
    assert any(t.startswith("The harbour bridge in Port Elden reopened") for t in body)
    assert any(t.startswith("Engineers replaced 310 steel cables") for t in body)
    assert any(t.startswith("The council said the bridge") for t in body)
    assert doc.published == "2025-03-14" and doc.published_source == "html-meta"


def test_offsets_of_the_article_still_point_into_the_file():
    raw = page(CHROME["ticker"] + ARTICLE)
    doc = document_from_text("p.html", raw, suffix=".html")
    text = doc.textmap.text
    [seg] = [s for s in doc.segments if text[s.start:s.end].lstrip().startswith("Engineers")]
    a, b = doc.textmap.to_original(seg.start, seg.end)
    assert "Engineers replaced 310 steel cables" in raw[a:b]


def test_a_page_too_short_to_judge_keeps_every_paragraph():
    doc = document_from_text("p.html", page(CHROME["ticker"] + "<p>The deck is 1.2 km long.</p>"), suffix=".html")
    assert all(s.reason != boilerplate.REASON for s in doc.segments)
    assert labels(doc)["Markets: index up 12 points, 3,400 shares traded in the first hour today."][0] == "body"


def test_plain_text_is_never_judged_as_a_web_page():
    text = "Markets: index up 12 points today.\n\n" + "The bridge reopened on Thursday after 14 months of work. " * 6
    doc = document_from_text("p.txt", text, suffix=".txt")
    assert all(s.reason != boilerplate.REASON for s in doc.segments)


def test_an_unparsable_page_keeps_its_text():
    assert boilerplate.main_text("") is None
    assert boilerplate.main_text("<<<>>>") is None


_WORDS = st.text(alphabet="abcdefgh", min_size=1, max_size=6)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(_WORDS, min_size=1, max_size=20), min_size=1, max_size=8), st.data())
def test_every_paragraph_of_the_main_text_is_in_it(paragraphs, data):
    texts = [" ".join(p) for p in paragraphs]
    judge = boilerplate.MainText("\n\n".join(texts))
    i = data.draw(st.integers(0, len(texts) - 1))
    # whitespace, case and punctuation do not matter
    assert judge.contains(texts[i].upper().replace(" ", " ,\n "))


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDS, min_size=3, max_size=20))
def test_a_paragraph_sharing_no_words_with_the_main_text_is_not_in_it(words):
    judge = boilerplate.MainText("zzz yyy xxx www vvv uuu")
    assert not judge.contains(" ".join(words))

"""Tell a web page's article from its boilerplate (navigation, tickers, cookie banners).

trafilatura finds the page's main text. Our own HTML stripping keeps every
character's offset, so instead of reading trafilatura's text we use it as a
judge: a paragraph of the stripped page that the main text does not contain
is boilerplate, labelled ``page_header`` with the reason, and never read for
claims. When the main text is too short to trust (a page of a few lines, or
one trafilatura can't parse) nothing is relabelled.
"""

from __future__ import annotations

import logging
import re

MIN_MAIN_CHARS = 200
# a paragraph is the article's when this share of its word trigrams is in the main text
MIN_SHARE = 0.5
REASON = "page boilerplate (not in the article's main text)"

_WORD = re.compile(r"\w+")


def main_text(html: str) -> str | None:
    """The article text of a page, or None when it can't be told (too short, unparsable)."""
    try:
        import trafilatura
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    try:
        text = trafilatura.extract(html, favor_recall=True, include_comments=False, include_tables=True,
                                   include_links=False, include_images=False, deduplicate=False,
                                   with_metadata=False)
    except Exception:  # noqa: BLE001 - a page trafilatura can't read keeps all its paragraphs
        return None
    if not text or len(text) < MIN_MAIN_CHARS:
        return None
    return text


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _grams(words: list[str]) -> set[tuple[str, ...]]:
    if len(words) < 3:
        return {tuple(words)} if words else set()
    return {tuple(words[i:i + 3]) for i in range(len(words) - 2)}


class MainText:
    """Membership of paragraphs in a page's main text."""

    def __init__(self, text: str):
        words = _words(text)
        self._grams = _grams(words)
        self._words = set(words)

    def contains(self, paragraph: str) -> bool:
        words = _words(paragraph)
        if not words:
            return True
        if len(words) < 3:
            return all(w in self._words for w in words)
        grams = _grams(words)
        return sum(g in self._grams for g in grams) >= MIN_SHARE * len(grams)

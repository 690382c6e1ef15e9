"""Listing pages (front pages, section and tag pages) are lists of teasers, not articles.

An extractor given a front page returns its teasers: lines that each begin with a headline
linked to another page. Articles link from inside sentences, rarely from a paragraph's start.
"""
from __future__ import annotations

from .page import Page

MIN_TEASER_LINES = 5
TEASER_LINE_SHARE = 0.6  # of body lines beginning with a link's text; articles measured ≤ 0.45
LINK_TEXT_SHARE = 0.25  # of body characters that are such link text; articles measured ≤ 0.31 (any link)
MIN_HEADLINE_CHARS = 15


def teaser_lines(page: Page, body_text: str) -> int | None:
    """Number of teaser lines when the body reads as a list of teasers, else None."""
    lines = [" ".join(line.split()) for line in body_text.splitlines() if line.strip()]
    if len(lines) < MIN_TEASER_LINES:
        return None
    headlines = _link_texts(page)
    lengths = sorted({len(h) for h in headlines})
    starts = [next((n for n in lengths if line[:n] in headlines), 0) for line in lines]
    teasers = sum(1 for n in starts if n)
    linked_chars = sum(starts)
    if teasers >= TEASER_LINE_SHARE * len(lines) and linked_chars >= LINK_TEXT_SHARE * sum(map(len, lines)):
        return teasers
    return None


def _link_texts(page: Page) -> set[str]:
    texts = (" ".join(text.split()) for text in page.link_texts)
    return {t for t in texts if len(t) >= MIN_HEADLINE_CHARS}

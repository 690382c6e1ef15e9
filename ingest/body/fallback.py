"""readability-lxml as a second opinion, asked only when trafilatura kept little of the page's prose.

trafilatura sometimes keeps one container of an article that the page splits into several; the
page's prose then far outweighs what it kept. Running readability-lxml on every page would cost
more than trafilatura itself, so the cheap prose count decides when to ask it.
"""
from __future__ import annotations

import copy
import re

from lxml import etree
from readability import Document

_NOT_WORD = re.compile(r"\W+")
_PROSE_MIN_CHARS = 60       # a <p> shorter than this is a caption, label or teaser, not prose
_PROSE_MAX_LINK_SHARE = 0.3  # a <p> mostly of link text is navigation
_ASK_BELOW = 0.45           # ask readability when the body holds less than this share of the prose
_ADOPT_LENGTH = 1.5         # adopt its body only when it is this much longer ...
_ADOPT_CONTAINS = 0.9       # ... and holds this share of trafilatura's words in sequence
_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "blockquote", "td")


def prose_chars(tree) -> int:
    """Characters in the page's prose paragraphs: long <p> elements that are not mostly links."""
    total = 0
    for p in tree.iter("p"):
        length = len(p.text_content().strip())
        if length < _PROSE_MIN_CHARS:
            continue
        links = sum(len(a.text_content()) for a in p.iter("a"))
        if links <= _PROSE_MAX_LINK_SHARE * length:
            total += length
    return total


def needs_second_opinion(paragraphs: list[str], tree) -> bool:
    kept = sum(len(p) for p in paragraphs)
    return kept < _ASK_BELOW * prose_chars(tree)


def readability_paragraphs(tree) -> list[str]:
    """readability-lxml's article, one paragraph per block element (on a copy: it edits the tree)."""
    try:
        summary = Document(copy.deepcopy(tree)).summary(html_partial=True)
    except Exception:  # readability raises bare Exceptions on odd pages; it is only a second opinion
        return []
    if not summary.strip():
        return []
    root = etree.fromstring(summary, etree.HTMLParser())
    paragraphs = []
    for element in root.iter(_BLOCKS):
        if any(ancestor.tag in _BLOCKS for ancestor in element.iterancestors()):
            continue
        text = " ".join(element.itertext()).split()
        if text:
            paragraphs.append(" ".join(text))
    return paragraphs


def _shingles(paragraphs: list[str], n: int = 4) -> set[tuple[str, ...]]:
    words = _NOT_WORD.sub(" ", " ".join(paragraphs).casefold()).split()
    return {tuple(words[i:i + n]) for i in range(max(1, len(words) - n + 1))}


def prefer_second(first: list[str], second: list[str]) -> bool:
    """The second body wins when it is much longer and holds nearly all of the first."""
    if sum(len(p) for p in second) < _ADOPT_LENGTH * sum(len(p) for p in first):
        return False
    ours = _shingles(first)
    return len(ours & _shingles(second)) >= _ADOPT_CONTAINS * len(ours)

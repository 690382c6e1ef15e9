"""readability-lxml as a second opinion, asked only when trafilatura's body looks wrong.

Two failures are cheap to see: trafilatura kept one container of an article that the page splits
into several (the page's prose far outweighs what it kept), or it printed a layout table whole (an
old table-built page: the article sits in one huge cell beside the menus). Running readability-lxml
on every page would cost more than trafilatura itself, so these checks decide when to ask it.
"""
from __future__ import annotations

import copy
import re

from lxml import etree
from readability import Document

from ..controls import without_controls
from .joiners import printable

_WORD = re.compile(r"\w+")
_PROSE_MIN_CHARS = 60       # a <p> shorter than this is a caption, label or teaser, not prose
_PROSE_MAX_LINK_SHARE = 0.3  # a <p> mostly of link text is navigation
_ASK_BELOW = 0.45           # ask readability when the body holds less than this share of the prose
_ADOPT_LENGTH = 1.5         # adopt its body only when it is this much longer ...
_ADOPT_CONTAINS = 0.9       # ... and holds this share of trafilatura's words in sequence
_LAYOUT_CELL_CHARS = 600   # a table cell this long holds a page region, not a datum
_LINE_MAX_LINK_SHARE = 0.5  # a line mostly of link text is a menu or a teaser
_LINK_OPEN, _LINK_CLOSE = "\ue000", "\ue001"  # private-use characters no page prints
_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "blockquote", "td")
# Form controls readability keeps inside a block: a drop-down's options are choices, not prose (one
# wcxb-dev page's summary was a select of 600 project teams).
_CONTROLS = ("select", "option", "button", "textarea")


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


def is_layout_table(paragraphs: list[str]) -> bool:
    """trafilatura prints table rows as "| cell | cell |"; a cell of page-region size is layout."""
    return any(p.startswith("|") and max(map(len, p.split("|"))) > _LAYOUT_CELL_CHARS for p in paragraphs)


def needs_second_opinion(paragraphs: list[str], prose: int) -> bool:
    """`prose` is the page's `prose_chars`."""
    kept = sum(len(p) for p in paragraphs)
    return is_layout_table(paragraphs) or kept < _ASK_BELOW * prose


def readability_paragraphs(tree) -> list[str]:
    return readability_body(tree)[1]


def readability_body(tree):
    """readability-lxml's article: its element tree, and one paragraph per block or <br>-separated
    line, link lines left out. Runs on a copy of the tree, because readability edits the tree it is given.
    """
    try:
        summary = Document(copy.deepcopy(tree)).summary(html_partial=True)
    except Exception:  # readability raises bare Exceptions on odd pages; it is only a second opinion
        return None, []
    if not summary.strip():
        return None, []
    root = etree.fromstring(summary, etree.HTMLParser())
    return root, summary_paragraphs(root)


def summary_paragraphs(root) -> list[str]:
    """One paragraph per block or <br>-separated line of a readability summary, link lines left
    out. Marks the tree's lines and links in place (the Markdown renderer reads the marks)."""
    etree.strip_elements(root, *_CONTROLS, with_tail=False)
    _mark_lines_and_links(root)
    paragraphs = []
    for element in _outermost_blocks(root):
        paragraphs += [line for line in map(_prose_line, "".join(element.itertext()).split("\n")) if line]
    return paragraphs


def _outermost_blocks(root):
    """The blocks inside no other block, in document order (a block's own come before the ones in it)."""
    inner = set()
    for element in root.iter(_BLOCKS):
        if element not in inner:
            inner.update(element.iter(_BLOCKS))
            yield element


def _mark_lines_and_links(root) -> None:
    """Line breaks become newlines; link text is fenced by two private-use characters so each line's share of
    link text can be read off its string."""
    for br in root.iter("br"):
        br.tail = "\n" + without_controls(br.tail or "")  # lxml parses control characters but refuses to set them
    for anchor in root.iter("a"):
        anchor.text = _LINK_OPEN + without_controls(anchor.text or "")
        anchor.tail = _LINK_CLOSE + without_controls(anchor.tail or "")


def _prose_line(raw: str) -> str:
    """The line with white space folded, or "" when it is mostly link text (a menu, a print link)."""
    link = sum(len(part.split(_LINK_CLOSE)[0]) for part in raw.split(_LINK_OPEN)[1:])
    text = " ".join(printable(raw.replace(_LINK_OPEN, "").replace(_LINK_CLOSE, "")).split())
    plain = len(raw) - raw.count(_LINK_OPEN) - raw.count(_LINK_CLOSE)
    return "" if not text or link > _LINE_MAX_LINK_SHARE * plain else text


def shingles(paragraphs: list[str]) -> set[tuple[str, ...]]:
    """The text's runs of four words (the whole text as one run when it is shorter)."""
    # findall reads the words in one pass, where sub and split took two (the body stage asks
    # for each body's shingles); zip builds the tuples in C.
    words = _WORD.findall(" ".join(paragraphs).casefold())
    if len(words) < 4:
        return {tuple(words)}
    return set(zip(words, words[1:], words[2:], words[3:]))


def prefer_second(first: list[str], second: list[str]) -> bool:
    """The second body wins when it is much longer and holds nearly all of the first, or when the
    first is empty or a layout table."""
    if not first or is_layout_table(first):
        return bool(second) and not is_layout_table(second)
    if sum(len(p) for p in second) < _ADOPT_LENGTH * sum(len(p) for p in first):
        return False
    ours = shingles(first)
    return len(ours & shingles(second)) >= _ADOPT_CONTAINS * len(ours)

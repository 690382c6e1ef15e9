"""Lifting found embeds out of the tree while remembering where each stood.

Each embed is first swapped for an empty marker, so that the text around it can be read once
every embed is out (two embeds in a row must not anchor on each other); then the markers go.
"""
from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from .found import Found

MARKER = "ingest-embed"
ANCHOR_WORDS = 12


@dataclass(frozen=True)
class Anchor:
    """The article text just before and just after an embed, a few words of each."""

    before: str
    after: str


def mark(item: Found, number: int) -> None:
    """Put marker `number` where the embed's first element was and take all its elements out."""
    first, *rest = item.elements
    marker = etree.Element(MARKER, n=str(number))
    _replace(first, marker)
    for el in rest:
        _remove(el)


def anchors_and_unmark(tree) -> list[tuple[int, Anchor]]:
    """(number, anchor) of every marker in document order; the markers are removed from the tree."""
    markers = list(tree.iter(MARKER))
    anchors = [(int(m.get("n")), Anchor(_words_before(m), _words_after(m))) for m in markers]
    for marker in markers:
        _remove(marker)
    return anchors


def _replace(el, marker) -> None:
    parent = el.getparent()
    if parent is None:
        return
    marker.tail = el.tail
    parent.replace(el, marker)


def _remove(el) -> None:
    """Remove an element but keep its tail text in the tree."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    previous = el.getprevious()
    if tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def _words_after(marker) -> str:
    words: list[str] = (marker.tail or "").split()
    node = marker
    while len(words) < ANCHOR_WORDS and node is not None:
        for sibling in node.itersiblings():
            words += _text_of(sibling).split() + (sibling.tail or "").split()
            if len(words) >= ANCHOR_WORDS:
                break
        node = node.getparent()
    return " ".join(words[:ANCHOR_WORDS])


def _words_before(marker) -> str:
    words: list[str] = []
    node = marker
    while len(words) < ANCHOR_WORDS and node is not None:
        for sibling in node.itersiblings(preceding=True):
            words = _text_of(sibling).split() + (sibling.tail or "").split() + words
            if len(words) >= ANCHOR_WORDS:
                break
        parent = node.getparent()
        if parent is not None and len(words) < ANCHOR_WORDS:
            words = (parent.text or "").split() + words
        node = parent
    return " ".join(words[-ANCHOR_WORDS:])


def _text_of(el) -> str:
    if not isinstance(el.tag, str) or el.tag in ("script", "style", "noscript", MARKER):
        return ""
    return " ".join(el.xpath(".//text()[not(ancestor::script or ancestor::style or ancestor::noscript)]"))

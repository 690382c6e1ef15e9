"""Caps on what the stages look at of a page, far above any real page, so that a hostile one costs a
bounded time: elements, attributes of one tag, characters of one text node."""
from __future__ import annotations

import re
from itertools import islice

import lxml.html
from lxml import etree

from .fold import fold_documents

# The 1,585 pages of the shared benchmarks have at most 15,795 elements and 136 attributes on one element.
MAX_ELEMENTS = 30_000
# Above this many elements trafilatura runs its main pass only: its fallbacks (its readability and
# jusText passes) slow down with the square of the page's blocks when thousands of them are one
# word long (200k one-word paragraphs, cut to 30,000 elements, took 240 s in jusText alone).
MAX_ELEMENTS_FOR_FALLBACKS = 20_000
MAX_ATTRIBUTES = 1_000
MAX_TEXT_CHARS = 200_000  # in one text node outside scripts (the longest real one: 94,227)
_COUNT_ELEMENTS = etree.XPath("count(//*)")
_LONG_TEXTS = etree.XPath("//text()[string-length(.) > $limit]")
_CODE = {"script", "style", "template", "noscript"}  # JSON-LD and app state may be long
_LARGE, _CHUNK = 1_000_000, 65_536  # a page longer than this is parsed chunk by chunk
_LONG_TAG_CHARS = 20_000  # only a tag this long can hold that many attributes
_LONG_TAG = re.compile(f"<[a-zA-Z][^<>]{{{_LONG_TAG_CHARS},}}")
# Every element an HtmlElement, chosen in C: lxml.html's own lookup calls Python for each element
# touched (to give forms their classes, which nothing here uses), and trafilatura's passes over
# the tree and its copies touch each one many times: 4 ms of a 70 ms clean().
ELEMENT_CLASSES = etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment,
    pi=lxml.html.HtmlProcessingInstruction, entity=lxml.html.HtmlEntity)
_ATTRIBUTE = re.compile(r"""\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")


def parse_bounded(text: str, parser):
    """The page's tree within the caps (a long page parsed only as far as they reach), and how
    many elements it holds."""
    text = capped_attributes(text)
    tree = first_elements(text) if len(text) > _LARGE else lxml.html.document_fromstring(text, parser=parser)
    if tree is None:
        return None, 0
    fold_documents(tree)  # before the caps: a second document must not escape them
    elements = truncate(tree, MAX_ELEMENTS)
    if len(text) > MAX_TEXT_CHARS:  # no text node is longer than the page it was parsed from
        shorten_texts(tree, MAX_TEXT_CHARS)
    return tree, elements


def first_elements(text: str):
    """A large page parsed a chunk at a time, stopping once past MAX_ELEMENTS elements: parsing the
    rest of a 20 MB page only to cut it away would cost seconds. (The options are page.py's parser's.)"""
    parser = etree.HTMLPullParser(events=("start",), remove_comments=True, remove_pis=True, collect_ids=False)
    parser.set_element_class_lookup(ELEMENT_CLASSES)
    seen = 0
    for start in range(0, len(text), _CHUNK):
        parser.feed(text[start:start + _CHUNK])
        seen += sum(1 for _ in parser.read_events())
        if seen > MAX_ELEMENTS:
            break
    tree = parser.close()
    if tree is None:
        raise etree.ParserError("Document is empty")
    return tree


def capped_attributes(text: str) -> str:
    """Tags with more than MAX_ATTRIBUTES attributes cut after that many: libxml2 checks each new
    attribute against all before it, so 200k attributes on one element take minutes."""
    if len(text) <= _LARGE and not _may_hold_long_tag(text):
        return text
    return _LONG_TAG.sub(_first_attributes, text)


def _may_hold_long_tag(text: str) -> bool:
    """Whether `_LONG_TAG` can match: some "<" starts a run that long before the next "<" or ">".
    Split in C, a page takes a third of the regex's time, which walks every tag character by
    character; the few long runs (scripts, inline images) are then read to their first ">". Only
    for pages up to `_LARGE`: the pieces of a 20 MB page of tags would take hundreds of MB."""
    runs = text.split("<")[1:]
    if max(map(len, runs), default=0) <= _LONG_TAG_CHARS:  # the common case, decided in C
        return False
    return any(len(run) > _LONG_TAG_CHARS and run[:1].isascii() and run[:1].isalpha()
               and ">" not in run[:_LONG_TAG_CHARS + 1] for run in runs)


def _first_attributes(match: re.Match) -> str:
    tag = match.group()
    attributes = islice(_ATTRIBUTE.finditer(tag), MAX_ATTRIBUTES + 1)
    ends = [attribute.start() for attribute in attributes]
    return tag[:ends[-1]] if len(ends) > MAX_ATTRIBUTES else tag


def shorten_texts(tree, limit: int) -> None:
    """Cut text nodes longer than `limit`: some patterns of trafilatura's backtrack over a whole line."""
    for text in _LONG_TEXTS(tree, limit=limit):
        element = text.getparent()
        if text.is_tail:
            element.tail = text[:limit]
        elif element.tag not in _CODE:
            element.text = text[:limit]


def truncate(tree, limit: int) -> int:
    """Drop every element after the first `limit` in document order, as if the page ended there:
    several stages (trafilatura's among them) slow down faster than the page grows. Returns how
    many elements are left."""
    elements = int(_COUNT_ELEMENTS(tree))  # counted in C, without a proxy per element
    if elements <= limit:
        return elements
    beyond = next(islice(tree.iter(), limit, None))
    parent = beyond.getparent()
    del parent[parent.index(beyond):]  # slices are deleted in C, without a proxy per element
    while parent.getparent() is not None:
        node, parent = parent, parent.getparent()
        del parent[parent.index(node) + 1:]
    return limit

"""The text just above and just below a page's headline, where an article shows its date and byline.

Walked in Python from the headline outwards and stopped once enough is read: an XPath over the
preceding and following axes reads the whole page first.
"""
from __future__ import annotations

from lxml import etree

_SILENT = {"script", "style", "template", "noscript"}


def text_before(element, chars: int) -> str:
    """The last `chars` characters of text before `element` in document order."""
    return _gather(_texts_before(element), chars)[::-1][-chars:] if chars else ""


def text_after(element, chars: int) -> str:
    """The first `chars` characters of text after `element` (its own text not included)."""
    return _gather(_texts_after(element), chars)[:chars]


def _gather(texts, chars: int) -> str:
    """Texts joined by spaces, whitespace collapsed, until `chars` characters are read. Texts read
    backwards arrive each reversed character by character, nearest first, so the caller reverses
    the whole string to put them back in page order."""
    found, total = [], 0
    for text in texts:
        words = " ".join(text.split())
        if words:
            found.append(words)
            total += len(words) + 1
            if total >= chars:
                break
    return " ".join(found)


def _texts_after(element):
    node = element
    while node is not None:
        if node.tail:
            yield node.tail
        for sibling in node.itersiblings():
            yield from _texts_within(sibling)
            if sibling.tail:
                yield sibling.tail
        node = node.getparent()


def _texts_before(element):
    """Text nodes before `element`, nearest first, each reversed character by character."""
    node = element
    while node is not None:
        for sibling in node.itersiblings(preceding=True):
            if sibling.tail:
                yield sibling.tail[::-1]
            yield from _texts_within_backwards(sibling)
        node = node.getparent()
        if node is not None and node.text and node.tag not in _SILENT:
            yield node.text[::-1]


def _texts_within_backwards(element):
    """The text nodes inside `element`, last first, each reversed; read lazily, so a long menu
    before the headline is not read past what is needed."""
    for child in reversed(element):
        if child.tail:
            yield child.tail[::-1]
        if isinstance(child.tag, str):
            yield from _texts_within_backwards(child)
    if element.text and element.tag not in _SILENT:
        yield element.text[::-1]


def _texts_within(element):
    """The text nodes inside `element`, in document order, its own tail not included; nothing from
    scripts and styles."""
    for event, el in etree.iterwalk(element, events=("start", "end")):
        if not isinstance(el.tag, str):
            continue
        if event == "start":
            if el.text and el.tag not in _SILENT:
                yield el.text
        elif el is not element and el.tail:
            yield el.tail

"""The headline belongs in the record's title, not again at the top of the body."""
from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree

_NOT_WORD = re.compile(r"\W+")
# Only the first few paragraphs can be a repeated headline.
_HEAD_SPAN = 3
# Lines above the headline this short are kickers and section labels.
_KICKER_MAX_WORDS = 4
# Class and id words of an element that sets a standfirst apart from the article's paragraphs
# ("dek" and "deck" only as whole words: not "decking" or "dekalb").
_MARK_WORDS = ("standfirst", "dek", "deck", "subtitle", "subhead", "sub-head", "strapline", "excerpt", "summary",
               "description", "tagline", "article-lead", "sapo", "chapeau", "teaser-text")
_WHOLE_WORDS = {"dek", "deck"}
_STANDFIRST_MARK = re.compile("|".join(rf"\b{w}\b" if w in _WHOLE_WORDS else w for w in _MARK_WORDS), re.I)
_STANDFIRST_TAGS = {"p", "div", "h2", "h3", "span"}
_LABELLED = etree.XPath("//*[@class or @id]")


def _key(text: str) -> str:
    return _NOT_WORD.sub(" ", text).strip().casefold()


def _keys(texts: list[str]) -> set[str]:
    return {_key(t) for t in texts if t and len(_key(t)) > 10}


def drop_headline(paragraphs: list[str], titles: list[str],
                  standfirsts: Callable[[], list[str]] = list) -> list[str]:
    """Drop the page's title repeated near the top, the short kicker lines above it (a section
    label such as "Review"), and a standfirst right after it.

    `standfirsts` gives only descriptions the page marks as a standfirst (`marked_standfirsts`): a
    description that is merely the article's first paragraph is the lead, and stays. It is called
    only when a headline was found, for finding them means reading much of the page.
    """
    title_keys = _keys(titles)
    heads = [i for i, p in enumerate(paragraphs[:_HEAD_SPAN]) if _key(p) in title_keys]
    if not heads:
        return paragraphs
    last = heads[-1]
    if any(len(p.split()) > _KICKER_MAX_WORDS for p in paragraphs[:last] if _key(p) not in title_keys):
        return [p for i, p in enumerate(paragraphs) if i not in heads]
    start = last + 1
    if start < len(paragraphs) and _key(paragraphs[start]) in _keys(standfirsts()):
        start += 1
    return paragraphs[start:]


def marked_standfirsts(tree, descriptions: list[str]) -> list[str]:
    """The page's descriptions that stand in an element marked as a standfirst (class or id such
    as "standfirst", "dek", "subtitle"), not in the article's own paragraphs."""
    wanted = _keys(descriptions)
    if not wanted:
        return []
    found = []
    for element in _marked(tree):
        if element.tag in _STANDFIRST_TAGS and _key(element.text_content()) in wanted:
            found.append(element.text_content())
    return found


def _marked(tree):
    """Elements marked as a standfirst, and their children (a marked wrapper's paragraph)."""
    labelled = _LABELLED(tree)
    labels = [f"{node.get('class') or ''} {node.get('id') or ''}".lower() for node in labelled]
    # Which mark words occur at all, found by one search of all labels: a page has hundreds of
    # labelled elements, and the pattern run on each was the dearest step of the body stage.
    everything = "\n".join(labels)
    present = [word for word in _MARK_WORDS if word in everything]
    seen = set()
    for node, label in zip(labelled, labels):
        if any(word in label for word in present) and _STANDFIRST_MARK.search(label):
            for element in (node, *node):
                if element not in seen:
                    seen.add(element)
                    yield element

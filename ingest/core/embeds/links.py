"""A post's bare URL on a line of its own: what an oEmbed that never ran leaves in the article."""
from __future__ import annotations

import re

from lxml import etree

from ..record import Embed
from .found import Found, found
from .platforms import handle_in_url, platform_of_url
from .text import visible_text

_BLOCKS = etree.XPath("//*[self::p or self::div[not(*) or (count(*) = 1 and a)]][contains(., 'http')]")
_LONE_URL = re.compile(r"^\s*(https?://\S+)\s*$")


def find(tree) -> list[Found]:
    items = []
    # One path with a predicate, not a union ("//p | //div[...]"): libxml2 merges unions in quadratic time.
    # A block without "http" in its text cannot be a URL: lxml rules those out in C.
    for block in _BLOCKS(tree):
        url = _lone_url(block)
        platform, post = platform_of_url(url)
        if platform is not None:
            items.append(found(block, Embed(kind=platform.KIND, url=post, handle=handle_in_url(platform, post))))
    return items


def _lone_url(block) -> str | None:
    """The URL a block consists of: its text is one URL, or one link whose text is its URL."""
    text = visible_text(block)
    match = _LONE_URL.match(text)
    if not match:
        return None
    links = [a.get("href") for a in block.iter("a")]
    return links[0] if len(links) == 1 else match.group(1)

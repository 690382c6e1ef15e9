"""A post's bare URL on a line of its own: what an oEmbed that never ran leaves in the article."""
from __future__ import annotations

import re

from ..record import Embed
from .found import Found, found
from .platforms import handle_in_url, platform_of_url
from .text import visible_text

_LONE_URL = re.compile(r"^\s*(https?://\S+)\s*$")


def find(tree) -> list[Found]:
    items = []
    for block in tree.iter("p", "div"):  # not an XPath union: libxml2 merges unions in quadratic time
        if block.tag == "div" and not _bare_or_one_link(block):
            continue
        url = _lone_url(block)
        platform, post = platform_of_url(url)
        if platform is not None:
            items.append(found(block, Embed(kind=platform.KIND, url=post, handle=handle_in_url(platform, post))))
    return items


def _bare_or_one_link(div) -> bool:
    """A div with no child elements, or with one that is a link."""
    return len(div) == 0 or len(div) == 1 and div[0].tag == "a"


def _lone_url(block) -> str | None:
    """The URL a block consists of: its text is one URL, or one link whose text is its URL."""
    text = visible_text(block)
    match = _LONE_URL.match(text)
    if not match:
        return None
    links = [a.get("href") for a in block.iter("a")]
    return links[0] if len(links) == 1 else match.group(1)

"""Tweets whose widget never ran and whose blockquote a sanitiser removed or left bare.

What remains is the post's text, then the attribution line `— Name (@handle) Month D, YYYY`,
either in one block (a bare blockquote, or a paragraph with line breaks) or as the last of a
few short blocks. Where the post starts is read backwards from the attribution.
"""
from __future__ import annotations

import re

from ..language import detect_language, hint_code, post_language
from ..record import Embed
from .found import Found
from .text import BLOCKS, has_link_stub, iso_day, post_text, visible_text
from .twitter import ATTRIBUTION, KIND, post_url, tweet_of_quote

# A tweet is at most 280 characters; blocks are gathered backwards only while they fit.
POST_CHARS = 280
# What marks a block as written for a social network rather than for the article.
_SOCIAL = re.compile(r"(?:^|\s)[#@]\w|https?://|[\U0001F000-\U0001FAFF\u2600-\u27BF]")
_STOP_TAGS = frozenset("h1 h2 h3 h4 h5 h6 figure table ul ol hr img ingest-embed".split())


def find(tree) -> list[Found]:
    items, seen = [], set()
    for node in tree.xpath('//text()[contains(., "(@")]/..'):
        block = _block_of(node)
        if block is None or block in seen:
            continue
        seen.add(block)
        item = _post_ending_in(block, tree)
        if item is not None:
            items.append(item)
    return items


def _block_of(el):
    while el is not None and (not isinstance(el.tag, str) or el.tag not in BLOCKS):
        el = el.getparent()
    return el


def _post_ending_in(block, tree) -> Found | None:
    lines = visible_text(block).splitlines()
    attribution = ATTRIBUTION.match(lines[-1]) if lines else None
    if attribution is None or not attribution.group("date"):
        return None
    if block.tag == "blockquote":
        return Found((block,), tweet_of_quote(block))  # a widget stripped of its class
    if len(lines) > 1:  # the post and its attribution in one paragraph, lines broken by <br>
        post_sized = len("".join(lines[:-1])) <= 2 * POST_CHARS and not any(
            isinstance(child.tag, str) and child.tag in BLOCKS for child in block)
        return Found((block,), tweet_of_quote(block)) if post_sized else None
    parts = _post_blocks_before(block, _article_language(tree, block))
    if not parts:
        return None
    return Found(tuple(parts) + (block,), _tweet(parts, block, attribution))


def _post_blocks_before(attribution_block, article_language: str | None) -> list:
    """The short blocks just before the attribution that hold the post, in document order.

    The block right before it always does; an earlier one only if it reads as a post (hashtags,
    mentions, emoji, links) or is in another language than the article: a short article
    paragraph in the article's language stays in the article.
    """
    parts: list = []
    size = 0
    for sibling in attribution_block.itersiblings(preceding=True):
        if not isinstance(sibling.tag, str) or sibling.tag in ("script", "style"):
            continue
        if sibling.tag in _STOP_TAGS:
            break
        text = visible_text(sibling)
        if not text:
            continue
        if parts and not _continues_post(sibling, text, size, article_language):
            break
        parts.insert(0, sibling)
        size += len(post_text(text) or "")
    return parts


def _continues_post(block, text: str, size: int, article_language: str | None) -> bool:
    """Whether an earlier block still belongs to the post rather than to the article."""
    if block.find(".//ingest-embed") is not None:
        return False
    if has_link_stub(text) or ATTRIBUTION.match(text.splitlines()[-1]):
        return False  # the end of another post
    if text.rstrip().endswith(":"):
        return False  # the article's lead-in to the post
    if size + len(post_text(text) or "") > POST_CHARS:
        return False
    return bool(_SOCIAL.search(text)) or post_language(text) != article_language


def _article_language(tree, block) -> str | None:
    """The page's declared language, else the language of the text around the post."""
    declared = hint_code(tree.getroottree().getroot().get("lang"))
    if declared:
        return declared
    container = block.getparent()
    return detect_language(visible_text(container) if container is not None else "")


def _tweet(parts: list, attribution_block, attribution) -> Embed:
    links = [post_url(a.get("href")) for el in parts + [attribution_block] for a in el.iter("a")]
    declared = next((p.get("lang").strip().lower() for p in parts if (p.get("lang") or "").strip()), None)
    return Embed(
        kind=KIND,
        url=next((link for link in reversed(links) if link), None),
        author=attribution.group("name") or None,
        handle=attribution.group("handle"),
        published=iso_day(attribution.group("date")),
        text=post_text("\n".join(visible_text(p) for p in parts)),
        language=declared,  # a hint only: language.py decides
    )

"""Facebook posts and videos: div.fb-post / div.fb-video with their fallback blockquote, plugin iframes."""
from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from ..record import Embed
from .found import Found, found
from .text import iso_day, post_text, visible_text

KIND = "facebook"
_POST = re.compile(r"^https?://(?:www\.|m\.|web\.)?(?:facebook\.com/(?:[\w.-]+/(?:posts|videos|photos)/|"
                   r"permalink\.php\?|story\.php\?|watch/?\?v=|reel/|share/[pvr]/)|fb\.watch/)", re.I)
_PLUGIN = re.compile(r"^(?:https?:)?//(?:www\.)?facebook\.com/plugins/(?:post|video)\.php", re.I)
_POSTED_BY = re.compile(r"^Posted by\s+(?P<name>.+?)\s+on\s+(?:\w+,\s*)?(?P<date>.+)$")
# The cheap contains() first: most pages' divs hold no "fb-", and normalising every class costs.
_DIVS = ('//div[contains(@class, "fb-")][contains(concat(" ", normalize-space(@class), " "), " fb-post ") or '
         'contains(concat(" ", normalize-space(@class), " "), " fb-video ")]')


def post_url(href: str | None) -> str | None:
    return href.split("#")[0] if href and _POST.match(href) else None


def iframe_url(src: str | None) -> str | None:
    """The plugin iframe names the post in its href parameter."""
    if not src or not _PLUGIN.match(src):
        return None
    hrefs = parse_qs(urlsplit(src).query).get("href")
    return hrefs[0] if hrefs else None


def find(tree) -> list[Found]:
    return [found(div, post_of_div(div)) for div in tree.xpath(_DIVS)]


def post_of_div(div) -> Embed:
    quote = div.find(".//blockquote")
    lines = visible_text(quote).splitlines() if quote is not None else []
    posted = next((m for m in map(_POSTED_BY.match, lines) if m), None)
    text = [line for line in lines if not _POSTED_BY.match(line)]
    title = div.find(".//blockquote/a")  # a video's fallback opens with its title as a link
    if title is not None and text and text[0] == visible_text(title):
        text = text[1:]
    return Embed(
        kind=KIND,
        url=div.get("data-href") or (quote.get("cite") if quote is not None else None),
        author=posted.group("name") if posted else None,
        published=iso_day(posted.group("date")) if posted else None,
        text=post_text("\n".join(text)),
    )

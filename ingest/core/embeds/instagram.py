"""Instagram posts: blockquote.instagram-media, with the caption when the embed was captioned."""
from __future__ import annotations

import re

from ..record import Embed
from .found import Found, classed, found
from .text import iso_moment, post_text, visible_text

KIND = "instagram"
_POST = re.compile(r"^https?://(?:www\.)?instagram\.com/(?:[\w.]+/)?(?P<type>p|reel|tv)/(?P<code>[\w-]+)", re.I)
_SHARED_BY = re.compile(r"^(?:A post|A video|A reel) shared by\s*(?P<name>.*?)\s*\(@(?P<handle>[\w.]{1,30})\)", re.I)
_FURNITURE = re.compile(r"^(?:View this post on Instagram|A (?:post|video|reel) shared by)", re.I)


def post_url(href: str | None) -> str | None:
    match = _POST.match(href or "")
    return f"https://www.instagram.com/{match.group('type')}/{match.group('code')}/" if match else None


def iframe_url(src: str | None) -> str | None:
    return post_url(src)  # instagram.com/p/CODE/embed/captioned


def from_shortcode(code: str | None) -> str | None:
    return f"https://www.instagram.com/p/{code}/" if code else None


def find(tree) -> list[Found]:
    return [found(quote, post_of_quote(quote)) for quote in classed(tree, "blockquote", "instagram-media")]


def post_of_quote(quote) -> Embed:
    links = [quote.get("data-instgrm-permalink")] + [a.get("href") for a in quote.iterfind(".//a")]
    lines = [line for p in quote.iterfind(".//p") for line in visible_text(p).splitlines()]
    shared = next((m for m in map(_SHARED_BY.match, lines) if m), None)
    time = quote.find(".//time[@datetime]")
    return Embed(
        kind=KIND,
        url=next((u for u in map(post_url, links) if u), None),
        author=(shared.group("name") or None) if shared else None,
        handle=shared.group("handle") if shared else None,
        published=iso_moment(time.get("datetime")) if time is not None else None,
        text=post_text("\n".join(line for line in lines if not _FURNITURE.match(line))),
    )

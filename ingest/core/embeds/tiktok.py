"""TikTok videos: blockquote.tiktok-embed with its caption section, and player iframes."""
from __future__ import annotations

import re

from ..record import Embed
from .found import Found, classed, found
from .text import post_text, visible_text

KIND = "tiktok"
_VIDEO = re.compile(r"^https?://(?:www\.|m\.)?tiktok\.com/@(?P<handle>[\w.]{1,24})/video/(?P<id>\d{8,25})", re.I)
_PLAYER = re.compile(r"^(?:https?:)?//(?:www\.)?tiktok\.com/(?:embed/v2/|embed/|player/v1/)(?P<id>\d{8,25})", re.I)


def post_url(href: str | None) -> str | None:
    match = _VIDEO.match(href or "")
    return f"https://www.tiktok.com/@{match.group('handle')}/video/{match.group('id')}" if match else None


def iframe_url(src: str | None) -> str | None:
    """A player iframe names only the video id; TikTok resolves /embed/v2/ID to the video."""
    match = _PLAYER.match(src or "")
    return f"https://www.tiktok.com/embed/v2/{match.group('id')}" if match else None


def find(tree) -> list[Found]:
    return [found(quote, video_of_quote(quote)) for quote in classed(tree, "blockquote", "tiktok-embed")]


def video_of_quote(quote) -> Embed:
    url = post_url(quote.get("cite"))
    match = _VIDEO.match(url or "")
    section = quote.find(".//section")
    text = visible_text(section) if section is not None else ""
    for link in section.iterfind("a") if section is not None else ():
        if (link.get("title") or "").startswith(("@", "♬")):  # the author's handle, the sound
            text = text.replace(visible_text(link), "", 1)
    return Embed(kind=KIND, url=url, handle=match.group("handle") if match else None, text=post_text(text))

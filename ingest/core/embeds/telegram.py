"""Telegram channel posts: the widget script's data-telegram-post, t.me iframes and links."""
from __future__ import annotations

import re

from ..record import Embed
from .found import Found, elements, found

KIND = "telegram"
_POST = re.compile(r"^https?://(?:www\.)?(?:t\.me|telegram\.me)/(?:s/)?(?P<post>[A-Za-z]\w{3,31}/\d+)(?:[?#/]|$)", re.I)


def post_url(href: str | None) -> str | None:
    match = _POST.match(href or "")
    return f"https://t.me/{match.group('post')}" if match else None


def iframe_url(src: str | None) -> str | None:
    return post_url(src)  # t.me/channel/123?embed=1


def find(tree) -> list[Found]:
    """The widget is a script tag naming the post; it renders nothing until it runs."""
    return [found(script, Embed(kind=KIND, url=f"https://t.me/{script.get('data-telegram-post')}",
                                handle=script.get("data-telegram-post").split("/")[0]))
            for script in elements(tree, "script") if script.get("data-telegram-post") is not None]

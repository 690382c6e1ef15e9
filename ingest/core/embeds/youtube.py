"""YouTube videos: player iframes, lite-youtube, links; the video's title is its text when given."""
from __future__ import annotations

import re

from ..record import Embed
from .found import Found, found

KIND = "youtube"
_VIDEO = re.compile(r"^(?:https?:)?//(?:www\.|m\.)?(?:youtube(?:-nocookie)?\.com/(?:embed/|watch\?(?:.*&)?v=|shorts/|live/)"
                    r"|youtu\.be/)(?P<id>[\w-]{11})", re.I)
# Titles a player is given when the page does not say which video it is.
_GENERIC_TITLES = {"youtube video player", "youtube video", "youtube", "video", "embedded content"}


def post_url(href: str | None) -> str | None:
    match = _VIDEO.match(href or "")
    return from_id(match.group("id")) if match else None


def iframe_url(src: str | None) -> str | None:
    return post_url(src)


def from_id(video_id: str | None) -> str | None:
    return f"https://www.youtube.com/watch?v={video_id}" if video_id else None


def video(url: str, title: str | None) -> Embed:
    title = " ".join((title or "").split())
    return Embed(kind=KIND, url=url, text=title if title and title.lower() not in _GENERIC_TITLES else None)


def find(tree) -> list[Found]:
    return [found(el, video(from_id(el.get("videoid")), el.get("playlabel") or el.get("title")))
            for el in tree.iter("lite-youtube") if el.get("videoid")]

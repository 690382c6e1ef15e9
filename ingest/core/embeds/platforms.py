"""The platforms whose posts are embedded, each a module with KIND, post_url and iframe_url."""
from __future__ import annotations

from . import facebook, instagram, telegram, tiktok, twitter, youtube

PLATFORMS = (twitter, instagram, facebook, youtube, tiktok, telegram)
BY_PROVIDER = {"twitter": twitter, "x": twitter, "instagram": instagram, "facebook": facebook,
               "youtube": youtube, "tiktok": tiktok, "telegram": telegram}


def platform_of_url(url: str | None):
    """(platform, canonical post URL) for a link to a post, else (None, None)."""
    for platform in PLATFORMS:
        post = platform.post_url(url)
        if post:
            return platform, post
    return None, None


def platform_of_iframe(src: str | None):
    """(platform, canonical post URL) for a player iframe's src, else (None, None)."""
    src = (src or "").strip()
    if src.startswith("//"):
        src = "https:" + src
    for platform in PLATFORMS:
        post = platform.iframe_url(src)
        if post:
            return platform, post
    return None, None


def handle_in_url(platform, url: str | None) -> str | None:
    """The author's handle where the post's URL names it (a tweet's does, unless it is /i/)."""
    if platform is twitter and url:
        handle = url.split("/")[3]
        return None if handle == "i" else handle
    return None

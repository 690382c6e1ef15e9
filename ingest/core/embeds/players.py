"""Embeds as rendered players: iframes (a tweet's iframe keeps only its id) and AMP components."""
from __future__ import annotations

from ..record import Embed
from . import facebook, instagram, tiktok, twitter, youtube
from .found import Found, elements, found
from .platforms import platform_of_iframe


def find_iframes(tree) -> list[Found]:
    items = []
    for frame in elements(tree, "iframe", "amp-iframe"):
        platform, url = platform_of_iframe(frame.get("src") or frame.get("data-src"))
        if platform is youtube:
            items.append(found(frame, youtube.video(url, frame.get("title"))))
        elif platform is not None:
            items.append(found(frame, Embed(kind=platform.KIND, url=url)))
    return items


def find_amp(tree) -> list[Found]:
    """AMP pages embed through components; amp-twitter may hold the widget blockquote as placeholder."""
    items = []
    for el in elements(tree, "amp-twitter", "amp-instagram", "amp-facebook", "amp-youtube", "amp-tiktok"):
        embed = _amp_embed(el)
        if embed is not None:
            items.append(found(el, embed))
    return items


def _amp_embed(el) -> Embed | None:
    tag = el.tag
    if tag == "amp-twitter":
        quote = el.find(".//blockquote")
        tweet_id = el.get("data-tweetid")
        url = f"https://twitter.com/i/status/{tweet_id}" if tweet_id else None
        return twitter.tweet_of_quote(quote, fallback_url=url) if quote is not None else Embed(kind=twitter.KIND, url=url)
    if tag == "amp-instagram":
        return Embed(kind=instagram.KIND, url=instagram.from_shortcode(el.get("data-shortcode")))
    if tag == "amp-facebook":
        return Embed(kind=facebook.KIND, url=el.get("data-href"))
    if tag == "amp-youtube":
        return youtube.video(youtube.from_id(el.get("data-videoid")), el.get("title"))
    src = el.get("data-src") or ""
    url = tiktok.post_url(src) or (tiktok.iframe_url(f"https://www.tiktok.com/embed/v2/{src}") if src.isdigit() else None)
    return Embed(kind=tiktok.KIND, url=url)

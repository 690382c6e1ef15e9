"""WordPress embed blocks: figure.wp-block-embed, holding a rendered embed or only the post's URL."""
from __future__ import annotations

import re

from ..record import Embed
from . import facebook, instagram, tiktok, twitter, youtube
from .found import Found, classed, found
from .platforms import BY_PROVIDER, handle_in_url, platform_of_iframe, platform_of_url
from .text import visible_text

_PROVIDER = re.compile(r"^(?:wp-block-embed-|is-provider-)(?P<name>[a-z]+)$")
_URL = re.compile(r"https?://\S+")


def find(tree) -> list[Found]:
    items = []
    for figure in classed(tree, "figure", "wp-block-embed"):
        platform = _provider(figure)
        embed = _embed_of(figure, platform) if platform is not None else None
        if embed is not None:
            items.append(found(figure, embed))  # the figcaption goes with it: it describes the post
    return items


def _provider(figure):
    for name in (figure.get("class") or "").split():
        match = _PROVIDER.match(name)
        if match and match.group("name") in BY_PROVIDER:
            return BY_PROVIDER[match.group("name")]
    return None


def _embed_of(figure, platform) -> Embed | None:
    """The rendered markup inside the block if the page has it, else the URL the editor pasted."""
    for reader in (_rendered_quote, _rendered_iframe, _pasted_url):
        embed = reader(figure, platform)
        if embed is not None:
            return embed
    return Embed(kind=platform.KIND)


def _rendered_quote(figure, platform) -> Embed | None:
    quote = figure.find(".//blockquote")
    div = figure.xpath('.//div[contains(@class, "fb-post") or contains(@class, "fb-video")]')
    if platform is twitter and quote is not None:
        return twitter.tweet_of_quote(quote)
    if platform is instagram and quote is not None:
        return instagram.post_of_quote(quote)
    if platform is tiktok and quote is not None:
        return tiktok.video_of_quote(quote)
    if platform is facebook and div:
        return facebook.post_of_div(div[0])
    return None


def _rendered_iframe(figure, platform) -> Embed | None:
    for frame in figure.iter("iframe"):
        found_platform, url = platform_of_iframe(frame.get("src") or frame.get("data-src"))
        if found_platform is youtube:
            return youtube.video(url, frame.get("title"))
        if found_platform is platform:
            return Embed(kind=platform.KIND, url=url)
    return None


def _pasted_url(figure, platform) -> Embed | None:
    wrapper = figure.find('.//div[@class]') if figure.find('.//div[@class]') is not None else figure
    for url in _URL.findall(visible_text(wrapper)) + [a.get("href") for a in figure.iter("a")]:
        found_platform, post = platform_of_url(url)
        if found_platform is platform:
            return Embed(kind=platform.KIND, url=post, handle=handle_in_url(platform, post))
    return None

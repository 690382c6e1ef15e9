"""Tweets: the widget blockquote.twitter-tweet, and tweet URLs as links and iframes give them."""
from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from ..record import Embed
from .found import Found, classed, found
from .text import MONTH, iso_day, post_text, visible_text

KIND = "tweet"
_STATUS = re.compile(r"^https?://(?:www\.|mobile\.)?(?P<host>twitter\.com|x\.com)/(?P<handle>\w{1,15}|i(?:/web)?)"
                     r"/status(?:es)?/(?P<id>\d{5,20})", re.I)
_IFRAME = re.compile(r"^(?:https?:)?//platform\.twitter\.com/embed/", re.I)
# "— Name (@handle) September 17, 2024": the attribution line a widget ends with.
_DATE = rf"(?P<date>(?:{MONTH}\s+\d{{1,2}},?\s+\d{{4}})|(?:\d{{1,2}}\.?\s+(?:de\s+)?{MONTH}\s+(?:de\s+)?\d{{4}}))"
ATTRIBUTION = re.compile(rf"^\s*(?:[—–]|-{{1,2}})\s*(?P<name>[^\n]*?)\s*\(@(?P<handle>\w{{1,15}})\)\s*{_DATE}?\s*$")


def post_url(href: str | None) -> str | None:
    """The tweet's URL without tracking parameters, if `href` points at a tweet."""
    match = _STATUS.match(href or "")
    if not match:
        return None
    return f"https://{match.group('host').lower()}/{match.group('handle')}/status/{match.group('id')}"


def iframe_url(src: str | None) -> str | None:
    """A rendered widget's iframe carries only the tweet id: platform.twitter.com/embed/...?id=N."""
    if not src or not _IFRAME.match(src):
        return None
    ids = parse_qs(urlsplit(src).query).get("id")
    return f"https://twitter.com/i/status/{ids[0]}" if ids and ids[0].isdigit() else None


def find(tree) -> list[Found]:
    return [found(quote, tweet_of_quote(quote)) for quote in classed(tree, "blockquote", "twitter-tweet")]


def tweet_of_quote(quote, fallback_url: str | None = None) -> Embed:
    """Read a widget blockquote (or a bare one left by a sanitiser): text, attribution, URL."""
    lines = visible_text(quote).splitlines()
    attribution = next((ATTRIBUTION.match(line) for line in reversed(lines) if ATTRIBUTION.match(line)), None)
    body = lines[:lines.index(attribution.string)] if attribution else lines
    links = [post_url(a.get("href")) for a in quote.iterfind(".//a")]
    return Embed(
        kind=KIND,
        url=next((link for link in reversed(links) if link), fallback_url),
        author=(attribution.group("name") or None) if attribution else None,
        handle=attribution.group("handle") if attribution else None,
        published=iso_day(attribution.group("date")) if attribution else None,
        text=post_text("\n".join(body)),
        language=declared_language(quote),
    )


def declared_language(quote) -> str | None:
    """The lang attribute the widget put on the post's paragraph: only a hint, language.py decides.

    (The blockquote's own data-lang is the language of the widget's furniture, not of the post.)
    """
    para = quote.find(".//p[@lang]")
    lang = (para.get("lang") or "").strip().lower() if para is not None else ""
    return lang or None

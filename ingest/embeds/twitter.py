"""Tweets in the standard widget markup: blockquote.twitter-tweet."""
from __future__ import annotations

import re
from datetime import datetime

from ..record import Embed

_ATTRIBUTION = re.compile(r"[—–-]\s*(?P<name>.*?)\s*\(@(?P<handle>\w{1,15})\)\s*(?P<date>[A-Z][a-z]+ \d{1,2}, \d{4})?\s*$")
_LINK_STUB = re.compile(r"(?:https?://t\.co/\S+|pic\.twitter\.com/\S+)")


def lift_widget_tweets(tree) -> list[Embed]:
    found = []
    for quote in tree.xpath('//blockquote[contains(concat(" ", normalize-space(@class), " "), " twitter-tweet ")]'):
        found.append(_widget_embed(quote))
        _drop(quote)
    return found


def _widget_embed(quote) -> Embed:
    para = quote.find(".//p")
    text = _clean_text(para.text_content()) if para is not None else None
    links = [a.get("href", "") for a in quote.iterfind(".//a")]
    status = next((h for h in reversed(links) if "/status/" in h), None)
    tail = quote.text_content()[len(para.text_content()):] if para is not None else quote.text_content()
    match = _ATTRIBUTION.search(" ".join(tail.split()))
    return Embed(
        kind="tweet",
        url=status.split("?")[0] if status else None,
        author=match.group("name") if match else None,
        handle=match.group("handle") if match else None,
        published=_iso_day(match.group("date")) if match and match.group("date") else None,
        text=text,
    )


def _clean_text(text: str) -> str | None:
    text = _LINK_STUB.sub("", text)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    text = "\n".join(line for line in lines if line)
    return text or None


def _iso_day(text: str) -> str | None:
    try:
        return datetime.strptime(text, "%B %d, %Y").date().isoformat()
    except ValueError:
        return None


def _drop(el) -> None:
    """Remove an element but keep its tail text in the tree."""
    if el.getparent() is not None:
        el.drop_tree()

"""Whole-page evidence of what a page is, as named numbers: structured data, the shape of the DOM
(teaser cards, link density, prices, posts and replies, code, forms) and what the body stage found.
"""
from __future__ import annotations

import math
import re
from collections import Counter

from ..listing import teaser_lines
from ..page import Page
from ..words import count_words
from .structured import declared

_PRICE = re.compile(r"[$€£¥₹]\s?\d|\d\s?(?:€|eur\b|usd\b|zł|kč)")
_POST_CLASS = re.compile(r"post|repl|message|thread|topic|answer", re.I)
_BYLINE_CLASS = re.compile(r"byline|author", re.I)
# Phrases counted in the page's lower-cased text, by the page type they point to.
PHRASES = {
    "cart": ("add to cart", "add to bag", "add to basket", "buy now", "in stock", "warenkorb", "panier", "carrito"),
    "forum_words": ("reply", "quote", "joined", "posts:", "members", "thread", "upvote"),
    "docs_words": ("on this page", "edit this page", "table of contents", "api reference", "documentation",
                   "parameters", "returns", "installation", "getting started"),
    "service_words": ("contact us", "get a quote", "book now", "book an appointment", "our services", "request a",
                      "free consultation", "call us", "opening hours", "pricing", "schedule a"),
}
_TEASER_HEADS = ("h2", "h3", "h4")
_CARD_DEPTH = 3


def evidence(page: Page, body_text: str) -> dict[str, float]:
    """The page's evidence; counts are log-scaled so one huge page does not dominate."""
    found = {name: float(flag) for name, flag in declared(page).items()}
    found.update(_dom(page.tree))
    words = count_words(body_text)
    page_words = max(found.pop("_page_words"), 1.0)
    found["body_words"] = _log(words)
    found["body_share"] = min(words / page_words, 1.0)
    found["teaser_body"] = float(teaser_lines(page, body_text) is not None)
    found["body_lines"] = _log(body_text.count("\n") + 1 if body_text else 0)
    found["has_date"] = float(_has_date(page))
    found["has_author"] = float(bool(page.meta_first("author", "article:author")) or found.pop("_byline") > 0)
    found.pop("_byline", None)
    return found


def _dom(tree) -> dict[str, float]:
    tags: Counter = Counter()
    groups: Counter = Counter()
    posts = bylines = prose = 0
    seen: dict[str, tuple[bool, bool]] = {}
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        tags[el.tag] += 1
        marks = el.get("class")
        if marks:
            kinds = seen.get(marks)
            if kinds is None:
                kinds = seen[marks] = (bool(_POST_CLASS.search(marks)), bool(_BYLINE_CLASS.search(marks)))
            posts += kinds[0] and el.tag in ("div", "article", "li", "section")
            bylines += kinds[1]
        if el.tag == "p" and len(el.text_content()) >= 100:
            prose += 1
        if el.tag in _TEASER_HEADS:
            card = _card(el)
            if card is not None:
                groups[(card.getparent(), card.tag, card.get("class"))] += 1
    body = tree.find(".//body")
    text = " ".join((body if body is not None else tree).text_content().split())
    lower = text.lower()
    link_chars = sum(len(a.text_content().strip()) for a in tree.iter("a"))
    return {
        "_page_words": float(count_words(text)), "_byline": float(bylines),
        "link_density": min(link_chars / max(len(text), 1), 1.0),
        "teaser_cards": _log(max(groups.values(), default=0)),
        "prices": _log(len(_PRICE.findall(lower))), "posts": _log(posts), "code": _log(tags["pre"] + tags["code"]),
        **{name: _log(sum(lower.count(p) for p in phrases)) for name, phrases in PHRASES.items()},
        "inputs": _log(tags["input"] + tags["select"] + tags["textarea"]),
        "headings": _log(tags["h2"] + tags["h3"]), "prose": _log(prose), "items": _log(tags["li"]),
        "images": _log(tags["img"]), "tables": _log(tags["table"]), "nav": _log(tags["nav"] + tags["aside"]),
    }


def _card(heading):
    """The card a linked heading heads: its nearest classed article, li or div ancestor."""
    if heading.find(".//a") is None and heading.getparent().tag != "a":
        return None
    for depth, ancestor in enumerate(heading.iterancestors()):
        if depth > _CARD_DEPTH:
            return None
        if ancestor.tag in ("article", "li", "div") and ancestor.get("class"):
            return ancestor
    return None


def _has_date(page: Page) -> bool:
    if page.meta_first("article:published_time", "datepublished", "date", "pubdate", "dc.date"):
        return True
    if any("datePublished" in obj for obj in page.jsonld):
        return True
    return page.tree.find(".//time") is not None


def _log(n: float) -> float:
    return math.log1p(n)

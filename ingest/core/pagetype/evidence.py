"""Whole-page evidence of what a page is, as named numbers: structured data, the shape of the DOM
(teaser cards, link density, prices, posts and replies, code, forms, links and buttons), phrases
and dates in the page's text, and what the body stage found. The URL is never evidence: a site's
addresses say nothing the page does not, and opaque ones would count against its articles.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from itertools import accumulate
from operator import add

from lxml import etree

from ..listing import teaser_lines
from ..page import Page
from ..words import count_words
from .nearby import text_after, text_before
from .structured import declared

# The lookahead skips, in C, every position that starts neither a currency sign nor a digit.
_PRICE = re.compile(r"(?=[$€£¥₹\d])(?:[$€£¥₹]\s?\d|\d\s?(?:€|eur\b|usd\b|zł|kč))")
# Elements counted by tag, in one pass lxml filters in C.
_TAGS = {"code": ("pre", "code"), "inputs": ("input", "select", "textarea"), "headings": ("h2", "h3"),
         "items": ("li",), "images": ("img",), "tables": ("table",), "nav": ("nav", "aside"), "forms": ("form",)}
# Class words of posts and replies (on these tags), and of a byline (on any element).
_POST_TAGS = {"div", "article", "li", "section"}
_POST_WORDS = ("post", "repl", "message", "thread", "topic", "answer")
_BYLINE_WORDS = ("byline", "author")
_BREADCRUMB_WORDS = ("breadcrumb",)
_BUTTON_WORDS = ("btn", "button")
_HREFS = etree.XPath("//a/@href", smart_strings=False)
# Counts only an XPath can read cheaply.
_COUNTS = {name: etree.XPath(f"count({path})") for name, path in {
    "prose": "//p[string-length(normalize-space()) >= 100]", "side_links": "//nav//a|//aside//a",
    # Section headings that link to their own place in the page: a manual's permalinks.
    "anchored_headings": "|".join(f"//{h}[.//a[starts-with(@href, '#')]]" for h in ("h2", "h3", "h4")),
}.items()}
_LINK_TEXTS = etree.XPath("//a//text()", smart_strings=False)
# Phrases and prices are counted in the first this many characters of the page's text.
_SAMPLE_CHARS = 60_000
_PROSE_LINE = 150  # a body line this long is a paragraph of prose
# Phrases counted in the page's lower-cased text, by the page type they point to.
PHRASES = {
    "cart": ("add to cart", "add to bag", "add to basket", "buy now", "in stock", "warenkorb", "panier", "carrito"),
    "forum_words": ("reply", "quote", "joined", "posts:", "members", "thread", "upvote"),
    "docs_words": ("on this page", "edit this page", "table of contents", "api reference", "documentation",
                   "parameters", "returns", "installation", "getting started"),
    "service_words": ("contact us", "get a quote", "book now", "book an appointment", "our services", "request a",
                      "free consultation", "call us", "opening hours", "pricing", "schedule a"),
    "read_time": ("min read", "minute read", "reading time"),
    "comments_words": ("comments", "leave a reply", "leave a comment"),
    "share_words": ("share on", "share this", "tweet", "whatsapp"),
    "pager_words": ("next page", "previous page", "« previous", "next »", "older posts", "load more", "show more"),
    "post_words": ("posted by", "replies", "views", "likes", "reply #", "wrote:"),
}
# Dates written in the text: an article shows one or two, a forum thread or a listing one per item.
_MONTH = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
_TEXT_DATE = re.compile(r"\b(?=[adfjmnos\d])(?:"  # the lookahead skips most positions at once
                        rf"{_MONTH}[a-z]*\.? \d{{1,2}}\b|\d{{1,2}} {_MONTH}"
                        r"|(?:19|20)\d\d-\d\d-\d\d\b|\d{1,2}/\d{1,2}/(?:19|20)?\d\d\b)")
# Characters read above and below the headline for a date.
_ABOVE_HEADLINE, _BELOW_HEADLINE = 200, 400
# Meta tags only article pages carry (sections, tags, news keywords).
_ARTICLE_META = ("article:section", "article:tag", "article:modified_time", "article:author", "news_keywords")
_TEASER_HEADS = ("h2", "h3", "h4")
_CARD_DEPTH = 3
_MIN_CARDS = 5


def evidence(page: Page, body_text: str) -> dict[str, float]:
    """The page's evidence; counts are log-scaled so one huge page does not dominate."""
    found = {name: float(flag) for name, flag in declared(page).items()}
    groups = card_groups(page.tree)
    found.update(_dom(page.tree, groups))
    page_chars = max(found.pop("_page_chars"), 1.0)
    found["body_words"] = _log(count_words(body_text))
    found["body_share"] = min(len(body_text) / page_chars, 1.0)
    found["body_lines"] = _log(body_text.count("\n") + 1 if body_text else 0)
    found["teaser_body"] = float(teaser_lines(page, body_text) is not None)
    found["body_in_cards"] = body_in_cards(groups, body_text)
    found.update(_body_shape(body_text))
    found["has_date"] = float(_has_date(page))
    found["declared_date"] = float(_declared_date(page))
    found["has_author"] = float(bool(page.meta_first("author", "article:author")) or found.pop("_byline") > 0)
    found.pop("_byline", None)
    found["article_meta"] = float(any(key in page.meta for key in _ARTICLE_META))
    headline = next(page.tree.iter("h1"), None)
    found["h1_words"] = _log(len(headline.text_content().split())) if headline is not None else 0.0
    found["date_near_headline"] = float(headline is not None and _date_near(headline))
    found["questions"] = 100 * body_text.count("?") / max(len(body_text.split()), 1)
    return found


def _date_near(headline) -> bool:
    """Whether a date is written just above or below the headline, as on an article; a sidebar's or
    a listing's dates stand elsewhere."""
    near = f"{text_before(headline, _ABOVE_HEADLINE)} {text_after(headline, _BELOW_HEADLINE)}".lower()
    return _TEXT_DATE.search(near) is not None


def _dom(tree, groups: dict[tuple, list]) -> dict[str, float]:
    """Counts of the page's elements; lxml walks the tree, Python only reads what it found."""
    body = tree.find(".//body")
    text = " ".join((body if body is not None else tree).text_content().split())
    sample = text[:_SAMPLE_CHARS].lower()
    link_chars = sum(len(t.strip()) for t in _LINK_TEXTS(tree))
    posts, bylines, breadcrumbs, buttons = _classed(tree)
    return {
        "_page_chars": float(len(text)), "_byline": bylines, "breadcrumb": float(breadcrumbs > 0),
        "buttons": _log(buttons),
        "text_dates": _log(len(_TEXT_DATE.findall(sample))),
        **_link_targets(_HREFS(tree)),
        "link_density": min(link_chars / max(len(text), 1), 1.0),
        "teaser_cards": _log(max(map(len, groups.values()), default=0)),
        "prices": _log(len(_PRICE.findall(sample))),
        "posts": _log(posts),
        **{name: _log(count) for name, count in _tag_counts(tree).items()},
        **{name: _log(xpath(tree)) for name, xpath in _COUNTS.items()},
        **{name: _log(sum(sample.count(p) for p in phrases)) for name, phrases in PHRASES.items()},
    }


def _link_targets(hrefs: list[str]) -> dict[str, float]:
    """Phone links (service pages) and links within the page (documentation's tables of contents)."""
    return {"tel_links": _log(sum(1 for href in hrefs if href.startswith("tel:"))),
            "anchor_share": sum(1 for href in hrefs if href.startswith("#") and len(href) > 1) / max(len(hrefs), 1)}


def _tag_counts(tree) -> dict[str, int]:
    # The whole document, as the XPaths read it: a page can hold a second <html> after the first.
    wanted = {t for group in _TAGS.values() for t in group}
    tops = [tree, *tree.itersiblings(preceding=True), *tree.itersiblings()]
    tags = Counter(el.tag for top in tops if isinstance(top.tag, str) for el in top.iter(*wanted))
    return {name: sum(tags[t] for t in group) for name, group in _TAGS.items()}


def _classed(tree) -> tuple[int, int, int, int]:
    """Elements classed as a post or reply, as a byline, as a breadcrumb trail, and links classed
    as buttons."""
    classes, posts, links = _class_values(tree)
    return (_holding(posts, _POST_WORDS), _holding(classes, _BYLINE_WORDS),
            _holding(classes, _BREADCRUMB_WORDS), _holding(links, _BUTTON_WORDS))


def _class_values(tree) -> tuple[list[str], list[str], list[str]]:
    """The class of every element, of the post tags' and of the links', in one walk of the whole
    document (the XPaths' `//@class`, `//a/@class`... took a walk each, and longer)."""
    classes, posts, links = [], [], []
    for top in (*tree.itersiblings(preceding=True), tree, *tree.itersiblings()):
        if not isinstance(top.tag, str):
            continue
        for element in top.iter():
            value = element.get("class")
            if value is not None:
                classes.append(value)
                if element.tag in _POST_TAGS:
                    posts.append(value)
                elif element.tag == "a":
                    links.append(value)
    return classes, posts, links


def _holding(values: list[str], words: tuple[str, ...]) -> int:
    """How many of `values` hold one of `words`: each word found in one joined string (str.find
    runs in C), its places mapped back to the values."""
    joined = "\n".join(values)
    # Where each value starts in `joined`: the lengths before it plus one separator each, summed in C.
    starts = list(map(add, accumulate(map(len, values), initial=0), range(len(values))))
    holders = set()
    for word in words:
        at = joined.find(word)
        while at != -1:
            index = bisect_right(starts, at) - 1
            holders.add(index)
            at = joined.find(word, starts[index + 1] if index + 1 < len(starts) else len(joined))
    return len(holders)


def card_groups(tree) -> dict[tuple, list]:
    """Sets of sibling cards: classed elements each headed by a linked heading, by parent and class."""
    groups: dict[tuple, dict] = {}
    for heading in tree.iter(*_TEASER_HEADS):
        card = _card(heading)
        if card is not None:  # a card with several linked headings is one card
            groups.setdefault((card.getparent(), card.tag, card.get("class")), {})[card] = None
    return {key: list(cards) for key, cards in groups.items()}


def body_in_cards(groups: dict[tuple, list], body_text: str) -> float:
    """Share of the body's lines that stand inside a repeated set of teaser cards (five or more)."""
    lines = [" ".join(line.split()) for line in body_text.splitlines() if line.strip()]
    if not lines:
        return 0.0
    cards = " ".join(" ".join(card.text_content().split())
                     for group in groups.values() if len(group) >= _MIN_CARDS for card in group)
    return sum(1 for line in lines if line in cards) / len(lines) if cards else 0.0


def _links_away(heading) -> bool:
    """Whether a heading links to another page, as a teaser's does; a link to a place in the page
    (a section's permalink) is an article's or a manual's own heading."""
    parent = heading.getparent()
    links = [*heading.iter("a"), *([parent] if parent.tag == "a" else [])]
    return any(not (link.get("href") or "").startswith("#") for link in links)


def _card(heading):
    """The card a linked heading heads: its nearest classed article, li or div ancestor."""
    if not _links_away(heading):
        return None
    for depth, ancestor in enumerate(heading.iterancestors()):
        if depth > _CARD_DEPTH:
            return None
        if ancestor.tag in ("article", "li", "div") and ancestor.get("class"):
            return ancestor
    return None


def _body_shape(body_text: str) -> dict[str, float]:
    """Prose or fragments: articles run in long paragraphs, service and listing pages in short lines;
    service pages speak as "we" to "you"."""
    lines = [line for line in body_text.splitlines() if line.strip()]
    chars = max(sum(map(len, lines)), 1)
    words = f" {body_text.lower()} "
    count = max(len(words.split()), 1)
    return {
        "body_prose_share": sum(len(line) for line in lines if len(line) >= _PROSE_LINE) / chars,
        "body_mean_line": _log(chars / max(len(lines), 1)),
        "we_our": sum(words.count(w) for w in (" we ", " our ", " us ")) / count,
        "you_your": sum(words.count(w) for w in (" you ", " your ")) / count,
    }


def _has_date(page: Page) -> bool:
    return _declared_date(page) or page.tree.find(".//time") is not None


def _declared_date(page: Page) -> bool:
    if page.meta_first("article:published_time", "datepublished", "date", "pubdate", "dc.date"):
        return True
    return any("datePublished" in obj for obj in page.jsonld)


def _log(n: float) -> float:
    return math.log1p(n)

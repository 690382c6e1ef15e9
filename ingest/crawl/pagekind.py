"""Is a fetched page an article, or a listing, tag, about or contact page? Cheap signals only.

The crawler asks this of every page before handing it to `clean`, so it reads the raw bytes
with a few regular expressions and never parses the page. `clean` still rejects an "article"
with no main text; this only keeps pages that are not articles from becoming records.
"""
from __future__ import annotations

import re
from enum import Enum
from urllib.parse import urlsplit


class Kind(str, Enum):
    ARTICLE = "article"
    OTHER = "other"  # listing, section, tag, author, about, contact, search pages


# What the page says about itself.
_OG_TYPE = re.compile(rb"""<meta[^>]+(?:property|name)=["']?og:type["']?[^>]*>""", re.I)
_OG_CONTENT = re.compile(rb"""content=["']?([\w.:-]+)""", re.I)
_LD_ARTICLE = re.compile(
    rb""""@type"\s*:\s*(?:\[[^\]]*)?"(?:\w*Article|BlogPosting|Report|LiveBlogPosting)"[,\]}\s]""")
_LD_LISTING = re.compile(rb""""@type"\s*:\s*"(?:CollectionPage|ProfilePage|ContactPage|AboutPage|SearchResultsPage|ItemList)"[,}\s]""")

# What the URL says. A path of these words is a section page whatever it holds.
_NOT_ARTICLE_PATH = re.compile(
    r"/(?:tags?|topics?|category|categories|section|sections|author|authors|about(?:-us)?|contact(?:-us)?|"
    r"search|page|archive|archives|subscribe|newsletter|privacy|terms|login|register|feed|rss)(?:/|$|\.html?$)",
    re.I)
_DATE_IN_PATH = re.compile(r"/(?:19|20)\d\d[/-](?:0?[1-9]|1[0-2])(?:[/-]|$)")
_SLUG = re.compile(r"/[^/]*[a-z0-9]+(?:[-_][a-z0-9]+){3,}[^/]*/?$", re.I)
_NUMERIC_ID = re.compile(r"[/-]\d{5,}(?:\.html?)?/?$")


def page_kind(body: bytes, url: str, *, listed: bool = False) -> Kind:
    """Structured data first (og:type, JSON-LD), then the shape of the URL.

    `listed`: the page came from an RSS/Atom feed or a news sitemap, which list articles.
    """
    path = urlsplit(url).path or "/"
    if path == "/" or _NOT_ARTICLE_PATH.search(path):
        return Kind.OTHER
    head = body[:400_000]
    og_type = _og_type(head)
    if og_type == "article" or _LD_ARTICLE.search(head):
        return Kind.ARTICLE
    if og_type in ("website", "profile") or _LD_LISTING.search(head):
        return Kind.OTHER
    if listed or _DATE_IN_PATH.search(path) or _SLUG.search(path) or _NUMERIC_ID.search(path):
        return Kind.ARTICLE
    return Kind.OTHER


def _og_type(head: bytes) -> str | None:
    tag = _OG_TYPE.search(head)
    if not tag:
        return None
    content = _OG_CONTENT.search(tag[0])
    return content[1].decode("ascii", "replace").lower() if content else None

"""Does a fetched page say what it is? Cheap signals only, read from the raw bytes.

The crawler asks this of every page. A page that declares itself an article, or declares itself
something else (a collection, a profile, a contact page), is taken at its word; a page that says
nothing goes to `clean`, whose page-type decision is final. The URL is never evidence: articles
live at opaque addresses (`/a/3f9c…/`, `/?p=123`) as often as at dated slugs.
"""
from __future__ import annotations

import re
from enum import Enum


class Kind(str, Enum):
    ARTICLE = "article"      # says it is an article: clean it
    UNDECLARED = "undeclared"  # says nothing: clean it, and follow its links too
    OTHER = "other"          # says it is a listing, profile, contact or search page: only follow its links


_OG_TYPE = re.compile(rb"""<meta[^>]+(?:property|name)=["']?og:type["']?[^>]*>""", re.I)
_OG_CONTENT = re.compile(rb"""content=["']?([\w.:-]+)""", re.I)
_LD_ARTICLE = re.compile(
    rb""""@type"\s*:\s*(?:\[[^\]]*)?"(?:\w*Article|BlogPosting|Report|LiveBlogPosting)"[,\]}\s]""")
_LD_NOT_ARTICLE = re.compile(
    rb""""@type"\s*:\s*"(?:CollectionPage|ProfilePage|ContactPage|AboutPage|SearchResultsPage)"[,}\s]""")
_OG_NOT_ARTICLE = ("profile", "product", "books.author")


def page_kind(body: bytes, url: str = "", *, listed: bool = False) -> Kind:
    """What the page's structured data (JSON-LD, og:type) says it is.

    `listed`: the page came from an RSS/Atom feed or a news sitemap, which list articles, so a
    page that says nothing is taken for one. `url` is accepted for callers' symmetry, not read.
    """
    head = body[:400_000]
    og_type = _og_type(head)
    if og_type == "article" or _LD_ARTICLE.search(head):
        return Kind.ARTICLE
    if og_type in _OG_NOT_ARTICLE or _LD_NOT_ARTICLE.search(head):
        return Kind.OTHER
    return Kind.ARTICLE if listed else Kind.UNDECLARED


def _og_type(head: bytes) -> str | None:
    tag = _OG_TYPE.search(head)
    if not tag:
        return None
    content = _OG_CONTENT.search(tag[0])
    return content[1].decode("ascii", "replace").lower() if content else None

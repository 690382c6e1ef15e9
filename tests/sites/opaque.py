"""A news site whose articles say nothing about themselves: no og:type, no JSON-LD, no canonical
link, at opaque addresses (`/a/<hex>/`, `/?p=<n>`). Only `clean` can tell its articles apart.

Article pages are the real pages of tests/sites/pages with their structured data taken out.
"""
from __future__ import annotations

import hashlib
import re

from .newsroom import fixture_pages, listing
from .server import Article, Page, TestSite

_STRUCTURED = re.compile(
    rb"""<script[^>]+application/ld\+json[^>]*>.*?</script>"""
    rb"""|<meta[^>]+(?:property|name)=["']?(?:og:type|og:url|article:[\w:]+)["']?[^>]*>"""
    rb"""|<link[^>]+rel=["']?canonical["']?[^>]*>""", re.I | re.S)


def unlabelled(page: bytes) -> bytes:
    return _STRUCTURED.sub(b"", page)


def opaque_paths(count: int) -> list[str]:
    """Half behind a hash path, half behind a query number, as WordPress's plain permalinks are."""
    return [f"/a/{hashlib.sha1(str(n).encode()).hexdigest()[:12]}/" if n % 2 else f"/?p={100 + n}"
            for n in range(count)]


def build() -> tuple[TestSite, list[str]]:
    """The site, and the paths of its article pages, all linked from the home page."""
    pages = [unlabelled(page) for page in fixture_pages()]
    paths = opaque_paths(len(pages))
    site = TestSite()
    for path, page in zip(paths, pages):
        site[path] = Article(page)
    home = listing("Harbour Gazette", paths).replace('<meta property="og:type" content="website">', "")
    site["/"] = Page(home)
    site["/robots.txt"] = Page("User-agent: *\nAllow: /\n", content_type="text/plain")
    return site, paths

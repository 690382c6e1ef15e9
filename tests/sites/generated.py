"""A generated news site of N article pages, all listed in one sitemap: for kill tests and the benchmark.

Pages are real article pages reused under varied URLs; their own canonical links are removed
so that each URL is its own article.
"""
from __future__ import annotations

import gzip
import re
from pathlib import Path

from .server import Article, Changing, Page, TestSite

_CANONICAL = re.compile(rb"""<link[^>]+rel=["']?canonical["']?[^>]*>|<meta[^>]+property=["']?og:url["']?[^>]*>""", re.I)
_SECTIONS = ("world", "business", "science", "culture", "sport", "local")


def load_pages(folder: Path) -> list[bytes]:
    pages = []
    for path in sorted(folder.glob("*.html.gz")):
        pages.append(_CANONICAL.sub(b"", gzip.decompress(path.read_bytes())))
    return pages


def article_paths(count: int) -> list[str]:
    return [f"/{_SECTIONS[i % len(_SECTIONS)]}/20{20 + i % 5}/{1 + i % 12:02d}/story-number-{i}-of-the-day"
            for i in range(count)]


def article_site(pages: list[bytes], count: int, *, delay: float = 0.0,
                 changing: bool = False) -> tuple[TestSite, list[str]]:
    """A site with a sitemap of `count` article pages, each delayed by `delay`, edited on every request
    if `changing`."""
    site = TestSite()
    paths = article_paths(count)
    for i, path in enumerate(paths):
        page = pages[i % len(pages)]
        site[path] = Changing(page, _edition, delay=delay) if changing else Article(page, delay=delay)
    site["/robots.txt"] = Page("User-agent: *\nAllow: /\n", content_type="text/plain")
    site["/"] = Page('<!doctype html><html><head><title>Home</title></head><body><a href="/sitemap.xml">map</a></body></html>')
    site._sitemap_paths = paths  # filled with absolute URLs once the port is known
    return site, paths


def start(site: TestSite) -> TestSite:
    site.start()
    locs = "".join(f"<url><loc>{site.root}{p}</loc></url>" for p in site._sitemap_paths)
    site["/sitemap.xml"] = Page('<?xml version="1.0" encoding="UTF-8"?>'
                                f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>',
                                content_type="application/xml")
    return site


def _edition(body: bytes, n: int) -> bytes:
    from .newsroom import add_sentence
    return add_sentence(body, f"This is edition {n} of the story.")

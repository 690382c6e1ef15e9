"""Metadata of the page: title, description, authors, dates with their source, site, canonical
URL, tags, image. Dates and authors come from htmldate and trafilatura (ingest/core/meta/)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from urllib.parse import unquote, urljoin, urlsplit

from htmldate import find_date
from trafilatura.metadata import examine_meta

from .meta.authors import read_authors
from .meta.dates import choose_dates
from .meta.marked import marked_author
from .meta.sanity import EARLIEST, EARLIEST_MOMENT
from .meta.shown import shown_dates
from .meta.references import folded
from .meta.title import read_title
from .page import Page

# A keyword that is a name without spaces, a colon and a value: one attribute of a CMS's record.
_ATTRIBUTE = re.compile(r"[A-Za-z][\w-]*:(?!//)\s*\S")

ARTICLE_TYPES = {"article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
                 "opinionnewsarticle", "backgroundnewsarticle", "webpage", "liveblogposting", "report"}


@dataclass(frozen=True)
class Metadata:
    title: str | None
    description: str | None
    authors: tuple[str, ...]
    published: str | None
    published_source: str | None
    modified: str | None
    site_name: str | None
    canonical_url: str | None
    tags: tuple[str, ...]
    image: str | None


def read_metadata(page: Page, now: datetime) -> Metadata:
    """`now` is the fetch time: no date after it is believed."""
    article = _article_jsonld(page)
    site_name = _site_name(page, article)
    canonical = _canonical(page)
    found = examine_meta(page.tree)  # trafilatura's reading of the meta tags
    shown = shown_dates(page.tree, EARLIEST_MOMENT, now.replace(tzinfo=None))
    urls = [u for u in (page.url, canonical) if u]
    dates = choose_dates(page, article, lambda: _htmldate(page, canonical, now), shown, urls, now)
    return Metadata(
        title=read_title(page, _text(article.get("headline")), site_name),
        description=folded(found.description or _text(article.get("description"))),
        authors=read_authors(page.tree, article, page.jsonld, found.author,
                             lambda: marked_author(page.tree), site_name, _declared_authors(page)),
        published=dates.published,
        published_source=dates.published_source,
        modified=dates.modified,
        site_name=site_name,
        canonical_url=canonical,
        tags=_tags(page, article),
        image=_image(page, article),
    )


def _declared_authors(page: Page) -> str:
    """The values of the page's author meta tags, as written."""
    return " ; ".join(value for key, value in page.meta.items() if "author" in key and isinstance(value, str))


def _htmldate(page: Page, canonical: str | None, now: datetime) -> str | None:
    """htmldate's search for the original publication, bounded by the fetch time. Called only
    when the page shows and declares no date. Not its extensive search: that hands text to
    dateparser (up to 0.4 s a call), tripled metadata's share of clean() (20% -> 63% on
    wcxb-dev), and on the 98 pages where only it found a date, 12 more were right: a null is
    better than a guess. (htmldate copies the tree before pruning it: the tree stays ours.)"""
    return find_date(page.tree, extensive_search=False, original_date=True, url=canonical or page.url,
                     min_date=EARLIEST.isoformat(), max_date=now.date().isoformat())


def _article_jsonld(page: Page) -> dict:
    """The JSON-LD object describing the article, preferring the most specific type."""
    best, best_rank = {}, 99
    for obj in page.jsonld:
        types = obj.get("@type")
        types = [t.lower() for t in (types if isinstance(types, list) else [types]) if isinstance(t, str)]
        for t in types:
            if t in ARTICLE_TYPES:
                rank = 1 if t == "webpage" else 0
                if rank < best_rank:
                    best, best_rank = obj, rank
    return best


def _text(value) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name") or value.get("@id") or value.get("url")
    if isinstance(value, str):
        value = " ".join(value.split())
        return value or None
    return None


def _site_name(page: Page, article: dict) -> str | None:
    publisher = article.get("publisher")
    name = folded(page.meta_first("og:site_name", "application-name") or _text(publisher))
    if name and not name.startswith(("http", "#", "/")):  # a bare @id reference is no name
        return name
    for url in (page.url, _canonical(page)):  # a saved file's URL is file://; its canonical says the site
        if url and url.startswith("http"):
            return urlsplit(url).hostname
    return None


def _canonical(page: Page) -> str | None:
    declared = [el.get("href") for el in page.tree.iterfind(".//link")
                if "canonical" in (el.get("rel") or "").lower().split() and el.get("href")]
    declared.append(page.meta.get("og:url"))
    for href in filter(None, declared):
        url = _absolute(page.url, href)
        if url and not _is_site_root_for_deeper_page(url, page.url):
            return url
    return None


def _is_site_root_for_deeper_page(canonical: str, fetched: str | None) -> bool:
    """A template that points every page's canonical at the home page would give all its
    articles one id; such a canonical names the site, not the article."""
    if urlsplit(canonical).path not in ("", "/"):
        return False
    return bool(fetched) and urlsplit(fetched).path not in ("", "/")


def _absolute(base: str | None, href: str) -> str | None:
    """The absolute http(s) URL of `href`, or None when it is none (or cannot be parsed, as
    `http://[::1/story`). A URL percent-encoded as a whole by its template
    (`https://example.org%2Fnews%2F2025-12-15%2Fstory`: no host holds a "%") is decoded once."""
    href = href.strip()
    try:
        url = urljoin(base, href) if base else href
        if "%" in urlsplit(url).netloc:
            url = unquote(url)
            if "%" in urlsplit(url).netloc:
                return None
        urlsplit(url).hostname
    except ValueError:
        return None
    return url if url.startswith(("http://", "https://")) else None


def _tags(page: Page, article: dict) -> tuple[str, ...]:
    tags = [el.get("content", "") for el in page.tree.xpath('.//meta[@property="article:tag"]')]
    keywords = article.get("keywords") or page.meta.get("news_keywords") or page.meta.get("keywords")
    if isinstance(keywords, str):
        tags.extend(_topics(_listed(keywords, commas=1)))
    elif isinstance(keywords, list):
        tags.extend(_topics([tag for k in keywords if isinstance(k, str) for tag in _listed(k, commas=2)]))
    return _unique(t for t in map(folded, tags) if t)


def _topics(keywords: list[str]) -> list[str]:
    """The keywords, unless every one is a name, a colon and a value ("contentId: 15cd…",
    "locale: US", "displayType: listicle"): a CMS's record of the page written where its topics
    go. One such keyword among topics stays ("Opinion: Elections")."""
    if len(keywords) > 1 and all(_ATTRIBUTE.match(k.strip()) for k in keywords):
        return []
    return keywords


def _listed(keywords: str, commas: int) -> list[str]:
    """The tags a keywords string lists: parted by semicolons, else by commas when it holds at
    least `commas` of them. A keywords string is a list; in an item of a JSON-LD list one comma is
    part of the tag ("Elections, Governors"), several make it a whole list in one item ("Hong
    Kong,Protest,Asia Pacific")."""
    if ";" in keywords:
        return keywords.split(";")
    return keywords.split(",") if keywords.count(",") >= commas else [keywords]


def _image(page: Page, article: dict) -> str | None:
    image = page.meta_first("og:image", "twitter:image") or _text(article.get("image"))
    return _absolute(page.url, image) if image else None


def _unique(items) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for item in items:
        seen.setdefault(item.casefold(), item)
    return tuple(seen.values())


def lead(text: str, limit: int = 300) -> str | None:
    """The body's first paragraph, cut at a word before `limit` characters: the standfirst of a
    page that declares none."""
    first = text.strip().split("\n", 1)[0].strip()
    if len(first) <= limit:
        return first or None
    return first[:limit].rsplit(" ", 1)[0] + "…"


def utc_now() -> datetime:
    return datetime.now(timezone.utc)

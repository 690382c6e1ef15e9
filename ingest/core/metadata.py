"""Metadata of the page: title, authors, dates with their source, site, canonical URL, tags, image."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from urllib.parse import urljoin, urlsplit

from .page import Page

ARTICLE_TYPES = {"article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
                 "opinionnewsarticle", "backgroundnewsarticle", "webpage", "liveblogposting", "report"}
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|[-_]|$)")
_ISO_DAY = re.compile(r"((?:19|20)\d{2})-(\d{2})-(\d{2})")
_BY = re.compile(r"^\s*(?:by|von|par|por|di|door)\s+", re.I)
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&|\bund\b|\bet\b|\by\b)\s*")
_TITLE_SUFFIX = re.compile(r"\s+[|\-–—·:]\s+[^|\-–—·:]{2,60}$")
_SEPARATORS = (" | ", " - ", " – ", " — ", " · ", " :: ", ": ")
EARLIEST = date(1990, 1, 1)


@dataclass(frozen=True)
class Metadata:
    title: str | None
    authors: tuple[str, ...]
    published: str | None
    published_source: str | None
    modified: str | None
    site_name: str | None
    canonical_url: str | None
    tags: tuple[str, ...]
    image: str | None


def read_metadata(page: Page, now: datetime) -> Metadata:
    article = _article_jsonld(page)
    published, source = _published(page, article, now)
    site_name = _site_name(page, article)
    return Metadata(
        title=_without_site_name(_title(page, article), site_name),
        authors=_authors(page, article),
        published=published,
        published_source=source,
        modified=_date_value(article.get("dateModified"), now)
        or _date_value(page.meta_first("article:modified_time", "og:updated_time", "datemodified"), now),
        site_name=site_name,
        canonical_url=_canonical(page),
        tags=_tags(page, article),
        image=_image(page, article),
    )


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


def _title(page: Page, article: dict) -> str | None:
    title = _text(article.get("headline")) or page.meta_first("og:title", "twitter:title")
    if not title:
        h1 = page.tree.find(".//h1")
        title = " ".join(h1.text_content().split()) if h1 is not None else None
    if not title:
        node = page.tree.find(".//title")
        raw = " ".join(node.text_content().split()) if node is not None else ""
        title = _TITLE_SUFFIX.sub("", raw) or None
    return title


def _without_site_name(title: str | None, site_name: str | None) -> str | None:
    """'Headline — Site' and 'Site | Headline' become 'Headline' when Site is the site's name."""
    if not title or not site_name:
        return title
    for sep in _SEPARATORS:
        if title.endswith(sep + site_name):
            return title[: -len(sep + site_name)].strip() or title
        if title.startswith(site_name + sep):
            return title[len(site_name + sep):].strip() or title
    return title


def _authors(page: Page, article: dict) -> tuple[str, ...]:
    names: list[str] = []
    raw = article.get("author") or article.get("creator")
    for item in raw if isinstance(raw, list) else [raw]:
        name = _text(item)
        if name and not name.startswith("http"):
            names.append(name)
    if not names:
        for key in ("author", "article:author", "parsely-author", "dc.creator", "sailthru.author"):
            value = page.meta.get(key)
            if value and not value.startswith("http"):
                names.extend(_AUTHOR_SPLIT.split(_BY.sub("", value)))
                break
    if not names:
        for el in page.tree.xpath('.//*[@rel="author" or @itemprop="author"][1]'):
            names.extend(_AUTHOR_SPLIT.split(_BY.sub("", " ".join(el.text_content().split()))))
    return _unique(n.strip() for n in names if n and 1 < len(n.strip()) < 80)


def _published(page: Page, article: dict, now: datetime) -> tuple[str | None, str | None]:
    candidates = (
        ("json-ld", article.get("datePublished") or article.get("dateCreated")),
        ("meta", page.meta_first("article:published_time", "og:published_time", "datepublished",
                                 "pubdate", "publishdate", "date", "dc.date", "dc.date.issued",
                                 "sailthru.date", "parsely-pub-date")),
        ("text", _time_element(page)),
        ("url", _url_date(page.url)),
    )
    for source, value in candidates:
        iso = _date_value(value, now)
        if iso:
            return iso, source
    return None, None


def _time_element(page: Page) -> str | None:
    for el in page.tree.iterfind(".//time"):
        value = el.get("datetime")
        if value:
            return value
    return None


def _url_date(url: str | None) -> str | None:
    match = _URL_DATE.search(urlsplit(url).path) if url else None
    return "-".join(f"{int(g):02d}" for g in match.groups()) if match else None


def _date_value(value, now: datetime) -> str | None:
    """ISO 8601 text of a date, or None when unreadable, before 1990 or in the future."""
    value = _text(value)
    if not value:
        return None
    try:
        stamp = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        match = _ISO_DAY.search(value)
        if not match:
            return None
        try:
            stamp = datetime(*map(int, match.groups()))
        except ValueError:
            return None
        value = stamp.date().isoformat()
    day = stamp.date()
    if day < EARLIEST or day > (now + timedelta(days=1)).date():
        return None
    return stamp.isoformat() if len(value.strip()) > 10 else day.isoformat()


def _site_name(page: Page, article: dict) -> str | None:
    publisher = article.get("publisher")
    name = page.meta_first("og:site_name", "application-name") or _text(publisher)
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
    `http://[::1/story`)."""
    href = href.strip()
    try:
        url = urljoin(base, href) if base else href
        urlsplit(url).hostname
    except ValueError:
        return None
    return url if url.startswith(("http://", "https://")) else None


def _tags(page: Page, article: dict) -> tuple[str, ...]:
    tags = [el.get("content", "") for el in page.tree.xpath('.//meta[@property="article:tag"]')]
    keywords = article.get("keywords") or page.meta.get("news_keywords") or page.meta.get("keywords")
    if isinstance(keywords, str):
        tags.extend(keywords.split(","))
    elif isinstance(keywords, list):
        tags.extend(k for k in keywords if isinstance(k, str))
    return _unique(t.strip() for t in tags if t.strip())


def _image(page: Page, article: dict) -> str | None:
    image = page.meta_first("og:image", "twitter:image") or _text(article.get("image"))
    return _absolute(page.url, image) if image else None


def _unique(items) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for item in items:
        seen.setdefault(item.casefold(), item)
    return tuple(seen.values())


def utc_now() -> datetime:
    return datetime.now(timezone.utc)

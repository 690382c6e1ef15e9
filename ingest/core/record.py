"""The article record of schema 2: what `clean` returns and every JSONL line holds."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field

from .controls import without_controls
from .words import count_words

SCHEMA = "ingest.article/2"
# The kinds of page `clean` tells apart (WCXB's seven types, plus "other").
PAGE_TYPES = ("article", "listing", "collection", "product", "service", "forum", "documentation", "other")


@dataclass(frozen=True)
class Embed:
    """A social post embedded in the article, lifted out of the body."""

    kind: str  # "tweet", "instagram", "facebook", "youtube", "tiktok", "telegram"
    url: str | None = None
    author: str | None = None
    handle: str | None = None
    published: str | None = None  # ISO 8601 date or datetime
    text: str | None = None
    language: str | None = None
    position: int | None = None  # index of the body paragraph the embed stood before


@dataclass(frozen=True)
class Passage:
    """A body paragraph whose language differs from the body's."""

    paragraph: int
    language: str


@dataclass(frozen=True)
class Extractor:
    """What produced the body: the library, its version, and which fallback won, if any."""

    library: str
    version: str
    fallback: str | None = None


@dataclass(frozen=True)
class Article:
    url: str
    canonical_url: str
    text: str
    fetched_at: str
    extractor: Extractor
    title: str | None = None
    description: str | None = None  # the standfirst: og/meta description, else the lead
    site_name: str | None = None
    authors: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    image: str | None = None
    published: str | None = None
    published_source: str | None = None  # "json-ld", "meta", "time", "text" (shown near the headline or found by htmldate), "url"
    modified: str | None = None
    language: str | None = None
    passages: tuple[Passage, ...] = ()
    embeds: tuple[Embed, ...] = ()
    markdown: str | None = None  # the body as Markdown, only when asked (Options.markdown)
    page_type: str = "article"  # one of PAGE_TYPES; "article" unless `clean` was asked for every page
    schema: str = field(default=SCHEMA)

    @property
    def id(self) -> str:
        return article_id(without_controls(self.canonical_url))

    @property
    def word_count(self) -> int:
        return count_words(self.text)

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)

    def to_dict(self) -> dict:
        """The record in contract order, lists for tuples, every key present, no control characters
        in any string (JSON-LD escapes such as \\u0001 reach titles and names past the decoder)."""
        return _without_controls(self._fields())

    def _fields(self) -> dict:
        return {
            "schema": self.schema,
            "id": self.id,
            "url": self.url,
            "canonical_url": self.canonical_url,
            "page_type": self.page_type,
            "site_name": self.site_name,
            "title": self.title,
            "description": self.description,
            "authors": list(self.authors),
            "tags": list(self.tags),
            "image": self.image,
            "published": self.published,
            "published_source": self.published_source,
            "modified": self.modified,
            "language": self.language,
            "text": self.text,
            "markdown": self.markdown,
            "passages": [asdict(p) for p in self.passages],
            "embeds": [asdict(e) for e in self.embeds],
            "word_count": self.word_count,
            "content_hash": self.content_hash,
            "fetched_at": self.fetched_at,
            "extractor": asdict(self.extractor),
        }


def _without_controls(value):
    if isinstance(value, str):
        return without_controls(value)
    if isinstance(value, dict):
        return {key: _without_controls(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_without_controls(item) for item in value]
    return value


def article_id(canonical_url: str) -> str:
    """Stable id: the first 16 hex digits of the canonical URL's SHA-256."""
    return hashlib.sha256(canonical_url.encode("utf-8")).hexdigest()[:16]


_SPACE = re.compile(r"\s+")


def content_hash(text: str) -> str:
    """Hash of the body with Unicode and white space normalised, so re-wrapping is no change."""
    norm = _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()
    return "sha256:" + hashlib.sha256(norm.encode("utf-8")).hexdigest()

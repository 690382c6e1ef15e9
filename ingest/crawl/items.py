"""What travels through the crawl's item pipeline: a fetched article page, then its record."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass
class PageItem:
    """An article page as fetched; `clean` fills `record` and empties `body`."""

    url: str  # after redirects
    body: bytes
    encoding: str | None  # the charset HTTP declared, if any
    fetched_at: str  # ISO 8601 UTC
    source: str
    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None
    record: dict | None = None
    ack: bytes | None = None  # the page's request in a shared queue (see ingest.crawl.redis.acks)

    @property
    def fetched_time(self) -> float:
        """`fetched_at` in seconds since the epoch, as the crawl state keeps times."""
        return datetime.fromisoformat(self.fetched_at).timestamp()

    def __repr__(self) -> str:  # Scrapy logs dropped items: the URL says which, the body would flood
        return f"<PageItem {self.url}>"

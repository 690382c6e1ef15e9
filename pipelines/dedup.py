"""DedupPipeline: one record per article in a crawl, however many URLs led to it.

Articles are the same when their canonical URLs are, once tracking query keys (utm_*, fbclid,
gclid, ...) and fragments are gone. Across crawls, the crawl state does this job.
"""
from __future__ import annotations

from ingest.crawl.items import PageItem
from ingest.crawl.urls import canonicalize

from . import drop


class DedupPipeline:
    def __init__(self, stats):
        self.stats = stats
        self.seen: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats)

    def process_item(self, item):
        if not isinstance(item, PageItem) or item.record is None:
            return item
        keys = {canonicalize(item.record["canonical_url"]), canonicalize(item.url)}
        if keys & self.seen:
            raise drop(self.stats, "duplicate", f"{item.url} is {item.record['canonical_url']}, already in this crawl",
                       log_level="DEBUG")
        self.seen |= keys
        return item

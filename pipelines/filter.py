"""FilterPipeline: a source's record filters (`language`, `since`, `until`); a record outside them is dropped, counted.

Switched off (NotConfigured) for a source without filters.
"""
from __future__ import annotations

from scrapy.exceptions import NotConfigured

from ingest.crawl.items import PageItem
from ingest.filters import Filters

from . import drop


class FilterPipeline:
    def __init__(self, stats, filters: Filters):
        self.stats = stats
        self.filters = filters

    @classmethod
    def from_crawler(cls, crawler):
        source = getattr(crawler.spider, "source", None)
        if source is None or not source.filters:
            raise NotConfigured  # without a message: Scrapy would log a warning for every crawl
        return cls(crawler.stats, source.filters)

    def process_item(self, item):
        if not isinstance(item, PageItem) or item.record is None:
            return item
        reason = self.filters.reason(item.record)
        if reason:
            record = item.record
            raise drop(self.stats, f"filtered_{reason}", f"{item.url}: language {record.get('language')}, "
                       f"published {record.get('published')}", log_level="DEBUG")
        return item

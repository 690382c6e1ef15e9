"""LedgerPipeline: an article goes on only if the feed does not already hold it with the same body.

The crawl state is read, never cached: another process sharing it may have written since.
"""
from __future__ import annotations

from ingest.items import PageItem
from ingest.ledger import Ledger

from . import drop


class LedgerPipeline:
    def __init__(self, stats, state_dir: str):
        self.stats = stats
        self.state_dir = state_dir
        self.ledger: Ledger | None = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats, crawler.settings["INGEST_STATE_DIR"])

    def open_spider(self):
        self.ledger = Ledger.in_directory(self.state_dir)

    def close_spider(self):
        self.ledger.close()

    def process_item(self, item):
        if not isinstance(item, PageItem) or item.record is None:
            return item
        record = item.record
        if self.ledger.content_hash(record["id"]) == record["content_hash"]:
            # Unchanged; new validators let the next crawl ask for it conditionally.
            self.ledger.remember_validators(item.url, record["id"], item.etag, item.last_modified,
                                            item.body_hash)
            raise drop(self.stats, "unchanged", f"{item.url} is in the feed already", log_level="DEBUG")
        return item

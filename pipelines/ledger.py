"""LedgerPipeline: an article goes on only if the feed does not already hold it with the same body.

The crawl state is read, never cached: another process sharing it may have written since.
"""
from __future__ import annotations

from ingest.crawl.items import PageItem

from . import LedgerBacked, drop


class LedgerPipeline(LedgerBacked):
    def check(self, item):
        if not isinstance(item, PageItem) or item.record is None:
            return item
        record = item.record
        if self.ledger.content_hash(record["id"]) == record["content_hash"]:
            # Unchanged; new validators let the next crawl ask for it conditionally.
            self.ledger.remember_validators(item.url, record["id"], item.etag, item.last_modified,
                                            item.body_hash, item.fetched_time)
            raise drop(self.stats, "unchanged", f"{item.url} is in the feed already", log_level="DEBUG")
        return item

"""Item pipeline components, one per module: unchanged, clean, dedup, ledger, feed."""
from __future__ import annotations

from scrapy.exceptions import DropItem

from ingest.crawl.items import PageItem
from ingest.crawl.state import Ledger, StateUnavailable, open_state


def drop(stats, reason: str, detail: str = "", *, log_level: str = "INFO") -> DropItem:
    """A DropItem whose reason is counted in the crawl stats as `ingest/dropped/<reason>`."""
    if stats is not None:
        stats.inc_value(f"ingest/dropped/{reason}")
    return DropItem(f"{reason}: {detail}" if detail else reason, log_level=log_level)


class LedgerBacked:
    """Base of the pipelines that consult the crawl state: opened with the spider, closed with it."""

    def __init__(self, stats, state_dir: str, redis_url: str | None = None):
        self.stats = stats
        self.state_dir = state_dir
        self.redis_url = redis_url
        self.ledger: Ledger | None = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats, crawler.settings["INGEST_STATE_DIR"], crawler.settings.get("INGEST_REDIS_URL"))

    def open_spider(self):
        self.ledger = open_state(self.state_dir, self.redis_url)

    def process_item(self, item):
        if not isinstance(item, PageItem):
            return item
        try:
            return self.check(item)
        except StateUnavailable as error:
            # Its request is not settled: it stays in flight, and the run's next holder fetches it.
            item.ack = None
            raise drop(self.stats, "state_unavailable", f"{item.url}: {error}", log_level="DEBUG")

    def check(self, item):
        """The item, or DropItem; may raise StateUnavailable."""
        raise NotImplementedError

    def close_spider(self):
        self.ledger.close()

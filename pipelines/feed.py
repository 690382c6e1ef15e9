"""FeedPipeline: records into the feed's JSONL files; the crawl state learns of them as each file commits.

A file is fsync'd, recorded in the crawl state, then renamed to `.jsonl`. A crash before the
state commit leaves a temporary file that the next crawl removes (its articles are fetched
again); a crash after it leaves one the next crawl renames. A record another crawl committed
meanwhile (overlapping sources, or another process) is left out of the file then, and counted as
a duplicate drop.
"""
from __future__ import annotations

import logging

from scrapy.utils.defer import deferred_from_coro
from twisted.internet import task

from ingest.crawl import feed
from ingest.crawl.feed import FeedWriter
from ingest.crawl.items import PageItem
from ingest.crawl.redis.acks import settle
from ingest.crawl.state import Emitted, Ledger, StateUnavailable, open_state

from . import drop

logger = logging.getLogger(__name__)


class FeedPipeline:
    def __init__(self, stats, *, feed_dir: str, state_dir: str, max_bytes: int, max_seconds: float,
                 max_records: int, redis_url: str | None = None, crawler=None):
        self.stats = stats
        self.redis_url = redis_url
        self.crawler = crawler  # to stop the crawl when the feed fails; to settle a committed file's requests
        self.failed = False  # the feed could not be written: the crawl is stopping
        self.feed_dir = feed_dir
        self.state_dir = state_dir
        self.limits = {"max_bytes": max_bytes, "max_seconds": max_seconds, "max_records": max_records}
        self.ledger: Ledger | None = None
        self.writer: FeedWriter | None = None
        self.ticker: task.LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        return cls(crawler.stats, feed_dir=settings["INGEST_FEED_DIR"], state_dir=settings["INGEST_STATE_DIR"],
                   max_bytes=settings.getint("INGEST_FEED_MAX_BYTES"),
                   max_seconds=settings.getfloat("INGEST_FEED_MAX_SECONDS"),
                   max_records=settings.getint("INGEST_FEED_MAX_RECORDS"),
                   redis_url=settings.get("INGEST_REDIS_URL"), crawler=crawler)

    def open_spider(self):
        self.ledger = open_state(self.state_dir, self.redis_url)
        recovered = feed.recover(self.feed_dir, self.ledger.is_committed)
        if any(recovered.values()):
            logger.info("feed recovery: %(renamed)d committed file(s) renamed, "
                        "%(removed)d uncommitted file(s) removed", recovered)
        self.writer = FeedWriter(self.feed_dir, before_rename=self._commit, **self.limits)
        self.stats.set_value("ingest/feed/dir", str(self.writer.directory.resolve()))
        self.ticker = task.LoopingCall(self._guarded, self.writer.commit_due)
        self.ticker.start(min(self.limits["max_seconds"], 5.0), now=False)

    def close_spider(self):
        if self.ticker and self.ticker.running:
            self.ticker.stop()
        try:
            self._guarded(self.writer.close)
        except StateUnavailable as error:
            logger.error("feed files left uncommitted (%s): the next crawl removes them and fetches "
                         "their articles again", error)
        finally:
            self.ledger.close()

    def process_item(self, item):
        if not isinstance(item, PageItem) or item.record is None:
            return item
        record = item.record
        receipt = Emitted(id=record["id"], canonical_url=record["canonical_url"],
                          content_hash=record["content_hash"], url=item.url, etag=item.etag,
                          last_modified=item.last_modified, body_hash=item.body_hash,
                          fetched_at=item.fetched_time, ack=item.ack)
        try:
            written = not self.failed and self._guarded(self.writer.write, record, receipt)
        except StateUnavailable as error:
            item.ack = None  # not in the feed: its request stays in flight, to be fetched again
            raise drop(self.stats, "state_unavailable", f"{item.url}: {error}")
        if not written:
            raise drop(self.stats, "unwritten", "the feed cannot be written", log_level="DEBUG")
        self.stats.inc_value("ingest/feed/records_written")
        return item

    def _guarded(self, step, *args) -> bool:
        """Run a writer step; a write error stops the crawl with one clear line, not a traceback a page."""
        try:
            step(*args)
            return True
        except OSError as error:
            if not self.failed:
                self.failed = True
                where = error.filename or self.feed_dir
                self.stats.set_value("ingest/feed/error", f"{where}: {error.strerror or error}")
                logger.error("the feed cannot be written (%s: %s): stopping the crawl", where, error.strerror or error)
                if self.crawler and self.crawler.engine:
                    deferred_from_coro(self.crawler.engine.close_spider_async(reason="feed_unwritable"))
            return False
        finally:
            # Counted from the writer, after each rename: only what a reader can see.
            self.stats.set_value("ingest/feed/files_committed", len(self.writer.committed))
            self.stats.set_value("ingest/feed/records_committed", self.writer.records_committed)

    def _commit(self, path, receipts, leave_out):
        repeats = self.ledger.commit_file(path, receipts, leave_out=leave_out)
        for position in repeats:
            self.stats.inc_value("ingest/dropped/duplicate")
            logger.info("left out of %s: %s, written by another crawl meanwhile", path.name, receipts[position].url)
        if self.crawler:
            for receipt in receipts:  # in the feed, or left out as a repeat: final either way
                settle(self.crawler, receipt.ack)
        committed = len(receipts) - len(repeats)
        if committed:
            logger.info("feed file committed: %s (%d records)", path, committed)

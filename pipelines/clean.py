"""CleanPipeline: `ingest.clean` on each article page, in worker processes so the downloader never waits.

The workers (`workers.py`) are one pool per crawl process, shared by the crawls running in it.

A page that gives no article, takes too long, or crashes its worker is dropped with the reason
counted; the crawl goes on.
"""
from __future__ import annotations

import os

from scrapy.exceptions import NotConfigured

from ingest.crawl.items import PageItem

from . import drop
from .workers import CleaningWorkers


def clean_page(body: bytes, url: str, encoding: str | None, fetched_at: str, options=None):
    """Runs in a worker: the record as a dict, or the rejection's (reason name, detail).
    `options`: the source's, when its switches differ from the defaults."""
    from datetime import datetime

    from ingest import DEFAULT, Rejection, clean

    result = clean(body, url, options or DEFAULT, encoding=encoding, fetched_at=datetime.fromisoformat(fetched_at))
    if isinstance(result, Rejection):
        return None, (result.reason.name.lower(), result.detail)
    return result.to_dict(), None


class CleanPipeline:
    def __init__(self, stats, *, workers: int, timeout: float, max_pending: int, options=None):
        self.stats = stats
        self.options = options  # the source's switches (links, tables, markdown, ...), or None
        self.worker_count = workers
        self.timeout = timeout
        self.max_pending = max_pending or 4 * max(workers, 1)
        self.workers: CleaningWorkers | None = None

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        if not settings.getbool("INGEST_CLEAN_ENABLED"):
            raise NotConfigured("INGEST_CLEAN_ENABLED is off")
        workers = settings.get("INGEST_CLEAN_WORKERS")
        workers = (os.cpu_count() or 1) if workers in (None, "") else int(workers)
        return cls(crawler.stats, workers=workers, timeout=settings.getfloat("INGEST_CLEAN_TIMEOUT"),
                   max_pending=settings.getint("INGEST_CLEAN_MAX_PENDING"), options=_source_options(crawler))

    def open_spider(self):
        if self.worker_count > 0:
            self.workers = CleaningWorkers.acquire(self.worker_count, self.max_pending)

    def close_spider(self):
        if self.workers:
            self.workers.release()
            self.workers = None

    async def process_item(self, item):
        if not isinstance(item, PageItem) or item.record is not None:
            return item
        self.stats.inc_value("ingest/clean/pages")
        args = (item.body, item.url, item.encoding, item.fetched_at, self.options)
        if self.workers:
            record, rejection = await self.workers.run(clean_page, args, self.timeout)
        else:
            record, rejection = self._inline(*args)
        item.body = b""  # the page is no longer needed; records are what stay in memory
        if rejection:
            reason, detail = rejection
            raise drop(self.stats, reason, f"{item.url}: {detail}")
        item.record = record
        self.stats.inc_value("ingest/clean/articles")
        return item

    @staticmethod
    def _inline(*args):
        try:
            return clean_page(*args)
        except Exception as error:  # noqa: BLE001 - one page never stops the crawl
            return None, ("internal", f"{type(error).__name__}: {error}")


def _source_options(crawler):
    from ingest import DEFAULT

    source = getattr(crawler.spider, "source", None)
    return source.options(DEFAULT) if source is not None and source.switches else None

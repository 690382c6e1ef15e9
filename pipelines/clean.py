"""CleanPipeline: `ingest.clean` on each article page, in worker processes so the downloader never waits.

A page that gives no article, takes too long, or crashes its worker is dropped with the reason
counted; the crawl goes on.
"""
from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from scrapy.exceptions import NotConfigured

from ingest.items import PageItem

from . import drop

logger = logging.getLogger(__name__)


def clean_page(body: bytes, url: str, encoding: str | None, fetched_at: str):
    """Runs in a worker: the record as a dict, or the rejection's (reason name, detail)."""
    from datetime import datetime

    from ingest import Rejection, clean

    result = clean(body, url, encoding=encoding, fetched_at=datetime.fromisoformat(fetched_at))
    if isinstance(result, Rejection):
        return None, (result.reason.name.lower(), result.detail)
    return result.to_dict(), None


def _start_worker(parent: int):
    """Import the core before the first page arrives, and die with the crawl: a crawl killed with
    SIGKILL must not leave its workers behind."""
    import threading
    import time

    def watch():
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()

    import ingest

    # The first page pays for lazy loading (language profiles, extractor tables): pay it now.
    try:
        ingest.clean(b"<html><body><article><p>" + b"Warm up the worker before the crawl. " * 20
                     + b"</p></article></body></html>", "http://warm.up/")
    except Exception:  # noqa: BLE001 - a failed warm-up must not break the pool; pages report errors
        pass


class CleanPipeline:
    def __init__(self, stats, *, workers: int, timeout: float, max_pending: int):
        self.stats = stats
        self.workers = workers
        self.timeout = timeout
        self.max_pending = max_pending or 4 * max(workers, 1)
        self.pool: ProcessPoolExecutor | None = None
        self.pending: asyncio.Semaphore | None = None

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        if not settings.getbool("INGEST_CLEAN_ENABLED"):
            raise NotConfigured("INGEST_CLEAN_ENABLED is off")
        workers = settings.get("INGEST_CLEAN_WORKERS")
        workers = (os.cpu_count() or 1) if workers in (None, "") else int(workers)
        return cls(crawler.stats, workers=workers, timeout=settings.getfloat("INGEST_CLEAN_TIMEOUT"),
                   max_pending=settings.getint("INGEST_CLEAN_MAX_PENDING"))

    def open_spider(self):
        if self.workers > 0:
            self.pool = self._new_pool()
            # Start the workers now: they import the core while robots.txt and sitemaps download.
            for _ in range(self.workers):
                self.pool.submit(int)
        self.pending = asyncio.Semaphore(self.max_pending)

    def close_spider(self):
        if self.pool:
            self.pool.shutdown(wait=True, cancel_futures=True)

    async def process_item(self, item):
        if not isinstance(item, PageItem) or item.record is not None:
            return item
        self.stats.inc_value("ingest/clean/pages")
        record, rejection = await self._clean(item)
        item.body = b""  # the page is no longer needed; records are what stay in memory
        if rejection:
            reason, detail = rejection
            raise drop(self.stats, reason, f"{item.url}: {detail}")
        item.record = record
        self.stats.inc_value("ingest/clean/articles")
        return item

    async def _clean(self, item: PageItem):
        args = (item.body, item.url, item.encoding, item.fetched_at)
        if self.pool is None:
            return self._guarded(clean_page, *args)
        async with self.pending:  # bounds pages waiting for a worker, so memory stays flat
            return await self._in_worker(args)

    async def _in_worker(self, args):
        for attempt in (1, 2):
            pool = self.pool
            try:
                future = pool.submit(clean_page, *args)
                return await asyncio.wait_for(asyncio.wrap_future(future), self.timeout)
            except asyncio.TimeoutError:
                # The worker is still busy with the page: stop it, or it is lost to the crawl.
                self._replace_pool(pool, kill=True)
                return None, ("clean_timeout", f"no result within {self.timeout:g}s")
            except BrokenProcessPool:
                # A worker died (this page, or another in flight): once more on a new pool.
                self._replace_pool(pool)
                if attempt == 2:
                    return None, ("clean_crashed", "the worker process died on this page")
            except Exception as error:  # noqa: BLE001 - one page never stops the crawl
                return None, ("internal", f"{type(error).__name__}: {error}")

    @staticmethod
    def _guarded(function, *args):
        try:
            return function(*args)
        except Exception as error:  # noqa: BLE001 - one page never stops the crawl
            return None, ("internal", f"{type(error).__name__}: {error}")

    def _new_pool(self) -> ProcessPoolExecutor:
        # spawn: never fork the crawl's own process, with its reactor and threads; and the
        # workers are the crawl's own children, so they can watch it.
        context = multiprocessing.get_context("spawn")
        return ProcessPoolExecutor(self.workers, mp_context=context, initializer=_start_worker,
                                   initargs=(os.getpid(),))

    def _replace_pool(self, broken: ProcessPoolExecutor, kill: bool = False):
        if self.pool is not broken:
            return  # another page already replaced it
        self.pool = self._new_pool()
        if kill:
            for process in list((broken._processes or {}).values()):  # no public API to stop a worker
                process.terminate()
        broken.shutdown(wait=False, cancel_futures=True)
        logger.warning("cleaning workers %s; started new ones", "stopped" if kill else "died")

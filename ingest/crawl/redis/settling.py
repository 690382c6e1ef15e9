"""SettleMiddleware: a page whose callback has run to the end settles its request; an article page
hands its token to the item, which settles it when dropped or once its feed file commits.

The requests a callback yields are queued here, one by one, before the page is settled: Scrapy's
scraper would queue them from a buffer of its own, after the callback ends, and a worker dying in
between would lose them.
"""
from __future__ import annotations

from scrapy import Request

from ingest.crawl.items import PageItem
from ingest.crawl.state import StateUnavailable

from .acks import settle, token_of


class SettleMiddleware:
    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_spider_output(self, response, result):
        token = token_of(response.request)
        handed = False
        for output in result:
            if self._queued(output):
                continue
            handed = self._hand(output, token) or handed
            yield output
        if not handed:
            settle(self.crawler, token)

    async def process_spider_output_async(self, response, result):
        token = token_of(response.request)
        handed = False
        async for output in result:
            if self._queued(output):
                continue
            handed = self._hand(output, token) or handed
            yield output
        if not handed:
            settle(self.crawler, token)

    def process_spider_exception(self, response, exception):
        if isinstance(exception, StateUnavailable):
            return []  # Redis is gone (the scheduler says so once): the request stays in flight
        settle(self.crawler, token_of(response.request))  # failed: final
        return None

    def _queued(self, output) -> bool:
        if isinstance(output, Request):
            self.crawler.engine.crawl(output)  # what the scraper does with it, only now
            return True
        return False

    @staticmethod
    def _hand(output, token) -> bool:
        if isinstance(output, PageItem):
            output.ack = token
            return True
        return False

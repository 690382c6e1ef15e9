"""SettleMiddleware: a page whose callback has run to the end settles its request; an article page
hands its token to the item, which settles it when dropped or once its feed file commits.

By then every request the callback yielded is in the shared queue, so settling loses nothing.
"""
from __future__ import annotations

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
            handed = self._hand(output, token) or handed
            yield output
        if not handed:
            settle(self.crawler, token)

    async def process_spider_output_async(self, response, result):
        token = token_of(response.request)
        handed = False
        async for output in result:
            handed = self._hand(output, token) or handed
            yield output
        if not handed:
            settle(self.crawler, token)

    def process_spider_exception(self, response, exception):
        if isinstance(exception, StateUnavailable):
            return []  # Redis is gone (the scheduler says so once): the request stays in flight
        settle(self.crawler, token_of(response.request))  # failed: final
        return None

    @staticmethod
    def _hand(output, token) -> bool:
        if isinstance(output, PageItem):
            output.ack = token
            return True
        return False

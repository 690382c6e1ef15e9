"""ScopeMiddleware: every request of a crawl (links, sitemap entries, redirects, robots.txt) stays on
its source's origins, and an address written in a URL passes the address guard.

Names that DNS resolves are checked by `GuardedResolver` when the connection is made.
"""
from __future__ import annotations

import logging

from scrapy import signals
from scrapy.exceptions import IgnoreRequest
from scrapy.utils.httpobj import urlparse_cached

from .guard import AddressGuard, AddressRefused, Scope
from .resolver import GuardedResolver

logger = logging.getLogger(__name__)


class ScopeMiddleware:
    def __init__(self, crawler):
        self.crawler = crawler
        self.stats = crawler.stats
        self.enabled = True
        self.scope: Scope | None = None
        self.guard = AddressGuard()

    @classmethod
    def from_crawler(cls, crawler):
        middleware = cls(crawler)
        crawler.signals.connect(middleware.spider_opened, signal=signals.spider_opened)
        return middleware

    def spider_opened(self, spider):
        source = getattr(spider, "source", None)
        if source is None:
            return
        # Read here, not in from_crawler: a source's own settings are in by now.
        self.enabled = self.crawler.settings.getbool("INGEST_ADDRESS_GUARD")
        self.scope = Scope.of(source.start, source.hosts)
        self.guard = AddressGuard(enabled=self.enabled).allowing(source.start)
        GuardedResolver.allow_for_crawl(self.guard)

    def process_request(self, request, spider=None):
        if self.scope is None:
            return None
        refusal = self.scope.refusal(request.url)
        if refusal:
            self._refuse("out_of_scope", request, refusal)
        try:
            self.guard.check_literal(request.url)
        except AddressRefused as refused:
            self._refuse("address", request, str(refused))
        resolver = GuardedResolver.installed()
        refused_name = resolver and resolver.refused.get(urlparse_cached(request).hostname or "")
        if refused_name:  # its address was refused when first resolved: no retry, no other path
            self._refuse("address", request, refused_name)
        return None

    def _refuse(self, reason: str, request, why: str):
        self.stats.inc_value(f"ingest/refused/{reason}")
        logger.info("refused %s: %s", request.url, why)
        raise IgnoreRequest(why)

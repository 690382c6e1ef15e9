"""RobotsPolitenessMiddleware: robots.txt fetched with a short timeout (a hanging one must not stall
its site), and its Crawl-delay honoured between requests to that site."""
from __future__ import annotations

import asyncio
import logging
import time

from scrapy import signals
from scrapy.utils.httpobj import urlparse_cached


class RobotsPolitenessMiddleware:
    def __init__(self, crawler):
        settings = crawler.settings
        self.timeout = settings.getfloat("INGEST_ROBOTS_TIMEOUT")
        self.max_delay = settings.getfloat("INGEST_CRAWL_DELAY_MAX")
        self.user_agent = settings.get("ROBOTSTXT_USER_AGENT") or settings.get("USER_AGENT")
        self.stats = crawler.stats
        self.delays: dict[str, float] = {}  # netloc -> Crawl-delay seconds
        self.next_at: dict[str, float] = {}  # netloc -> when its next request may go

    @classmethod
    def from_crawler(cls, crawler):
        middleware = cls(crawler)
        crawler.signals.connect(middleware.robots_parsed, signal=signals.robots_parsed)
        # Scrapy logs a robots.txt that could not be downloaded with its traceback: one line is enough.
        logging.getLogger("scrapy.downloadermiddlewares.robotstxt").addFilter(_one_line)
        return middleware

    def robots_parsed(self, robotparser, request):
        parsed = getattr(robotparser, "rp", None)
        delay = parsed.crawl_delay(self.user_agent) if hasattr(parsed, "crawl_delay") else None
        if delay:
            self.delays[urlparse_cached(request).netloc] = min(float(delay), self.max_delay)
            self.stats.set_value("ingest/robots/crawl_delay", min(float(delay), self.max_delay))

    async def process_request(self, request, spider=None):
        if _is_robots(request):
            request.meta.setdefault("download_timeout", self.timeout)
            request.meta.setdefault("max_retry_times", 0)
            return None
        netloc = urlparse_cached(request).netloc
        delay = self.delays.get(netloc)
        if delay:
            # Each request takes the next free turn, so concurrent ones queue `delay` apart.
            now = time.monotonic()
            turn = max(now, self.next_at.get(netloc, now))
            self.next_at[netloc] = turn + delay
            if turn > now:
                await asyncio.sleep(turn - now)
        return None


def _one_line(record: logging.LogRecord) -> bool:
    if record.exc_info and record.levelno >= logging.ERROR:
        record.msg = f"{record.msg} (robots.txt unavailable: no rules for this site)"
        record.exc_info = None
        record.levelno, record.levelname = logging.WARNING, "WARNING"  # the site's trouble, not ours
    return True


def _is_robots(request) -> bool:
    return request.meta.get("dont_obey_robotstxt") and urlparse_cached(request).path == "/robots.txt"

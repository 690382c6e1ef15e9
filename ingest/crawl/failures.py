"""DownloadFailuresMiddleware: every request that finally failed to download (retries spent),
counted by reason as `ingest/download_failed/<reason>`, for the crawl summary."""
from __future__ import annotations

from scrapy import exceptions
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet import error

from .resolver import GuardedResolver

REASONS = (
    (exceptions.DownloadTimeoutError, "timeout"),
    (exceptions.CannotResolveHostError, "dns"),
    (exceptions.DownloadConnectionRefusedError, "connection refused"),
    (exceptions.ResponseDataLossError, "data loss"),
    (exceptions.DownloadCancelledError, "too large"),
    (error.TimeoutError, "timeout"),
    (error.DNSLookupError, "dns"),
    (error.ConnectionRefusedError, "connection refused"),
    ((error.ConnectionLost, error.ConnectionDone, exceptions.DownloadFailedError), "connection lost"),
)


def reason_of(exception: BaseException) -> str:
    for kinds, reason in REASONS:
        if isinstance(exception, kinds) or isinstance(exception.__cause__, kinds):
            return reason
    return type(exception).__name__


class DownloadFailuresMiddleware:
    """Placed after the retry middleware in the exception chain: it sees only final failures."""

    def __init__(self, stats):
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats)

    def process_exception(self, request, exception, spider=None):
        if isinstance(exception, exceptions.IgnoreRequest):
            return None  # robots.txt and scope refusals are counted where they are made
        resolver = GuardedResolver.installed()
        if resolver and urlparse_cached(request).hostname in resolver.refused:
            reason = "address guard"
        else:
            reason = reason_of(exception)
        self.stats.inc_value(f"ingest/download_failed/{reason}")
        return None

"""A crawl stopped by SIGTERM/SIGINT ends within seconds: Scrapy's graceful stop waits for every
download in flight, however slow its server, so the connections still open after
INGEST_SHUTDOWN_GRACE seconds are cut short. Their requests fail, are retried into the queue
that is saved for resuming, and are fetched by the next run.

SIGHUP, the terminal closing, stops it the same way: by default it killed the crawl on the spot,
with no summary and no resumable queue."""
from __future__ import annotations

import logging
import signal

from scrapy.crawler import CrawlerProcess
from twisted.internet.defer import Deferred

logger = logging.getLogger(__name__)


class StoppingProcess(CrawlerProcess):
    def _setup_reactor(self, install_signal_handlers: bool) -> None:
        super()._setup_reactor(install_signal_handlers)
        if install_signal_handlers:
            from twisted.internet import reactor

            # After Scrapy's own handlers, as Scrapy installs them: once the reactor has started.
            reactor.addSystemEventTrigger("after", "startup", signal.signal, signal.SIGHUP, self._signal_shutdown)

    def _signal_shutdown(self, signum, frame) -> None:
        super()._signal_shutdown(signum, frame)
        from twisted.internet import reactor

        grace = self.settings.getfloat("INGEST_SHUTDOWN_GRACE")
        reactor.callFromThread(reactor.callLater, grace, abort_downloads)


def abort_downloads() -> None:
    """Time out every download in flight now: Scrapy's HTTP handler gives each one a delayed
    `cancel` of its Deferred (DOWNLOAD_TIMEOUT); firing those ends them as timeouts would."""
    from twisted.internet import reactor

    timeouts = [call for call in reactor.getDelayedCalls()
                if call.active() and getattr(call.func, "__name__", "") == "cancel"
                and isinstance(getattr(call.func, "__self__", None), Deferred)]
    if timeouts:
        logger.info("stopping: %d download(s) still in flight cut short", len(timeouts))
    for call in timeouts:
        call.reset(0)

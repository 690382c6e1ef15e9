"""RedisScheduler: scrapy-redis's scheduler on the source's current run (its queue and seen-set outlive
any one worker, so the worker taking the source over continues them), with acknowledged requests and
the heartbeat that renews the source's lease; the run ends when a crawl drains it with nothing in flight.
"""
from __future__ import annotations

import logging
import os
import secrets
import socket
import time

from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy.utils.defer import deferred_from_coro
from scrapy_redis.scheduler import Scheduler
from twisted.internet import task

from . import keys
from .acks import ACK, request_settled
from .connection import ERRORS, connect
from .dupefilter import RunDupeFilter
from .lease import Leases
from .queue import AcknowledgedQueue, others_in_flight, reap_dead

logger = logging.getLogger(__name__)

ENDS_RUN = {"finished", "closespider_pagecount", "closespider_itemcount", "closespider_timeout"}


class RedisScheduler(Scheduler):
    def __init__(self, server, crawler, *, url: str, lease_seconds: float):
        super().__init__(server, persist=True)
        self.crawler = crawler
        self.stats = crawler.stats
        self.url = url
        self.leases = Leases(server, int(lease_seconds * 1000))
        self.beat_every = lease_seconds / 3
        self.crawler_id = f"{socket.gethostname()}-{os.getpid()}-{secrets.token_hex(3)}"
        self.heartbeat: task.LoopingCall | None = None
        self.lost: str | None = None  # why the crawl must stop: Redis gone, or the lease taken

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        url = settings["INGEST_REDIS_URL"]
        scheduler = cls(connect(url), crawler, url=url,
                        lease_seconds=settings.getfloat("INGEST_REDIS_LEASE_SECONDS"))
        crawler.signals.connect(scheduler._settled, signal=request_settled)
        crawler.signals.connect(scheduler._item_done, signal=signals.item_dropped)
        crawler.signals.connect(scheduler._item_done, signal=signals.item_error)
        crawler.signals.connect(scheduler._idle, signal=signals.spider_idle)
        return scheduler

    def open(self, spider):
        self.spider = spider
        self.source = spider.source
        self.token = getattr(spider, "lease", None)
        self.run_id = self._current_run()
        self.queue = AcknowledgedQueue(self.server, spider, self.run_id, self.crawler_id)
        self.df = RunDupeFilter(self.server, key=keys.seen(self.run_id))
        self._beat()  # alive before the first pop
        returned = reap_dead(self.server, self.run_id)
        if returned or len(self.queue):
            logger.info("continuing run %s of %s: %d requests queued (%d returned by dead workers)",
                        self.run_id, self.source.name, len(self.queue), returned)
        self.heartbeat = task.LoopingCall(self._beat)
        self.heartbeat.start(self.beat_every, now=False)

    def _current_run(self) -> str:
        """The source's run in progress, or a new one."""
        fresh = f"{self.source.name}@{time.strftime('%Y%m%dT%H%M%S')}-{secrets.token_hex(3)}"
        self.server.set(keys.run(self.source.name), fresh, nx=True)
        return self.server.get(keys.run(self.source.name)).decode()

    # The queue

    def enqueue_request(self, request):
        replacing = request.meta.pop(ACK, None)  # a retry or redirect of an in-flight request
        try:
            if request.dont_filter:
                self.queue.push(request, replacing)
            elif not self.queue.push_unseen(request, self.df.key, self.df.request_fingerprint(request), replacing):
                self.df.log(request, self.spider)  # seen; a replaced request is settled: its new form was seen
                return False
        except ERRORS as error:
            self._stop("redis_lost", error)
            return False
        self.stats.inc_value("scheduler/enqueued/redis")  # no spider=: deprecated in Scrapy 2.19
        return True

    def next_request(self):
        if self.lost:
            return None
        try:
            request = self.queue.pop()
        except ERRORS as error:
            self._stop("redis_lost", error)
            return None
        if request is not None:
            self.stats.inc_value("scheduler/dequeued/redis")
        return request

    def has_pending_requests(self):
        if self.lost:
            return False
        try:
            return len(self.queue) > 0
        except ERRORS as error:
            self._stop("redis_lost", error)
            return False

    # Acknowledgement

    def _settled(self, token):
        try:
            self.queue.ack(token)
        except ERRORS as error:  # stays in flight: fetched again by the run's next holder
            self._stop("redis_lost", error)

    def _item_done(self, item, **kwargs):
        """Dropped with a reason, or failed in a pipeline: final."""
        token = getattr(item, "ack", None)
        if token:
            self._settled(token)

    def _idle(self):
        """Requests another worker's crawl held when it died come back once its heartbeat expires:
        the run is not over while any are out."""
        if self.lost:
            return
        try:
            if others_in_flight(self.server, self.run_id, self.crawler_id):
                reap_dead(self.server, self.run_id)
                raise DontCloseSpider
        except ERRORS as error:
            self._stop("redis_lost", error)

    # Heartbeat and lease

    def _beat(self):
        try:
            if self.token and not self.leases.renew(self.source.name, self.token, self.crawler_id):
                self._stop("lease_lost", "another worker holds the lease now")
            elif not self.token:
                self.server.set(keys.alive(self.crawler_id), "1", px=self.leases.ttl_ms)
        except ERRORS as error:
            self._stop("redis_lost", error)

    def _stop(self, reason: str, why) -> None:
        if self.lost:
            return
        self.lost = reason
        what = f"lost Redis at {self.url}" if reason == "redis_lost" else "lost the lease"
        logger.error("%s: %s; stopping the crawl of %s (its requests stay queued)", what, why,
                     self.source.name)
        deferred_from_coro(self.crawler.engine.close_spider_async(reason=reason))

    # Closing

    def close(self, reason):
        if self.heartbeat and self.heartbeat.running:
            self.heartbeat.stop()
        if self.lost:
            return  # Redis is gone or the source is another worker's: leave everything as it is
        try:
            if reason in ENDS_RUN and not self._unfinished(reason):
                self._end_run()
            else:
                self.queue.give_back()
            self.server.delete(keys.alive(self.crawler_id))
        except ERRORS as error:
            logger.error("lost Redis at %s while closing: %s", self.url, error)

    def _unfinished(self, reason: str) -> bool:
        """A crawl that ran dry with requests still out (its own, or a dead worker's) has not
        finished the run."""
        return reason == "finished" and (self.queue.held() > 0
                                         or others_in_flight(self.server, self.run_id, self.crawler_id))

    def _end_run(self) -> None:
        pipe = self.server.pipeline(transaction=True)
        pipe.delete(keys.queue(self.run_id), keys.seen(self.run_id), self.queue.in_flight)
        pipe.srem(keys.IN_FLIGHT, f"{self.run_id} {self.crawler_id}")
        pipe.delete(keys.run(self.source.name))
        pipe.zadd(keys.DUE, {self.source.name: time.time() + self.source.interval})
        pipe.execute()
        logger.info("run %s of %s finished", self.run_id, self.source.name)

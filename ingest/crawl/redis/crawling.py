"""`ingest crawl --redis URL`: the settings that put a crawl's queue and state in Redis, and the
leases on its sources that replace the local file locks."""
from __future__ import annotations

import os
import socket
import sys

from .connection import ERRORS, connect
from .lease import Leases, new_token

SCHEDULER = "ingest.crawl.redis.scheduler.RedisScheduler"
SETTLE = "ingest.crawl.redis.settling.SettleMiddleware"


def configure(settings, url: str) -> None:
    """Redis instead of SQLite, JOBDIR and file locks; the settle middleware nearest the engine,
    so it sees what the others let through."""
    settings.set("INGEST_REDIS_URL", url, priority="cmdline")
    settings.set("SCHEDULER", SCHEDULER, priority="cmdline")
    middlewares = dict(settings.getdict("SPIDER_MIDDLEWARES"))
    middlewares[SETTLE] = 10
    settings.set("SPIDER_MIDDLEWARES", middlewares, priority="cmdline")


class Held:
    """A lease this crawl took itself: released when the crawl is over."""

    def __init__(self, leases: Leases, source: str, token: str):
        self.leases, self.source, self.token = leases, source, token

    def close(self) -> None:
        try:
            self.leases.release(self.source, self.token)
        except ERRORS:
            pass  # Redis is gone: the lease expires by itself


def claim(settings, sources) -> tuple[list, list[Held], dict[str, str]]:
    """The sources this crawl may run, the leases it took, and each source's lease token.

    A lease handed down by `ingest schedule --redis` (INGEST_REDIS_LEASE) is used as it is;
    otherwise the crawl takes each source's lease, and skips a source another worker holds.
    Raises RedisUnreachable.
    """
    client = connect(settings["INGEST_REDIS_URL"])
    leases = Leases(client, int(settings.getfloat("INGEST_REDIS_LEASE_SECONDS") * 1000))
    handed = settings.get("INGEST_REDIS_LEASE")
    runnable, held, tokens = [], [], {}
    for source in sources:
        token = handed or new_token(f"{socket.gethostname()}-{os.getpid()}")
        if not handed and not leases.acquire(source.name, token):
            print(f"ingest crawl: source {source.name!r} is being crawled by another worker; skipped",
                  file=sys.stderr)
            continue
        if not handed:
            held.append(Held(leases, source.name, token))
        runnable.append(source)
        tokens[source.name] = token
    return runnable, held, tokens

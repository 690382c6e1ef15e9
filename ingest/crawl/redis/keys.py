"""Every key the workers share, in one place: `ingest:` then what it holds."""
from __future__ import annotations

PREFIX = "ingest"
DUE = f"{PREFIX}:due"  # sorted set: source -> when it is next due (seconds since the epoch)
IN_FLIGHT = f"{PREFIX}:inflight"  # set of "RUN CRAWLER": the in-flight sets that exist
EMITTED_HASH = f"{PREFIX}:emitted:hash"  # hash: article id -> content hash in the feed
EMITTED_FILE = f"{PREFIX}:emitted:file"  # hash: article id -> feed file holding it
FEED_FILES = f"{PREFIX}:feed_files"  # hash: feed file (date=.../name.jsonl) -> records


def lease(source: str) -> str:
    return f"{PREFIX}:lease:{source}"  # the worker crawling the source, with a TTL


def run(source: str) -> str:
    return f"{PREFIX}:run:{source}"  # the source's current run id, until the run finishes


def queue(run_id: str) -> str:
    return f"{PREFIX}:queue:{run_id}"  # sorted set of requests by priority


def seen(run_id: str) -> str:
    return f"{PREFIX}:seen:{run_id}"  # request fingerprints of this run


def in_flight(run_id: str, crawler: str) -> str:
    return f"{PREFIX}:inflight:{run_id}:{crawler}"  # popped by `crawler`, not yet settled


def alive(crawler: str) -> str:
    return f"{PREFIX}:alive:{crawler}"  # heartbeat of a crawl process, with a TTL


def page(url: str) -> str:
    return f"{PREFIX}:page:{url}"  # hash: validators of a page whose article is in the feed

"""A worker killed with SIGKILL mid-crawl, three times at different moments: its sources and its
in-flight requests go to the other workers; no article is lost or repeated, no partial file seen."""
from __future__ import annotations

import json
import time
from collections import Counter
from urllib.parse import urlsplit

from redis_server import redis_server  # noqa: F401 - the fixture
from sites.crawling import feed_files, partial_files, read_feed
from sites.hosts import host_sites, sources_file
from sites.workers import Worker, wait_for

HOSTS, ARTICLES = 4, 75
SMALL_FILES = ["-s", "INGEST_FEED_MAX_RECORDS=5", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=2"]


def lease_holders(client) -> set[int]:
    """Pids of the workers holding a source's lease now."""
    tokens = [client.get(f"ingest:lease:host{n}") for n in range(HOSTS)]
    return {int(t.decode().split("/")[0].rsplit("-", 1)[1]) for t in tokens if t}


def whole_files_only(out) -> bool:
    for path in feed_files(out):
        for line in path.read_text(encoding="utf-8").splitlines():
            json.loads(line)
    return True


def test_workers_killed_mid_crawl_lose_and_repeat_nothing(tmp_path, redis_server):  # noqa: F811
    sites = host_sites(HOSTS, ARTICLES)
    out, state = tmp_path / "feed", tmp_path / "state"
    sources = sources_file(tmp_path, sites, interval="1h")
    client = redis_server.client()
    workers = [Worker(sources, out, state, redis_server.url, extra=SMALL_FILES) for _ in range(3)]
    everything = [path for site in sites for path in site._sitemap_paths]
    killed = []
    try:
        for moment in (30, 110, 190):  # article pages served when a worker dies
            wait_for(lambda: sum(site.served_articles for site in sites) >= moment, 240,
                     f"{moment} article pages served", workers)
            for site in sites:  # hold the crawl where it is: requests popped and unanswered
                site.gate.clear()
            wait_for(lambda: lease_holders(client) and any(site.waiting for site in sites), 60,
                     "a crawl waiting on the site", workers)
            victim = next(w for w in workers if w.pid in lease_holders(client))
            victim.kill()
            killed.append(victim)
            assert whole_files_only(out)
            workers = [w for w in workers if w is not victim]
            workers.append(Worker(sources, out, state, redis_server.url, extra=SMALL_FILES))
            for site in sites:
                site.gate.set()
        wait_for(lambda: len(read_feed(out)) >= len(everything) and not client.keys("ingest:run:*"), 300,
                 "every source's run to finish", workers)
    finally:
        codes = [worker.stop() for worker in workers]
        for site in sites:
            site.stop()

    assert len(killed) == 3
    assert codes == [0, 0, 0]
    assert Counter(urlsplit(r["url"]).path for r in read_feed(out)) == Counter(everything)
    assert partial_files(out) == []
    assert whole_files_only(out)
    # The killed workers' runs were finished by the others: every source is done until its next time.
    assert client.zcard("ingest:due") == HOSTS
    assert all(due > time.time() for _, due in client.zrange("ingest:due", 0, -1, withscores=True))
    assert not client.keys("ingest:lease:*") and not client.keys("ingest:inflight:*")

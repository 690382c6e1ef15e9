"""`ingest schedule --redis`: several worker processes sharing one real Redis crawl every article
exactly once, rerun only what changed, and keep each host within its limit."""
from __future__ import annotations

import time
from collections import Counter
from urllib.parse import urlsplit

from redis_server import redis_server  # noqa: F401 - the fixture
from sites.crawling import feed_files, partial_files, read_feed
from sites.hosts import host_sites, sources_file
from sites.newsroom import add_sentence
from sites.server import Article
from sites.workers import Worker, runs_since, wait_for

HOSTS, ARTICLES, LIMIT = 4, 80, 2
# A download delay, however small: with none, Scrapy 2.19's downloader starts every queued request
# of a slot at once (each counts as transferring only once its coroutine runs), past the limit.
LIMITS = ["-s", f"CONCURRENT_REQUESTS_PER_DOMAIN={LIMIT}", "-s", "DOWNLOAD_DELAY=0.01"]


def articles_by_path(out) -> Counter:
    return Counter(urlsplit(record["url"]).path for record in read_feed(out))


def open_when_full(site) -> bool:
    if site.waiting >= LIMIT:
        site.gate.set()
    return site.gate.is_set()


def test_three_workers_write_every_article_once_then_only_what_changed(tmp_path, redis_server):  # noqa: F811
    sites = host_sites(HOSTS, ARTICLES)
    for site in sites:
        site.gate.clear()
    out, state = tmp_path / "feed", tmp_path / "state"
    sources = sources_file(tmp_path, sites, interval="1s")
    workers = [Worker(sources, out, state, redis_server.url, extra=LIMITS) for _ in range(3)]
    everything = [path for site in sites for path in site._sitemap_paths]
    try:
        # Each host holds as many requests as its limit lets in, then lets them all go.
        wait_for(lambda: all(open_when_full(site) for site in sites), 180,
                 "each host to receive its limit of requests", workers)
        wait_for(lambda: len(read_feed(out)) >= len(everything), 300, "every article in the feed", workers)

        # A rerun of every source: a run that began once the feed was complete.
        complete = time.time()
        wait_for(lambda: all(runs_since(workers, complete)[f"host{n}"] for n in range(HOSTS)),
                 180, "a rerun of every source", workers)
        assert articles_by_path(out) == Counter(everything)

        changed = [site._sitemap_paths[n] for site in sites for n in (3, 40)]
        for site in sites:
            for path in site._sitemap_paths:
                if path in changed:
                    site[path] = Article(add_sentence(site[path].body, "The council has since replied."))
        edited = time.time()
        wait_for(lambda: all(runs_since(workers, edited)[f"host{n}"] for n in range(HOSTS)),
                 180, "a run of every source after the change", workers)
    finally:
        codes = [worker.stop() for worker in workers]
        for site in sites:
            site.stop()

    assert codes == [0, 0, 0]
    assert articles_by_path(out) == Counter(everything) + Counter(changed)
    records = read_feed(out)
    assert len({(r["id"], r["content_hash"]) for r in records}) == len(records)
    assert partial_files(out) == []
    assert len(feed_files(out)) >= 2
    # Work was shared: more than one worker ran sources.
    assert sum(1 for worker in workers if worker.ended()) >= 2
    # Each host saw at most its limit of requests at once, and the gates made it reach it.
    assert [site.most_active for site in sites] == [LIMIT] * HOSTS

"""The Redis parts on a real Redis: the crawl state's atomic commit, the acknowledged queue, leases."""
from __future__ import annotations

import time

import pytest
from scrapy import Request, Spider

from ingest.crawl.redis import keys
from ingest.crawl.redis.lease import Leases
from ingest.crawl.redis.queue import AcknowledgedQueue, reap, reap_dead
from ingest.crawl.state import Emitted, open_state
from redis_server import redis_server  # noqa: F401 - the fixture


def entry(n: int, content: str = "a", url: str | None = None) -> Emitted:
    return Emitted(id=f"id{n}", canonical_url=f"https://news.example/{n}", content_hash=f"sha256:{content}{n}",
                   url=url or f"https://news.example/{n}", etag=f'"e{n}"', body_hash=f"sha256:b{n}")


@pytest.fixture
def state(redis_server):  # noqa: F811
    ledger = open_state("unused", redis_server.url)
    yield ledger
    ledger.close()


def test_a_committed_file_is_known_by_its_partition_and_name_wherever_mounted(state):
    state.commit_file("/mnt/a/feed/date=2026-11-30/articles-1.jsonl", [entry(1), entry(2)], leave_out=lambda p: None)
    assert state.is_committed("/other/mount/date=2026-11-30/articles-1.jsonl")
    assert not state.is_committed("/mnt/a/feed/date=2026-11-30/articles-2.jsonl")
    assert state.content_hash("id1") == "sha256:a1"
    assert state.validators("https://news.example/2").etag == '"e2"'
    assert state.body_hash("https://news.example/2") == "sha256:b2"
    assert state.count_emitted() == 2


def test_an_article_another_file_holds_unchanged_is_left_out_before_the_commit(state):
    state.commit_file("feed/date=2026-11-30/one.jsonl", [entry(1), entry(2)], leave_out=lambda p: None)
    taken_out = []
    repeats = state.commit_file("feed/date=2026-11-30/two.jsonl", [entry(3), entry(1), entry(2, "b"), entry(3)],
                                leave_out=taken_out.append)
    assert repeats == [1, 3]  # id1 unchanged in file one; id3 twice in this file
    assert taken_out == [[1, 3]]
    assert state.content_hash("id2") == "sha256:b2"  # changed: written again
    assert state.redis.hget(keys.EMITTED_FILE, "id1") == b"date=2026-11-30/one.jsonl"


def test_a_file_whose_every_article_repeats_is_not_recorded(state):
    state.commit_file("feed/date=2026-11-30/one.jsonl", [entry(1)], leave_out=lambda p: None)
    assert state.commit_file("feed/date=2026-11-30/two.jsonl", [entry(1)], leave_out=lambda p: None) == [0]
    assert not state.is_committed("feed/date=2026-11-30/two.jsonl")
    assert state.validators("https://news.example/1") is not None


class _Spider(Spider):
    name = "test"


def test_a_popped_request_is_in_flight_until_acknowledged_and_a_dead_workers_come_back(redis_server):  # noqa: F811
    client = redis_server.client()
    spider = _Spider()
    first = AcknowledgedQueue(client, spider, "run-1", "crawler-a")
    for n in range(3):
        first.push(Request(f"https://news.example/{n}", priority=n))
    popped = first.pop()
    assert popped.url == "https://news.example/2"  # the highest priority first
    assert len(first) == 2 and first.held() == 1
    first.ack(popped.meta["ingest_ack"])
    assert first.held() == 0

    first.pop()
    client.set(keys.alive("crawler-a"), "1", px=60_000)
    assert reap(client, "run-1", "crawler-a") == -1  # alive: left alone
    client.delete(keys.alive("crawler-a"))  # its heartbeat expired
    assert reap_dead(client) == 1
    assert len(first) == 2 and first.held() == 0
    assert not client.smembers(keys.IN_FLIGHT)

    second = AcknowledgedQueue(client, spider, "run-1", "crawler-b")
    assert {second.pop().url, second.pop().url} == {"https://news.example/0", "https://news.example/1"}


def test_a_retry_replaces_its_in_flight_request_in_one_step(redis_server):  # noqa: F811
    client = redis_server.client()
    queue = AcknowledgedQueue(client, _Spider(), "run-1", "crawler-a")
    queue.push(Request("https://news.example/1"))
    popped = queue.pop()
    retry = popped.replace(dont_filter=True)
    queue.push(retry, retry.meta.pop("ingest_ack"))
    assert queue.held() == 0 and len(queue) == 1


def test_a_lease_is_one_workers_until_it_expires(redis_server):  # noqa: F811
    client = redis_server.client()
    leases = Leases(client, ttl_ms=200)
    assert leases.acquire("sofx", "worker-a/1")
    assert not leases.acquire("sofx", "worker-b/1")
    assert not leases.renew("sofx", "worker-b/1", "crawler-b")
    assert not leases.release("sofx", "worker-b/1")
    assert leases.renew("sofx", "worker-a/1", "crawler-a")
    assert client.exists(keys.alive("crawler-a"))
    while client.exists(keys.lease("sofx")):  # worker a died: its lease runs out
        time.sleep(0.02)
    assert leases.acquire("sofx", "worker-b/1")
    assert not leases.renew("sofx", "worker-a/1", "crawler-a")
    assert leases.holder("sofx") == "worker-b/1"


def test_a_request_is_marked_seen_and_queued_in_one_step(redis_server):  # noqa: F811
    client = redis_server.client()
    queue = AcknowledgedQueue(client, _Spider(), "run-1", "crawler-a")
    request = Request("https://news.example/1")
    assert queue.push_unseen(request, keys.seen("run-1"), "fp1")
    assert not queue.push_unseen(request, keys.seen("run-1"), "fp1")
    assert len(queue) == 1 and client.sismember(keys.seen("run-1"), "fp1")
    redirected = queue.pop()
    moved = redirected.replace(url="https://news.example/1-moved")
    assert not queue.push_unseen(moved, keys.seen("run-1"), "fp1", moved.meta.pop("ingest_ack"))
    assert queue.held() == 0  # seen already: the redirect is settled, not left in flight

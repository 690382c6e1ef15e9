"""Redis not there: a clear error at start naming the URL; lost mid-run: the worker stops cleanly with
nothing half-committed, and a run once Redis is back completes the work exactly once."""
from __future__ import annotations

import json
import signal
import subprocess
import sys
from collections import Counter
from urllib.parse import urlsplit

from redis_server import RedisServer, free_port
from sites.crawling import FAST, REPO, _env, feed_files, partial_files, read_feed
from sites.hosts import host_sites, sources_file
from sites.workers import Worker, wait_for

SMALL_FILES = ["-s", "INGEST_FEED_MAX_RECORDS=4", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=2"]


def test_a_redis_that_does_not_answer_is_named_in_one_error_line(tmp_path):
    sources = tmp_path / "sources.toml"
    sources.write_text('[sources.a]\nstart = ["http://127.0.0.1:9/"]\n', encoding="utf-8")
    url = f"redis://127.0.0.1:{free_port()}/0"
    for command in ("schedule", "crawl"):
        result = subprocess.run([sys.executable, "-m", "ingest.crawl", command, "--sources", str(sources),
                                 "--out", str(tmp_path / "feed"), "--state", str(tmp_path / "state"), "--redis", url],
                                cwd=REPO, env=_env(), capture_output=True, text=True, timeout=120)
        assert result.returncode == 2
        assert result.stderr.startswith(f"ingest {command}: cannot reach Redis at {url}: ")
        assert "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1


def whole_files(out) -> list[dict]:
    return [json.loads(line) for path in feed_files(out) for line in path.read_text(encoding="utf-8").splitlines()]


def test_a_worker_that_loses_redis_stops_cleanly_and_a_later_run_completes(tmp_path):
    server = RedisServer(tmp_path / "redis").start()
    sites = host_sites(2, 40)
    out, state = tmp_path / "feed", tmp_path / "state"
    sources = sources_file(tmp_path, sites)
    everything = [path for site in sites for path in site._sitemap_paths]
    worker = Worker(sources, out, state, server.url, extra=SMALL_FILES)
    try:
        wait_for(lambda: sum(site.served_articles for site in sites) >= 16, 240, "16 article pages served", [worker])
        for site in sites:
            site.gate.clear()
        wait_for(lambda: len(read_feed(out)) >= 8 and any(site.waiting for site in sites), 120,
                 "the first feed files, and requests held by the site", [worker])
        server.stop(signal.SIGKILL)  # Redis dies with requests in flight
        for site in sites:
            site.gate.set()
        assert worker.process.wait(timeout=120) != 0
        log = "".join(worker.lines)
        assert f"lost Redis at {server.url}" in log
        assert "Traceback" not in log, log
        written = whole_files(out)  # every visible file whole, every record once
        assert len(written) == len({r["url"] for r in written}) < len(everything)

        server.start()  # back, with what it had persisted
        client = server.client()
        wait_for(lambda: not client.keys("ingest:lease:*"), 60, "the dead worker's leases to expire")
        result = subprocess.run([sys.executable, "-m", "ingest.crawl", "crawl", "--sources", str(sources),
                                 "--out", str(out), "--state", str(state), "--redis", server.url, *FAST],
                                cwd=REPO, env=_env(), capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr[-3000:]
    finally:
        worker.stop()
        for site in sites:
            site.stop()
        server.stop()
    assert Counter(urlsplit(r["url"]).path for r in whole_files(out)) == Counter(everything)
    assert partial_files(out) == []

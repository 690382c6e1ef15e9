"""Every outcome of a page settles its request in the shared queue, so a run ends with nothing in
flight: written, refused by robots.txt, an HTTP error, a server error given up on, a redirect."""
from __future__ import annotations

import subprocess
import sys

from redis_server import redis_server  # noqa: F401 - the fixture
from sites import generated
from sites.crawling import FAST, REPO, _env, read_feed
from sites.newsroom import PAGES
from sites.server import Article, Page, Redirect, Status, TestSite


def test_a_run_of_every_kind_of_outcome_ends_with_nothing_in_flight(tmp_path, redis_server):  # noqa: F811
    pages = generated.load_pages(PAGES)
    links = ["/news/first-story", "/gone", "/broken", "/private/secret", "/moved"]
    site = TestSite({
        "/robots.txt": Page("User-agent: *\nDisallow: /private/\n", content_type="text/plain"),
        "/": Page("<html><head><title>Home</title></head><body>"
                  + "".join(f'<a href="{link}">{link}</a>' for link in links) + "</body></html>"),
        "/news/first-story": Article(pages[0]),
        "/news/second-story": Article(pages[1]),
        "/gone": Status(404),
        "/broken": Status(500),
        "/private/secret": Article(pages[2]),
        "/moved": Redirect("/news/second-story"),
    }).start()
    try:
        result = subprocess.run([sys.executable, "-m", "ingest.crawl", "crawl", site.url("/"), "--out", str(tmp_path / "feed"),
                                 "--state", str(tmp_path / "state"), "--redis", redis_server.url, *FAST],
                                cwd=REPO, env=_env(), capture_output=True, text=True, timeout=300)
    finally:
        site.stop()
    assert result.returncode == 0, result.stderr[-3000:]
    assert sorted(r["url"].rsplit("/", 1)[-1] for r in read_feed(tmp_path / "feed")) == ["first-story", "second-story"]
    assert "/private/secret" not in site.paths()
    client = redis_server.client()
    assert not client.keys("ingest:run:*"), "the run did not end"
    assert not client.keys("ingest:inflight*") and not client.keys("ingest:queue:*")
    assert not client.keys("ingest:lease:*")

"""A crawl stopped by SIGINT resumes its queue: the next run fetches only what the first had not."""
from __future__ import annotations

import signal
from collections import Counter
from urllib.parse import urlsplit

from sites.crawling import (MANY_COMMITS, feed_files, held_article_site, partial_files, popen_crawl, read_feed,
                            run_crawl, wait_for)

ARTICLES = 60


def test_an_interrupted_crawl_resumes_where_it_stopped(tmp_path):
    # 12 pages answered, the others held: the SIGINT lands mid-crawl whatever the machine's load.
    site, paths, turnstile = held_article_site(ARTICLES, answered=12)
    out, state = tmp_path / "feed", tmp_path / "state"
    try:
        crawl = popen_crawl(site.url("/"), out=out, state=state, extra=MANY_COMMITS)
        wait_for(lambda: len(feed_files(out)) >= 2, 120, "two committed feed files")
        wait_for(lambda: turnstile.held > 0, 60, "a request held by the site")
        crawl.send_signal(signal.SIGINT)
        crawl.communicate(timeout=60)
        first = {urlsplit(r["url"]).path for r in read_feed(out)}
        assert 0 < len(first) < ARTICLES, "the interruption did not land in the middle of the crawl"
        assert (state / "jobs" / "127.0.0.1" / "interrupted").exists()
        hits_before = len(site.requested())

        turnstile.release()
        run_crawl(site.url("/"), out=out, state=state, extra=MANY_COMMITS)
        second_hits = [urlsplit(h.path).path for h in site.requested()[hits_before:]]
    finally:
        turnstile.release()
        site.stop()

    assert not first & set(second_hits), "the resumed crawl fetched pages the first had written"
    assert "/sitemap.xml" not in second_hits  # the queue was resumed, not rediscovered
    written = Counter(urlsplit(r["url"]).path for r in read_feed(out))
    assert sorted(written) == sorted(paths) and set(written.values()) == {1}
    assert partial_files(out) == []
    assert not (state / "jobs" / "127.0.0.1").exists()  # a finished crawl leaves nothing to resume

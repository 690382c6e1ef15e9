"""A crawl stopped by SIGINT resumes its queue: the next run fetches only what the first had not;
stopped from its terminal (Ctrl-C, or the terminal closed), it ends as cleanly."""
from __future__ import annotations

import os
import signal
import subprocess
from collections import Counter
from urllib.parse import urlsplit

import pytest
from sites.crawling import (MANY_COMMITS, REPO, _env, crawl_command, feed_files, held_article_site, partial_files,
                            popen_crawl, read_feed, run_crawl, wait_for)

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


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGHUP], ids=["Ctrl-C", "terminal closed"])
def test_a_crawl_stopped_from_its_terminal_ends_cleanly_without_a_traceback_and_resumes(tmp_path, stop):
    # A terminal signals the whole process group: the crawl, its cleaning workers and multiprocessing's
    # resource tracker. Ctrl-C printed a KeyboardInterrupt traceback per worker; a closed terminal
    # killed the crawl on the spot (no summary, no queue to resume).
    site, paths, turnstile = held_article_site(12, answered=6)
    out, state = tmp_path / "feed", tmp_path / "state"
    crawl = subprocess.Popen(crawl_command(site.url("/"), out=out, state=state, extra=MANY_COMMITS), cwd=REPO,
                             env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             start_new_session=True)
    try:
        wait_for(lambda: len(read_feed(out)) >= 4, 120, "a committed feed file")
        wait_for(lambda: turnstile.held > 0, 60, "a request held by the site")
        os.killpg(crawl.pid, stop)
        summary, said = crawl.communicate(timeout=60)  # Ctrl-C left it hanging, its workers dead
    finally:
        turnstile.release()
        site.stop()
        if crawl.poll() is None:
            os.killpg(crawl.pid, signal.SIGKILL)
    assert crawl.returncode == 0, said[-3000:]
    assert "Traceback" not in said and "KeyboardInterrupt" not in said and "resource_tracker" not in said, said[-3000:]
    assert "crawl 127.0.0.1: shutdown in" in summary
    assert (state / "jobs" / "127.0.0.1" / "interrupted").exists()
    assert partial_files(out) == []

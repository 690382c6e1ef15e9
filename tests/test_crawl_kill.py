"""A crawl killed with SIGKILL mid-way, then run again: every article in the feed exactly once, no partial file."""
from __future__ import annotations

import json
import signal
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

from sites.crawling import (MANY_COMMITS, feed_files, held_article_site, partial_files, popen_crawl, read_feed,
                            run_crawl, wait_for)

ARTICLES = 60


def children(pid: int) -> list[int]:
    return [int(c) for task in Path(f"/proc/{pid}/task").iterdir() for c in (task / "children").read_text().split()]


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def test_a_killed_crawl_run_again_leaves_every_article_exactly_once(tmp_path):
    # 12 pages answered, the others held: the kill lands mid-crawl whatever the machine's load.
    site, paths, turnstile = held_article_site(ARTICLES, answered=12)
    out, state = tmp_path / "feed", tmp_path / "state"
    try:
        crawl = popen_crawl(site.url("/"), out=out, state=state, extra=MANY_COMMITS)
        wait_for(lambda: len(feed_files(out)) >= 2, 120, "two committed feed files")
        wait_for(lambda: turnstile.held > 0, 60, "a request held by the site")
        workers = children(crawl.pid)
        assert workers, "no cleaning workers"
        crawl.send_signal(signal.SIGKILL)
        crawl.wait(timeout=30)
        wait_for(lambda: not [pid for pid in workers if alive(pid)], 15, "the workers to die with the crawl")
        before = read_feed(out)
        assert 0 < len(before) < ARTICLES, "the kill did not land in the middle of the crawl"

        turnstile.release()
        run_crawl(site.url("/"), out=out, state=state, extra=MANY_COMMITS)
    finally:
        turnstile.release()
        site.stop()

    written = Counter(urlsplit(r["url"]).path for r in read_feed(out))
    assert sorted(written) == sorted(paths)
    assert set(written.values()) == {1}
    assert partial_files(out) == []
    for path in feed_files(out):  # every line of every file is a whole record
        for line in path.read_text(encoding="utf-8").splitlines():
            json.loads(line)

"""`scrapy crawl news -a ...` from the repository root: the same spider and pipelines as `ingest crawl`."""
from __future__ import annotations

import subprocess
from pathlib import Path

from sites import generated
from sites.crawling import REPO, _env, partial_files, read_feed
from sites.newsroom import PAGES


def test_scrapy_crawl_news_from_the_repository_root(tmp_path):
    site, paths = generated.article_site(generated.load_pages(PAGES), 5)
    generated.start(site)
    out, state = tmp_path / "feed", tmp_path / "state"
    scrapy = Path(REPO) / ".venv/bin/scrapy"
    command = [str(scrapy) if scrapy.exists() else "scrapy", "crawl", "news", "-a", f"start={site.url('/')}",
               "-s", f"INGEST_FEED_DIR={out}", "-s", f"INGEST_STATE_DIR={state}", "-s", "DOWNLOAD_DELAY=0",
               "-s", "AUTOTHROTTLE_ENABLED=False"]
    try:
        done = subprocess.run(command, cwd=REPO, env=_env(), capture_output=True, text=True, timeout=120)
    finally:
        site.stop()
    assert done.returncode == 0, done.stderr[-3000:]
    assert sorted(r["url"].removeprefix(site.root) for r in read_feed(out)) == sorted(paths)
    assert partial_files(out) == []

"""The spider and sitemap lastmod: a page the sitemap says is unchanged since our fetch is not requested."""
from __future__ import annotations

from scrapy.utils.test import get_crawler

from ingest.crawl import settings as ingest_settings
from ingest.crawl.ledger import Emitted, Ledger
from ingest.core.record import article_id
from spiders.news import NewsSpider

ROOT = "http://news.example"


def spider_with_state(state) -> NewsSpider:
    """The spider as `from_crawler` leaves it with conditional requests on and a crawl state."""
    project = {name: getattr(ingest_settings, name) for name in dir(ingest_settings) if name.isupper()}
    spider = NewsSpider(start=ROOT + "/")
    spider.crawler = get_crawler(NewsSpider, settings_dict=project)
    spider.ledger = Ledger.in_directory(state)
    return spider


def test_an_entry_unchanged_since_our_fetch_is_not_requested_by_the_sitemap_nor_by_a_link(tmp_path):
    url = ROOT + "/2024/05/story"
    fetched = 1_714_640_000.0  # 2024-05-02T08:53:20Z
    Ledger.in_directory(tmp_path).commit_file(
        tmp_path / "f.jsonl", [Emitted(article_id(url), url, "sha256:a", url, fetched_at=fetched)])
    spider = spider_with_state(tmp_path)
    assert not spider.unchanged_since_fetched(url, "2024-05-02T09:00:00+00:00")  # edited after our fetch
    assert not spider.unchanged_since_fetched(url, "2024-05-02")  # that day: it may have been later
    assert not spider.unchanged_since_fetched(url, None)
    assert not spider.unchanged_since_fetched(ROOT + "/never-fetched", "2001-01-01")
    assert spider.unchanged_since_fetched(url, "2024-05-02T08:00:00+00:00")
    assert [r.url for r in spider.requests([url, url + "?utm_source=home", ROOT + "/other"], hops=1)] == [ROOT + "/other"]
    assert spider.crawler.stats.get_value("ingest/requests/unchanged_by_lastmod") == 1


def test_lastmod_is_ignored_when_switched_off(tmp_path):
    url = ROOT + "/2024/05/story"
    Ledger.in_directory(tmp_path).commit_file(
        tmp_path / "f.jsonl", [Emitted(article_id(url), url, "sha256:a", url, fetched_at=1_714_640_000.0)])
    spider = spider_with_state(tmp_path)
    spider.skip_by_lastmod = False
    assert not spider.unchanged_since_fetched(url, "2024-05-01")

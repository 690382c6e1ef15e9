"""The item pipeline components, each built from a settings dict as Scrapy builds it."""
from __future__ import annotations

import asyncio
import gzip
from pathlib import Path

import pytest
from scrapy.exceptions import DropItem, NotConfigured
from scrapy.utils.test import get_crawler

from ingest.crawl import settings as ingest_settings
from ingest.crawl.items import PageItem
from ingest.crawl.ledger import Emitted, Ledger
from ingest.core.record import article_id
from pipelines.clean import CleanPipeline
from pipelines.dedup import DedupPipeline
from pipelines.ledger import LedgerPipeline
from pipelines.unchanged import UnchangedPagePipeline
from sites.newsroom import GALLERY

PAGE = gzip.decompress(next((Path(__file__).parent / "sites/pages").glob("01-*.html.gz")).read_bytes())


def page(body: bytes = PAGE, url: str = "http://news.example/2024/05/a-story") -> PageItem:
    return PageItem(url=url, body=body, encoding=None, fetched_at="2026-03-01T10:00:00+00:00", source="t")


def build(component, **settings):
    """The component as Scrapy would build it, with the project's settings and these overrides."""
    project = {name: getattr(ingest_settings, name) for name in dir(ingest_settings) if name.isupper()}
    crawler = get_crawler(settings_dict={**project, **settings})
    return component.from_crawler(crawler), crawler.stats


def clean_all(pipeline, items):
    async def run():
        pipeline.open_spider()
        try:
            return await asyncio.gather(*(pipeline.process_item(i) for i in items), return_exceptions=True)
        finally:
            pipeline.close_spider()
    return asyncio.run(run())


def test_cleaning_in_a_worker_gives_the_record_and_frees_the_page():
    pipeline, stats = build(CleanPipeline, INGEST_CLEAN_WORKERS=1)
    (item,) = clean_all(pipeline, [page()])
    assert item.record["url"] == "http://news.example/2024/05/a-story" and item.record["word_count"] > 100
    assert item.body == b""
    assert stats.get_value("ingest/clean/articles") == 1


def test_a_page_without_an_article_is_dropped_with_its_reason_counted():
    pipeline, stats = build(CleanPipeline, INGEST_CLEAN_WORKERS=1)
    good, bad = clean_all(pipeline, [page(), page(GALLERY.encode(), "http://news.example/2024/05/gallery")])
    assert good.record and isinstance(bad, DropItem) and str(bad).startswith("no_article")
    assert stats.get_value("ingest/dropped/no_article") == 1


def test_a_crash_in_cleaning_is_a_counted_drop_and_the_other_pages_go_on(monkeypatch):
    import pipelines.clean as module
    real = module.clean_page

    def crash_on_one(body, url, *args):
        if url.endswith("/boom"):
            raise RecursionError("maximum recursion depth exceeded")
        return real(body, url, *args)

    monkeypatch.setattr(module, "clean_page", crash_on_one)
    pipeline, stats = build(CleanPipeline, INGEST_CLEAN_WORKERS=0)
    results = clean_all(pipeline, [page(url="http://news.example/boom"), page()])
    assert isinstance(results[0], DropItem) and "RecursionError" in str(results[0])
    assert results[1].record
    assert stats.get_value("ingest/dropped/internal") == 1


def test_a_page_past_the_time_limit_is_dropped_as_a_timeout():
    pipeline, stats = build(CleanPipeline, INGEST_CLEAN_WORKERS=1, INGEST_CLEAN_TIMEOUT=0.000001)
    (result,) = clean_all(pipeline, [page()])
    assert isinstance(result, DropItem)
    assert stats.get_value("ingest/dropped/clean_timeout") == 1


def test_the_crawls_of_one_process_share_one_pool_which_the_last_to_close_stops():
    first, _ = build(CleanPipeline, INGEST_CLEAN_WORKERS=2)
    second, _ = build(CleanPipeline, INGEST_CLEAN_WORKERS=2)

    async def run():
        first.open_spider()
        second.open_spider()
        shared = first.workers
        assert second.workers is shared
        items = await asyncio.gather(first.process_item(page()), second.process_item(page()))
        processes = list(shared.executor._processes.values())
        assert len(processes) == 2
        first.close_spider()
        assert all(p.is_alive() for p in processes)  # the second crawl still cleans with them
        second.close_spider()
        assert not any(p.is_alive() for p in processes)
        return items

    assert all(item.record for item in asyncio.run(run()))


def test_cleaning_switched_off_removes_the_component():
    with pytest.raises(NotConfigured):
        build(CleanPipeline, INGEST_CLEAN_ENABLED=False)


def cleaned(url: str, canonical: str, content_hash: str = "sha256:a") -> PageItem:
    item = page(url=url)
    item.record = {"id": article_id(canonical), "url": url, "canonical_url": canonical,
                   "content_hash": content_hash}
    return item


def test_tracking_queries_and_fragments_do_not_make_a_new_article():
    dedup, stats = build(DedupPipeline)
    dedup.process_item(cleaned("http://n.example/a", "http://n.example/a"))
    for variant in ("http://n.example/a?utm_source=rss&utm_medium=feed", "http://n.example/a#comments",
                    "http://n.example/a?fbclid=IwAR0&gclid=x"):
        with pytest.raises(DropItem, match="duplicate"):
            dedup.process_item(cleaned(variant, variant))
    with pytest.raises(DropItem):  # another URL whose canonical link names the same article
        dedup.process_item(cleaned("http://n.example/amp/a", "http://n.example/a?utm_campaign=x"))
    assert dedup.process_item(cleaned("http://n.example/b?page=2", "http://n.example/b?page=2"))
    assert stats.get_value("ingest/dropped/duplicate") == 4


def test_an_article_in_the_feed_with_the_same_body_is_dropped_as_unchanged(tmp_path):
    Ledger.in_directory(tmp_path).commit_file(tmp_path / "f.jsonl", [
        Emitted(article_id("http://n.example/a"), "http://n.example/a", "sha256:a", "http://n.example/a")])
    ledger, stats = build(LedgerPipeline, INGEST_STATE_DIR=str(tmp_path))
    ledger.open_spider()
    with pytest.raises(DropItem, match="unchanged"):
        ledger.process_item(cleaned("http://n.example/a", "http://n.example/a", "sha256:a"))
    assert ledger.process_item(cleaned("http://n.example/a", "http://n.example/a", "sha256:CHANGED"))
    assert ledger.process_item(cleaned("http://n.example/b", "http://n.example/b"))
    ledger.close_spider()
    assert stats.get_value("ingest/dropped/unchanged") == 1


def test_a_worker_that_dies_mid_page_is_replaced_and_the_page_cleaned_again():
    pipeline, stats = build(CleanPipeline, INGEST_CLEAN_WORKERS=1)

    async def run():
        pipeline.open_spider()
        try:
            first = pipeline.workers.executor
            cleaning = asyncio.ensure_future(pipeline.process_item(page()))
            await asyncio.sleep(0)  # let the page reach the pool
            for process in list(first._processes.values()):
                process.kill()  # as the kernel's OOM killer would
            item = await cleaning
            assert pipeline.workers.executor is not first
            return item
        finally:
            pipeline.close_spider()

    item = asyncio.run(run())
    assert item.record and item.record["word_count"] > 100
    assert not stats.get_value("ingest/dropped/clean_crashed")


def test_a_page_identical_to_the_one_last_written_is_dropped_before_cleaning(tmp_path):
    import hashlib

    url = "http://n.example/2024/05/a-story"
    Ledger.in_directory(tmp_path).commit_file(tmp_path / "f.jsonl", [
        Emitted(article_id(url), url, "sha256:a", url, body_hash="sha256:" + hashlib.sha256(PAGE).hexdigest())])
    unchanged, stats = build(UnchangedPagePipeline, INGEST_STATE_DIR=str(tmp_path))
    unchanged.open_spider()
    with pytest.raises(DropItem, match="unchanged_page"):
        unchanged.process_item(page(PAGE, url))
    edited = unchanged.process_item(page(PAGE.replace(b"</p>", b" Updated.</p>", 1), url))
    assert edited.body_hash.startswith("sha256:") and edited.record is None
    assert unchanged.process_item(page(PAGE, "http://n.example/2024/05/never-seen"))
    unchanged.close_spider()
    assert stats.get_value("ingest/dropped/unchanged_page") == 1

"""A source's switches (`markdown`, `tables`, ...) and filters (`language`, `since`, `until`) in a real crawl."""
from __future__ import annotations

import pytest

from sites import generated
from sites.crawling import read_feed, run_crawl
from sites.newsroom import PAGES


@pytest.fixture(scope="module")
def site():
    site, _ = generated.article_site(generated.load_pages(PAGES), 4)
    generated.start(site)
    yield site
    site.stop()


def _crawl(site, tmp_path, keys: str):
    tmp_path.mkdir(parents=True, exist_ok=True)
    sources = tmp_path / "sources.toml"
    sources.write_text(f'[sources.news]\nstart = ["{site.url("/")}"]\n{keys}\n', encoding="utf-8")
    done = run_crawl("news", "--sources", str(sources), out=tmp_path / "feed", state=tmp_path / "state")
    return read_feed(tmp_path / "feed"), done.stdout


def test_a_sources_switches_reach_the_cleaning_of_its_pages(site, tmp_path):
    records, _ = _crawl(site, tmp_path, "markdown = true\nlinks = true")
    assert len(records) == 4
    assert all(r["markdown"] and r["text"] for r in records)
    assert any("](http" in r["markdown"] for r in records)


def test_a_sources_filters_drop_records_outside_them_and_count_them(site, tmp_path):
    everything, _ = _crawl(site, tmp_path / "all", "")
    language = everything[0]["language"]
    kept, summary = _crawl(site, tmp_path / "other", f'language = "{language}"')
    assert sorted(r["url"] for r in kept) == sorted(r["url"] for r in everything)
    absent = next(code for code in ("sw", "tl", "cy") if all(r["language"] != code for r in everything))
    none, summary = _crawl(site, tmp_path / "none", f'language = "{absent}"')
    assert none == []
    assert f"filtered_language {len(everything)}" in summary

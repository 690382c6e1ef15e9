"""A crawl of the loopback news site: every article once, nothing else; then recrawls with the same state."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import duckdb
import jsonschema
import pytest

from sites import newsroom
from sites.crawling import feed_files, partial_files, read_feed, run_crawl

SCHEMA = json.loads((Path(__file__).parents[1] / "ingest/schema/article.schema.json").read_text())


@pytest.fixture(scope="module")
def room():
    room = newsroom.start(newsroom.build())
    yield room
    room.site.stop()


@pytest.fixture(scope="module")
def first(room, tmp_path_factory):
    base = tmp_path_factory.mktemp("crawl")
    out, state = base / "feed", base / "state"
    result = run_crawl(room.site.url("/"), out=out, state=state)
    return {"out": out, "state": state, "stdout": result.stdout, "hits": room.site.requested()}


def written_paths(out: Path) -> Counter:
    return Counter(urlsplit(r["url"]).path + (("?" + urlsplit(r["url"]).query) if urlsplit(r["url"]).query else "")
                   for r in read_feed(out))


def test_every_article_appears_exactly_once_and_nothing_else(room, first):
    written = written_paths(first["out"])
    assert sorted(written) == sorted(room.articles)
    assert set(written.values()) == {1}


@pytest.mark.parametrize("mechanism", list(newsroom.build().by_mechanism))
def test_each_discovery_mechanism_finds_its_articles(room, first, mechanism):
    assert set(room.by_mechanism[mechanism]) <= set(written_paths(first["out"]))


def test_robots_txt_disallowed_article_is_never_requested(room, first):
    assert room.private not in [hit.path for hit in first["hits"]]
    assert any(hit.path == "/sitemap_index.xml" for hit in first["hits"]), "robots.txt Sitemap: line not followed"
    assert [hit.path for hit in first["hits"]].count("/robots.txt") == 1


def test_error_pages_are_requested_and_counted_not_written(first):
    paths = [hit.path for hit in first["hits"]]
    assert paths.count("/news/2024/05/removed-story-that-is-gone-now") == 1
    assert paths.count("/news/2024/05/story-whose-server-fails") == 2  # once, and one retry
    assert "404: 1" in first["stdout"] and "500: 1" in first["stdout"]


def test_tracking_query_links_fetch_the_article_once_without_tracking(room, first):
    paths = [hit.path for hit in first["hits"]]
    for path in room.by_mechanism["link on the home page, also with tracking query"] + \
            room.by_mechanism["only a tracking-query link"]:
        assert paths.count(path) == 1
        assert not [p for p in paths if p.startswith(path + "?")]


def test_redirected_article_is_written_under_its_final_url(room, first):
    records = read_feed(first["out"])
    (target,) = room.by_mechanism["redirect"]
    assert [r for r in records if r["url"].endswith(target)]
    assert not [r for r in records if "/old/" in r["url"]]


def test_non_article_pages_are_fetched_but_never_written(first):
    fetched = {hit.path for hit in first["hits"]}
    others = {"/", "/about", "/contact", "/tag/harbour", "/section/world"}
    assert others <= fetched
    written = set(written_paths(first["out"]))
    assert not (others | {"/news/2024/05/photo-gallery-harbour-lights-at-night"}) & written
    # Pages that say nothing about themselves go to clean, which drops them: the gallery (an article
    # page without an article), the tag and section pages (too little text), the front page (a listing).
    assert "no_article 3, not_article 1" in first["stdout"]


def test_feed_has_no_partial_file_and_reads_in_duckdb_as_schema_valid_records(first):
    out = first["out"]
    assert feed_files(out) and not partial_files(out)
    rows = duckdb.sql(
        f"SELECT * FROM read_json('{out}/*/*.jsonl', format='newline_delimited', hive_partitioning=true)")
    columns = rows.columns
    records = [dict(zip(columns, row)) for row in rows.fetchall()]
    assert len(records) == len(read_feed(out))
    assert {"id", "url", "canonical_url", "text", "content_hash", "date"} <= set(columns)
    for record in read_feed(out):
        jsonschema.validate(record, SCHEMA)
    assert len({r["id"] for r in records}) == len(records)


def test_second_crawl_writes_nothing_and_after_three_edits_exactly_those_three(room, first):
    out, state = first["out"], first["state"]
    files_before = feed_files(out)
    since = len(room.site.requested())
    second = run_crawl(room.site.url("/"), out=out, state=state)
    assert feed_files(out) == files_before, second.stdout
    hits = room.site.requested()[since:]
    not_modified = {h.path for h in hits if h.status == 304}
    # Listed in a sitemap with a lastmod before our fetch: not requested at all.
    assert not set(room.in_sitemaps) & {h.path for h in hits}
    assert f"not requested      {len(room.in_sitemaps)} " in second.stdout
    # The others are asked for conditionally; the article behind a redirect is fetched whole,
    # found the same page as last time and never cleaned.
    assert not_modified == set(room.articles) - set(room.by_mechanism["redirect"]) - set(room.in_sitemaps)
    assert "unchanged_page 1" in second.stdout

    revised = room.articles[:1] + room.articles[5:6] + room.articles[-1:]
    for path in revised:
        room.revise(path)
    run_crawl(room.site.url("/"), out=out, state=state)
    new_files = [f for f in feed_files(out) if f not in files_before]
    rewritten = [urlsplit(json.loads(line)["url"]).path for f in new_files for line in f.open()]
    assert sorted(rewritten) == sorted(revised)
    assert not partial_files(out)


def test_two_sources_over_one_site_crawled_together_write_each_article_once(room, tmp_path):
    # Overlapping sources (a site's front page and its sitemap, say) crawl side by side in one
    # process; each meets every article and writes it before either commits a file.
    sources = tmp_path / "sources.toml"
    sources.write_text(f'[sources.desk]\nstart = ["{room.site.url("/")}"]\n'
                       f'[sources.mirror]\nstart = ["{room.site.url("/")}"]\n')
    out = tmp_path / "feed"
    result = run_crawl("desk", "mirror", out=out, state=tmp_path / "state", extra=["--sources", str(sources)])
    assert "crawl desk:" in result.stdout and "crawl mirror:" in result.stdout
    written = written_paths(out)
    assert sorted(written) == sorted(room.articles)
    assert set(written.values()) == {1}
    assert not partial_files(out)


@pytest.mark.parametrize("setting", ["ROBOTSTXT_PARSER=scrapy.robotstxt.PythonRobotParser", "ROBOTSTXT_OBEY=False"])
def test_robots_txt_sitemaps_are_found_with_another_parser_or_robots_txt_not_obeyed(room, tmp_path, setting):
    since = len(room.site.requested())
    out = tmp_path / "feed"
    run_crawl(room.site.url("/"), out=out, state=tmp_path / "state", extra=["-s", setting])
    paths = [hit.path for hit in room.site.requested()[since:]]
    assert paths.count("/robots.txt") == 1
    assert set(room.by_mechanism["gzip sitemap via sitemap index via robots.txt"]) <= set(written_paths(out))

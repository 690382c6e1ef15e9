"""sources.toml: one table per source; mistakes are reported with where they are."""
from __future__ import annotations

import re
import subprocess

import pytest
from helpers import INGEST

from ingest.crawl.sources import SourcesError, load_sources, parse_duration, source_from_urls


def write(tmp_path, text: str):
    path = tmp_path / "sources.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_full_source_table(tmp_path):
    sources = load_sources(write(tmp_path, """
[sources.sofx]
start = ["https://sofx.com/", "https://sofx.com/feed/"]
interval = "15m"
allow = ["/20\\\\d\\\\d/"]
deny = ["/tag/", "\\\\?replytocom="]
depth = 3
page_limit = 500
delay = 2.5
concurrency = 1
hosts = ["cdn.sofx.com"]
settings = { AUTOTHROTTLE_TARGET_CONCURRENCY = 0.5 }
"""))
    source = sources["sofx"]
    assert source.start == ("https://sofx.com/", "https://sofx.com/feed/")
    assert source.interval == 900
    assert source.depth == 3 and source.page_limit == 500
    assert source.allowed_hosts == ("sofx.com", "cdn.sofx.com")
    assert source.settings == {"AUTOTHROTTLE_TARGET_CONCURRENCY": 0.5, "DOWNLOAD_DELAY": 2.5,
                               "CONCURRENT_REQUESTS_PER_DOMAIN": 1}
    assert source.allows("https://sofx.com/2024/05/story") and not source.allows("https://sofx.com/tag/x")
    assert not source.allows("https://sofx.com/about")


def test_defaults_leave_depth_and_limit_to_the_settings(tmp_path):
    source = load_sources(write(tmp_path, '[sources.a]\nstart = "https://a.example/"\n'))["a"]
    assert source.interval == 3600 and source.depth is None and source.page_limit is None
    assert source.allows("https://a.example/anything")


@pytest.mark.parametrize("text, complaint", [
    ('[sources.a]\nstart = "ftp://a.example/"\n', "start"),
    ('[sources.a]\nstart = "https://a.example/"\ninterval = "soon"\n', "interval"),
    ('[sources.a]\nstart = "https://a.example/"\ndepht = 2\n', "depht"),
    ('[sources.a]\nstart = "https://a.example/"\ndeny = ["("]\n', "deny"),
    ('[sources.a]\nstart = "https://a.example/"\ndepth = -1\n', "depth"),
    ('[sources.a]\nstart = "https://a.example/"\nlanguage = ["jp"]\n', "sources.a.language: jp is not a language"),
    ('[sources.a]\nstart = "https://a.example/"\ndelay = "fast"\n', "sources.a.delay: expected a number, got 'fast'"),
    ('[sources.a]\nstart = "https://a.example/"\ndelay = -1\n', "sources.a.delay: expected 0 or more, got -1"),
    # No request allowed at once: the crawl never fetched and never ended, not even on SIGTERM.
    ('[sources.a]\nstart = "https://a.example/"\nconcurrency = 0\n',
     "sources.a.concurrency: expected 1 or more, got 0 (no request could ever be made)"),
    ('[sources.a]\nstart = "https://a.example/"\nhosts = ["https://cdn.a.example/"]\n',
     "sources.a.hosts: expected host names like news.example, got 'https://cdn.a.example/'"),
    ('[sources.a]\nstart = "https://a.example/"\nhosts = "cdn.a.example:8080"\n', "sources.a.hosts: expected host names"),
    ('[sources.a]\nstart = "https://a.example/"\nobey_robots = "maybe"\n',
     "sources.a.obey_robots: expected true or false, got 'maybe'"),
    ('[sources.a]\nstart = "https://a.example/"\nsettings = { CONCURRENT_REQUESTS = "many" }\n',
     "sources.a.settings.CONCURRENT_REQUESTS: expected a whole number, got 'many'"),
    ('[sources.a]\nstart = "https://a.example/"\nsettings = { CONCURRENT_REQUESTS = 1.5 }\n',
     "sources.a.settings.CONCURRENT_REQUESTS: expected a whole number, got 1.5"),
    ('[sources.a]\nstart = "https://a.example/"\nsince = 2025-01-01\nuntil = 2024-06-01\n',
     "sources.a.until: 2024-06-01 is not after since 2025-01-01; no record could match"),
    ("[other]\nx = 1\n", "no [sources.NAME]"),
    ("[sources.a\n", "sources.toml"),
])
def test_mistakes_name_the_key_and_the_file(tmp_path, text, complaint):
    with pytest.raises(SourcesError, match=re.escape(complaint)):
        load_sources(write(tmp_path, text))


@pytest.mark.parametrize("value, seconds", [(90, 90), ("90s", 90), ("15m", 900), ("1h", 3600), ("1.5h", 5400),
                                            ("1d", 86400), ("30", 30)])
def test_durations(value, seconds):
    assert parse_duration(value) == seconds


@pytest.mark.parametrize("url, reason", [
    ("http://[::1", "Invalid IPv6 URL"), ("https://news.example:99999/", "Port out of range"),
    ("https://", "no host"), ("http://news .example/", "white space in the host"),
])
def test_a_start_url_that_cannot_be_fetched_is_refused_with_its_reason(tmp_path, url, reason):
    # In a sources file and on the command line alike: the source, the URL and why, not a traceback.
    with pytest.raises(SourcesError, match=re.escape(f"sources.a: start URL {url!r}: {reason}")):
        load_sources(write(tmp_path, f'[sources.a]\nstart = ["https://news.example/", "{url}"]\n'))
    with pytest.raises(SourcesError, match=re.escape(f"command line: start URL {url!r}: {reason}")):
        source_from_urls([url])


def test_urls_make_an_adhoc_source_named_for_the_host():
    source = source_from_urls(["https://news.example/", "https://news.example/rss"])
    assert source.name == "news.example" and source.allowed_hosts == ("news.example",)


def test_switches_and_filters_as_source_keys(tmp_path):
    from datetime import datetime, timezone

    from ingest import DEFAULT

    source = load_sources(write(tmp_path, """
[sources.lemonde]
start = "https://www.lemonde.fr/"
markdown = true
links = true
tables = false
comments = false
language = ["fr", "en"]
since = 2024-09-01
until = "2024-09-30"
"""))["lemonde"]
    options = source.options(DEFAULT)
    assert (options.markdown, options.links, options.tables, options.comments, options.images) == \
        (True, True, False, False, False)
    assert source.filters.languages == ("fr", "en")
    assert source.filters.since == datetime(2024, 9, 1, tzinfo=timezone.utc)
    assert source.filters.until == datetime(2024, 10, 1, tzinfo=timezone.utc)  # the whole last day


@pytest.mark.parametrize("line, message", [
    ('links = "yes"', "sources.a.links: expected true or false"),
    ('language = "french"', "sources.a.language: expected ISO 639-1 codes"),
    ('since = "last week"', "sources.a.since: expected a date like 2024-09-17"),
])
def test_a_bad_switch_or_filter_says_which_key(tmp_path, line, message):
    with pytest.raises(SourcesError, match=re.escape(message)):
        load_sources(write(tmp_path, f'[sources.a]\nstart = "https://a.example/"\n{line}\n'))


def test_a_sources_file_saved_with_a_byte_order_mark_reads_and_one_not_in_utf8_is_said_in_one_line(tmp_path):
    table = '[sources.a]\nstart = "https://a.example/"\n'
    path = tmp_path / "sources.toml"
    path.write_bytes(b"\xef\xbb\xbf" + table.encode())  # as some editors save UTF-8
    assert list(load_sources(path)) == ["a"]
    path.write_bytes(table.encode("utf-16"))  # a traceback, before
    with pytest.raises(SourcesError, match=re.escape(f"{path}: not UTF-8 text (invalid start byte at byte 0)")):
        load_sources(path)
    crawl = subprocess.run([INGEST, "crawl", "--sources", str(path)], capture_output=True, text=True, timeout=60)
    assert crawl.returncode == 2
    assert crawl.stderr == f"ingest crawl: {path}: not UTF-8 text (invalid start byte at byte 0)\n"


def test_allow_and_deny_match_a_url_written_with_escapes_or_without_and_an_idna_host_either_way(tmp_path):
    source = load_sources(write(tmp_path, """
[sources.ru]
start = "https://сайт.рф/"
allow = ["сайт\\\\.рф/новости/", "/%D0%B2%D0%B8%D0%B4%D0%B5%D0%BE/"]
deny = ["/реклама/"]
"""))["ru"]
    # A sitemap or a link may write the same address either way; the crawl follows it as written.
    assert source.allows("https://xn--80aswg.xn--p1ai/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8/1")
    assert source.allows("https://сайт.рф/новости/1")
    assert source.allows("https://сайт.рф/видео/2")  # the pattern copied from an address bar, escaped
    assert not source.allows("https://xn--80aswg.xn--p1ai/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8/%D1%80%D0%B5%D0%BA"
                             "%D0%BB%D0%B0%D0%BC%D0%B0/3")
    assert not source.allows("https://сайт.рф/спорт/4")

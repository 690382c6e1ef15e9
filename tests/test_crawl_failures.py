"""A crawl that could not do its job says so: failures counted by reason in the summary, a non-zero
exit with one clear line; and the feed never holds or claims more than a reader sees."""
from __future__ import annotations

import json
import resource
import subprocess
import threading

import pytest
from ingest.crawl.command import crawl_failure
from sites import generated
from sites.crawling import REPO, _env, crawl_command, feed_files, read_feed, run_crawl
from sites.newsroom import PAGES
from sites.server import Article, Held, Page, Reply, TestSite, Truncated

ROBOTS = Page("User-agent: *\nAllow: /\n", content_type="text/plain")


@pytest.fixture(scope="module")
def pages():
    return generated.load_pages(PAGES)


def listing(*paths: str) -> Reply:
    links = "".join(f'<li><a href="{p}">Story {i}</a></li>' for i, p in enumerate(paths))
    return Page(f"<!doctype html><html><head><title>Latest</title></head><body><ul>{links}</ul></body></html>")


def test_a_crawl_whose_start_url_refuses_the_connection_exits_non_zero_with_one_line(tmp_path):
    proc = subprocess.run(crawl_command("http://127.0.0.1:9/", out=tmp_path / "feed", state=tmp_path / "state"),
                          cwd=REPO, env=_env(), capture_output=True, text=True, timeout=180)
    assert proc.returncode == 1
    [line] = [line for line in proc.stderr.splitlines() if line.startswith("ingest crawl:")]
    assert line.startswith("ingest crawl: 127.0.0.1: no start URL could be fetched (connection refused ")
    assert "download failures  connection refused " in proc.stdout
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize("override, reason", [("DOWNLOAD_DELAY=fast", "expected a number, got 'fast'"),
                                              ("ROBOTSTXT_OBEY=maybe", "expected true or false, got 'maybe'"),
                                              ("CONCURRENT_REQUESTS=1.5", "expected a whole number, got '1.5'"),
                                              ("CONCURRENT_REQUESTS_PER_DOMAIN=0",
                                               "expected 1 or more, got '0' (no request could ever be made)"),
                                              ("RETRY_TIMES=-2", "expected 0 or more, got '-2'"),
                                              # each of these ended in a traceback
                                              ("LOG_LEVEL=debug", "expected a log level (DEBUG, INFO, WARNING, "
                                                                  "ERROR, CRITICAL), got 'debug'"),
                                              ("SCHEDULER=nope.Scheduler", "cannot load 'nope.Scheduler' "
                                               "(ModuleNotFoundError: No module named 'nope')"),
                                              ("ITEM_PIPELINES=[1]", "expected a JSON object, got '[1]'"),
                                              ('EXTENSIONS={"x.Y": 1}', "cannot load 'x.Y' "
                                               "(ModuleNotFoundError: No module named 'x')"),
                                              ("LOG_FILE=/nonexistent/log", "no folder '/nonexistent' to write "
                                                                            "the log in")])
def test_a_scrapy_setting_of_the_wrong_type_is_one_line_before_any_crawl(tmp_path, override, reason):
    # Scrapy reads it only when the crawl's engine is built: without the check, a Twisted traceback.
    proc = subprocess.run(crawl_command("http://127.0.0.1:9/", out=tmp_path / "feed", state=tmp_path / "state",
                                        extra=["-s", override]),
                          cwd=REPO, env=_env(), capture_output=True, text=True, timeout=180)
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == [f"ingest crawl: -s {override}: {reason}"]


@pytest.mark.parametrize("name, reason", [("gone", "no such directory"), ("a-file", "not a directory")])
def test_serving_a_folder_that_is_not_there_is_a_bad_argument(tmp_path, name, reason):
    (tmp_path / "a-file").write_text("x")
    proc = subprocess.run(crawl_command(out=tmp_path / "feed", state=tmp_path / "state",
                                        extra=["--serve", str(tmp_path / name)]),
                          cwd=REPO, env=_env(), capture_output=True, text=True, timeout=180)
    assert proc.returncode == 2  # it was 1, a crawl that failed, for an argument that named nothing
    assert proc.stderr == f"ingest crawl: --serve {tmp_path / name}: {reason}\n"


def test_a_misspelt_setting_is_said_once_and_the_crawl_goes_on(tmp_path):
    # Scrapy ignores a setting it does not know without a word: a typo silently did nothing.
    proc = subprocess.run(crawl_command("http://127.0.0.1:9/", out=tmp_path / "feed", state=tmp_path / "state",
                                        extra=["-s", "CONCURENT_REQUESTS=4", "-s", "CONCURENT_REQUESTS=5"]),
                          cwd=REPO, env=_env(), capture_output=True, text=True, timeout=180)
    warned = [line for line in proc.stderr.splitlines() if "CONCURENT_REQUESTS" in line]
    assert warned == ["ingest: -s CONCURENT_REQUESTS: not a setting of Scrapy or ingest (misspelt?); passed on as given"]
    assert proc.returncode == 1 and "no start URL could be fetched" in proc.stderr  # it crawled


def test_a_misspelt_setting_in_a_source_is_said_naming_the_source(tmp_path):
    sources = tmp_path / "sources.toml"
    sources.write_text('[sources.a]\nstart = "http://127.0.0.1:9/"\nsettings = { CONCURENT_REQUESTS = 4 }\n')
    proc = subprocess.run(crawl_command("a", out=tmp_path / "feed", state=tmp_path / "state",
                                        extra=["--sources", str(sources)]),
                          cwd=REPO, env=_env(), capture_output=True, text=True, timeout=180)
    assert [line for line in proc.stderr.splitlines() if "CONCURENT" in line] == [
        f"ingest: {sources}: sources.a.settings.CONCURENT_REQUESTS: not a setting of Scrapy or ingest (misspelt?); "
        "passed on as given"]
    assert proc.returncode == 1 and "no start URL could be fetched" in proc.stderr


def test_download_failures_are_counted_by_reason_in_the_summary(tmp_path, pages):
    never = threading.Event()
    site = TestSite({
        "/": listing("/news/2024/05/held-story", "/news/2024/05/huge-story", "/news/2024/05/cut-story"),
        "/robots.txt": ROBOTS,
        "/news/2024/05/held-story": Held(Article(pages[0]), never),
        "/news/2024/05/huge-story": Article(pages[1] * 40),
        "/news/2024/05/cut-story": Truncated(pages[2]),
    }).start()
    try:
        result = subprocess.run(crawl_command(site.url("/"), out=tmp_path / "feed", state=tmp_path / "state",
                                              extra=["-s", "DOWNLOAD_TIMEOUT=2", "-s", "RETRY_TIMES=0",
                                                     "-s", f"DOWNLOAD_MAXSIZE={len(pages[1]) * 20}"]),
                                cwd=REPO, env=_env(), capture_output=True, text=True, timeout=180)
    finally:
        never.set()
        site.stop()
    assert "download failures  data loss 1, timeout 1, too large 1" in result.stdout, result.stdout
    assert "Traceback" not in result.stderr


def test_a_url_that_cannot_be_read_costs_only_itself_not_its_sitemap_or_page(tmp_path, pages):
    # A sitemap whose first <loc> is a broken IPv6 literal and a home page announcing its feed at a
    # broken address: each is counted, the rest is crawled. (Scrapy's link extractor itself leaves
    # the link to a port out of range.)
    sitemap = ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
               "<url><loc>http://[::1/broken</loc></url><url><loc>/news/2024/05/listed-story</loc></url></urlset>")
    home = ('<html><head><link rel="alternate" type="application/rss+xml" href="http://[::1/feed"></head><body>'
            '<a href="/news/2024/05/linked-story">Story</a> <a href="http://127.0.0.1:99999/x">Elsewhere</a></body></html>')
    site = TestSite({
        "/": Page(home), "/robots.txt": Page("User-agent: *\nSitemap: /sitemap.xml\n", content_type="text/plain"),
        "/sitemap.xml": Page(sitemap, content_type="application/xml"),
        "/news/2024/05/listed-story": Article(pages[0]), "/news/2024/05/linked-story": Article(pages[1]),
    }).start()
    try:
        result = run_crawl(site.url("/"), out=tmp_path / "feed", state=tmp_path / "state")
    finally:
        site.stop()
    written = sorted(r["url"].rsplit("/", 1)[-1] for r in read_feed(tmp_path / "feed"))
    assert written == ["linked-story", "listed-story"]
    assert "refused            out of scope 0, address guard 0, bad URL 2" in result.stdout, result.stdout
    assert "Traceback" not in result.stderr


def test_a_relative_sitemap_line_in_robots_txt_is_read_against_the_robots_txt_url(tmp_path, pages):
    # "Sitemap: /news-sitemap.xml": not the default /sitemap.xml, and the only way to the story.
    sitemap = ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
               "<url><loc>/news/2024/05/listed-story</loc></url></urlset>")
    site = TestSite({
        "/": Page("<html><body><p>Nothing linked here.</p></body></html>"),
        "/robots.txt": Page("User-agent: *\nSitemap: /news-sitemap.xml\n", content_type="text/plain"),
        "/news-sitemap.xml": Page(sitemap, content_type="application/xml"),
        "/news/2024/05/listed-story": Article(pages[0]),
    }).start()
    try:
        result = run_crawl(site.url("/"), out=tmp_path / "feed", state=tmp_path / "state")
    finally:
        site.stop()
    assert [r["url"].rsplit("/", 1)[-1] for r in read_feed(tmp_path / "feed")] == ["listed-story"]
    assert "refused            out of scope 0, address guard 0, bad URL 0" in result.stdout, result.stdout


def test_a_hanging_robots_txt_is_given_up_quickly_and_not_retried(tmp_path, pages):
    never = threading.Event()
    site = TestSite({"/": listing("/news/2024/05/a-story"), "/news/2024/05/a-story": Article(pages[0]),
                     "/robots.txt": Held(Page("User-agent: *\nDisallow:\n", content_type="text/plain"), never)})
    site.start()
    try:
        run_crawl(site.url("/"), out=tmp_path / "feed", state=tmp_path / "state",
                  extra=["-s", "INGEST_ROBOTS_TIMEOUT=1"])
    finally:
        never.set()
        site.stop()
    assert [path for path, _ in site.arrived].count("/robots.txt") == 1
    assert [r["url"] for r in read_feed(tmp_path / "feed")] == [site.url("/news/2024/05/a-story")]


def test_robots_txt_crawl_delay_spaces_the_requests_to_its_site(tmp_path, pages):
    paths = [f"/news/2024/05/story-{i}" for i in range(3)]
    site = TestSite({"/": listing(*paths), "/robots.txt": Page("User-agent: *\nCrawl-delay: 1\n",
                                                                 content_type="text/plain"),
                     **{p: Article(pages[i]) for i, p in enumerate(paths)}}).start()
    try:
        run_crawl(site.url("/"), out=tmp_path / "feed", state=tmp_path / "state")
    finally:
        site.stop()
    times = [when for path, when in site.arrived if path != "/robots.txt"]
    assert len(times) >= 5  # the sitemap guess, the home page, three stories
    gaps = [later - earlier for earlier, later in zip(times, times[1:])]
    # A second apart (give or take the hops between the middleware and the server): not milliseconds.
    assert min(gaps) >= 0.5 and times[-1] - times[0] >= 0.9 * len(gaps), gaps


def test_an_rss_item_with_an_invalid_tag_name_loses_none_of_the_feeds_other_links(tmp_path, pages):
    paths = [f"/news/2024/05/fed-story-{i}" for i in range(3)]
    items = "".join(f"<item><title>Story {i}</title><a:>x</a:><link>{{root}}{p}</link></item>"
                    for i, p in enumerate(paths))
    site = TestSite({"/robots.txt": ROBOTS, **{p: Article(pages[i]) for i, p in enumerate(paths)}}).start()
    site["/feed.xml"] = Page(f'<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>'
                             f'{items.format(root=site.root)}</channel></rss>', content_type="application/rss+xml")
    try:
        run_crawl(site.url("/feed.xml"), out=tmp_path / "feed", state=tmp_path / "state")
    finally:
        site.stop()
    assert sorted(r["url"] for r in read_feed(tmp_path / "feed")) == [site.url(p) for p in paths]


def test_an_out_directory_that_cannot_be_made_is_one_line_and_exit_2(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    proc = subprocess.run(crawl_command("http://127.0.0.1:9/", out=blocker / "feed", state=tmp_path / "state"),
                          cwd=REPO, env=_env(), capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert proc.stderr == f"ingest crawl: --out {blocker / 'feed'}: cannot write there (Not a directory)\n"


def _file_size_limit(limit: int):
    return lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def test_a_feed_that_fails_mid_run_stops_the_crawl_and_the_summary_counts_only_what_is_visible(tmp_path, pages):
    site, _ = generated.article_site(pages, 40)
    generated.start(site)
    out = tmp_path / "feed"
    # Files may not grow past 96 KB: the feed file fails some records in, as a full disk would.
    command = crawl_command(site.url("/"), out=out, state=tmp_path / "state",
                            extra=["-s", "INGEST_RESUME=False", "-s", "INGEST_FEED_MAX_RECORDS=0"])
    try:
        proc = subprocess.run(command, cwd=REPO, env=_env(), capture_output=True, text=True, timeout=300,
                              preexec_fn=_file_size_limit(96 << 10))
    finally:
        site.stop()
    assert proc.returncode == 1, proc.stderr[-3000:]
    [line] = [line for line in proc.stderr.splitlines() if line.startswith("ingest crawl:")]
    assert line.startswith("ingest crawl: 127.0.0.1: stopped: the feed cannot be written (")
    assert "File too large" in line
    assert "Traceback" not in proc.stderr
    visible = [json.loads(line) for path in feed_files(out) for line in path.read_text().splitlines()]
    assert 0 < len(visible) < 40
    assert f"articles written   {len(visible)}\n" in proc.stdout


def test_a_crawl_whose_every_article_failed_inside_ingest_is_not_a_success():
    # What a crawl importing the wrong `ingest` package reported: pages fetched, none written.
    stats = {"finish_reason": "finished", "ingest/pages/article": 12, "ingest/dropped/internal": 12,
             "ingest/feed/records_committed": 0}
    assert crawl_failure(stats) == "every article page failed inside ingest (12 dropped as internal errors)"
    assert crawl_failure({**stats, "ingest/feed/records_committed": 3}) is None  # one bad page is not a failed crawl

"""A site's own names, however written, are in the crawl's scope. Under an international domain name
(bücher.test) Scrapy sends requests to the IDNA form (xn--bcher-kva.test), and the scope compares
hosts in that form: compared as written, the start page itself was out of scope, and the crawl
fetched and wrote nothing. A site reached as www.news.test that redirects to news.test (or the
other way) is one site: its own pages were refused likewise."""
from __future__ import annotations

from sites import generated
from sites.crawling import read_feed
from sites.names import crawl_by_name
from sites.newsroom import PAGES
from sites.server import Page, Redirect, Status

ARTICLES = 4


def test_a_site_under_an_international_domain_name_is_crawled_completely(tmp_path):
    site, paths = generated.article_site(generated.load_pages(PAGES), ARTICLES)
    site.start()
    root = f"http://bücher.test:{site.server.server_port}"
    # Its sitemap writes the name as a reader does; its pages' links as Scrapy sends them would do too.
    site["/sitemap.xml"] = Page('<?xml version="1.0" encoding="UTF-8"?>'
                                '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                                + "".join(f"<url><loc>{root}{p}</loc></url>" for p in paths) + "</urlset>",
                                content_type="application/xml")
    crawl = crawl_by_name(f"{root}/", site, tmp_path)
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    assert "crawl xn--bcher-kva.test: finished" in crawl.stdout, crawl.stdout
    assert "out of scope 0" in crawl.stdout, crawl.stdout
    written = sorted(r["url"] for r in read_feed(tmp_path / "feed"))
    assert written == sorted(f"http://xn--bcher-kva.test:{site.server.server_port}{p}" for p in paths)


def test_hosts_compare_in_their_idna_form_and_a_name_idna_cannot_write_is_a_bad_url():
    from ingest.crawl.guard import Scope
    from ingest.crawl.sources import source_from_table, source_from_urls
    from ingest.crawl.urls import canonicalize, url_problem

    scope = Scope.of(["https://bücher.example/"], hosts=["cdn.bücher.example"])
    assert scope.refusal("https://xn--bcher-kva.example/a") is None
    assert scope.refusal("https://BÜCHER.example/a") is None
    assert scope.refusal("https://img.xn--cdn-bcher-kva.example/") is not None
    assert scope.refusal("https://img.cdn.xn--bcher-kva.example/x.jpg") is None
    assert canonicalize("https://Bücher.example/a?utm_source=x") == canonicalize("https://xn--bcher-kva.example/a")
    source = source_from_table("b", {"start": "https://bücher.example/", "hosts": ["böcher.example"]})
    assert source.allowed_hosts == ("xn--bcher-kva.example", "xn--bcher-jua.example")  # Scrapy's offsite check
    # Two international names differing in one letter were one source name, sharing a resume folder.
    assert source_from_urls(["https://bücher.example/"]).name != source_from_urls(["https://böcher.example/"]).name
    assert "IDNA" in url_problem("https://" + "ä" * 70 + ".example/")


def test_a_crawl_started_at_a_www_name_follows_the_sites_redirect_to_its_bare_name(tmp_path):
    site, paths = generated.article_site(generated.load_pages(PAGES), ARTICLES)
    site.start()
    port = site.server.server_port
    bare = f"http://news.test:{port}"
    site["/"] = Page("<!doctype html><html><head><title>Home</title></head><body>"
                     + "".join(f'<a href="{bare}{p}">story</a> ' for p in paths) + "</body></html>")
    site["/start"] = Redirect(f"{bare}/")  # www.news.test/start -> news.test/, as sites redirect to one name
    site["/sitemap.xml"] = Status(404)
    crawl = crawl_by_name(f"http://www.news.test:{port}/start", site, tmp_path)
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    assert "out of scope 0" in crawl.stdout, crawl.stdout
    assert sorted(r["url"] for r in read_feed(tmp_path / "feed")) == sorted(f"{bare}{p}" for p in paths)


def test_a_host_and_its_www_name_are_one_site_and_other_subdomains_stay_out():
    from ingest.crawl.guard import Scope
    from ingest.crawl.sources import source_from_urls

    www = Scope.of(["https://www.news.example/"])
    assert www.refusal("https://news.example/a") is None and www.refusal("http://news.example/a") is None
    assert www.refusal("https://cdn.news.example/a") is not None
    assert Scope.of(["https://news.example/"]).refusal("https://www.news.example/a") is None
    on_a_port = Scope.of(["http://www.news.example:8080/"])
    assert on_a_port.refusal("http://news.example:8080/a") is None
    assert on_a_port.refusal("http://news.example:8081/a") is not None
    assert source_from_urls(["https://www.news.example/"]).allowed_hosts == ("www.news.example", "news.example")

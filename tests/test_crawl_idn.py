"""A site under an international domain name (bücher.test) is crawled like any other: Scrapy sends
its requests to the name's IDNA form (xn--bcher-kva.test), and every check of the crawl's scope
compares hosts in that form. Compared as written, the start page itself was out of scope: the
crawl fetched nothing and wrote nothing, and said only "out of scope 2"."""
from __future__ import annotations

import os
import subprocess

from sites import generated
from sites.crawling import FAST, REPO, crawl_command, read_feed
from sites.newsroom import PAGES
from sites.server import Page

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
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(REPO / "tests"), str(REPO)]))
    out, state = tmp_path / "feed", tmp_path / "state"
    try:
        crawl = subprocess.run(crawl_command(f"{root}/", out=out, state=state,
                                             extra=["-s", "TWISTED_DNS_RESOLVER=sites.names.LoopbackNames"]),
                               cwd=REPO, env=env, capture_output=True, text=True, timeout=180)
    finally:
        site.stop()
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    assert "crawl xn--bcher-kva.test: finished" in crawl.stdout, crawl.stdout
    assert "out of scope 0" in crawl.stdout, crawl.stdout
    written = sorted(r["url"] for r in read_feed(out))
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

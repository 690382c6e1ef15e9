"""Where a crawl may go: its start URLs' origins (scheme, host, port), and no private or loopback
address but its own, refused by redirect, by link, by sitemap entry, or by DNS."""
from __future__ import annotations

import subprocess
import sys

import pytest
from sites import generated
from sites.crawling import REPO, _env, read_feed, run_crawl
from sites.newsroom import PAGES
from sites.server import Article, Page, Redirect, TestSite

OWN = "/news/2024/05/own-story-of-the-site"


@pytest.fixture
def sites():
    page = generated.load_pages(PAGES)[0]
    other_port = TestSite({"/article": Article(page), "/robots.txt": Page("", content_type="text/plain")}).start()
    other_address = TestSite({"/article": Article(page), "/robots.txt": Page("", content_type="text/plain")},
                             host="127.0.0.2").start()
    site = TestSite({
        OWN: Article(page),
        "/robots.txt": Page("User-agent: *\nAllow: /\n", content_type="text/plain"),
        "/to-another-port": Redirect(other_port.url("/article")),
        "/to-another-address": Redirect(other_address.url("/article")),
    }).start()
    site["/"] = Page('<!doctype html><html><head><title>Home</title></head><body><ul>'
                     f'<li><a href="{OWN}">Own story</a></li>'
                     '<li><a href="/to-another-port">Moved story</a></li>'
                     '<li><a href="/to-another-address">Moved elsewhere</a></li>'
                     f'<li><a href="{other_port.url("/article")}">Linked story</a></li>'
                     '</ul></body></html>')
    port_80 = site.root.rsplit(":", 1)[0] + "/news/2024/05/story-on-port-80"
    site["/sitemap.xml"] = Page('<?xml version="1.0" encoding="UTF-8"?>'
                                '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                                f'<url><loc>{port_80}</loc></url><url><loc>{other_address.url("/article")}</loc></url>'
                                '</urlset>', content_type="application/xml")
    yield site, other_port, other_address
    for each in (site, other_port, other_address):
        each.stop()


def test_a_crawl_stays_on_its_origin_and_off_other_loopback_addresses(tmp_path, sites):
    site, other_port, other_address = sites
    result = run_crawl(site.url("/"), out=tmp_path / "feed", state=tmp_path / "state")
    assert [r["url"] for r in read_feed(tmp_path / "feed")] == [site.url(OWN)]
    assert other_port.paths() == [] and other_address.paths() == []
    # two redirects, the link and the two sitemap entries (one of them to port 80)
    assert "refused            out of scope 5, address guard 0" in result.stdout, result.stdout


def test_the_resolver_refuses_a_name_that_resolves_to_a_loopback_address_at_connection_time():
    site = TestSite({"/": Page("<html></html>")}).start()
    script = f"""
from twisted.internet import reactor, protocol
from ingest.crawl.guard import AddressGuard
from ingest.crawl.resolver import GuardedResolver

resolver = GuardedResolver(reactor, 0, 5.0)
resolver.install_on_reactor()

class Report(protocol.ClientFactory):
    protocol = protocol.Protocol
    def clientConnectionFailed(self, connector, reason):
        print("failed:", reason.getErrorMessage()); reactor.stop()
    def startedConnecting(self, connector):
        pass
    def buildProtocol(self, addr):
        print("connected"); reactor.stop(); return protocol.Protocol()

reactor.connectTCP("localhost", {site.server.server_port}, Report())
reactor.run()
"""
    try:
        proc = subprocess.run([sys.executable, "-c", script], cwd=REPO, env=_env(), capture_output=True,
                              text=True, timeout=60)
    finally:
        site.stop()
    assert proc.stdout.startswith("failed: "), proc.stderr
    assert "address guard: localhost is 127.0.0.1, a loopback address" in proc.stdout
    assert site.paths() == []

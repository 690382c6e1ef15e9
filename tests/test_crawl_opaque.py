"""A crawl of a site whose articles carry no structured data and opaque URLs writes every article."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from ingest.crawl.pagekind import Kind, page_kind
from sites import opaque
from sites.crawling import read_feed, run_crawl


@pytest.fixture(scope="module")
def site():
    site, paths = opaque.build()
    site.start()
    yield site, paths
    site.stop()


def test_unlabelled_article_pages_are_left_to_clean(site):
    server, paths = site
    assert all(page_kind(server[path].body, server.url(path)) is Kind.UNDECLARED for path in paths)


def test_every_article_at_an_opaque_address_is_written_and_the_home_page_is_not(site, tmp_path):
    server, paths = site
    run_crawl(server.url("/"), out=tmp_path / "feed", state=tmp_path / "state")
    written = {urlsplit(r["url"]).path + ("?" + urlsplit(r["url"]).query if urlsplit(r["url"]).query else "")
               for r in read_feed(tmp_path / "feed")}
    assert set(paths) <= written
    assert "/" not in written

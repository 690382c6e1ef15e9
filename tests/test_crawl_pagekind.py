"""page_kind: what a fetched page says it is; the URL is never evidence."""
from __future__ import annotations

import pytest

from ingest.crawl.pagekind import Kind, page_kind
from sites import newsroom, opaque


@pytest.mark.parametrize("number", range(1, 15))
def test_real_article_pages_are_articles_wherever_they_are_served(number):
    page = newsroom.fixture_pages()[number - 1]
    assert page_kind(page, "http://127.0.0.1:8000/p?id=" + str(number)) in (Kind.ARTICLE, Kind.UNDECLARED)


def test_pages_that_declare_themselves_non_articles_are_skipped():
    assert page_kind(newsroom.CONTACT.encode(), "https://harbour.example/desk") is Kind.OTHER
    collection = b'<script type="application/ld+json">{"@type": "CollectionPage", "name": "World"}</script>'
    assert page_kind(collection, "https://harbour.example/2024/05/02/world") is Kind.OTHER


@pytest.mark.parametrize("path", ["/about", "/tag/harbour", "/section/world", "/news/page/2", "/"])
def test_a_page_that_says_nothing_goes_to_clean_whatever_its_url(path):
    page = opaque.unlabelled(newsroom.fixture_pages()[2])
    assert page_kind(page, "https://harbour.example" + path) is Kind.UNDECLARED


def test_an_about_page_that_says_so_is_skipped():
    assert page_kind(newsroom.ABOUT.encode(), "https://harbour.example/desk") is Kind.OTHER


def test_an_article_at_an_opaque_address_is_not_skipped():
    page = opaque.unlabelled(newsroom.fixture_pages()[0])
    for url in ("https://n.example/a/3f9c0b1d2e4a/", "https://n.example/?p=123"):
        assert page_kind(page, url) is Kind.UNDECLARED


def test_a_page_listed_in_a_feed_is_an_article_unless_it_says_otherwise():
    bare = b"<html><head><title>x</title></head><body><p>text</p></body></html>"
    assert page_kind(bare, "https://n.example/weather", listed=True) is Kind.ARTICLE
    assert page_kind(newsroom.CONTACT.encode(), "https://n.example/desk", listed=True) is Kind.OTHER

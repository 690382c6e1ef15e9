"""page_kind: the crawler's cheap test of whether a fetched page is an article."""
from __future__ import annotations

import pytest

from ingest.crawl.pagekind import Kind, page_kind
from sites import newsroom


@pytest.mark.parametrize("number", range(1, 15))
def test_real_article_pages_are_articles_wherever_they_are_served(number):
    page = newsroom.fixture_pages()[number - 1]
    assert page_kind(page, "http://127.0.0.1:8000/p?id=" + str(number)) is Kind.ARTICLE


@pytest.mark.parametrize("path, html", [
    ("/", newsroom.listing("Home", ["/news/2024/05/a-b-c-d"])),
    ("/section/world", newsroom.listing("World", ["/news/2024/05/a-b-c-d"])),
    ("/tag/harbour", newsroom.listing("Tagged", [])),
    ("/about", newsroom.ABOUT),
    ("/contact-us", newsroom.CONTACT),
    ("/corrections-policy", newsroom.ABOUT),
    ("/author/jane-doe-staff-writer-profile", newsroom.listing("Jane Doe", [])),
    ("/news/page/2", newsroom.listing("News, page 2", [])),
])
def test_listing_tag_about_and_contact_pages_are_not_articles(path, html):
    assert page_kind(html.encode(), "https://harbour.example" + path) is Kind.OTHER


def test_a_page_with_no_signals_is_judged_by_the_shape_of_its_url():
    bare = b"<html><head><title>x</title></head><body><p>text</p></body></html>"
    assert page_kind(bare, "https://n.example/2024/05/02/council-votes") is Kind.ARTICLE
    assert page_kind(bare, "https://n.example/world/council-votes-on-ferry-timetable") is Kind.ARTICLE
    assert page_kind(bare, "https://n.example/story/1234567") is Kind.ARTICLE
    assert page_kind(bare, "https://n.example/weather") is Kind.OTHER


def test_a_page_listed_in_a_feed_is_an_article_unless_it_says_otherwise():
    bare = b"<html><head><title>x</title></head><body><p>text</p></body></html>"
    assert page_kind(bare, "https://n.example/weather", listed=True) is Kind.ARTICLE
    assert page_kind(newsroom.CONTACT.encode(), "https://n.example/desk", listed=True) is Kind.OTHER

"""Listing pages are rejected as 'not an article'; articles with many links are not."""
from __future__ import annotations

from helpers import BAD, BENCH, sample_pages

from ingest import Article, Reason, clean


def test_a_front_page_of_teasers_is_not_an_article():
    result = clean((BAD / "homepage.html").read_bytes(), "https://example.org/")
    assert result.reason is Reason.NOT_ARTICLE
    assert result.detail.split()[0] in ("listing", "collection")


def test_no_real_article_is_taken_for_a_listing():
    pages = [*sample_pages(), *sorted(BENCH.joinpath("html").glob("*.html.gz"))]
    rejected = [p.name for p in pages if not isinstance(clean(p.read_bytes(), p.as_uri()), Article)]
    assert rejected == []

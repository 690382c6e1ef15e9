"""`ingest.clean_url`: a page fetched and cleaned in one call, as library users of newspaper4k and
news-please expect; every failure is a returned Rejection saying why."""
from __future__ import annotations

import pytest
from helpers import PAGES
from sites.server import Page, Redirect, Status, TestSite

import ingest
from ingest import Rejection


@pytest.fixture(scope="module")
def site():
    story = (PAGES / "000_sofx.html").read_bytes()
    with TestSite({"/story": Page(story), "/old-story": Redirect("/story"), "/gone": Status(410),
                   "/logo.png": Page(b"\x89PNG", content_type="image/png")}) as served:
        yield served
    served.stop()


def test_a_url_gives_the_article_that_ingest_clean_would_under_its_final_url(site):
    article = ingest.clean_url(site.url("/old-story"))
    offline = ingest.clean((PAGES / "000_sofx.html").read_bytes(), site.url("/story"))
    assert not isinstance(article, Rejection), article
    assert article.url == site.url("/story") and article.text == offline.text and article.title == offline.title
    assert article.fetched_at.endswith("+00:00")
    assert site.requested(lambda hit: hit.path == "/story")[0].headers["User-Agent"].startswith("ingest/")


@pytest.mark.parametrize("path, reason, detail", [
    ("/gone", "fetch failed", "HTTP 410"),
    ("/logo.png", "fetch failed", "not HTML (Content-Type image/png)"),
])
def test_a_failed_fetch_is_a_rejection_saying_why(site, path, reason, detail):
    rejection = ingest.clean_url(site.url(path))
    assert isinstance(rejection, Rejection) and rejection.reason.value == reason and detail in rejection.detail


def test_a_url_that_cannot_be_fetched_as_written_is_a_bad_url_and_a_non_string_a_type_error():
    assert str(ingest.clean_url("ftp://news.example/story")) == "bad URL: the scheme is ftp, not http or https"
    with pytest.raises(TypeError, match="url must be str"):
        ingest.clean_url(b"https://news.example/")

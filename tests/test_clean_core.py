"""`ingest.clean` as a library: pure, deterministic, typed rejections."""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

import pytest

from helpers import sample_pages, validate

from ingest import Article, Options, Reason, Rejection, clean

WHEN = datetime(2024, 9, 18, 12, 0, tzinfo=timezone.utc)


def test_same_page_gives_the_same_record_twice():
    html = sample_pages()[0].read_bytes()
    first = clean(html, "https://example.org/a", fetched_at=WHEN)
    second = clean(html, "https://example.org/a", fetched_at=WHEN)
    assert isinstance(first, Article)
    assert first.to_dict() == second.to_dict()
    validate(first.to_dict())


def test_text_and_bytes_give_the_same_article():
    html = sample_pages()[0].read_bytes()
    from_bytes = clean(html, "https://example.org/a", fetched_at=WHEN)
    from_text = clean(html.decode("utf-8"), "https://example.org/a", fetched_at=WHEN)
    assert from_bytes.to_dict() == from_text.to_dict()


def test_rejections_are_typed_with_a_reason():
    assert clean(b"", None).reason is Reason.EMPTY
    assert clean(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", None).reason is Reason.NOT_HTML
    nav_only = "<html><body><nav><a href='/a'>Home</a> <a href='/b'>World</a></nav></body></html>"
    rejection = clean(nav_only, "https://example.org/")
    assert isinstance(rejection, Rejection) and rejection.reason is Reason.NO_ARTICLE
    assert "no article" in str(rejection)


def test_canonical_url_gives_the_id_whatever_url_was_fetched():
    html = sample_pages()[0].read_bytes()
    a = clean(html, "https://example.org/a?utm_source=x", fetched_at=WHEN)
    b = clean(html, "https://example.org/a", fetched_at=WHEN)
    assert a.canonical_url == b.canonical_url and a.id == b.id


def test_a_date_after_the_fetch_is_not_believed():
    html = sample_pages()[0].read_bytes()  # published 2024-09-17
    before = clean(html, "https://example.org/a", fetched_at=datetime(2020, 1, 1, tzinfo=timezone.utc))
    assert before.published is None or before.published < "2020-01-02"


def test_title_loses_the_site_name_suffix():
    page = next(p for p in sample_pages() if p.name.startswith("003"))
    article = clean(page.read_bytes(), page.as_uri())
    assert article.site_name == "Northstar Analysis"
    assert not article.title.endswith("Northstar Analysis")


def test_a_canonical_pointing_at_the_home_page_is_not_the_articles_url():
    html = sample_pages()[0].read_text(encoding="utf-8")
    html = html.replace(
        "https://sofx.com/malian-military-repels-terrorist-attack-in-bamako-al-qaeda-linked-group-claims-responsibility/",
        "https://sofx.com/")
    article = clean(html, "https://sofx.com/2024/09/17/malian-military-repels/", fetched_at=WHEN)
    assert article.canonical_url == "https://sofx.com/2024/09/17/malian-military-repels/"


def test_fetched_at_is_recorded_in_utc_whatever_zone_it_was_given_in():
    # The record's contract says UTC: a +02:00 moment came out as "+02:00", a naive one with no zone.
    html = sample_pages()[0].read_bytes()
    paris = datetime(2024, 9, 18, 14, 0, tzinfo=timezone(timedelta(hours=2)))
    naive = datetime(2024, 9, 18, 12, 0)
    for when in (paris, naive, WHEN):
        record = clean(html, "https://example.org/a", fetched_at=when)
        assert record.fetched_at == "2024-09-18T12:00:00+00:00"


@pytest.mark.parametrize("arguments, said", [
    ((None, "https://example.org/a"), "html must be bytes or str, not NoneType"),
    ((b"<p>x</p>", 5), "url must be str or None, not int"),
    ((b"<p>x</p>", None, {"markdown": True}), "options must be ingest.Options, not dict"),
])
def test_an_argument_of_the_wrong_type_is_a_type_error_not_a_rejection_of_the_page(arguments, said):
    # It came back as an "internal" rejection quoting an AttributeError deep in a stage.
    with pytest.raises(TypeError, match=re.escape(f"clean(): {said}")):
        clean(*arguments)
    with pytest.raises(TypeError, match="fetched_at must be datetime or None, not str"):
        clean(b"<p>x</p>", None, fetched_at="2024-09-18")


@pytest.mark.parametrize("values, error, said", [
    ({"markdown": "yes"}, TypeError, "Options.markdown must be True or False, not 'yes'"),
    ({"min_words": -1}, ValueError, "Options.min_words must be a whole number of 0 or more, not -1"),
    ({"timeout": 0}, ValueError, "Options.timeout must be seconds above 0 or None, not 0"),
])
def test_options_of_the_wrong_kind_are_refused_when_made(values, error, said):
    # A string for a switch was truthy, and a negative size came out as every page's rejection.
    with pytest.raises(error, match=re.escape(said)):
        Options(**values)

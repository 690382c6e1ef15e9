"""Sitemap lastmod: read as the latest instant it can mean, so a doubt always leads to a fetch."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from ingest.crawl.lastmod import latest_instant


def utc(*parts) -> float:
    return datetime(*parts, tzinfo=timezone.utc).timestamp()


@pytest.mark.parametrize("text, instant", [
    ("2024-05-02T08:30:00+00:00", utc(2024, 5, 2, 8, 30)),
    ("2024-05-02T08:30:00Z", utc(2024, 5, 2, 8, 30)),
    ("2024-05-02T10:30:00.250+02:00", utc(2024, 5, 2, 8, 30, 0, 250000)),
    ("2024-05-02T08:30+00:00", utc(2024, 5, 2, 8, 30)),
    ("2024-05-02 08:30:00+00:00", utc(2024, 5, 2, 8, 30)),
    # Without a zone, the latest the clock time can be anywhere: UTC-12.
    ("2024-05-02T08:30:00", utc(2024, 5, 2, 20, 30)),
    # A date, a month, a year: the end of it, in the latest zone.
    ("2024-05-02", utc(2024, 5, 3, 11, 59, 59)),
    ("2024-02", utc(2024, 3, 1, 11, 59, 59)),
    ("2024", utc(2025, 1, 1, 11, 59, 59)),
])
def test_a_lastmod_is_the_latest_instant_it_allows(text, instant):
    assert latest_instant(text) == instant


@pytest.mark.parametrize("text", [None, "", "  ", "yesterday", "Thu, 02 May 2024 08:00:00 GMT", "2024-13", "2024-05-32"])
def test_an_unreadable_lastmod_is_none_and_the_page_is_fetched(text):
    assert latest_instant(text) is None

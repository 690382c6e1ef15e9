"""Metadata: dates bounded by 1990 and the fetch time on every dev and sample page; reading
metadata leaves the shared tree as it found it; organisation bylines give way to people."""
from __future__ import annotations

import gzip
from datetime import date, datetime, timezone
from pathlib import Path

import lxml.html
import pytest

from ingest.core.decode import decode
from ingest.core.metadata import read_metadata
from ingest.core.page import parse

from helpers import PAGES, ROOT

CORPORA = ROOT.parent / "shared" / "bench"
# Earlier than many dev pages' dates: those must be refused, not recorded.
FETCHED = datetime(2025, 6, 1, 12, tzinfo=timezone.utc)


def every_page() -> list[Path]:
    return (sorted((CORPORA / "aeb-dev" / "html").glob("*.html.gz"))
            + sorted((CORPORA / "wcxb-dev" / "html").glob("*.html.gz")) + sorted(PAGES.glob("*.html")))


def page_of(path: Path):
    raw = path.read_bytes()
    return parse(decode(gzip.decompress(raw) if path.suffix == ".gz" else raw), path.as_uri())


def test_dates_are_never_after_the_fetch_nor_before_1990_on_any_dev_or_sample_page():
    paths = every_page()
    assert len(paths) > 1500, "the dev corpora are expected at ../shared/bench"
    dated = 0
    for path in paths:
        meta = read_metadata(page_of(path), FETCHED)
        for value in (meta.published, meta.modified):
            if value:
                assert date(1990, 1, 1) <= date.fromisoformat(value[:10]) <= FETCHED.date(), (path, value)
                if "T" in value and datetime.fromisoformat(value).tzinfo:
                    assert datetime.fromisoformat(value) <= FETCHED, (path, value)
        dated += meta.published is not None
    assert dated > len(paths) // 3  # refusing everything would pass the bounds above


@pytest.mark.parametrize("path", sorted(PAGES.glob("*.html"))[:3] + every_page()[88:98], ids=lambda p: p.name)
def test_reading_metadata_leaves_the_tree_unchanged(path):
    page = page_of(path)
    before = lxml.html.tostring(page.tree)
    read_metadata(page, datetime(2026, 11, 30, tzinfo=timezone.utc))
    assert lxml.html.tostring(page.tree) == before


def test_a_later_fetch_keeps_the_date_an_earlier_fetch_refuses():
    path = PAGES / "000_sofx.html"  # published 2024-09-17T15:42:08+00:00
    earlier = read_metadata(page_of(path), datetime(2024, 9, 16, tzinfo=timezone.utc))
    assert earlier.published is None or earlier.published[:10] <= "2024-09-16"
    later = read_metadata(page_of(path), datetime(2024, 9, 18, tzinfo=timezone.utc))
    assert (later.published, later.published_source) == ("2024-09-17T15:42:08+00:00", "json-ld")

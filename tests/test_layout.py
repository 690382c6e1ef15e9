"""Layout tables are unwrapped before extraction; data tables are left as tables."""
from __future__ import annotations

import gzip

from helpers import BAD, BENCH

from ingest.core.decode import decode
from ingest.core.extract import extract_body
from ingest.core.layout import unwrap_layout_tables
from ingest.core.page import parse


def _page(path):
    return parse(decode(path.read_bytes()), None)


def test_a_page_laid_out_in_tables_keeps_no_paragraph_or_photo_in_a_table():
    page = _page(BAD / "legacy-cp1252.html")
    assert page.tree.xpath("//table//p") and page.tree.xpath("//table//img")
    unwrap_layout_tables(page.tree)
    assert not page.tree.xpath("//table//p") and not page.tree.xpath("//table//img")
    assert "|" not in extract_body(page).text


def test_real_articles_with_tables_give_the_same_body_after_unwrapping():
    pages = [p for p in sorted(BENCH.joinpath("html").glob("*.html.gz")) if b"<table" in gzip.decompress(p.read_bytes())]
    assert len(pages) >= 5
    for path in pages:
        as_is, unwrapped = _page(path), _page(path)
        unwrap_layout_tables(unwrapped.tree)
        assert extract_body(unwrapped) == extract_body(as_is), path.name

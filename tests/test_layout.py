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


SHOPPING_LIST = """<html><body><article><h1>Eat well on a budget: the shopping list</h1>
<p>{prose}</p>
<table><tbody>
<tr><td><h4>Ingredients</h4></td><td><h4>Per person</h4></td><td><h4>For 2 people</h4></td><td><h4>For 4 people</h4></td></tr>
<tr><td colspan="4"><h5>Vegetables</h5></td></tr>
<tr><td>Onions</td><td>1 and a half</td><td>3</td><td>6</td></tr>
<tr><td>Celery</td><td>80g (around 3 sticks)</td><td>160g</td><td>320g</td></tr>
<tr><td>Carrots</td><td>4</td><td>8</td><td>16</td></tr>
<tr><td>Garlic</td><td>6 cloves</td><td>12 cloves</td><td>16 cloves</td></tr>
</tbody></table>
<p>{prose}</p></article></body></html>"""


def test_a_grid_with_headings_in_its_cells_stays_a_data_table():
    """Column names set in <h4> do not make a table layout: its rows are one width and its text is
    spread over the cells (the shopping list of a real menu page, wcxb 0096, was lost this way)."""
    prose = "Planning your meals for the week ahead is one of the easiest ways to keep food costs down. " * 3
    page = parse(SHOPPING_LIST.format(prose=prose), "https://health.example/menus")
    assert unwrap_layout_tables(page.tree) == 0
    text = extract_body(page).text
    assert "Onions" in text and "Celery" in text and "320g" in text


def test_a_table_with_the_article_in_one_cell_is_still_layout():
    prose = "The council met on Tuesday to decide the future of the harbour ferry service. " * 6
    rows = "".join(f"<tr><td><a href='/s{n}'>Section {n}</a></td><td><p>{prose if n == 2 else 'x'}</p></td></tr>"
                   for n in range(5))
    page = parse(f"<html><body><table>{rows}</table></body></html>", "https://old.example/story")
    assert unwrap_layout_tables(page.tree) == 1

"""A page of two documents end to end is read as browsers read it: one document, nothing lost."""
from pathlib import Path

import ingest
from ingest.core.caps import MAX_ELEMENTS
from ingest.core.page import parse

SAMPLES = Path(__file__).parents[1] / "samples" / "pages"
URL = "https://www.globalaffairsdispatch.com/a"
# What a template that printed its layout twice leaves before the real page: a menu, no article.
STUB = ("<!DOCTYPE html><html><head><title>Global Affairs Dispatch</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/about'>About</a></nav></body></html>")


def test_an_article_in_the_second_of_two_documents_is_found_whole():
    article = (SAMPLES / "004_globalaffairsdispatch.html").read_text(encoding="utf-8")
    alone = ingest.clean(article, URL)
    both = ingest.clean(STUB + article, URL)
    assert isinstance(alone, ingest.Article) and isinstance(both, ingest.Article), both
    assert both.text == alone.text
    assert both.title == alone.title


def test_the_element_cap_holds_over_a_second_document():
    flood = "<html><body>" + "<p>x</p>" * (MAX_ELEMENTS + 5_000) + "</body></html>"
    page = parse(STUB + flood, URL)
    assert page.tree.xpath("count(//*)") <= MAX_ELEMENTS + 10

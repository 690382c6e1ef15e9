"""The headline is metadata, not the first line of the body; the standfirst under it stays."""
from pathlib import Path

import ingest
from ingest.core.body.headline import drop_headline

DATA = Path(__file__).parent / "data" / "body"


def test_the_repeated_headline_is_dropped_and_the_standfirst_kept():
    html = (DATA / "headline_and_standfirst.html").read_bytes()
    article = ingest.clean(html, "https://energy.example/grid-batteries")
    lines = article.text.splitlines()
    assert article.title == "Why Grid Batteries Are Getting Cheaper"
    assert lines[0].startswith("Falling cell prices and longer warranties")
    assert lines[1].startswith("Utilities that a decade ago")
    assert len(lines) == 5


def test_a_title_with_the_site_name_still_matches_the_headline_line():
    paragraphs = ["Why Grid Batteries Are Getting Cheaper", "Body text."]
    titles = ["Why Grid Batteries Are Getting Cheaper"]  # as extract derives it from "... - The Energy Ledger"
    assert drop_headline(paragraphs, titles) == ["Body text."]


def test_a_kicker_above_the_repeated_headline_goes_with_it():
    paragraphs = ["Review", "Why Grid Batteries Are Getting Cheaper", "Body text."]
    assert drop_headline(paragraphs, ["Why Grid Batteries Are Getting Cheaper"]) == ["Body text."]


def test_a_long_paragraph_above_the_headline_is_kept():
    lead = "A first paragraph of the article that happens to come before the repeated title line."
    paragraphs = [lead, "Why Grid Batteries Are Getting Cheaper", "Body text."]
    assert drop_headline(paragraphs, ["Why Grid Batteries Are Getting Cheaper"]) == [lead, "Body text."]

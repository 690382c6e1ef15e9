"""The headline is metadata, not the first line of the body; the standfirst under it stays."""
from pathlib import Path

import ingest
from ingest.core.body.headline import drop_headline, marked_standfirsts
from ingest.core.page import parse

DATA = Path(__file__).parent / "data" / "body"
SAMPLES = Path(__file__).parents[1] / "samples" / "pages"


def test_a_standfirst_the_page_marks_as_one_is_dropped_with_the_headline():
    html = (SAMPLES / "004_globalaffairsdispatch.html").read_bytes()
    article = ingest.clean(html, "https://www.globalaffairsdispatch.com/a")
    assert article.text.startswith("A recent jihadist assault on the international airport")


def test_headline_and_the_marked_standfirst_under_it_are_dropped():
    html = (DATA / "headline_and_standfirst.html").read_bytes()
    article = ingest.clean(html, "https://energy.example/grid-batteries")
    lines = article.text.splitlines()
    assert article.title == "Why Grid Batteries Are Getting Cheaper"
    assert lines[0].startswith("Utilities that a decade ago")
    assert "Falling cell prices and longer warranties" not in article.text
    assert len(lines) == 4


def test_a_lead_paragraph_equal_to_the_description_is_not_a_marked_standfirst():
    lead = "Falling cell prices and longer warranties are changing how utilities plan for peak demand."
    html = (DATA / "headline_and_standfirst.html").read_text(encoding="utf-8")
    as_lead = html.replace('<h2 class="sub-head">', "<p>").replace("demand.</h2>", "demand.</p>")
    page = parse(as_lead, "https://energy.example/grid-batteries")
    assert marked_standfirsts(page.tree, [lead]) == []
    assert ingest.clean(as_lead, "https://energy.example/grid-batteries").text.startswith(lead)


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

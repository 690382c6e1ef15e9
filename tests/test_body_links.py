"""Paragraphs that are the whole text of one link are teasers for other stories."""
from pathlib import Path

import ingest
from ingest.core.body.links import drop_link_paragraphs

DATA = Path(__file__).parent / "data" / "body"


def test_teaser_links_between_paragraphs_are_dropped_and_the_story_kept():
    text = ingest.clean((DATA / "teaser_links.html").read_bytes(), "https://metro.example/cycle-lanes").text
    assert "CYCLING DEATHS" not in text
    assert "Council shelves roundabout redesign" not in text
    assert len(text.splitlines()) == 5
    assert "protected cycle lanes" in text


def test_short_linked_headings_and_printed_urls_are_kept():
    anchors = {"power and performance", "https www example org report 2019 pdf"}
    paragraphs = ["Power and Performance", "https://www.example.org/report-2019.pdf"]
    assert drop_link_paragraphs(paragraphs, anchors) == paragraphs

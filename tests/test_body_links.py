"""Runs of paragraphs that are each the whole text of one link are teaser blocks; a single linked
line inside the story stays."""
from pathlib import Path

import ingest
from ingest.core.body.links import anchor_texts, drop_link_runs

DATA = Path(__file__).parent / "data" / "body"
STORY = ["The city council voted on Tuesday to build protected cycle lanes on three of its busiest roads.",
         "The council's transport committee will publish detailed drawings for each road next month."]
TEASERS = ["Council shelves roundabout redesign plans for the second time",
           "Cycling deaths in the city rise for the third year in a row"]
ANCHORS = {"council shelves roundabout redesign plans for the second time",
           "cycling deaths in the city rise for the third year in a row"}


def test_a_run_of_teaser_links_after_the_story_is_dropped():
    assert drop_link_runs(STORY + TEASERS, ANCHORS) == STORY


def test_a_single_linked_line_inside_the_story_is_kept():
    text = ingest.clean((DATA / "teaser_links.html").read_bytes(), "https://metro.example/cycle-lanes").text
    assert "protected cycle lanes" in text
    assert "Council shelves roundabout redesign plans" in text
    assert len(text.splitlines()) == 7


def test_short_linked_headings_and_printed_urls_are_kept():
    anchors = {"power and performance", "https www example org report 2019 pdf"}
    paragraphs = ["Power and Performance", "https://www.example.org/report-2019.pdf"]
    assert drop_link_runs(paragraphs, anchors) == paragraphs


def test_lines_judged_for_one_body_are_judged_alike_for_the_next():
    known: dict[str, bool] = {}
    assert drop_link_runs(STORY + TEASERS, ANCHORS, known) == STORY
    assert drop_link_runs(TEASERS + STORY[:1], ANCHORS, known) == STORY[:1]
    assert known == {**{line: False for line in STORY}, **{line: True for line in TEASERS}}


def test_a_list_of_links_the_story_introduces_with_a_colon_is_kept():
    # A progress report: "Many patches were sent for review:" then the patches, each a link.
    patches = ["- libgccjit: Allow casts between integers and pointers",
               "- libgccjit: Add support for the weak variable attribute",
               "- Fix RAM usage by splitting deeply nested expressions"]
    anchors = anchor_texts([p.removeprefix("- ") for p in patches])
    story = ["There has been some nice progress on the GCC side these past months.",
             "Many patches were sent for review:", *patches, "Most of them are now merged."]
    assert drop_link_runs(story + TEASERS, anchors | ANCHORS) == story

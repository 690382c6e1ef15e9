"""An article the page prints twice (a desktop and a mobile copy) comes out once; lines a page
genuinely repeats stay."""
from pathlib import Path

import ingest

from ingest.core.body.repeats import drop_second_copies

DATA = Path(__file__).parent / "data" / "body"
PROSE = [f"Paragraph {n} of the story runs on as prose, long enough to be a paragraph of an article "
         f"rather than a caption or a label: it tells the reader what happened, where and to whom, "
         f"and what the people involved said about it afterwards." for n in range(6)]


def test_a_page_printing_its_article_twice_gives_each_paragraph_once():
    html = (DATA / "article_printed_twice.html").read_text(encoding="utf-8")
    record = ingest.clean(html, "https://news.example.org/harbour/depot-market")
    assert isinstance(record, ingest.Article)
    paragraphs = record.text.split("\n")
    assert paragraphs[0].startswith("The city council voted on Tuesday night")
    assert paragraphs[-1].startswith("Work is due to start in February")
    assert len(paragraphs) == len(set(paragraphs)) == 6


def test_the_markdown_body_holds_one_copy_too():
    html = (DATA / "article_printed_twice.html").read_text(encoding="utf-8")
    record = ingest.clean(html, "https://news.example.org/harbour/depot-market", ingest.Options(markdown=True))
    assert record.markdown.count("Under the plan approved by seven votes to four") == 1
    assert record.markdown.count("Work is due to start in February") == 1


def test_the_later_copy_goes_with_the_headings_inside_it():
    copy = ["Background", *PROSE[:3], "What comes next", *PROSE[3:]]
    body = ["Intro line", *copy, "Share this", *copy, "About the author"]
    assert drop_second_copies(body) == ["Intro line", *copy, "Share this", "About the author"]


def test_a_third_copy_goes_too():
    assert drop_second_copies(PROSE * 3) == PROSE


def test_a_repeated_quote_or_two_stays():
    # A pull quote printed again, or two paragraphs a recipe's variants share, are the page's own.
    body = [PROSE[0], PROSE[1], PROSE[2], "Plan B", PROSE[1], PROSE[2], PROSE[3]]
    assert drop_second_copies(body) == body


def test_short_lines_repeated_in_long_runs_stay():
    # Table cells, list items and labels repeat in any article: only prose paragraphs make a copy.
    row = ["Monday", "10:00", "Closed", "Tuesday", "10:00", "18:00"]
    body = [PROSE[0], *row, PROSE[1], *row, PROSE[2]]
    assert drop_second_copies(body) == body


def test_a_copy_never_overlaps_its_original():
    # Five times the same paragraph hold no run of four printed again after itself: the copy would
    # have to start inside the original.
    assert drop_second_copies([PROSE[0]] * 5) == [PROSE[0]] * 5
    assert drop_second_copies([PROSE[0]] * 8) == [PROSE[0]] * 4

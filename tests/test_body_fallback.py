"""readability-lxml as a second opinion when trafilatura kept little of the page's prose."""
from pathlib import Path

import ingest
from lxml import etree

from ingest.core.body.fallback import (is_layout_table, needs_second_opinion, prefer_second, prose_chars,
                                        readability_paragraphs, summary_paragraphs)
from ingest.core.page import parse

DATA = Path(__file__).parent / "data" / "body"


def two_container_page():
    return parse((DATA / "article_in_two_containers.html").read_text(encoding="utf-8"), None)


def test_a_body_holding_one_of_two_containers_asks_for_a_second_opinion():
    page = two_container_page()
    first_container = readability_paragraphs(page.tree)[:3]
    assert needs_second_opinion(first_container, prose_chars(page.tree))


def test_a_body_holding_the_whole_article_does_not_ask():
    page = two_container_page()
    assert not needs_second_opinion(readability_paragraphs(page.tree), prose_chars(page.tree))


def test_readability_reads_both_containers_paragraph_by_paragraph():
    paragraphs = readability_paragraphs(two_container_page().tree)
    assert paragraphs[0].startswith("Neighbourhood bakeries")
    assert paragraphs[-1].startswith("For the bakers themselves")
    assert not any("Sign up for Field Notes" in p for p in paragraphs)


def test_form_controls_in_a_readability_summary_are_no_text():
    # A summary that kept a filter form: its drop-down's options and its button are choices, not
    # prose (on one wcxb-dev page, 600 project teams made the whole "body").
    summary = ("<div><p>Researchers <label>Team</label><select><option>- Any -</option><option>2007 - Alice "
               "project-team</option><option>2008 - Gemo project-team</option></select> met on Monday.</p>"
               "<p>The institute opened a new lab.<button>Apply</button></p></div>")
    root = etree.fromstring(summary, etree.HTMLParser())
    assert summary_paragraphs(root) == ["Researchers Team met on Monday.", "The institute opened a new lab."]


def test_the_longer_body_wins_only_when_it_contains_the_first():
    whole = readability_paragraphs(two_container_page().tree)
    assert prefer_second(whole[:3], whole)
    assert not prefer_second(whole[:3], whole[3:] * 2)
    assert not prefer_second(whole, whole[:3])


def test_an_empty_first_body_gives_way_to_any_second():
    whole = readability_paragraphs(two_container_page().tree)
    assert prefer_second([], whole)
    assert not prefer_second([], [])


def test_a_table_built_page_printed_whole_by_trafilatura_is_read_by_readability():
    html = (DATA / "layout_table.html").read_bytes()
    article = ingest.clean(html, "https://gazette.example/region/inondations-812.html")
    lines = article.text.splitlines()
    assert article.extractor.fallback == "readability-lxml"
    assert len(lines) == 5
    assert lines[0].startswith("Les pluies torrentielles")
    assert lines[-1].startswith("Météo-France maintient")
    for furniture in ("Rubriques", "Accueil", "Imprimer", "Tous droits réservés", "Par Claire Dumas", "|"):
        assert furniture not in article.text


def test_layout_cells_are_told_from_data_tables():
    assert is_layout_table(["| " + "Les pluies torrentielles ont provoqué des crues. " * 20 + "| |"])
    assert not is_layout_table(["| Team | Played | Points |", "| Lyon | 12 | 25 |"])

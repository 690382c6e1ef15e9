"""Labels, pointers, prompts and credits that sites print inside the article container."""
from pathlib import Path

import pytest

import ingest
from ingest.core.body.furniture import drop_furniture, is_furniture

DATA = Path(__file__).parent / "data" / "body"


@pytest.fixture(scope="module")
def port_strike() -> str:
    return ingest.clean((DATA / "furniture_in_article.html").read_bytes(), "https://harbour.example/strike").text


def test_read_more_pointer_is_dropped(port_strike):
    assert "Read more" not in port_strike
    assert "Dock workers vote to strike" not in port_strike


def test_wire_credit_line_is_dropped(port_strike):
    assert "Reporting by" not in port_strike


def test_every_article_paragraph_is_kept(port_strike):
    lines = port_strike.splitlines()
    assert len(lines) == 5
    assert lines[0].startswith("A strike by dock workers")
    assert lines[-1].startswith("Retailers warned")


@pytest.mark.parametrize("line", [
    "ADVERTISEMENT", "Advertisement", "0 Comments", "Loading comments...", "Leave a Reply",
    "You may also like...", "Share this article", "Like this story? Share it with a friend!",
    "Related: The 15 Weirdest Galaxies in Our Universe", "SEE MORE: Protests spread to a third city",
    "Get the latest updates right in your inbox. Subscribe to our newsletters.",
    "Follow The Daily Opinion section on Facebook, Twitter and Instagram.",
    "Tempo de leitura: 2 minutos", "Комментарии", "SOURCE: News agencies",
    "By Lena Ortiz", "Par Claire Dumas, le 14/04/2002", "Please log in or register to post comments.",
    "Table of Contents", "On this page", "Jump to section", "Last updated on June 2, 2025",
    "Updated at 1:23 p.m.", "Published: 12/03/2024",
    # The same labels as European news sites print them.
    "Werbung", "Artikel teilen", "Mehr zum Thema", "Partager", "À lire aussi", "Publicidade",
    "Artículos relacionados", "Leer más »", "Condividi", "Leggi anche:", "Reklama", "Поделиться",
    # A call that opens a sentence, speaks for the site or is a few words long.
    "Start your day with the Opening Bell. The Opening Bell is read by 40,000 traders. Sign up for the free daily newsletter.",
    "For daily wit & wisdom, sign up for our newsletter.", "Get the Hindustan Times app!", "Daily Briefing Newsletter",
    "Have a tip? Amy Kuperinsky may be reached at akuperinsky@example.com. Follow her on Twitter @AmyKup or on Facebook.",
    "If you enjoy this newsletter and want to share it with a friend, please do.",
])
def test_furniture_lines(line):
    assert is_furniture(line)


@pytest.mark.parametrize("line", [
    "Readers left more than 3,000 comments on the council's website before the vote, most of them "
    "against the plan, and the council said it would publish a summary next month.",
    "The newsletter, which the company sent to 40,000 subscribers, said the recall covered every "
    "model sold since 2021 and that owners would be contacted by letter within six weeks of the announcement.",
    "Related costs rose by 4 percent.",
    "Advertising revenue fell by a fifth in the third quarter.",
    "By the end of the year, prices had doubled.",
    "By the way",
    "By March the river had risen again.",
    "Updated figures published on Tuesday showed that 40,000 homes were still without power.",
    "Contents of the report were leaked to the press before the vote.",
    # Sentences about signing up, subscribing or downloading, not calls to the reader.
    "It's very important to sign up for automated contributions for each savings plan you have.",
    "When you sign up for an X Ads account, you can target audiences based on demographics and location.",
    "Nearly half of households subscribe to at least three streaming services, the survey found.",
    "Users can download the updated Maps app from Tuesday, the company said in a statement.",
    "Axios just launched a $1,000/year paid membership tier built entirely from a free newsletter.",
    "Teilen Sie uns Ihre Meinung mit, schrieb die Stadt in einem Brief an alle Haushalte.",
    "Werbung im Fernsehen ist seit Januar teurer geworden, teilte der Verband mit.",
    "Partager les données des patients reste interdit sans leur accord, a rappelé le ministre.",
])
def test_prose_that_mentions_furniture_words_is_kept(line):
    assert not is_furniture(line)


@pytest.mark.parametrize("spacer", ["\u200d", "\u200b", " \u200d \u200d ", "\ufeff", "\u00ad"])
def test_spacer_paragraphs_of_invisible_characters_leave_no_line(spacer):
    # Site builders fill an empty paragraph with a zero-width joiner ("<p>&zwj;</p>", on 8 pages
    # of wcxb-dev): readability's pass keeps it as a line that shows nothing.
    paragraphs = [
        "Nobody expected the harbour to reopen before spring, and the port authority said as much.",
        "Engineers from the crane maker arrived on Tuesday and began the repairs at once.",
    ]
    assert drop_furniture([paragraphs[0], spacer, paragraphs[1], spacer]) == paragraphs

"""Page types: `clean` tells an article from a listing, collection, product, service, forum or
documentation page from whole-page evidence; non-articles are rejected, or kept with their type."""
from __future__ import annotations

import gzip
import json

import pytest
from helpers import BAD, ROOT, run_ingest, sample_pages

from ingest import Article, Options, Reason, Rejection, clean
from ingest.core.record import PAGE_TYPES
from sites import newsroom

CORPORA = ROOT.parent / "shared" / "bench"
NON_ARTICLES = {
    "front page of teasers": ((BAD / "homepage.html").read_bytes(), "https://www.globalaffairsdispatch.com/"),
    "section page": (newsroom.listing("World", [f"/news/2024/05/{n:02d}-story" for n in range(12)]).encode(),
                     "https://harbour.example/section/world"),
    "contact page": (newsroom.CONTACT.encode(), "https://harbour.example/contact"),
}


@pytest.mark.parametrize("name", NON_ARTICLES)
def test_a_non_article_is_rejected_with_its_type(name):
    result = clean(*NON_ARTICLES[name])
    assert isinstance(result, Rejection)
    assert result.reason is Reason.NOT_ARTICLE
    kind = result.detail.split()[0]
    assert kind in PAGE_TYPES and kind != "article"


@pytest.mark.parametrize("name", NON_ARTICLES)
def test_every_page_mode_keeps_a_non_article_with_its_type(name):
    result = clean(*NON_ARTICLES[name], Options(all_pages=True))
    assert isinstance(result, Article)
    assert result.page_type in PAGE_TYPES and result.page_type != "article"
    assert result.to_dict()["page_type"] == result.page_type


def test_articles_say_they_are_articles_in_every_page_mode():
    for path in sample_pages():
        result = clean(path.read_bytes(), path.as_uri(), Options(all_pages=True))
        assert result.page_type == "article", path.name


def test_a_page_of_a_few_menu_words_is_other_in_every_page_mode():
    nav_only = "<html><body><nav><a href='/a'>Home</a> <a href='/b'>World</a></nav></body></html>"
    result = clean(nav_only, "https://example.org/", Options(all_pages=True))
    assert result.page_type == "other" and result.word_count < 40


def test_the_cli_all_pages_flag_writes_a_record_for_a_listing():
    proc = run_ingest("clean", "--all-pages", str(BAD / "homepage.html"), str(sample_pages()[0]))
    assert proc.returncode == 0, proc.stderr
    types = [json.loads(line)["page_type"] for line in proc.stdout.splitlines()]
    assert types[1] == "article" and types[0] != "article"


def test_evidence_counts_the_elements_of_a_second_html_document_in_the_page():
    """Some saved pages are two documents end to end; the model was fitted on counts over both."""
    from ingest.core.page import parse
    from ingest.core.pagetype.evidence import evidence

    one = "<html><body><h2>Shop</h2><ul><li>a</li><li>b</li></ul><p>" + "Words of prose. " * 20 + "</p></body></html>"
    page = parse(one + one.replace("<html>", "<html lang='en'>"), "https://shop.example/")
    assert [top.tag for top in page.tree.itersiblings()] == ["html"]  # how libxml2 reads it
    single = evidence(parse(one, "https://shop.example/"), "Words of prose.")
    double = evidence(page, "Words of prose.")
    assert double["items"] > single["items"] and double["headings"] > single["headings"]


ARTICLE_TOP = """<html><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<aside class="most-read"><a href="/x">Older story</a> <span>Jan 3, 2019</span></aside></header>
<main><p class="kicker">Harbour</p><h1>Ferry strike ends after <em>two weeks</em></h1>
<p class="byline">By Ann Lee · <span>May 3, 2024</span></p><script>var published = "Dec 1, 1999";</script>
<p>{prose}</p></main><footer>Posted Jun 9, 2020</footer></body></html>"""


def _headline_page(html):
    from ingest.core.page import parse
    return parse(html, "https://harbour.example/ferry")


def test_text_near_the_headline_is_read_outwards_in_page_order_without_scripts():
    from ingest.core.pagetype.nearby import text_after, text_before

    page = _headline_page(ARTICLE_TOP.format(prose="The ferries run again this morning."))
    headline = next(page.tree.iter("h1"))
    assert text_before(headline, 200).endswith("Older story Jan 3, 2019 Harbour")
    assert text_before(headline, 7) == "Harbour"
    assert text_after(headline, 60) == "By Ann Lee · May 3, 2024 The ferries run again this morning."
    assert "1999" not in text_after(headline, 400)


def test_a_date_under_the_headline_is_evidence_and_one_far_from_it_is_not():
    from ingest.core.pagetype.evidence import evidence

    prose = "The ferries run again this morning after the unions and the port agreed terms. " * 8
    page = _headline_page(ARTICLE_TOP.format(prose=prose))
    assert evidence(page, prose)["date_near_headline"] == 1.0
    far = ARTICLE_TOP.replace("May 3, 2024", "Ann's desk").replace("Jan 3, 2019", "Older")
    assert evidence(_headline_page(far.format(prose=prose)), prose)["date_near_headline"] == 0.0


@pytest.mark.parametrize("key, kind", [
    ("0626", "product"),  # JSON-LD Product: a camera's shop page
    ("0504", "forum"),    # QAPage: a thread the evidence alone takes for an article
    ("0543", "forum"),    # DiscussionForumPosting, beside the ContactPage its forum template declares
])
def test_a_page_declaring_a_product_or_a_thread_and_no_article_is_that_type(key, kind):
    page = CORPORA / "wcxb-dev" / "html" / f"{key}.html.gz"
    result = clean(gzip.decompress(page.read_bytes()), page.as_uri())
    assert isinstance(result, Rejection) and result.reason is Reason.NOT_ARTICLE
    assert result.detail.split()[0] == kind


def test_an_article_that_also_declares_a_product_stays_an_article():
    path = sample_pages()[0]  # declares NewsArticle
    product = '<script type="application/ld+json">{"@type": "Product", "name": "A camera"}</script></head>'
    result = clean(path.read_text(encoding="utf-8").replace("</head>", product, 1), path.as_uri())
    assert isinstance(result, Article) and result.page_type == "article"


def _cards_of(html: str) -> list[int]:
    from ingest.core.page import parse
    from ingest.core.pagetype.evidence import card_groups
    return sorted(len(cards) for cards in card_groups(parse(html, "https://harbour.example/").tree).values())


TEASER = '<div class="teaser"><h3><a href="/news/{n}">Story {n}</a></h3><p>What happened {n}.</p></div>'


def test_teaser_cards_are_distinct_elements_linking_to_other_pages():
    listing = f"<html><body><main>{''.join(TEASER.format(n=n) for n in range(6))}</main></body></html>"
    assert _cards_of(listing) == [6]
    # One post whose section headings cite other pages is one card, not one per heading.
    sections = "".join(f'<h3><a href="https://source.example/{n}">Source {n}</a></h3><p>Text {n}.</p>' for n in range(6))
    assert _cards_of(f'<html><body><div class="post">{sections}</div></body></html>') == [1]
    # Headings that link to their own place in the page (permalinks) head no teaser.
    permalinks = TEASER.replace('href="/news/{n}"', 'href="#s{n}"')
    assert _cards_of(f"<html><body><main>{''.join(permalinks.format(n=n) for n in range(6))}</main></body></html>") == []


def test_a_post_with_permalinked_section_headings_shows_no_teaser_cards():
    from ingest.core.decode import decode
    from ingest.core.page import parse
    from ingest.core.pagetype.evidence import card_groups
    page = CORPORA / "wcxb-dev" / "html" / "0494.html.gz"  # a long blog post; its h2s link to themselves
    tree = parse(decode(gzip.decompress(page.read_bytes())), page.as_uri()).tree
    assert max(map(len, card_groups(tree).values()), default=0) < 5


def test_section_headings_that_link_to_themselves_are_counted_as_a_manuals_permalinks():
    from ingest.core.page import parse
    from ingest.core.pagetype.evidence import evidence
    sections = "".join(f'<h2 id="s{n}">Step {n} <a class="permalink" href="#s{n}">¶</a></h2><p>Run the tool.</p>'
                       for n in range(4))
    manual = evidence(parse(f"<html><body><main>{sections}</main></body></html>", "https://docs.example/"), "Run")
    plain = evidence(parse(f"<html><body><main>{sections.replace('#s', '/s')}</main></body></html>",
                           "https://docs.example/"), "Run")
    assert manual["anchored_headings"] > 0 and plain["anchored_headings"] == 0

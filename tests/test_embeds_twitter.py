"""Tweets in every markup form a news page gives them, lifted out of the body with their fields."""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest import Article, clean

ROOT = Path(__file__).resolve().parent.parent
STORY = [
    "Rail traffic across France remained heavily disrupted on Wednesday as a strike by train drivers and "
    "signalling staff entered its third day, with only one high-speed train in three running.",
    "The dispute centres on a government plan to bring the special pension regime for rail workers into "
    "line with the general system for new hires from next year.",
    "Commuters in the Paris region faced crowded platforms and long waits, and the operator advised "
    "travellers to allow at least an extra hour for their journeys on Thursday.",
    "Talks at the transport ministry broke up late on Tuesday without agreement, and the unions said the "
    "offer on the table changed nothing of substance for their members.",
]
POST = ("Les négociations au ministère n'ont rien donné. Le gouvernement refuse de revenir sur la fin du "
        "régime spécial pour les nouveaux embauchés.")
STATUS = "https://twitter.com/CGTCheminots/status/1858903412230545612"
ATTRIBUTION = f'&mdash; CGT Cheminots (@CGTCheminots) <a href="{STATUS}?ref_src=twsrc%5Etfw">November 19, 2024</a>'


def page_with(embed_html: str | dict[int, str], before: int = 2) -> str:
    """A news article with `embed_html` between its paragraphs, before paragraph `before`
    (or several: {paragraph index: markup})."""
    embeds = embed_html if isinstance(embed_html, dict) else {before: embed_html}
    blocks = []
    for index, paragraph in enumerate(STORY + [None]):
        blocks += [embeds[index]] if index in embeds else []
        blocks += [f"<p>{paragraph}</p>"] if paragraph else []
    body = "\n".join(blocks)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>French rail strike enters third day | Europe Morning</title></head>
<body><header><nav><ul><li><a href="/">Home</a></li><li><a href="/europe/">Europe</a></li></ul></nav></header>
<main><article><h1>French rail strike enters third day as unions reject government offer</h1>
<div class="entry-content">
{body}
</div></article>
<aside class="related"><h3>Related stories</h3><ul><li><a href="/a/">Ports reopen after customs strike</a></li></ul></aside>
</main><footer><p>© 2024 Europe Morning</p></footer></body></html>"""


def cleaned(html: str) -> Article:
    article = clean(html, "https://news.example.org/2024/strike/")
    assert isinstance(article, Article), article
    return article


def only_embed(article: Article):
    assert len(article.embeds) == 1, article.embeds
    return article.embeds[0]


def assert_body_is_the_story(article: Article) -> None:
    assert article.text.split("\n") == STORY


def test_widget_without_lang_attribute_gives_text_author_handle_url_date_and_language():
    html = page_with(f'<blockquote class="twitter-tweet" data-width="550"><p>{POST} '
                     f'<a href="https://t.co/Zq4kHh2LwB">pic.twitter.com/Zq4kHh2LwB</a></p>{ATTRIBUTION}'
                     '</blockquote> <script async src="https://platform.twitter.com/widgets.js"></script>')
    article = cleaned(html)
    tweet = only_embed(article)
    assert (tweet.kind, tweet.url, tweet.author, tweet.handle, tweet.published) == (
        "tweet", STATUS, "CGT Cheminots", "CGTCheminots", "2024-11-19")
    assert tweet.text == POST
    assert tweet.language == "fr"
    assert tweet.position == 2
    assert_body_is_the_story(article)


def test_widget_lang_attribute_that_is_wrong_does_not_win_over_the_words():
    html = page_with(f'<blockquote class="twitter-tweet"><p lang="en" dir="ltr">{POST}</p>{ATTRIBUTION}'
                     '</blockquote>')
    assert only_embed(cleaned(html)).language == "fr"


def test_widget_lang_attribute_decides_when_the_post_has_no_words():
    html = page_with('<blockquote class="twitter-tweet"><p lang="fr" dir="ltr">🚆✊ #GrèveSNCF @SNCF '
                     f'<a href="https://t.co/Aa1Bb2Cc3D">pic.twitter.com/Aa1Bb2Cc3D</a></p>{ATTRIBUTION}'
                     '</blockquote>')
    tweet = only_embed(cleaned(html))
    assert tweet.text == "🚆✊ #GrèveSNCF @SNCF"
    assert tweet.language == "fr"


def test_widget_in_another_interface_language_has_its_date_read():
    attribution = f'&mdash; CGT Cheminots (@CGTCheminots) <a href="{STATUS}">19 novembre 2024</a>'
    html = page_with(f'<blockquote class="twitter-tweet" data-lang="fr"><p lang="fr">{POST}</p>{attribution}'
                     '</blockquote>')
    assert only_embed(cleaned(html)).published == "2024-11-19"


def test_wordpress_block_with_rendered_widget():
    html = page_with('<figure class="wp-block-embed is-type-rich is-provider-twitter wp-block-embed-twitter">'
                     f'<div class="wp-block-embed__wrapper">\n<blockquote class="twitter-tweet"><p>{POST}</p>'
                     f'{ATTRIBUTION}</blockquote>\n</div><figcaption>The union\'s statement on Tuesday.</figcaption>'
                     '</figure>')
    article = cleaned(html)
    tweet = only_embed(article)
    assert (tweet.url, tweet.handle, tweet.language) == (STATUS, "CGTCheminots", "fr")
    assert "statement on Tuesday" not in article.text
    assert_body_is_the_story(article)


def test_wordpress_block_holding_only_the_pasted_url():
    html = page_with('<figure class="wp-block-embed is-type-rich is-provider-twitter wp-block-embed-twitter">'
                     f'<div class="wp-block-embed__wrapper">\n{STATUS}\n</div></figure>')
    article = cleaned(html)
    tweet = only_embed(article)
    assert (tweet.kind, tweet.url, tweet.handle, tweet.text, tweet.language) == (
        "tweet", STATUS, "CGTCheminots", None, None)
    assert "twitter.com" not in article.text


def test_amp_twitter_with_placeholder_widget():
    html = page_with(f'<amp-twitter width="375" height="472" layout="responsive" data-tweetid="1858903412230545612">'
                     f'<blockquote placeholder class="twitter-tweet" data-lang="en"><p>{POST}</p>{ATTRIBUTION}'
                     '</blockquote></amp-twitter>')
    article = cleaned(html)
    tweet = only_embed(article)
    assert (tweet.url, tweet.author, tweet.language) == (STATUS, "CGT Cheminots", "fr")
    assert_body_is_the_story(article)


def test_amp_twitter_without_placeholder_gives_the_id():
    html = page_with('<amp-twitter width="375" height="472" layout="responsive" data-tweetid="1858903412230545612">'
                     '</amp-twitter>')
    assert only_embed(cleaned(html)).url == "https://twitter.com/i/status/1858903412230545612"


def test_rendered_iframe_gives_url_from_its_id_even_without_text():
    html = page_with('<div class="twitter-tweet twitter-tweet-rendered"><iframe id="twitter-widget-0" '
                     'title="X Post" src="https://platform.twitter.com/embed/Tweet.html?dnt=true&amp;'
                     'embedId=twitter-widget-0&amp;id=1858903412230545612&amp;lang=en&amp;theme=light"></iframe></div>')
    tweet = only_embed(cleaned(html))
    assert (tweet.kind, tweet.url, tweet.text, tweet.language) == (
        "tweet", "https://twitter.com/i/status/1858903412230545612", None, None)


@pytest.mark.parametrize("host", ["twitter.com", "x.com", "mobile.twitter.com"])
def test_bare_status_link_on_its_own_line(host):
    url = f"https://{host}/CGTCheminots/status/1858903412230545612?s=20"
    html = page_with(f'<p><a href="{url}">{url}</a></p>')
    article = cleaned(html)
    tweet = only_embed(article)
    assert tweet.url.endswith("/CGTCheminots/status/1858903412230545612")
    assert tweet.handle == "CGTCheminots"
    assert "status" not in article.text


def test_status_link_inside_a_sentence_stays_in_the_article():
    paragraph = ('The unions posted their reply within the hour, <a href="https://x.com/CGTCheminots/status/'
                 '1858903412230545612">in a post on X</a>, calling the offer an insult.')
    html = page_with(f"<p>{paragraph}</p>")
    article = cleaned(html)
    assert article.embeds == ()
    assert "in a post on X" in article.text


def test_flattened_widget_paragraphs_then_attribution_paragraph():
    html = page_with(f'<p>Les négociations au ministère n\'ont rien donné.</p>\n'
                     '<p>La grève est reconduite jusqu\'à jeudi au moins. ✊ '
                     '<a href="https://t.co/Q1w2E3r4T5">pic.twitter.com/Q1w2E3r4T5</a></p>\n'
                     f'<p>{ATTRIBUTION}</p>')
    article = cleaned(html)
    tweet = only_embed(article)
    assert tweet.text == "Les négociations au ministère n'ont rien donné.\nLa grève est reconduite jusqu'à jeudi au moins. ✊"
    assert (tweet.url, tweet.author, tweet.published, tweet.language) == (STATUS, "CGT Cheminots", "2024-11-19", "fr")
    assert_body_is_the_story(article)


def test_flattened_post_does_not_swallow_a_short_article_paragraph_before_it():
    lead = "The union's general secretary replied on Tuesday evening."
    html = page_with(f"<p>{lead}</p>\n<p>Still no agreement. The strike goes on until Thursday at least.</p>\n"
                     f"<p>{ATTRIBUTION}</p>")
    article = cleaned(html)
    tweet = only_embed(article)
    assert tweet.text == "Still no agreement. The strike goes on until Thursday at least."
    assert lead in article.text


def test_flattened_post_stops_at_the_article_lead_in():
    lead = "Le syndicat a répondu :"
    html = page_with(f"<p>{lead}</p>\n<p>{POST}</p>\n<p>{ATTRIBUTION}</p>")
    tweet = only_embed(cleaned(html))
    assert tweet.text == POST


def test_flattened_plain_text_in_one_paragraph_with_line_breaks():
    html = page_with(f"<p>{POST}<br>\npic.twitter.com/Zq4kHh2LwB<br>\n"
                     "— CGT Cheminots (@CGTCheminots) November 19, 2024</p>")
    article = cleaned(html)
    tweet = only_embed(article)
    assert (tweet.text, tweet.handle, tweet.published, tweet.url) == (POST, "CGTCheminots", "2024-11-19", None)
    assert "pic.twitter.com" not in article.text
    assert_body_is_the_story(article)


def test_blockquote_stripped_of_its_widget_class():
    html = page_with(f"<blockquote><p>{POST}</p>{ATTRIBUTION}</blockquote>")
    tweet = only_embed(cleaned(html))
    assert (tweet.url, tweet.text, tweet.language) == (STATUS, POST, "fr")


def test_a_handle_in_parentheses_in_prose_is_not_a_post():
    html = page_with("<p>The rail operator's traffic account (@SNCF_InfoTrafic) told travellers on Tuesday "
                     "to check their trains before leaving home.</p>")
    assert cleaned(html).embeds == ()


def test_seed_000_rebuild_gives_its_two_french_tweets_and_a_body_without_them():
    article = cleaned((ROOT / "samples" / "pages" / "000_sofx.html").read_text("utf-8"))
    fields = [(e.kind, e.author, e.handle, e.url, e.published, e.language) for e in article.embeds]
    assert fields == [
        ("tweet", "African Initiative", "Afrc_Initiative",
         "https://twitter.com/Afrc_Initiative/status/1835973286393049234", "2024-09-17", "fr"),
        ("tweet", "ndomamma", "ndomamma", "https://twitter.com/ndomamma/status/1836012747581362519", "2024-09-17", "fr"),
    ]
    for tweet in article.embeds:
        assert "t.co/" not in tweet.text and "pic.twitter.com" not in tweet.text
        assert tweet.text.split()[0] not in article.text
    assert article.embeds[0].text.startswith("⚡️🇲🇱 Dans la matinée du 17 septembre à Bamako")
    assert article.embeds[1].text.endswith("Ndomamma")
    assert [e.position for e in article.embeds] == [2, 3]
    assert "Faladié" not in article.text and "Je salue le courage" not in article.text
    assert article.language == "en"


def test_a_loose_attribution_at_the_end_of_the_article_does_not_take_the_article_with_it():
    html = page_with({4: "— CGT Cheminots (@CGTCheminots) November 19, 2024"})
    article = cleaned(html)
    assert article.embeds == ()
    assert article.text.split("\n")[:4] == STORY

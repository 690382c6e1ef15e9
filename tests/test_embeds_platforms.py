"""Instagram, Facebook, YouTube, TikTok and Telegram embeds: kind and URL always, text where carried."""
from __future__ import annotations

import pytest
from helpers import validate
from test_embeds_twitter import assert_body_is_the_story, cleaned, only_embed, page_with

INSTAGRAM = "https://www.instagram.com/p/C_kZ2mXo8Qe/"
CAPTION = ("Unser Laden in der Innstadt steht leider unter Wasser 😢 Wir backen ab Mittwoch in der Filiale "
           "am Bahnhof weiter. Danke an alle, die beim Sandsäcke-Schleppen geholfen haben! ❤️")
FACEBOOK = "https://www.facebook.com/StadtRegensburg/posts/1234567890123456"
FB_TEXT = ("Die Pegelstände der Donau steigen weiter. Die Stadt bittet alle Anwohnerinnen und Anwohner der "
           "Uferbereiche, Keller und Tiefgaragen zu räumen.")


def instagram_blockquote() -> str:
    url = INSTAGRAM + "?utm_source=ig_embed&amp;utm_campaign=loading"
    return (f'<blockquote class="instagram-media" data-instgrm-captioned data-instgrm-permalink="{url}" '
            f'data-instgrm-version="14"><div style="padding:16px;"><a href="{url}" target="_blank">'
            '<div style="padding-top: 8px;"><div>View this post on Instagram</div></div></a>'
            f'<p style="margin:8px 0 0 0;"><a href="{url}" target="_blank">{CAPTION}</a></p>'
            '<p>A post shared by <a href="https://www.instagram.com/baeckerei_gruber/">Bäckerei Gruber</a> '
            '(@baeckerei_gruber) on <time datetime="2024-09-16T07:42:00+00:00">Sep 16, 2024 at 12:42am PDT</time>'
            '</p></div></blockquote>\n<script async src="//www.instagram.com/embed.js"></script>')


def test_instagram_captioned_embed_gives_caption_author_handle_date_and_language():
    article = cleaned(page_with(instagram_blockquote()))
    post = only_embed(article)
    assert (post.kind, post.url, post.author, post.handle, post.published) == (
        "instagram", INSTAGRAM, "Bäckerei Gruber", "baeckerei_gruber", "2024-09-16T07:42:00+00:00")
    assert post.text == CAPTION
    assert post.language == "de"
    assert "View this post on Instagram" not in article.text
    assert_body_is_the_story(article)


@pytest.mark.parametrize("written", ["2024-02-e on Facebook</a><a href=", "Sep 16, 2024", ""])
def test_an_instagram_time_that_is_no_date_gives_no_date_and_a_valid_record(written):
    article = cleaned(page_with(instagram_blockquote().replace('datetime="2024-09-16T07:42:00+00:00"',
                                                                f'datetime="{written}"')))
    assert only_embed(article).published is None
    validate(article.to_dict())


def test_instagram_in_a_wordpress_block():
    html = page_with('<figure class="wp-block-embed is-type-rich is-provider-instagram wp-block-embed-instagram">'
                     f'<div class="wp-block-embed__wrapper">\n{instagram_blockquote()}\n</div></figure>')
    post = only_embed(cleaned(html))
    assert (post.kind, post.url, post.language) == ("instagram", INSTAGRAM, "de")


@pytest.mark.parametrize("markup", [
    '<iframe class="instagram-media instagram-media-rendered" src="https://www.instagram.com/p/C_kZ2mXo8Qe/embed/'
    'captioned/?cr=1&amp;v=14" frameborder="0" height="760"></iframe>',
    '<amp-instagram data-shortcode="C_kZ2mXo8Qe" data-captioned width="400" height="400" layout="responsive">'
    '</amp-instagram>',
], ids=["iframe", "amp"])
def test_instagram_player_forms_give_the_post_url(markup):
    post = only_embed(cleaned(page_with(markup)))
    assert (post.kind, post.url, post.text) == ("instagram", INSTAGRAM, None)


def facebook_quote() -> str:
    return (f'<blockquote cite="{FACEBOOK}" class="fb-xfbml-parse-ignore"><p>{FB_TEXT}</p>Posted by '
            f'<a href="https://www.facebook.com/StadtRegensburg">Stadt Regensburg</a> on&nbsp;'
            f'<a href="{FACEBOOK}">Sunday, September 15, 2024</a></blockquote>')


@pytest.mark.parametrize("div_class", ["fb-post", "fb-video"])
def test_facebook_post_and_video_give_text_author_date(div_class):
    html = page_with(f'<div class="{div_class}" data-href="{FACEBOOK}" data-width="500" data-show-text="true">'
                     f'{facebook_quote()}</div><div id="fb-root"></div>')
    article = cleaned(html)
    post = only_embed(article)
    assert (post.kind, post.url, post.author, post.published) == (
        "facebook", FACEBOOK, "Stadt Regensburg", "2024-09-15")
    assert post.text == FB_TEXT
    assert post.language == "de"
    assert "Posted by" not in article.text
    assert_body_is_the_story(article)


def test_facebook_plugin_iframe_gives_the_post_from_its_href():
    html = page_with('<iframe src="https://www.facebook.com/plugins/post.php?href=https%3A%2F%2Fwww.facebook.com%2F'
                     'StadtRegensburg%2Fposts%2F1234567890123456&amp;show_text=true&amp;width=500" width="500" '
                     'height="268" scrolling="no" frameborder="0"></iframe>')
    post = only_embed(cleaned(html))
    assert (post.kind, post.url) == ("facebook", FACEBOOK)


@pytest.mark.parametrize("markup, text", [
    ('<iframe width="560" height="315" src="https://www.youtube.com/embed/dQ5kXb9aZ1c?si=Ab12Cd" '
     'title="Hochwasser in Bayern: Passau und Regensburg kämpfen gegen die Donau" frameborder="0" allowfullscreen>'
     '</iframe>', "Hochwasser in Bayern: Passau und Regensburg kämpfen gegen die Donau"),
    ('<iframe width="560" height="315" src="https://www.youtube-nocookie.com/embed/dQ5kXb9aZ1c" '
     'title="YouTube video player" frameborder="0" allowfullscreen></iframe>', None),
    ('<lite-youtube videoid="dQ5kXb9aZ1c" playlabel="Hochwasser in Bayern: Passau und Regensburg kämpfen gegen '
     'die Donau"></lite-youtube>', "Hochwasser in Bayern: Passau und Regensburg kämpfen gegen die Donau"),
    ('<amp-youtube data-videoid="dQ5kXb9aZ1c" layout="responsive" width="480" height="270"></amp-youtube>', None),
    ('<p><a href="https://youtu.be/dQ5kXb9aZ1c">https://youtu.be/dQ5kXb9aZ1c</a></p>', None),
], ids=["iframe-titled", "iframe-generic-title", "lite-youtube", "amp", "bare-link"])
def test_youtube_forms_give_the_watch_url_and_title_as_text(markup, text):
    video = only_embed(cleaned(page_with(markup)))
    assert (video.kind, video.url, video.text) == ("youtube", "https://www.youtube.com/watch?v=dQ5kXb9aZ1c", text)
    assert video.language == ("de" if text else None)


def test_tiktok_blockquote_gives_caption_without_author_and_sound():
    html = page_with('<blockquote class="tiktok-embed" cite="https://www.tiktok.com/@lena.ausbayern/video/'
                     '7414628843021126945" data-video-id="7414628843021126945" style="max-width: 605px;"> <section> '
                     '<a target="_blank" title="@lena.ausbayern" href="https://www.tiktok.com/@lena.ausbayern?'
                     'refer=embed">@lena.ausbayern</a> <p>Unsere Straße heute Morgen vs. gestern Abend 😳 Bleibt '
                     'alle sicher! <a title="hochwasser" target="_blank" href="https://www.tiktok.com/tag/hochwasser'
                     '?refer=embed">#hochwasser</a></p> <a target="_blank" title="♬ original sound - Lena" '
                     'href="https://www.tiktok.com/music/original-sound-741?refer=embed">♬ original sound - Lena</a> '
                     '</section> </blockquote> <script async src="https://www.tiktok.com/embed.js"></script>')
    article = cleaned(html)
    video = only_embed(article)
    assert (video.kind, video.url, video.handle) == (
        "tiktok", "https://www.tiktok.com/@lena.ausbayern/video/7414628843021126945", "lena.ausbayern")
    assert video.text == "Unsere Straße heute Morgen vs. gestern Abend 😳 Bleibt alle sicher! #hochwasser"
    assert video.language == "de"
    assert_body_is_the_story(article)


def test_tiktok_player_iframe():
    html = page_with('<iframe src="https://www.tiktok.com/embed/v2/7414628843021126945" width="325" height="740">'
                     '</iframe>')
    assert only_embed(cleaned(html)).url == "https://www.tiktok.com/embed/v2/7414628843021126945"


@pytest.mark.parametrize("markup, handle", [
    ('<script async src="https://telegram.org/js/telegram-widget.js?22" data-telegram-post="unwetter_bayern/4821" '
     'data-width="100%"></script>', "unwetter_bayern"),
    ('<iframe id="telegram-post-unwetter_bayern-4821" src="https://t.me/unwetter_bayern/4821?embed=1" '
     'width="100%" frameborder="0" scrolling="no"></iframe>', None),
    ('<p><a href="https://t.me/unwetter_bayern/4821">https://t.me/unwetter_bayern/4821</a></p>', None),
], ids=["widget-script", "iframe", "bare-link"])
def test_telegram_forms_give_the_post_url(markup, handle):
    article = cleaned(page_with(markup))
    post = only_embed(article)
    assert (post.kind, post.url, post.handle) == ("telegram", "https://t.me/unwetter_bayern/4821", handle)
    assert_body_is_the_story(article)


def test_links_to_profiles_and_channels_are_not_posts():
    html = page_with('<p><a href="https://www.instagram.com/baeckerei_gruber/">https://www.instagram.com/'
                     'baeckerei_gruber/</a></p>\n<p><a href="https://t.me/unwetter_bayern">https://t.me/'
                     'unwetter_bayern</a></p>')
    assert cleaned(html).embeds == ()


def test_a_widget_is_found_by_its_class_as_the_xpath_it_replaced_read_classes():
    """`classed` reads a class list as XPath's normalize-space splits it: on spaces, tabs and line
    breaks, not on a no-break space; and the whole document, in order, as "//" reads it."""
    import lxml.html

    from ingest.core.embeds.found import classed, elements
    tree = lxml.html.fromstring(
        "<html><body><blockquote class='a\n twitter-tweet\tb' id='1'></blockquote>"
        "<blockquote class='twitter-tweet\xa0b' id='2'></blockquote><blockquote class='twitter-tweets' id='3'>"
        "</blockquote><div><blockquote class='twitter-tweet' id='4'></blockquote></div></body></html>")
    assert [q.get("id") for q in classed(tree, "blockquote", "twitter-tweet")] == ["1", "4"]
    xpath = '//blockquote[contains(concat(" ", normalize-space(@class), " "), " twitter-tweet ")]'
    assert classed(tree, "blockquote", "twitter-tweet") == tree.xpath(xpath)
    assert elements(tree, "blockquote") == tree.xpath("//blockquote")

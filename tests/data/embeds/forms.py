"""The markup forms a post takes on real pages, and the embed `clean` should read from each."""
from __future__ import annotations

import hashlib
import re
from datetime import date
from html import escape
from urllib.parse import quote

AMP_FORMS = {"amp", "instagram_amp", "youtube_amp"}
TEXTLESS_FORMS = {"iframe", "link", "wordpress_url", "instagram_iframe", "instagram_amp", "facebook_iframe",
                  "tiktok_iframe", "youtube_untitled", "youtube_amp", "youtube_link",
                  "telegram_script", "telegram_iframe", "telegram_link"}
_TAG_OR_MENTION = re.compile(r"([#@][^\W_][\w]*)")
_WIDGET_JS = '<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>'


def render(post: dict) -> str:
    return globals()["_" + post["form"]](post)


def expected(post: dict, position: int) -> dict:
    """The embed record fields this post's form lets a reader recover."""
    form, platform = post["form"], post["platform"]
    has_text = form not in TEXTLESS_FORMS
    url, author, handle, published = _expected_source(post)
    return {
        "id": post["id"], "form": form,
        "kind": "tweet" if platform == "tweet" else platform,
        "url": url, "author": author, "handle": handle, "published": published,
        "text": post["text"] if has_text else None,
        "language": post.get("lang") if has_text else None,
        "declared": post.get("declared") if form in _DECLARING_FORMS else None,
        "position": position,
    }


_DECLARING_FORMS = {"widget", "wordpress", "amp", "flattened_html", "bare_blockquote"}


def _expected_source(post: dict) -> tuple:
    form = post["form"]
    day = post["date"]
    if post["platform"] == "tweet":
        if form == "iframe":
            return f"https://twitter.com/i/status/{post['status_id']}", None, None, None
        if form in ("link", "wordpress_url"):
            return _status_url(post), None, post["handle"], None
        if form == "flattened_text":
            return None, post["author"], post["handle"], day
        return _status_url(post), post["author"], post["handle"], day
    if post["platform"] == "instagram":
        url = f"https://www.instagram.com/p/{_code(post)}/"
        if form in ("instagram_captioned", "instagram_wordpress"):
            return url, post["author"], post["handle"], _instagram_time(post)
        return url, None, None, None
    if post["platform"] == "facebook":
        url = _facebook_url(post)
        return (url, None, None, None) if form == "facebook_iframe" else (url, post["author"], None, day)
    if post["platform"] == "tiktok":
        if form == "tiktok_iframe":
            return f"https://www.tiktok.com/embed/v2/{post['status_id']}", None, None, None
        return _tiktok_url(post), None, post["handle"], None
    if post["platform"] == "youtube":
        return f"https://www.youtube.com/watch?v={_code(post)}", None, None, None
    handle = post["handle"] if form == "telegram_script" else None
    return _telegram_url(post), None, handle, None


# ------------------------------------------------------------------ identifiers

def _digest(post: dict) -> str:
    return hashlib.sha256(post["id"].encode()).hexdigest()


def _code(post: dict) -> str:
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"
    n = int(_digest(post), 16)
    return "".join(alphabet[(n >> (6 * i)) % 64] for i in range(11))


def _host(post: dict) -> str:
    return "x.com" if int(_digest(post)[0], 16) % 3 == 0 else "twitter.com"


def _status_url(post: dict) -> str:
    return f"https://{_host(post)}/{post['handle']}/status/{post['status_id']}"


def _facebook_url(post: dict) -> str:
    page = re.sub(r"[^A-Za-z]", "", post["author"].encode("ascii", "ignore").decode())
    kind = "videos" if post["form"] == "facebook_video" else "posts"
    return f"https://www.facebook.com/{page}/{kind}/{post['status_id'][:16]}"


def _tiktok_url(post: dict) -> str:
    return f"https://www.tiktok.com/@{post['handle']}/video/{post['status_id']}"


def _telegram_url(post: dict) -> str:
    return f"https://t.me/{post['handle']}/{int(_digest(post)[:4], 16) % 9000 + 100}"


def _instagram_time(post: dict) -> str:
    return f"{post['date']}T{int(_digest(post)[:2], 16) % 24:02d}:{int(_digest(post)[2:4], 16) % 60:02d}:00+00:00"


def _english_day(iso: str) -> str:
    day = date.fromisoformat(iso)
    return f"{day:%B} {day.day}, {day.year}"


def _stubs(post: dict) -> tuple[str | None, str | None]:
    """Whether the widget appended a t.co link and/or a picture stub (as most tweets have)."""
    digest = _digest(post)
    code = "".join(ch for ch in _code(post) + digest if ch.isalnum())  # t.co codes are letters and digits
    link = "https://t.co/" + code[:10] if int(digest[1], 16) % 3 == 0 else None
    picture = "pic.twitter.com/" + code[10:20] if int(digest[2], 16) % 2 == 0 else None
    return link, picture


# ------------------------------------------------------------------ tweets

def _tweet_html(post: dict) -> str:
    """Post text as the widget writes it: hashtags and mentions linked, line breaks as <br>."""
    def link(match: re.Match) -> str:
        word = match.group(1)
        if word.startswith("#"):
            return f'<a href="https://twitter.com/hashtag/{quote(word[1:])}?src=hash&amp;ref_src=twsrc%5Etfw">{word}</a>'
        return f'<a href="https://twitter.com/{word[1:]}?ref_src=twsrc%5Etfw">{word}</a>'

    lines = [_TAG_OR_MENTION.sub(link, escape(line, quote=False)) for line in post["text"].split("\n")]
    stub_link, picture = _stubs(post)
    tail = "".join(f' <a href="https://t.co/{s.rsplit("/", 1)[1]}">{s}</a>' for s in (stub_link, picture) if s)
    return "<br>".join(lines) + tail


def _p_open(post: dict) -> str:
    declared = post.get("declared")
    return f'<p lang="{declared}" dir="ltr">' if declared else "<p>"


def _attribution(post: dict) -> str:
    return (f'&mdash; {escape(post["author"])} (@{post["handle"]}) <a href="{_status_url(post)}?ref_src=twsrc%5Etfw">'
            f'{_english_day(post["date"])}</a>')


def _widget(post: dict) -> str:
    return (f'<blockquote class="twitter-tweet" data-width="550" data-dnt="true">{_p_open(post)}{_tweet_html(post)}</p>'
            f'{_attribution(post)}</blockquote> {_WIDGET_JS}')


def _wordpress(post: dict) -> str:
    return ('<figure class="wp-block-embed is-type-rich is-provider-twitter wp-block-embed-twitter">'
            f'<div class="wp-block-embed__wrapper">\n{_widget(post)}\n</div></figure>')


def _amp(post: dict) -> str:
    return (f'<amp-twitter width="375" height="472" layout="responsive" data-tweetid="{post["status_id"]}">'
            f'<blockquote placeholder class="twitter-tweet" data-lang="en">{_p_open(post)}{_tweet_html(post)}</p>'
            f'{_attribution(post)}</blockquote></amp-twitter>')


def _flattened_html(post: dict) -> str:
    """A sanitiser dropped the blockquote: the post's paragraphs, then the attribution paragraph."""
    parts = _tweet_html(post).split("<br><br>")
    return "\n".join(f"{_p_open(post)}{part}</p>" for part in parts) + f"\n<p>{_attribution(post)}</p>"


def _flattened_text(post: dict) -> str:
    """Pasted as plain text: no links left, the stubs as words, the attribution as a last line."""
    stub_link, picture = _stubs(post)
    lines = [escape(line, quote=False) for line in post["text"].split("\n")]
    stubs = " ".join(s for s in (stub_link, picture) if s)
    if stubs:
        lines[-1] = f"{lines[-1]} {stubs}"
    lines.append(f'— {escape(post["author"])} (@{post["handle"]}) {_english_day(post["date"])}')
    return "<p>" + "<br>\n".join(lines) + "</p>"


def _bare_blockquote(post: dict) -> str:
    return f'<blockquote>{_p_open(post)}{_tweet_html(post)}</p>{_attribution(post)}</blockquote>'


def _iframe(post: dict) -> str:
    sid = post["status_id"]
    return ('<div class="twitter-tweet twitter-tweet-rendered" style="display: flex; max-width: 550px; width: 100%;">'
            f'<iframe id="twitter-widget-0" scrolling="no" frameborder="0" allowtransparency="true" '
            f'allowfullscreen="true" style="position: static; visibility: visible; width: 550px; height: 420px;" '
            f'title="X Post" src="https://platform.twitter.com/embed/Tweet.html?dnt=true&amp;embedId=twitter-widget-0'
            f'&amp;frame=false&amp;hideCard=false&amp;hideThread=false&amp;id={sid}&amp;lang=en&amp;theme=light'
            f'&amp;width=550px" data-tweet-id="{sid}"></iframe></div>')


def _link(post: dict) -> str:
    url = _status_url(post)
    return f'<p><a href="{url}">{url}</a></p>'


def _wordpress_url(post: dict) -> str:
    return ('<figure class="wp-block-embed is-type-rich is-provider-twitter wp-block-embed-twitter">'
            f'<div class="wp-block-embed__wrapper">\n{_status_url(post)}\n</div></figure>')


# ------------------------------------------------------------------ Instagram

def _instagram_quote(post: dict) -> str:
    url = f"https://www.instagram.com/p/{_code(post)}/?utm_source=ig_embed&amp;utm_campaign=loading"
    day = date.fromisoformat(post["date"])
    caption = "<br>".join(escape(line, quote=False) for line in post["text"].split("\n"))
    return (f'<blockquote class="instagram-media" data-instgrm-captioned data-instgrm-permalink="{url}" '
            f'data-instgrm-version="14" style="background:#FFF; border:0; max-width:540px;">'
            f'<div style="padding:16px;"><a href="{url}" style="background:#FFFFFF;" target="_blank">'
            f'<div style="padding:19% 0;"></div><div style="padding-top: 8px;"><div style="color:#3897f0;">'
            f'View this post on Instagram</div></div></a>'
            f'<p style=" color:#c9c8cd; margin:8px 0 0 0;"><a href="{url}" style="color:#000;" target="_blank">'
            f'{caption}</a></p>'
            f'<p style=" color:#c9c8cd; font-size:14px;">A post shared by <a href="https://www.instagram.com/'
            f'{post["handle"]}/?utm_source=ig_embed" target="_blank">{escape(post["author"])}</a> (@{post["handle"]}) '
            f'on <time style=" font-size:14px;" datetime="{_instagram_time(post)}">{day:%b} {day.day}, {day.year}'
            f'</time></p></div></blockquote>\n<script async src="//www.instagram.com/embed.js"></script>')


def _instagram_captioned(post: dict) -> str:
    return _instagram_quote(post)


def _instagram_wordpress(post: dict) -> str:
    return ('<figure class="wp-block-embed is-type-rich is-provider-instagram wp-block-embed-instagram">'
            f'<div class="wp-block-embed__wrapper">\n{_instagram_quote(post)}\n</div></figure>')


def _instagram_iframe(post: dict) -> str:
    return (f'<iframe class="instagram-media instagram-media-rendered" id="instagram-embed-0" '
            f'src="https://www.instagram.com/p/{_code(post)}/embed/captioned/?cr=1&amp;v=14&amp;wp=540" '
            f'allowtransparency="true" allowfullscreen="true" frameborder="0" height="760" '
            f'data-instgrm-payload-id="instagram-media-payload-0" scrolling="no"></iframe>')


def _instagram_amp(post: dict) -> str:
    return (f'<amp-instagram data-shortcode="{_code(post)}" data-captioned width="400" height="400" '
            f'layout="responsive"></amp-instagram>')


# ------------------------------------------------------------------ Facebook

def _facebook_quote(post: dict) -> str:
    url = _facebook_url(post)
    page = url.split("/")[3]
    day = date.fromisoformat(post["date"])
    text = "<br>".join(escape(line, quote=False) for line in post["text"].split("\n"))
    return (f'<blockquote cite="{url}" class="fb-xfbml-parse-ignore"><p>{text}</p>Posted by '
            f'<a href="https://www.facebook.com/{page}">{escape(post["author"])}</a> on&nbsp;'
            f'<a href="{url}">{day:%A}, {_english_day(post["date"])}</a></blockquote>')


def _facebook_post(post: dict) -> str:
    return (f'<div class="fb-post" data-href="{_facebook_url(post)}" data-width="500" data-show-text="true">'
            f'{_facebook_quote(post)}</div>\n<div id="fb-root"></div><script async defer crossorigin="anonymous" '
            f'src="https://connect.facebook.net/en_US/sdk.js#xfbml=1&amp;version=v18.0"></script>')


def _facebook_video(post: dict) -> str:
    return (f'<div class="fb-video" data-href="{_facebook_url(post)}" data-width="500" data-show-text="true">'
            f'{_facebook_quote(post)}</div>')


def _facebook_iframe(post: dict) -> str:
    href = quote(_facebook_url(post), safe="")
    return (f'<iframe src="https://www.facebook.com/plugins/post.php?href={href}&amp;show_text=true&amp;width=500" '
            f'width="500" height="268" style="border:none;overflow:hidden" scrolling="no" frameborder="0" '
            f'allowfullscreen="true" allow="autoplay; clipboard-write; encrypted-media; picture-in-picture; '
            f'web-share"></iframe>')


# ------------------------------------------------------------------ TikTok

def _tiktok_quote(post: dict) -> str:
    def tag(match: re.Match) -> str:
        word = match.group(1)
        return (f'<a title="{word[1:]}" target="_blank" href="https://www.tiktok.com/tag/{quote(word[1:])}'
                f'?refer=embed">{word}</a>') if word.startswith("#") else word

    caption = _TAG_OR_MENTION.sub(tag, escape(post["text"], quote=False))
    sound = f"♬ original sound - {escape(post['author'])}"
    return (f'<blockquote class="tiktok-embed" cite="{_tiktok_url(post)}" data-video-id="{post["status_id"]}" '
            f'style="max-width: 605px;min-width: 325px;" > <section> <a target="_blank" title="@{post["handle"]}" '
            f'href="https://www.tiktok.com/@{post["handle"]}?refer=embed">@{post["handle"]}</a> <p>{caption}</p> '
            f'<a target="_blank" title="{sound}" href="https://www.tiktok.com/music/original-sound-'
            f'{post["status_id"][:12]}?refer=embed">{sound}</a> </section> </blockquote> '
            f'<script async src="https://www.tiktok.com/embed.js"></script>')


def _tiktok_iframe(post: dict) -> str:
    return (f'<iframe src="https://www.tiktok.com/embed/v2/{post["status_id"]}" width="325" height="740" '
            f'style="border:none" allowfullscreen></iframe>')


def _tiktok_wordpress(post: dict) -> str:
    return ('<figure class="wp-block-embed is-type-video is-provider-tiktok wp-block-embed-tiktok">'
            f'<div class="wp-block-embed__wrapper">\n{_tiktok_quote(post)}\n</div></figure>')


# ------------------------------------------------------------------ YouTube

def _youtube_frame(post: dict, title: str, query: str = "?si=" ) -> str:
    return (f'<iframe width="560" height="315" src="https://www.youtube.com/embed/{_code(post)}{query}'
            f'{_code(post)[:6]}" title="{escape(title)}" frameborder="0" allow="accelerometer; autoplay; '
            f'clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share" '
            f'referrerpolicy="strict-origin-when-cross-origin" allowfullscreen></iframe>')


def _youtube_iframe(post: dict) -> str:
    return _youtube_frame(post, post["text"])


def _youtube_untitled(post: dict) -> str:
    return _youtube_frame(post, "YouTube video player")


def _youtube_wordpress(post: dict) -> str:
    return ('<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube '
            'wp-embed-aspect-16-9 wp-has-aspect-ratio"><div class="wp-block-embed__wrapper">\n'
            f'{_youtube_frame(post, post["text"], "?feature=oembed&amp;x=")}\n</div></figure>')


def _youtube_lite(post: dict) -> str:
    return f'<lite-youtube videoid="{_code(post)}" playlabel="{escape(post["text"])}"></lite-youtube>'


def _youtube_amp(post: dict) -> str:
    return f'<amp-youtube data-videoid="{_code(post)}" layout="responsive" width="480" height="270"></amp-youtube>'


def _youtube_link(post: dict) -> str:
    url = f"https://youtu.be/{_code(post)}"
    return f'<p><a href="{url}">{url}</a></p>'


# ------------------------------------------------------------------ Telegram

def _telegram_script(post: dict) -> str:
    post_path = _telegram_url(post).removeprefix("https://t.me/")
    return (f'<script async src="https://telegram.org/js/telegram-widget.js?22" data-telegram-post="{post_path}" '
            f'data-width="100%"></script>')


def _telegram_iframe(post: dict) -> str:
    url = _telegram_url(post)
    return (f'<iframe id="telegram-post-{url.split("/")[3]}" src="{url}?embed=1" width="100%" height="" '
            f'frameborder="0" scrolling="no" style="overflow: hidden; color-scheme: light dark; border: none; '
            f'min-width: 320px; height: 512px;"></iframe>')


def _telegram_link(post: dict) -> str:
    url = _telegram_url(post)
    return f'<p><a href="{url}">{url}</a></p>'

"""Site templates around an article: the furniture a news page has, in three house styles."""
from __future__ import annotations

import json
from datetime import date
from html import escape

_SECTIONS = ["World", "Europe", "Politics", "Business", "Climate", "Sport", "Travel", "Opinion"]
_RELATED = [
    ("Ports reopen after week-long customs strike", "Freight backlogs are expected to take a fortnight to clear, operators say."),
    ("Central bank holds rates as inflation cools", "Policymakers signalled that cuts could come in the spring if wage growth slows."),
    ("Heatwave warnings issued for the south", "Forecasters expect temperatures above 40C in parts of the region by Thursday."),
]


def render(template: str, article: dict, body: str, name: str) -> str:
    return {"wordpress": _wordpress, "newsroom": _newsroom, "amp": _amp}[template](article, body, name)


def _head(article: dict, name: str, extra: str = "") -> str:
    slug = name.removesuffix(".html")
    url = f"https://news.example.org/{article['published'][:4]}/{slug}/"
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": article["title"],
          "datePublished": article["published"], "author": {"@type": "Person", "name": article["author"]},
          "publisher": {"@type": "Organization", "name": article["site"]}}
    return (f'<head><meta charset="utf-8"><title>{escape(article["title"])} | {escape(article["site"])}</title>\n'
            f'<link rel="canonical" href="{url}">\n<meta property="og:title" content="{escape(article["title"])}">\n'
            f'<meta property="og:site_name" content="{escape(article["site"])}">\n'
            f'<meta property="article:published_time" content="{article["published"]}T08:30:00+00:00">\n'
            f'<script type="application/ld+json">{json.dumps(ld)}</script>\n{extra}</head>')


def _nav(cls: str) -> str:
    items = "".join(f'<li class="menu-item"><a href="/{s.lower()}/">{s}</a></li>' for s in _SECTIONS)
    return f'<nav class="{cls}"><ul class="menu">{items}</ul></nav>'


def _byline(article: dict) -> str:
    day = date.fromisoformat(article["published"])
    return (f'<div class="byline"><span class="author">By <a href="/author/" rel="author">{escape(article["author"])}'
            f'</a></span> <time datetime="{article["published"]}">{day:%B} {day.day}, {day.year}</time></div>')


def _share() -> str:
    return ('<div class="share-bar"><a href="#" class="share-facebook">Share on Facebook</a>'
            '<a href="#" class="share-x">Share on X</a><a href="#" class="share-mail">Email</a></div>')


def _related(cls: str) -> str:
    items = "".join(f'<li><a href="/related/{i}/"><h4>{escape(t)}</h4></a><p>{escape(d)}</p></li>'
                    for i, (t, d) in enumerate(_RELATED))
    return f'<aside class="{cls}"><h3>Related stories</h3><ul>{items}</ul></aside>'


def _footer() -> str:
    return ('<footer class="site-footer"><p>© 2024 News Example Media. All rights reserved.</p>'
            '<ul><li><a href="/about/">About us</a></li><li><a href="/privacy/">Privacy policy</a></li>'
            '<li><a href="/contact/">Contact</a></li></ul>'
            '<div class="cookie-notice">We use cookies to improve your experience. '
            '<button>Accept</button></div></footer>')


def _wordpress(article: dict, body: str, name: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="en-US">
{_head(article, name, '<link rel="stylesheet" href="/wp-includes/css/dist/block-library/style.min.css">')}
<body class="post-template-default single single-post">
<header class="site-header"><div class="site-branding"><a href="/">{escape(article["site"])}</a></div>
{_nav("main-navigation")}<div class="header-actions"><a href="/login/">Login</a> <a href="/join/">Join Free</a></div></header>
<main id="main" class="site-main"><article class="post type-post status-publish format-standard">
<div class="breadcrumbs"><a href="/">Home</a> » <a href="/europe/">Europe</a></div>
<header class="entry-header"><h1 class="entry-title">{escape(article["title"])}</h1>{_byline(article)}</header>
{_share()}
<div class="entry-content">
{body}
</div>
<footer class="entry-footer"><span class="tags-links">Tags: <a href="/tag/europe/">Europe</a>, <a href="/tag/news/">News</a></span></footer>
<div class="author-box"><h4>{escape(article["author"])}</h4><p>{escape(article["author"])} is a staff correspondent covering European affairs.</p></div>
<nav class="post-navigation"><a href="/prev/" rel="prev">Previous article</a> <a href="/next/" rel="next">Next article</a></nav>
</article>
{_related("related-posts")}
<div id="comments" class="comments-area"><h3>Leave a comment</h3><form><textarea></textarea><button>Post comment</button></form></div>
</main>
{_footer()}
</body></html>
"""


def _newsroom(article: dict, body: str, name: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="en">
{_head(article, name)}
<body class="article-page">
<div class="top-bar"><span>Subscribe for full access</span> <a href="/subscribe/">Subscribe</a></div>
<header class="masthead"><a class="logo" href="/">{escape(article["site"])}</a>{_nav("primary-nav")}</header>
<div class="ad-slot">ADVERTISEMENT</div>
<div class="layout"><div class="main-column">
<h1 class="headline">{escape(article["title"])}</h1>
{_byline(article)}
<div class="article-body" itemprop="articleBody">
{body}
</div>
{_share()}
<div class="newsletter-signup"><h4>Get our morning briefing</h4><p>The day's top stories in your inbox every weekday.</p><input type="email"><button>Sign up</button></div>
</div>
{_related("sidebar trending")}
</div>
{_footer()}
</body></html>
"""


def _amp(article: dict, body: str, name: str) -> str:
    scripts = ('<script async src="https://cdn.ampproject.org/v0.js"></script>\n'
               '<script async custom-element="amp-twitter" src="https://cdn.ampproject.org/v0/amp-twitter-0.1.js"></script>\n'
               '<script async custom-element="amp-instagram" src="https://cdn.ampproject.org/v0/amp-instagram-0.1.js"></script>\n'
               '<script async custom-element="amp-youtube" src="https://cdn.ampproject.org/v0/amp-youtube-0.1.js"></script>')
    return f"""<!doctype html>
<html ⚡ lang="en">
{_head(article, name, scripts)}
<body>
<header class="amp-header"><a href="/">{escape(article["site"])}</a></header>
<article class="amp-article">
<h1>{escape(article["title"])}</h1>
{_byline(article)}
<div class="amp-article-content">
{body}
</div>
</article>
{_related("amp-related")}
{_footer()}
</body></html>
"""

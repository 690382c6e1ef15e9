"""The headline: the article's JSON-LD headline, og/twitter title, the headline element (the h1, or
what stands in its place), else <title>; the headline the page shows where it rewords the declared
one; HTML entities a template escaped twice or more decoded; a site name the title merely appends
cut off."""
from __future__ import annotations

import re

from .references import folded

# Spaced as Latin titles write them, then unspaced as Chinese and Japanese ones do
# ("記事の見出し｜サイト名", "新闻标题_网站名"): a part is cut only when it names the site or the
# rest is the h1, so a separator of the headline's own stays whichever it is.
SEPARATORS = (" | ", " - ", " – ", " — ", " · ", " • ", " :: ", ": ", " / ", " » ", " « ",
              "｜", "|", "_", "－", "–", "—")
_WORD = re.compile(r"\w+")
_SHARED_WORDS = 0.2  # of the two titles' words together
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DATELINE = re.compile(rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d\b|\b\d{{1,2}}\s+{_MONTH}\s+(?:19|20)\d\d\b"
                       r"|\bposted\s+on\b", re.I)
_MIN_TITLE = 15  # characters: a shorter title ("Home", "Blog") names no article
_NOT_SHOWN = {"script", "style", "noscript", "template", "head", "title"}
# "Headline | Site name": the last separated part, when short enough to be a name.
_LAST_PART = re.compile(r"\s+[|\-–—·:]\s+[^|\-–—·:]{2,60}$")


def read_title(page, headline: str | None, site_name: str | None) -> str | None:
    shown = _shown_headline(page)
    title = _decoded(headline) or _decoded(page.meta_first("og:title", "twitter:title")) or shown
    if not title:
        node = page.tree.find(".//title")
        title = _decoded(node.text_content()) if node is not None else None
    if not title:
        return None
    title = without_site_name(title, site_name, shown)
    return without_site_name(shown, site_name) if _shown_rewords(shown, title) else title


def _shown_rewords(shown: str | None, declared: str) -> bool:
    """Whether the page shows the declared title's story under other words: a headline of three
    words or more sharing a fifth of its words with the declared title ("11 SEO Strategies for 2025
    to Boost Rankings" shown, "Top 11 SEO Strategies for 2025" declared for search engines). A
    headline that shares none is no rewording (a site's logo, a section's name)."""
    if not shown or _letters(shown) == _letters(declared) or len(shown.split()) < 3:
        return False  # the same words spelled otherwise (case, quotes, dashes): the declared spelling stays
    if _DATELINE.search(shown):
        return False  # a dateline set inside the h1 ("Dec 18 2025 Preparing a transition")
    return _same_story(shown, declared)


def _same_story(one: str, other: str) -> bool:
    """Whether two titles share a fifth of their words: one story, perhaps worded otherwise."""
    ours, theirs = set(_WORD.findall(one.casefold())), set(_WORD.findall(other.casefold()))
    return len(ours & theirs) >= _SHARED_WORDS * len(ours | theirs)


def headline_of(tree):
    """The first h1, or an h2/h3 before it that repeats the <title> without its last separated part
    (the site name): a blog may set its headline in an h2 and use h1 for sections of the article.
    An h1 that shares no fifth of its words with that title names the site or a section (a logo
    set in an h1 above the post's h2): a heading after it that repeats the title is the headline.
    On a page without any, the first element whose own text is that title (site builders set the
    headline in a <p>)."""
    title = without_last_part(" ".join((tree.findtext(".//title") or "").split()))
    titled = len(title) >= _MIN_TITLE
    first = None
    for el in tree.iter("h1", "h2", "h3"):
        text = " ".join(el.text_content().split())
        if titled and text == title:
            return el
        if el.tag == "h1" and first is None:
            if not titled or _same_story(text, title):
                return el
            first = el  # a logo or a section's name, unless no heading repeats the title
    if first is not None or not titled:
        return first
    return next((el for el in tree.iter() if isinstance(el.tag, str) and el.tag not in _NOT_SHOWN
                 and el.text and " ".join(el.text.split()) == title), None)


def without_last_part(title: str) -> str:
    """The title without its last separated part, whatever it names: what a page's headline
    would repeat, for a page that gives no site name to check the part against."""
    return _LAST_PART.sub("", title)


def without_site_name(title: str, site_name: str | None, h1: str | None = None) -> str:
    """'Headline | Site' and 'Site | Headline' become 'Headline' when Site names the site (its
    name or its domain's), or when the rest is the page's own h1. A separator inside a headline
    ('Star Wars: A New Hope') stays."""
    for sep in SEPARATORS:
        head, found, tail = title.rpartition(sep)
        if found and head.strip() and (_names_site(tail, site_name) or (h1 and _letters(head) == _letters(h1))):
            return head.strip()
        head, found, tail = title.partition(sep)
        if found and sep != ": " and tail.strip() and _names_site(head, site_name):  # "Star Wars: …" is a headline
            return tail.strip()
    return title


def _names_site(part: str, site_name: str | None) -> bool:
    if not site_name:
        return False
    part, site = _letters(part), _letters(site_name)
    domain = _letters(site_name.removeprefix("www.").split(".")[0]) if "." in site_name else site
    return bool(part) and (part in (site, domain) or (len(part) >= 4 and (site.startswith(part) or part.startswith(site))))


def _shown_headline(page) -> str | None:
    """The headline's text: the h1, or the heading or element `headline_of` finds in its place."""
    node = headline_of(page.tree)
    return _decoded(node.text_content()) if node is not None else None


def _decoded(text: str | None) -> str | None:
    return folded(text) if isinstance(text, str) else None


def _letters(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())
